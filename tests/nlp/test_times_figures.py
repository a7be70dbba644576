"""Times and figures as real news writes them, on sentences written for these tests."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kabar.model import Article, Doc
from kabar.nlp import quantities
from kabar.nlp.folding import case_folded
from kabar.nlp.quantities import MAX_SENTENCE, _sentence_start, find_quantities
from kabar.nlp.times import _patterns, find_times

WIB = timezone(timedelta(hours=7))


def _doc(text: str, published: datetime | None = datetime(2014, 9, 12, 10, tzinfo=WIB)) -> Doc:
    return Doc(Article(id="t", source="t", text=text, published=published))


def _times(text: str) -> list[tuple[str, str | None, str | None, str]]:
    doc = find_times(_doc(text))
    return [(doc.text[t.start : t.end], t.attrs["start"], t.attrs["end"], t.attrs["precision"])
            for t in doc.layer("times")]


def _figures(text: str) -> list[tuple[str, float | None, float | None, str | None, str]]:
    doc = find_quantities(_doc(text))
    return [(doc.text[q.start : q.end], q.attrs["min"], q.attrs["max"], q.attrs["unit"], q.attrs["kind"])
            for q in doc.layer("quantities")]


@pytest.mark.parametrize(("text", "year"), [
    ("Pada 2004, pabrik itu ditutup.", "2004"),
    ("Tokoh itu lahir 1907 di Padang.", "1907"),
    ("Ia bermain untuk klub itu pada musim 2015.", "2015"),
    ("Proyek ini dimulai sejak akhir 2012.", "2012"),
])
def test_bare_years_after_a_cue(text, year):
    assert [(t[1], t[3]) for t in _times(text)] == [(year, "year")]


def test_a_year_without_a_cue_or_inside_a_rule_number_is_no_time():
    assert _times("Turnamen Piala Nusantara 2015 digelar meriah.") == []
    assert _times("Pelaku dijerat Undang-Undang Nomor 35 Tahun 2014 tentang Perlindungan Anak.") == []


def test_clock_times_carry_their_zone():
    doc = find_times(_doc("Gempa terjadi pukul 15.50 WIB dan susulan pukul 21:05 WITA."))
    clocks = [(t.attrs["start"], t.attrs["precision"], t.attrs["kind"]) for t in doc.layer("times")]
    assert clocks == [("15:50+07:00", "minute", "clock"), ("21:05+08:00", "minute", "clock")]


@pytest.mark.parametrize(("text", "day"), [
    ("Jenazah tiba Selasa (9/9/2014) siang, pukul 14.30 WIB.", "2014-09-09"),
    ("Kebakaran terjadi Kamis (11/9) sekitar pukul 20.30.", "2014-09-11"),
    ("Rapat itu digelar pada Rabu, 10 September 2014 pada pukul 19.00 WIB.", "2014-09-10"),
    ("Kebakaran terjadi Kamis (11/9). Api padam pukul 20.30.", None),  # another sentence
    ("Palu, Kamis (11/9)\n\nSekitar pukul 20.30, api padam.", None),  # another paragraph
    ("Jenazah tiba Rabu (10/9) dan dimakamkan keesokan harinya pukul 14.00.", None),  # the next day
    ("Ganjil genap berlaku hari ini dari pukul 06.00.", "2014-09-12"),
])
def test_a_clock_time_right_after_a_date_carries_that_day(text: str, day: str | None):
    date, clock = find_times(_doc(text)).layer("times")
    assert (clock.attrs["kind"], clock.attrs.get("day")) == ("clock", day)
    assert clock.attrs.get("refers_to") == ([date.start, date.end] if day else None)


@pytest.mark.parametrize(("text", "day"), [
    ("Gempa mengguncang pukul 18.05 WIB, Rabu (10/9/2014).", "2014-09-10"),
    ("Api muncul sekitar pukul 20.30 WIB pada Kamis (11/9).", "2014-09-11"),
    ("Api muncul pukul 20.30 WIB. Kamis (11/9) api padam.", None),  # another sentence
    ("Api muncul pukul 20.30 WIB\n\nKamis (11/9) api padam.", None),  # another paragraph
    ("Ia tiba pukul 09.00 di kantor polisi yang jauh dari rumahnya, Kamis (11/9).", None),  # too far, other words
])
def test_a_clock_time_right_before_a_date_carries_that_day(text: str, day: str | None):
    clock, date = find_times(_doc(text)).layer("times")
    assert (clock.attrs["kind"], clock.attrs.get("day")) == ("clock", day)
    assert clock.attrs.get("refers_to") == ([date.start, date.end] if day else None)


def test_a_date_before_its_clock_time_wins_over_the_next_date():
    first, clock, _ = find_times(_doc("Rapat Kamis (11/9) pukul 10.00, Jumat (12/9) dilanjutkan.")).layer("times")
    assert (clock.attrs["day"], clock.attrs["refers_to"]) == ("2014-09-11", [first.start, first.end])


@pytest.mark.parametrize("text", [
    "Ganjil genap berlaku Senin-Jumat, pukul 06.00 hingga 10.00 WIB.",
    "Toko itu buka Senin hingga Jumat pukul 08.00.",
    "Misa digelar setiap Minggu pukul 07.30 WIB.",
    "Pasar murah digelar tiap hari Sabtu, pukul 07.00.",
    "Pasar dibuka setiap Senin dan Kamis pukul 07.00 WIB.",  # the recurrence word holds for the list
    "Pasar dibuka setiap Senin, Rabu, serta Kamis pukul 07.00 WIB.",
])
def test_a_day_of_a_weekly_schedule_is_no_clock_time_s_day(text: str):
    times = find_times(_doc(text)).layer("times")
    assert all(t.attrs.get("recurring") for t in times if t.attrs["kind"] == "date")
    assert [t.attrs.get("day") for t in times if t.attrs["kind"] == "clock"] == [None]


def test_a_day_without_recurrence_or_range_is_one_day():
    (day,) = find_times(_doc("Misa digelar pada Minggu di gereja itu.")).layer("times")
    assert (day.attrs["start"], day.attrs.get("recurring")) == ("2014-09-07", None)
    days = find_times(_doc("Layanan tutup pada Sabtu dan Minggu pukul 12.00 WIB.")).layer("times")
    assert [t.attrs.get("recurring") for t in days] == [None, None, None]


def test_a_range_of_day_names_with_its_dates_in_brackets_is_two_past_days():
    times = find_times(_doc("Bentrok terjadi Selasa-Rabu (9-10/9) di perbatasan.")).layer("times")
    assert [t.attrs.get("recurring") for t in times if t.attrs["kind"] == "date"] == [None, None]


def test_two_day_names_joined_by_a_slash_are_either_day_not_a_schedule():
    times = find_times(_doc("Hasil tes diumumkan Senin/Selasa pekan depan.")).layer("times")
    assert [t.attrs.get("recurring") for t in times if t.attrs["kind"] == "date"][:2] == [None, None]


def test_a_day_with_its_date_in_brackets_after_a_comma():
    assert _times("Rapat digelar Kamis, (21/8/2014).") == [("Kamis, (21/8/2014)", "2014-08-21", None, "day")]


def test_ranges_across_months_and_years():
    assert _times("Pameran berlangsung 30 November hingga 3 Desember 2014.") == [
        ("30 November hingga 3 Desember 2014", "2014-11-30", "2014-12-03", "day")]
    assert _times("Libur sekolah 28 Desember sampai 4 Januari 2015.")[0][1:3] == ("2014-12-28", "2015-01-04")
    assert _times("Inflasi tinggi selama Februari--Maret 2014.") == [
        ("Februari--Maret 2014", "2014-02", "2014-03", "month")]


def test_a_date_without_a_year_is_the_last_one_unless_soon_to_come_or_shares_its_partner_s_year():
    assert _times("Tarif baru berlaku 1 Oktober.")[0][1] == "2014-10-01"  # published mid-September 2014
    assert _times("Harga naik pada 20 Januari.")[0][1] == "2014-01-20"
    assert _times("Harga naik sejak Oktober lalu.")[0][1] == "2013-10"
    assert [t[1] for t in _times("Serangan terjadi pada April dan Oktober 2013.")] == ["2013-04", "2013-10"]


def test_lower_case_minggu_is_a_week_and_kemarin_after_a_date_is_part_of_it():
    assert _times("Ia menjalani pemeriksaan setiap minggu.") == []
    assert [t[0] for t in _times("Rapat digelar Kamis, 11 September 2014 kemarin.")] == ["Kamis, 11 September 2014"]


@pytest.mark.parametrize("text", [
    "Hal itu diatur dalam Pasal 18 ayat (1) undang-undang tersebut.",
    "Ia dijerat Nomor 30 dan akan diperiksa pukul 9 besok.",
    "Status gunung itu naik ke level 4.",
    "Anaknya duduk di kelas 3 sekolah dasar.",
    "Tim itu menang dengan skor 21-14.",
    "Kantornya di 1485 Green Trees Road.",
])
def test_identifiers_are_not_amounts(text):
    assert _figures(text) == []


@pytest.mark.parametrize(("text", "figure"), [
    ("Polisi menyita dua pistol dari rumah itu.", ("dua pistol", 2, 2, "pistol", "amount")),
    ("Banjir melanda tujuh kota di Jawa Barat.", ("tujuh kota", 7, 7, "kota", "amount")),
    ("Pelaku membawa tiga unit handphone curian.", ("tiga unit handphone", 3, 3, "handphone", "amount")),
    ("Suku bunga naik 25% tahun ini.", ("25%", 25, 25, "persen", "amount")),
    ("Nilai impor mencapai USD250 miliar.", ("mencapai USD250 miliar", 250e9, 250e9, "dolar", "amount")),
    ("Mesin mobil itu berkapasitas 2000cc.", ("2000cc", 2000, 2000, "cc", "amount")),
    ("Perpanjangan diberikan selama 90 hari.", ("90 hari", 90, 90, "hari", "duration")),
])
def test_counted_nouns_units_and_durations(text, figure):
    assert _figures(text) == [figure]


@pytest.mark.parametrize(("text", "age"), [
    ("Rina (34) sudah menunggu sejak pagi.", 34),
    ("Pelaku yang berusia 19 tahun itu ditangkap.", 19),
    ("Aktris 30 tahun itu hadir bersama suaminya.", 30),
])
def test_ages_are_labelled_as_ages(text, age):
    [(_, low, high, unit, kind)] = _figures(text)
    assert (low, high, unit, kind) == (age, age, "tahun", "age")


def test_others_take_the_unit_of_the_figure_before():
    figures = _figures("Sedikitnya sepuluh orang tewas dan sekitar 200 lainnya luka-luka.")
    assert [f[3] for f in figures] == ["orang", "orang"]


def test_a_spelled_out_number_without_a_counted_noun_is_prose():
    assert _figures("Ia salah satu saksi kunci.") == []
    assert _figures("Itu satu-satunya jalan keluar.") == []


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Sebanyak dua puluh lima orang tewas dalam kecelakaan bus itu.", 25, "orang"),
    ("Tiga belas rumah rusak berat diterjang angin.", 13, "rumah"),
    ("Seratus lima puluh keluarga mengungsi ke balai desa.", 150, "keluarga"),
    ("Dua ratus lima puluh ribu buruh diperkirakan mogok.", 250_000, "buruh"),
    ("Ia tinggal di kota itu selama satu setengah tahun.", 1.5, "tahun"),
])
def test_spelled_out_numbers_built_from_several_words(text, value, unit):
    assert [(f[1], f[2], f[3]) for f in _figures(text)] == [(value, value, unit)]


def test_half_alone_is_no_figure():
    assert _figures("Bendera dikibarkan setengah tiang untuk menghormati almarhum.") == []


@pytest.mark.parametrize(("text", "value"), [
    ("Ekonomi daerah itu tumbuh -1,8 persen pada kuartal lalu.", -1.8),
    ("Ekspor tumbuh minus 2,5 persen dibanding tahun lalu.", -2.5),
])
def test_negative_rates(text, value):
    assert [(f[1], f[3]) for f in _figures(text)] == [(value, "persen")]


@pytest.mark.parametrize(("text", "low", "unit"), [
    ("Kerugian akibat kebakaran itu ditaksir Rp 3 miliar lebih.", 3e9, "rupiah"),
    ("Sebanyak 3.000 lebih warga mengungsi ke tenda darurat.", 3000, "orang"),
    ("Tak kurang dari 500 personel dikerahkan ke lokasi.", 500, "tentara"),
])
def test_open_ended_figures(text, low, unit):
    assert [(f[1], f[2], f[3]) for f in _figures(text)] == [(low, None, unit)]


def test_a_trailing_lebih_that_compares_keeps_the_figure_exact():
    assert [(f[1], f[2]) for f in _figures("Harga beras 10 persen lebih tinggi dari bulan lalu.")] == [(10, 10)]


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("Pemerintah menyiapkan Rp 1,5 triliun hingga Rp 2 triliun untuk program itu.", 1.5e12, 2e12, "rupiah"),
    ("Inflasi diperkirakan 1,5 persen sampai 2 persen.", 1.5, 2, "persen"),
])
def test_a_range_written_with_its_unit_twice_is_one_figure(text, low, high, unit):
    assert [(f[1], f[2], f[3]) for f in _figures(text)] == [(low, high, unit)]


def test_an_approximate_figure_in_tens_or_thousands():
    doc = find_quantities(_doc("Sekitar 1.000-an orang memadati alun-alun kota."))
    assert [(q.attrs["min"], q.attrs["approximate"]) for q in doc.layer("quantities")] == [(1000, True)]


@pytest.mark.parametrize("text", [
    "Budi (52 tahun) ditemukan tewas di kebunnya.",
    "Budi, 52 tahun, ditemukan tewas di kebunnya.",
])
def test_ages_in_brackets_or_set_off_by_commas(text):
    assert [(f[1], f[4]) for f in _figures(text)] == [(52, "age")]


@pytest.mark.parametrize(("text", "low", "high", "approximate"), [
    ("Sekira 200 orang berkumpul di lapangan desa.", 200, 200, True),
    ("Sekurang-kurangnya 12 orang tewas dalam kebakaran itu.", 12, None, False),
    ("Tidak lebih dari 20 orang boleh masuk ke ruang sidang.", None, 20, False),
    ("Inflasi di atas 5 persen membuat pasar waspada.", 5, None, False),
])
def test_more_approximators(text, low, high, approximate):
    doc = find_quantities(_doc(text))
    assert [(q.attrs["min"], q.attrs["max"], q.attrs["approximate"]) for q in doc.layer("quantities")] \
        == [(low, high, approximate)]


@pytest.mark.parametrize("text", [
    "Ia lolos ke putaran 2 turnamen itu.",
    "Baca halaman 5 untuk keterangan lengkapnya.",
    "Pemain bernomor punggung 10 itu mencetak gol kemenangan.",
])
def test_more_identifiers_are_no_figures(text):
    assert not any(f[1] in (2, 5, 10) for f in _figures(text))


@pytest.mark.parametrize(("text", "counted"), [
    ("Truk bernomor polisi AE 567 SC itu menabrak 3 rumah warga.", "3 rumah"),
    ("Mobil dengan nopol B 1234 KJF terbalik dan 2 orang tewas.", "2 orang"),
    ("Bus berpelat nomor DK 7012 AB mengangkut 40 penumpang.", "40 penumpang"),
])
def test_a_vehicle_plate_is_no_figure_but_what_the_sentence_counts_is(text, counted):
    assert [f[0] for f in _figures(text)] == [counted]


def test_a_clock_time_at_the_end_of_a_sentence():
    assert _times("Rapat itu dimulai sekitar pukul 14.30.") == [("pukul 14.30", "14:30", None, "minute")]


@pytest.mark.parametrize(("text", "start", "end", "precision"), [
    ("Tiga hari yang lalu ia dilaporkan hilang.", "2014-09-09", None, "day"),
    ("Sepekan lalu warga mulai mengungsi.", "2014-09-01", "2014-09-07", "week"),
    ("Dua minggu lalu harga cabai naik.", "2014-08-25", "2014-08-31", "week"),
    ("Pabrik itu ditutup lima tahun silam.", "2009", None, "year"),
    ("Antara 2010 dan 2015 ia bekerja di Jepang.", "2010", "2015", "year"),
])
def test_counted_days_and_weeks_ago_and_year_ranges(text, start, end, precision):
    assert [(t[1], t[2], t[3]) for t in _times(text)] == [(start, end, precision)]


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Vaksin diberikan kepada warga usia 60 tahun ke atas.", 60, None),
    ("Usianya baru 17 tahun saat ia merantau ke Jakarta.", 17, 17),
    ("Seorang ibu 35 tahun tewas tertimpa pohon.", 35, 35),
])
def test_more_ages(text, low, high):
    assert [(f[1], f[2], f[4]) for f in _figures(text)] == [(low, high, "age")]


def test_years_of_work_stay_a_duration():
    assert [f[4] for f in _figures("Ia sudah 20 tahun bekerja di pabrik itu.")] == ["duration"]


def test_ke_bawah_closes_a_figure_from_above():
    assert [(f[1], f[2]) for f in _figures("Tiket gratis bagi anak 12 tahun ke bawah.")] == [(None, 12)]


def test_a_price_per_unit_written_with_a_slash():
    assert [(f[1], f[3]) for f in _figures("Harga cabai rawit mencapai Rp 80.000/kg di pasar induk.")] \
        == [(80_000, "rupiah")]
    assert _figures("Putusan 90/PUU-XXI/2023 dibacakan pekan lalu.") == []


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("Kerugian warga mencapai ratusan juta rupiah.", 200_000_000, 999_999_999, "rupiah"),
    ("Belasan ribu warga memadati lapangan.", 11_000, 19_999, "orang"),
    ("Biaya sewa Rp 2 juta-Rp 3 juta per bulan.", 2_000_000, 3_000_000, "rupiah"),
    ("Antrean di loket tidak sampai 10 menit.", None, 10, "menit"),
])
def test_vague_amounts_with_a_scale_and_currency_ranges(text, low, high, unit):
    assert [(f[1], f[2], f[3]) for f in _figures(text)] == [(low, high, unit)]


def test_a_score_before_a_me_verb_is_no_figure_and_a_noun_in_men_is_no_verb():
    assert _figures("Indonesia bermain imbang 0-0 melawan Malaysia.") == []
    assert [(f[1], f[3]) for f in _figures("Indosat melepas 2.500 menaranya ke Tower Bersama.")] == [(2500, "menara")]


def test_numbers_joined_by_atau_are_a_range_only_when_they_rise_on_one_scale():
    assert [(f[1], f[2], f[3]) for f in _figures("Nilainya Rp122,9 triliun atau 7,2 persen dari total.")] == [
        (122.9e12, 122.9e12, "rupiah"), (7.2, 7.2, "persen")]
    assert [(f[1], f[2], f[3]) for f in _figures("Ia dirawat dua atau tiga hari.")] == [(2, 3, "hari")]


def test_di_antaranya_counts_what_the_figure_before_counted():
    figures = _figures("Dari 20 balapan, dia bisa memenangi 10 di antaranya.")
    assert [(f[1], f[3]) for f in figures] == [(20, "balapan"), (10, "balapan")]


def test_orang_before_a_noun_for_people_is_a_classifier():
    assert [(f[1], f[3]) for f in _figures("Ia disambut oleh dua orang anak berpakaian adat.")] == [(2, "anak")]
    assert [f[3] for f in _figures("Sebanyak dua orang dapat berjalan sendiri.")] == ["orang"]


@pytest.mark.parametrize(("text", "unit"), [
    ("Satelit mendeteksi panas dalam luasan satu kilometer persegi.", "km2"),
    ("Rumah itu berdiri di atas tanah 300 meter persegi.", "m2"),
    ("Jarak kedua desa itu 5 kilometer.", "km"),
])
def test_an_area_keeps_its_whole_unit(text, unit):
    assert [f[3] for f in _figures(text)] == [unit]


def test_half_of_a_length_of_time_or_a_measure_is_a_figure():
    assert _figures("Orbitnya hanya membutuhkan waktu setengah jam.") == [("setengah jam", 0.5, 0.5, "jam", "duration")]
    assert _figures("Bendera dikibarkan setengah tiang.") == []


@pytest.mark.parametrize("text", ["Izin itu terbit 2 tahun lalu.", "Ia salat sekitar 10-15 menit yang lalu."])
def test_a_length_of_time_ago_is_a_point_in_time_not_a_figure(text):
    assert _figures(text) == []


@pytest.mark.parametrize("text", [
    "Ia dirawat di kamar kelas 3 Rumah Sakit Cipto Mangunkusumo.",
    "Pembangunan hotel bintang empat milik swasta dimulai.",
    "Ia meraih posisi tiga besar di sesi latihan.",
])
def test_ranks_and_classes_are_no_figures(text):
    assert _figures(text) == []


def test_an_acronym_or_a_title_cased_noun_the_article_writes_in_lower_case_is_counted():
    assert [(f[1], f[3]) for f in _figures("Tim berusaha menyelamatkan empat ABK yang masih hilang.")] == [(4, "abk")]
    text = "Sebanyak 126 Wasit Federasi Karate ikut seleksi. Para wasit diuji."
    assert [(f[1], f[3]) for f in _figures(text)] == [(126, "wasit")]
    assert _figures("Ia dijemput di PLTU Jawa 7 Suralaya.") == []


@pytest.mark.parametrize("text", [
    "Diusianya yang terbilang muda (20 tahun dan 266 hari) ia menjadi juara.",
    "Usianya kini baru 20 tahun ketika ia menjadi juara.",
])
def test_an_age_cue_a_few_words_before_in_the_same_clause(text):
    assert [(f[1], f[4]) for f in _figures(text)][0] == (20, "age")


def test_a_number_in_brackets_glued_to_a_word_is_a_subsection():
    assert _figures("Ia didakwa melanggar Section 17(2) Unlawful Associations Act.") == []


def test_a_rounded_scale_word_is_an_approximate_amount():
    doc = find_quantities(_doc("Banderolnya dipatok Rp 441 jutaan sampai Rp 476 jutaan."))
    assert [(q.attrs["min"], q.attrs["max"], q.attrs["unit"], q.attrs["approximate"])
            for q in doc.layer("quantities")] == [(441e6, 476e6, "rupiah", True)]


def test_a_falling_pair_is_a_result_and_mulai_opens_a_price_upwards():
    assert _figures("Indonesia menang 6-0 kontra Vanuatu.") == []
    assert [(f[1], f[2], f[3]) for f in _figures("Sedan ini dihargai mulai 829 ribu baht.")] == [(829_000, None, "baht")]


def test_coordinates_are_no_figures():
    assert [f[0] for f in _figures("Episenter terletak pada koordinat 4.02 LU dan 126.74 BT, pada kedalaman 56 km.")] \
        == ["56 km"]


@pytest.mark.parametrize(("text", "figures"), [
    ("Denda maksimal UU 22 maksimal Rp500 ribu.", [("maksimal Rp500 ribu", None, 500_000, "rupiah")]),
    ("Denda diatur UU Nomor 22 Tahun 2009 Rp500.000 per pelanggaran.", [("Rp500.000", 500_000, 500_000, "rupiah")]),
])
def test_a_word_read_after_a_number_that_is_no_figure_can_open_the_next_one(text, figures):
    assert [f[:4] for f in _figures(text)] == figures


@pytest.mark.parametrize(("text", "low", "high", "approximate"), [
    ("Diskon berlaku untuk nilai lebih dari Rp 1 miliar hingga Rp 2 miliar.", 1e9, 2e9, False),
    ("Kemacetan turun sekitar 20 persen sampai 40 persen.", 20, 40, True),
    ("Truk itu memuat melebihi 70 cm dari batas.", 70, None, False),
])
def test_an_approximator_before_a_range_keeps_both_ends(text, low, high, approximate):
    doc = find_quantities(_doc(text))
    assert [(q.attrs["min"], q.attrs["max"], q.attrs["approximate"]) for q in doc.layer("quantities")] \
        == [(low, high, approximate)]


def test_a_range_of_ages_after_an_age_cue():
    assert [(f[1], f[2], f[4]) for f in _figures("Laki-laki rata-rata menikah di usia 30-31 tahun.")] \
        == [(30, 31, "age")]


def test_a_part_counts_what_its_whole_counts():
    assert [(f[1], f[3]) for f in _figures("Sebanyak 2.098.685 dari 7.781.073 jiwa belum menikah.")] \
        == [(2_098_685, "orang"), (7_781_073, "orang")]


def test_a_number_word_before_its_whole_counts_what_the_whole_counts():
    figures = _figures("Enam dari sembilan sektor menguat. Lukaku menyumbang satu dari empat gol Belgia. "
                       "Hanya salah satu dari lima pemain yang datang.")
    assert [(f[0], f[1], f[3]) for f in figures] == [("Enam", 6, "sektor"), ("sembilan sektor", 9, "sektor"),
                                                     ("satu", 1, "gol"), ("empat gol", 4, "gol"),
                                                     ("lima pemain", 5, "pemain")]


@pytest.mark.parametrize("text", [
    "Benteng itu didirikan pada 1607 oleh Belanda.",
    "Karyawan bisa kuliah di Top 10 universitas dunia.",
])
def test_an_old_year_and_a_rank_are_no_figures(text):
    assert _figures(text) == []


def test_basis_points_after_level_are_a_figure():
    assert [(f[1], f[3]) for f in _figures("Imbal hasil sempat menyentuh level 7.200 bps.")] == [(7200, "bps")]


def test_an_amount_and_its_conversion_into_another_currency_are_two_figures():
    assert [(f[1], f[2], f[3]) for f in _figures("Utang itu mencapai USD 400 juta atau Rp 6,2 triliun.")] \
        == [(400e6, 400e6, "dolar"), (6.2e12, 6.2e12, "rupiah")]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Setengah juta orang memadati jalan.", 500_000, "orang"),
    ("Bank sentral menaikkan bunga 25 basis poin.", 25, "bps"),
])
def test_half_a_million_and_a_unit_of_two_words(text, value, unit):
    assert [(f[1], f[3]) for f in _figures(text)] == [(value, unit)]


def test_both_separators_read_the_last_as_the_decimal_point_and_levels_with_decimals_are_amounts():
    assert [(f[0], f[1]) for f in _figures("Indeks turun 0,07% ke 3,007.39 dan IHSG ke level 6.359,00.")] \
        == [("0,07%", 0.07), ("3,007.39", 3007.39), ("6.359,00", 6359.0)]


def test_a_minus_before_a_currency_and_two_amounts_each_with_its_currency():
    assert [(f[1], f[2]) for f in _figures("Transaksi bersih asing -Rp177,27 miliar.")] == [(-177.27e9, -177.27e9)]
    assert [(f[1], f[2]) for f in _figures("Nilainya Rp 45,9 triliun dan Rp 61,6 triliun.")] \
        == [(45.9e12, 45.9e12), (61.6e12, 61.6e12)]


def test_a_name_written_again_with_its_number_is_no_figure_and_minute_marks_are_none():
    text = "Galaxy Z Flip 7 tersedia dalam tiga warna. Galaxy Z Flip 7 dijual mulai Agustus. Gol dicetak (menit 43)."
    assert [(f[0], f[1]) for f in _figures(text)] == [("tiga warna", 3)]


def test_after_a_whole_that_opens_the_sentence_each_clause_counts_its_parts():
    text = "Dari 554 saham yang diperdagangkan, 205 tertekan, 172 stabil, dan 177 menguat selama 2 jam."
    assert [(f[1], f[3]) for f in _figures(text)] \
        == [(554, "saham"), (205, "saham"), (172, "saham"), (177, "saham"), (2, "jam")]


def test_a_range_glued_to_its_unit_by_a_dash_rises_and_repeats_the_unit():
    assert [(f[1], f[2], f[3]) for f in _figures("Penumpang naik sekitar 5 persen-10 persen.")] == [(5, 10, "persen")]
    assert [(f[1], f[2]) for f in _figures("Harga turun 5 persen-2 persen.")] == [(5, 5)]


def test_engine_power_and_torque_however_capitalised():
    text = "Mesin itu menghasilkan tenaga 116 PS atau 114 Tk serta torsi 138 Nm pada 5.800 rpm."
    assert [(f[1], f[3]) for f in _figures(text)] == [(116, "ps"), (114, "tk"), (138, "nm"), (5800, "rpm")]


@pytest.mark.parametrize(("text", "values"), [
    ("Dua peserta gagal melaju di 10 besar kontes itu.", [2]),
    ("Dukung kontestan dengan sms ke 95151.", []),
    ("Sebanyak 95151 pengunjung datang.", [95151]),
])
def test_a_rank_and_a_long_code_that_counts_nothing_are_no_figures(text, values):
    assert [f[1] for f in _figures(text)] == values


def _value_of_each(text: str) -> list[tuple[str, float | None, float | None, str | None]]:
    return [(f[0], f[1], f[2], f[3]) for f in _figures(text)]


@pytest.mark.parametrize(("text", "figures"), [
    ("Klub itu menawar 40 juta pound, terdiri dari 32 juta di muka dan 5-8 juta sebagai bonus.",
     [("40 juta pound", 40e6, 40e6, "pound"), ("32 juta", 32e6, 32e6, "pound"), ("5-8 juta", 5e6, 8e6, "pound")]),
    ("Penjual meminta 45 juta dolar. Pembeli hanya sanggup 30 juta saja.",
     [("45 juta dolar", 45e6, 45e6, "dolar"), ("30 juta", 30e6, 30e6, "dolar")]),
    ("Tahun lalu kunjungan mencapai 3 juta, tahun ini naik menjadi 4 juta orang.",
     [("mencapai 3 juta", 3e6, 3e6, "orang"), ("4 juta orang", 4e6, 4e6, "orang")]),
])
def test_an_amount_in_millions_with_no_unit_takes_the_unit_of_its_neighbours(text, figures):
    assert _value_of_each(text) == figures


def test_amounts_in_millions_far_apart_or_on_another_scale_keep_no_unit():
    text = "Kasnya 2 miliar rupiah. Rapat dimulai. Ada jeda. Hujan turun. Lalu tercatat 7 juta di papan."
    assert [(f[1], f[3]) for f in _figures(text)] == [(2e9, "rupiah"), (7e6, None)]


@pytest.mark.parametrize(("text", "value"), [
    ("Proyek itu bernilai Rp 4,37 triliun.", 4.37e12),
    ("Tiketnya kini Rp3,2juta per orang.", 3.2e6),
    ("Bantuan sebesar Rp 0,1 miliar disalurkan.", 1e8),
])
def test_scaled_amounts_are_exact_and_the_scale_may_be_written_onto_the_number(text, value):
    assert [f[1] for f in _figures(text)] == [value]


def test_a_list_names_its_unit_once_after_the_last_figure():
    assert _value_of_each("Gudang itu menyimpan 1.250 dan 340 karung beras.") \
        == [("1.250", 1250, 1250, "karung"), ("340 karung", 340, 340, "karung")]
    assert _value_of_each("Ia mencatat sembilan dan tujuh rebound dalam dua laga.") \
        == [("sembilan", 9, 9, "rebound"), ("tujuh rebound", 7, 7, "rebound"), ("dua laga", 2, 2, "laga")]


@pytest.mark.parametrize(("text", "figure"), [
    ("Tim SAR bersiaga selama 2x24 jam di pelabuhan.", ("2x24 jam", 48, 48, "jam")),
    ("Ekspor tahun lalu sebanyak 310.000an unit.", ("sebanyak 310.000an unit", 310000, 310000, "unit")),
    ("Pinjaman dibatasi sebanyak-banyaknya Rp 2 miliar.", ("sebanyak-banyaknya Rp 2 miliar", None, 2e9, "rupiah")),
    ("Bintang itu berjarak 40 tahun cahaya dari Bumi.", ("40 tahun cahaya", 40, 40, "tahun-cahaya")),
    ("Biaya visa kedua SAR2.000 per orang.", ("SAR2.000", 2000, 2000, "riyal")),
])
def test_products_rounded_counts_upper_bounds_and_more_units(text, figure):
    assert _value_of_each(text) == [figure]


def test_an_approximate_count_written_onto_its_number():
    doc = find_quantities(_doc("Penjualan mencapai 12.000an unit."))
    assert [q.attrs["approximate"] for q in doc.layer("quantities")] == [True]


@pytest.mark.parametrize("text", [
    "Aturan itu tertuang dalam Permen 14 Tahun 2023 yang berlaku bulan lalu.",
    "Sidang digelar tanggal 9 kemarin di gedung itu.",
    "Jadwal Sabtu:,16.30 WIB Jepang vs Brasil,20.00 WIB Italia vs Ghana",
    "Daftar harta kekayaan.,1. Budi Santoso,2. Rahmat Hidayat",
    "Pengguna aplikasi 88% Sehat terus naik. Aplikasi 88% Sehat gratis.",
    "Samsung memperkenalkan One UI terbaru untuk Galaxy.",
    "Konsumen memilih Pajero 4x4 untuk medan berat.",
])
def test_rule_numbers_dates_schedules_list_items_names_and_types_are_no_figures(text):
    assert _figures(text) == []


def test_the_four_named_before_are_counted_once():
    assert [f[0] for f in _figures("Ibas menyampaikan empat agenda. Ke empat agenda tersebut penting.")] \
        == ["empat agenda"]


def test_english_number_words_count_in_english_text():
    doc = find_quantities(Doc(Article(id="t", source="t", text="Rescuers found two boats.", language="en")))
    assert [(doc.text[q.start : q.end], q.attrs["min"]) for q in doc.layer("quantities")] == [("two boats", 2)]


@pytest.mark.parametrize(("text", "figure"), [
    ("Dalam rapat, 12 anggota setuju dan sisanya abstain.", ("12 anggota", 12, 12, "anggota")),
    ("Sebanyak 5 unit rusak akibat banjir.", ("Sebanyak 5 unit", 5, 5, "unit")),
])
def test_a_state_after_a_classifier_is_not_what_is_counted(text, figure):
    assert _value_of_each(text) == [figure]


def test_a_count_after_kepada_is_no_year_and_a_spelled_count_may_open_a_comma_joined_paragraph():
    assert _value_of_each("Beasiswa diberikan kepada 1500 mahasiswa.") == [("1500 mahasiswa", 1500, 1500, "mahasiswa")]
    assert _value_of_each("Laga usai.,Tiga pemain cedera.") == [("Tiga pemain", 3, 3, "pemain")]


def test_an_age_in_brackets_after_a_club_or_a_town():
    text = "Pelatih senior seperti Budi Santoso (Persija/58 tahun) dan Rahmat (Medan, 61 tahun) hadir."
    assert [(f[1], f[4]) for f in _figures(text)] == [(58, "age"), (61, "age")]


@pytest.mark.parametrize(("text", "kind"), [
    ("Pelatih 52 tahun itu mundur dari jabatannya.", "age"),
    ("Penjaga gawang 33 tahun tersebut menepis penalti.", "age"),
    ("Proyek 5 tahun itu akhirnya rampung.", "duration"),
])
def test_a_role_before_years_makes_them_an_age(text, kind):
    assert [f[4] for f in _figures(text)] == [kind]


@pytest.mark.parametrize(("text", "values"), [
    ("Pasien itu dirawat satu ruangan dengannya.", []),
    ("Ia pernah satu tim dengan Bambang di klub itu.", []),
    ("Ia membeli satu rumah dengan harga murah.", [1]),
])
def test_one_x_with_someone_is_the_same_x(text, values):
    assert [f[1] for f in _figures(text)] == values


@pytest.mark.parametrize("text", [
    "Rombongan jemaah kloter 12 tiba di asrama.",
    "Bus dijadwalkan tiba jam 5 sore di terminal.",
])
def test_group_numbers_and_hours_of_the_day_are_no_figures(text):
    assert _figures(text) == []


@pytest.mark.parametrize(("text", "figure"), [
    ("Sebanyak 1.200 jumlah peserta mendaftar.", ("Sebanyak 1.200 jumlah peserta", 1200, 1200, "peserta")),
    ("Terdata sekitar 300 unit termasuk truk tangki.", ("sekitar 300 unit", 300, 300, "unit")),
    ("Mesin itu bertenaga 120 daya kuda.", ("120 daya kuda", 120, 120, "tk")),
    ("Mereka menginap selama 3 malam di sana.", ("3 malam", 3, 3, "malam")),
])
def test_what_a_count_counts_past_jumlah_and_before_termasuk(text, figure):
    assert _value_of_each(text) == [figure]


def test_a_figure_said_again_without_its_unit_counts_what_it_counted_first():
    text = "Polisi mencatat 4.500 pelanggar. Hingga kini ada 4.500, kata dia. Pekan lalu ada 50 warga, kini tinggal 50."
    assert [(f[1], f[3]) for f in _figures(text)] == [(4500, "pelanggar"), (4500, "pelanggar"), (50, "orang"), (50, None)]


@pytest.mark.parametrize(("text", "values"), [
    ("Pencuri membawa satu unit Honda Beat 110 dan satu unit mobil.", [1, 1]),
    ("Lagu-lagu era 80an kembali digemari.", []),
])
def test_a_model_number_and_a_decade_are_no_figures(text, values):
    assert [f[1] for f in _figures(text)] == values


def test_a_lens_aperture_in_brackets_is_no_age():
    assert [f[4] for f in _figures("Kamera belakang 48 MP (f/1.8) cukup terang.") if f[4] == "age"] == []


@pytest.mark.parametrize(("text", "figure"), [
    ("Badai melanda 12 negara bagian di pesisir timur.", ("12 negara bagian", 12.0, 12.0, "negara-bagian", "amount")),
    ("Pemerintah membangun tiga rumah sakit baru.", ("tiga rumah sakit", 3.0, 3.0, "rumah-sakit", "amount")),
    ("Rapat itu dihadiri 40 wali kota.", ("40 wali kota", 40.0, 40.0, "wali-kota", "amount")),
    ("Bantuan diberikan kepada 250 kepala keluarga.", ("250 kepala keluarga", 250.0, 250.0, "kepala-keluarga", "amount")),
])
def test_a_two_word_noun_whose_head_alone_names_something_else_is_one_unit(text, figure):
    assert _figures(text) == [figure]


def test_a_rumah_alone_is_still_a_house():
    assert _figures("Banjir merendam 30 rumah warga.")[0][3] == "rumah"


@pytest.mark.parametrize(("text", "bounds"), [
    ("Kehadiran murid itu dibawah 20 persen.", (None, 20.0)),
    ("Inflasi tahunan diatas 4 persen.", (4.0, None)),
])
def test_a_bound_written_as_one_word(text, bounds):
    assert [(f[1], f[2]) for f in _figures(text)] == [bounds]


def test_a_range_joined_by_a_minus_sign():
    assert _figures("Mobil itu melaju 0−100 km/jam dalam 9 detik.")[0] == ("0−100 km", 0.0, 100.0, "km", "amount")


def test_a_figure_with_a_scale_word_after_a_capitalised_word_is_an_amount():
    assert [(f[1], f[3]) for f in _figures("Di Jakarta ada 4 ribuan insinyur, di Bandung 2 ribuan.")] == \
        [(4000.0, "insinyur"), (2000.0, "insinyur")]


@pytest.mark.parametrize("text", [
    "Selain iPad 9, perusahaan itu merilis laptop baru.",
    "Ia masih memakai iPhone 12, bukan yang terbaru.",
])
def test_a_number_after_a_word_with_a_capital_inside_names_a_model(text):
    assert _figures(text) == []


@pytest.mark.parametrize("text", [
    "Di kota itu rasionya 15 per seribu, lebih rendah dari tahun lalu.",
    "Di kota itu rasionya 15 per 1.000, lebih rendah dari tahun lalu.",
])
def test_the_denominator_of_a_rate_is_no_figure_of_its_own(text):
    assert [f[1] for f in _figures(text)] == [15.0]


@pytest.mark.parametrize("text", [
    "Tim itu kini di posisi 12 klasemen.",
    "Tiket kategori 3 sudah habis terjual.",
    "Versi Android 9 sendiri masih dipakai.",
])
def test_positions_categories_and_a_name_before_sendiri_are_no_figures(text):
    assert _figures(text) == []


def test_a_battery_in_kilowatt_hours_and_a_badminton_player_age():
    assert [(f[1], f[3], f[4]) for f in _figures("Baterainya 2,5 kWh, milik pebulutangkis 21 tahun itu.")] == \
        [(2.5, "kwh", "amount"), (21.0, "tahun", "age")]


@pytest.mark.parametrize(("text", "figure"), [
    ("Sedan itu memakai mesin 2.0L bensin.", ("2.0L", 2.0, 2.0, "liter", "amount")),
    ("Penjualan tertinggi datang dari tipe 1.2 L, kata dia.", ("1.2 L", 1.2, 1.2, "liter", "amount")),
    ("Mesinnya 6-silinder, bukan yang lama.", ("6-silinder", 6.0, 6.0, "silinder", "amount")),
])
def test_engine_sizes_and_counts_written_as_modifiers(text, figure):
    assert _figures(text) == [figure]


@pytest.mark.parametrize("text", [
    "Jaringan 5G sudah tersedia di kota itu.",
    "Mereka berbagi dual-screen di dasbor.",
    "Bukunya ada 2-nya di rak.",
])
def test_a_network_generation_a_dual_and_a_possessive_are_no_figures(text):
    assert _figures(text) == []


def test_a_range_whose_high_end_is_about():
    doc = find_quantities(_doc("Antrean mencapai 400 hingga hampir 600 kendaraan."))
    assert [(q.attrs["min"], q.attrs["max"], q.attrs["unit"], q.attrs["approximate"]) for q in doc.layer("quantities")] \
        == [(400.0, 600.0, "kendaraan", True)]


@pytest.mark.parametrize(("text", "bounds"), [
    ("Mesin itu punya tenaga maksimal 150 daya kuda.", (150.0, 150.0)),
    ("Ia terancam hukuman maksimal 5 tahun penjara.", (None, 5.0)),
    ("Mesin itu punya tenaga hingga 150 daya kuda.", (None, 150.0)),
])
def test_a_peak_power_is_the_figure_and_a_maximum_sentence_a_bound(text, bounds):
    assert [(f[1], f[2]) for f in _figures(text)] == [bounds]


def test_a_figure_restated_in_brackets_takes_the_unit_written_there():
    assert [(f[0], f[3]) for f in _figures("Biaya tiga ribu (SAR3.000) itu dihapus.")] == \
        [("tiga ribu", "riyal"), ("SAR3.000", "riyal")]


def test_about_a_figure_and_more_is_open_above():
    doc = find_quantities(_doc("Nilainya sekitar 40 triliun lebih, kata dia."))
    assert [(q.attrs["min"], q.attrs["max"], q.attrs["approximate"]) for q in doc.layer("quantities")] == \
        [(40e12, None, True)]


@pytest.mark.parametrize(("text", "bounds"), [
    ("Kadarnya <5% dari berat bersih.", (None, 5.0)),
    ("Anak berusia ≥ 12 tahun boleh ikut.", (12.0, None)),
    ("Kandungannya 3% -8% dari beratnya.", (3.0, 8.0)),
])
def test_signs_of_comparison_and_a_range_with_a_spaced_dash(text, bounds):
    assert [(f[1], f[2]) for f in _figures(text)] == [bounds]


def test_a_rounded_range_after_mulai_is_about():
    doc = find_quantities(_doc("Mobil itu dijual mulai Rp 210 jutaan sampai Rp 245 jutaan."))
    assert [(q.attrs["min"], q.attrs["max"], q.attrs["approximate"]) for q in doc.layer("quantities")] == \
        [(210e6, 245e6, True)]


@pytest.mark.parametrize("text", [
    "Siswa kini masuk jam 06.45 setiap hari.",
    "Kedua negara saling menghormati satu sama lain.",
])
def test_a_clock_time_after_jam_and_satu_sama_lain_are_no_figures(text):
    assert _figures(text) == []


@pytest.mark.parametrize(("text", "figure"), [
    ("Ada 12 daerah pemilihan di provinsi itu.", ("12 daerah pemilihan", 12.0, 12.0, "daerah-pemilihan", "amount")),
    ("Sekolah itu punya 6 jam pelajaran sehari.", ("6 jam pelajaran", 6.0, 6.0, "jam-pelajaran", "amount")),
    ("Pemerintah membebaskan 9 jenis obat dari pajak.", ("9 jenis obat", 9.0, 9.0, "obat", "amount")),
    ("Dari seribu lebih pelamar, sedikit yang lolos.", ("seribu lebih pelamar", 1000.0, None, "pelamar", "amount")),
])
def test_two_word_units_kinds_of_a_noun_and_more_than_a_spelled_thousand(text, figure):
    assert _figures(text) == [figure]


def test_more_before_a_comparison_is_no_count():
    assert _figures("Tim dengan dua lebih baik dari tim dengan satu.") == []


def test_the_noun_before_sebanyak_is_counted_when_the_article_counts_it():
    text = "Petugas menyita KTP sebanyak 30 dan STNK sebanyak 12 lembar. Jumlah akun mencapai 900, lalu 400 akun."
    assert [(f[0], f[3]) for f in _figures(text)] == \
        [("sebanyak 30", "ktp"), ("sebanyak 12 lembar", "stnk"), ("mencapai 900", "akun"), ("400 akun", "akun")]
    assert [f[3] for f in _figures("Mobil itu terjual sebanyak 189 pada Agustus.")] == [None]


def test_a_part_opening_a_quotation_counts_what_its_whole_counts_but_not_a_larger_number():
    assert [(f[0], f[3]) for f in _figures('Kata dia,"Sedangkan 8 dari 10 desa sudah pulih."')] == \
        [("8", "desa"), ("10 desa", "desa")]
    assert [f[3] for f in _figures("Tim itu meraih nilai 15 dari 12 laga.")] == ["nilai", "laga"]


def test_a_weight_class_is_no_figure_but_an_engine_class_measures():
    assert _figures("Ia turun di kelas 61kg, rekannya di kelas 73 kg.") == []
    assert [f[3] for f in _figures("Mobil kelas 1.500 cc itu laris.")] == ["cc"]


@pytest.mark.parametrize("text", ["Suhu siang ini 34°C.", "Suhu siang ini 34 °C.", "Suhu siang ini 34℃."])
def test_a_temperature_written_with_the_degree_sign(text):
    assert [(f[1], f[3]) for f in _figures(text)] == [(34.0, "derajat")]


@pytest.mark.parametrize(("text", "figure"), [
    ("Ada lima kapal berlabuh dan tiga berlayar lagi.", ("tiga", 3.0, 3.0, "kapal", "amount")),
    ("Dari ratusan toko di pasar itu, hanya empat yang buka.", ("empat", 4.0, 4.0, "toko", "amount")),
])
def test_a_number_word_doing_something_counts_what_a_figure_before_it_counted(text, figure):
    assert _figures(text)[-1] == figure


@pytest.mark.parametrize("text", ["Dua bersaudara itu pergi.", "Satu menunggu di luar."])
def test_a_number_word_with_nothing_counted_before_is_no_figure(text):
    assert _figures(text) == []


def test_a_change_in_money_and_the_same_change_in_percent_are_two_figures():
    assert [(f[1], f[2], f[3]) for f in _figures("Saham itu naik Rp25 atau 40% ke Rp87.")] == [
        (25, 25, "rupiah"), (40, 40, "persen"), (87, 87, "rupiah")]


def test_figures_listed_with_dan_are_two_of_one_unit_and_cue():
    assert [(f[1], f[2], f[3], f[4]) for f in _figures("Mereka yang berusia 35 dan 60 tahun diundang.")] == [
        (35, 35, "tahun", "age"), (60, 60, "tahun", "age")]
    assert [(f[1], f[2]) for f in _figures("Antara 35 dan 60 persen warga setuju.")] == [(35, 60)]
    assert _figures("Sidang digelar pada 4 dan 11 Agustus.") == []


@pytest.mark.parametrize(("text", "units"), [
    ("Korban yang dievakuasi mencapai 25 orang. 18 di antaranya selamat, sementara 7 lainnya hilang.",
     ["korban", "korban", "korban"]),
    ("Petugas menerima 9 jenazah, tujuh di antaranya sudah dikenali.", ["jenazah", "jenazah"]),
])
def test_a_part_of_the_figures_before_counts_them_across_a_sentence_end(text, units):
    assert [f[3] for f in _figures(text)] == units


def test_mendekati_makes_a_figure_approximate():
    doc = find_quantities(_doc("Harga emas mendekati 2.000 dollar AS per ons."))
    [figure] = doc.layer("quantities")
    assert (figure.attrs["min"], figure.attrs["max"], figure.attrs["approximate"]) == (2000, 2000, True)


def test_a_number_with_leading_zeros_is_a_code():
    assert _figures("Berkas bernomor 014/Polres/009 sudah diterima.") == []
    assert [f[1] for f in _figures("Tamu di kamar 007 membayar Rp 80.000.")] == [80000]


def test_a_list_item_number_glued_to_its_text_is_no_figure():
    assert _figures("Urutan peserta:,1. Andi,2.Budi dari Medan") == []


def test_the_level_an_index_closed_at_after_a_change_is_a_figure():
    figures = _figures("Indeks LQ45 naik 3,12 poin atau 0,3% ke level 987.")
    assert [(f[1], f[3]) for f in figures] == [(3.12, "poin"), (0.3, "persen"), (987, None)]
    assert _figures("Status gunung itu naik ke level 3.") == []


def test_a_decimal_before_a_list_item_that_a_dump_joined_with_a_comma():
    text = "Hasil latihan:,1. Rossi,2. Rins + 0,412,3. Marquez + 1,208,4. Dovizioso"
    assert [f[1] for f in _figures(text)] == [0.412, 1.208]


def test_parts_named_by_their_kind_count_what_the_whole_broken_down_counts():
    text = "Klub itu meraih 31 trofi yang terdiri atas 12 Liga Super, 9 Piala FA, dan 10 Piala Kota 1950."
    assert [(f[1], f[3]) for f in _figures(text)] == [(31, "trofi"), (12, "trofi"), (9, "trofi"), (10, "trofi")]
    text = "Ada 40 sekolah, rinciannya 25 SD dan 15 madrasah."
    assert [f[3] for f in _figures(text)] == ["sekolah", "sekolah", "madrasah"]


def test_a_number_in_an_index_name_before_a_verb_is_no_figure():
    assert [f[0] for f in _figures("Indeks FTSE 100 turun 0,4 persen, sedangkan KOSPI 50 diperkirakan naik.")] == [
        "0,4 persen"]


def test_a_year_after_a_month_is_a_date_even_before_a_unit():
    assert _figures("Pada 2 Maret 2020 jam 10.00 WIB rapat dimulai.") == []


@pytest.mark.parametrize(("text", "unit"), [
    ("Jumlah karyawan pabrik itu kini mencapai 2.300 orang.", "karyawan"),
    ("Peserta ujian tahun ini berjumlah 812 orang.", "peserta"),
    ("Sebanyak 40 orang mengantre sejak pagi.", "orang"),
])
def test_a_head_count_in_orang_counts_the_people_named_before_it(text, unit):
    assert [f[3] for f in _figures(text)] == [unit]


@given(sentences=st.lists(st.text(alphabet="abc 12,", min_size=0, max_size=60), min_size=1, max_size=40),
       at=st.floats(min_value=0, max_value=1))
def test_a_sentence_start_found_backwards_is_the_one_read_from_the_text_start(sentences: list[str], at: float):
    text = ". ".join(sentences)
    position = int(at * len(text))
    from_the_start = max((m.end() for m in quantities._stops(text, 0, position)), default=0)
    assert _sentence_start(text, position) == from_the_start


@given(text=st.text(alphabet="a1,. \n\t\u00a0\u0661", max_size=80), at=st.floats(min_value=0, max_value=1))
def test_a_paragraph_opening_read_backwards_is_the_one_a_pattern_reads_from_the_text_start(text: str, at: float):
    """The pattern it replaced, searched from the text's start up to the number, is the reference."""
    position = int(at * len(text))
    from_the_start = re.compile(r"(?:^\s*|\n\s*|\D,)$").search(text, 0, position) is not None
    assert quantities._opens_a_paragraph(text, position) == from_the_start


def test_a_numbered_item_opening_a_paragraph_is_no_figure_however_far_into_a_long_line():
    """A line break, or a comma a dump put in its place, before "5. Alexander" opens a list item; a space does
    not, and the number stays a figure, also after 120,000 characters of the same line."""
    far = "warga " * 20_000
    assert _figures(far + "Anggota baru,5. Alexander Marwata hadir.") == []
    assert _figures(far + "Anggota baru\n  5. Alexander Marwata hadir.") == []
    assert [f[0] for f in _figures(far + "Anggota baru 5. Alexander Marwata hadir.")] == ["5"]


def test_figures_in_a_text_without_full_stops_look_back_a_bounded_stretch():
    text = "warga " * 2000 + "mencatat 12 orang tewas"
    doc = find_quantities(Doc(Article("a", "s", text)))
    assert [q.attrs.get("unit") for q in doc.layer("quantities")] == ["orang"]
    assert _sentence_start(text, len(text)) == len(text) - MAX_SENTENCE


def test_a_name_and_its_number_count_as_written_again_only_where_the_name_starts_a_word():
    once = "Galaxy Z Flip 7 tersedia dalam tiga warna. MegaFlip 7 dijual mulai Agustus."
    twice = "Galaxy Z Flip 7 tersedia dalam tiga warna. Galaxy Z Flip 7 dijual mulai Agustus."
    assert quantities._recurs(twice, "Flip", "7") and not quantities._recurs(once, "Flip", "7")
    assert not quantities._recurs("Flip 7,5 dan Flip 7.", "Flip", "7")  # 7,5 is another number


def test_parts_after_a_broken_down_whole_stop_at_the_end_of_its_sentence():
    text = "Ia meraih 54 gelar terdiri atas 20 Grand Slam dan 6 Final ATP. Penontonnya 17 ribu."
    assert [(f[1], f[3]) for f in _figures(text)] == [(54, "gelar"), (20, "gelar"), (6, "gelar"), (17000, None)]


def test_a_numeral_classifier_counts_the_noun_it_classifies_and_alone_itself():
    figures = _figures("Polisi menyita dua pucuk senjata api dan tiga helai kain, lalu empat pucuk lagi.")
    assert [(f[1], f[3]) for f in figures] == [(2, "senjata"), (3, "kain"), (4, "pucuk")]


def test_lebih_after_an_amount_whose_unit_came_first_compares_rather_than_bounds():
    figures = _figures("Tawaran itu Rp4 triliun lebih mahal dari pesaingnya, dan 3.000 lebih warga menolak.")
    assert [(f[1], f[2]) for f in figures] == [(4e12, 4e12), (3000, None)]


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Syaratnya maksimal penghasilan Rp8 juta per bulan.", None, 8e6),
    ("Tingkat berat maksimal paket lima kilogram.", None, 5),
    ("Dibatasi maksimal beban barang sebanyak 20 kilogram.", None, 20),
    ("Syarat minimal usia pelamar 17 tahun.", 17, None),
    ("Tenaga maksimal mesin itu 120 PS.", 120, 120),
])
def test_a_cap_or_floor_before_the_nouns_a_figure_measures_bounds_it(text, low, high):
    assert [(f[1], f[2]) for f in _figures(text)] == [(low, high)]


def test_a_figure_after_a_total_and_its_noun_counts_that_noun_unless_bounded():
    figures = _figures("Jumlah pelamar di 12 kabupaten mencapai 3.400 orang, sedangkan di kota sebanyak 1.200.")
    assert [(f[1], f[3]) for f in figures] == [(12, "kabupaten"), (3400, "orang"), (1200, "pelamar")]
    assert [f[3] for f in _figures("Jumlah titik panas dengan frekuensi > 1, di wilayah itu naik.")] == [None]


def test_a_noun_a_few_words_before_sebanyak_or_mencapai_is_counted_past_no_other_figure():
    text = "Panitia memperkirakan peserta lomba akan mencapai 4.000. Tahun lalu 3.100 peserta hadir."
    assert [(f[1], f[3]) for f in _figures(text)] == [(4000, "peserta"), (3100, "peserta")]
    text = "Pendaftar di 12 sekolah favorit mencapai 900. Ada 40 sekolah lain."
    assert [(f[1], f[3]) for f in _figures(text)] == [(12, "sekolah"), (900, None), (40, "sekolah")]


def test_a_full_stop_before_the_comma_that_joined_two_paragraphs_ends_a_sentence():
    text = "Jumlah pelamar naik.,Kuota daerah sebanyak 1.200."
    assert _sentence_start(text, len(text) - 3) == text.index("Kuota")
    assert [f[3] for f in _figures(text)] == [None]


def test_degree_and_comparison_signs_as_a_mac_roman_dump_writes_them():
    figures = _figures("Titik didih awal 225 ¬∞ C dan kadar minyak ‚â•70%.")
    assert [(f[1], f[2], f[3]) for f in figures] == [(225, 225, "derajat"), (70, None, "persen")]


def test_a_number_of_three_digits_after_level_is_a_price_or_index_not_a_grade():
    figures = _figures("Saham itu berpeluang naik dengan target harga di level 1775. Gunung itu berstatus level 4.")
    assert [(f[0], f[1], f[3]) for f in figures] == [("1775", 1775, None)]


def test_wheels_and_bores_named_by_a_number_are_classes_but_sizes_with_a_measure():
    text = "Kendaraan roda 4 dan senapan kaliber 22 dilarang, sedangkan mobil dengan roda 14 inci dan peluru kaliber 38 mm boleh."
    assert [(f[1], f[3]) for f in _figures(text)] == [(14, "inci"), (38, "mm")]


def test_an_age_in_days_weeks_or_months_right_after_its_cue_keeps_its_unit():
    figures = _figures("Bayi berusia 3 bulan itu dirawat selama 5 hari.")
    assert [(f[1], f[3], f[4]) for f in figures] == [(3, "bulan", "age"), (5, "hari", "duration")]


def test_a_number_after_a_capitalised_label_and_a_colon_is_a_value_not_a_name():
    assert [f[1] for f in _figures("Resisten: 1815 dan 1850, sedangkan indeks LQ 45 melemah.")] == [1815, 1850]


def test_a_noun_found_further_back_never_replaces_a_classifier_nor_is_a_time_and_a_name_keeps_its_colon():
    figures = _figures("Jumlah hewan kurban yang disembelih tahun ini mencapai 9.757 ekor.")
    assert [(f[1], f[3], f[4]) for f in figures] == [(9757, "ekor", "amount")]
    assert _figures("Ia mengutip ayat (QS. Ali Imron: 159) dalam ceramahnya.") == []


def test_conjunctions_and_words_pointing_back_after_a_figure_are_not_what_it_counts():
    figures = _figures("Dari 264 kades yang dilantik, dua diantaranya bersaudara. Tim itu bermain imbang 1-1 kontra Vietnam.")
    assert [(f[1], f[3]) for f in figures] == [(264, "kades"), (2, "kades")]


def test_an_approximator_before_sebanyak_or_mencapai_says_what_the_figure_is_but_hingga_does_not_cap_it():
    doc = find_quantities(_doc("Ia diobati setidaknya sebanyak dua kali, pasiennya hampir mencapai 500 orang, "
                               "dan polusi naik hingga mencapai 404 poin."))
    assert [(q.attrs["min"], q.attrs["max"], q.attrs["approximate"]) for q in doc.layer("quantities")] == [
        (2, None, False), (500, 500, True), (404, 404, False)]


def test_a_separator_written_twice_is_never_a_decimal_point_in_either_language():
    assert [(f[1], f[3]) for f in _figures("Nilai kontraknya US$ 6,090,000 dan Rp 1.500.000 per unit.")] \
        == [(6090000, "dolar"), (1500000, "rupiah")]
    assert quantities.parse_value("2.000.000", english=True) == 2000000
    assert quantities.parse_value("12,5", english=False) == 12.5  # one comma stays a decimal comma


def test_a_name_and_a_longer_number_are_not_the_name_written_again_with_its_number():
    assert not quantities._recurs("Flip 75 dan Flip 75.", "Flip", "7")


def test_device_specifications_and_recipe_measures_keep_their_units():
    figures = _figures("Layar 120 Hz, baterai 4.000 mAh dan kamera 50 MP. Siapkan 6 kuning telur, 2 sdt garam "
                       "dan 1 sendok makan susu.")
    assert [(f[1], f[3]) for f in figures] == [(120, "hz"), (4000, "mah"), (50, "mp"), (6, "kuning-telur"),
                                               (2, "sendok-teh"), (1, "sendok-makan")]


def test_a_bare_number_right_after_an_age_cue_is_an_age_in_years_but_not_after_other_words():
    figures = _figures("Pada usia 31, dia menikmati performa terbaik. Ia mengenakan nomor 31 di klub itu.")
    assert [(f[1], f[3], f[4]) for f in figures] == [(31, "tahun", "age")]


def test_butir_before_a_noun_counts_the_noun_and_alone_counts_itself():
    figures = _figures("Polisi menyita 4 butir peluru dan 20 butir.")
    assert [(f[1], f[3]) for f in figures] == [(4, "peluru"), (20, "butir")]


def test_a_stray_scale_word_after_a_number_written_out_to_its_units_is_left_out():
    assert quantities.parse_value("3.636.251 juta", english=False) == 3636251
    assert quantities.parse_value("3.636 juta", english=False) == 3636000000
    figures = _figures("Total pelamar yang berjumlah 3.636.251 juta orang.")
    assert [f[1] for f in figures] == [3636251]


def test_adverbs_after_a_figure_are_not_what_it_counts():
    figures = _figures("Dari 16,5 juta keluarga itu, 14,3 juta memang berada di desil terbawah.")
    assert [(f[1], f[3]) for f in figures] == [(16500000, "keluarga"), (14300000, "keluarga")]


def test_a_unit_word_written_onto_its_number_is_its_unit_but_two_letters_only_when_a_measure():
    figures = _figures("Ekspor mencapai 11.333ton, jaraknya 5km, dan 10km² lahan, bukan jaringan 5G.")
    assert [(f[1], f[3]) for f in figures] == [(11333, "ton"), (5, "km"), (10, "km2")]


def test_a_proper_fraction_before_a_unit_is_a_figure_but_a_date_is_not():
    figures = _figures("Siapkan 1/2 sdt garam dan 1/4 kg gula. Rapat digelar Rabu (9/7/2025) dan 9/7 pukul 10.")
    assert [(f[1], f[3]) for f in figures] == [(0.5, "sendok-teh"), (0.25, "kg")]
    assert quantities.parse_value("7/4", english=False) is None


def test_a_cap_stated_for_the_first_figure_of_a_list_holds_for_the_next_in_its_unit_but_hingga_does_not():
    figures = _figures("Syaratnya maksimal penghasilan Rp8,5 juta bagi lajang, dan Rp10 juta untuk yang menikah. "
                       "Harga naik hingga 5 persen dan 3 persen. Minimal 20 orang dan 5 kendaraan.")
    assert [(f[1], f[2]) for f in figures] == [(None, 8500000), (None, 10000000), (None, 5), (3, 3), (20, None), (5, 5)]


def test_two_sides_in_a_measure_are_two_figures_a_product_only_of_time_and_a_type_none():
    figures = _figures("Ruangan hanya 4x7 meter untuk 25 orang. Mobil Pajero 4x4 ditahan 1x24 jam. "
                       "Ruangan seluas 4 X 5 meter disiapkan.")
    assert [(f[0], f[1], f[3]) for f in figures] == [
        ("4", 4, "meter"), ("7 meter", 7, "meter"), ("25 orang", 25, "orang"), ("1x24 jam", 24, "jam"),
        ("4", 4, "meter"), ("5 meter", 5, "meter")]


def test_a_head_count_after_a_quota_counts_places_not_the_applicants_named_before():
    figures = _figures("Jumlah pendaftar mencapai 109.220 orang, dengan kuota yang tersedia sebanyak 47.700 orang, "
                       "namun hanya 31.022 orang yang lolos. Ada 232 sekolah dengan kuota siswa sebanyak 36.141 orang.")
    assert [(f[1], f[3]) for f in figures] == [(109220, "pendaftar"), (47700, "orang"), (31022, "pendaftar"),
                                               (232, "sekolah"), (36141, "siswa")]


def test_a_minute_in_brackets_after_a_scorer_is_no_age_but_a_bracket_age_stays():
    figures = _figures("Levante membalas lewat Mayoral di menit ke-49 dan Melero (75). Rina (34) tewas di tempat.")
    assert [(f[1], f[3], f[4]) for f in figures] == [(34, "tahun", "age")]


def test_the_metres_after_a_kilometre_post_are_no_figure():
    figures = _figures("Perbaikan di km Sby 233+500 dan KM 15+200 sampai KM 15+400 sepanjang 2 km.")
    assert [(f[1], f[3]) for f in figures] == [(2, "km")]


def test_atau_lebih_after_a_figure_makes_it_a_floor_unless_it_compares():
    figures = _figures("Minum lima cangkir atau lebih kopi per hari. Penawaran Rp 3,78 triliun atau lebih rendah.")
    assert [(f[1], f[2], f[3]) for f in figures] == [(5, None, "cangkir"), (3780000000000, 3780000000000, "rupiah")]


def test_one_place_after_another_is_no_count():
    figures = _figures("Mereka berpindah dari satu pulau ke pulau lain. Ada satu pulau ke arah timur.")
    assert [(f[1], f[3]) for f in figures] == [(1, "pulau")]


def test_a_leading_zero_makes_a_decimal_point_and_gaps_beside_such_gaps_read_it_so():
    figures = _figures("Hasil latihan:\n2. A. Marquez - GRESINI - +0.337 / +0.337\n15. J. Mir - HONDA - +1.028 / +0.094 - 01:20.099\n"
                       "Harga naik 0,5 persen dan 1.028 unit mobil terjual.")
    assert [f[1] for f in figures] == [0.337, 0.337, 1.028, 0.094, 0.5, 1028]


def test_units_written_onto_their_numbers_in_device_and_engine_specifications():
    figures = _figures("Charger 30W mengisi baterai, RAM 4GB, motor listrik 374bhp, dari 0-62mph dalam empat detik.")
    assert [(f[1], f[2], f[3]) for f in figures] == [(30, 30, "watt"), (4, 4, "gb"), (374, 374, "bhp"),
                                                     (0, 62, "mph"), (4, 4, "detik")]


def test_compounds_sets_and_volumes_keep_their_units_and_deadlines_are_caps():
    figures = _figures("Polisi menyita dua sepeda motor dan 1 set blender. Waduk menampung 68,11 meter kubik. "
                       "SP3 terbit paling lama satu tahun dan dilaporkan paling lambat satu minggu.")
    assert [(f[1], f[2], f[3]) for f in figures] == [(2, 2, "sepeda-motor"), (1, 1, "blender"), (68.11, 68.11, "m3"),
                                                     (None, 1, "tahun"), (None, 1, "minggu")]


def test_a_comma_after_an_amount_opens_the_next_item_of_a_price_list_when_a_measure_follows():
    figures = _figures("Harga emas:, 0,5 gram Rp 401.500,1 gram Rp 754.000,2 gram Rp 1.457.000. Kurs Rp 14.057,50 per dolar.")
    assert [(f[1], f[3]) for f in figures] == [(0.5, "gram"), (401500, "rupiah"), (1, "gram"), (754000, "rupiah"),
                                              (2, "gram"), (1457000, "rupiah"), (14057.5, "rupiah")]


def test_a_figure_with_no_unit_takes_it_from_where_a_change_ends_or_from_its_first_telling_as_a_floor():
    figures = _figures("Penjualan ritel naik dari 923, menjadi 1.643 unit. Ada lebih dari 200.000 mitra yang ikut. "
                       "\"Sudah 200.000 ya,\" ujarnya. Mereka mencuri puluhan juta rupiah. \"Kerugian saya puluhan juta,\" "
                       "katanya.")
    assert [(f[0], f[3]) for f in figures] == [("923", "unit"), ("1.643 unit", "unit"),
                                               ("lebih dari 200.000 mitra", "mitra"), ("200.000", "mitra"),
                                               ("puluhan juta rupiah", "rupiah"), ("puluhan juta", "rupiah")]


def test_sides_are_read_only_in_lengths_and_areas_and_a_count_of_units_times_a_capacity_is_a_product():
    figures = _figures("Dua unit pembangkit berkapasitas 2x50 MW dibangun, gudang berukuran 8 X 12 meter terbakar.")
    assert [(f[0], f[1], f[3]) for f in figures] == [
        ("Dua unit pembangkit", 2, "pembangkit"), ("2x50 MW", 100, "mw"), ("8", 8, "meter"), ("12 meter", 12, "meter")]


def test_two_numbers_joined_by_a_hyphen_after_a_result_word_are_a_score_whatever_follows():
    figures = _figures("Brasil kalah 0-1 usai gol Peru. Skor imbang 2-2 tetap bertahan. Indonesia kalah 2-3 lawan "
                       "Malaysia, yang sudah kalah 9 kali. Harga naik 2-3 persen.")
    assert [(f[0], f[1], f[2]) for f in figures] == [("9 kali", 9, 9), ("2-3 persen", 2, 3)]


def test_kali_before_a_noun_for_an_event_counts_the_event_but_not_before_other_words():
    figures = _figures("Terjadi 43 kali gempa susulan. Eropa mengalami 10 kali pemotongan suku bunga. Harga naik dua "
                       "kali lipat, dan ia dua kali melakukan pelaporan.")
    assert [(f[1], f[3]) for f in figures] == [(43, "gempa"), (10, "pemotongan"), (2, "kali"), (2, "kali")]


def test_a_cap_on_a_vague_amount_keeps_its_top_and_micrograms_are_a_unit_also_as_mac_roman_writes_them():
    figures = _figures("Mobil dipakai hingga puluhan ribu kilometer. Lebih dari ratusan warga hadir. Konsentrasi "
                       "mencapai 95,89 ¬µg/m3, kemarin 40 µg/m³.")
    assert [(f[1], f[2], f[3]) for f in figures] == [(None, 99999, "km"), (200, None, "orang"), (95.89, 95.89, "µg"),
                                                     (40, 40, "µg")]


def test_a_number_spelled_again_in_brackets_keeps_the_noun_after_the_brackets():
    figures = _figures("Ia menyerahkan 1 (satu) pucuk Senjata Api. Polisi menyita 2 (dua) unit sepeda motor selama "
                       "12 (dua belas) hari. Partai itu meraih 20 (PDIP) kursi.")
    assert [(f[0], f[1], f[3]) for f in figures] == [
        ("1 (satu) pucuk", 1, "pucuk"), ("2 (dua) unit sepeda motor", 2, "sepeda-motor"), ("12 (dua belas) hari", 12, "hari"),
        ("20", 20, None)]



def test_a_price_floor_named_with_its_noun_has_no_top():
    figures = _figures("Ponsel itu dijual mulai dengan harga Rp 3,5 juta. Mobil listrik ditawarkan mulai dari harga "
                       "Rp 420 juta, sepatu mulai di harga Rp 900.000, dan tas dengan harga Rp 2 juta.")
    assert [(f[1], f[2]) for f in figures] == [(3500000, None), (420000000, None), (900000, None),
                                               (2000000, 2000000)]


def test_a_person_who_has_reached_an_age_at_the_end_of_a_clause_has_an_age_but_a_thing_or_a_term_does_not():
    figures = _figures("Tahun depan saya sudah 71 tahun. Wanita itu genap 64 tahun, ujarnya. Gedung ini sudah 40 "
                       "tahun. Ia sudah 9 tahun mengajar di sana.")
    assert [(f[1], f[4]) for f in figures] == [(71, "age"), (64, "age"), (40, "duration"), (9, "duration")]


def test_a_times_sign_spaced_on_one_side_only_belongs_to_a_name_and_makes_no_size():
    figures = _figures("Tablet itu memakai layar Super Retina 3x 11 inci, kamarnya 3 x 4 meter.")
    assert [(f[1], f[3]) for f in figures] == [(11, "inci"), (3, "meter"), (4, "meter")]


def test_orang_before_anggota_counts_the_members_or_the_lower_case_body_they_are_of():
    figures = _figures("Rapat dihadiri 310 orang anggota MPR. Tercatat lima orang anggota keluarga mengungsi, dan "
                       "jumlah anggota koperasi itu mencapai 150 orang.")
    assert [(f[1], f[3]) for f in figures] == [(310, "anggota"), (5, "keluarga"), (150, "anggota")]


def test_a_number_right_before_nomor_and_its_digits_is_part_of_an_address_not_an_amount():
    figures = _figures("Ia tinggal di Jalan Melati Raya 2 Nomor 15 bersama 3 anak, sesuai Pasal 12 No. 4, dan "
                       "membawa 5 nomor antrean.")
    assert [(f[1], f[3]) for f in figures] == [(3, "anak"), (5, "nomor")]



def test_a_backslash_left_after_a_full_stop_still_ends_the_sentence_before_a_head_count():
    figures = _figures("Para wisatawan datang dari jauh.\\\n\n\\\n\nDalam sehari, kuil itu menerima 300 orang.")
    assert [(f[1], f[3]) for f in figures] == [(300, "orang")]


def test_a_capitalised_noun_inside_a_name_is_not_whom_a_head_count_counts():
    figures = _figures("Program Penerima Bantuan Iuran mencapai 96,8 juta jiwa, dan jumlah penerima bantuan itu "
                       "naik 2 juta orang.")
    assert [(f[1], f[3]) for f in figures] == [(96_800_000, "orang"), (2_000_000, "penerima")]


def test_reaching_a_figure_and_more_is_a_floor():
    figures = _figures("Pengunjung membeludak sampai 1.000 lebih orang, dan antrean hingga 200 meter.")
    assert [(f[1], f[2]) for f in figures] == [(1000, None), (None, 200)]


def test_a_column_written_with_zero_decimals_is_not_the_prose_figure_said_again():
    figures = _figures("Ia memimpin dengan 381 poin dan meraih 250 ribu dolar. Hadiah 250 ribu itu dibagi.\n\n"
                       "Klasemen:\n\n1. Marc Rossi - 381.00\n\n2. Alex Rossi - 261.00\n")
    assert [(f[1], f[3]) for f in figures] == [(381, "poin"), (250_000, "dolar"), (250_000, "dolar"), (381, None),
                                               (261, None)]


def test_a_number_after_a_length_of_time_and_a_spaced_ke_is_an_ordinal():
    figures = _figures("Di hari ke delapan pencarian, tim bekerja 12 jam, dari 2 hari ke 3 hari.")
    assert [(f[1], f[3]) for f in figures] == [(12, "jam"), (2, "hari"), (3, "hari")]


def test_a_counted_length_of_time_before_ke_is_a_duration_and_the_figure_after_it_counts():
    figures = _figures("Rombongan itu berkeliling selama dua minggu ke 3 negara, lalu 2 jam ke 5 desa.")
    assert [(f[1], f[3]) for f in figures] == [(2, "minggu"), (3, "negara"), (2, "jam"), (5, "desa")]


def test_demonstratives_witnesses_reference_points_and_pixels():
    figures = _figures("Sekitar 8 juta inilah yang terdampak. Polisi memeriksa 53 orang saksi di antara titik "
                       "referensi 4 dan 7, layar 2400 Pixels.")
    assert [(f[1], f[3]) for f in figures] == [(8_000_000, None), (53, "saksi"), (2400, "piksel")]


def test_the_sides_of_a_size_take_the_unit_written_after_the_last():
    figures = _figures("Layarnya beresolusi 1080 x 2400 Pixels, bodinya 165.62 x 77.01 x 8.25 mm, latihan 2 x 45 menit.")
    assert [(f[1], f[3]) for f in figures] == [(1080, "piksel"), (2400, "piksel"), (165.62, "mm"), (77.01, "mm"),
                                               (8.25, "mm"), (90, "menit")]


def test_us_before_an_amount_in_dollars_is_its_currency_and_keeps_the_floor_before_it():
    figures = _figures("Ia diduga menerima sekurang-kurangnya US 2,9 juta Dollar.")
    assert [(f[1], f[2], f[3]) for f in figures] == [(2_900_000, None, "dolar")]


def test_a_scale_word_with_nya_and_triliunan_and_a_plus_minus_sign():
    figures = _figures("Kerugian bukan Rp 3,2 triliunnya, tetapi hingga triliunan rupiah. Siapkan ± 200 g roti.")
    assert [(f[1], f[2], f[3]) for f in figures] == [(3.2e12, 3.2e12, "rupiah"), (None, 9_999_999_999_999, "rupiah"),
                                                     (200, 200, "gram")]
    assert [q.attrs["approximate"] for q in find_quantities(_doc("Rp 3,2 triliunnya dan ± 200 g")).layer(
        "quantities")] == [False, True]


def test_pronouns_and_se_words_of_worth_are_not_what_a_figure_counts():
    figures = _figures("Kerugian petani baru 5 kami temukan. Ada 37.636 unit senilai Rp 4,6 triliun, dan satu kilo beras.")
    assert [(f[1], f[3]) for f in figures] == [(5, None), (37_636, "unit"), (4.6e12, "rupiah"), (1, "kg")]


def test_singapore_dollars_are_their_own_currency_and_an_f_number_is_no_figure():
    figures = _figures("Ia menukar 15.000 dolar Singapura untuk kamera 12 MP beraperture f/1.8.")
    assert [(f[1], f[3]) for f in figures] == [(15_000, "dolar-singapura"), (12, "mp")]


def test_paling_rendah_and_paling_tinggi_bound_a_figure_also_past_adalah():
    figures = _figures("Luas tanah paling rendah adalah 25 meter persegi dan paling tinggi 200 meter persegi.")
    assert [(f[1], f[2], f[3]) for f in figures] == [(25, None, "m2"), (None, 200, "m2")]
    assert [(f[1], f[2]) for f in _figures("Suhu paling tinggi 35 derajat.")] == [(35, 35)]


def test_a_standings_line_has_counts_not_ages_and_its_item_numbers_are_no_figures():
    figures = _figures("Grup A: 1. Al Ahly (1 poin), 2. Porto (1), 3. Palmeiras (0)\n\nKorban: Rina (34).")
    assert [(f[1], f[3], f[4]) for f in figures] == [(1, "poin", "amount"), (1, None, "amount"), (0, None, "amount"),
                                                     (34, "tahun", "age")]


def test_an_age_in_brackets_stays_an_age_beside_a_smaller_count_in_brackets():
    figures = _figures("Barcelona (3 poin) memimpin klasemen., Messi (34) mencetak dua gol.")
    assert [(f[1], f[3], f[4]) for f in figures] == [(3, "poin", "amount"), (34, "tahun", "age"), (2, "gol", "amount")]
    figures = _figures("Liverpool: M. Salah (3 gol), R. Firmino (2). Klasemen: Carlsen (6 poin), Caruana (6). Pecatur "
                       "Abdusattorov (14 tahun) menjadi termuda. HAT hampir menabrak dua anak, anak ke empat dari "
                       "delapan saudara.")
    assert [(f[1], f[3], f[4]) for f in figures] == [
        (3, "gol", "amount"), (2, None, "amount"), (6, "poin", "amount"), (6, None, "amount"), (14, "tahun", "age"),
        (2, "anak", "amount"), (8, "saudara", "amount")]
    nearly = find_quantities(_doc("HAT hampir menabrak dua anak.")).layer("quantities")
    assert [q.attrs["approximate"] for q in nearly] == [False]


def test_pounds_garlic_and_recipe_classifiers_name_what_they_count():
    figures = _figures("Gajinya 300.000 pounds per pekan. Bahan: 2 btr telur, 3 siung bawang putih, 1 butir telur.")
    assert [(f[1], f[3]) for f in figures] == [(300_000, "pound"), (2, "telur"), (3, "bawang-putih"), (1, "telur")]


def test_a_bare_amount_converted_in_brackets_is_in_the_sentence_s_other_currency():
    figures = _figures("Inter membayar lebih dari 150.000 pounds (Rp2,6 miliar) per pekan, artinya ia menerima "
                       "potongan gaji 250.000 (Rp4,3 miliar) per pekan. Lalu 300 (Rp5 juta) dibayar tunai.")
    assert [(f[1], f[3]) for f in figures] == [(150_000, "pound"), (2_600_000_000, "rupiah"), (250_000, "pound"),
                                               (4_300_000_000, "rupiah"), (300, None), (5_000_000, "rupiah")]


def test_a_percent_sign_wins_over_a_stray_rupiah_and_lebih_before_karena_is_a_floor():
    figures = _figures("Makassar 28,7%, Banjarmasin Rp26,7%. Beratnya turun 50 kg lebih karena diet. Ada 7-airbags.")
    assert [(f[1], f[2], f[3]) for f in figures] == [(28.7, 28.7, "persen"), (26.7, 26.7, "persen"),
                                                     (50, None, "kg"), (7, 7, "airbag")]


def test_an_approximator_reaches_over_a_verb_but_a_cap_does_not():
    figures = _figures("Gempa itu sedikitnya menewaskan 10 orang. Lampu menyala kurang lebih selama 8 hari. "
                       "Banjir hingga menewaskan 3 orang.")
    assert [(f[1], f[2], f[3]) for f in figures] == [(10, None, "orang"), (8, 8, "hari"), (3, 3, "orang")]
    assert [q.attrs["approximate"] for q in find_quantities(_doc("Kurang lebih selama 8 hari.")).layer("quantities")] \
        == [True]


def test_people_nouns_in_a_row_count_the_first_and_articles_and_formations_are_no_figures():
    figures = _figures("Jumlah tersangka pelaku kerusuhan bertambah menjadi 87 orang. Mereka dijerat 212 KUHP. "
                       "Latihan itu melibatkan Korps 17 Serangan Gunung.")
    assert [(f[1], f[3]) for f in figures] == [(87, "tersangka")]


def test_a_range_after_a_dimension_noun_is_no_score():
    figures = _figures("Akumulasi beli pada area level 111-113. Skor akhir 21-14.")
    assert [(f[1], f[2]) for f in figures] == [(111, 113)]


def test_fractions_before_a_classifier_or_a_compound_and_figures_opening_a_comma_joined_paragraph():
    figures = _figures("Bahan: 1/2 bawang bombay, 1/2 buah tomat, 2 lbr daun salam. Pada 9/7 ia datang. "
                       "Peristiwa itu terjadi 22 Mei. ,Enam tersangka itu ditahan. ,1. Firli Bahuri ,Kursi Golkar 1 "
                       "lanjut dia.")
    assert [(f[1], f[3]) for f in figures] == [(0.5, "bawang-bombay"), (0.5, "tomat"), (2, "daun"), (6, "tersangka")]


def test_a_season_s_year_before_its_week_a_part_of_no_noun_and_mulai_before_a_verb_are_no_counts():
    figures = _figures("Laga Liga 1 2019 pekan ke-18 digelar. Ia satu dari 10 Final Nasional. Aturan mulai berlaku "
                       "5 tahun sejak diundangkan.")
    assert [(f[1], f[2], f[3]) for f in figures] == [(5, 5, "tahun")]


def test_a_country_before_a_count_is_no_currency_and_kilo_before_a_measure_is_a_prefix():
    figures = _figures("Pencetak gol terbanyak: Pulisic US 2 gol. Nilainya US 2,9 juta Dollar. Sebanyak 5.000 kilo "
                       "liter minyak tercecer sejauh 3 kilo meter, dan beras satu kilo.")
    assert [(f[1], f[3]) for f in figures] == [(2, "gol"), (2_900_000, "dolar"), (5_000, "kl"), (3, "km"), (1, "kg")]


def test_a_goal_minute_a_heading_after_a_blank_line_and_set_phrases_are_no_counts():
    figures = _figures("Gol dicetak Fabian Ruiz (19'). Skor akhir 4 gol.\n\nKlasemen baru. Atletico dengan nol poin, "
                       "Tipe 8 Lebar 10 terjual habis, fitur pengisian dua arah.")
    assert [(f[1], f[3]) for f in figures] == [(4, "gol"), (0, "poin")]


def test_rupiah_with_english_groups_a_range_across_a_per_currency_and_a_spaced_prefix():
    figures = _figures("Kurs di kisaran Rp14.200/USD hingga Rp14.300, lalu Rp14,087 per USD, dividen Rp 466,18.\n"
                       "BCA Rp   14.042")
    assert [(f[1], f[2], f[3]) for f in figures] == [(14_200, 14_300, "rupiah"), (14_087, 14_087, "rupiah"),
                                                     (466.18, 466.18, "rupiah"), (14_042, 14_042, "rupiah")]


def test_orang_before_technicians_counts_them_and_a_penalty_kick_is_no_count():
    figures = _figures("Sebanyak lima orang teknisi pulang setelah tendangan 12 pas.")
    assert [(f[1], f[3]) for f in figures] == [(5, "teknisi")]


def test_hanya_is_no_hectare_and_a_bracketed_number_after_a_number_is_a_subsection():
    assert _figures("Sundulan di menit 38 hanya melambung. Ia dijerat Pasal 114 ( 1 ) UU Narkotika.") == []
    assert [(f[1], f[3]) for f in _figures("Kebun itu seluas 38 ha di Bogor.")] == [(38, "ha")]


def test_the_rest_counts_what_was_counted_before_and_a_change_ends_in_the_unit_it_starts_in():
    figures = _figures("Dari sembilan pelaku, tujuh orang di antaranya anak-anak, dan dua sisanya orang dewasa. "
                       "Peserta bertambah dari 16 tim menjadi 24 pada tahun itu.")
    assert [(f[1], f[3]) for f in figures] == [(9, "pelaku"), (7, "pelaku"), (2, "pelaku"), (16, "tim"), (24, "tim")]


def test_bilah_classifies_what_it_counts_and_kali_before_servis_counts_services():
    figures = _figures("Polisi menyita 1 bilah senjata tajam. Mobil itu sudah menjalani 16 kali servis berkala.")
    assert [(f[1], f[3]) for f in figures] == [(1, "senjata"), (16, "servis")]


def test_a_bound_before_the_dimension_a_figure_measures_bounds_the_figure():
    figures = _figures("Ponsel itu tahan air hingga kedalaman 2 meter. Tes dilakukan mulai umur 15 tahun. "
                       "Indeks bergerak mendekati level 6.000. Sumur itu sedalam 30 meter.")
    assert [(f[1], f[2]) for f in figures] == [(None, 2), (15, None), (6_000, 6_000), (30, 30)]
    assert [q.attrs["approximate"] for q in find_quantities(_doc("Indeks mendekati level 6.000.")).layer(
        "quantities")] == [True]


def test_a_bare_number_after_nilai_in_standings_counts_points_and_a_capitalised_scale_word_in_a_name_is_none():
    figures = _figures("Tim itu di posisi kelima dengan nilai 20 dari 18 laga. Kami mendukung Program 3 Juta Rumah, "
                       "dan uang sejumlah 15 Ribu Dolar disita.")
    assert [(f[1], f[3]) for f in figures] == [(20, "nilai"), (18, "laga"), (15_000, "dolar")]


def test_a_cap_holds_for_its_alternative_in_another_unit_and_a_period_after_a_classifier_is_not_counted():
    figures = _figures("Baterai digaransi sampai 8 tahun atau 160.000 kilometer. Tenaga hingga 121 PS atau 119 Tk. "
                       "Pabrik itu membuat sekitar 6.700 unit sehari.")
    assert [(f[1], f[2], f[3]) for f in figures] == [(None, 8, "tahun"), (None, 160_000, "km"), (None, 121, "ps"),
                                                     (119, 119, "tk"), (6_700, 6_700, "unit")]
    assert [f[3] for f in _figures("Bank sentral memangkas bunga 10 basis points.")] == ["bps"]

REAL_KOMPAS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "real" / "kompas-2025-dev.jsonl"


@pytest.mark.skipif(not REAL_KOMPAS.is_file(), reason="the real Kompas sample (../shared/corpus/real) is absent")
def test_every_time_match_in_real_news_holds_one_of_its_cues() -> None:
    """A pattern is not run on a text without any of its cues: that must never drop a match."""
    texts = [json.loads(line)["text"] for line in REAL_KOMPAS.read_text("utf-8").splitlines()[:150]]
    texts.append("Pukul 9 WIB, pk. 14.00, Selasa (2/9/2025), 8 hingga 13 Oktober, sepekan terakhir, dua hari lalu, kemarin")
    checked = 0
    for kind, pattern, cues in _patterns():
        for text in texts:
            for match in pattern.finditer(text, case_folded(text)):
                checked += 1
                assert not cues or any(cue in case_folded(match.group(0)) for cue in cues), (kind, match.group(0))
    assert checked > 1000


@pytest.mark.parametrize("odd, plain", [
    ("senilai Uſ 2,9 juta Dollar", "senilai US 2,9 juta Dollar"),  # a long s, which re.IGNORECASE takes for "s"
    ("Pulisic uſ 2 gol", "Pulisic us 2 gol"),
])
def test_a_money_prefix_with_a_letter_the_pattern_takes_for_an_ascii_one_reads_as_that_prefix(odd: str, plain: str):
    assert [found[1:] for found in _figures(odd)] == [found[1:] for found in _figures(plain)]


def test_an_age_in_brackets_glued_to_a_name_is_an_age_while_one_glued_to_a_number_or_ayat_is_a_subsection():
    figures = _figures("Pemakai yakni AR alias Maman (40), JP alias Joko(34). Ia dijerat Pasal 114 ayat(1) dan Section 17(2).")
    assert [(f[1], f[4]) for f in figures] == [(40, "age"), (34, "age")]


def test_an_area_in_square_miles_or_feet_keeps_its_whole_unit():
    figures = _figures("Peternakan seluas 100 mil persegi, dengan pondok seluas 33.000 kaki persegi dan air terjun sedalam 12 mil.")
    assert [(f[1], f[3]) for f in figures] == [(100, "mil-persegi"), (33000, "kaki-persegi"), (12, "mil")]


def test_a_year_joined_by_dan_or_atau_to_a_count_opens_no_range():
    figures = _figures("Sapi bakalan masuk 473.025 ekor pada 2017 dan 353.790 ekor pada 2018. Pemerintah menyiapkan "
                       "100.000 formasi CPNS 2019 dan 100.000 formasi PPPK. Peserta mendaftar pada 11 Juli 2025 atau "
                       "49,2 persen dari total.")
    assert [(f[1], f[3]) for f in figures] == [(473025, "ekor"), (353790, "ekor"), (100000, "formasi"),
                                               (100000, "formasi"), (49.2, "persen")]


def test_an_approximator_reaches_over_ada():
    figures = find_quantities(_doc("Tahun ini sedikitnya ada 20 UKM yang dipilih. Yang kita tindak kurang lebih ada 30 "
                                   "kendaraan.")).layer("quantities")
    assert [(f.attrs["min"], f.attrs["max"], f.attrs["approximate"]) for f in figures] == [(20, None, False),
                                                                                           (30, 30, True)]


@pytest.mark.parametrize("text", [
    "1 sdt garam,½ sdt merica,1½ sdm gula pasir,¼ sdt pala,¾ sdt jahe",
    "1 sdt garam,¬Ω sdt merica,1¬Ω sdm gula pasir,¬º sdt pala,¬æ sdt jahe",  # as a dump that read UTF-8 as Mac Roman
])
def test_a_fraction_written_as_one_sign_is_a_figure(text: str):
    assert [(f[1], f[3]) for f in _figures(text)] == [(1, "sendok-teh"), (0.5, "sendok-teh"), (1.5, "sendok-makan"),
                                                      (0.25, "sendok-teh"), (0.75, "sendok-teh")]


def test_restaurants_and_flight_groups_are_counted_whole():
    figures = _figures("Ada 240 rumah makan. Jemaah diangkut 529 kelompok terbang dari 13 embarkasi.")
    assert [(f[1], f[3]) for f in figures] == [(240, "rumah-makan"), (529, "kelompok-terbang"), (13, "embarkasi")]


def test_a_recipes_numbered_group_of_ingredients_is_no_figure_but_a_measure_after_it_or_a_count_below_it_is():
    figures = _figures("Haluskan bahan 2. Tumis bumbu bahan 2, aduk sesaat. Campur bahan 2 kg tepung.\n\nBahan\n\n"
                       "1 bungkus roti")
    assert [(f[1], f[3]) for f in figures] == [(2, "kg"), (1, "bungkus")]


def test_a_numbered_item_after_an_amounts_comma_is_no_decimal():
    figures = _figures("Rinciannya :,1. Tunjangan keluarga Rp420.000,2. Uang representasi Rp3 juta,3. Uang paket "
                       "Rp300.000,4. Tunjangan jabatan Rp4,3 juta,5. Tunjangan beras Rp153.920.")
    assert [(f[1], f[3]) for f in figures] == [(420000, "rupiah"), (3000000, "rupiah"), (300000, "rupiah"),
                                               (4300000, "rupiah"), (153920, "rupiah")]


def test_an_index_level_closing_a_sentence_keeps_its_decimals():
    assert [f[1] for f in _figures("IHSG naik 0,14% ke level 27.219,52. Indeks S&P 500 turun.")][:2] == [0.14, 27219.52]


def test_a_bare_amount_in_a_money_scale_takes_the_currency_named_before():
    figures = _figures("Pinjaman mulai Rp500 juta hingga Rp1 miliar per anggota. \"Engga mungkin puluhan juta, kalau "
                       "ratusan juta,\" katanya.")
    assert [(f[1], f[2], f[3]) for f in figures] == [(5e8, 1e9, "rupiah"), (2e7, 99999999, "rupiah"),
                                                     (2e8, 999999999, "rupiah")]


def test_a_bare_amount_far_from_any_money_or_before_a_word_stays_bare():
    assert [f[3] for f in _figures("Harga naik Rp5.000. Lalu kota itu dihuni 20 ribu orang. Di Jawa 3 juta.")] == \
        ["rupiah", "orang", None]
    assert [f[3] for f in _figures("Suap Rp1 miliar. Ia menerima 1,2 juta Euro.")] == ["rupiah", None]


def test_an_article_after_juncto_is_no_figure():
    assert _figures("Ia didakwa dengan Pasal 1 ayat 1 UU Darurat juncto 56 ayat 1 KUHP dan menguasai empat senjata.") \
        == [("empat senjata", 4, 4, "senjata", "amount")]


def test_a_mojibake_sign_of_another_case_is_no_fraction():
    """"¬Æ" is how a dump that read UTF-8 as Mac Roman writes "®"; only "¬æ" is "¾"."""
    assert quantities.parse_value("¬Æ", english=False) is None
    assert _figures("Oli mesin Castrol ¬Æ liter baru dijual di bengkel.") == []
    assert [(f[1], f[3]) for f in _figures("Tambahkan ¬æ sdt jahe.")] == [(0.75, "sendok-teh")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Minum seperempat liter air setiap pagi.", [("seperempat liter", 0.25, 0.25, "liter", "amount")]),
    ("Antrean itu memakan waktu sepertiga jam.", [("sepertiga jam", 1 / 3, 1 / 3, "jam", "duration")]),
    ("Rapat berlangsung separuh hari.", [("separuh hari", 0.5, 0.5, "hari", "duration")]),
])
def test_a_fraction_word_before_a_measure_or_a_length_of_time_is_a_figure(text: str, expected: list):
    assert _figures(text) == expected


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Pengisian dayanya minimal 11-12 jam.", 11, None),
    ("Lakukan gerakan ini setidaknya 3-4 kali sehari.", 3, None),
    ("Jangan merendam wajah lebih dari 10-15 menit.", 10, None),
    ("Risiko kanker paru meningkat hingga 20-30 persen.", None, 30),
    ("Biayanya maksimal Rp7.000-10.000 per kilometer.", None, 10000),
    ("Biayanya sekitar Rp7.000-10.000 per kilometer.", 7000, 10000),
    ("Kontraknya lebih dari Rp 1 miliar hingga Rp 2 miliar.", 1e9, 2e9),
    ("Suhu di wilayah penyangga mulai dari 21-35 derajat.", 21, 35),
])
def test_a_bound_before_a_range_written_with_a_dash_bounds_the_whole_range(text: str, low, high):
    """"Minimal 11-12 jam" is a floor at 11; a range written with a word keeps both ends, the bound said of its
    low end only."""
    assert [(f[1], f[2]) for f in _figures(text)] == [(low, high)]


def test_a_name_right_before_years_that_end_the_clause_is_an_age():
    figures = _figures("Ia punya enam anak yang beranjak remaja: Maddox 18 tahun, Pax Thien 15 tahun, dan Knox 11 tahun.")
    assert [(f[0], f[4]) for f in figures] == [("enam anak", "amount"), ("18 tahun", "age"), ("15 tahun", "age"),
                                                ("11 tahun", "age")]
    assert [f[4] for f in _figures("Ia tinggal di Bandung 5 tahun lebih lama dari kakaknya.")] == ["duration"]
    assert [f[4] for f in _figures("Ia memberi informasi kepada Washington lebih dari 10 tahun.")] == ["duration"]
    assert [f[4] for f in _figures("Mereka minta pembebasan tanah sama FS-nya dua tahun.")] == ["duration"]


@pytest.mark.parametrize("text", [
    "Ia tinggal di Bandung 5 tahun.",
    "Ia dipenjara di Nusakambangan 10 tahun, lalu bebas.",
    "Ia memperkuat Barcelona 17 tahun, lalu pindah.",
])
def test_years_after_a_place_or_a_club_are_a_length_of_time(text: str):
    """After a preposition or a verb, a capitalised word before "N tahun" is what the time was spent in."""
    assert [f[4] for f in _figures(text)] == ["duration"]


def test_a_spoken_particle_after_a_figure_is_not_what_it_counts():
    assert [f[3] for f in _figures("Kalau gak salah 7 deh.")] == [None]
    assert [f[3] for f in _figures("Yang datang cuma 5 dong, bukan 50.")] == [None, None]


def test_orang_after_voters_named_before_counts_the_voters():
    assert [f[3] for f in _figures("Film itu mendapat rating tinggi dengan pemilih sebanyak 1.365 orang.")] == ["pemilih"]


def test_a_noun_that_a_figure_right_before_counts_is_not_named_for_the_next():
    """"1.000 gram mencapai 724,6 juta": the grams are the weight's; the price takes the money of its sentences."""
    figures = _figures("Harga emas batangan 500 gram Rp 351,8 juta. Adapun harga emas batangan 1.000 gram mencapai "
                       "724,6 juta.")
    assert [(f[1], f[3]) for f in figures] == [(500, "gram"), (351.8e6, "rupiah"), (1000, "gram"), (724.6e6, "rupiah")]
    assert [f[3] for f in _figures("Polisi menyita SIM sebanyak 754.")] == ["sim"]
    assert [f[3] for f in _figures("Arab Saudi memberi kuota, yang pada 2025 kuotanya sebanyak 221.000.")] == ["kuotanya"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Johnson gagal memperoleh mayoritas dua pertiga untuk lolos.", []),
    ("Dua pertiganya merupakan es dan salju.", []),
    ("Perjalanan itu memakan waktu tiga perempat jam.", [("tiga perempat jam", 0.75, 0.75, "jam", "duration")]),
])
def test_a_number_before_a_denominator_word_is_a_fraction(text: str, expected: list):
    """"dua pertiga" is two thirds: of a measure or a length of time a figure in it, of anything else a share."""
    assert _figures(text) == expected


@pytest.mark.parametrize(("text", "units"), [
    ("Rapat akan menyisir satu persatu pasal itu.", []),
    ("Ini satu satunya pesawat di dunia.", []),
    ("Hingga kini telah ada 5 bakal calon yang mengambil formulir.", ["calon"]),
    ("Metode pembagian KIA ada 2 yakni secara massal dan mandiri.", [None]),
    ("Yang boleh diakses hanya tiga yaitu kamera, mik, dan lokasi.", [None]),
    ("Sekadar informasi, tujuh adalah bilangan prima.", []),
    ("Ginting takluk dua set langsung dari Kodai Naraoka.", ["set"]),
    ("Pasokannya hanya 16 juta BTC, bukan 21 juta seperti yang sering disebut.", ["btc", "btc"]),
    ("Ia membantah memberikan uang 15 ribu kepada tersangka.", [None]),
])
def test_function_words_and_idioms_after_a_number_count_nothing(text: str, units: list):
    assert [f[3] for f in _figures(text)] == units


@pytest.mark.parametrize("text", [
    "Syaratnya sebagai berikut: 1) Adanya Lembaga Pemeriksa Halal; 2) Tersedianya auditor halal; 3) Kerja sama.",
    "Mereka adalah: (1) SMK Telkom Purwokerto, (2) SMK Negeri Semarang, dan (3) SMK Negeri Jepara.",
    "Hal itu merupakan perwujudan Pasal 31 ayat (1) dan (3) Undang-Undang Nomor 6 Tahun 2014.",
    "Dul dijerat dengan pasal 310 ayat (2), (3), dan (4) UU Lalu Lintas.",
])
def test_numbers_of_list_items_and_subsections_in_brackets_are_no_figures(text: str):
    assert [f for f in _figures(text) if f[3] is None] == []


@pytest.mark.parametrize("text", [
    "Negara-negara ASEAN menghadapi era revolusi industri 4.0 saat ini.",
    "Yasonna berharap hadirnya era society 5.0 membantu manusia.",
])
def test_a_generation_written_with_a_point_and_one_zero_is_no_figure(text: str):
    """"industri 4.0": a dot before a single zero is neither a group of thousands nor an Indonesian decimal."""
    assert _figures(text) == []
    assert [f[1] for f in _figures("Inflasi tahun ini 4,0 persen.")] == [4.0]


def test_a_magnitude_written_with_a_point_and_one_zero_is_a_figure():
    """A prefix before "5.0" says what it measures, as a unit after it does: no generation's name."""
    assert [(f[1], f[3]) for f in _figures("Gempa magnitudo 5.0 mengguncang Lombok.")] == [(5.0, "magnitudo")]


def test_an_hour_after_jam_is_a_time_of_day_not_a_figure():
    assert _figures('"Saya datang jam 11, Pak Jokowi datang sesudahnya," katanya.') == []
    assert [f[0] for f in _figures("Layanan buka 24 jam 7 hari seminggu.")] == ["24 jam", "7 hari"]


def test_men_are_counted_as_people_like_women():
    """"35 laki-laki dan 40 perempuan": "laki-laki" reduplicated reads as "laki", a head count as "perempuan" is."""
    assert [f[3] for f in _figures("Siswanya terdiri dari 35 laki-laki dan 40 perempuan.")] == ["orang", "orang"]


@pytest.mark.parametrize("text", [
    # a fraction word of a whole is a share
    "PHR menghasilkan sepertiga dari total produksi minyak.",
    "Seperempat penduduk desa itu bekerja di kota.",
    "Separuh dukungan partai mengalir ke calon itu.",
    # goals' minutes, the minute mark also as a dump that read UTF-8 as Mac Roman writes "’", each of a list
    "Juventus unggul melalui aksi Danilo (16’), Gonzalo Higuain (19’) dan Cristiano Ronaldo (62’).",
    "Juventus unggul melalui aksi Danilo (16‚Äô), Gonzalo Higuain (19‚Äô) dan Cristiano Ronaldo (62‚Äô).",
    "Gol Belanda dicetak oleh Ryan Babel (17‚Äô dan 47‚Äô) serta Bagus Kahfi (13‚Äô, 25‚Äô dan 42‚Äô).",
    # numbers after an identifier word, and listed after it
    "Kontainer melintang di lajur 1 dan lajur 2 tol itu.",
    "Penempatan pejabat eselon 1 dan 2 di kementerian dan lembaga.",
    "Jemaah pulang dengan kloter 61, 64, 67 dan 68.",
    "Tarif cukai SKM golongan 2 layer 1 naik.",
])
def test_numbers_that_are_no_figures(text: str):
    assert _figures(text) == []


@pytest.mark.parametrize(("text", "counted"), [
    ("Di kelas 3, 12 murid tidak hadir.", ("12 murid", "murid")),
    ("Di RT 05, 40 KK terdampak banjir.", ("40 KK", "kk")),
])
def test_a_count_after_an_identifier_and_a_comma_is_a_figure(text: str, counted: tuple):
    """A comma alone after "kelas 3" may close the phrase: a number counting a noun after it is no list item."""
    assert [(f[0], f[3]) for f in _figures(text)] == [counted]


@pytest.mark.parametrize(("text", "age"), [
    ("Pelanggar usia 41-45 sebanyak 100 orang.", (41, 45)),
    ("Penerima bantuan berusia 60-65 mendapat prioritas.", (60, 65)),
])
def test_a_dashed_range_right_after_an_age_cue_is_an_age_in_years(text: str, age: tuple):
    """"usia 41-45" in a table of offenders by age: the range is the age, its years left unsaid as "usia 31" is."""
    assert [(f[1], f[2], f[3], f[4]) for f in _figures(text)][0] == (*age, "tahun", "age")


@pytest.mark.parametrize(("text", "unit"), [
    ("Polisi menangkap 6 orang pengedar dan 3 orang pemakai.", ["pengedar", "pemakai"]),
    ("Sebanyak 3 orang pengguna ikut diperiksa.", ["pengguna"]),
    ("Lima orang pimpinan KPK terpilih malam itu.", ["pimpinan"]),
    ("Dari 121 orang jamaah asal Morowali, semuanya selamat.", ["jamaah"]),
    ("Dari 10 calon yang divoting, ada tiga orang yang tak dipilih.", ["calon", "calon"]),
])
def test_orang_counts_dealers_users_leaders_candidates_and_pilgrims(text: str, unit: list):
    assert [f[3] for f in _figures(text)] == unit


def test_a_bare_age_after_its_cue_leaves_the_next_count_whole():
    assert [(f[0], f[3]) for f in _figures("Pelanggar usia 31 sebanyak 100 pelanggar.")] == [
        ("31", "tahun"), ("sebanyak 100 pelanggar", "pelanggar")]
    assert [f[0] for f in _figures("Beliau itu sudah berusia 80-an. Otaknya masih jalan.")] == ["80-an"]


@pytest.mark.parametrize(("text", "unit"), [
    ("Mereka terdiri dari petugas yang menyertai jamaah sebanyak 2.645 orang.", "petugas"),
    ("Warga yang menjadi korban banjir mencapai 10 orang.", "korban"),
])
def test_people_named_in_a_relative_clause_are_counted_only_after_a_copula(text: str, unit: str):
    assert [f[3] for f in _figures(text)] == [unit]


@pytest.mark.parametrize(("text", "approximate"), [
    ("Harga dasarnya berkisar 262.963 poundsterling.", True),
    ("Kecepatan kendaraan berkisar 10 kilometer per jam.", True),
    ("Denda yang diberikan biasanya berkisar Rp150 ribu - Rp200 ribu.", False),
    ("Dana segar yang diperoleh berkisar Rp126 miliar hingga Rp150 miliar.", False),
    ("Titik panas berpotensi terbakar berkisar 81-100 persen.", False),
])
def test_berkisar_makes_one_figure_approximate_and_leaves_a_range_exact(text: str, approximate: bool):
    [figure] = find_quantities(_doc(text)).layer("quantities")
    assert figure.attrs["approximate"] is approximate


@pytest.mark.parametrize(("text", "unit"), [
    ("DPR memilih dari 10 orang capim yang lolos.", "capim"),
    ("Habibie memiliki enam orang cucu.", "cucu"),
    ("KPK kehilangan lima orang komisioner.", "komisioner"),
    ("Sebanyak tiga orang prajurit terluka.", "tentara"),
])
def test_orang_before_a_lower_case_noun_for_people_or_its_synonym_counts_it(text: str, unit: str):
    assert [f[3] for f in _figures(text)] == [unit]


def test_paling_singkat_and_paling_cepat_are_floors_as_paling_lama_is_a_cap():
    figures = _figures("Tersangka diancam pidana penjara paling singkat 5 tahun dan paling lama 20 tahun.")
    assert [(f[1], f[2]) for f in figures] == [(5, None), (None, 20)]
    assert [(f[1], f[2]) for f in _figures("Prosesnya paling cepat 2 minggu.")] == [(2, None)]


def test_the_full_stop_of_an_abbreviation_does_not_end_the_sentence_people_are_named_in():
    figures = _figures("Dari 121 orang jamaah asal Kab. Morowali, 120 orang telah tiba dengan selamat.")
    assert [f[3] for f in figures] == ["jamaah", "jamaah"]


@pytest.mark.parametrize(("text", "seconds"), [
    ("Ia mencatat waktu 1 menit 32.775 detik di sesi kedua.", 32.775),  # the point of an English writer
    ("Ia mencatat waktu 1 menit 32,775 detik di sesi kedua.", 32.775),
    ("Lagu itu berdurasi 3 menit 45 detik.", 45),
    ("Mesin itu berputar 1.500 detik tanpa henti.", 1500),  # no minutes before it: thousands
])
def test_seconds_after_minutes_are_fewer_than_a_minute(text: str, seconds: float):
    assert [f[1] for f in _figures(text) if f[3] == "detik"] == [seconds]
