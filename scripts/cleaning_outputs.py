"""Writes what the cleaner makes of every input at hand, one JSON line each, so that a change meant only to
make cleaning faster can be shown to leave its output byte-identical: article text, paragraphs, removed lines
with their reasons and all metadata, for the real HTML pages and Kompas texts of ../shared (where present), the
labelled fixture pages in both forms, the example corpus and the seed scrapes.

    python scripts/cleaning_outputs.py /tmp/before.jsonl     # on the old code
    python scripts/cleaning_outputs.py /tmp/after.jsonl      # on the new code
    cmp /tmp/before.jsonl /tmp/after.jsonl
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from kabar.clean import clean
from kabar.errors import KabarError
from kabar.eval import real_cleaning as real
from kabar.eval.cleaning import EXAMPLES, SEEDS
from kabar.eval.pages import all_pages
from kabar.ingest import iter_inputs
from kabar.model import RawDocument


def inputs() -> Iterator[tuple[str, RawDocument]]:
    if real.EXTRACTION.exists():
        for page in real.real_pages():
            yield f"page:{page.id}", RawDocument(page.id, page.html.encode("utf-8"), page.html, "text/html", page.url)
    for fixture in all_pages():
        for form in ("html", "text"):
            yield f"fixture:{fixture.name}.{form}", fixture.raw(form)
    files = [path for path in sorted(EXAMPLES.glob("*")) if path.suffix in (".html", ".txt")]
    files += sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else []
    for path in files:
        for raw in iter_inputs([str(path)]):
            if isinstance(raw, RawDocument):
                yield f"file:{path.name}", raw
    if real.KOMPAS.exists():
        for index, record in enumerate(real.kompas_records()):
            yield f"kompas:{index}", real.record_raw(record)


def output(key: str, raw: RawDocument) -> dict:
    try:
        article = clean(raw, key)
    except KabarError as error:
        return {"key": key, "error": str(error)}
    article.source = Path(article.source).name  # a file's path differs between checkouts; its name does not
    return {"key": key, **json.loads(json.dumps(dataclasses.asdict(article), default=str, ensure_ascii=False))}


def main(target: Path) -> None:
    with target.open("w", encoding="utf-8") as out:
        for key, raw in inputs():
            out.write(json.dumps(output(key, raw), ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
