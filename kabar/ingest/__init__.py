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
from kabar.ingest.raw import Item
from kabar.ingest.web import Fetcher
from kabar.model import RawDocument


def iter_inputs(targets: Iterable[str], options: IngestOptions | None = None) -> Iterator[Item]:
    options = options or IngestOptions()
    fetcher: Fetcher | None = None
    try:
        for target in targets:
            if "://" in target:
                fetcher = fetcher or Fetcher(options)
                item = fetcher.fetch(target)
                if isinstance(item, RawDocument) and item.media_type == "application/feed":
                    yield from iter_feed(target, item.content, fetcher)
                else:
                    yield item
                continue
            for found in iter_path(Path(target), options):
                if isinstance(found, tuple):
                    fetcher = fetcher or Fetcher(options)
                    yield from iter_feed(found[0], found[1], fetcher)
                else:
                    yield found
    finally:
        if fetcher is not None:
            fetcher.close()


__all__ = ["IngestOptions", "iter_inputs"]
