"""The annotation layer on sentences written for these tests, in Indonesian newsroom style."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kabar.model import Article, Doc, Span
from kabar.nlp import annotate, link_entities
from kabar.nlp.quantities import find_quantities, parse_value
from kabar.nlp.sentences import LONGEST_SENTENCE, split_sentences
from kabar.nlp.times import find_times

WIB = timezone(timedelta(hours=7))


def _doc(text: str, published: datetime | None = datetime(2024, 10, 19, 17, tzinfo=WIB), language: str = "id",
         article_id: str = "t") -> Doc:
    return Doc(Article(id=article_id, source="t", text=text, published=published, language=language))


def _texts(doc: Doc, layer: str) -> list[str]:
    return [doc.text[s.start : s.end] for s in doc.layer(layer)]


def test_sentences_keep_figures_dates_and_abbreviations_whole():
    doc = split_sentences(_doc(
        "Sebanyak 1.500 tentara tiba pada 21/10/2024. Rudal KN-23 dipakai, kata Dr. Budi di Jl. Merdeka.\n\n"
        "\"Ini bukan pamer.\" Ia pergi."))
    assert _texts(doc, "sentences") == [
        "Sebanyak 1.500 tentara tiba pada 21/10/2024.", "Rudal KN-23 dipakai, kata Dr. Budi di Jl. Merdeka.",
        "\"Ini bukan pamer.\"", "Ia pergi."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sekitar 1.500 tentara", (1500, 1500, "tentara", True)),
        ("12.000 hingga 15.000 personel", (12000, 15000, "tentara", False)),
        ("hingga 12.000 prajurit", (None, 12000, "tentara", False)),
        ("lebih dari 13.000 kontainer", (13000, None, "kontainer", False)),
        ("1,5 juta orang", (1500000, 1500000, "orang", False)),
        ("puluhan ribu tentara", (20000, 99999, "tentara", True)),
        ("dua rudal", (2, 2, "rudal", False)),
        ("8–13 persen", (8, 13, "persen", False)),
        ("sekitar Rp 1.420.000", (1420000, 1420000, "rupiah", True)),
        ("di bawah lima persen", (None, 5, "persen", False)),
        ("ribuan warga", (2000, 9999, "orang", True)),
    ],
)
def test_quantities(text: str, expected: tuple):
    doc = find_quantities(_doc(f"Laporan menyebut {text} terlibat."))
    [span] = doc.layer("quantities")
    attrs = span.attrs
    assert (attrs["min"], attrs["max"], attrs["unit"], attrs["approximate"]) == expected


@pytest.mark.parametrize("text", ["pada tahun 2024", "tanggal 21/10/2024", "pukul 17:00 WIB", "rudal KN-23",
                                  "Perang Dunia II", "8 Oktober", "nomor 0812-3456-7890", "salah satu pihak"])
def test_not_quantities(text: str):
    assert find_quantities(_doc(f"Disebutkan {text} dalam laporan itu.")).layer("quantities") == []


def test_english_number_format():
    [span] = find_quantities(_doc("Officials said up to 12,000 North Korean soldiers were sent.", language="en")
                             ).layer("quantities")
    assert (span.attrs["min"], span.attrs["max"], span.attrs["unit"]) == (None, 12000, "tentara")


@given(st.integers(min_value=1000, max_value=999_999_999))
def test_indonesian_thousands_read_back(value: int):
    assert parse_value(f"{value:,}".replace(",", "."), english=False) == value


@pytest.mark.parametrize(
    ("phrase", "start", "end", "precision"),
    [
        ("pada hari Jumat", "2024-10-18", None, "day"),
        ("Senin (21/10/2024)", "2024-10-21", None, "day"),
        ("Selasa (15/10)", "2024-10-15", None, "day"),
        ("Juni lalu", "2024-06", None, "month"),
        ("awal November 2024", "2024-11", None, "month"),
        ("8 hingga 13 Oktober", "2024-10-08", "2024-10-13", "day"),
        ("pekan lalu", "2024-10-07", "2024-10-13", "week"),
        ("sejak Agustus lalu", "2024-08", None, "month"),
        ("tahun 1950 hingga 1953", "1950", "1953", "year"),
        ("Desember lalu", "2023-12", None, "month"),
        ("bulan depan", "2024-11", None, "month"),
        ("tiga bulan lalu", "2024-07", None, "month"),
        ("tahun lalu", "2023", None, "year"),
        ("Juni tahun ini", "2024-06", None, "month"),
        ("akhir pekan lalu", "2024-10-12", "2024-10-13", "day"),
        ("sepekan terakhir", "2024-10-13", "2024-10-19", "week"),
    ],
)
def test_times_resolve_against_publication(phrase: str, start: str, end: str | None, precision: str):
    doc = find_times(_doc(f"Hal itu terjadi {phrase} menurut laporan."))
    [span] = doc.layer("times")
    assert (span.attrs["start"], span.attrs["end"], span.attrs["precision"]) == (start, end, precision)
    assert doc.text[span.start : span.end].lower().endswith(phrase.split()[-1].lower())


def test_entities_roles_quotes_and_attribution_in_one_article():
    text = (
        "Juru bicara Kremlin, Dimitry Peskov, menepis laporan itu dan menyebutnya \"berita palsu\".\n\n"
        "Menurut badan mata-mata Seoul, sekitar 1.500 tentara Korut dikabarkan sudah tiba.\n\n"
        "\"Ini bukan sekadar pamer,\" kata Hong Min, peneliti senior di Institut Korea untuk Penyatuan Nasional, "
        "kepada AFP. \"Mereka akan segera dikirim,\" imbuhnya.\n\n"
        "Sekretaris Jenderal NATO Mark Rutte mengatakan bahwa pihaknya belum dapat mengonfirmasi laporan tersebut."
    )
    doc = annotate(_doc(text).article)
    entities = {doc.text[s.start : s.end]: s for s in doc.layer("entities")}
    assert entities["Dimitry Peskov"].attrs["role"] == "Juru bicara Kremlin"
    assert entities["Hong Min"].attrs["role"].startswith("peneliti senior di Institut Korea")
    assert entities["badan mata-mata Seoul"].label == "ORG"
    quotes = doc.layer("quotes")
    speakers = [q.attrs["speaker_name"] for q in quotes]
    assert speakers == ["Dimitry Peskov", "badan mata-mata Seoul", "Hong Min", "Hong Min", "Mark Rutte"]
    assert doc.text[slice(*quotes[2].attrs["via"])] == "AFP"
    stances = [s.attrs["stance"] for s in doc.layer("sentences")]
    assert stances == ["denied", "hedged", "asserted", "asserted", "unconfirmed"]
    assert doc.layer("sentences")[1].attrs["attribution"]["name"] == "badan mata-mata Seoul"


def test_negated_denial_is_not_a_denial():
    doc = annotate(_doc("Pemerintah tidak membantah kabar bahwa pasukan sudah dikirim.").article)
    assert doc.layer("sentences")[0].attrs["stance"] == "asserted"


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Gempa itu tidak berpotensi menimbulkan tsunami.", "asserted"),
        ("Hal itu, seperti dilaporkan Politico, memicu protes.", "asserted"),
        ("Senjata itu dilaporkan sudah tiba.", "hedged"),
        ("Polisi menduga api berasal dari korsleting.", "hedged"),
        ("Rutte tidak dapat \"mengonfirmasi laporan\" itu.", "unconfirmed"),
        ("Jika laporan itu benar, hal itu menunjukkan keputusasaan.", "unconfirmed"),
        ("Dia ditetapkan sebagai tersangka karena menyebarkan konten berita bohong atau hoaks.", "asserted"),
        ("Pemerintah terus memerangi hoaks di media sosial.", "asserted"),
        ("Kominfo memastikan informasi tersebut hoaks.", "denied"),
    ],
)
def test_stance_markers(text: str, stance: str):
    assert annotate(_doc(text).article).layer("sentences")[0].attrs["stance"] == stance


def test_attribution_skips_the_medium_and_takes_the_head_of_a_list():
    doc = annotate(_doc("Korut mengirim tentara, kata para ahli kepada AFP. Badan intelijen Amerika, Korea Selatan, "
                        "dan Ukraina memperkirakan bahwa 12.000 tentara dikirim.").article)
    first, second = doc.layer("sentences")
    assert first.attrs["attribution"] is None
    assert second.attrs["attribution"]["name"] == "Badan intelijen Amerika"


def test_linking_merges_spellings_aliases_and_surnames_across_articles():
    first = annotate(_doc("Presiden Rusia Vladimir Putin bertemu Kim Jong-Un. Putin lalu pulang.", article_id="a").article)
    second = annotate(_doc("Dmitry Peskov menyebut Korut dan Korea Utara sama. Zelensky marah. "
                           "Menteri Kesehatan Bambang Sugiarto hadir; Sugiarto lalu bicara.", article_id="b").article)
    third = annotate(_doc("Pejabat Andika Pratama Wijaya datang. Juru bicara Kremlin Dimitry Peskov mengatakan "
                          "pemerintah di Moskow siap.", article_id="c").article)
    entities = {e.id: e for e in link_entities([first, second, third])}
    assert {"Kim Jong-Un"} <= set(entities["ent-kim-jong-un"].aliases)
    assert "Putin" in entities["ent-vladimir-putin"].aliases
    assert "Presiden Rusia" in entities["ent-vladimir-putin"].roles
    assert "Korut" in entities["ent-korea-utara"].aliases
    assert {"Dimitry Peskov"} <= set(entities["ent-dmitry-peskov"].aliases)
    minister = next(e for e in entities.values() if e.name == "Bambang Sugiarto")
    assert "Sugiarto" in minister.aliases and len(minister.mentions) == 2
    assert entities["ent-moskow"].related == "ent-rusia"


def _entities(text: str, outlet: str | None = None, language: str = "id") -> dict[str, str]:
    article = Article(id="d", source="t", text=text, outlet=outlet, language=language)
    return {e.name: e.type for e in link_entities([annotate(article)])} | {
        alias: e.type for e in link_entities([annotate(article)]) for alias in e.aliases}


def test_dateline_names_the_city_and_the_outlet():
    found = _entities("MAKASSAR, Suaranusa.com - Polisi menutup jalan itu sejak pagi.\n\nWarga diminta sabar.",
                      outlet="Suaranusa.com")
    assert found["Makassar"] == "GPE" and found["MAKASSAR"] == "GPE"
    assert found["Suaranusa.com"] == "MEDIA"
    found = _entities("Kupang, Warta Flores -- Harga ikan naik dua kali lipat.", outlet="Warta Flores")
    assert found["Warta Flores"] == "MEDIA" and found["Kupang"] == "GPE"
    assert "Warta Flores - Harga" not in found


def test_place_inside_an_organisation_name_is_part_of_it():
    found = _entities("Bank Indonesia menahan suku bunga. Universitas Indonesia membuka kelas baru.")
    assert found["Bank Indonesia"] == "ORG" and found["Universitas Indonesia"] == "ORG"
    assert "Indonesia" not in found


def test_capitalised_first_word_is_not_a_name():
    found = _entities("BADAN pusat statistik mencatat inflasi turun.\n\nPEMERINTAH daerah menambah pasokan beras.")
    assert not [name for name in found if name.startswith(("BADAN", "PEMERINTAH"))]


def test_an_acronym_opening_a_paragraph_and_written_again_stays_a_name():
    from kabar.nlp.entities import _capitalised_opening

    text = "KPK menahan dua pejabat.\n\nPenyidik KPK memeriksa mereka."
    assert not _capitalised_opening(text, 0, 3)
    assert _capitalised_opening("BADAN itu mencatat inflasi turun.\n\nBADAN menambah pasokan.", 0, 5)


def test_the_indonesian_model_does_not_guess_in_english_text():
    found = _entities("The Surabaya administration will extend its odd-even traffic policy next month.", language="en")
    assert not [name for name in found if name.startswith("The ") or "extend" in name]


def test_annotating_in_worker_processes_gives_the_same_layers_in_order():
    from kabar.clean import clean
    from kabar.cli import example_corpus
    from kabar.ingest import iter_inputs
    from kabar.model import RawDocument
    from kabar.nlp import annotate_all

    raws = [r for r in iter_inputs([str(example_corpus())]) if isinstance(r, RawDocument)]
    articles = [clean(raws[i % len(raws)], f"a{i}") for i in range(70)]
    alone = [annotate(a).layers for a in articles]
    together = list(annotate_all(articles, workers=2))
    assert [d.article.id for d in together] == [a.id for a in articles]
    assert all(d.article is a for d, a in zip(together, articles, strict=True))
    assert [d.layers for d in together] == alone


def _quotes(text: str) -> list[tuple[str | None, str]]:
    doc = annotate(_doc(text).article)
    return [(q.attrs["speaker_name"], doc.text[slice(*q.attrs["content"])]) for q in doc.layer("quotes")]


def test_speaker_named_after_a_described_one():
    quotes = _quotes("\"Jalur itu ditutup sampai Senin,\" kata kepala dinas perhubungan, Andika Pratama Wijaya, "
                     "kepada wartawan.")
    assert quotes == [("Andika Pratama Wijaya", "Jalur itu ditutup sampai Senin")]


def test_indirect_quote_from_a_speaker_described_without_a_name():
    quotes = _quotes("Semua penumpang selamat karena kapal segera ditarik ke pelabuhan, kata petugas syahbandar "
                     "setempat.")
    assert quotes == [("petugas syahbandar setempat", "Semua penumpang selamat karena kapal segera ditarik ke pelabuhan")]
    assert _quotes("Harga cabai jelas naik, jelas sekali terlihat di pasar.") == []


def test_source_named_at_the_end_of_the_sentence():
    quotes = _quotes("Banjir merendam dua kecamatan sejak Rabu, menurut Badan Penanggulangan Bencana.")
    assert quotes == [("Badan Penanggulangan Bencana", "Banjir merendam dua kecamatan sejak Rabu")]


@pytest.mark.parametrize("verb", ["menjelaskan", "mengklaim", "mengeluhkan"])
def test_reporting_verbs_without_bahwa(verb):
    quotes = _quotes(f"Menteri Perdagangan Rina Kartika {verb} stok beras cukup hingga akhir tahun.")
    assert quotes == [("Rina Kartika", "stok beras cukup hingga akhir tahun")]


def test_speaker_after_a_title_naming_a_country_is_the_person():
    quotes = _quotes("Pasokan itu akan dihentikan, kata Menteri Pertahanan Inggris Grant Shapps.")
    assert quotes == [("Grant Shapps", "Pasokan itu akan dihentikan")]


def test_same_day_is_the_day_last_named():
    doc = annotate(_doc("Gubernur meresmikan jembatan itu pada Kamis (3/10/2024), sebulan setelah Juli lalu diuji.\n\n"
                        "Di hari yang sama, warga menggelar syukuran.").article)
    same = [t for t in doc.layer("times") if t.attrs["expression"] == "Di hari yang sama"]
    assert [(t.attrs["start"], t.attrs["precision"]) for t in same] == [("2024-10-03", "day")]
    alone = annotate(_doc("Di hari yang sama, warga menggelar syukuran.").article)
    assert not alone.layer("times")  # no day named before it: nothing to refer to


def test_an_acronym_written_alone_joins_the_name_another_article_spelled_it_out_as():
    spelled_out = annotate(_doc("Badan Penanggulangan Bencana Nasional Malaysia (NADMA) mengatakan pihaknya telah "
                                "mengirim 500.000 masker ke Sarawak.", article_id="a").article)
    alone = annotate(_doc("Badan bencana Malaysia, NADMA, mengatakan mereka telah mengirim masker.",
                          article_id="b").article)
    entities = link_entities([spelled_out, alone])
    agency = next(e for e in entities if "NADMA" in [e.name, *e.aliases])
    assert agency.name == "Badan Penanggulangan Bencana Nasional Malaysia"
    assert {m.article for m in agency.mentions} == {"a", "b"}


@given(bounds=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 15)), max_size=30),
       start=st.integers(0, 80), length=st.integers(0, 30))
def test_span_lookups_by_bisection_match_a_scan_of_every_span(bounds: list[tuple[int, int]], start: int,
                                                              length: int):
    doc = Doc(Article("a", "s", "x" * 120))
    for first, width in bounds:
        doc.add("entities", Span(first, first + width, "PERSON"))
    end = start + length
    layer = doc.layer("entities")
    assert doc.index("entities").within(start, end) == [s for s in layer if start <= s.start and s.end <= end]
    assert doc.covering("entities", start, end) == [s for s in layer if s.start < end and start < s.end]
    doc.add("entities", Span(start, end, "ORG"))  # a span added later is found too
    assert doc.index("entities").within(start, end)[-1].label == "ORG"


def test_a_text_without_full_stops_is_cut_at_spaces_into_bounded_sentences():
    text = " ".join(f"kata{n}" for n in range(3000))
    doc = split_sentences(Doc(Article("a", "s", text)))
    sentences = [text[s.start : s.end] for s in doc.layer("sentences")]
    assert len(sentences) > 1 and all(len(sentence) <= LONGEST_SENTENCE for sentence in sentences)
    assert " ".join(sentences).split() == text.split()
