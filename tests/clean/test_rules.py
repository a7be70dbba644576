"""Cleaning rules on pages written for these tests, in the styles of several Indonesian outlets."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kabar.clean import clean
from kabar.clean.blocks import text_blocks
from kabar.clean.classify import classify
from kabar.clean.dates import parse_printed_date
from kabar.clean.language import detect_language
from kabar.errors import NoArticleError
from kabar.model import RawDocument

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def _raw(text: str, media_type: str = "text/plain", url: str | None = None) -> RawDocument:
    return RawDocument("t", text.encode(), text, media_type, url)


def _clean_under_title(title: str, text: str):  # noqa: ANN202 - the cleaner's Article
    """Plain text whose record gives its title, as a dump's JSONL line does."""
    return clean(RawDocument("t", b"", text, "text/plain", hints={"title": title}), "t")


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


def test_a_page_of_menus_only_has_no_article_and_the_reason_shows_what_was_removed():
    with pytest.raises(NoArticleError, match=r"5 removed, e\.g\. 'Beranda': ") as raised:
        clean(_raw("Beranda\nNasional\nBERITA TERKAIT\nTERPOPULER\nKontak"), "t")
    assert "\n" not in str(raised.value)


def test_a_page_of_scripts_only_says_it_holds_no_visible_text():
    page = "<html><head><script>var a = 1;</script></head><body><script>muat();</script></body></html>"
    with pytest.raises(NoArticleError, match="no visible text"):
        clean(RawDocument("halaman.html", page.encode(), page, "text/html"), "t")


def test_an_input_is_cleaned_the_same_whatever_arrives_with_it(tmp_path):
    from kabar.pipeline import ingest
    from kabar.store import Store

    bodies = [
        "Petani di Karawang mulai menanam padi setelah hujan pertama turun pekan ini di banyak desa.",
        "Harga cabai di pasar tradisional Bandung turun tajam karena pasokan dari daerah sentra melimpah.",
        "Pemerintah kota menambah armada bus sekolah gratis untuk menjangkau siswa di pinggiran kota.",
    ]
    promo = "Dukung jurnalisme warga dengan berlangganan edisi cetak kami mulai hari ini juga sekarang."
    for i, body in enumerate(bodies):
        (tmp_path / f"p{i}.txt").write_text(f"{body}\n{promo}", "utf-8")
    texts = {}
    for batch_size in (1, 3):
        store = Store(tmp_path / f"batch{batch_size}.sqlite")
        ingest([str(tmp_path / f"p{i}.txt") for i in range(3)], store, batch_size=batch_size)
        texts[batch_size] = sorted(a.text for a in store.articles())
    assert texts[1] == texts[3]
    assert len(texts[1]) == 3


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


ROUND_UP = """Lima Berita Terpopuler Pekan Ini
Berikut lima berita yang paling banyak dibaca pembaca kami sepanjang pekan ini, dirangkum oleh tim redaksi.
1. Harga beras naik di sejumlah pasar
Harga beras medium di pasar tradisional naik dua ribu rupiah per kilogram sejak awal pekan karena pasokan berkurang.
Baca selengkapnya di sini.
2. Jalan tol baru dibuka
Ruas jalan tol sepanjang dua puluh kilometer mulai dibuka untuk umum pada Senin pagi setelah diresmikan pemerintah.
Baca selengkapnya di sini.
3. Banjir rob di pesisir
Banjir rob merendam ratusan rumah di pesisir utara setelah air laut pasang lebih tinggi dari biasanya pekan ini.
Baca selengkapnya di sini.
"""

LISTS_AND_SHORT_LINES = """Warga Diminta Siapkan Dokumen Bantuan
Pemerintah kabupaten meminta warga yang ingin menerima bantuan perumahan menyiapkan sejumlah dokumen sejak sekarang.
Berikut dokumen yang perlu disiapkan:
1. Kartu tanda penduduk
2. Kartu keluarga
3. Surat keterangan tidak mampu
"Kami akan cek satu per satu," ujar Budi.
Petugas kecamatan akan memeriksa kelengkapan dokumen sebelum bantuan disalurkan kepada warga pada bulan depan.
Jadwal pemeriksaan
Pemeriksaan dilakukan bergiliran di setiap desa dan warga diminta datang sesuai jadwal yang diumumkan kepala desa.
Besaran bantuan per kecamatan:
Kecamatan Utara: 120 rumah
Kecamatan Selatan: 95 rumah
Kecamatan Timur: 60 rumah
"""


def test_a_round_up_is_kept_whole_with_the_read_more_link_after_each_item():
    article = clean(_raw(ROUND_UP), "t")
    assert [article.text[p.start : p.end] for p in article.paragraphs] == ROUND_UP.strip().splitlines()[1:]


def test_a_round_ups_last_item_without_its_link_is_kept_whole():
    last_item = ["4. Harga cabai turun", "Harga cabai rawit di pasar induk turun tajam setelah panen raya di sejumlah "
                 "daerah sentra produksi.", "Pedagang berharap harga kembali stabil menjelang akhir bulan ini."]
    article = clean(_raw(ROUND_UP + "\n".join(last_item)), "t")
    assert [article.text[p.start : p.end] for p in article.paragraphs] == \
        ROUND_UP.strip().splitlines()[1:] + last_item


def test_a_read_more_line_printed_once_still_ends_the_article():
    text = ROUND_UP.split("2. Jalan tol")[0] + "Tulis komentar Anda di bawah ini dan bagikan artikel ini kepada teman.\n"
    article = clean(_raw(text), "t")
    assert article.text.endswith("karena pasokan berkurang.")
    assert {r.text: r.reason for r in article.removed}["Baca selengkapnya di sini."].startswith("boilerplate: truncation")


def test_the_title_repeated_between_paragraphs_heads_a_section():
    title = "Dari Mana Saja Indonesia Mengimpor Beras?"
    lines = ["Indonesia masih mengimpor beras dari sejumlah negara untuk menjaga cadangan pangan pemerintah tahun ini.",
             "Volume impor tahun lalu mencapai lebih dari tiga juta ton menurut data badan statistik.",
             "Dari mana saja Indonesia mengimpor beras",
             "Thailand dan Vietnam menjadi pemasok terbesar karena jaraknya dekat dan harganya bersaing di pasar."]
    article = _clean_under_title(title, "\n".join([title, *lines]))
    assert [article.text[p.start : p.end] for p in article.paragraphs] == lines
    assert [p.kind for p in article.paragraphs] == ["body", "body", "heading", "body"]


def test_an_item_with_slashes_in_a_list_is_no_photo_credit_but_an_outlets_credit_there_is():
    lines = ["Lowongan ini terbuka bagi lulusan dari sejumlah program studi di perguruan tinggi negeri dan swasta.",
             "Program studi yang dapat mendaftar:", "Akuntansi", "Ilmu Ekonomi Islam/Bisnis Islam", "Manajemen",
             "Teknik Informatika/Ilmu Komputer/Sistem Informasi", "Statistika", "Hukum",
             "Pendaftaran dibuka hingga akhir bulan depan melalui laman resmi lembaga tersebut tanpa dipungut biaya.",
             "Pelamar yang lolos seleksi berkas akan mengikuti tes tertulis dan wawancara pada bulan berikutnya.",
             "Lembaga itu mengingatkan pelamar agar berhati-hati terhadap penipuan yang mengatasnamakan panitia."]
    article = clean(_raw("Lowongan Kerja Dibuka untuk Lulusan Baru\n" + "\n".join(lines)), "t")
    assert [article.text[p.start : p.end] for p in article.paragraphs] == lines
    credited = [*lines[:7], "KOMPAS.com/Nama Fotografer", *lines[7:]]
    article = clean(_raw("Lowongan Kerja Dibuka untuk Lulusan Baru\n" + "\n".join(credited)), "t")
    assert [article.text[p.start : p.end] for p in article.paragraphs] == lines


STANDINGS = """Klasemen Sementara Usai Seri Ketujuh
Pebalap tim pabrikan itu kini memimpin klasemen dengan selisih lebih dari lima puluh poin atas rekan setimnya.
Berikut klasemen sementara usai seri ketujuh:
1. Marco Rossi - 181
2. Andrea Bianchi - 150
3. Luca Verdi - 121
Baca juga: Pebalap Muda Itu Akhirnya Naik Podium untuk Pertama Kali
4. Paolo Neri - 98
5. Dario Gallo - 76
6. Enzo Conti - 51
Editor: Nama Redaktur
"""


def test_a_closing_list_goes_on_past_an_insert_between_consecutive_items():
    article = clean(_raw(STANDINGS), "t")
    lines = STANDINGS.strip().splitlines()
    assert [article.text[p.start : p.end] for p in article.paragraphs] == lines[1:6] + lines[7:10]


def test_a_closing_list_of_labels_and_values_goes_on_past_an_insert_and_its_last_item_is_no_heading():
    lines = ["Pemerintah kota akan memperbaiki ratusan rumah yang rusak diterjang angin kencang pada Senin sore.",
             "Menurut data sementara, rumah yang rusak tersebar di empat kelurahan dengan rincian sebagai berikut:",
             "Kelurahan Utara: 137 rumah", "Kelurahan Selatan: 80 rumah", "Kelurahan Barat: 50 rumah",
             "Kelurahan Timur: 99 rumah"]
    promo = "Tulisan ini adalah kiriman dari user, isi tulisan di luar tanggung jawab redaksi kami sepenuhnya."
    text = "\n".join(["Ratusan Rumah Rusak Diterjang Angin Kencang", *lines[:3],
                      "Baca Juga: Warga Gotong Royong Bersihkan Puing Rumah yang Roboh", *lines[3:], promo])
    article = clean(_raw(text), "t")
    assert [article.text[p.start : p.end] for p in article.paragraphs] == lines
    assert all(p.kind == "body" for p in article.paragraphs)


def test_the_items_of_an_announced_list_after_its_last_sentence_like_item_are_kept():
    lines = ["Balapan utama dapat disaksikan melalui siaran langsung televisi nasional mulai pukul tujuh malam.",
             "Jika tidak bisa menonton lewat televisi, penonton dapat membuka tautan siaran berikut ini:",
             "Link 1 (Resmi)", "Link 2 (TV7)", "Link 3 (Sport via Vidio.com)", "Link 4 (UseeTV)"]
    article = clean(_raw("Jadwal Siaran Langsung Balapan Malam Ini\n" + "\n".join(lines)), "t")
    assert [article.text[p.start : p.end] for p in article.paragraphs] == lines


def test_list_items_short_quotes_sub_headings_and_a_closing_list_are_kept():
    article = clean(_raw(LISTS_AND_SHORT_LINES), "t")
    lines = LISTS_AND_SHORT_LINES.strip().splitlines()[1:]
    kept = [article.text[p.start : p.end] for p in article.paragraphs]
    assert kept == lines
    assert [article.text[p.start : p.end] for p in article.paragraphs if p.kind == "heading"] == ["Jadwal pemeriksaan"]


def test_labels_after_the_last_paragraph_are_the_page_tail_not_a_closing_list():
    text = LISTS_AND_SHORT_LINES.strip().rsplit("\n", 4)[0] + "\nTrending Now\nFollow Us\nEditorial Team\n"
    article = clean(_raw(text), "t")
    assert not any(label in article.text for label in ("Trending Now", "Follow Us", "Editorial Team"))


def test_a_short_lead_dense_with_names_is_no_page_header_but_a_head_caption_is():
    title = "Truk Tabrak Lima Kendaraan di Tol Cipularang"
    lines = ["Kecelakaan kembali terjadi di ruas Tol Cipularang.",
             "Sebuah truk bermuatan pasir menabrak lima kendaraan yang sedang melambat di kilometer 92 pada Senin pagi.",
             "Polisi menduga rem truk tersebut blong saat melintasi turunan panjang menjelang jembatan."]
    article = _clean_under_title(title, "\n".join([title, *lines]))
    assert [article.text[p.start : p.end] for p in article.paragraphs] == lines
    captioned = "\n".join([title, "Kendaraan yang ringsek di ruas Tol Cipularang.", "Foto:", "Dok. Polisi", *lines[1:]])
    article = _clean_under_title(title, captioned)
    assert [article.text[p.start : p.end] for p in article.paragraphs] == lines[1:]


def test_a_scrapes_first_line_is_its_title_even_when_it_asks_a_question():
    text = ("Siapa yang Paling Diuntungkan dari Kebijakan Tarif Baru Pemerintah?\n"
            "JAKARTA, KOMPAS.com - Kebijakan tarif baru yang diumumkan pemerintah pekan ini menuai beragam tanggapan.\n"
            "Sejumlah pengusaha menilai kebijakan itu akan menekan biaya produksi dalam jangka pendek dan menengah.")
    article = clean(_raw(text), "t")
    assert article.title.startswith("Siapa yang Paling")
    assert article.text.startswith("JAKARTA, KOMPAS.com")


def test_channel_and_app_promos_of_many_outlets_are_removed():
    body = ("Pemerintah daerah mulai membagikan bantuan pangan kepada warga yang terdampak kekeringan panjang.\n"
            "Bantuan berupa beras dan minyak goreng dibagikan di balai desa mulai pukul delapan pagi.\n")
    promos = ["Dengarkan berita terbaru di podcast Warta Kita setiap pagi.",
              "Cek berita dan artikel lainnya di Google News",
              "Ikuti saluran Warta Kita di WhatsApp agar tidak ketinggalan berita.",
              "Scroll ke bawah untuk melanjutkan membaca",
              "Konten dari Pengguna"]
    article = clean(_raw("Judul Berita Bantuan Pangan Dibagikan\n" + promos[4] + "\n" + body + "\n".join(promos[:4])),
                    "t")
    assert all(promo not in article.text for promo in promos)
    assert article.text.endswith("delapan pagi.")


def test_promos_worded_as_no_cue_words_them_are_removed_by_the_furniture_model_with_a_reason():
    lines = ["Pemerintah kota mulai memperbaiki jalan yang rusak akibat banjir di kawasan utara sejak Senin pagi.",
             "Perbaikan ditargetkan selesai dalam dua pekan dan dikerjakan bergantian agar lalu lintas tetap lancar.",
             "Kepala dinas mengatakan anggaran perbaikan berasal dari dana tak terduga tahun ini."]
    promos = ["Nikmati berita pilihan redaksi Warta Kita tanpa iklan dengan berlangganan hari ini.",
              "Kunjungi laman Wartakita.id untuk membaca kabar terkini lainnya setiap hari."]
    text = "\n".join(["Jalan Rusak Akibat Banjir Mulai Diperbaiki", lines[0], promos[0], lines[1], promos[1], lines[2]])
    article = clean(_raw(text), "t")
    assert [article.text[p.start : p.end] for p in article.paragraphs] == lines
    reasons = {r.text: r.reason for r in article.removed}
    assert all(reasons[promo].startswith("boilerplate: furniture model: p=") for promo in promos)


def test_the_furniture_model_keeps_how_to_steps_list_items_and_quotes():
    lines = ["Cara mengecek status penerima bantuan secara daring cukup mudah dan bisa dilakukan dari rumah.",
             "1. Buka laman resmi kementerian melalui peramban di ponsel.",
             "2. Masukkan nomor induk kependudukan pada kolom yang tersedia.",
             "3. Klik tombol cari dan tunggu hasilnya muncul di layar.",
             "Syarat penerima:",
             "Warga berusia di atas 18 tahun",
             "\"Kami minta warga segera mengecek datanya,\" ujarnya.",
             "Pendaftaran dibuka hingga akhir bulan dan tidak dipungut biaya apa pun oleh petugas di lapangan."]
    article = clean(_raw("Cara Cek Penerima Bantuan Secara Daring\n" + "\n".join(lines)), "t")
    assert [article.text[p.start : p.end] for p in article.paragraphs] == lines


def test_publication_estimate_is_not_pushed_forward_by_coming_dates_or_deadlines():
    from kabar.clean.metadata import estimate_publication

    text = ("BANDUNG, KOMPAS.com - Pemerintah kota meresmikan pasar baru pada Senin (2/6/2025). Tarif retribusi "
            "baru berlaku mulai 1 Juli 2025, dan pedagang diminta mendaftar paling lambat 20 Juni 2025. Pasar "
            "lama ditutup sejak 28 Mei 2025. Revitalisasi tahap dua dijadwalkan pada Februari 2026 mendatang.")
    estimate = estimate_publication(text)
    assert (estimate.earliest, estimate.latest) == ("2025-06-02", "2025-06-03")
    assert "2/6/2025" in estimate.basis and "coming" in estimate.basis


def test_a_month_named_as_coming_gives_no_estimate_from_it():
    from kabar.clean.metadata import estimate_publication

    estimate = estimate_publication("Pembangunan jembatan ditargetkan selesai pada Februari 2026 mendatang, kata "
                                    "kepala dinas. Proyek dimulai sejak awal November 2025.")
    assert estimate.earliest == "2025-11-01" and estimate.latest is None


UNDATED_MARKET_REPORT = ("BANDUNG, KOMPAS.com - Pemerintah kota meresmikan pasar baru pada Senin (2/6/2025). "
                         "Pedagang lama dipindahkan ke gedung baru yang dibangun sejak awal tahun dengan anggaran daerah.")


@pytest.mark.parametrize(("url", "day"), [("https://regional.kompas.com/read/2025/06/03/101500/pasar-baru", "2025-06-03"),
                                          ("https://www.example.co.uk/world/2019/sep/10/market", "2019-09-10")])
def test_an_undated_article_filed_under_a_day_in_its_url_is_dated_by_it(url: str, day: str):
    article = clean(_raw(UNDATED_MARKET_REPORT, url=url), "t")
    assert (article.published_estimate.earliest, article.published_estimate.latest) == (day, day)
    assert day in article.published_estimate.basis and "URL" in article.published_estimate.basis


@pytest.mark.parametrize("url", ["https://example.com/2025/13/02/x", "https://example.com/2025/02/30/x", "http://[bad/2025/06/03/x",
                                 "https://example.com/arsip?hari=/2025/06/03/", "https://example.com/berita/20250603"])
def test_a_url_without_a_real_day_in_its_path_leaves_the_estimate_to_the_text(url: str):
    article = clean(_raw(UNDATED_MARKET_REPORT, url=url), "t")
    assert article.published_estimate.earliest == "2025-06-02" and "URL" not in article.published_estimate.basis


@pytest.mark.parametrize(("lead", "city"), [("BANDUNG KOMPAS.com - Warga berkumpul di alun-alun.", "Bandung"),
                                            ("BANDUNG, KOMPAS.com - Warga berkumpul di alun-alun.", "Bandung"),
                                            ("KOTA BEKASI KOMPAS.com - Warga berkumpul di alun-alun.", "Kota Bekasi")])
def test_datelines_with_and_without_a_comma(lead: str, city: str):
    from kabar.clean.metadata import read_dateline

    dateline = read_dateline(lead, [])
    assert (dateline.outlet, dateline.city) == ("Kompas.com", city)


def test_outlet_from_a_short_link_host():
    from kabar.clean.metadata import outlet_from_url

    assert outlet_from_url("https://kmp.im/plus6") == "Kompas.com"
    assert outlet_from_url("https://nasional.okezone.com/read/2019/09/11/x") == "Okezone"


ENGLISH_REVIEW_PAGE = """<html><head><title>A quiet laptop, reviewed | Gadget Weekly</title></head><body>
<nav><a href="/">Home</a><a href="/reviews">Reviews</a></nav>
<article><h1>A quiet laptop, reviewed</h1>
<p>The new laptop is the quietest machine we have tested this year, and its keyboard finally feels solid.</p>
<h2>Battery</h2>
<p>Battery life reached eleven hours in our video test, two more than the model it replaces on the shelf.</p>
<ul><li>Price: $1,299</li><li>Weight: 1.3 kg</li></ul>
<p>For most readers who type all day, it is the one to buy, unless the heavier gaming model tempts them.</p>
</article>
<section class="comments"><h3>3 Comments</h3>
<p>I bought one last week and the fan never comes on, which is wonderful for recording podcasts at home.</p>
<p>Mine arrived with a scratch on the lid, so check yours carefully before you throw away the box please.</p>
</section>
<aside class="related"><p>Five phones with the best cameras this autumn, ranked by our testers after a month.</p></aside>
<footer><p>Copyright 2024 Gadget Weekly</p></footer></body></html>"""


def test_html_article_text_comes_from_the_main_content_and_the_rest_is_accounted_for():
    article = clean(_raw(ENGLISH_REVIEW_PAGE, "text/html"), "t")
    assert article.text.startswith("The new laptop")
    assert "Price: $1,299" in article.text and "it is the one to buy" in article.text
    assert "Battery" in [article.text[p.start : p.end] for p in article.paragraphs if p.kind == "heading"]
    assert "fan never comes on" not in article.text and "best cameras" not in article.text
    reasons = {r.text[:20]: r.reason for r in article.removed}
    assert any(why in reasons["I bought one last we"] for why in ("main content", "page chrome"))


def test_control_characters_in_a_page_read_as_spaces():
    paragraph = ("Pemerintah kota menyiapkan dua puluh pompa air baru untuk menghadapi musim hujan yang "
                 "diperkirakan datang lebih awal tahun ini, kata kepala dinas kepada wartawan di Semarang.")
    with_control = paragraph.replace(" baru ", " baru\x01")
    page = f"<html><body><article><p>{with_control}</p></article></body></html>"
    assert clean(_raw(page, "text/html"), "t").text == paragraph
    assert clean(_raw(page.replace("\x01", " "), "text/html"), "t").text == paragraph


def test_slashed_names_in_a_running_sentence_are_no_photo_credit():
    lines = ["Pasangan ganda putra itu melaju ke babak perempat final setelah menang dua gim langsung di Istora.",
             "Besok akan menjadi pertemuan perdana Leo/Bagas dengan Rankireddy/Shetty.",
             "Menteri mengatakan pemerintah akan terus memantau efisiensi anggaran kementerian dan lembaga (K/L).",
             "Keduanya berharap bisa menjaga performa hingga partai puncak yang digelar pada akhir pekan nanti."]
    caption = "Suasana pertandingan di Istora Senayan, Jakarta. KOMPAS.com/Nama Fotografer"
    article = clean(_raw("Ganda Putra Melaju ke Perempat Final\n" + "\n".join(lines[:2] + [caption] + lines[2:])), "t")
    assert [article.text[p.start : p.end] for p in article.paragraphs] == lines
    assert any(r.text == caption and r.reason.startswith("caption") for r in article.removed)


def test_the_rules_keep_a_list_announced_with_a_semicolon_at_the_end():
    lines = ["Pemerintah provinsi membuka layanan pengecekan tunggakan pajak kendaraan secara daring selama masa "
             "keringanan denda, sehingga warga tidak perlu antre di kantor pelayanan. Berikut pilihannya;",
             "Laman resmi Bapenda provinsi", "Aplikasi Layanan Warga"]
    text = "Keringanan Denda Pajak Kendaraan Diperpanjang\n" + "\n".join(lines)
    assert [d.block.text for d in classify(text_blocks(text), None) if d.kept] == lines
    ended = text.replace("pilihannya;", "pilihannya.")
    assert [d.block.text for d in classify(text_blocks(ended), None) if d.kept] == [lines[0].replace(";", ".")]


HOW_TO = ["Warga dapat mengecek status bantuan melalui aplikasi resmi lembaga itu tanpa harus datang ke kantor cabang.",
          "Cara cek status bantuan lewat aplikasi",
          "Unduh aplikasi Layanan Warga di Play Store atau App Store.",
          "Setelah terpasang, buka aplikasi dan masuk dengan nomor induk kependudukan serta kata sandi yang terdaftar.",
          "Pilih menu status bantuan, lalu tunggu hingga keterangan penerima muncul di layar ponsel Anda."]


@pytest.mark.parametrize("promo", ["Unduh aplikasi WartaKita.id di Play Store atau App Store.",
                                   "Unduh aplikasi kami di Play Store atau App Store."])
def test_a_how_to_step_worded_as_an_app_promo_is_kept_but_an_outlets_own_promo_there_is_not(promo: str):
    text = "Cara Cek Status Bantuan Lewat Aplikasi\n" + "\n".join(HOW_TO)
    article = clean(_raw(text), "t")
    assert [article.text[p.start : p.end] for p in article.paragraphs] == HOW_TO
    announced = [HOW_TO[0], "Lembaga itu menjelaskan langkah pengecekan status bantuan sebagai berikut:", *HOW_TO[2:]]
    article = clean(_raw("Cara Cek Status Bantuan Lewat Aplikasi\n" + "\n".join(announced)), "t")
    assert [article.text[p.start : p.end] for p in article.paragraphs] == announced
    article = clean(_raw(text.replace(HOW_TO[2], promo)), "t")
    assert promo not in article.text and HOW_TO[3] in article.text


ROUND_UP_OF_HEADLINES = [
    "Sejumlah pasar di kota itu kekurangan pasokan cabai sejak awal pekan karena panen di daerah pemasok gagal.",
    "Harga Cabai di Pasar Kota Naik karena Panen Gagal",
    "Banjir rob kembali merendam ratusan rumah di pesisir utara setelah air laut pasang pada Senin malam.",
    "Banjir Rob Rendam Ratusan Rumah di Pesisir Utara",
    "Pemerintah kota membuka jalan layang baru di simpang lima untuk mengurai kemacetan pada jam sibuk.",
    "Jalan Layang Simpang Lima Dibuka untuk Urai Kemacetan",
    "Ribuan pelari mengikuti lomba maraton kota pada Minggu pagi yang melintasi jalan layang simpang lima.",
    "Ribuan Pelari Ikuti Maraton Kota Lintasi Jalan Layang"]


def test_a_round_ups_last_link_after_its_last_item_is_kept_but_another_storys_headline_there_is_not():
    text = "Berita Pekan Ini: Cabai, Rob dan Jalan Layang\n" + "\n".join(ROUND_UP_OF_HEADLINES)
    article = clean(_raw(text), "t")
    assert [article.text[p.start : p.end] for p in article.paragraphs] == ROUND_UP_OF_HEADLINES
    other_story = "Gubernur Lantik Tiga Kepala Dinas Baru"
    article = clean(_raw(text.replace(ROUND_UP_OF_HEADLINES[-1], other_story)), "t")
    assert other_story not in article.text and article.text.endswith("jalan layang simpang lima.")


def test_a_kicker_naming_the_lead_is_kept_above_it_and_the_dateline_is_still_read():
    title = "Panen Raya Padi di Karawang Dimulai Lebih Awal Tahun Ini"
    lead = ("KARAWANG, KOMPAS.com - Panen raya padi di sejumlah kecamatan Karawang dimulai pekan ini, dua minggu "
            "lebih awal dari jadwal tahun lalu karena hujan datang lebih cepat.")
    rest = "Dinas pertanian mencatat luas sawah yang siap dipanen mencapai ribuan hektar di wilayah utara kabupaten."
    for head, kept in (("Panen Raya di Karawang Datang Lebih Awal", True), ("Berita Jawa Barat Terpopuler Hari Ini", False)):
        article = _clean_under_title(title, "\n".join([title, head, lead, rest]))
        assert (head in article.text) is kept
        assert article.dateline == "Karawang"
    assert article.paragraphs[0].kind == "body"


def test_a_short_lead_sentence_with_its_date_is_kept_and_a_date_line_is_not():
    title = "Gempa Guncang Papua Barat"
    lines = ["Gempa berkekuatan magnitudo 5,3 mengguncang wilayah Papua Barat, Sabtu (14/9/2019).",
             "Badan Meteorologi mencatat pusat gempa berada di laut pada kedalaman sepuluh kilometer dari permukaan.",
             "Warga sempat berhamburan keluar rumah, tetapi belum ada laporan kerusakan bangunan hingga sore hari."]
    article = _clean_under_title(title, "\n".join([title, *lines]))
    assert [article.text[p.start : p.end] for p in article.paragraphs] == lines
    dated = "\n".join([title, "Sabtu, 14 September 2019 10:42 WIB", *lines[1:]])
    article = _clean_under_title(title, dated)
    assert [article.text[p.start : p.end] for p in article.paragraphs] == lines[1:]
    assert article.published is not None and article.published.date().isoformat() == "2019-09-14"


def test_a_long_lead_of_capitalised_names_is_no_page_header():
    title = "Warga Dievakuasi"
    lines = ["Tim Reaksi Cepat (TRC) Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Sitaro Mengevakuasi Enam "
             "Belas Kepala Keluarga Warga Desa Winangun.",
             "Mereka dibawa ke gedung sekolah yang aman dari longsor karena hujan deras masih turun sejak malam.",
             "Petugas menyiapkan dapur umum dan tenda darurat bagi warga yang rumahnya rusak akibat longsor itu."]
    article = _clean_under_title(title, "\n".join([title, *lines]))
    assert [article.text[p.start : p.end] for p in article.paragraphs] == lines


def test_a_quotation_in_the_speakers_voice_is_not_removed_by_the_furniture_model_alone():
    from kabar.clean.furniture import furniture_probability, is_furniture, line_features, model

    quote = "\"Kami punya persoalan di antara kami, tapi kami bersatu melawan pemerintahan ini.\""
    place = ("edge:1-2", "half:tail", "body:after")  # a closing quote after the last long paragraph
    assert furniture_probability(line_features(quote, place)) >= model()[1]  # the words alone read as a promo
    assert not is_furniture(quote, place)[0]
    promo = "Kami mengajak Anda bergabung di kanal WhatsApp kami untuk berita terbaru setiap hari."
    assert is_furniture(promo, place)[0]


SPLIT_STORY = [
    "The city council voted on Tuesday to close two bridges over the river for repairs that are expected to last "
    "most of the winter.",
    "Engineers found cracks in the supports of both bridges during an inspection last month, and the council said "
    "it would not wait for spring.",
    "Drivers will be sent along the ring road, which the council expects to add about ten minutes to a trip across "
    "town at busy hours.",
    "Shop owners near the bridges said they feared losing customers, and asked the council to lower their rents "
    "while the work goes on.",
    "The council said it would meet them next week and promised that the bridges would open again before the start "
    "of the school year.",
]


def _split_story_page(after: str) -> str:
    """The story in two boxes of the same class with an ad between them, as some sites print it."""
    return ("<html><head><title>Two bridges close for repairs</title></head><body>"
            "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
            "<h1>Two bridges close for repairs</h1>"
            "<div class='article-body'>" + "".join(f"<p>{p}</p>" for p in SPLIT_STORY[:3]) + "</div>"
            "<div class='slot'><span>Advertisement</span></div>"
            "<div class='article-body'>" + "".join(f"<p>{p}</p>" for p in SPLIT_STORY[3:]) + "</div>"
            + after + "<footer><a href='/about'>About us</a></footer></body></html>")


def _html_paragraphs(page: str) -> list[str]:
    article = clean(RawDocument("p.html", page.encode(), page, "text/html"), "t")
    return [article.text[p.start : p.end] for p in article.paragraphs]


def test_a_story_split_into_boxes_between_ads_keeps_the_paragraphs_after_the_first_box():
    teasers = ("<div class='more'><ul><li><a href='/a'>Mayor opens a new library in the old town hall</a></li>"
               "<li><a href='/b'>Rain floods the market square for the second time this year</a></li></ul></div>")
    assert _html_paragraphs(_split_story_page(teasers)) == SPLIT_STORY


def test_teasers_with_their_links_and_a_short_author_line_after_a_story_are_not_its_text():
    after = ("<p>Sam Reed is a reporter for the Daily Example.</p>"
             "<div class='more'><a href='/c'>Other stories</a>"
             "<p>A second story's teaser runs on for a sentence or two, long enough to read as a paragraph of prose.</p>"
             "</div>")
    kept = _html_paragraphs(_split_story_page(after))
    assert kept == SPLIT_STORY


def test_names_from_a_pages_code_between_paragraphs_are_removed():
    first = "Pemerintah daerah mulai membagikan bantuan pangan kepada warga yang terdampak kekeringan panjang tahun ini."
    last = "Ratusan warga sudah mengantre sejak pagi untuk menerima beras dan minyak goreng dari petugas kecamatan."
    article = clean(_raw(f"{first}\nnarrow-browser-and-phone\nlayout_wide_and_larger\n{last}"), "t")
    assert article.text == f"{first}\n\n{last}"
    assert clean(_raw(f"{first}\nPra-kerja dan e-KTP tetap berlaku.\n{last}"), "t").text.count("\n\n") == 2


def test_a_date_line_of_digits_and_hyphens_is_read_as_the_date_not_as_a_name_from_the_pages_code():
    first = "Pemerintah daerah mulai membagikan bantuan pangan kepada warga yang terdampak kekeringan panjang tahun ini."
    last = "Ratusan warga sudah mengantre sejak pagi untuk menerima beras dan minyak goreng dari petugas kecamatan."
    article = clean(_raw(f"Bantuan pangan dibagikan\n2024-01-15\n{first}\n{last}"), "t")
    assert article.published is not None and article.published.date().isoformat() == "2024-01-15"
