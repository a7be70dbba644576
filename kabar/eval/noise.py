"""Noisy scrapes of real articles: the furniture of many Indonesian outlets around and between real
paragraphs, every line labelled, so cleaning is judged on body text nobody here wrote.

The furniture is data (`kabar/data/clean/outlet-furniture.tsv`, our own wording modelled on each outlet's
patterns); the articles come from `../shared/corpus/real/kompas-2025-dev.jsonl`. Styles and articles are
split by a hash of their name or URL, decided before any rule was tuned: the held-back part (hash digit
below 5, about a third) is reported apart and never used to write rules.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kabar.clean import clean
from kabar.lexicon import data_lines
from kabar.model import RawDocument

PLACEHOLDER = re.compile(r"^(\[(video|embed|img|image)\.\d+\]|:::+.*|\W*)$")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")


def held_back(key: str) -> bool:
    """The deterministic held-back third: the last hex digit of the key's SHA-1 below 5."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[-1], 16) < 5


@dataclass(frozen=True)
class Piece:
    """One piece of furniture: the lines that come together, and where on the page they sit."""

    style: str
    where: str
    lines: tuple[str, ...]


@cache
def furniture() -> dict[str, tuple[Piece, ...]]:
    styles: dict[str, list[Piece]] = {}
    for line in data_lines("clean/outlet-furniture.tsv"):
        style, where, template = line.split("\t")
        styles.setdefault(style, []).append(Piece(style, where, tuple(template.split("\\n"))))
    return {style: tuple(pieces) for style, pieces in styles.items()}


@dataclass
class RealArticle:
    key: str
    title: str
    paragraphs: list[str]
    author: str | None
    collected_on: str | None


def read_articles(path: Path) -> list[RealArticle]:
    found = []
    for line in path.read_text("utf-8").splitlines():
        record = json.loads(line)
        paragraphs = [p.strip() for p in record["text"].split("\n\n") if p.strip()]
        found.append(RealArticle(record.get("url") or record["title"], record["title"], paragraphs,
                                 record.get("author"), record.get("collected_on")))
    return found


def body_lines(paragraph: str) -> list[str]:
    """The lines of a real paragraph that carry text (markup leftovers such as "[video.1]" do not)."""
    lines = (line.strip() for line in paragraph.splitlines())
    return [line for line in lines if line and not PLACEHOLDER.match(line.rstrip("\\").strip())]


@dataclass
class NoisyScrape:
    style: str
    lines: list[tuple[bool, str]]  # (is article body, line)

    @property
    def text(self) -> str:
        return "\n".join(line for _, line in self.lines)


def noisy_scrape(article: RealArticle, style: str, others: list[RealArticle], rng: random.Random) -> NoisyScrape:
    """The article as a scrape of a page in `style`: title, head furniture, paragraphs with related links and
    ad labels between them, tail furniture."""
    pieces = furniture()[style]

    def fill(template: str) -> str:
        other = rng.choice(others)
        values = {
            "headline": other.title,
            "name": other.author or "Redaksi",
            "tag": rng.choice([w for w in re.findall(r"[A-Z]\w{3,}", article.title)] or ["Nasional"]),
            "n": str(rng.randint(2, 99)),
            "date": f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2025, {rng.randint(0, 23):02d}:"
                    f"{rng.randint(10, 59)} WIB",
        }
        return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], template)

    def furniture_lines(where: str) -> list[tuple[bool, str]]:
        return [(False, fill(line)) for piece in pieces if piece.where == where for line in piece.lines]

    lines: list[tuple[bool, str]] = [(False, article.title), *furniture_lines("head")]
    inline = [piece for piece in pieces if piece.where == "inline"]
    gaps = set(rng.sample(range(1, len(article.paragraphs)), min(len(inline), len(article.paragraphs) - 1)))
    queue = list(inline)
    rng.shuffle(queue)
    for index, paragraph in enumerate(article.paragraphs):
        if index in gaps and queue:
            lines += [(False, fill(line)) for line in queue.pop().lines]
        lines += [(True, line) for line in body_lines(paragraph)]
    return NoisyScrape(style, lines + furniture_lines("tail"))


@dataclass
class NoiseScores:
    body_kept: int = 0
    body_total: int = 0
    furniture_removed: int = 0
    furniture_total: int = 0
    articles: int = 0
    missed: Counter[str] = field(default_factory=Counter)

    def body_recall(self) -> float:
        return self.body_kept / self.body_total if self.body_total else 1.0

    def furniture_recall(self) -> float:
        return self.furniture_removed / self.furniture_total if self.furniture_total else 1.0

    def add(self, other: NoiseScores) -> None:
        self.body_kept += other.body_kept
        self.body_total += other.body_total
        self.furniture_removed += other.furniture_removed
        self.furniture_total += other.furniture_total
        self.articles += other.articles
        self.missed.update(other.missed)


def score_scrape(scrape: NoisyScrape) -> NoiseScores:
    article = clean(RawDocument("noise", scrape.text.encode("utf-8"), scrape.text, "text/plain"), "noise")
    kept = Counter(article.text[p.start : p.end] for p in article.paragraphs)
    scores = NoiseScores(articles=1)
    for is_body, line in scrape.lines:
        was_kept = kept[line] > 0 or any(line.startswith(text) for text in kept if len(text) > 20)
        if is_body:
            scores.body_total += 1
            scores.body_kept += was_kept
        else:
            scores.furniture_total += 1
            scores.furniture_removed += not was_kept
            if was_kept:
                scores.missed[line[:60]] += 1
    return scores


def score_styles(articles: list[RealArticle], per_style: int = 40, seed: int = 7) -> dict[tuple[str, bool], dict]:
    """Scores per (style, held-back style?) on dev articles and on held-back articles apart."""
    dev = [a for a in articles if not held_back(a.key)]
    held = [a for a in articles if held_back(a.key)]
    results: dict[tuple[str, bool], dict] = {}
    for style in sorted(furniture()):
        rng = random.Random(f"{seed}:{style}")
        row = {}
        for part, pool in (("dev articles", dev), ("held-back articles", held)):
            scores = NoiseScores()
            for article in rng.sample(pool, min(per_style, len(pool))):
                if len(article.paragraphs) >= 2:
                    scores.add(score_scrape(noisy_scrape(article, style, pool, rng)))
            row[part] = scores
        results[(style, held_back(style))] = row
    return results
