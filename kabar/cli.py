"""`kabar` command line: a thin layer over `kabar.pipeline` and `kabar.store`."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from kabar import __version__, pipeline
from kabar.errors import KabarError
from kabar.ingest import IngestOptions
from kabar.store import Store

app = typer.Typer(
    help="Kabar turns a pile of news articles into a sourced picture of each story.",
    no_args_is_help=True,
    add_completion=False,
)
eval_app = typer.Typer(help="Measure each layer against the gold annotations kept under tests/.")
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
    path.parent.mkdir(parents=True, exist_ok=True)
    return Store(path)


def _options(allow_private: bool, max_mb: float) -> IngestOptions:
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
        tasks: dict[str, int] = {}

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
    colours = {"stored": "green", "duplicate": "yellow", "rejected": "red"}
    for outcome in result.outcomes:
        detail = outcome.reason or outcome.article_id or ""
        table.add_row(outcome.source, f"[{colours[outcome.status]}]{outcome.status}[/]", detail)
    table.caption = ", ".join(f"{result.count(s)} {s}" for s in ("stored", "duplicate", "rejected"))
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
    with _open_store(db) as store, _progress() as progress:
        result, export, written = pipeline.analyze_paths(
            paths, store, out, _options(allow_private, max_mb), progress
        )
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
            since=date.fromisoformat(since) if since else None,
            until=date.fromisoformat(until) if until else None,
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
    with _open_store(db) as store, _progress() as progress:
        articles = list(store.articles())
        written = pipeline.write_outputs(pipeline.analyze_articles(articles, progress, None, store), out, store)
    for name, path in written.items():
        stdout.print(f"  {name:7} {path}")


@app.command()
def annotate(
    source: Annotated[str, typer.Argument(
        help="A text, HTML, JSON or JSON Lines file, a folder, a URL, or - for stdin.")],
    input_format: Annotated[str, typer.Option(
        "--format", help="jsonl: read every line as one JSON record (for stdin or odd file names).")] = "auto",
    as_is: Annotated[bool, typer.Option(
        "--as-is", help="Annotate the text exactly as given: no cleaning, no minimum length.")] = False,
) -> None:
    """Print each input's span layers as one JSON line per record, in input order; nothing is stored."""
    import json

    from kabar.annotation import annotate_inputs

    if input_format not in ("auto", "jsonl"):
        raise KabarError(f"unknown --format {input_format!r}: use jsonl, or leave it out")
    for record in annotate_inputs([source], as_is=as_is, jsonl=input_format == "jsonl"):
        print(json.dumps(record, ensure_ascii=False))


EVALUATIONS = {
    "cleaning": "kabar.eval.cleaning",
    "annotations": "kabar.eval.annotations",
    "ner": "kabar.eval.ner",
    "stories": "kabar.eval.stories",
    "claims": "kabar.eval.claims",
}


def _run_evaluation(name: str) -> None:
    importlib.import_module(EVALUATIONS[name]).main()


def _register_evaluations() -> None:
    for name, module in EVALUATIONS.items():
        eval_app.command(name, help=f"Precision/recall for the {name} layer ({module}).")(
            lambda name=name: _run_evaluation(name)
        )


_register_evaluations()


@eval_app.command("all")
def eval_all() -> None:
    """Every layer's evaluation, one after another."""
    for name in EVALUATIONS:
        stdout.rule(name)
        _run_evaluation(name)


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
    """Entry point: a KabarError is a reason for the user, shown in one line, not a traceback."""
    try:
        app()
    except KabarError as error:
        console.print(f"[red]error:[/] {error}")
        raise SystemExit(1) from None
