"""The export contract and its two renderings, on a small hand-built analysis."""

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import jsonschema
import pytest

from kabar import export
from kabar.model import (
    Article,
    BriefSentence,
    Claim,
    ClaimGroup,
    Entity,
    Evidence,
    Paragraph,
    Story,
    TimelineEntry,
    When,
)
from kabar.report import render_brief_markdown, render_report_html
from kabar.report.render import markdown_text

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


def _two_stories() -> export.StoryExport:
    """The troop story above and a flood story from another outlet."""
    first = _export()
    text = "Banjir merendam 300 rumah."
    article = Article(id="a-2", source="y.txt", text=text, title="Banjir", outlet="Kabar Lain",
                      published=datetime(2024, 11, 2, 8, 0, tzinfo=WIB), paragraphs=[Paragraph(0, len(text))])
    evidence = Evidence("a-2", 0, len(text), text)
    first.articles.append(article)
    first.stories[0].events = [Story("e-1", "Pasukan tiba", ["a-1"])]
    first.stories.append(Story("s-2", "Banjir", ["a-2"]))
    first.claims.append(Claim("c-2", "quantity", "300 rumah", None, "asserted", [evidence]))
    first.claim_groups.append(ClaimGroup("g-2", "rumah terendam", ["c-2"], "single-source", 1))
    first.brief.append(BriefSentence(text, [evidence]))
    return first


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


def test_shipped_version_1_schema_matches_the_shared_contract():
    if not SHARED_SCHEMA.exists():
        pytest.skip("../shared/spec is absent in this clone")
    assert export.load_version_1_schema() == json.loads(SHARED_SCHEMA.read_text("utf-8"))


def test_a_version_2_document_still_serves_version_1_readers():
    document = export.to_json(_export())
    assert document["schema"] == "kabar.story-export/2"
    jsonschema.validate(dict(document, schema="kabar.story-export/1"), export.load_version_1_schema())


def test_every_record_names_its_story_and_each_story_holds_its_own_brief_and_timeline():
    document = export.to_json(_two_stories())
    assert {c["id"]: c["story"] for c in document["claims"]} == {"c-1": "s-1", "c-2": "s-2"}
    assert [g["story"] for g in document["claim_groups"]] == ["s-1", "s-2"]
    first, second = document["stories"]
    assert [s["text"] for s in first["brief"]["sentences"]] == ["Sekitar 1.500 tentara tiba di Rusia."]
    assert [s["text"] for s in second["brief"]["sentences"]] == ["Banjir merendam 300 rumah."]
    assert [t["text"] for t in first["timeline"]] == ["NIS"] and second["timeline"] == []
    assert first["key_figures"][0]["group"] == "g-1" and second["outlets"] == ["Kabar Lain"]
    assert second["first_seen"].startswith("2024-11-02") and first["disputed"] == 0
    assert [e["id"] for e in first["events"]] == ["e-1"] and second["events"][0]["articles"] == ["a-2"]
    export.validate(document)


def test_a_story_with_a_denied_claim_counts_it_as_disputed():
    analysis = _two_stories()
    analysis.claims[1].stance = "denied"
    document = export.to_json(analysis)
    assert [s["disputed"] for s in document["stories"]] == [0, 1]


def test_report_and_brief_lead_with_the_stories_and_give_each_its_section():
    document = export.to_json(_two_stories())
    html = render_report_html(document)
    assert html.index('id="stories"') < html.index('id="s-1"') < html.index('id="s-2"')
    assert html.count('class="story"') == 2
    markdown = render_brief_markdown(document)
    assert markdown.index("## Cerita") < markdown.index("## Pasukan tiba") < markdown.index("## Banjir")
    assert markdown.index("Banjir merendam 300 rumah.") > markdown.index("## Banjir")


def _sections(page: str, first: str, second: str) -> tuple[str, str]:
    return page[page.index(first) : page.index(second)], page[page.index(second) :]


def test_interface_words_follow_each_story_language_in_report_and_brief():
    analysis = _two_stories()
    analysis.articles[1].language = "en"
    analysis.timeline.append(TimelineEntry(When("2024-11", "month", None, "November"), "flood",
                                           [analysis.brief[1].citations[0]]))
    document = export.to_json(analysis)
    html_troops, html_flood = _sections(render_report_html(document), 'id="s-1"', 'id="s-2"')
    md_troops, md_flood = _sections(render_brief_markdown(document), "## Pasukan tiba", "## Banjir")
    for troops, flood in ((html_troops, html_flood), (md_troops, md_flood)):
        assert "Angka kunci" in troops and "Linimasa" in troops and "satu sumber" in troops
        assert "Key figures" in flood and "Timeline" in flood and "single source" in flood
        assert "Key figures" not in troops and "Linimasa" not in flood
    assert "(month)" in md_flood and "(month)" in html_flood and "(bulan)" not in md_troops + html_troops
    assert "1 artikel" in html_troops and "1 article" in html_flood and "1 articles" not in html_flood
    assert "1 angka dari satu sumber saja" in html_troops and "1 figure from a single source" in html_flood


def test_report_and_brief_mark_a_dates_precision_only_where_the_date_does_not_say_it():
    """"2024-10-18 (hari)" was noise: a full date is a day already; a month alone keeps its word."""
    analysis = _export()
    analysis.timeline.append(TimelineEntry(When("2024-06", "month", None, "Juni lalu"), "perjanjian",
                                           [_evidence("kata NIS")]))
    document = export.to_json(analysis)
    for page in (render_report_html(document), render_brief_markdown(document)):
        assert "2024-10-18" in page and "(hari)" not in page
        assert "(bulan)" in page


def test_brief_table_gives_each_group_its_figures_and_sources_once():
    analysis = _export()
    analysis.claim_groups[0].status = "corroborated"
    analysis.claim_groups.append(ClaimGroup("g-2", "tentara dikirim", ["c-1"], "corroborated", 1, "another note"))
    analysis.claim_groups[0].note = "Angka-angkanya sama: sekitar 1.500 tentara (menurut NIS, 1 media)."
    markdown = render_brief_markdown(export.to_json(analysis))
    assert markdown.count("**tentara dikirim**") == 1
    assert "sekitar 1.500 tentara (menurut NIS, 1 media)" in markdown


def test_brief_sets_the_figures_of_a_single_source_in_one_table_as_the_report_does():
    markdown = render_brief_markdown(export.to_json(_export()))
    assert "1 angka dari satu sumber saja:" in markdown
    assert "| tentara dikirim | Warta Contoh | 1.500 tentara | media itu sendiri | 2024-10-19 | dinyatakan |" in markdown
    assert "**tentara dikirim**" not in markdown


def _two_outlets_one_figure() -> export.StoryExport:
    """The troop story with a second outlet crediting NIS with another figure, dated by the claim."""
    analysis = _export()
    text = "NIS menyebut 3.000 tentara sudah dikirim."
    analysis.articles.append(Article(id="a-3", source="z.txt", text=text, title="Tentara dikirim", outlet="Kabar Lain",
                                     published=datetime(2024, 10, 20, 9, 0, tzinfo=WIB),
                                     paragraphs=[Paragraph(0, len(text))]))
    analysis.stories[0].articles.append("a-3")
    analysis.entities.append(Entity("ent-nis", "Badan Intelijen Nasional", "ORG", ["NIS"]))
    analysis.claims.append(Claim("c-3", "quantity", "3.000 tentara", "ent-nis", "asserted",
                                 [Evidence("a-3", 13, 26, "3.000 tentara")], when=When("2024-10-18", "day", None, "")))
    analysis.claim_groups[0].claims.append("c-3")
    analysis.claim_groups[0].status = "conflicting"
    analysis.claims[0].when = When("17:00+07:00", "minute", None, "pukul 17.00")  # a time of day dates no figure
    return analysis


def test_report_and_brief_give_each_outlets_figure_with_its_credit_and_date():
    document = export.to_json(_two_outlets_one_figure())
    html = " ".join(render_report_html(document).split())
    assert "<th>Media</th><th>Angka</th><th>Sumber yang disebut</th><th>Tanggal</th>" in html
    assert "<td>Warta Contoh</td><td><a class=\"cite\" href=\"#ev-a-1-0-21\">1.500 tentara</a></td>" \
           "<td>media itu sendiri</td><td>2024-10-19</td>" in html
    assert "<td>Kabar Lain</td><td><a class=\"cite\" href=\"#ev-a-3-13-26\">3.000 tentara</a></td>" \
           "<td>Badan Intelijen Nasional</td><td>2024-10-18</td>" in html
    assert html.index("<td>Kabar Lain</td>") < html.index("<td>Warta Contoh</td>")  # by date, not by claim order
    markdown = render_brief_markdown(document)
    assert "| Warta Contoh | 1.500 tentara | media itu sendiri | 2024-10-19 | dinyatakan |" in markdown
    assert "| Kabar Lain | 3.000 tentara | Badan Intelijen Nasional | 2024-10-18 | dinyatakan |" in markdown


def test_no_english_interface_words_remain_in_an_indonesian_report_or_brief():
    document = export.to_json(_two_outlets_one_figure())
    html, markdown = render_report_html(document), render_brief_markdown(document)
    assert "(the outlet itself)" not in html and "→ media itu sendiri" in html
    assert "characters" not in markdown and "[^1]: Warta Contoh, karakter 0–21:" in markdown


def test_each_story_section_of_the_brief_gives_its_outlets_and_date_span():
    one = render_brief_markdown(export.to_json(_two_outlets_one_figure()))
    assert "2 artikel dari Kabar Lain, Warta Contoh · 2024-10-19 – 2024-10-20" in one
    _, flood = _sections(render_brief_markdown(export.to_json(_two_stories())), "## Pasukan tiba", "## Banjir")
    assert "1 artikel dari Kabar Lain · 2024-11-02\n" in flood


def test_an_english_report_counts_one_article_or_claim_in_the_singular():
    analysis = _export()
    analysis.articles[0].language, analysis.brief_language = "en", "en"
    html = render_report_html(export.to_json(analysis))
    assert "Kabar story report · 1 article · 0 entities · 1 claim<" in html


@pytest.mark.parametrize(("text", "written"), [
    ("1.500 tentara tiba.", "1.500 tentara tiba."), ("-5 derajat", "-5 derajat"), ("+62 21", "+62 21"),
    ("2019. Tahun itu", "2019\\. Tahun itu"), ("3) lalu", "3\\) lalu"), ("- Seorang wanita", "\\- Seorang wanita"),
    ("+ satu", "\\+ satu"), ("---", "\\---"), ("===", "\\==="), ("-", "\\-"),
    ("Selasa (10/9/2019) pukul 10.00!", "Selasa (10/9/2019) pukul 10.00!"), ("[a](b)", "\\[a\\](b)"),
])
def test_brief_escapes_a_line_start_only_where_markdown_would_read_a_block(text: str, written: str):
    assert markdown_text(text) == written


def test_report_highlights_cited_evidence_and_escapes_text():
    html = render_report_html(export.to_json(_export()))
    assert '<mark id="ev-a-1-0-21">Sekitar 1.500 tentara</mark>' in html
    assert "&lt;Korut&gt;" in html and "<Korut>" not in html
    assert 'href="#ev-a-1-0-21"' in html


def test_brief_markdown_cites_each_sentence():
    markdown = render_brief_markdown(export.to_json(_export()))
    assert "Sekitar 1.500 tentara tiba di Rusia. [^1]" in markdown
    assert "[^1]: Warta Contoh, karakter 0–21: “Sekitar 1.500 tentara”" in markdown


def test_a_story_whose_analysis_failed_carries_the_reason_into_export_report_and_brief():
    analysis = _two_stories()
    analysis.stories[1].failure = "claim groups failed: RuntimeError: injected <fault>"
    document = export.to_json(analysis)
    export.validate(document)
    assert [s["failure"] for s in document["stories"]] == [None, "claim groups failed: RuntimeError: injected <fault>"]
    html = render_report_html(document)
    first, second = _sections(html, 'id="s-1"', 'id="s-2"')
    assert "injected" not in first and "claim groups failed: RuntimeError: injected &lt;fault&gt;" in second
    assert "claim groups failed" in render_brief_markdown(document).split("## Banjir")[1]


def test_a_story_whose_export_fails_is_kept_with_its_articles_and_the_others_are_complete(monkeypatch, caplog):
    complete = export.to_json(_two_stories())
    real = export._events_json

    def failing_for_the_flood(story, articles):
        if story.id == "s-2":
            raise KeyError("injected")
        return real(story, articles)

    monkeypatch.setattr(export, "_events_json", failing_for_the_flood)
    analysis = _two_stories()
    with caplog.at_level("DEBUG", logger="kabar.export"):
        export.to_json(analysis)
        document = export.to_json(analysis)
    export.validate(document)
    first, second = document["stories"]
    assert first == complete["stories"][0]
    assert second["articles"] == ["a-2"] and second["failure"] == "export failed: KeyError: 'injected'"
    assert list(second) == list(first) and not second["events"] and second["brief"]["sentences"] == []
    assert "Traceback" in caplog.text
    assert "export failed: KeyError" in render_report_html(document)


def test_report_and_brief_date_each_article_to_its_minute_as_an_editor_writes_it():
    document = export.to_json(_export())
    html, markdown = render_report_html(document), render_brief_markdown(document)
    assert "— Pasukan tiba, 2024-10-19 17:00\n" in markdown
    assert "terbit 2024-10-19 17:00" in html and "2024-10-19T17:00" not in html + markdown


def test_a_figure_table_gives_one_row_for_one_outlets_same_figure_credit_and_day():
    analysis = _two_outlets_one_figure()
    text = "Sekitar 1.500 tentara tiba di Rusia."
    analysis.articles.append(Article(id="a-4", source="w.txt", text=text, title="Pasukan tiba (pembaruan)",
                                     outlet="Warta Contoh", published=datetime(2024, 10, 19, 18, 0, tzinfo=WIB),
                                     paragraphs=[Paragraph(0, len(text))]))
    analysis.stories[0].articles.append("a-4")
    analysis.claims.append(Claim("c-4", "quantity", "1.500 tentara", None, "asserted",
                                 [Evidence("a-4", 0, 21, "Sekitar 1.500 tentara")]))
    analysis.claim_groups[0].claims.append("c-4")
    markdown = render_brief_markdown(export.to_json(analysis))
    assert markdown.count("| Warta Contoh | 1.500 tentara | media itu sendiri | 2024-10-19 | dinyatakan |") == 1
    assert "| Kabar Lain | 3.000 tentara |" in markdown


def test_brief_says_how_many_figures_and_claims_it_leaves_to_the_report():
    analysis = _export()
    for n in range(2, 16):
        analysis.claims.append(Claim(f"c-{n}", "quantity", f"{n} tentara", None, "asserted",
                                     [_evidence("Sekitar 1.500 tentara")]))
        analysis.claim_groups.append(ClaimGroup(f"g-{n}", f"tentara ke-{n}", [f"c-{n}"], "single-source", 1))
        analysis.claims.append(Claim(f"c-e{n}", "event", f"Kremlin membantah {n}", None, "asserted",
                                     [_evidence("Kremlin membantah kabar itu.")]))
        analysis.claim_groups.append(ClaimGroup(f"g-e{n}", f"bantahan ke-{n}", [f"c-e{n}"], "single-source", 1))
    markdown = render_brief_markdown(export.to_json(analysis))
    assert "12 dari 15 angka dari satu sumber saja (semuanya ada di report.html dan ekspor JSON):" in markdown
    assert "_2 lagi ada di report.html dan ekspor JSON._" in markdown  # 14 claims, 12 listed
    assert markdown.count("| bantahan ke-") == 12
