"""Benchmarks, kept out of the test run: `python -m kabar.bench --help`.

Generates a large corpus by recombining the bundled example articles (names, figures, dates and
noise varied), then measures each stage in fresh subprocesses so peak memory is per run, and prints
medians over several runs. Figures are machine-dependent; ratios (Kabar vs trafilatura) travel better.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import os
import random
import re
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from kabar.cli import HELP_SETTINGS, example_corpus
from kabar.nlp.pipeline import default_workers

console = Console()
app = typer.Typer(help="Kabar benchmarks: throughput and peak memory per stage, as medians.", add_completion=False,
                  rich_markup_mode=None, context_settings=HELP_SETTINGS)

NAME_POOL = [
    "Budi Santoso", "Siti Rahmawati", "Agus Prasetyo", "Dewi Lestari", "Rizky Ramadhan", "Yuliana Hartono",
    "Park Ji-hoon", "Lee Min-jung", "Choi Dong-wook", "Anna Volkova", "Sergei Ivanov", "Olena Kovalenko",
]
NOISE_POOL = [
    "Baca Juga: {title}",
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "Simak berita dan artikel lainnya di Google News",
    "BERITA TERKAIT",
    "Tinggalkan Balasan",
    "Editor: {name}",
]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
NUMBER = re.compile(r"\b\d{1,3}(?:\.\d{3})+\b|\b\d{2,3}\b(?![./:-]\d)")
DAY_MONTH = re.compile(r"\b([1-9]|[12]\d|3[01]) (" + "|".join(MONTHS) + r")\b")
TWO_WORD_NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?\b")


def _vary(text: str, rng: random.Random) -> str:
    """Change figures, dates and names so articles differ while keeping the news shape."""
    def figure(match: re.Match[str]) -> str:
        value = int(match.group(0).replace(".", "")) * rng.choice([1, 2, 3, 5, 8]) // rng.choice([1, 2, 4])
        return f"{max(value, 1):,}".replace(",", ".")

    text = NUMBER.sub(figure, text)
    text = DAY_MONTH.sub(lambda m: f"{rng.randint(1, 28)} {rng.choice(MONTHS)}", text)
    names = {n: rng.choice(NAME_POOL) for n in set(TWO_WORD_NAME.findall(text)) if rng.random() < 0.3}
    for old, new in names.items():
        text = text.replace(old, new)
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        noise = rng.choice(NOISE_POOL).format(title=rng.choice(lines)[:70], name=rng.choice(NAME_POOL))
        lines.insert(rng.randint(1, max(1, len(lines) - 1)), noise)
    return "\n".join(lines)


def generate_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Write `count` varied .txt articles into `folder` (one subfolder per thousand)."""
    rng = random.Random(seed)
    templates = [p.read_text("utf-8") for p in sorted(example_corpus().glob("*.txt"))]
    if not templates:
        raise typer.BadParameter("the bundled example corpus is missing")
    paths = []
    for index in range(count):
        path = folder / f"{index // 1000:03d}" / f"{index:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_vary(rng.choice(templates), rng), encoding="utf-8")
        paths.append(path)
    return paths


def peak_rss_mb() -> float:
    """Peak resident memory of this process (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(stage: str, corpus: str, limit: int) -> dict[str, float]:
    """Run one stage once in this (fresh) process and report items, seconds and peak memory. "ingest"
    reads, cleans and stores; "ingest-stories" also places each article in its live story; "analyze" is
    `kabar analyze` end to end: ingest into an empty store, annotate, stories, the three outputs."""
    from kabar import pipeline
    from kabar.store import Store

    files = sorted(str(p) for p in Path(corpus).rglob("*.txt"))[:limit]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.sqlite")
        started = time.perf_counter()
        if stage == "analyze":
            result, _export, _paths = pipeline.analyze_paths(files, store, Path(tmp) / "out")
        else:
            result = pipeline.ingest(files, store, place_stories=stage == "ingest-stories")
        figures = {"items": len(result.outcomes), "seconds": time.perf_counter() - started}
        store.close()
    figures["peak_mb"] = peak_rss_mb()
    return figures


ADDITIONS = 50


def base_store(folder: Path, articles: int) -> Path:
    """A store holding the generated corpus (built once and kept beside it), for the add-one figure."""
    from kabar import pipeline
    from kabar.store import Store

    path = folder / f"store-{articles}.sqlite"
    if not path.exists():
        building = path.with_suffix(".building")
        with Store(building) as store:
            pipeline.ingest(sorted(str(p) for p in folder.rglob("*.txt"))[:articles], store)
        building.rename(path)
    return path


def _add_one_child(store_path: str, additions: int) -> dict[str, float]:
    """Ingest new articles one at a time (read, clean, store, place in a live story) into a copy of a
    full store; the latency of each is one sample."""
    import shutil

    from kabar import pipeline
    from kabar.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        newcomers = generate_corpus(Path(tmp) / "new", additions, seed=11)
        shutil.copy(store_path, Path(tmp) / "store.sqlite")
        with Store(Path(tmp) / "store.sqlite") as store:
            latencies = []
            for path in newcomers:
                started = time.perf_counter()
                pipeline.ingest([str(path)], store)
                latencies.append(time.perf_counter() - started)
    return {"items": additions, "seconds": sum(latencies), "peak_mb": peak_rss_mb(),
            "latency_ms": 1000 * statistics.median(latencies)}


def _clean_child(corpus: str, limit: int) -> dict[str, float]:
    """Cleaning + metadata of generated text scrapes alone."""
    from kabar.clean import clean
    from kabar.model import RawDocument

    pages = [p.read_text("utf-8") for p in sorted(Path(corpus).rglob("*.txt"))[:limit]]
    raws = [RawDocument(f"p{i}", t.encode(), t, "text/plain") for i, t in enumerate(pages)]
    started = time.perf_counter()
    [clean(r, r.source) for r in raws]
    return {"items": len(pages), "seconds": time.perf_counter() - started, "peak_mb": peak_rss_mb()}


def _annotate_child(corpus: str, limit: int, workers: int | None) -> dict[str, float]:
    """The annotation layer alone (sentences, entities with the statistical model, figures, dates, quotes,
    attribution) on articles of about 600 words: the cleaned bodies of generated articles joined under the
first one's metadata.
    `workers` None means one per core."""
    from kabar.clean import clean
    from kabar.model import Article, RawDocument
    from kabar.nlp import annotate_all
    from kabar.nlp.recogniser import recogniser

    articles: list[Article] = []
    parts: list[Article] = []
    for path in sorted(Path(corpus).rglob("*.txt")):
        text = path.read_text("utf-8")
        parts.append(clean(RawDocument(path.name, text.encode(), text, "text/plain"), path.stem))
        if sum(len(part.text.split()) for part in parts) >= 540:
            first = parts[0]
            articles.append(replace(first, id=f"l{len(articles)}", text="\n\n".join(p.text for p in parts),
                                    paragraphs=[], removed=[]))
            parts = []
        if len(articles) == limit:
            break
    recogniser()  # loading the model is start-up, not throughput
    started = time.perf_counter()
    for _doc in annotate_all(articles, workers):
        pass
    return {"items": len(articles), "seconds": time.perf_counter() - started, "peak_mb": peak_rss_mb(),
            "words": statistics.mean(len(a.text.split()) for a in articles)}


def _measure(args: list[str], runs: int) -> dict[str, float]:
    """Median of `runs` fresh subprocesses: throughput and peak memory."""
    samples = [_child_figures(args) for _ in range(runs)]
    rates = [s["items"] / s["seconds"] for s in samples]
    return {"items": samples[0]["items"], "rate": statistics.median(rates),
            "peak_mb": statistics.median(s["peak_mb"] for s in samples), "words": samples[0].get("words"),
            "latency_ms": statistics.median(s.get("latency_ms", 0.0) for s in samples)}


STARTUP_COMMANDS = (["--help"], ["search", "x"])


def startup_cpu_seconds(args: list[str], store: Path) -> float:
    """User + system CPU seconds of one fresh `kabar ARGS` process, the interpreter's own start included:
    what a user waits for before anything runs."""
    command = [sys.executable, "-c", "from kabar.cli import main; main()", *args]
    if args[0] == "search":
        command += ["--db", str(store)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


@app.command()
def startup(runs: int = typer.Option(5, help="Fresh processes per command; the median is printed.")) -> None:
    """CPU seconds `kabar --help` and `kabar search` take to start, in fresh processes."""
    from kabar.store import Store

    table = Table(title=f"Start-up (median of {runs} fresh processes)")
    for column in ("command", "CPU seconds"):
        table.add_column(column, justify="right" if column != "command" else "left")
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "empty.sqlite"
        Store(store).close()
        for args in STARTUP_COMMANDS:
            seconds = statistics.median(startup_cpu_seconds(args, store) for _ in range(runs))
            table.add_row("kabar " + " ".join(args), f"{seconds:.2f}")
    console.print(table)


@app.command()
def cleaning(runs: int = typer.Option(3, help="Runs per figure; the median is printed.")) -> None:
    """Cleaning speed on real pages, Kabar and trafilatura side by side in this one process, both reading
    metadata: the real HTML pages of ../shared/data/extraction and the real Kompas texts (Kabar alone:
    trafilatura reads no plain text). Wall and CPU seconds are medians of `runs` passes."""
    from kabar.eval import real_cleaning as real

    if not real.EXTRACTION.exists() or not real.KOMPAS.exists():
        console.print(f"[yellow]Real pages not found under {real.SHARED}; the real-page cleaning benchmark is "
                      "skipped.[/]")
        return
    import trafilatura

    from kabar.clean import clean
    from kabar.model import RawDocument

    pages = real.real_pages()
    raws = [RawDocument(p.id, p.html.encode("utf-8"), p.html, "text/html", p.url) for p in pages]
    texts = [real.record_raw(record) for record in real.kompas_records()]
    systems: list[tuple[str, int, Callable[[], object]]] = [
        ("Kabar clean, real HTML pages", len(raws), lambda: [_clean_or_none(clean, r) for r in raws]),
        ("trafilatura.extract(with_metadata=True), same pages", len(pages),
         lambda: [trafilatura.extract(p.html, with_metadata=True) for p in pages]),
        ("Kabar clean, real Kompas texts", len(texts), lambda: [clean(r, r.source) for r in texts]),
    ]
    gc.collect()
    gc.freeze()  # the loaded inputs are the harness's, not work the cleaners do: keep them out of GC scans
    table = Table(title=f"Cleaning real pages in one process (median of {runs} runs)")
    for column in ("what", "items", "items/s (wall)", "wall s", "CPU s"):
        table.add_column(column, justify="left" if column == "what" else "right")
    walls: dict[str, list[float]] = {label: [] for label, _, _ in systems}
    cpus: dict[str, list[float]] = {label: [] for label, _, _ in systems}
    for _ in range(runs):  # the systems take turns within each run, so a busy spell hits them alike
        for label, _, work in systems:
            wall, cpu = time.perf_counter(), time.process_time()
            work()
            walls[label].append(time.perf_counter() - wall)
            cpus[label].append(time.process_time() - cpu)
    rates = {}
    for label, items, _ in systems:
        wall_s, cpu_s = statistics.median(walls[label]), statistics.median(cpus[label])
        rates[label] = items / cpu_s
        table.add_row(label, str(items), f"{items / wall_s:.0f}", f"{wall_s:.2f}", f"{cpu_s:.2f}")
    console.print(table)
    ratio = rates["Kabar clean, real HTML pages"] / rates["trafilatura.extract(with_metadata=True), same pages"]
    console.print(f"Kabar cleans the real HTML pages at {ratio:.2f}x trafilatura.extract's throughput (CPU time).")


def _clean_or_none(clean: Callable, raw: object) -> object:
    from kabar.errors import KabarError

    try:
        return clean(raw, "bench")
    except KabarError:
        return None


@app.command("child", hidden=True)
def child(stage: str, corpus: str, limit: int, out: str = typer.Option("", help="Keep the outputs here.")) -> None:
    if stage == "analyze-real":
        figures: dict[str, float] | dict[str, list[float]] = _analyze_real_child(corpus, out)
    elif stage == "group-real":
        figures = _group_real_child(corpus, limit)
    elif stage == "place-real":
        figures = _place_real_child(corpus, limit)
    elif stage == "clean-text":
        figures = _clean_child(corpus, limit)
    elif stage.startswith("annotate-"):
        workers = stage[len("annotate-"):]
        figures = _annotate_child(corpus, limit, None if workers == "all" else int(workers))
    elif stage == "add-one":
        figures = _add_one_child(corpus, limit)
    elif stage == "long-line":
        figures = _long_line_child(corpus, limit)
    else:
        figures = _child(stage, corpus, limit)
    print(json.dumps(figures))


def cpu_seconds() -> float:
    """CPU time of this process and of the worker processes it waited for."""
    return sum(cpu_split())


def cpu_split() -> tuple[float, float]:
    """CPU time of this process, and of the worker processes it waited for."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, workers.ru_utime + workers.ru_stime


def all_cores_rate(items: float, own_cpu: float, workers_cpu: float, cores: int) -> float:
    """Articles per second the run would make with the machine to itself: the main process's CPU time counts
    whole, as if none of it overlapped the workers (it mostly waits for them, or they for it), and the
    workers' CPU time is shared out over the cores. Other jobs on a shared machine stretch the wall time;
    this figure is what the CPU time says the cores would do."""
    return items / (own_cpu + workers_cpu / cores)


def _analyze_real_child(path: str, out: str = "") -> dict[str, float]:
    """`kabar analyze` on one real JSONL file into an empty store: wall and CPU seconds (this process and its
    workers), peak memory of this process and of its largest worker, and the load average around the run
    (other jobs on the machine stretch the wall time, not the CPU seconds)."""
    from kabar import pipeline
    from kabar.store import Store

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.sqlite") as store:
        started, (own, workers) = time.perf_counter(), cpu_split()
        result, export, _paths = pipeline.analyze_paths([path], store, Path(out) if out else Path(tmp) / "out")
        own_after, workers_after = cpu_split()
        figures = {"items": len(export.articles), "seconds": time.perf_counter() - started,
                   "cpu_seconds": own_after - own + workers_after - workers, "own_cpu_seconds": own_after - own,
                   "workers_cpu_seconds": workers_after - workers, "stories": len(export.stories)}
    figures["peak_mb"] = peak_rss_mb()
    figures["worker_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    figures["load"] = max(load_before, os.getloadavg()[0])
    return figures


def real_looking_articles(folder: Path, count: int) -> list:
    """`count` articles of real news: the real files' articles, cleaned, then again with their dates moved
    on by STORY_DAYS + 1 days per round, so each round is news of another month, not repeats of this one."""
    return [article for _, article in _moved_on(_real_base(folder), count)]


def _real_base(folder: Path) -> list:
    from kabar.eval.stories import real_articles

    found = {a.id: a for path in sorted(folder.glob("*.jsonl")) for a in real_articles(path)}
    return list(found.values())  # a page filed twice is one article, as ingest stores it


def _moved_on(base: list, count: int, in_time: bool = False) -> Iterator:
    """The `count` first articles of `base`, round after round, each round's dates STORY_DAYS + 1 days later;
    `in_time`: in the order of their (moved) dates, as news arrives, undated ones last."""
    from kabar.stories.cluster import STORY_DAYS

    order: Iterable[int] = range(count)
    if in_time:
        days = [a.reference_date.replace(tzinfo=None).timestamp() / 86400 if a.reference_date else None for a in base]
        order = sorted(order, key=lambda n: (days[n % len(base)] is None,
                                             (days[n % len(base)] or 0.0) + (n // len(base)) * (STORY_DAYS + 1), n))
    for n in order:
        article, shift = base[n % len(base)], (n // len(base)) * (STORY_DAYS + 1)
        moved = replace(article, id=f"{article.id}-{n // len(base)}")
        if article.published is not None:
            moved.published = article.published + timedelta(days=shift)
        yield n, moved


LAST_PLACED = 1000
PROGRESS_EVERY = 5000


def _place_real_child(folder: str, count: int) -> dict[str, list[float]]:
    """Live placement at ingest of `count` real-looking articles in the order of their dates, as news
    arrives, stored into an empty store a batch at a time as `kabar ingest` stores them, with figures each
    time the store reaches 1,000 articles and ten times as many: wall seconds so far (storing included), the
    CPU seconds of placing alone so far (the grouping and its reads and writes in the store) and per article
    over the last LAST_PLACED, this process's resident memory then (the real articles and their embeddings
    included), and the store's size. The embedding of each headline and lead is a cost per article that does
    not grow with the store, timed apart (once per distinct text: the rounds repeat)."""
    from itertools import islice

    from kabar.model import RawDocument
    from kabar.pipeline import BATCH_SIZE
    from kabar.store import Store
    from kabar.stories.cluster import article_meanings
    from kabar.stories.live import LiveStories

    base = _real_base(Path(folder))
    cpu = cpu_seconds()
    meanings = article_meanings(base)
    figures: dict[str, list[float]] = {"embedding_ms": [1000 * (cpu_seconds() - cpu) / len(base)]}
    placing, recent, placed = 0.0, [0.0] * LAST_PLACED, 0
    articles = _moved_on(base, count, in_time=True)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "live.sqlite") as store:
        started, checkpoint = time.perf_counter(), 1000
        while batch := list(islice(articles, BATCH_SIZE)):
            with store.transaction():
                live = LiveStories(store)
                for n, article in batch:
                    store.add_article(article, RawDocument(article.id, article.id.encode(), "", "text/plain"))
                    cpu = time.process_time()
                    live.place(article, meanings[n % len(base)])
                    recent[placed % LAST_PLACED] = time.process_time() - cpu
                    placing += recent[placed % LAST_PLACED]
                    placed += 1
                cpu = time.process_time()
                live.finish()
                placing += time.process_time() - cpu
            if placed >= checkpoint or placed == count or placed % PROGRESS_EVERY == 0:
                size = (Path(tmp) / "live.sqlite").stat().st_size / 2**20
                last_ms = 1000 * sum(recent) / min(placed, LAST_PLACED)
                now = {"articles": placed, "seconds": time.perf_counter() - started, "cpu_seconds": placing,
                       "last_ms": last_ms, "rss_mb": _resident_mb(), "peak_mb": peak_rss_mb(), "store_mb": size,
                       "load": os.getloadavg()[0]}
                print(json.dumps(now), file=sys.stderr, flush=True)  # a run cut short still tells how far it got
            if placed >= checkpoint or placed == count:
                for name, value in now.items():
                    figures.setdefault(name, []).append(value)
                checkpoint *= 10
    return figures


def _resident_mb() -> float:
    """This process's resident memory now (Linux)."""
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _group_real_child(folder: str, count: int) -> dict[str, float]:
    """Two-level story grouping alone over `count` real-looking articles."""
    from kabar.stories.cluster import group_articles

    articles = real_looking_articles(Path(folder), count)
    started, cpu = time.perf_counter(), cpu_seconds()
    stories = group_articles(articles)
    return {"items": len(articles), "seconds": time.perf_counter() - started, "cpu_seconds": cpu_seconds() - cpu,
            "stories": len(stories), "peak_mb": peak_rss_mb()}


REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"


@app.command()
def real(
    sizes: str = typer.Option("1000,10000", help="Pile sizes for the grouping growth table (add 100000)."),
    folder: Path = typer.Option(REAL, help="Folder of the real JSONL files."),
    out: Path | None = typer.Option(None, help="Keep each file's story.json, brief.md and report.html here."),
) -> None:
    """Real news: `kabar analyze` end to end on each real file (wall and CPU seconds, peak memory), then
    the story grouping alone on growing piles of real-looking text."""
    if not folder.exists():
        console.print(f"[yellow]{folder} not found: nothing to measure.[/]")
        return
    table = Table(title="kabar analyze end to end on real news (one run, fresh process)")
    for column in ("file", "articles", "wall s", "CPU s", "main + workers CPU s", "articles/s", "per CPU-s",
                   "all cores/s", "stories", "peak MB", "worker MB", "load"):
        table.add_column(column, justify="left" if column == "file" else "right")
    for path in sorted(folder.glob("*.jsonl")):
        kept = ["--out", str(out / path.stem)] if out else []
        with console.status(f"analysing {path.name}"):
            figures = _child_figures(["analyze-real", str(path), "0", *kept])
        all_cores = all_cores_rate(figures["items"], figures["own_cpu_seconds"], figures["workers_cpu_seconds"],
                                   default_workers())
        table.add_row(path.name, str(figures["items"]), f"{figures['seconds']:.0f}", f"{figures['cpu_seconds']:.0f}",
                      f"{figures['own_cpu_seconds']:.0f} + {figures['workers_cpu_seconds']:.0f}",
                      f"{figures['items'] / figures['seconds']:.1f}",
                      f"{figures['items'] / figures['cpu_seconds']:.1f}",
                      f"{all_cores:.1f}", str(figures["stories"]),
                      f"{figures['peak_mb']:.0f}", f"{figures['worker_peak_mb']:.0f}", f"{figures['load']:.1f}")
    console.print(table)
    console.print("articles/s is wall time, which other jobs on the machine stretch (load: the 1-minute load "
                  "average, the higher of before and after); articles per CPU-second counts this process and its "
                  f"workers; all cores/s is what that CPU time makes on {default_workers()} cores with the machine to "
                  "itself: the main process's CPU seconds whole, the workers' shared out over the cores.")
    growth = Table(title="Story grouping alone as the pile grows (real-looking text, one run each)")
    for column in ("articles", "seconds", "CPU s", "articles/s", "ms per article", "stories", "peak MB"):
        growth.add_column(column, justify="right")
    for size in (int(n) for n in sizes.split(",")):
        with console.status(f"grouping {size} articles"):
            figures = _child_figures(["group-real", str(folder), str(size)])
        growth.add_row(f"{size:,}", f"{figures['seconds']:.1f}", f"{figures['cpu_seconds']:.1f}",
                       f"{figures['items'] / figures['seconds']:.0f}", f"{1000 * figures['seconds'] / size:.2f}",
                       f"{figures['stories']:,}", f"{figures['peak_mb']:.0f}")
    console.print(growth)
    placement_growth(max(int(n) for n in sizes.split(",")), folder)


@app.command("placement")
def placement_growth(
    articles: int = typer.Option(10_000, help="Articles to store (figures at 1,000 and each tenfold; try 100000)."),
    folder: Path = typer.Option(REAL, help="Folder of the real JSONL files."),
) -> None:
    """Live placement at ingest (`kabar ingest` placing each stored article in its event and story) as the
    store grows, in one run: the cost per article must stay flat."""
    figures = _child_figures(["place-real", str(folder), str(articles)])
    growth = Table(title="Live placement at ingest as the store grows (real-looking text, one run)")
    for column in ("store holds", f"CPU ms/article, last {LAST_PLACED:,}", f"articles/CPU-s, last {LAST_PLACED:,}",
                   "placing CPU s", "articles/CPU-s", "peak MB", "resident MB", "store MB", "wall s", "load"):
        growth.add_column(column, justify="right")
    for n, size in enumerate(figures["articles"]):
        growth.add_row(f"{size:,.0f}", f"{figures['last_ms'][n]:.2f}", f"{1000 / figures['last_ms'][n]:.0f}",
                       f"{figures['cpu_seconds'][n]:.1f}", f"{size / figures['cpu_seconds'][n]:.0f}",
                       f"{figures['peak_mb'][n]:.0f}", f"{figures['rss_mb'][n]:.0f}", f"{figures['store_mb'][n]:.0f}",
                       f"{figures['seconds'][n]:.0f}", f"{figures['load'][n]:.1f}")
    console.print(growth)
    console.print("placing CPU s: the grouping and its reads and writes in the store, in this process; wall s also "
                  f"stores each article. Embedding each headline and lead costs {figures['embedding_ms'][0]:.1f} CPU "
                  "ms an article more, however large the store.")


SYLLABLES = ["ba", "bu", "di", "dwi", "sri", "to", "no", "wi", "ra", "ma", "na", "ti", "sa", "ri", "ko", "jo", "ha",
             "ya", "an", "in", "ar", "eka", "pu", "tra", "ni", "sih", "lia", "ndi", "gus", "yu"]


def person_names(count: int, surnames: int = 300, seed: int = 5) -> list[str]:
    """`count` person names of one or two given names (two or three syllables, four to nine letters, as most
    Indonesian given names are) and a surname from a pool of `surnames`, so the names sharing a surname grow
    with the count; a third of them misspelled by a letter, as outlets spell them."""
    rng = random.Random(seed)

    def word(syllables: int) -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()

    def misspelled(name: str) -> str:
        at = rng.randrange(1, len(name))
        return name[:at] + rng.choice("aeiouk") + name[at + 1:]

    pool = [word(rng.randint(2, 3)) for _ in range(surnames)]
    names = [" ".join([word(rng.randint(2, 3)) for _ in range(rng.randint(1, 2))] + [rng.choice(pool)])
             for _ in range(count)]
    return [misspelled(name) if rng.random() < 1 / 3 else name for name in names]


@app.command()
def linking(sizes: str = typer.Option("1000,10000,100000", help="How many person names to link.")) -> None:
    """Linking person names across articles as the names grow: each name is compared only with the names
    sharing its block (`kabar.nlp.linking`), so the cost per name must stay flat. The last tenth of the names
    is timed apart: what one more name costs once the store holds the rest."""
    from kabar.nlp.linking import EntityRegistry

    table = Table(title="Linking person names across articles as the names grow (one run each)")
    for column in ("names", "CPU s", "CPU µs per name", "CPU µs per name, last tenth", "comparisons per name",
                   "entities"):
        table.add_column(column, justify="right")
    for size in (int(n) for n in sizes.split(",")):
        names, registry = person_names(size), EntityRegistry()
        last_tenth = size - size // 10
        cpu = time.process_time()
        entities = {registry.key_for(name, "PERSON") for name in names[:last_tenth]}
        tenth_began = time.process_time()
        entities |= {registry.key_for(name, "PERSON") for name in names[last_tenth:]}
        done = time.process_time()
        table.add_row(f"{size:,}", f"{done - cpu:.2f}", f"{1e6 * (done - cpu) / size:.0f}",
                      f"{1e6 * (done - tenth_began) / (size - last_tenth):.0f}",
                      f"{registry.comparisons / size:.2f}", f"{len(entities):,}")
    console.print(table)


def _child_figures(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-m", "kabar.bench", "child", *args],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


@app.command()
def run(
    articles: int = typer.Option(10_000, help="Size of the generated corpus."),
    runs: int = typer.Option(3, help="Runs per figure; the median is printed."),
    analyze_limit: int = typer.Option(10_000, help="Articles for the end-to-end analyze figure."),
    corpus: Path | None = typer.Option(None, help="Reuse a generated corpus folder instead of a new one."),
) -> None:
    """Generate the corpus, then print ingest, cleaning, analyze and add-one-article figures."""
    folder = corpus or Path(tempfile.mkdtemp(prefix="kabar-bench-"))
    if not any(folder.rglob("*.txt")):
        with console.status(f"generating {articles} articles in {folder}"):
            generate_corpus(folder, articles)
    table = Table(title=f"Kabar benchmark (median of {runs} runs, {articles} generated articles)")
    for column in ("stage", "articles", "articles/s", "peak MB"):
        table.add_column(column, justify="right" if column != "stage" else "left")
    rows = [("ingest + store", ["ingest", str(folder), str(n)]) for n in sorted({articles // 10, articles})]
    rows += [
        ("ingest + store + live stories", ["ingest-stories", str(folder), str(articles)]),
        ("clean text", ["clean-text", str(folder), "2000"]),
        ("annotate, one process", ["annotate-1", str(folder), "500"]),
        ("annotate, one process per core", ["annotate-all", str(folder), "500"]),
        ("analyze end to end", ["analyze", str(folder), str(analyze_limit)]),
    ]
    with console.status(f"storing {articles} articles for the add-one figure"):
        rows.append(("add one article to the full store", ["add-one", str(base_store(folder, articles)),
                                                            str(ADDITIONS)]))
    results = {}
    for label, args in rows:
        with console.status(f"measuring {label}"):
            figures = _measure(args, runs)
        results[label] = figures
        table.add_row(label, str(int(figures["items"])), f"{figures['rate']:.0f}", f"{figures['peak_mb']:.0f}")
    console.print(table)
    cleaning(runs)
    latency = results["add one article to the full store"]["latency_ms"]
    console.print(f"Adding one article to a store of {articles} articles (read, clean, store, place in a live "
                  f"story): median {latency:.0f} ms over {ADDITIONS} additions.")
    words = results["annotate, one process"]["words"]
    console.print(f"Annotated articles averaged {words:.0f} words; {default_workers()} cores.")
    startup(runs)


# The web app under load: story pages and the API's per-story export, many clients at once, while an ingest
# writes into the same store.

WRITES = 1_000


def analysed_store(folder: Path, articles: int, analysed: int) -> Path:
    """The full store with the first `analysed` articles analysed (brief, claims, quotes), so story pages
    carry what an editor reads; built once and kept beside the corpus."""
    from kabar import pipeline
    from kabar.store import Store

    path = folder / f"store-{articles}-analysed-{analysed}.sqlite"
    if not path.exists():
        building = path.with_suffix(".building")
        _copy_store(base_store(folder, articles), building)
        with Store(building) as store:
            ids = [row["id"] for row in store.connection.execute(
                "SELECT id FROM articles ORDER BY rowid LIMIT ?", (analysed,))]
            store.save_analysis(pipeline.analyze_articles(list(store.articles(ids)), store=store))
        building.rename(path)
    return path


def _copy_store(source: Path, target: Path) -> None:
    import sqlite3

    with sqlite3.connect(source) as original, sqlite3.connect(target) as copy:
        original.backup(copy)


@app.command("child-server", hidden=True)
def child_server(db: Path, port: int) -> None:
    import uvicorn

    from kabar.web import create_app
    from kabar.web.app import server_config

    uvicorn.Server(server_config(create_app(db, token=""), "127.0.0.1", port)).run()


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(base: str, process: subprocess.Popen, seconds: float = 180) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the server exited before answering")
        try:
            if httpx.get(base + "/api/v1/stats", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"the server did not answer within {seconds:.0f} s")


def _wait_for_writes(db: Path, before: int, writer: subprocess.Popen, seconds: float = 300) -> None:
    """Until the ingest has committed its first batch, so the load runs while it writes."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and writer.poll() is None:
        if _stored(db) > before:
            return
        time.sleep(0.5)
    raise RuntimeError("the ingest stored nothing before the load was to start")


async def _load(host: str, port: int, urls: dict[str, list[str]], clients: int, seconds: float,
                max_requests: int) -> dict[str, list[float]]:
    """`clients` concurrent clients, each on its own keep-alive connection asking for the next URL as soon
    as its last answer arrived, until `seconds` pass or `max_requests` were sent; latency in ms to the
    answer's last byte per kind of URL, failures as -1. The clients share the server's cores, so they spend
    as little CPU per request as they can (`_Connection`; an httpx client spends several times more)."""
    import itertools

    loop = asyncio.get_running_loop()
    latencies: dict[str, list[float]] = {kind: [] for kind in urls}
    plan = itertools.cycle([(kind, url) for pair in zip(*urls.values(), strict=False)
                            for kind, url in zip(urls, pair, strict=True)])
    sent = itertools.count()
    deadline = time.monotonic() + seconds

    async def client() -> None:
        connection: _Connection | None = None
        while time.monotonic() < deadline and next(sent) < max_requests:
            kind, url = next(plan)
            started = time.perf_counter()
            try:
                if connection is None:
                    _transport, connection = await loop.create_connection(_Connection, host, port)
                request = f"GET {url} HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: gzip\r\n\r\n"
                ok = await connection.get(request.encode()) == 200
            except (OSError, ValueError):
                ok, connection = False, None
            latencies[kind].append(1000 * (time.perf_counter() - started) if ok else -1.0)
        if connection is not None:
            connection.close()

    await asyncio.gather(*(client() for _ in range(clients)))
    return latencies


CONTENT_LENGTH = re.compile(rb"\r\ncontent-length: *(\d+)", re.IGNORECASE)


class _Connection(asyncio.BufferedProtocol):
    """One keep-alive HTTP/1.1 connection that reads every answer into the same buffer: it parses the
    head and counts the body's bytes, no more (as wrk does, it neither keeps nor unzips the body)."""

    def __init__(self) -> None:
        self.buffer = memoryview(bytearray(256 * 1024))
        self.head = bytearray()
        self.remaining: int | None = None
        self.status = 0
        self.answered: asyncio.Future[int] | None = None
        self.transport: asyncio.Transport | None = None

    async def get(self, request: bytes) -> int:
        """Send one request and wait for its whole answer; its status."""
        assert self.transport is not None
        self.answered = asyncio.get_running_loop().create_future()
        self.transport.write(request)
        return await self.answered

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def get_buffer(self, sizehint: int) -> memoryview:
        return self.buffer

    def buffer_updated(self, nbytes: int) -> None:
        if self.remaining is None:
            self.head += self.buffer[:nbytes]
            end = self.head.find(b"\r\n\r\n") + 4
            if end < 4:
                return
            length = CONTENT_LENGTH.search(self.head, 0, end)
            if length is None:
                self._fail(ValueError("an answer without Content-Length"))
                return
            self.status = int(self.head.split(b" ", 2)[1])
            self.remaining = int(length.group(1)) - (len(self.head) - end)
            self.head.clear()
        else:
            self.remaining -= nbytes
        if self.remaining == 0 and self.answered is not None:
            self.remaining = None
            self.answered.set_result(self.status)
        elif self.remaining < 0:
            self._fail(ValueError("more bytes than the answer's Content-Length"))

    def connection_lost(self, exc: Exception | None) -> None:
        self._fail(ConnectionError("the server closed the connection"))

    def _fail(self, error: Exception) -> None:
        if self.answered is not None and not self.answered.done():
            self.answered.set_exception(error)
        self.close()


def _all_stories(base: str) -> list[dict]:
    """Every story, largest first, through the API's pages."""
    import httpx

    found: list[dict] = []
    url: str | None = base + "/api/v1/stories?sort=sources&limit=200"
    while url:
        page = httpx.get(url, timeout=60).json()
        found += page["items"]
        url = page["next"]
    return sorted(found, key=lambda story: -story["articles"])


@app.command()
def serve(
    articles: int = typer.Option(10_000, help="Articles in the store."),
    analysed: int = typer.Option(1_000, help="Of those, how many are analysed (briefs, claims, quotes)."),
    clients: int = typer.Option(50, help="Concurrent clients."),
    seconds: float = typer.Option(30.0, help="How long the load runs (it also stops after 200,000 requests)."),
    writes: int = typer.Option(WRITES, help="New articles an ingest writes into the store during the load."),
    stories: int = typer.Option(40, help="Distinct stories asked for, spread evenly from the largest to the "
                                         "smallest."),
    corpus: Path | None = typer.Option(None, help="Reuse a generated corpus folder (its stores are kept there)."),
) -> None:
    """The story page and the API's story endpoint under concurrent clients while an ingest writes: median
    and p99 latency per endpoint (the target is a p99 under 300 ms), beside the machine's load average and
    the CPU each process spent. A third of the requests ask for the smallest answer there is (the live
    counts), the floor this machine's server and client reach. First, what each endpoint costs in CPU
    through the app alone, a figure that does not depend on what else the machine runs."""
    folder = corpus or Path(tempfile.mkdtemp(prefix="kabar-bench-"))
    if not any(folder.rglob("*.txt")):
        with console.status(f"generating {articles} articles in {folder}"):
            generate_corpus(folder, articles)
    with console.status(f"storing {articles} articles and analysing {analysed} of them (kept for reruns)"):
        prepared = analysed_store(folder, articles, analysed)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "store.sqlite"
        _copy_store(prepared, db)
        with console.status("measuring each endpoint's CPU through the app alone"):
            costs = _in_process_costs(db)
        newcomers = generate_corpus(Path(tmp) / "new", writes, seed=13)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-m", "kabar.bench", "child-server", str(db), str(port)])
        writer = None
        try:
            with console.status("starting the server"):
                _wait_until_up(base, server)
            everything = _all_stories(base)
            asked = min(stories, len(everything))
            chosen = [everything[i * len(everything) // asked] for i in range(asked)]
            ids = [story["id"] for story in chosen]
            sizes = sorted(story["articles"] for story in chosen)
            urls = {"story page": [f"/stories/{i}" for i in ids], "API story": [f"/api/v1/stories/{i}" for i in ids],
                    "floor: API stats": ["/api/v1/stats"] * len(ids)}
            with console.status("asking for each URL once (a server in use has answered them before)"):
                asyncio.run(_load("127.0.0.1", port, urls, 1, 600, 3 * len(ids)))
            before = _stored(db)
            writer = subprocess.Popen([sys.executable, "-c", "from kabar.cli import main; main()", "ingest",
                                       *map(str, newcomers), "--db", str(db)],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            with console.status("waiting for the ingest's first commit"):
                _wait_for_writes(db, before, writer)
            at_start = _stored(db)
            with console.status(f"{clients} clients for {seconds:.0f} s while an ingest writes {writes} articles"):
                load_before, cpu_before = os.getloadavg()[0], _cpu_of(server.pid, writer.pid)
                started = time.monotonic()
                latencies = asyncio.run(_load("127.0.0.1", port, urls, clients, seconds, 200_000))
                elapsed = time.monotonic() - started
                load_after, cpu_after = os.getloadavg()[0], _cpu_of(server.pid, writer.pid)
            writing = writer.poll() is None
            after = _stored(db)
        finally:
            for process in (writer, server):
                if process is not None and process.poll() is None:
                    process.terminate()
                    process.wait(timeout=30)
    table = Table(title="CPU per request through the app alone (no HTTP server or client), largest story; "
                        "its page is rendered from the document its API answer built")
    for column in ("endpoint", "bytes", "rendered ms", "cached ms"):
        table.add_column(column, justify="right" if column != "endpoint" else "left")
    for kind, (size, rendered, cached) in costs.items():
        table.add_row(kind, f"{size:,}", f"{rendered:.1f}", f"{cached:.3f}")
    console.print(table)
    requests = sum(len(samples) for samples in latencies.values())
    table = Table(title=f"Web under load: {clients} clients, {before} articles, {len(ids)} stories "
                        f"({sizes[0]}–{sizes[-1]} articles each), load average {load_before:.1f} → {load_after:.1f}")
    for column in ("endpoint", "requests", "failed", "req/s", "median ms", "p99 ms"):
        table.add_column(column, justify="right" if column != "endpoint" else "left")
    for kind, samples in latencies.items():
        good = sorted(x for x in samples if x >= 0)
        p99 = good[min(len(good) - 1, int(0.99 * len(good)))] if good else float("nan")
        table.add_row(kind, str(len(samples)), str(len(samples) - len(good)), f"{len(samples) / elapsed:.0f}",
                      f"{statistics.median(good):.0f}" if good else "-", f"{p99:.0f}")
    console.print(table)
    spent = {name: cpu_after[name] - cpu_before[name] for name in cpu_before}
    console.print(f"CPU during the {elapsed:.0f} s of load: server {spent['server']:.1f} s "
                  f"({1000 * spent['server'] / max(requests, 1):.2f} ms a request, background renders included), "
                  f"clients {spent['clients']:.1f} s, ingest {spent['ingest']:.1f} s, on {os.cpu_count()} cores; "
                  f"the 1-minute load average was {load_before:.1f} at the start and {load_after:.1f} at the end.")
    console.print(f"The ingest had stored {at_start - before} articles when the load began, {after - at_start} more "
                  f"during it, {'and was still writing at its end' if writing else 'and finished before it ended'}.")


def _stored(db: Path) -> int:
    """Articles committed to the store file, read from SQLite itself: the server's own answers may be the
    last rendered ones for a moment after a commit."""
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as connection:
        return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])


def _cpu_of(server: int, ingest: int) -> dict[str, float]:
    """CPU seconds so far of the server, this process (the clients) and the ingest (Linux's /proc)."""
    def of(pid: int) -> float:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    return {"server": of(server), "clients": time.process_time(), "ingest": of(ingest)}


def _in_process_costs(db: Path, repeats: int = 200) -> dict[str, tuple[int, float, float]]:
    """Bytes and CPU ms of the largest story's API answer, its page and the live counts through the app
    itself (ASGI calls, no server or client): the first answer (rendered) and the mean of `repeats` more
    (from the answer cache)."""
    from kabar import queries
    from kabar.store import Store
    from kabar.web import create_app

    web = create_app(db, token="")
    with Store(db) as store:  # builds the store's snapshot, which every answer then shares
        largest = max(queries.snapshot(store).stories.values(), key=lambda story: len(story.articles)).id

    async def ask(path: str) -> int:
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
                 "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
                 "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
        size, status = 0, 0

        async def receive() -> dict:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict) -> None:
            nonlocal size, status
            status = message.get("status", status)
            size += len(message.get("body", b""))

        await web(scope, receive, send)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
        return size

    async def measure() -> dict[str, tuple[int, float, float]]:
        costs = {}
        for kind, path in (("API story", f"/api/v1/stories/{largest}"), ("story page", f"/stories/{largest}"),
                           ("API stats", "/api/v1/stats")):
            started = time.process_time()
            size = await ask(path)
            rendered = time.process_time() - started
            started = time.process_time()
            for _ in range(repeats):
                await ask(path)
            costs[kind] = (size, 1000 * rendered, 1000 * (time.process_time() - started) / repeats)
        return costs

    return asyncio.run(measure())


KOMPAS_DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "kompas-2025-dev.jsonl"


@app.command()
def annotate(
    corpus: Path = typer.Option(KOMPAS_DEV, help="JSON Lines of real articles (default: the Kompas dev set)."),
    workers: int | None = typer.Option(None, help="Worker processes (default: one per core)."),
) -> None:
    """Annotation alone on real articles, cleaned beforehand: articles per second of wall time and per
    CPU-second (this process and its workers together), after the model has loaded."""
    from kabar.clean import clean
    from kabar.ingest import iter_inputs
    from kabar.model import RawDocument
    from kabar.nlp import annotate_all
    from kabar.nlp.recogniser import recogniser

    if not corpus.exists():
        console.print(f"[yellow]{corpus} not found: nothing to measure.[/]")
        return
    articles = [clean(raw, f"b{index}") for index, raw in enumerate(iter_inputs([str(corpus)]))
                if isinstance(raw, RawDocument)]
    recogniser()
    load_before = os.getloadavg()[0]
    own_before, workers_before = cpu_split()
    started = time.perf_counter()
    for _doc in annotate_all(articles, workers):
        pass
    wall = time.perf_counter() - started
    own_after, workers_after = cpu_split()
    own, in_workers = own_after - own_before, workers_after - workers_before
    cores = workers or default_workers()
    words = statistics.mean(len(a.text.split()) for a in articles)
    console.print(f"{len(articles)} articles of {words:.0f} words on average, {cores} worker(s): {wall:.1f} s wall "
                  f"(load {max(load_before, os.getloadavg()[0]):.1f}), {own + in_workers:.1f} CPU-s ({own:.1f} main + "
                  f"{in_workers:.1f} workers); {len(articles) / wall:.1f} articles/s wall, "
                  f"{len(articles) / (own + in_workers):.1f} articles per CPU-second, "
                  f"{all_cores_rate(len(articles), own, in_workers, cores):.1f} articles/s on {cores} cores with the "
                  "machine to itself (main CPU seconds whole, workers' shared out over the cores)")


def _long_line_child(corpus: str, characters: int) -> dict[str, float]:
    """`annotate_text(..., as_is=True)` on one line of real words with no sentence end: the articles of
    `corpus` joined, their line breaks and sentence ends (. ! ?) made spaces, cut to `characters` (a page
    scraped without its markup can arrive like that)."""
    from kabar.annotation import annotate_text
    from kabar.nlp.recogniser import recogniser

    pieces, length = [], 0
    with open(corpus, encoding="utf-8") as lines:
        for line in lines:
            piece = re.sub(r"[\s.!?]+", " ", json.loads(line).get("text") or "")
            pieces.append(piece)
            length += len(piece) + 1
            if length >= characters:
                break
    text = " ".join(pieces)[:characters]
    recogniser()
    before = cpu_seconds()
    record = annotate_text(text, as_is=True)
    return {"characters": len(text), "cpu_seconds": cpu_seconds() - before, "peak_mb": peak_rss_mb(),
            "spans": sum(len(spans) for spans in record.values() if isinstance(spans, list))}


@app.command("long-line")
def long_line(
    corpus: Path = typer.Option(KOMPAS_DEV, help="JSON Lines of real articles whose words make the line."),
    sizes: str = typer.Option("100000,300000,1000000", help="Lengths of the line, in characters."),
) -> None:
    """One line with no sentence end, of growing length, annotated as is in a fresh process each: CPU seconds
    and peak memory, to show that neither grows faster than the text."""
    if not corpus.exists():
        console.print(f"[yellow]{corpus} not found: nothing to measure.[/]")
        return
    table = Table("characters", "CPU s", "CPU s per 100,000 characters", "peak MB", "spans")
    for size in (int(part) for part in sizes.split(",")):
        figures = _child_figures(["long-line", str(corpus), str(size)])
        table.add_row(f"{figures['characters']:,}", f"{figures['cpu_seconds']:.1f}",
                      f"{figures['cpu_seconds'] / figures['characters'] * 100_000:.2f}", f"{figures['peak_mb']:.0f}",
                      f"{figures['spans']:,}")
    console.print(table)


if __name__ == "__main__":
    app()
