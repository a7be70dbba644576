"""How many articles of news at large hold each term, per term view of the story grouping. A pile's own document
frequencies say little when it is small: in ten reports of one war every report holds "Korea Utara", so the names
that make them one story weigh least and the words of each report's own angle weigh most, and the ten fall apart.
The grouping counts them as the articles a pile falls short of BACKGROUND_ARTICLES: in a folder of ten they
decide, a pile of a thousand has enough of its own (and its groups are those it had without them).

The table is data (`kabar/data/stories/background-terms.tsv`), written by `python -m kabar.stories.background
FOLDER` from the JSONL news in FOLDER (../shared/corpus/real), every record cleaned as ingest cleans it; terms held
by fewer than MIN_ARTICLES articles are left out (a rare term weighs the same either way).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kabar.lexicon import data_lines
from kabar.model import Article

FILE = "stories/background-terms.tsv"
BACKGROUND_ARTICLES = 1000
MIN_ARTICLES = 5
ARTICLES_ROW = "articles"


@dataclass(frozen=True)
class Background:
    articles: int
    holding: dict[str, dict[str, int]] = field(default_factory=dict)  # view -> term -> articles holding it

    def share(self, view: str, term: str, articles: int) -> float:
        """How many of `articles` articles of news at large hold the term."""
        held = self.holding.get(view, {}).get(term, 0)
        return articles * held / self.articles if held else 0.0


@cache
def background() -> Background:
    return parse(data_lines(FILE))


def parse(lines: Iterable[str]) -> Background:
    """The table's rows (comments left out) as counts."""
    holding: dict[str, dict[str, int]] = {}
    articles = 0
    for line in lines:
        view, term, count = line.split("\t")
        if view == ARTICLES_ROW:
            articles = int(count)
        else:
            holding.setdefault(view, {})[term] = int(count)
    return Background(articles, holding)


def count_terms(articles: Iterable[Article]) -> Background:
    """The articles holding each term of each view, as the grouping reads an article."""
    from kabar.stories.cluster import features  # the grouping reads this module's table

    holding: dict[str, Counter[str]] = {}
    total = 0
    for article in articles:
        total += 1
        for view, counts in features(article).terms.items():
            holding.setdefault(view, Counter()).update(counts.keys())
    return Background(total, {view: {t: n for t, n in counts.items() if n >= MIN_ARTICLES}
                               for view, counts in holding.items()})


def write(found: Background, path: Path, sources: list[str]) -> None:
    lines = ["# Articles holding each term, per view of the story grouping (kabar/stories/background.py): view<TAB>term"
             "<TAB>articles,", f"# written by `python -m kabar.stories.background` from {', '.join(sources)}.",
             f"{ARTICLES_ROW}\t-\t{found.articles}"]
    for view in sorted(found.holding):
        lines.extend(f"{view}\t{term}\t{n}" for term, n in sorted(found.holding[view].items()))
    path.write_text("\n".join(lines) + "\n", "utf-8")


def main(argv: list[str]) -> None:
    from kabar.eval.stories import real_articles

    folder = Path(argv[0]) if argv else Path("../shared/corpus/real")
    sources = sorted(folder.glob("*.jsonl"))
    found = count_terms(article for source in sources for article in real_articles(source))
    target = Path(__file__).resolve().parents[1] / "data" / FILE
    write(found, target, [source.name for source in sources])
    print(f"{found.articles:,} articles, {sum(map(len, found.holding.values())):,} terms -> {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
