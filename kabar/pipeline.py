"""The main job, as library calls: ingest into the store, then analyse what was ingested.

The CLI calls these functions and nothing below them, so every command runs the same steps in the
same order.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from kabar.clean import clean
from kabar.errors import KabarError, StoreError, failure
from kabar.export import StoryExport
from kabar.ingest import IngestOptions, iter_inputs
from kabar.model import Article, Doc, InputOutcome, InputStatus, RawDocument
from kabar.nlp import annotate_all, link_entities
from kabar.store import Store
from kabar.stories import analyze as analyze_story
from kabar.stories.incremental import assign_story
from kabar.stories.rewrite import LlmSettings

Progress = Callable[..., None]
"""Called with a stage name, how many items it just finished and, as `total=`, how many the stage has when
that is known in advance (the articles to annotate; not the inputs, which are read as a stream)."""

BATCH_SIZE = 200


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
) -> IngestResult:
    """Read, clean and store every input, placing each new article in its live story (unless
    `place_stories` is off: `live_stories` places what was left later); each batch is one transaction, so
    a crash loses at most a batch and a rerun skips what is already stored (same content hash)."""
    result = IngestResult()
    for batch in _batches(iter_inputs(targets, options), batch_size):
        with _writing(store), store.transaction():
            for item in batch:
                outcome = item if isinstance(item, InputOutcome) else _store_one(item, store, place_stories)
                store.record_input(outcome)
                result.outcomes.append(outcome)
        progress("ingest", len(batch))
    return result


@contextmanager
def _writing(store: Store) -> Iterator[None]:
    """A store that cannot be written (full disk, read-only file, locked past the wait) stops the run with
    a reason: no input is to blame for it."""
    try:
        yield
    except sqlite3.OperationalError as error:
        raise StoreError(f"cannot write to the store at {store.path}: {error}") from error


def _store_one(raw: RawDocument, store: Store, place_story: bool) -> InputOutcome:
    """Clean, store and place one input; whatever fails becomes its rejection and undoes only its writes."""
    existing = store.has_content(raw.sha256)
    if existing:
        return InputOutcome(raw.source, InputStatus.DUPLICATE, "same content already stored", raw.sha256, existing)
    try:
        article = clean(raw, article_id_for(raw))
    except KabarError as error:
        return InputOutcome(raw.source, InputStatus.REJECTED, str(error), raw.sha256)
    except Exception as error:  # noqa: BLE001 (any fault in one page is that page's outcome)
        return InputOutcome(raw.source, InputStatus.REJECTED, failure("cleaning", error), raw.sha256)
    article.sha256 = raw.sha256
    stage = "storing"
    try:
        with store.savepoint():
            store.add_article(article, raw)
            stage = "placing in a live story"
            if place_story:
                assign_story(store, article)
    except sqlite3.OperationalError:
        raise
    except Exception as error:  # noqa: BLE001
        return InputOutcome(raw.source, InputStatus.REJECTED, failure(stage, error), raw.sha256)
    return InputOutcome(raw.source, InputStatus.STORED, None, raw.sha256, article.id)


def annotate_isolated(articles: list[Article], progress: Progress = _no_progress) -> tuple[list[Doc], dict[str, str]]:
    """Annotate every article; one that makes a stage fail is left out with the reason (article id →
    reason), and the rest are annotated still."""
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
        except Exception as error:  # noqa: BLE001
            failures[remaining[done].id] = failure("annotating", error)
            remaining = remaining[done + 1:]
    return docs, failures


def analyze_articles(
    articles: list[Article],
    progress: Progress = _no_progress,
    inputs: list[InputOutcome] | None = None,
    store: Store | None = None,
) -> StoryExport:
    """Annotate each article, link entities across them, group them into stories and compare what each
    story's articles claim; with a store, annotations are kept there and an article annotated before is
    not annotated again (`kabar export` after `kabar analyze` reuses them). An article whose annotation
    fails is left out, its input marked rejected with the reason."""
    stored = {a.id: store.load_annotations(a.id) for a in articles} if store is not None else {}
    annotated, failures = annotate_isolated([a for a in articles if not stored.get(a.id)], progress)
    fresh = {doc.article.id: doc for doc in annotated}
    if failures:
        articles = [article for article in articles if article.id not in failures]
        for outcome in inputs or []:
            if outcome.article_id in failures:
                outcome.status, outcome.reason = InputStatus.REJECTED, failures[outcome.article_id]
    docs = [Doc(article, stored[article.id]) if stored.get(article.id) else fresh[article.id] for article in articles]
    entities = link_entities(docs)
    if store is not None:
        with store.transaction():
            for doc in docs:
                if not stored.get(doc.article.id):
                    store.save_annotations(doc.article.id, doc.layers)
    analysis = analyze_story(docs, entities, LlmSettings.from_env())
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
        inputs=[
            {"source": o.source, "status": o.status, "reason": o.reason, "article": o.article_id}
            for o in inputs or []
        ],
    )


def write_outputs(export: StoryExport, out_dir: Path, store: Store | None = None) -> dict[str, Path]:
    """story.json (validated against the contract), brief.md and report.html, side by side; with a store,
    the stories and everything found in them are saved there too."""
    from kabar import export as export_module
    from kabar.report import render_brief_markdown, render_report_html

    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {
        "story": out_dir / "story.json",
        "brief": out_dir / "brief.md",
        "report": out_dir / "report.html",
    }
    document = export_module.write(export, paths["story"])
    if store is not None:
        store.save_analysis(export)
    paths["brief"].write_text(render_brief_markdown(document), encoding="utf-8")
    paths["report"].write_text(render_report_html(document), encoding="utf-8")
    return paths


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
    result = ingest(targets, store, options, progress, place_stories=False)
    articles = list(store.articles(result.article_ids))
    if not articles:
        raise NothingToAnalyseError(
            f"nothing to analyse: none of the {len(result.outcomes)} inputs became an article"
            if result.outcomes else "nothing to analyse: no inputs found", result)
    export = analyze_articles(articles, progress, result.outcomes, store)
    return result, export, write_outputs(export, out_dir, store)
