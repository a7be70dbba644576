"""Stories, claims, claim groups, timeline and brief over articles written for these tests."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

import pytest

from kabar.model import Article, Span, Story
from kabar.nlp import annotate, link_entities
from kabar.stories import analyze
from kabar.stories.claims import claims_in, quotes_in, statements
from kabar.stories.dedup import find_duplicates

WIB = timezone(timedelta(hours=7))


def _article(article_id: str, text: str, day: int, outlet: str) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", text=text, outlet=outlet,
                   published=datetime(2024, 10, day, 10, tzinfo=WIB))


WIRE = ("Badan Intelijen Nasional (NIS) Korea Selatan menyebut sekitar 1.500 tentara Korea Utara telah tiba di "
        "Rusia. Menurut NIS, pasukan itu diangkut kapal antara 8 hingga 13 Oktober.\n\n"
        "Juru bicara Kremlin, Dmitry Peskov, menepis laporan tersebut dan menyebutnya \"berita palsu\".")


def _story() -> tuple:
    articles = [
        _article("a", WIRE, 19, "Warta Satu"),
        _article("b", "KabarDua - " + WIRE, 19, "Kabar Dua"),
        _article("c", "Presiden Ukraina Volodymyr Zelensky mengatakan Korea Utara menyiapkan sekitar 10.000 tentara "
                      "untuk membantu Rusia. Kementerian Luar Negeri Korea Selatan memanggil duta besar Rusia pada "
                      "Senin (21/10/2024).", 21, "Harian Tiga"),
        _article("d", "Menurut NIS, jumlah tentara Korea Utara di Rusia kini mencapai 12.000 hingga 15.000 orang. "
                      "Sekretaris Jenderal NATO Mark Rutte mengatakan bahwa pihaknya belum dapat mengonfirmasi laporan "
                      "itu.", 30, "Pos Empat"),
    ]
    docs = [annotate(a) for a in articles]
    entities = link_entities(docs)
    one_story = [Story("s-1", "", [a.id for a in articles])]  # these tests are about claims, not grouping
    return docs, entities, analyze(docs, entities, stories=one_story)


def test_a_republished_copy_is_marked_with_its_original():
    docs, _, analysis = _story()
    assert set(analysis.duplicates) == {"b"}
    original, similarity = analysis.duplicates["b"]
    assert original == "a" and similarity >= 0.8


def test_dedup_keeps_different_reports_apart():
    first = _article("x", "Harga beras di pasar induk naik dua persen pekan ini karena pasokan berkurang.", 1, "A")
    second = _article("y", "Tim nasional menang tipis atas tamu mereka dalam laga persahabatan tadi malam.", 1, "B")
    assert find_duplicates([first, second]) == ({}, [])


def test_claims_are_credited_to_their_primary_source_with_stance():
    _, entities, analysis = _story()
    names = {e.id: e.name for e in entities}
    figures = {(c.extra["figure"], names.get(c.attributed_to or "")) for c in analysis.claims if c.kind == "quantity"}
    assert ("sekitar 1.500 tentara", "Badan Intelijen Nasional Korea Selatan") in figures
    assert ("sekitar 10.000 tentara", "Volodymyr Zelensky") in figures
    denial = next(c for c in analysis.claims if c.stance == "denied")
    assert names[denial.attributed_to] == "Dmitry Peskov"
    for claim in analysis.claims:
        for evidence in claim.evidence:
            assert evidence.text and evidence.text in next(d.text for d in _story()[0] if d.article.id == evidence.article)


def test_troop_figures_form_one_group_counting_independent_sources():
    _, _, analysis = _story()
    claims = {c.id: c for c in analysis.claims}
    troops = next(g for g in analysis.groups if claims[g.claims[0]].quantity and "1.500" in g.note)
    assert troops.status in ("conflicting", "evolving", "disputed")
    sources = {claims[c].attributed_to for c in troops.claims}
    assert troops.independent_sources == len(sources)
    assert troops.independent_sources < len(troops.claims)  # the copy repeats NIS: one source, not two
    assert "1.500" in troops.note and "10.000" in troops.note


def test_timeline_is_ordered_and_merges_one_event_from_several_reports():
    _, _, analysis = _story()
    starts = [e.when.start for e in analysis.timeline]
    assert starts == sorted(starts)
    transport = next(e for e in analysis.timeline if e.when.start == "2024-10-08")
    assert transport.when.end == "2024-10-13"
    assert {ev.article for ev in transport.evidence} == {"a", "b"}
    assert any(e.when.start == "2024-10-21" for e in analysis.timeline)


def test_brief_cites_article_sentences_without_repeats():
    docs, _, analysis = _story()
    texts = {d.article.id: d.text for d in docs}
    assert 2 <= len(analysis.brief) <= 8
    for sentence in analysis.brief:
        [citation] = sentence.citations
        assert texts[citation.article][citation.start : citation.end] == sentence.text
    assert len({s.text for s in analysis.brief}) == len(analysis.brief)
    assert all(c.article != "b" for s in analysis.brief for c in s.citations)  # never cites the copy


def test_brief_sentences_start_after_the_dateline_and_still_cite_exact_characters():
    lead = "SEMARANG, WARTASATU.ID - " + WIRE
    docs = [annotate(_article("a", lead, 19, "Warta Satu"))]
    analysis = analyze(docs, link_entities(docs), stories=[Story("s-1", "", ["a"])])
    assert analysis.brief and not any(s.text.startswith(("SEMARANG", "WARTASATU")) for s in analysis.brief)
    opening = [s for s in analysis.brief if s.citations[0].start == len("SEMARANG, WARTASATU.ID - ")]
    assert opening and opening[0].text == lead[opening[0].citations[0].start : opening[0].citations[0].end]


def test_a_brief_sentence_drops_the_bare_dash_left_of_a_dropped_dateline_and_still_cites_exact_characters():
    lead = "- " + WIRE
    docs = [annotate(_article("a", lead, 19, "Warta Satu"))]
    analysis = analyze(docs, link_entities(docs), stories=[Story("s-1", "", ["a"])])
    assert analysis.brief and not any(s.text.startswith("-") for s in analysis.brief)
    for sentence in analysis.brief:
        [citation] = sentence.citations
        assert lead[citation.start : citation.end] == sentence.text


def test_a_quote_cue_with_no_words_after_it_makes_no_quote_and_no_empty_claim():
    doc = annotate(_article("a", WIRE, 19, "Warta Satu"))
    said = [q for q in doc.layer("quotes") if q.attrs.get("speaker")]
    assert said, "the fixture's Peskov quote has a speaker"
    cue_end = said[0].attrs["content"][0]
    doc.layers["quotes"] = [*doc.layer("quotes"), Span(cue_end, cue_end, "indirect",
                                                       {**said[0].attrs, "content": (cue_end, cue_end)})]
    quotes = quotes_in(doc)
    assert quotes and all(q.text.strip() for q in quotes)
    assert all(c.text.strip() for c in statements(doc, quotes, 1))


def test_stories_analysed_on_workers_come_out_as_in_one_process(monkeypatch):
    from kabar.stories import analysis as story_analysis

    docs, entities, _ = _story()
    stories = [Story("s-1", "", ["a", "b"]), Story("s-2", "", ["c"]), Story("s-3", "", ["d"])]
    alone = analyze(docs, entities, stories=stories)
    monkeypatch.setattr(story_analysis, "PARALLEL_FROM", 1)
    monkeypatch.setattr(story_analysis, "default_workers", lambda: 2)
    on_workers = analyze(docs, entities, stories=stories)
    assert [s.story.id for s in on_workers.sections] == [s.story.id for s in alone.sections]
    assert on_workers == alone and on_workers.claims and on_workers.groups


@pytest.mark.parametrize(("stage", "function"), [("claims", "claims_in"), ("claim groups", "group_claims"),
                                                  ("brief", "build_brief"), ("timeline", "build_timeline")])
def test_a_story_whose_stage_fails_keeps_its_articles_and_reason_and_the_others_are_complete(
        monkeypatch, caplog, stage, function):
    from kabar.stories import analysis as story_analysis

    docs, entities, _ = _story()
    stories = [Story("s-1", "", ["a", "b"]), Story("s-2", "", ["c"]), Story("s-3", "", ["d"])]
    complete = {s.story.id: s for s in analyze(docs, entities, stories=stories).sections}
    real = getattr(story_analysis, function)

    def failing_for_c(*args, **kwargs):
        if any(_holds_article(value, "c") for value in args):
            raise RuntimeError("injected fault")
        return real(*args, **kwargs)

    monkeypatch.setattr(story_analysis, function, failing_for_c)
    with caplog.at_level(logging.DEBUG, logger="kabar.stories.analysis"):
        sections = {s.story.id: s for s in analyze(docs, entities, stories=stories).sections}
    assert sections["s-2"].story.failure == f"{stage} failed: RuntimeError: injected fault"
    assert sections["s-2"].story.articles == ["c"] and sections["s-2"].outlets == ["Harian Tiga"]
    assert "Traceback" in caplog.text and "injected fault" in caplog.text
    assert stories[1].failure is None  # the caller's story is left as it was
    for story_id in ("s-1", "s-3"):
        assert sections[story_id] == complete[story_id] and sections[story_id].story.failure is None


def _holds_article(value: object, article_id: str) -> bool:
    """Whether a stage's argument is about the article: its doc, a list of docs or claims, articles by id."""
    if isinstance(value, dict):
        return article_id in value
    if isinstance(value, list):
        return any(_holds_article(item, article_id) for item in value)
    doc_article = getattr(value, "article", None)
    return (getattr(doc_article, "id", None) == article_id
            or any(e.article == article_id for e in getattr(value, "evidence", [])))


def test_a_story_citing_characters_its_article_does_not_hold_fails_alone_and_the_export_still_validates(
        monkeypatch):
    from kabar import export
    from kabar.model import StoryExport
    from kabar.stories import analysis as story_analysis

    docs, entities, _ = _story()
    stories = [Story("s-1", "", ["a", "b"]), Story("s-2", "", ["c"]), Story("s-3", "", ["d"])]
    real = story_analysis.claims_in

    def shifted_for_c(doc, names):
        found = real(doc, names)
        for claim in found if doc.article.id == "c" else []:
            claim.evidence[0].start += 1
        return found

    monkeypatch.setattr(story_analysis, "claims_in", shifted_for_c)
    analysis = analyze(docs, entities, stories=stories)
    failed = {s.story.id: s.story.failure for s in analysis.sections if s.story.failure}
    assert list(failed) == ["s-2"] and failed["s-2"].startswith("claims failed: ValueError: c-")
    assert not [c for c in analysis.claims if c.evidence[0].article == "c"]
    export.validate(export.to_json(StoryExport(
        [d.article for d in docs], analysis.stories, entities, analysis.quotes, analysis.claims, analysis.groups,
        analysis.timeline, analysis.brief)))


def test_a_long_quote_labels_its_statement_claim_up_to_a_whole_word_with_an_ellipsis():
    words = " ".join(["jiplak-jiplakan"] * 15 + ["multi", "source,", "multi", "platform"] * 3)
    text = f"\"{words},\" kata Menteri Perindustrian Airlangga Hartarto di Jakarta."
    doc = annotate(_article("a", text, 19, "Warta Satu"))
    link_entities([doc])
    [claim] = statements(doc, quotes_in(doc), 1)
    assert len(claim.text) <= 240 and claim.text.endswith("…")
    assert words.startswith(claim.text.removesuffix("…")) and words[len(claim.text) - 1] == " "


def test_a_figures_clause_reads_a_name_the_word_limit_cut_whole():
    """The clause names the figure's group on every page: eight words back from the figure fall inside "Korea
    Utara"."""
    text = ("Menurut Badan Intelijen Korea Selatan (NIS), jumlah personel Korea Utara yang dikerahkan ke wilayah Kursk "
            "kini mencapai sekitar 12.000 hingga 15.000 orang.")
    [figure] = [c for c in claims_in(annotate(_article("k", text, 30, "Pos Empat")), {}) if c.kind == "quantity"]
    assert figure.extra["clause"].startswith("Korea Utara yang dikerahkan")
