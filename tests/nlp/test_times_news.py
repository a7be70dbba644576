"""Time expressions as news writes them around the article's date: relative words beside explicit dates,
ranges between two dated days, parts of the day, and counts before "tahun ini"."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from kabar.model import Article, Doc, Span
from kabar.nlp.times import find_times

WIB = timezone(timedelta(hours=7))
FRIDAY_13 = datetime(2019, 9, 13, 9, 27, tzinfo=WIB)


def _times(text: str) -> list[tuple[str, str | None, str | None, str]]:
    doc = find_times(Doc(Article(id="t", source="t", text=text, published=FRIDAY_13)))
    return [(doc.text[t.start : t.end], t.attrs["start"], t.attrs["end"], t.attrs["precision"])
            for t in doc.layer("times")]


@pytest.mark.parametrize("text, day", [
    ("kebakaran yang berlangsung sejak kemarin malam (11/9/2019).", "2019-09-11"),
    ("ditutup sejak hari ini, Kamis (12/9/2019).", "2019-09-12"),
    ("sesi latihan sore ini, Selasa (10/9/2019) di stadion.", "2019-09-10"),
])
def test_an_explicit_date_right_after_a_relative_word_gives_its_day(text: str, day: str):
    assert {start for _, start, _, _ in _times(text)} == {day}


def test_a_relative_word_far_from_a_date_keeps_its_own_day():
    assert _times("Ia datang kemarin. Sidang digelar pada Rabu (4/9/2019) di Jakarta.")[0][1] == "2019-09-12"


@pytest.mark.parametrize("text, start, end", [
    ("yang dimulai Kamis (5/9) hingga Minggu (8/9).", "2019-09-05", "2019-09-08"),
    ("mulai besok hingga lusa 15 September,", "2019-09-14", "2019-09-15"),
])
def test_two_dated_days_joined_by_a_range_word_are_one_range(text: str, start: str, end: str):
    assert [(s, e) for _, s, e, _ in _times(text)] == [(start, end)]


def test_a_range_dash_written_as_mis_decoded_characters_joins_a_range():
    assert _times("digelar pada 25\u201a\u00c4\u00ee27 Oktober 2019.") == [
        ("25\u201a\u00c4\u00ee27 Oktober 2019", "2019-10-25", "2019-10-27", "day")]


@pytest.mark.parametrize("text, day", [
    ("pada Rabu esok, KPK memeriksa saksi", "2019-09-18"),
    ("Pertemuan itu digelar Senin depan.", "2019-09-16"),
    ("Ia tiba Rabu lalu.", "2019-09-11"),
])
def test_a_day_name_with_a_word_ahead_is_the_coming_day(text: str, day: str):
    assert _times(text)[0][1] == day


@pytest.mark.parametrize("text, day", [
    ("Proses pemadaman dilakukan hingga malam tadi.", "2019-09-12"),
    ("Pagi tadi beredar kabar itu.", "2019-09-13"),
    ("Ia akan dimakamkan siang ini.", "2019-09-13"),
    ("Tim berangkat esok.", "2019-09-14"),
])
def test_parts_of_the_day_with_ini_or_tadi_are_days(text: str, day: str):
    assert [start for _, start, _, _ in _times(text)] == [day]


@pytest.mark.parametrize("text, clock", [
    ("Pak Jokowi datang jam 2 siang.", "14:00"),
    ("ditutup pukul 7 malam.", "19:00"),
    ("Saya datang jam 11 siang.", "11:00"),
    ("berangkat pukul 20.00 malam", "20:00"),
    ("bangun jam 4 pagi", "04:00"),
    ("pesta berakhir jam 12 malam", "00:00"),
    ("pintu ditutup pukul 12 malam.", "00:00"),
    ("makan bersama jam 12 siang", "12:00"),
    ("tiba pukul 11 malam", "23:00"),
])
def test_a_part_of_the_day_after_a_clock_time_reads_its_hour(text: str, clock: str):
    assert _times(text)[0][1] == clock


def test_a_count_before_tahun_ini_is_a_length_of_time_not_this_year():
    assert _times("perempuan 24 tahun ini baru saja beralih") == []
    assert _times("target tahun ini") == [("tahun ini", "2019", None, "year")]


def test_mulai_before_a_year_cues_it():
    assert _times("proyek bisa dikerjakan mulai 2020.") == [("mulai 2020", "2020", None, "year")]


def test_esok_harinya_is_the_day_after_the_one_told_not_a_date():
    assert _times("Mereka menginap di kota itu sebelum berangkat esok harinya.") == []


@pytest.mark.parametrize("odd, plain", [
    ("dimulai pukul 2 sıang", "dimulai pukul 2 siang"),  # a dotless i, which re.IGNORECASE takes for "i"
    ("latihan ſore ini", "latihan sore ini"),  # a long s, taken for "s"
    ("dibuka Rabu beſok", "dibuka Rabu besok"),
    ("sejak 12 ſeptember 2019", "sejak 12 september 2019"),
])
def test_a_letter_the_patterns_take_for_an_ascii_one_reads_as_that_letter(odd: str, plain: str):
    assert [found[1:] for found in _times(odd)] == [found[1:] for found in _times(plain)]


def _clock_in(text: str, dateline: str | None = None, places: tuple[str, ...] = ()) -> str:
    """The first clock time of `text`, in an article with that dateline whose entity stage found those known places."""
    doc = Doc(Article(id="t", source="t", text=text, published=FRIDAY_13, dateline=dateline))
    for place in places:
        doc.add("entities", Span(0, 1, "GPE", {"origin": "gazetteer", "role": None, "known": place}))
    return next(t.attrs["start"] for t in find_times(doc).layer("times") if t.attrs["kind"] == "clock")


@pytest.mark.parametrize("dateline, places, clock", [
    ("Makassar", (), "18:03+08:00"),  # the dateline city's zone, WITA
    ("Jayapura", ("ent-jakarta",), "18:03+09:00"),  # the dateline wins over the places named
    (None, ("ent-jakarta", "ent-bandung"), "18:03+07:00"),  # every place named lies in WIB
    (None, ("ent-jakarta", "ent-makassar"), "18:03"),  # places in two zones: none is known
    (None, (), "18:03"),  # no place known: no guess
])
def test_a_clock_time_without_a_zone_takes_the_zone_of_the_place_the_report_comes_from(
        dateline: str | None, places: tuple[str, ...], clock: str):
    assert _clock_in("Ia wafat sekitar pukul 18.03 di rumah sakit.", dateline, places) == clock


def test_a_zone_written_after_the_clock_time_wins_over_the_place():
    assert _clock_in("dimulai pukul 10.00 WIT", "Jakarta") == "10:00+09:00"


@pytest.mark.parametrize("text, day", [
    ("Sore tadi (kemarin) rapat digelar.", "2019-09-12"),
    ('"Jadi besok (hari ini) kami berangkat," katanya.', "2019-09-13"),
    ('"Besok (hari ini, red) diumumkan," ujarnya.', "2019-09-13"),
    ("Sidang digelar Rabu (besok).", "2019-09-14"),
])
def test_a_relative_day_in_brackets_after_a_day_is_the_writers_and_gives_the_day(text: str, day: str):
    assert [start for _, start, _, _ in _times(text)] == [day]


@pytest.mark.parametrize("text, day", [
    ("Keluarga mengatakan jenazahnya akan disemayamkan di kampung halamannya pada Minggu malam.", "2019-09-15"),
    ("Cuaca cerah berawan akan berlanjut hingga Senin dini hari.", "2019-09-16"),
    ("Upacara pemakaman akan dilakukan pada Jumat secara militer.", "2019-09-13"),
])
def test_a_bare_day_name_after_a_coming_cue_in_its_clause_is_the_coming_day(text: str, day: str):
    assert _times(text)[0][1] == day


@pytest.mark.parametrize("text", [
    '"Kami akan membahasnya pekan depan," kata Menteri, Kamis.',
    "Menteri mengatakan pemerintah akan membangun bendungan itu, di Jakarta, Kamis.",
    "Departemen Kehakiman pada Kamis mengatakan akan merilis nama itu.",
    "Sidang itu digelar Kamis. Putusan akan dibacakan bulan depan.",
])
def test_a_day_name_the_coming_cue_does_not_reach_stays_the_last_one(text: str):
    assert [start for expression, start, _, _ in _times(text) if "Kamis" in expression] == ["2019-09-12"]


@pytest.mark.parametrize("text, day", [
    ("Timnas akan menghadapi Pakistan, Sabtu (21 September) di Teheran.", "2019-09-21"),
    ("Sidang dilanjutkan pada hari Kamis tanggal 26 September dengan agenda eksepsi.", "2019-09-26"),
])
def test_a_day_name_followed_by_a_date_of_its_weekday_is_that_date(text: str, day: str):
    assert _times(text)[0][1] == day


def test_a_day_name_followed_by_a_date_of_another_weekday_keeps_its_own_reading():
    assert _times("Sidang digelar Kamis (25 September) lalu.")[0][1] == "2019-09-12"


@pytest.mark.parametrize("text, expressions", [
    ("Kebakaran melanda permukiman di Pasar Minggu, Jakarta Selatan.", []),
    ("Warga Pasar Jumat mengungsi pada Senin malam.", ["pada Senin"]),
    ("Churches held services on Good Friday.", []),
    ("Pasar ramai pada Minggu pagi.", ["pada Minggu"]),
])
def test_a_day_name_in_a_place_or_feast_name_is_no_date(text: str, expressions: list[str]):
    """Jakarta's Pasar Minggu (40 times in the two real dumps) and Pasar Jumat are places, Good Friday a feast."""
    assert [expression for expression, *_ in _times(text)] == expressions
