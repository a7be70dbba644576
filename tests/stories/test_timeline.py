"""The timeline over articles written for these tests: plans are no events, a date dates only its own clause,
and one development told by several outlets is one entry citing them all."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

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


def test_each_figure_of_a_list_of_dated_figures_takes_the_date_of_its_own_clause():
    entries = _one_article_timeline(
        "Pengajuan izin itu dilakukan tiga kali, yaitu pada Oktober 2023 untuk resort seluas 5 hektare; "
        "April 2024 untuk dermaga seluas 1,2 hektare; dan Mei 2024 untuk resort seluas 10,2 hektare.")
    assert {e.when.start for e in entries} == {"2023-10", "2024-04", "2024-05"}


def _one_article_timeline(text: str) -> list[TimelineEntry]:
    article = Article(id="t9", source="t9.txt", text=text, outlet="Warta Satu",
                      published=datetime(2024, 10, 26, 10, tzinfo=WIB))
    docs = [annotate(article)]
    return analyze(docs, link_entities(docs), stories=[Story("s-9", "", ["t9"])]).timeline


def test_a_day_counted_from_inside_a_speakers_words_dates_no_entry():
    quoted = _one_article_timeline('"Hari ini kami menangkap dua tersangka pencurian kabel di Cimahi," kata Kapolres '
                                   'dalam video yang diunggah polisi.')
    told = _one_article_timeline("Polisi menangkap dua tersangka pencurian kabel di Cimahi hari ini.")
    assert not quoted
    assert [e.when.start for e in told] == ["2024-10-26"]
    month = _one_article_timeline('"Akhir Agustus kami menangkap dua tersangka pencurian kabel di Cimahi," kata '
                                  'Kapolres.')
    assert [e.when.start for e in month] == ["2024-08"]  # a month is the same whichever day it was said


FRIDAY = When("2019-09-06", "day", None, "Jumat (6/9/2019)")


def _event(claim_id: str, article: str, clause: str, predicate: str, when: When = FRIDAY) -> Claim:
    sentence = f"{clause}, {when.expression}."
    return Claim(claim_id, "event", clause, None, "asserted", [Evidence(article, 0, len(sentence), sentence)],
                 when=when, extra={"clause": clause, "predicate": predicate})


def test_a_report_sharing_words_with_two_entries_makes_them_one_whatever_the_order():
    pile_up = _event("c1", "a1", "Kecelakaan beruntun melibatkan lima kendaraan di Boulevard", "melibatkan")
    driver = _event("c2", "a2", "Sopir truk tanah menabrak empat mobil", "menabrak")
    both = _event("c3", "a3", "Kecelakaan beruntun truk tanah menabrak empat mobil di Boulevard", "menabrak")
    published = {article: date(2019, 9, 10) for article in ("a1", "a2", "a3")}
    for order in ([pile_up, driver, both], [both, pile_up, driver], [driver, both, pile_up]):
        entries = build_timeline(order, {}, published)
        assert [sorted(e.claims) for e in entries] == [["c1", "c2", "c3"]]


def _figure(claim_id: str, sentence: str, figure: str, when: When) -> Claim:
    return Claim(claim_id, "quantity", figure, None, "asserted", [Evidence("a1", 0, len(sentence), sentence)],
                 when=when, extra={"clause": sentence.rstrip("."), "figure": figure})


def test_a_month_or_year_holding_the_report_day_with_a_limit_word_is_so_far_not_an_entry():
    published = {"a1": date(2019, 9, 10)}
    so_far = _figure("c1", "Polisi menetapkan 175 tersangka hingga September 2019.", "175 tersangka",
                     When("2019-09", "month", None, "September 2019"))
    this_year = _figure("c2", "Jumlah tersangka karhutla tahun 2019 ini 175 orang.", "175 orang",
                        When("2019", "year", None, "tahun 2019"))
    month_over = _figure("c3", "Luas kebakaran hingga Agustus 2019 tercatat 328.724 hektare.", "328.724 hektare",
                         When("2019-08", "month", None, "Agustus 2019"))
    this_month = _figure("c4", "Pada September 2019 polisi menyita 12 truk.", "12 truk",
                         When("2019-09", "month", None, "September 2019"))
    entries = build_timeline([so_far, this_year, month_over, this_month], {}, published)
    assert sorted(c for e in entries for c in e.claims) == ["c3", "c4"]


def test_one_sources_account_of_one_day_in_one_article_is_one_entry():
    fire = _event("c1", "a1", "Kebakaran terjadi di lantai tujuh", "terjadi")
    burnt = _event("c2", "a1", "Korban dua orang mengalami luka bakar", "mengalami")
    other_article = _event("c3", "a2", "Gubernur meresmikan jembatan baru di Cimahi", "meresmikan")
    for claim in (fire, burnt, other_article):
        claim.attributed_to = "ent-sugeng"
    published = {"a1": date(2019, 9, 10), "a2": date(2019, 9, 10)}
    entries = build_timeline([fire, burnt, other_article], {}, published)
    assert sorted(sorted(e.claims) for e in entries) == [["c1", "c2"], ["c3"]]


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


def _credited_figure(claim_id: str, article: str, figure: str, sentence: str) -> Claim:
    clause = sentence[: sentence.index(",")]
    return Claim(claim_id, "quantity", figure, None, "asserted", [Evidence(article, 0, len(sentence), sentence)],
                 when=FRIDAY, extra={"clause": clause, "figure": figure})


def test_a_figure_dated_only_by_its_credit_joins_the_event_entry_of_that_day():
    funeral = _event("c1", "a1", "Upacara pemakaman digelar di TMP Kalibata", "digelar")
    escort = _credited_figure("c2", "a2", "sekitar 600 personel",
                              '"Sebanyak sekitar 600 personel sudah kita siapkan," kata Kabid Humas, Jumat (6/9/2019).')
    seized = _figure("c3", "Polisi menyita 12 truk di Cimahi, Jumat (6/9/2019).", "12 truk", FRIDAY)
    seized.evidence = [Evidence("a3", 0, len(seized.evidence[0].text), seized.evidence[0].text)]
    published = {article: date(2019, 9, 10) for article in ("a1", "a2", "a3")}
    entries = build_timeline([funeral, escort, seized], {}, published)
    assert sorted(sorted(e.claims) for e in entries) == [["c1", "c2"], ["c3"]]
    [alone] = build_timeline([escort], {}, published)  # no event that day: the figure is the entry
    assert alone.claims == ["c2"]


def _entries_published_on(claims: list[Claim], day: date) -> list[TimelineEntry]:
    """The timeline of these claims, their articles all published on the day given."""
    return build_timeline(claims, {}, {e.article: day for c in claims for e in c.evidence})


@pytest.mark.parametrize(("clause", "predicate"), [("Demikian diwartakan", "diwartakan"),
                                                   ("Merujuk keterangan Human Rights Watch dilansir", "dilansir")])
def test_an_event_whose_predicate_tells_the_reporting_is_no_entry(clause, predicate):
    court = _event("c2", "a2", "Pengadilan Prancis menjatuhkan vonis kepada sang putri", "menjatuhkan")
    entries = _entries_published_on([_event("c1", "a1", clause, predicate), court], date(2019, 9, 10))
    assert [e.claims for e in entries] == [["c2"]]


def test_a_date_its_own_day_name_contradicts_is_no_entry():
    slip = _event("c1", "a1", "Mekeng dicegah bepergian ke luar negeri", "dicegah")
    slip.when = When("2019-09-06", "day", None, "Selasa (6/9/2019)")  # 6 September 2019 was a Friday
    agreeing = _event("c2", "a2", "Pengadilan Prancis menjatuhkan vonis kepada sang putri", "menjatuhkan")
    entries = _entries_published_on([slip, agreeing], date(2019, 9, 10))
    assert [e.claims for e in entries] == [["c2"]]


def test_a_day_name_written_with_an_apostrophe_is_read_against_its_date():
    slip = _event("c1", "a1", "Mekeng dicegah bepergian ke luar negeri", "dicegah",
                  When("2019-09-10", "day", None, "Jum'at (10/9/2019)"))  # 10 September 2019 was a Tuesday
    agreeing = _event("c2", "a2", "Pengadilan Prancis menjatuhkan vonis kepada sang putri", "menjatuhkan",
                      When("2019-09-06", "day", None, "Jum'at (6/9/2019)"))
    entries = _entries_published_on([slip, agreeing], date(2019, 9, 10))
    assert [e.claims for e in entries] == [["c2"]]


def test_a_year_range_naming_a_term_of_office_is_no_entry():
    term = When("2019", "year", "2023", "2019-2023")
    after_term_word = _event("c1", "a1", "DPR memilih lima pemimpin KPK periode 2019-2023", "memilih")
    bracketed = _event("c2", "a2", "Komisi Hukum DPR telah memilih lima pimpinan KPK (2019-2023)", "memilih")
    years = _event("c3", "a3", "Kebakaran hutan melanda Riau pada 2015-2017", "melanda")
    after_term_word.when, bracketed.when = term, term
    years.when = When("2015", "year", "2017", "2015-2017")
    entries = _entries_published_on([after_term_word, bracketed, years], date(2019, 9, 10))
    assert [e.claims for e in entries] == [["c3"]]


def test_the_days_up_to_the_report_are_so_far_not_an_entry():
    past_week = _figure("c1", "Lebih dari 2.500 hotspot terdeteksi dalam sepekan terakhir.", "2.500 hotspot",
                        When("2019-09-04", "week", "2019-09-10", "sepekan terakhir"))
    last_week = _figure("c2", "Tabrakan beruntun melibatkan 20 kendaraan pekan lalu.", "20 kendaraan",
                        When("2019-09-02", "week", "2019-09-08", "pekan lalu"))
    entries = _entries_published_on([past_week, last_week], date(2019, 9, 10))
    assert [e.claims for e in entries] == [["c2"]]


def test_two_reports_of_one_day_opening_on_the_same_happening_are_one_entry():
    burnt = _event("c1", "a1", "Kebakaran menghanguskan satu unit hunian di Apartemen Kalibata City", "menghanguskan")
    started = _event("c2", "a2", "Sugeng mengatakan, kebakaran terjadi pada pagi hari", "terjadi")
    opened = _event("c3", "a3", "Gubernur meresmikan jembatan baru di Cimahi", "meresmikan")
    entries = _entries_published_on([burnt, started, opened], date(2019, 9, 10))
    assert sorted(sorted(e.claims) for e in entries) == [["c1", "c2"], ["c3"]]


def test_a_date_is_read_where_the_claims_clause_gives_it_not_where_the_words_first_stand():
    # the first "hari ini" is the chief's, inside his quotation; the arrest's own "hari ini" stands outside it
    sentence = 'Kapolres berkata "kami bergerak hari ini" dan polisi menangkap dua tersangka hari ini.'
    clause = "polisi menangkap dua tersangka hari ini"
    arrest = Claim("c1", "event", clause, None, "asserted", [Evidence("a1", 0, len(sentence), sentence)],
                   when=When("2019-09-10", "day", None, "hari ini"), extra={"clause": clause, "predicate": "menangkap"})
    entries = _entries_published_on([arrest], date(2019, 9, 10))
    assert [e.claims for e in entries] == [["c1"]]
