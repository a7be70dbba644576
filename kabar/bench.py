"""Benchmarks, kept out of the test run: `python -m kabar.bench --help`.

Generates a large corpus by recombining the bundled example articles (names, figures, dates and
noise varied), then measures each stage in fresh subprocesses so peak memory is per run, and prints
medians over several runs. Figures are machine-dependent; ratios (Kabar vs trafilatura) travel better.
"""

from __future__ import annotations

import json
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from kabar.cli import example_corpus
from kabar.nlp.pipeline import default_workers

console = Console()
app = typer.Typer(help="Kabar benchmarks: throughput and peak memory per stage, as medians.", add_completion=False)

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


def _clean_child(kind: str, corpus: str, limit: int) -> dict[str, float]:
    """Cleaning + metadata alone, Kabar against trafilatura, on the same pages."""
    from kabar.clean import clean
    from kabar.model import RawDocument

    pages = [p.read_text("utf-8") for p in sorted(Path(corpus).rglob("*.txt"))[:limit]]
    if kind == "text":
        raws = [RawDocument(f"p{i}", t.encode(), t, "text/plain") for i, t in enumerate(pages)]
        run: Callable[[], object] = lambda: [clean(r, r.source) for r in raws]  # noqa: E731
    else:
        html_pages = [_as_html(t) for t in pages]
        raws = [RawDocument(f"p{i}", h.encode(), h, "text/html") for i, h in enumerate(html_pages)]
        if kind == "html":
            run = lambda: [clean(r, r.source) for r in raws]  # noqa: E731
        else:
            import trafilatura

            run = lambda: [trafilatura.extract(h, with_metadata=True) for h in html_pages]  # noqa: E731
    started = time.perf_counter()
    run()
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

    articles = []
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


def _as_html(text: str) -> str:
    from html import escape

    lines = [line for line in text.split("\n") if line.strip()]
    body = "".join(f"<p>{escape(line)}</p>" for line in lines[1:])
    return (f"<html><head><title>{escape(lines[0])}</title></head><body><nav><a href='/'>Beranda</a></nav>"
            f"<article><h1>{escape(lines[0])}</h1>{body}</article><footer>Hak cipta</footer></body></html>")


def _measure(args: list[str], runs: int) -> dict[str, float]:
    """Median of `runs` fresh subprocesses: throughput and peak memory."""
    samples = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-m", "kabar.bench", "child", *args],
                             check=True, capture_output=True, text=True).stdout
        samples.append(json.loads(out.strip().splitlines()[-1]))
    rates = [s["items"] / s["seconds"] for s in samples]
    return {"items": samples[0]["items"], "rate": statistics.median(rates),
            "peak_mb": statistics.median(s["peak_mb"] for s in samples), "words": samples[0].get("words"),
            "latency_ms": statistics.median(s.get("latency_ms", 0.0) for s in samples)}


@app.command("child", hidden=True)
def child(stage: str, corpus: str, limit: int) -> None:
    if stage.startswith("clean-"):
        figures = _clean_child(stage[len("clean-"):], corpus, limit)
    elif stage.startswith("annotate-"):
        workers = stage[len("annotate-"):]
        figures = _annotate_child(corpus, limit, None if workers == "all" else int(workers))
    elif stage == "add-one":
        figures = _add_one_child(corpus, limit)
    else:
        figures = _child(stage, corpus, limit)
    print(json.dumps(figures))


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
        ("clean html (Kabar)", ["clean-html", str(folder), "1000"]),
        ("trafilatura html", ["clean-trafilatura", str(folder), "1000"]),
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
    ratio = results["clean html (Kabar)"]["rate"] / results["trafilatura html"]["rate"]
    console.print(f"Kabar HTML cleaning is {ratio:.2f}x the speed of trafilatura.extract on the same pages.")
    latency = results["add one article to the full store"]["latency_ms"]
    console.print(f"Adding one article to a store of {articles} articles (read, clean, store, place in a live "
                  f"story): median {latency:.0f} ms over {ADDITIONS} additions.")
    words = results["annotate, one process"]["words"]
    console.print(f"Annotated articles averaged {words:.0f} words; {default_workers()} cores.")


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
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    for _doc in annotate_all(articles, workers):
        pass
    wall = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before
    words = statistics.mean(len(a.text.split()) for a in articles)
    console.print(f"{len(articles)} articles of {words:.0f} words on average, {workers or default_workers()} "
                  f"worker(s): {wall:.1f} s wall, {cpu:.1f} CPU-s; {len(articles) / wall:.1f} articles/s, "
                  f"{len(articles) / cpu:.1f} articles per CPU-second")


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    app()
