"""`kabar` command line: a thin layer over `kabar.pipeline` and `kabar.store`."""

from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from kabar import __version__
from kabar.errors import KabarError, StoreError
from kabar.model import InputStatus
from kabar.store import Store

if TYPE_CHECKING:  # the pipeline pulls in every stage's libraries: commands import it when they run
    from kabar import pipeline
    from kabar.ingest import IngestOptions

app = typer.Typer(
    help="Kabar turns a pile of news articles into a sourced picture of each story.",
    no_args_is_help=True,
    add_completion=False,
)
eval_app = typer.Typer(help="Measure each layer against the gold kept in the repository (tests/gold).")
app.add_typer(eval_app, name="eval")
console = Console(stderr=True)
stdout = Console()

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="SQLite store to use (default: kabar.sqlite in your user data directory)."),
]
AllowPrivate = Annotated[
    bool, typer.Option("--allow-private", help="Allow fetching URLs on private or loopback addresses.")
]
MaxMb = Annotated[float, typer.Option("--max-mb", help="Reject any single input larger than this (MB).")]


def _open_store(db: Path | None) -> Store:
    path = db or Store.default_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"cannot create the folder for the store {path}: {error.strerror or error}") from error
    return Store(path)


def _out_folder(out: Path) -> Path:
    """Checked before any work, so a long analysis never ends on an unusable --out."""
    if out.exists() and not out.is_dir():
        raise KabarError(f"--out {out} is a file; give a folder for story.json, brief.md and report.html")
    return out


def _day(option: str, value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise KabarError(f"{option} {value!r} is not a date; write it as YYYY-MM-DD") from None


def _options(allow_private: bool, max_mb: float) -> IngestOptions:
    from kabar.ingest import IngestOptions

    return IngestOptions(allow_private=allow_private, max_bytes=int(max_mb * 1024 * 1024))


@contextmanager
def _progress() -> Iterator[pipeline.Progress]:
    """A rich progress display with one line per stage, advanced by the pipeline's callbacks."""
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
        disable=not console.is_terminal,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def advance(stage: str, done: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=None)
            bar.advance(tasks[stage], done)

        yield advance


def _outcome_table(result: pipeline.IngestResult) -> Table:
    table = Table(title="Inputs", show_lines=False)
    table.add_column("source", overflow="fold")
    table.add_column("outcome")
    table.add_column("reason / article", overflow="fold")
    colours = {"stored": "green", "duplicate": "yellow", "rejected": "red", "skipped": "dim"}
    for outcome in result.outcomes:
        detail = outcome.reason or outcome.article_id or ""
        table.add_row(escape(outcome.source), f"[{colours[outcome.status]}]{outcome.status}[/]", escape(detail))
    table.caption = ", ".join(f"{result.count(s)} {s}" for s in InputStatus)
    return table


def _finish(result: pipeline.IngestResult) -> None:
    """Exit code 2 tells scripts that some input was rejected, though the rest was processed."""
    stdout.print(_outcome_table(result))
    if result.failed:
        raise typer.Exit(code=2)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, feeds or URLs to read.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for story.json, brief.md, report.html.")],
    db: DbOption = None,
    allow_private: AllowPrivate = False,
    max_mb: MaxMb = 20.0,
) -> None:
    """Ingest, clean, annotate and compare articles; write story.json, brief.md and report.html."""
    from kabar import pipeline

    try:
        with _open_store(db) as store, _progress() as progress:
            result, export, written = pipeline.analyze_paths(
                paths, store, _out_folder(out), _options(allow_private, max_mb), progress
            )
    except pipeline.NothingToAnalyseError as error:
        stdout.print(_outcome_table(error.result))
        raise
    stdout.print(_outcome_table(result))
    stdout.print(
        f"{len(export.articles)} articles, {len(export.entities)} entities, {len(export.claims)} claims, "
        f"{len(export.claim_groups)} claim groups."
    )
    for name, path in written.items():
        stdout.print(f"  {name:7} {path}")
    if result.failed:
        raise typer.Exit(code=2)


DEMO_OUT = Path("kabar-demo")


def example_corpus() -> Path:
    """The bundled example corpus: fictional outlets re-telling one story, with real-looking noise."""
    return Path(str(resources.files("kabar.examples").joinpath("korut-rusia")))


@app.command()
def demo(
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the outputs.")] = DEMO_OUT,
    db: DbOption = None,
) -> None:
    """Run the main job on the bundled example corpus and say where the report is."""
    from kabar import pipeline

    corpus = example_corpus()
    store_path = db or out / "kabar.sqlite"
    out.mkdir(parents=True, exist_ok=True)
    texts = sorted(str(p) for p in corpus.glob("*.txt"))
    with Store(store_path) as store, _progress() as progress:
        result, export, written = pipeline.analyze_paths(texts, store, out, None, progress)
    stdout.print(_outcome_table(result))
    stdout.print(f"[bold green]Report:[/] {written['report'].resolve()}")
    stdout.print(f"Brief:  {written['brief'].resolve()}\nExport: {written['story'].resolve()}")


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, feeds, WARC/JSONL dumps or URLs.")],
    db: DbOption = None,
    allow_private: AllowPrivate = False,
    max_mb: MaxMb = 20.0,
) -> None:
    """Read inputs into the store; every input ends in the outcome table (stored, duplicate or rejected)."""
    from kabar import pipeline

    with _open_store(db) as store, _progress() as progress:
        result = pipeline.ingest(paths, store, _options(allow_private, max_mb), progress)
    _finish(result)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find; affixes are folded (dikirim ~ kirim).")],
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(help="At most this many hits.")] = 20,
    db: DbOption = None,
) -> None:
    """Full-text search over stored titles and bodies."""
    with _open_store(db) as store:
        hits = store.search(
            query,
            outlet=outlet,
            since=_day("--since", since),
            until=_day("--until", until),
            limit=limit,
        )
    table = Table(title=f"{len(hits)} hits for {query!r}")
    for column in ("article", "outlet", "published", "title", "snippet"):
        table.add_column(column, overflow="fold")
    for hit in hits:
        published = str(hit.published or "")
        table.add_row(hit.article_id, hit.outlet or "", published, hit.title or "", hit.snippet)
    stdout.print(table)


@app.command("export")
def export_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for story.json, brief.md, report.html.")],
    db: DbOption = None,
) -> None:
    """Analyse everything the store holds and write the export."""
    from kabar import pipeline

    _out_folder(out)
    with _open_store(db) as store, _progress() as progress:
        articles = list(store.articles())
        if not articles:
            raise KabarError(f"nothing to export: the store at {store.path} holds no articles")
        written = pipeline.write_outputs(pipeline.analyze_articles(articles, progress, None, store), out, store)
    for name, path in written.items():
        stdout.print(f"  {name:7} {path}")


EVALUATIONS = {
    "cleaning": "kabar.eval.cleaning",
    "annotations": "kabar.eval.annotations",
    "ner": "kabar.eval.ner",
    "stories": "kabar.eval.stories",
    "claims": "kabar.eval.claims",
}


GoldOption = Annotated[Path | None, typer.Option(
    "--gold", help="The tests/gold folder of a Kabar checkout (default: this checkout's, when run from one).")]
NerDataOption = Annotated[Path | None, typer.Option(
    "--data", help="Folder holding idner-news-2k/, nergrit/ and nerp/ (default: ../shared/data/ner beside the "
    "checkout, when present).")]


def _run_evaluation(name: str, gold: Path | None = None, data: Path | None = None) -> None:
    from kabar.eval import gold_folder

    module = importlib.import_module(EVALUATIONS[name])
    if name == "ner":
        module.main(data)
    else:
        module.main(gold_folder(gold))


def _gold_evaluation(name: str) -> Callable[[Path | None], None]:
    def run(gold: GoldOption = None) -> None:
        _run_evaluation(name, gold=gold)
    return run


def _register_evaluations() -> None:
    for name, module in EVALUATIONS.items():
        if name != "ner":
            eval_app.command(name, help=f"Precision/recall for the {name} layer ({module}).")(_gold_evaluation(name))


_register_evaluations()


@eval_app.command("ner")
def eval_ner(data: NerDataOption = None) -> None:
    """Precision/recall of the shipped entity model on the NER sets' dev splits (kabar.eval.ner)."""
    _run_evaluation("ner", data=data)


@eval_app.command("all")
def eval_all(gold: GoldOption = None, data: NerDataOption = None) -> None:
    """Every layer's evaluation, one after another."""
    for name in EVALUATIONS:
        stdout.rule(name)
        _run_evaluation(name, gold, data)


@app.command("train-ner")
def train_ner(
    data: Annotated[Path, typer.Argument(
        help="Folder holding idner-news-2k/, nergrit/ and nerp/ (train and dev splits).")],
    out: Annotated[Path | None, typer.Option(
        "--out", help="Where to write the model (default: the one Kabar ships).")] = None,
    max_steps: Annotated[int | None, typer.Option("--max-steps", help="Stop after this many updates.")] = None,
) -> None:
    """Retrain the shipped entity model from the public Indonesian NER sets (same seed, same result)."""
    from kabar.nlp import training

    record = training.train(data, out or training.MODEL_DIR, max_steps)
    for name, score in record["dev_scores"].items():
        stdout.print(f"  {name:14} dev P {score['precision']:.3f}  R {score['recall']:.3f}  F1 {score['f1']:.3f}")


@app.command()
def version() -> None:
    """Print Kabar's version."""
    stdout.print(__version__)


def main() -> None:
    """Entry point: a KabarError, or a fault of the machine (a folder that cannot be written, a full disk, a
    store another program broke), is a reason for the user, shown in one line, not a traceback.

    Exit codes: 0 every input was analysed or stored; 2 some input was rejected, the rest went on; 1 an
    error stopped the run or nothing at all could be analysed."""
    try:
        app()
    except (KabarError, OSError, sqlite3.Error) as error:
        reason = error if isinstance(error, KabarError) else f"{type(error).__name__}: {error}"
        console.print(f"[red]error:[/] {escape(str(reason))}")
        raise SystemExit(1) from None
