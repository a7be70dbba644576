"""The main job, as library calls: ingest into the store, then analyse what was ingested.

The CLI calls these functions and nothing below them, so every command runs the same steps in the
same order.
"""

from __future__ import annotations

import logging
import multiprocessing
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import numpy as np

from kabar.clean import clean
from kabar.errors import KabarError, StoreError, failure, or_fallback
from kabar.export import StoryExport
from kabar.ingest import IngestOptions, iter_inputs
from kabar.model import Article, Doc, Entity, InputOutcome, InputStatus, RawDocument, Story
from kabar.nlp import annotate_all, link_entities
from kabar.nlp.pipeline import BATCH, PARALLEL_FROM, default_workers
from kabar.store import Store
from kabar.stories import analyze as analyze_story
from kabar.stories.cluster import article_meanings, group_articles
from kabar.stories.dedup import Copies, find_duplicates
from kabar.stories.live import LiveStories
from kabar.stories.meaning import embeddings
from kabar.stories.rewrite import LlmSettings

Progress = Callable[..., None]
"""Called with a stage name, how many items it just finished and, as `total=`, how many the stage has when
that is known in advance (the articles to annotate; not the inputs, which are read as a stream)."""

log = logging.getLogger(__name__)
BATCH_SIZE = 200
Grouping = tuple[Copies, list[Story]]
"""What the analysis reads from the articles alone: the copies among them, and their stories."""


def _no_progress(stage: str, done: int, total: int | None = None) -> None:
    return None


def article_id_for(raw: RawDocument) -> str:
    """Stable across runs and machines: the same bytes always get the same id."""
    return "a-" + raw.sha256[:12]


@dataclass
class IngestResult:
    outcomes: list[InputOutcome] = field(default_factory=list)

    @property
    def article_ids(self) -> list[str]:
        """Articles these inputs map to, stored now or earlier, in input order without repeats."""
        seen: dict[str, None] = {}
        for outcome in self.outcomes:
            if outcome.article_id:
                seen.setdefault(outcome.article_id, None)
        return list(seen)

    def count(self, status: InputStatus) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> bool:
        """Some article input was rejected (files a folder walk merely skipped do not count)."""
        return any(o.status == InputStatus.REJECTED for o in self.outcomes)


class NothingToAnalyseError(KabarError):
    """No input became an article; carries the outcomes, so the caller can still show why."""

    def __init__(self, message: str, result: IngestResult):
        super().__init__(message)
        self.result = result


Item = RawDocument | InputOutcome


def _batches(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while batch := list(islice(items, size)):
        yield batch


def ingest(
    targets: Iterable[str],
    store: Store,
    options: IngestOptions | None = None,
    progress: Progress = _no_progress,
    batch_size: int = BATCH_SIZE,
    place_stories: bool = True,
    workers: int = 1,
    labels: dict[str, str] | None = None,
) -> IngestResult:
    """Read, clean and store every input, placing each new article in its live event and story (unless
    `place_stories` is off: `live_stories` places what was left later); each batch is one transaction, so
    a crash loses at most a batch and a rerun skips what is already stored (same content hash). With
    several `workers`, a full batch's new inputs are cleaned by that many processes, stored in input order.
    `labels` name targets as the user knows them (an upload by its own name, not the server's copy), in the
    outcomes and the store alike."""
    result = IngestResult()
    with _cleaner(workers) as clean_all:
        for batch in _batches(_labelled(iter_inputs(targets, options), labels or {}), batch_size):
            new: dict[str, RawDocument] = {}
            for item in batch:
                if isinstance(item, RawDocument) and not store.has_content(item.sha256):
                    new.setdefault(item.sha256, item)
            cleaned = dict(zip(new, clean_all(list(new.values())), strict=True))
            meanings = _meanings([a for a in cleaned.values() if isinstance(a, Article)]) if place_stories else {}
            with _writing(store), store.transaction():
                live = LiveStories(store) if place_stories else None
                for item in batch:
                    outcome = item if isinstance(item, InputOutcome) else _store_one(
                        item, cleaned.get(item.sha256), store, live, meanings)
                    store.record_input(outcome)
                    result.outcomes.append(outcome)
                if live is not None:
                    live.finish()
            progress("ingest", len(batch))
    return result


def _labelled(items: Iterator[Item], labels: dict[str, str]) -> Iterator[Item]:
    """Each item's source under its target's label; a record of a dump ("copy.jsonl#L3") keeps its mark after
    the label (a labelled target's path holds no "#")."""
    for item in items:
        target, mark, record = item.source.partition("#")
        if target in labels:
            item.source = labels[target] + mark + record
        yield item


PARALLEL_CLEANING_FROM = 64
"""Fewer new inputs than this in a batch are cleaned in this process: workers would cost more than they save."""


@contextmanager
def _cleaner(workers: int) -> Iterator[Callable[[list[RawDocument]], list[Article | str]]]:
    """Cleans a list of inputs in order, each to its article or the reason it has none: in this process, or
    in `workers` forked processes once a list is long enough (the first input is cleaned here before they
    start, so whatever the cleaner loads on first use is loaded once and shared)."""
    pool: ProcessPoolExecutor | None = None

    def clean_all(raws: list[RawDocument]) -> list[Article | str]:
        nonlocal pool
        if pool is None and (workers <= 1 or len(raws) < PARALLEL_CLEANING_FROM
                             or "fork" not in multiprocessing.get_all_start_methods()):
            return [_cleaned(raw) for raw in raws]
        first = [] if pool is not None else [_cleaned(raws[0])]
        if pool is None:
            pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        return first + list(pool.map(_cleaned, raws[len(first):], chunksize=4))

    try:
        yield clean_all
    finally:
        if pool is not None:
            pool.shutdown()


@contextmanager
def _writing(store: Store) -> Iterator[None]:
    """A store that cannot be written (full disk, read-only file, locked past the wait) stops the run with
    a reason: no input is to blame for it."""
    try:
        yield
    except sqlite3.OperationalError as error:
        raise StoreError(f"cannot write to the store at {store.path}: {error}") from error


def _cleaned(raw: RawDocument) -> Article | str:
    """The input's article, or why it has none (any fault in one page is that page's outcome)."""
    try:
        article = clean(raw, article_id_for(raw))
    except KabarError as error:
        return str(error)
    except Exception as error:  # noqa: BLE001
        log.debug("input %s: cleaning failed", raw.source, exc_info=True)
        return failure("cleaning", error)
    article.sha256 = raw.sha256
    return article


def _meanings(articles: list[Article]) -> dict[str, np.ndarray]:
    """Each article's embedding of its headline and lead, by id, encoded before the batch takes the write lock."""
    return dict(zip((a.id for a in articles), article_meanings(articles), strict=True)) if articles else {}


def _store_one(raw: RawDocument, cleaned: Article | str | None, store: Store, live: LiveStories | None,
               meanings: dict[str, np.ndarray]) -> InputOutcome:
    """Store and place one cleaned input (None: stored already); whatever fails becomes its rejection and
    undoes only its writes."""
    existing = store.has_content(raw.sha256)
    if existing or cleaned is None:
        return InputOutcome(raw.source, InputStatus.DUPLICATE, "same content already stored", raw.sha256, existing)
    if isinstance(cleaned, str):
        return InputOutcome(raw.source, InputStatus.REJECTED, cleaned, raw.sha256)
    stage = "storing"
    try:
        with store.savepoint():
            store.add_article(cleaned, raw)
            stage = "placing in a live story"
            if live is not None:
                live.place(cleaned, meanings.get(cleaned.id))
    except sqlite3.OperationalError:
        raise
    except Exception as error:  # noqa: BLE001
        log.debug("input %s: %s failed", raw.source, stage, exc_info=True)
        if live is not None:
            live.reread()
        return InputOutcome(raw.source, InputStatus.REJECTED, failure(stage, error), raw.sha256)
    return InputOutcome(raw.source, InputStatus.STORED, None, raw.sha256, cleaned.id)


def annotate_isolated(articles: list[Article], progress: Progress = _no_progress) -> tuple[list[Doc], dict[str, str]]:
    """Annotate every article; one that makes a stage fail is left out with the reason (article id →
    reason), and the rest are annotated still. Articles go in batches (of at most BATCH): the batch that
    failed is annotated again one article at a time, so the fault is pinned on the article that raised it."""
    docs: list[Doc] = []
    failures: dict[str, str] = {}
    remaining = articles
    progress("annotate", 0, total=len(articles))
    while remaining:
        done = 0
        try:
            for doc in annotate_all(remaining):
                docs.append(doc)
                done += 1
                progress("annotate", 1)
            break
        except Exception:  # noqa: BLE001
            for article in remaining[done : done + BATCH]:
                try:
                    docs.extend(annotate_all([article]))
                except Exception as error:  # noqa: BLE001
                    log.debug("article %s: annotating failed", article.id, exc_info=True)
                    failures[article.id] = failure("annotating", error)
                progress("annotate", 1)
            remaining = remaining[done + BATCH:]
    return docs, failures


@contextmanager
def _grouped_meanwhile(articles: list[Article]) -> Iterator[Callable[[], Grouping | None]]:
    """Finds the copies among the articles and groups them into stories in a forked process while this one has
    them annotated: both read the articles alone, so they need not wait, and the cores share the jobs. Yields
    how to collect them; None (no articles given, one core, no fork, or a fault) leaves both to the analysis.
    The sentence encoder is loaded here first, so this process and every later fork share it."""
    if not articles or default_workers() <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield lambda: None
        return
    embeddings(["memuat model"])
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=_send_grouping, args=(articles, sending), daemon=True)
    process.start()
    sending.close()

    def collect() -> Grouping | None:
        try:
            return receiving.recv()
        except EOFError:
            return None

    try:
        yield collect
    finally:
        receiving.close()
        if process.is_alive():  # stories never collected: nobody waits for them
            process.terminate()
        process.join()


def _send_grouping(articles: list[Article], sending: Connection) -> None:
    try:
        grouping: Grouping | None = (find_duplicates(articles), group_articles(articles))
    except Exception:  # noqa: BLE001 (the analysis does it again and meets the fault where it is reported)
        grouping = None
    sending.send(grouping)


def analyze_articles(
    articles: list[Article],
    progress: Progress = _no_progress,
    inputs: list[InputOutcome] | None = None,
    store: Store | None = None,
) -> StoryExport:
    """Annotate each article, link entities across them, group them into stories and compare what each
    story's articles claim; with a store, annotations are kept there and an article annotated before is
    not annotated again (`kabar export` after `kabar analyze` reuses them). An article whose annotation
    fails is left out, its input marked rejected with the reason; a step over all the articles that fails
    (linking entities, finding copies, grouping stories) falls back, said in the export's `fallbacks`."""
    stored = {a.id: store.load_annotations(a.id) for a in articles} if store is not None else {}
    todo = [a for a in articles if not stored.get(a.id)]
    with _grouped_meanwhile(articles if len(todo) >= PARALLEL_FROM else []) as grouped:
        annotated, failures = annotate_isolated(todo, progress)
        grouping = None if failures else grouped()
    fresh = {doc.article.id: doc for doc in annotated}
    if failures:
        articles = [article for article in articles if article.id not in failures]
        for outcome in inputs or []:
            if outcome.article_id in failures:
                outcome.status, outcome.reason = InputStatus.REJECTED, failures[outcome.article_id]
    docs = [Doc(article, stored[article.id]) if stored.get(article.id) else fresh[article.id] for article in articles]
    fallbacks: list[str] = []
    entities = or_fallback("linking entities", "entities are left unlinked", fallbacks,
                           lambda: link_entities(docs), lambda: _unlinked(docs))
    if store is not None:
        with store.transaction():
            for doc in docs:
                if not stored.get(doc.article.id):
                    store.save_annotations(doc.article.id, doc.layers)
    copies, stories = grouping if grouping is not None else (None, None)
    analysis = analyze_story(docs, entities, LlmSettings.from_env(), stories, copies)
    duplicates = analysis.duplicates
    for article in articles:
        if article.id in duplicates:
            article.duplicate_of = duplicates[article.id][0]
    return StoryExport(
        articles=articles,
        stories=analysis.stories,
        entities=entities,
        quotes=analysis.quotes,
        claims=analysis.claims,
        claim_groups=analysis.groups,
        timeline=analysis.timeline,
        brief=analysis.brief,
        brief_language=analysis.brief_language,
        fallbacks=fallbacks + analysis.fallbacks,
        inputs=[
            {"source": o.source, "status": o.status, "reason": o.reason, "article": o.article_id}
            for o in inputs or []
        ],
    )


def _unlinked(docs: list[Doc]) -> list[Entity]:
    """No entities: every mention loses the entity id a failed linking may have given it part way (or an
    earlier run stored), so no record names an entity the export lacks."""
    for doc in docs:
        for span in doc.layer("entities"):
            span.attrs.pop("entity", None)
    return []


def analysed_in_part(export: StoryExport) -> list[str]:
    """One line for each fallback the analysis took and each story analysed only in part, with why."""
    lines = [f"fallback: {reason}" for reason in export.fallbacks]
    for story in export.stories:
        if story.failure:
            count = f"{len(story.articles)} article" + ("s" if len(story.articles) != 1 else "")
            lines.append(f"story {story.id} ({count}) analysed in part: {story.failure}")
    return lines


def write_outputs(export: StoryExport, out_dir: Path, store: Store | None = None) -> dict[str, Path]:
    """story.json (validated against the contract), brief.md and report.html, side by side; with a store,
    the stories and everything found in them are saved there too. For a large pile the brief and the report
    are rendered by a forked process meanwhile, and put in place only once story.json has passed."""
    from kabar import export as export_module

    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {
        "story": out_dir / "story.json",
        "brief": out_dir / "brief.md",
        "report": out_dir / "report.html",
    }
    document = export_module.to_json(export)
    pages = {key: paths[key] for key in ("brief", "report")}
    with _rendered_meanwhile(document, pages, len(export.articles) >= PARALLEL_FROM) as finish:
        export_module.validate(document)
        export_module.write_document(document, paths["story"])
        if store is not None:
            store.save_analysis(export)
        finish()
    return paths


def _render_pages(document: dict[str, Any], pages: dict[str, Path], suffix: str = "") -> None:
    from kabar.report import render_brief_markdown, render_report_html

    render = {"brief": render_brief_markdown, "report": render_report_html}
    for key, path in pages.items():
        path.with_name(path.name + suffix).write_text(render[key](document), encoding="utf-8")


PART = ".part"


@contextmanager
def _rendered_meanwhile(document: dict[str, Any], pages: dict[str, Path], forked: bool) -> Iterator[Callable[[], None]]:
    """Renders the pages (brief, report) while this process goes on; yields the call that puts them in place.
    Forked, each page goes to a .part file beside its place, renamed when finished, removed when the block
    fails; a fork that fails is followed by rendering here, which meets the fault where it is reported."""
    if not forked or "fork" not in multiprocessing.get_all_start_methods():
        yield lambda: _render_pages(document, pages)
        return
    process = multiprocessing.get_context("fork").Process(target=_render_pages, args=(document, pages, PART))
    process.start()

    def finish() -> None:
        process.join()
        if process.exitcode != 0:
            _render_pages(document, pages, PART)
        for path in pages.values():
            path.with_name(path.name + PART).replace(path)

    try:
        yield finish
    finally:
        if process.is_alive():
            process.terminate()
        process.join()
        for path in pages.values():
            path.with_name(path.name + PART).unlink(missing_ok=True)


def analyze_paths(
    targets: Iterable[str],
    store: Store,
    out_dir: Path,
    options: IngestOptions | None = None,
    progress: Progress = _no_progress,
) -> tuple[IngestResult, StoryExport, dict[str, Path]]:
    """The main job: ingest the inputs, analyse the articles they map to, write the three outputs. The
    analysis groups the stories itself, so ingest leaves live-story placement for later. When no input
    became an article there is nothing to write: NothingToAnalyseError says so."""
    result = ingest(targets, store, options, progress, place_stories=False, workers=default_workers())
    articles = list(store.articles(result.article_ids))
    if not articles:
        raise NothingToAnalyseError(
            f"nothing to analyse: none of the {len(result.outcomes)} inputs became an article"
            if result.outcomes else "nothing to analyse: no inputs found", result)
    export = analyze_articles(articles, progress, result.outcomes, store)
    return result, export, write_outputs(export, out_dir, store)
