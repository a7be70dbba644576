"""Annotation for anyone's text, without a store: the library call behind `kabar annotate`.

`annotate_text("Presiden Prabowo Subianto tiba di Jakarta.", as_is=True)` returns one JSON-ready record
with the span layers (entities, quotes, quantities, times, sentences with attribution and stance); every
span carries `start`, `end` (offsets into the record's `text`), `label` and `text`. Without `as_is` the text
is cleaned first, as ingest would (page furniture dropped, the dateline read), and the offsets point into the
cleaned text the record prints; as is, a JSON Lines record's own `published` date (and `author`) is still
kept, so that "kemarin" resolves against the day it was written. `annotate_inputs` does the same for files,
JSON Lines and HTML, one record per input in input order; an input that cannot be read is a record with a
one-line `error`, a file a folder walk passes over one with the reason it was `skipped`.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable, Iterator
from io import BufferedReader, BytesIO
from itertools import islice
from pathlib import Path
from typing import Any

from kabar.clean import clean
from kabar.clean.language import article_language
from kabar.clean.metadata import meta_datetime
from kabar.errors import KabarError, failure
from kabar.ingest import IngestOptions, iter_inputs
from kabar.ingest.compressed import open_input
from kabar.ingest.raw import Item, make_raw, reject_fault, text_media_type
from kabar.ingest.records import jsonl_records
from kabar.model import Article, Doc, InputOutcome, InputStatus, Paragraph, RawDocument, Span
from kabar.nlp import link_entities
from kabar.pipeline import annotate_isolated

log = logging.getLogger(__name__)
LAYERS = ("entities", "quotes", "quantities", "times", "sentences")
BATCH = 256
"""Records annotated together: enough to keep every core busy, few enough to print as they come."""


def annotate_text(text: str, *, as_is: bool = False, language: str | None = None, source: str = "text") -> dict:
    """One text's span layers as a JSON-ready record (see the module docstring)."""
    content = text.encode("utf-8")
    raw = make_raw(source, content, text_media_type(content, markup=False), IngestOptions(),
                   hints={"language": language} if language else None)
    return next(_records([raw], as_is))


def annotate_inputs(targets: Iterable[str], *, as_is: bool = False, jsonl: bool = False,
                    options: IngestOptions | None = None) -> Iterator[dict]:
    """Records for files, folders, URLs or "-" (standard input), in input order. With `jsonl`, every line
    of a target (or of standard input) is one JSON record whatever the file is called."""
    options = options or IngestOptions()
    items = (item for target in targets for item in _items(target, jsonl, options))
    while batch := list(islice(items, BATCH)):
        yield from _records(batch, as_is)


def _items(target: str, jsonl: bool, options: IngestOptions) -> Iterator[Item]:
    if target == "-":
        content = sys.stdin.buffer.read()
        if jsonl:
            yield from jsonl_records("<stdin>", BufferedReader(BytesIO(content)), options)
        else:
            yield make_raw("<stdin>", content, text_media_type(content, markup=False), options)
    elif jsonl and Path(target).is_file():
        yield from _jsonl_file(target, options)
    else:
        yield from (item for item in iter_inputs([target], options) if not isinstance(item, tuple))


def _jsonl_file(target: str, options: IngestOptions) -> Iterator[Item]:
    """Every line of the file (gzip-compressed or not) as one record; a fault in reading it ends it with its
    error line, after the records before it."""
    try:
        with open_input(Path(target)) as handle:
            yield from jsonl_records(target, handle, options)
    except Exception as error:  # noqa: BLE001 (a reader's fault ends that file only)
        yield reject_fault(target, "reading", error)


def _article(raw: RawDocument, as_is: bool) -> Article:
    article_id = "a-" + raw.sha256[:12]
    if not as_is:
        return clean(raw, article_id)
    text = raw.text
    return Article(article_id, raw.source, text, [Paragraph(0, len(text))] if "\n\n" not in text else [],
                   url=raw.url, outlet=raw.hints.get("outlet"), title=raw.hints.get("title"),
                   author=raw.hints.get("author"), published=meta_datetime(raw.hints, ("published",)),
                   language=article_language(raw.hints.get("language"), text))


def _records(items: list[Item], as_is: bool) -> Iterator[dict]:
    """One record per item, in order; a fault while cleaning or annotating one input is its error line."""
    articles: list[Article | InputOutcome] = []
    for item in items:
        if isinstance(item, InputOutcome):
            articles.append(item)
            continue
        try:
            articles.append(_article(item, as_is))
        except KabarError as error:
            articles.append(InputOutcome(item.source, InputStatus.REJECTED, str(error)))
        except Exception as error:  # noqa: BLE001
            log.debug("input %s: cleaning failed", item.source, exc_info=True)
            articles.append(InputOutcome(item.source, InputStatus.REJECTED, failure("cleaning", error)))
    annotated, failures = annotate_isolated([a for a in articles if isinstance(a, Article)])
    docs = iter(annotated)
    for article in articles:
        if isinstance(article, InputOutcome):
            skipped = article.status == InputStatus.SKIPPED  # a folder's README.md, a dangling link
            yield {"source": article.source, "skipped" if skipped else "error": article.reason}
        elif article.id in failures:
            yield {"source": article.source, "error": failures[article.id]}
        else:
            yield doc_record(next(docs))


def doc_record(doc: Doc) -> dict:
    """A Doc as the JSON record `kabar annotate` prints: metadata, the text, then each layer's spans."""
    names = {entity.id: entity.name for entity in link_entities([doc])}
    article = doc.article
    record: dict[str, Any] = {"id": article.id, "source": article.source, "url": article.url,
                              "title": article.title, "outlet": article.outlet, "language": article.language,
                              "published": article.published.isoformat() if article.published else None,
                              "text": doc.text}
    for layer in LAYERS:
        record[layer] = [_span_json(doc.text, span, names) for span in doc.layer(layer)]
    return record


def _span_json(text: str, span: Span, names: dict[str, str]) -> dict:
    """The span's own keys first; an attribute of the same name (a time's `start` date) becomes `value_start`."""
    record: dict[str, Any] = {"start": span.start, "end": span.end, "label": span.label,
                              "text": text[span.start : span.end]}
    attrs = json.loads(json.dumps(span.attrs, ensure_ascii=False, default=str))
    if "entity" in attrs:
        attrs["name"] = names.get(attrs["entity"], attrs.get("name"))
    record.update({f"value_{key}" if key in record else key: value for key, value in attrs.items()})
    return record


__all__ = ["annotate_inputs", "annotate_text", "doc_record"]
