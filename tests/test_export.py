"""The export contract and its two renderings, on a small hand-built analysis."""

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from kabar import export
from kabar.model import (
    Article,
    BriefSentence,
    Claim,
    ClaimGroup,
    Evidence,
    Paragraph,
    Story,
    TimelineEntry,
    When,
)
from kabar.report import render_brief_markdown, render_report_html

SHARED_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "spec" / "story-export.schema.json"
WIB = timezone(timedelta(hours=7))
TEXT = "Sekitar 1.500 tentara <Korut> tiba di Rusia, kata NIS.\n\nKremlin membantah kabar itu."


def _evidence(fragment: str) -> Evidence:
    start = TEXT.index(fragment)
    return Evidence("a-1", start, start + len(fragment), fragment)


def _export() -> export.StoryExport:
    article = Article(
        id="a-1", source="x.txt", text=TEXT, title="Pasukan tiba", outlet="Warta Contoh",
        published=datetime(2024, 10, 19, 17, 0, tzinfo=WIB),
        paragraphs=[Paragraph(0, TEXT.index("\n\n")), Paragraph(TEXT.index("Kremlin"), len(TEXT))],
    )
    claim = Claim("c-1", "quantity", "1.500 tentara", None, "asserted", [_evidence("Sekitar 1.500 tentara")],
                  quantity={"min": 1500, "max": 1500, "approximate": True, "vague": None, "unit": "tentara"})
    return export.StoryExport(
        articles=[article],
        stories=[Story("s-1", "Pasukan tiba", ["a-1"])],
        claims=[claim],
        claim_groups=[ClaimGroup("g-1", "tentara dikirim", ["c-1"], "single-source", 1, "one source")],
        timeline=[TimelineEntry(When("2024-10-18", "day", None, "Jumat"), "NIS", [_evidence("kata NIS")])],
        brief=[BriefSentence("Sekitar 1.500 tentara tiba di Rusia.", [_evidence("Sekitar 1.500 tentara")])],
    )


def test_export_validates_and_round_trips(tmp_path):
    document = export.write(_export(), tmp_path / "story.json")
    loaded = json.loads((tmp_path / "story.json").read_text("utf-8"))
    assert loaded == document
    assert loaded["articles"][0]["published"] == "2024-10-19T17:00:00+07:00"


def test_export_rejects_a_span_that_does_not_match_its_text():
    document = export.to_json(_export())
    document["claims"][0]["evidence"][0]["start"] += 1
    with pytest.raises(ValueError):
        export.validate(document)


def test_shipped_schema_matches_the_shared_contract():
    if not SHARED_SCHEMA.exists():
        pytest.skip("../shared/spec is absent in this clone")
    assert export.load_schema() == json.loads(SHARED_SCHEMA.read_text("utf-8"))


def test_report_highlights_cited_evidence_and_escapes_text():
    html = render_report_html(export.to_json(_export()))
    assert '<mark id="ev-a-1-0-21">Sekitar 1.500 tentara</mark>' in html
    assert "&lt;Korut&gt;" in html and "<Korut>" not in html
    assert 'href="#ev-a-1-0-21"' in html


def test_brief_markdown_cites_each_sentence():
    markdown = render_brief_markdown(export.to_json(_export()))
    assert "Sekitar 1.500 tentara tiba di Rusia. [^1]" in markdown
    assert "[^1]: Warta Contoh, characters 0–21: “Sekitar 1.500 tentara”" in markdown
