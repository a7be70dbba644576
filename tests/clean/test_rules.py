"""Cleaning rules on pages written for these tests, in the styles of several Indonesian outlets."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kabar.clean import TemplateIndex, clean
from kabar.clean.dates import parse_printed_date
from kabar.clean.language import detect_language
from kabar.errors import NoArticleError
from kabar.model import RawDocument

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def _raw(text: str, media_type: str = "text/plain", url: str | None = None) -> RawDocument:
    return RawDocument("t", text.encode(), text, media_type, url)


DETIK_STYLE = """Banjir Rob Rendam Permukiman Warga di Pesisir Semarang
Andi Saputra - detikJateng
Selasa, 12 Nov 2024 09:41 WIB
Foto: Genangan rob di Kecamatan Semarang Utara (Andi Saputra/detikJateng)
ADVERTISEMENT
SCROLL TO CONTINUE WITH CONTENT
Semarang - Banjir rob kembali merendam ratusan rumah di pesisir utara Semarang sejak Senin malam. Air laut pasang masuk ke permukiman hingga setinggi lutut orang dewasa.
"Airnya naik sejak pukul sembilan malam dan belum surut sampai pagi ini," kata Suparmi, warga Tanjung Mas, kepada wartawan.
Baca juga: Warga Keluhkan Jalan Rusak di Jalur Pantura
Badan Meteorologi memperkirakan pasang tinggi masih akan terjadi hingga akhir pekan, sehingga warga diminta tetap waspada.
(ams/ams)
Simak Video "Rob Terjang Pesisir Utara Jawa"
Halaman 2
"""

TEMPO_STYLE_HTML = """<html><head><title>DPR Sahkan RUU Anggaran 2025 | tempo.co</title>
<meta property="article:published_time" content="2024-09-19T14:30:00+07:00">
<meta property="og:site_name" content="Tempo"></head><body>
<header><nav><a href="/">Nasional</a><a href="/">Bisnis</a></nav></header>
<div class="detail"><h1>DPR Sahkan RUU Anggaran 2025</h1>
<p class="author">Penulis: Dewi Anggraini</p>
<p><b>TEMPO.CO</b>, Jakarta - Dewan Perwakilan Rakyat mengesahkan rancangan undang-undang anggaran tahun depan dalam rapat paripurna pada Kamis siang.</p>
<p>Seluruh fraksi menyetujui rancangan tersebut setelah pembahasan yang berlangsung hampir tiga bulan di badan anggaran.</p>
<div class="related"><a href="/a">Pilihan Editor: Harga Beras Naik Lagi</a></div>
<p>Pemerintah menyatakan akan segera menerbitkan aturan turunan agar anggaran dapat dicairkan awal tahun.</p>
</div><footer><p>Copyright 2024 Tempo</p></footer></body></html>"""


def test_detik_style_scrape():
    article = clean(_raw(DETIK_STYLE), "t")
    assert article.title == "Banjir Rob Rendam Permukiman Warga di Pesisir Semarang"
    assert article.published == datetime(2024, 11, 12, 9, 41, tzinfo=timezone(timedelta(hours=7)))
    assert article.text.startswith("Semarang - Banjir rob")
    assert article.text.endswith("tetap waspada.")
    assert len(article.paragraphs) == 3
    removed = " ".join(r.text for r in article.removed)
    for noise in ("ADVERTISEMENT", "Baca juga", "(ams/ams)", "Halaman 2", "Foto: Genangan"):
        assert noise in removed


def test_tempo_style_html_page():
    article = clean(_raw(TEMPO_STYLE_HTML, "text/html"), "t")
    assert article.title == "DPR Sahkan RUU Anggaran 2025"
    assert article.outlet == "Tempo"
    assert article.author == "Dewi Anggraini"
    assert article.published.isoformat() == "2024-09-19T14:30:00+07:00"
    assert article.dateline == "Jakarta"
    assert "Pilihan Editor" not in article.text and "Nasional" not in article.text
    assert article.text.endswith("awal tahun.")


def test_sub_headings_are_kept_as_headings():
    text = ("Pemerintah daerah mulai membagikan bantuan pangan kepada warga yang terdampak kekeringan panjang tahun ini.\n"
            "Antrean Panjang di Balai Desa\n"
            "Ratusan warga sudah mengantre sejak pagi untuk menerima beras dan minyak goreng dari petugas kecamatan.")
    article = clean(_raw(text), "t")
    assert [p.kind for p in article.paragraphs] == ["body", "heading", "body"]


def test_a_page_of_menus_only_has_no_article():
    with pytest.raises(NoArticleError):
        clean(_raw("Beranda\nNasional\nBERITA TERKAIT\nTERPOPULER\nKontak"), "t")


def test_lines_repeated_across_an_outlets_pages_are_template():
    bodies = [
        "Petani di Karawang mulai menanam padi setelah hujan pertama turun pekan ini di banyak desa.",
        "Harga cabai di pasar tradisional Bandung turun tajam karena pasokan dari daerah sentra melimpah.",
        "Pemerintah kota menambah armada bus sekolah gratis untuk menjangkau siswa di pinggiran kota.",
    ]
    promo = "Dukung jurnalisme warga dengan berlangganan edisi cetak kami mulai hari ini juga sekarang."
    raws = [RawDocument(f"p{i}", b.encode(), f"{b}\n{promo}", "text/plain", f"https://warta.example/{i}")
            for i, b in enumerate(bodies)]
    templates = TemplateIndex.from_pages(raws)
    article = clean(raws[0], "t", templates)
    assert promo not in article.text
    assert any("template" in r.reason for r in article.removed)
    assert promo in clean(raws[0], "t").text  # without the other pages the line looks like prose


@pytest.mark.parametrize(
    ("line", "iso", "is_update"),
    [
        ("Sabtu, 19 Oktober 2024 | 17:00 WIB", "2024-10-19T17:00:00+07:00", False),
        ("12 - Nov - 2024, 04:00", "2024-11-12T04:00:00+07:00", False),
        ("Diperbarui: 30 Oktober 2024 12:09", "2024-10-30T12:09:00+07:00", True),
        ("Kamis, 7 Nov 2024 08:15 WITA", "2024-11-07T08:15:00+08:00", False),
        ("Jumat, 1 Maret 2024 - 20:30 WIT", "2024-03-01T20:30:00+09:00", False),
        ("Senin (21/10/2024)", "2024-10-21T00:00:00", False),
        ("November 12, 2024 6:40 PM", "2024-11-12T18:40:00+07:00", False),
    ],
)
def test_printed_dates(line: str, iso: str, is_update: bool):
    printed = parse_printed_date(line)
    assert printed is not None and printed.value.isoformat() == iso and printed.is_update == is_update


@given(st.dates(min_value=datetime(1990, 1, 1).date(), max_value=datetime(2089, 12, 31).date()),
       st.integers(0, 23), st.integers(0, 59), st.sampled_from(["WIB", "WITA", "WIT"]))
def test_any_indonesian_date_line_reads_back(day, hour, minute, zone):
    line = f"{DAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year} | {hour:02d}:{minute:02d} {zone}"
    printed = parse_printed_date(line)
    offset = {"WIB": 7, "WITA": 8, "WIT": 9}[zone]
    assert printed.value == datetime(day.year, day.month, day.day, hour, minute,
                                     tzinfo=timezone(timedelta(hours=offset)))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Pemerintah mengatakan bahwa harga beras akan turun setelah panen raya karena pasokan bertambah.", "id"),
        ("Kerajaan berkata harga beras akan turun selepas musim menuai kerana bekalan bertambah, kata kenyataan itu.",
         "ms"),
        ("The government said that rice prices would fall after the harvest because supply has increased.", "en"),
    ],
)
def test_language(text: str, language: str):
    assert detect_language(text) == language


def test_lead_paragraph_dense_with_names_is_kept_for_its_dateline():
    scrape = (
        "Polda Tahan Direktur PT Sinar Laut Abadi dalam Kasus Solar Ilegal\n\n"
        "Kamis, 14 November 2024 | 09:10 WIB\nPenulis: Rudi Hartono\n\n"
        "MEDAN, KABARSUMUT.COM - Direktorat Reserse Kriminal Khusus Polda Sumatera Utara (Ditreskrimsus) "
        "menahan Direktur Utama PT Sinar Laut Abadi (SLA), Johan Sitepu, tersangka penimbunan solar "
        "bersubsidi periode 2022-2023.\n\n"
        "Kepala bidang humas polda mengatakan penyidik menyita dua truk tangki dan dokumen pembelian "
        "yang tidak sesuai dengan kuota perusahaan tersebut.\n\nEditor: Sari Lubis\n"
    )
    article = clean(_raw(scrape), "m")
    assert article.text.startswith("MEDAN, KABARSUMUT.COM - Direktorat Reserse Kriminal Khusus")
    assert article.dateline == "Medan"
    assert not any(r.text.startswith("MEDAN") for r in article.removed)
