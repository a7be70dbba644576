"""`kabar eval cleaning`: how well body text is kept and boilerplate removed, and metadata read.

Kabar is measured beside trafilatura and jusText on the same pages: the five seed scrapes (wrapped
as HTML paragraphs for the two baselines, which only read HTML) and the bundled example corpus in
both its forms. Gold lives under tests/gold/cleaning and in the example corpus's gold.json.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from kabar.clean import clean
from kabar.eval import CHECKOUT_GOLD, SHARED, fixtures_folder
from kabar.eval.pages import KEPT_LABELS as PAGE_KEPT
from kabar.eval.pages import Page, all_pages
from kabar.ingest import iter_inputs
from kabar.model import RawDocument

SEEDS = SHARED / "corpus" / "seeds"
SEED_GOLD = CHECKOUT_GOLD / "cleaning" / "seeds.json"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "korut-rusia"
KEPT = {"body", "heading"}
METADATA_FIELDS = ("title", "outlet", "author", "published", "updated")
PREFIX = 40


@dataclass
class LineScores:
    """Counts for one system: body lines kept or lost, boilerplate lines removed or let through."""

    body_kept: int = 0
    body_lost: int = 0
    junk_removed: int = 0
    junk_kept: int = 0
    metadata_right: dict[str, int] = field(default_factory=dict)
    metadata_total: dict[str, int] = field(default_factory=dict)

    def add(self, gold_kept: bool, system_kept: bool) -> None:
        if gold_kept:
            self.body_kept += system_kept
            self.body_lost += not system_kept
        else:
            self.junk_removed += not system_kept
            self.junk_kept += system_kept

    def add_metadata(self, name: str, right: bool) -> None:
        self.metadata_right[name] = self.metadata_right.get(name, 0) + right
        self.metadata_total[name] = self.metadata_total.get(name, 0) + 1

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    def body_precision(self) -> float:
        return self._ratio(self.body_kept, self.body_kept + self.junk_kept)

    def body_recall(self) -> float:
        return self._ratio(self.body_kept, self.body_kept + self.body_lost)

    def junk_precision(self) -> float:
        return self._ratio(self.junk_removed, self.junk_removed + self.body_lost)

    def junk_recall(self) -> float:
        return self._ratio(self.junk_removed, self.junk_removed + self.junk_kept)

    def f1(self) -> float:
        """F1 of the kept/removed decision, averaged over the two classes."""
        def harmonic(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0
        return (harmonic(self.body_precision(), self.body_recall())
                + harmonic(self.junk_precision(), self.junk_recall())) / 2


def seed_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]


def as_html(lines: list[str]) -> str:
    """The seed as the baselines need it: each scraped line one paragraph, nothing else added."""
    body = "".join(f"<p>{escape(line)}</p>" for line in lines)
    return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"


def kabar_kept(raw: RawDocument) -> set[str]:
    article = clean(raw, "eval")
    return {article.text[p.start : p.end][:PREFIX] for p in article.paragraphs}


BASELINES: dict[str, Callable[[list[str], str], set[str]]] = {
    "trafilatura": lambda lines, html: _extracted_lines(lines, _trafilatura_text(html)),
    "jusText": lambda lines, html: _justext_lines(html),
}
"""What each baseline keeps of a page's lines, given its HTML."""


def score_seeds(systems: dict[str, Callable[[Path, list[str]], set[str]]],
                seed_gold: Path = SEED_GOLD) -> dict[str, LineScores]:
    gold = json.loads(seed_gold.read_text("utf-8"))["seeds"]
    scores = {name: LineScores() for name in systems}
    for name, expected in gold.items():
        path = SEEDS / name
        lines = seed_lines(path)
        for system, kept_lines in systems.items():
            kept = kept_lines(path, lines)
            for line in lines:
                prefix = line[:PREFIX]
                scores[system].add(expected["lines"][prefix] in KEPT, prefix in kept)
        if "kabar" in systems:
            article = clean(next(r for r in iter_inputs([str(path)]) if isinstance(r, RawDocument)), "eval")
            compare_metadata(scores["kabar"], article_metadata(article), expected)
    return scores


def article_metadata(article) -> dict[str, str | None]:
    return {
        "title": article.title,
        "outlet": article.outlet,
        "author": article.author,
        "published": article.published.isoformat() if article.published else None,
        "updated": article.updated.isoformat() if article.updated else None,
    }


def compare_metadata(scores: LineScores, found: dict[str, str | None], expected: dict) -> None:
    for name in METADATA_FIELDS:
        scores.add_metadata(name, found[name] == expected.get(name))


def score_examples() -> dict[str, LineScores]:
    """Metadata read from the bundled corpus, as text scrapes and as full HTML pages."""
    gold = json.loads((EXAMPLES / "gold.json").read_text("utf-8"))["articles"]
    scores = {"kabar (text)": LineScores(), "kabar (html)": LineScores()}
    for stem, expected in gold.items():
        for label, suffix in (("kabar (text)", ".txt"), ("kabar (html)", ".html")):
            raw = next(r for r in iter_inputs([str(EXAMPLES / (stem + suffix))]) if isinstance(r, RawDocument))
            compare_metadata(scores[label], article_metadata(clean(raw, "eval")), expected)
    return scores


def page_metadata_expected(page: Page, form: str) -> dict:
    """A text scrape that never prints the outlet's name has no outlet to find (`outlet_text: null`)."""
    expected = dict(page.metadata)
    if form == "text" and "outlet_text" in expected:
        expected["outlet"] = expected["outlet_text"]
    return expected


def score_pages(pages: list[Page] | None = None, baselines: Iterable[str] = BASELINES) -> dict[str, LineScores]:
    """The labelled outlet-style pages: Kabar on both forms, the baselines on the HTML form."""
    systems = ["kabar (text)", "kabar (html)", *(f"{name} (html)" for name in baselines)]
    scores = {name: LineScores() for name in systems}
    for page in pages if pages is not None else all_pages():
        lines = [text for _, text in page.lines]
        kept_by = {
            "kabar (text)": kabar_kept(page.raw("text")),
            "kabar (html)": kabar_kept(page.raw("html")),
            **{f"{name} (html)": BASELINES[name](lines, page.html()) for name in baselines},
        }
        for system, kept in kept_by.items():
            for label, text in page.lines:
                scores[system].add(label in PAGE_KEPT, text[:PREFIX] in kept)
        for form in ("text", "html"):
            article = clean(page.raw(form), "eval")
            compare_metadata(scores[f"kabar ({form})"], article_metadata(article), page_metadata_expected(page, form))
    return scores


def _trafilatura_text(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def _extracted_lines(lines: list[str], output: str) -> set[str]:
    return {line[:PREFIX] for line in lines if line[:PREFIX] in output}


def _justext_lines(html: str) -> set[str]:
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("Indonesian"))
    return {p.text[:PREFIX] for p in paragraphs if not p.is_boilerplate}


PAGE_CLASSES = {"B": "body", "H": "heading", "T": "title", "A": "byline/credit", "D": "date", "C": "caption",
                "X": "boilerplate"}


def line_class(label: str) -> str:
    """Kabar's and the gold's line labels on one scale (an outlet-name or credit line is a byline)."""
    if label in ("byline", "credit", "outlet"):
        return "byline/credit"
    return label


def kabar_classes(raw: RawDocument) -> dict[str, str]:
    """Each line's class as Kabar decided it, keyed by the line's first characters."""
    article = clean(raw, "eval")
    found = {r.text[:PREFIX]: line_class(r.reason.split(":")[0]) for r in article.removed}
    found.update({article.text[p.start : p.end][:PREFIX]: p.kind for p in article.paragraphs})
    return found


def per_class_scores(seed_gold: Path = SEED_GOLD, pages: list[Page] | None = None) -> dict[str, Score]:
    """Precision and recall of every line class, over the seeds and the outlet-style pages (both forms)."""
    pairs: list[tuple[str, str]] = []
    if SEEDS.exists():
        gold = json.loads(seed_gold.read_text("utf-8"))["seeds"]
        for name, expected in gold.items():
            raw = next(r for r in iter_inputs([str(SEEDS / name)]) if isinstance(r, RawDocument))
            found = kabar_classes(raw)
            pairs += [(line_class(expected["lines"][line[:PREFIX]]), found.get(line[:PREFIX], "?"))
                      for line in seed_lines(SEEDS / name)]
    for page in pages if pages is not None else all_pages():
        for form in ("text", "html"):
            found = kabar_classes(page.raw(form))
            pairs += [(PAGE_CLASSES[label], found.get(text[:PREFIX], "?")) for label, text in page.lines]
    scores: dict[str, Score] = {}
    for name in sorted({g for g, _ in pairs}):
        right = sum(1 for g, f in pairs if g == name and f == name)
        scores[name] = Score(right, sum(1 for _, f in pairs if f == name), sum(1 for g, _ in pairs if g == name))
    return scores


@dataclass
class Score:
    true_positives: int
    found: int
    expected: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0


def _class_table(scores: dict[str, Score]) -> Table:
    table = Table(title="Kabar per line class (seeds + outlet-style pages as text and HTML)")
    for column in ("class", "precision", "recall", "gold lines"):
        table.add_column(column, justify="left" if column == "class" else "right")
    for name, score in scores.items():
        table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", str(score.expected))
    return table


def _line_table(title: str, scores: dict[str, LineScores]) -> Table:
    table = Table(title=title)
    for column in ("system", "body P", "body R", "boilerplate P", "boilerplate R", "F1", "lines"):
        table.add_column(column, justify="right" if column != "system" else "left")
    for name, s in scores.items():
        total = s.body_kept + s.body_lost + s.junk_kept + s.junk_removed
        table.add_row(name, f"{s.body_precision():.3f}", f"{s.body_recall():.3f}", f"{s.junk_precision():.3f}",
                      f"{s.junk_recall():.3f}", f"{s.f1():.3f}", str(total))
    return table


def _metadata_table(title: str, scores: dict[str, LineScores]) -> Table:
    table = Table(title=title)
    table.add_column("system")
    for name in METADATA_FIELDS:
        table.add_column(name, justify="right")
    for system, s in scores.items():
        table.add_row(system, *(f"{s.metadata_right.get(n, 0)}/{s.metadata_total.get(n, 0)}" for n in METADATA_FIELDS))
    return table


def installed_baselines(console: Console) -> list[str]:
    """The baselines whose library is installed (the test extra installs both); the others are named and left out."""
    installed = []
    for name, module in (("trafilatura", "trafilatura"), ("jusText", "justext")):
        if importlib.util.find_spec(module) is None:
            console.print(f"[yellow]{name} is not installed (pip install {module}): its figures are left out.[/]")
        else:
            installed.append(name)
    return installed


def _on_seed_lines(baseline: str) -> Callable[[Path, list[str]], set[str]]:
    """A seed is a text scrape: the baselines read its lines as paragraphs of a bare page."""
    return lambda path, lines: BASELINES[baseline](lines, as_html(lines))


def main(gold: Path = CHECKOUT_GOLD) -> None:
    console = Console()
    baselines = installed_baselines(console)
    seed_gold = gold / "cleaning" / "seeds.json"
    if SEEDS.exists():
        systems: dict[str, Callable[[Path, list[str]], set[str]]] = {
            "kabar": lambda path, lines: kabar_kept(
                next(r for r in iter_inputs([str(path)]) if isinstance(r, RawDocument))),
            **{name: _on_seed_lines(name) for name in baselines},
        }
        seeds = score_seeds(systems, seed_gold)
        console.print(_line_table("Cleaning on the five seeds (lines kept vs removed)", seeds))
        console.print(_metadata_table("Metadata exact on the seeds", {"kabar": seeds["kabar"]}))
    else:
        console.print(f"[yellow]Seeds not found at {SEEDS}; seed figures skipped.[/]")
    labelled_pages = all_pages(fixtures_folder(gold) / "pages")
    pages = score_pages(labelled_pages, baselines)
    console.print(_line_table(f"Cleaning on {len(labelled_pages)} outlet-style pages (tests/fixtures/pages)", pages))
    console.print(_metadata_table("Metadata exact on the outlet-style pages",
                                  {k: v for k, v in pages.items() if k.startswith("kabar")}))
    console.print(_metadata_table("Metadata exact on the example corpus", score_examples()))
    console.print(_class_table(per_class_scores(seed_gold, labelled_pages)))
    print_real_material(console)


def print_real_material(console: Console) -> None:
    """The figures on real material from ../shared, each part skipped with its reason when absent."""
    from kabar.eval import real_cleaning as real

    if real.EXTRACTION.exists():
        console.print(_real_pages_table(real.score_real_pages()))
        console.print(_parts_table("Paragraphs kept of the same pages' human-written bodies as plain text, by language "
                                   "group (Indonesian: the Kompas and CLICK-ID tables)", real.score_languages(),
                                   _retention_cell, rows="language group"))
    else:
        console.print(f"[yellow]Real HTML pages not found at {real.EXTRACTION}; page F1 skipped.[/]")
    if not real.KOMPAS.exists():
        console.print(f"[yellow]Kompas dev texts not found at {real.KOMPAS}; retention, noise and date figures "
                      "skipped.[/]")
        return
    console.print(_retention_table(real.score_retention()))
    if real.CLICKID.exists():
        console.print(_parts_table("Real paragraphs kept on CLICK-ID 2019 text of five outlets (../shared/corpus/real, "
                                   "labelled furniture left out)", real.score_clickid_retention(), _retention_cell))
    else:
        console.print(f"[yellow]CLICK-ID texts not found at {real.CLICKID}; their retention skipped.[/]")
    console.print(_noise_table(real.score_noise()))
    console.print(_dates_table(real.score_dates_and_outlets()))


def _parts_table(title: str, results: dict, cell: Callable[[Any], str], rows: str = "system") -> Table:
    """One row per system (or other `rows`), one column per part (dev, held-back)."""
    table = Table(title=title)
    table.add_column(rows)
    for part in ("dev", "held-back"):
        table.add_column(part, justify="right")
    for system, parts in results.items():
        table.add_row(system, *(cell(score) for score in parts.values()))
    return table


def _real_pages_table(results: dict) -> Table:
    return _parts_table("Article text on real HTML pages (../shared/data/extraction): mean token F1 "
                        "(empty pages where trafilatura finds text)", results,
                        lambda s: f"{s.mean:.3f} ({s.empty_where_trafilatura_finds_text} empty) n={len(s.scores)}")


def _retention_cell(retention: Any) -> str:
    return (f"{retention.share:.4f} of {retention.total} "
            f"({retention.articles_with_loss}/{retention.articles} articles lose one)")


def _retention_table(results: dict) -> Table:
    return _parts_table("Real paragraphs kept on clean Kompas.com text (../shared/corpus/real, all body)", results,
                        _retention_cell)


def _noise_table(results: dict) -> Table:
    from kabar.eval.noise import NoiseScores

    table = Table(title="Real Kompas articles with outlet furniture injected: body lines kept recall / "
                        "furniture removed recall (held-back styles never tuned on)")
    for column in ("style", "style part", "dev articles", "held-back articles"):
        table.add_column(column, justify="left" if column.startswith("style") else "right")
    totals = {(held, part): NoiseScores() for held in (False, True) for part in ("dev articles", "held-back articles")}
    for (style, held), parts in sorted(results.items(), key=lambda item: (item[0][1], item[0][0])):
        for part, scores in parts.items():
            totals[(held, part)].add(scores)
        table.add_row(style, "held-back" if held else "dev",
                      *(f"{s.body_recall():.3f} / {s.furniture_recall():.3f}" for s in parts.values()))
    for held in (False, True):
        table.add_row(f"all {'held-back' if held else 'dev'} styles", "held-back" if held else "dev",
                      *(f"{totals[(held, part)].body_recall():.4f} / {totals[(held, part)].furniture_recall():.4f}"
                        for part in ("dev articles", "held-back articles")))
    return table


def _dates_table(results: dict) -> Table:
    table = Table(title="Publication estimate on Kompas dev (no date field) against collected_on; outlet "
                        "without the record's hint")
    for column in ("part", "articles", "estimated", "right day", "within a day", "outlet right"):
        table.add_column(column, justify="left" if column == "part" else "right")
    for part, s in results.items():
        table.add_row(part, str(s.articles), f"{s.share(s.estimated):.3f}", f"{s.share(s.right_day):.3f}",
                      f"{s.share(s.within_a_day):.3f}", f"{s.share(s.outlet_right):.3f}")
    return table


if __name__ == "__main__":
    main()
