"""Ingest: every way articles arrive (files, folders, dumps, feeds, URLs) becomes RawDocuments.

Bad input never raises: it comes back as a rejected InputOutcome with a one-line reason, and the run
goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from kabar.ingest.feeds import iter_feed
from kabar.ingest.files import iter_path
from kabar.ingest.options import IngestOptions
from kabar.ingest.raw import Item, reject, reject_fault
from kabar.ingest.web import Fetcher
from kabar.model import RawDocument


def iter_inputs(targets: Iterable[str], options: IngestOptions | None = None) -> Iterator[Item]:
    options = options or IngestOptions()
    fetchers: list[Fetcher] = []
    try:
        for target in targets:
            try:
                yield from _iter_target(target, options, fetchers)
            except Exception as error:  # noqa: BLE001 (a reader's fault ends that target only)
                yield reject_fault(target, "reading", error)
    finally:
        for fetcher in fetchers:
            fetcher.close()


def _iter_target(target: str, options: IngestOptions, fetchers: list[Fetcher]) -> Iterator[Item]:
    """One command-line target; `fetchers` holds the run's one fetcher once a URL or feed needs it."""

    def fetcher() -> Fetcher:
        if not fetchers:
            fetchers.append(Fetcher(options))
        return fetchers[0]

    if not target.strip():  # an unset shell variable: Path("") would be the current folder
        yield reject(target, 'empty path: give a file, folder or URL ("." for the current folder)')
        return
    if "://" in target:
        item = fetcher().fetch(target)
        if isinstance(item, RawDocument) and item.media_type == "application/feed":
            yield from iter_feed(target, item.content, fetcher())
        else:
            yield item
        return
    for found in iter_path(Path(target), options):
        if isinstance(found, tuple):
            yield from iter_feed(found[0], found[1], fetcher())
        else:
            yield found


__all__ = ["IngestOptions", "iter_inputs"]
