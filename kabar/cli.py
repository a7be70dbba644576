"""`kabar` command line: a thin layer over `kabar.pipeline` and `kabar.store`."""

from __future__ import annotations

import copy
import importlib
import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

from kabar import __version__
from kabar.errors import KabarError, StoreError
from kabar.model import InputStatus
from kabar.store import Store

if TYPE_CHECKING:  # the pipeline pulls in every stage's libraries: commands import it when they run
    from kabar import pipeline
    from kabar.ingest import IngestOptions
    from kabar.model import StoryExport

HELP_SETTINGS = {"help_option_names": ["-h", "--help"]}


class VerboseAnywhere(TyperGroup):
    """Takes `-v` after the command as well as before it (`kabar analyze ... -v`, as people type it): every
    command, those under `eval` too, gets the root's own option, which turns the debug log on and is not passed
    to the command."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        verbose = copy.copy(next(p for p in self.params if p.name == "verbose"))
        verbose.expose_value = False
        commands = list(self.commands.values())
        while commands:
            command = commands.pop()
            if isinstance(command, TyperGroup):
                commands += command.commands.values()
            else:
                command.params.append(verbose)


app = typer.Typer(
    cls=VerboseAnywhere,
    help="Kabar turns a pile of news articles into a sourced picture of each story.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # plain help lists flags as flags (the rich one labels them <bool>)
    context_settings=HELP_SETTINGS,
)
eval_app = typer.Typer(help="Measure each layer against the gold kept in the repository (tests/gold).",
                       rich_markup_mode=None, context_settings=HELP_SETTINGS)
app.add_typer(eval_app, name="eval", short_help="Measure each layer against the gold in tests/gold.")
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
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


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

    if not max_mb > 0:
        raise KabarError(f"--max-mb {max_mb:g} is no size: give the largest input to read, in MB, above 0")
    return IngestOptions(allow_private=allow_private, max_bytes=int(max_mb * 1024 * 1024))


class RateColumn(ProgressColumn):
    """Items per second, once there is a rate to show."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.1f}/s" if task.speed else "", style="progress.data.speed")


class PlainProgress:
    """Progress as plain lines for logs and pipes: each stage's count, total (when known) and rate, at most
    every few seconds, and a closing line per stage."""

    EVERY_S = 5.0

    def __init__(self) -> None:
        self.started: dict[str, float] = {}
        self.done: dict[str, int] = {}
        self.totals: dict[str, int] = {}
        self.printed = self.last = time.monotonic()

    def __call__(self, stage: str, done: int, total: int | None = None) -> None:
        now = time.monotonic()
        self.started.setdefault(stage, self.last)  # a stage starts when the one before last reported
        self.last = now
        self.done[stage] = self.done.get(stage, 0) + done
        if total is not None:
            self.totals[stage] = total
        if now - self.printed >= self.EVERY_S:
            self.printed = now
            console.print(self._line(stage, now), markup=False, highlight=False)

    def _line(self, stage: str, now: float, closing: str = "") -> str:
        elapsed = max(now - self.started[stage], 1e-6)
        total = f"/{self.totals[stage]}" if stage in self.totals else ""
        return f"{stage}: {self.done[stage]}{total}{closing} in {elapsed:.1f} s ({self.done[stage] / elapsed:.1f}/s)"

    def close(self) -> None:
        for stage in self.started:
            console.print(self._line(stage, time.monotonic(), " done"), markup=False, highlight=False)


@contextmanager
def _progress() -> Iterator[pipeline.Progress]:
    """A rich progress display with one line per stage on a terminal, plain lines otherwise; totals where the
    pipeline knows them, and rates."""
    if not console.is_terminal:
        plain = PlainProgress()
        yield plain
        plain.close()
        return
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def advance(stage: str, done: int, total: int | None = None) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=None)
            if total is not None:
                bar.update(tasks[stage], total=total)
            bar.advance(tasks[stage], done)

        yield advance


def _outcome_rows(store: Store, result: pipeline.IngestResult) -> list[dict]:
    from kabar.queries import ingest_outcomes

    return ingest_outcomes(store, result.outcomes)


def _outcome_table(result: pipeline.IngestResult, rows: list[dict]) -> Table:
    table = Table(title="Inputs", show_lines=False)
    table.add_column("source", overflow="fold")
    table.add_column("outcome")
    table.add_column("article / reason", overflow="fold")
    table.add_column("story", overflow="fold")
    colours = {"stored": "green", "duplicate": "yellow", "rejected": "red", "skipped": "dim"}
    for row in rows:
        if row["status"] == "duplicate":
            detail = f"duplicate of {row['article']}"
        else:
            detail = row["reason"] or row["article"] or ""
        story = f"{row['story']['id']} {row['story']['title']}" if row["story"] else ""
        table.add_row(Text(row["source"]), Text(row["status"], style=colours[row["status"]]), Text(detail),
                      Text(story))
    table.caption = ", ".join(f"{result.count(s)} {s}" for s in InputStatus)
    return table


def _finish(result: pipeline.IngestResult, rows: list[dict], as_json: bool = False) -> None:
    """Exit code 2 tells scripts that some input was rejected, though the rest was processed."""
    if as_json:
        stdout.print_json(data={"outcomes": rows, "counts": {s: result.count(s) for s in InputStatus}})
    else:
        stdout.print(_outcome_table(result, rows))
    if result.failed:
        raise typer.Exit(code=2)


@app.command(short_help="Analyse articles; write story.json, brief.md and report.html.")
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, feeds or URLs to read.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for story.json, brief.md, report.html.")],
    db: DbOption = None,
    allow_private: AllowPrivate = False,
    max_mb: MaxMb = 20.0,
) -> None:
    """Ingest, clean, annotate and compare articles; write story.json, brief.md and report.html."""
    from kabar import pipeline

    with _open_store(db) as store:
        try:
            with _progress() as progress:
                result, export, written = pipeline.analyze_paths(
                    paths, store, _out_folder(out), _options(allow_private, max_mb), progress
                )
        except pipeline.NothingToAnalyseError as error:
            stdout.print(_outcome_table(error.result, _outcome_rows(store, error.result)))
            raise
        rows = _outcome_rows(store, result)
    stdout.print(_outcome_table(result, rows))
    stdout.print(
        f"{len(export.articles)} articles, {len(export.entities)} entities, {len(export.claims)} claims, "
        f"{len(export.claim_groups)} claim groups."
    )
    for name, path in written.items():
        stdout.print(f"  {name:7} {path}")
    if _analysed_in_part(export) or result.failed:
        raise typer.Exit(code=2)


def _analysed_in_part(export: StoryExport) -> bool:
    """Names each fallback the analysis took and each story whose analysis stopped short, with why; True when
    there is one (exit code 2: the rest is whole)."""
    from kabar import pipeline

    lines = pipeline.analysed_in_part(export)
    for line in lines:
        stdout.print(Text(line), soft_wrap=True)
    return bool(lines)


DEMO_OUT = Path("kabar-demo")


def example_corpus() -> Path:
    """The bundled example corpus: fictional outlets re-telling one story, with real-looking noise."""
    return Path(str(resources.files("kabar.examples").joinpath("korut-rusia")))


@app.command(short_help="Analyse the bundled example corpus; print where its report is.")
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
    with Store(store_path) as store:
        with _progress() as progress:
            result, export, written = pipeline.analyze_paths(texts, store, out, None, progress)
        rows = _outcome_rows(store, result)
    stdout.print(_outcome_table(result, rows))
    stdout.print(f"[bold green]Report:[/] {written['report'].resolve()}")
    stdout.print(f"Brief:  {written['brief'].resolve()}\nExport: {written['story'].resolve()}")
    if _analysed_in_part(export) or result.failed:
        raise typer.Exit(code=2)


@app.command(short_help="Read files, folders, feeds or URLs into the store.")
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, feeds, WARC/JSONL dumps or URLs.")],
    db: DbOption = None,
    allow_private: AllowPrivate = False,
    max_mb: MaxMb = 20.0,
    as_json: JsonFlag = False,
) -> None:
    """Read inputs into the store; every input ends in the outcome table (stored, duplicate or rejected) with
    the story its article joined."""
    from kabar import pipeline

    with _open_store(db) as store:
        with _progress() as progress:
            result = pipeline.ingest(paths, store, _options(allow_private, max_mb), progress)
        rows = _outcome_rows(store, result)
    _finish(result, rows, as_json)


@app.command(short_help="Full-text search over stored titles and bodies.")
def search(
    query: Annotated[str, typer.Argument(help="Words to find; affixes are folded (dikirim ~ kirim).")],
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(help="At most this many hits.")] = 20,
    db: DbOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Full-text search over stored titles and bodies; matched words are shown in bold."""
    from kabar import queries

    if limit < 1:
        raise KabarError(f"--limit {limit}: give 1 or more hits")
    with _open_store(db) as store:
        found = queries.search(
            store,
            query,
            outlet=outlet,
            since=_day("--since", since),
            until=_day("--until", until),
            limit=limit,
        )
    if as_json:
        stdout.print_json(data=found)
        return
    table = Table(title=Text(f"{len(found['hits'])} hits for {query!r}"))
    for column in ("article", "outlet", "published", "title", "snippet"):
        table.add_column(column, overflow="fold")
    for hit in found["hits"]:
        snippet = Text(hit["snippet"])
        for start, end in hit["matches"]:
            snippet.stylize("bold reverse", start, end)
        table.add_row(hit["article"], Text(hit["outlet"] or ""), hit["published"] or "", Text(hit["title"] or ""),
                      snippet)
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
        analysis = pipeline.analyze_articles(articles, progress, None, store)
        written = pipeline.write_outputs(analysis, out, store)
    for name, path in written.items():
        stdout.print(f"  {name:7} {path}")
    if _analysed_in_part(analysis):
        raise typer.Exit(code=2)


@app.command(short_help="Print each input's annotation layers as JSON lines.")
def annotate(
    source: Annotated[str, typer.Argument(
        help="A text, HTML, JSON or JSON Lines file, a folder, a URL, or - for stdin.")],
    input_format: Annotated[str, typer.Option(
        "--format", help="jsonl: read every line as one JSON record (for stdin or odd file names).")] = "auto",
    as_is: Annotated[bool, typer.Option(
        "--as-is", help="Annotate the text exactly as given: no cleaning, no minimum length.")] = False,
) -> None:
    """Print each input's span layers as one JSON line per record, in input order; nothing is stored. An
    input that cannot be annotated is a line with its `error`, and the exit code is then 2."""
    import json

    from kabar.annotation import annotate_inputs

    if input_format not in ("auto", "jsonl"):
        raise KabarError(f"unknown --format {input_format!r}: use jsonl, or leave it out")
    failed = 0
    for record in annotate_inputs([source], as_is=as_is, jsonl=input_format == "jsonl"):
        failed += "error" in record
        print(json.dumps(record, ensure_ascii=False))
    if failed:
        raise typer.Exit(code=2)


EVALUATIONS = {
    "cleaning": "kabar.eval.cleaning",
    "annotations": "kabar.eval.annotations",
    "ner": "kabar.eval.ner",
    "stories": "kabar.eval.stories",
    "claims": "kabar.eval.claims",
    "ud": "kabar.eval.ud",
}


GoldOption = Annotated[Path | None, typer.Option(
    "--gold", help="The tests/gold folder of a Kabar checkout (default: this checkout's, when run from one).")]
NerDataOption = Annotated[Path | None, typer.Option(
    "--data", help="Folder holding idner-news-2k/, nergrit/ and nerp/ (default: ../shared/data/ner beside the "
    "checkout, when present).")]
UdDataOption = Annotated[Path | None, typer.Option(
    "--data", help="Folder holding id_csui-ud-test.conllu (default: ../shared/data/ud beside the checkout, when "
    "present).")]


def _run_evaluation(name: str, gold: Path | None = None, data: Path | None = None, detail: bool = False) -> None:
    from kabar.eval import gold_folder

    module = importlib.import_module(EVALUATIONS[name])
    if name in ("ner", "ud"):
        module.main(data)
    elif detail:
        module.main(gold_folder(gold), detail=True)
    else:
        module.main(gold_folder(gold))


def _gold_evaluation(name: str) -> Callable[[Path | None], None]:
    def run(gold: GoldOption = None) -> None:
        _run_evaluation(name, gold=gold)
    return run


def _register_evaluations() -> None:
    for name, module in EVALUATIONS.items():
        if name not in ("ner", "claims", "ud"):
            eval_app.command(name, help=f"Precision/recall for the {name} layer ({module}).",
                             short_help=f"Precision/recall of the {name} layer.")(_gold_evaluation(name))


_register_evaluations()


@eval_app.command("claims", short_help="Precision/recall of claims on the seeds and real events.")
def eval_claims(gold: GoldOption = None, detail: Annotated[bool, typer.Option(
        "--detail", help="Also list every development event's gold groups beside the system's, marking wrong "
        "statuses and source counts, the compared groups the gold does not list, and the statuses' confusion, gold "
        "against system.")] = False) -> None:
    """Precision/recall for the claims layer (kabar.eval.claims), on the seeds and the real events."""
    _run_evaluation("claims", gold=gold, detail=detail)


@eval_app.command("ner", short_help="Precision/recall of the entity model on NER dev splits.")
def eval_ner(data: NerDataOption = None) -> None:
    """Precision/recall of the shipped entity model on the NER sets' dev splits (kabar.eval.ner)."""
    _run_evaluation("ner", data=data)


@eval_app.command("ud", short_help="UPOS, lemma, UAS and LAS of the syntax model on UD.")
def eval_ud(data: UdDataOption = None) -> None:
    """UPOS, lemma, UAS and LAS of the shipped syntax model on UD Indonesian-CSUI test, and its speed."""
    _run_evaluation("ud", data=data)


@eval_app.command("all")
def eval_all(gold: GoldOption = None, data: NerDataOption = None) -> None:
    """Every layer's evaluation, one after another."""
    for name in EVALUATIONS:
        stdout.rule(name)
        _run_evaluation(name, gold, data if name == "ner" else None)


@app.command("train-ner", short_help="Retrain the shipped entity model from public NER sets.")
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


@app.command("train-ud", short_help="Retrain the shipped tagger and parser from UD treebanks.")
def train_ud(
    data: Annotated[Path, typer.Argument(
        help="Folder holding the UD Indonesian treebanks (id_gsd-ud-dev.conllu, id_csui-ud-train.conllu).")],
    out: Annotated[Path | None, typer.Option(
        "--out", help="Where to write the model (default: the one Kabar ships).")] = None,
    max_steps: Annotated[int | None, typer.Option("--max-steps", help="Stop after this many updates.")] = None,
) -> None:
    """Retrain the shipped tagger, lemmatiser and dependency parser from the UD Indonesian treebanks (same
    seed, same result)."""
    from kabar.nlp import syntax, syntax_training

    record = syntax_training.train(data, out or syntax.MODEL_DIR, max_steps)
    for name, score in record["scores"].items():
        stdout.print(f"  {name:14} UPOS {score['upos']:.3f}  lemma {score['lemma']:.3f}  UAS {score['uas']:.3f}  "
                     f"LAS {score['las']:.3f}")


@app.command(short_help="Serve the newsroom pages and the JSON API (/api/v1).")
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on; another than 127.0.0.1 exposes the "
                                                     "store to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
) -> None:
    """Serve the newsroom pages and the JSON API (/api/v1) over the store; ingest needs KABAR_API_TOKEN."""
    import uvicorn

    from kabar.web import create_app
    from kabar.web.app import server_config

    path = db or Store.default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    web = create_app(path)
    mode = "read-only (set KABAR_API_TOKEN to allow ingest)" if web.state.settings.read_only else "ingest allowed"
    console.print(f"Serving {path} on http://{host}:{port}/ — {mode}")
    uvicorn.Server(server_config(web, host, port)).run()


def _print_version(asked: bool) -> None:
    if asked:
        stdout.print(__version__)
        raise typer.Exit()


DEBUG_LOG_SHOWN = "kabar.debug_log_shown"


def _show_debug_log(context: typer.Context, asked: bool) -> None:
    """Kabar's debug records go to stderr until the command ends (a set-aside item's one-line reason is in the
    outcomes; its traceback is logged at debug level); asked twice (`kabar -v analyze ... -v`), they go once."""
    root = context.find_root()
    if not asked or root.meta.get(DEBUG_LOG_SHOWN):
        return
    root.meta[DEBUG_LOG_SHOWN] = True
    logger = logging.getLogger("kabar")
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)

    def restore() -> None:
        logger.removeHandler(handler)
        logger.setLevel(level)

    context.call_on_close(restore)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="Print Kabar's version and exit.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", callback=_show_debug_log, help=(
        "Show the debug log on stderr, with the traceback of each input, article or story set aside "
        "(before or after the command: kabar -v analyze ... or kabar analyze ... -v)."))] = False,
) -> None:
    """Kabar turns a pile of news articles into a sourced picture of each story."""


@app.command()
def version() -> None:
    """Print Kabar's version."""
    stdout.print(__version__)


def main() -> None:
    """Entry point: a KabarError, or a fault of the machine (a folder that cannot be written, a full disk, a
    store another program broke), is a reason for the user, shown in one line, not a traceback.

    Exit codes: 0 every input was analysed or stored; 2 some input was rejected, or some story was analysed
    only in part, the rest went on; 1 an error stopped the run or nothing at all could be analysed."""
    try:
        app()
    except (KabarError, OSError, sqlite3.Error) as error:
        reason = error if isinstance(error, KabarError) else f"{type(error).__name__}: {error}"
        console.print(f"[red]error:[/] {escape(str(reason))}")
        raise SystemExit(1) from None
