"""The timeline over articles written for these tests: plans are no events, a date dates only its own clause,
and one development told by several outlets is one entry citing them all."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from kabar.model import Article, Claim, Evidence, Story, TimelineEntry, When
from kabar.nlp import annotate, link_entities
from kabar.stories import analyze
from kabar.stories.timeline import build_timeline

WIB = timezone(timedelta(hours=7))
ARTICLES = {
    "Warta Satu": "Banjir bandang melanda Kabupaten Garut pada Sabtu (12/10/2024) dan merendam ratusan rumah warga. "
                  "Menteri Perdagangan dijadwalkan mengunjungi Jepang pada Kamis (24/10/2024). "
                  "Kedua negara menandatangani perjanjian perdagangan bebas pada Juni 2024.",
    "Kabar Dua": "Ratusan rumah warga di Garut terendam setelah banjir bandang menerjang kawasan itu pada Sabtu "
                 "(12/10/2024). Sekitar 40 rumah hanyut, kata Badan Nasional Penanggulangan Bencana pada Selasa "
                 "(15/10/2024). Pemerintah daerah berencana membangun tanggul baru pada Januari 2025. "
                 "Perjanjian perdagangan bebas itu diteken kedua negara pada Juni 2024.",
    "Harian Tiga": "Militer mengirim sekitar 300 tentara ke perbatasan, sebagai bagian dari kesepakatan pada Maret 2024, "
                   "kata juru bicara militer. "
                   "Polisi menangkap dua tersangka pencurian kabel di Cimahi, Jawa Barat, Jumat (25/10/2024). "
                   "Presiden meresmikan bendungan baru di Jawa Tengah pada Sabtu (12/10/2024). "
                   "Delegasi dagang itu akan tiba di Bali pada Rabu (23/10/2024). "
                   "Padahal saat melawan Malaysia, Kamis (7/11/2024), jumlah suporter yang hadir mencapai 54.659 "
                   "orang. "
                   "Perjanjian perdagangan bebas kedua negara ditandatangani pada September 2024.",
}


@pytest.fixture(scope="module")
def timeline() -> list[TimelineEntry]:
    articles = [Article(id=f"t{i}", source=f"t{i}.txt", text=text, outlet=outlet,
                        published=datetime(2024, 10, 26, 10, tzinfo=WIB))
                for i, (outlet, text) in enumerate(ARTICLES.items())]
    docs = [annotate(a) for a in articles]
    story = Story("s-1", "", [a.id for a in articles])  # about the timeline, not grouping
    return analyze(docs, link_entities(docs), stories=[story]).timeline


def _on(timeline: list[TimelineEntry], start: str) -> list[TimelineEntry]:
    return [e for e in timeline if e.when.start == start]


def test_a_plan_is_not_an_event_of_the_timeline(timeline):
    # "dijadwalkan" as the predicate, "berencana" before the verb, "akan" as its auxiliary
    for planned in ("2024-10-24", "2025-01", "2024-10-23"):
        assert not _on(timeline, planned), planned


def test_a_past_event_dated_after_its_report_was_published_is_no_entry(timeline):
    # the article of 26 October writes a match it tells in the past at a later Thursday: a slip, not an event
    assert not [e for e in timeline if e.when.start >= "2024-10-27"]


def test_a_date_behind_a_clause_break_dates_another_clause(timeline):
    assert not _on(timeline, "2024-03")  # the agreement was in March, not the sending of troops
    assert _on(timeline, "2024-10-15")  # a credited figure is dated by its saying
    assert _on(timeline, "2024-10-25")  # a bare date closing the sentence dates what it tells


def test_two_reports_of_one_dated_development_are_one_entry_citing_both(timeline):
    flood = [e for e in _on(timeline, "2024-10-12") if "anjir" in e.text]
    assert len(flood) == 1
    assert {ev.article for ev in flood[0].evidence} >= {"t0", "t1"}
    dam = [e for e in _on(timeline, "2024-10-12") if "bendungan" in e.text]
    assert len(dam) == 1 and dam[0] is not flood[0]  # another development of the same day stays apart


def test_an_event_that_happens_once_told_at_two_dates_takes_the_date_most_articles_give(timeline):
    assert not _on(timeline, "2024-09")
    [signing] = _on(timeline, "2024-06")
    assert {ev.article for ev in signing.evidence} == {"t0", "t1", "t2"}


def _dated_event(number: int, clause: str, sentence: str) -> Claim:
    return Claim(f"c-{number}", "event", clause, None, "asserted", [Evidence(f"a{number}", 0, len(sentence), sentence)],
                 subject="ent-bus", when=When("2019-09-09", "day", None, "Senin"), extra={"clause": clause})


@pytest.mark.parametrize("broken", ["media sosial dihebohkan dengan", "mengendarai ,",
                                    "yang sudah dirangkum TribunKaltim.co", "tewas"])
def test_an_entry_is_labelled_by_a_clause_that_reads_alone_else_by_its_sentence(broken):
    sentence = f"- Pada Senin, {broken} kecelakaan di Nganjuk."
    readable = "Bus Mira bertabrakan dengan Innova di Nganjuk pada Senin"
    [alone] = build_timeline([_dated_event(1, broken, sentence)], {}, {})
    assert alone.text == sentence.removeprefix("- ")
    [merged] = build_timeline([_dated_event(1, broken, sentence), _dated_event(2, readable, readable + ".")], {}, {})
    assert merged.text == readable
