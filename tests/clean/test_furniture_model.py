"""The furniture line model: an unseen outlet's furniture goes, the article stays, and the figures do not hang on
the order Python's sets give the features."""

from __future__ import annotations

from kabar.clean import clean
from kabar.clean.furniture import furniture_probability, line_features, model, page_places, text_features
from kabar.eval.noise import OUTLET_FEATURE, LineExample, RealArticle, general_features, training_lines
from kabar.model import RawDocument

PARAGRAPHS = [
    "Pemerintah kabupaten mulai membangun jembatan gantung baru yang menghubungkan dua desa di tepi sungai sejak "
    "awal pekan ini, setelah jembatan lama putus diterjang banjir bandang bulan lalu.",
    "Kepala dinas pekerjaan umum setempat mengatakan pembangunan ditargetkan selesai dalam tiga bulan dengan "
    "anggaran dari dana tak terduga yang sudah disetujui dewan.",
    "Selama pembangunan berlangsung, warga menyeberang dengan perahu kayu yang disediakan relawan setiap pagi dan "
    "sore agar anak-anak tetap bisa berangkat ke sekolah.",
    "Seorang warga mengaku lega karena selama sebulan terakhir ia harus memutar sejauh belasan kilometer untuk "
    "menjual hasil kebunnya ke pasar kecamatan.",
]
UNSEEN_OUTLET_FURNITURE = {
    # an outlet no list names, worded as no style of the noise generator words it
    "head": ["KABARLEMBAH.ID, WONOSOBO - Selasa, 3 Juni 2025"],
    "inline": ["Baca Juga: Harga Cabai di Pasar Induk Turun Jelang Panen Raya"],
    "tail": ["Ikuti KabarLembah.id di Google News dan WhatsApp Channel untuk kabar terbaru setiap hari.",
             "Punya kabar dari kampungmu? Kirimkan tulisan dan foto ke redaksi kami lewat surel.",
             "Bagikan: Facebook X WhatsApp Salin Tautan"],
}


def _page(furniture: dict[str, list[str]]) -> tuple[str, list[str]]:
    lines = ["Jembatan Gantung Baru Dibangun Setelah Banjir Bandang", *furniture["head"], PARAGRAPHS[0],
             PARAGRAPHS[1], *furniture["inline"], PARAGRAPHS[2], PARAGRAPHS[3], *furniture["tail"]]
    return "\n".join(lines), [line for lines in furniture.values() for line in lines]


def test_an_unseen_outlets_furniture_is_removed_and_every_paragraph_kept():
    text, furniture = _page(UNSEEN_OUTLET_FURNITURE)
    article = clean(RawDocument("t", text.encode(), text, "text/plain"), "t")
    kept = [article.text[p.start : p.end] for p in article.paragraphs]
    assert kept == PARAGRAPHS
    assert not any(line in article.text for line in furniture)


def test_an_unlisted_outlets_promo_sentence_among_paragraphs_is_told_from_them():
    promo = "Kunjungi laman Kabarlembah.id untuk membaca kabar terkini lainnya setiap hari."
    lines = [PARAGRAPHS[0], PARAGRAPHS[1], promo, PARAGRAPHS[2], PARAGRAPHS[3]]
    places = page_places(lines)
    probabilities = [furniture_probability(line_features(line, place)) for line, place in zip(lines, places, strict=True)]
    assert probabilities[2] > 0.5 and max(probabilities[:2] + probabilities[3:]) < 0.1


def test_the_probability_does_not_hang_on_the_order_of_the_features():
    features = line_features("Dukung jurnalisme warga dengan berlangganan, nikmati kabar tanpa iklan.",
                             ("edge:1-2", "half:tail", "body:after"))
    weights = {name: 0.1 + index / 7 for index, name in enumerate(features)} | {"bias": -0.3}
    assert furniture_probability(features, weights) == furniture_probability(tuple(reversed(features)), weights)
    assert list(text_features("Ikuti kami di Google News")) == sorted(set(text_features("Ikuti kami di Google News")))


def test_a_line_is_placed_before_among_or_after_the_paragraphs():
    lines = ["Judul Berita", "Penulis: Budi", PARAGRAPHS[0], "Foto: dokumentasi", PARAGRAPHS[1], "Berita Terkait"]
    bodies = [place[-1] for place in page_places(lines)]
    assert bodies == ["body:before", "body:before", "body:among", "body:among", "body:among", "body:after"]
    assert {place[-1] for place in page_places(["Judul", "Baris pendek"])} == {"body:none"}


def test_promo_verbs_are_found_under_their_imperative_suffixes_but_not_in_told_news():
    assert "first-group:promo-verb" in text_features("Kirimkan tulisan Anda ke redaksi kami")
    assert "first-group:promo-verb" in text_features("Ikutilah kanal kami untuk kabar terbaru")
    assert "group:promo-verb" not in text_features("Laporan itu dibaca oleh ketua dewan kemarin sore")
    assert "asks-then-urges" in text_features("Punya cerita menarik? Kirimkan ke redaksi kami.")
    assert "asks-then-urges" not in text_features("Siapa yang salah? Polisi masih menyelidiki kasus itu.")


def test_an_outlet_is_named_under_its_domain_or_hyphen_and_a_site_domain_is_told_from_a_public_one():
    assert OUTLET_FEATURE in text_features("Pikiran-Rakyat.com/Nama Fotografer")
    assert OUTLET_FEATURE not in text_features("Pemerintah pusat-daerah sepakat soal anggaran")
    assert "public-domain" in text_features("Cek status bantuan di laman cekbansos.kemensos.go.id")
    assert "public-domain" not in text_features("Kunjungi Kabarlembah.id setiap hari")


def test_a_feature_of_one_styles_furniture_only_is_left_out_of_the_model():
    examples = [LineExample(("w:lembah", "group:call"), True, "a"), LineExample(("w:lembah", "group:call"), True, "a"),
                LineExample(("w:lembah", "group:call"), True, "a"), LineExample(("group:call",), True, "b"),
                LineExample(("w:jalan",), False, ""), LineExample(("w:jalan",), False, ""),
                LineExample(("w:jalan",), False, "")]
    assert general_features(examples) == {"group:call", "w:jalan"}


def test_some_lines_naming_a_listed_outlet_are_trained_on_as_if_it_were_unlisted():
    article = RealArticle("own", "Jembatan Gantung Baru Dibangun", PARAGRAPHS, "Budi Santoso", "2025-06-03")
    named = [example for example in training_lines(["kompas"], [article] * 6, per_style=6)
             if example.furniture and any(name == "w:kompas.com" for name in example.features)]
    assert named and any(OUTLET_FEATURE in e.features for e in named)
    assert any(OUTLET_FEATURE not in e.features for e in named)


def test_a_word_with_the_readers_mu_speaks_to_the_reader_but_a_root_ending_in_mu_does_not():
    assert "group:reader" in text_features("Tulis pendapatmu di kolom komentar")
    assert "group:reader" not in text_features("Menteri bertemu gubernur di Kualanamu")


def test_a_label_and_name_line_is_read_with_its_place():
    after = line_features("Editor : Budi Santoso", ("edge:1-2", "half:tail", "body:after"))
    among = line_features("Bendahara Umum: Budi Santoso", ("edge:inner", "half:tail", "body:among"))
    assert "label-name@body:after" in after and "label-name@body:among" in among
    assert "label-name" not in text_features("Menurut dia: hujan turun sejak pagi di seluruh kota itu")


def test_a_short_line_between_short_lines_among_the_paragraphs_is_listed():
    lines = [PARAGRAPHS[0], "Ketua: Budi", "Sekretaris: Ani", "Bendahara: Joko", PARAGRAPHS[1], "Baca juga: Harga Naik",
             PARAGRAPHS[2]]
    listed = ["listed" in place for place in page_places(lines)]
    assert listed == [False, False, True, False, False, False, False]


def test_a_sub_heading_and_an_announced_list_are_kept_but_an_insert_among_them_goes():
    sub_heading = "Warga Menyeberang dengan Perahu"
    announced = ["Ketua: Budi Santoso", "Sekretaris: Ani Lestari", "Bendahara: Joko Susilo"]
    insert = "Ikuti KabarLembah.id di Google News"
    lines = [PARAGRAPHS[0], PARAGRAPHS[1], sub_heading, PARAGRAPHS[2], PARAGRAPHS[3], insert,
             "Adapun susunan pengurus jembatan desa yang baru dipilih warga sebagai berikut:", *announced]
    text = "\n".join(lines)
    article = clean(RawDocument("t", text.encode(), text, "text/plain"), "t")
    kept = [article.text[p.start : p.end] for p in article.paragraphs]
    assert sub_heading in kept and all(item in kept for item in announced)
    assert insert not in kept
    places = page_places(lines)
    assert "between-prose" in places[2] and ["introduced" in place for place in places[-4:]] == [False, True, True, True]


def test_a_sub_heading_with_a_promo_verb_is_kept_when_the_next_paragraph_takes_up_its_words():
    sub_heading = "Dukung Pembangunan Jembatan"
    following = ("Warga desa menyatakan mendukung pembangunan jembatan itu dan bergotong royong mengangkut bahan "
                 "bangunan ke tepi sungai setiap akhir pekan.")
    insert = "Dukung Pembangunan Jembatan Lewat Donasi Redaksi"
    for line, kept in ((sub_heading, True), (insert, False)):
        lines = [PARAGRAPHS[0], PARAGRAPHS[1], line, following, PARAGRAPHS[3]]
        article = clean(RawDocument("t", b"", "\n".join(lines), "text/plain"), "t")
        assert (line in article.text) is kept
        assert ("heads-next" in page_places(lines)[2]) is kept


def test_a_label_over_a_short_sentence_that_takes_up_its_words_is_kept_after_the_last_paragraph():
    """A profile's or a list's section label ("Vidi Aldiano" over "Penyanyi Vidi Aldiano mengenang ...") stands among
    short sentences, not between two paragraph-length lines; an insert there names something else."""
    for label, sentence, kept in (
            ("Sri Wahyuni", "Sri Wahyuni mengenang almarhum sebagai guru yang sabar.", True),
            ("Dimakamkan Minggu Sore", "Jenazah dimakamkan Minggu sore di makam desa.", True),
            ("Perahu Relawan", "Warga kini menyeberang dengan perahu yang disediakan relawan.", True),
            ("Simak Video Pilihan Redaksi", "Warga kini menyeberang dengan perahu yang disediakan relawan.", False)):
        lines = [PARAGRAPHS[0], PARAGRAPHS[1], "Sejumlah warga mengenang jembatan lama itu.", label, sentence,
                 "Mereka berharap jembatan baru segera selesai."]
        article = clean(RawDocument("t", b"", "\n".join(lines), "text/plain"), "t")
        assert (label in [article.text[p.start : p.end] for p in article.paragraphs]) is kept
        assert ("heads-next" in page_places(lines)[3]) is kept


def test_a_numbered_step_between_the_kept_steps_before_and_after_it_is_kept_whatever_its_words():
    for middle, kept in (("7. Tekan Kirim", True), ("7. Ikuti KabarLembah.id di Google News", False)):
        steps = ["5. Pilih tipe pembayaran iuran jembatan", "6. Masukkan nomor rumah pada kolom tagihan", middle,
                 "8. Layar akan menampilkan nama warga dan jumlah iuran yang harus dibayar",
                 "9. Masukkan PIN aplikasi bank desa"]
        lines = [PARAGRAPHS[0], PARAGRAPHS[1],
                 "Berikut langkah membayar iuran pembangunan jembatan lewat aplikasi bank desa.", *steps]
        article = clean(RawDocument("t", b"", "\n".join(lines), "text/plain"), "t")
        assert (middle in [article.text[p.start : p.end] for p in article.paragraphs]) is kept


def test_the_mark_that_a_line_heads_the_next_paragraph_spares_it_but_is_not_trained_on():
    sub_heading = "Dukung Pembangunan Jembatan"
    following = ("Warga desa menyatakan mendukung pembangunan jembatan itu dan bergotong royong mengangkut bahan "
                 "bangunan ke tepi sungai setiap akhir pekan.")
    article = RealArticle("own", "Jembatan Gantung Baru Dibangun", [PARAGRAPHS[0], sub_heading, following], None, None)
    assert "heads-next" in page_places([article.title, *article.paragraphs])[2]
    examples = training_lines([], [article])
    assert examples and not any("heads-next" in example.features for example in examples)
    assert any("between-prose" in example.features for example in examples)


def test_a_closing_word_to_the_reader_about_the_articles_subject_is_kept_but_the_outlets_promo_goes():
    advice = "Pantau terus jadwal pembangunan jembatan gantung agar kamu bisa menyeberang dengan tenang."
    promo = "Kirim kabar dari desamu dan jadilah bagian dari warga pembaca kami."
    lines = [*PARAGRAPHS, advice, promo]
    places = page_places(lines)
    assert furniture_probability(line_features(advice, places[-2])) >= model()[1]  # the model alone drops it
    assert "names-article" in places[-2] and "names-article" not in page_places([*PARAGRAPHS[:1], advice])[-1]
    article = clean(RawDocument("t", b"", "\n".join(lines), "text/plain"), "t")
    assert advice in article.text and promo not in article.text
