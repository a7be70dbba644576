"""The statistical entity recogniser: reading the NER sets, retraining, and the shipped model at work."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from kabar.errors import KabarError
from kabar.model import Article, Doc
from kabar.nlp import annotate
from kabar.nlp import recogniser as recogniser_module
from kabar.nlp.recogniser import (
    BATCH_CHARACTERS,
    BATCH_LINES,
    LINE,
    LONGEST_LINE,
    READ_ATTRIBUTES,
    anchored_prefixes,
    read,
    recognise,
    recognise_many,
    recogniser,
)
from kabar.nlp.training import SETS, evaluate, read_tagged, train, unified_tag, word_vectors

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ner"


def test_each_layout_reads_onto_one_tag_scheme():
    read = {s.name: list(read_tagged(FIXTURES / s.name / s.train)) for s in SETS}
    assert {name: len(sentences) for name, sentences in read.items()} == {s.name: 4 for s in SETS}
    words, tags = read["idner-news-2k"][0]
    assert words[:5] == ["Wali", "Kota", "Palembang", "Rahmat", "Hidayat"]  # CR stripped, POS column skipped
    assert tags[:5] == ["O", "O", "B-LOC", "B-PER", "I-PER"]
    assert read["nergrit"][0][1] == tags and read["nerp"][0][1] == tags  # PERSON/PLACE and PPL/PLC agree
    festival = read["nerp"][3][1]
    assert festival[:3] == ["O", "O", "O"] and "B-ORG" in festival  # events are not one of the three kinds


@pytest.mark.parametrize(("tag", "expected"), [("B-PPL", "B-PER"), ("I-PLACE", "I-LOC"), ("B-IND", "B-ORG"),
                                               ("I-FNB", "O"), ("O", "O"), ("B-MISC", "O")])
def test_unified_tags(tag, expected):
    assert unified_tag(tag) == expected


def test_entity_starting_with_inside_tag_is_repaired(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_text("Jokowi\tI-PERSON\ndatang\tO\nke\tO\nSolo\tI-PLACE\nKota\tI-PLACE\n")
    [(_, tags)] = read_tagged(path)
    assert tags == ["B-PER", "O", "O", "B-LOC", "I-LOC"]


def test_line_without_tag_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_text("Jakarta\tB-PLACE\nhujan\n")
    with pytest.raises(KabarError, match=r"broken.txt:2: expected a token and a tag"):
        list(read_tagged(path))


def test_missing_split_names_the_file(tmp_path):
    with pytest.raises(KabarError, match="idner-news-2k"):
        train(tmp_path, tmp_path / "model", max_steps=1)


def test_retraining_is_reproducible_and_recorded(tmp_path):
    first = train(FIXTURES, tmp_path / "a", max_steps=30)
    second = train(FIXTURES, tmp_path / "b", max_steps=30)
    assert first["dev_scores"] == second["dev_scores"]
    assert first["sentences"] == {"train": 12, "dev": 6}
    recorded = json.loads((tmp_path / "a" / "training.json").read_text())
    assert set(recorded["data"]) == {f"{s.name}/{split}" for s in SETS for split in (s.train, s.dev)}
    assert recorded["vector_words"] > 0  # the fixtures have no raw text beside them: vectors from train text
    assert (tmp_path / "b" / "config.cfg").is_file()


def test_word_vectors_place_words_by_the_company_they_keep():
    texts = [f"{day.title()} pagi hujan turun di kota" for day in ("senin", "selasa", "rabu")] * 4 + [
        "mereka makan nasi goreng bersama keluarga", "kami makan nasi goreng di rumah"] * 6
    words, vectors = word_vectors(texts)
    row = {word: index for index, word in enumerate(words)}
    assert "senin" in row and "Senin" not in row  # one lower-cased vector for every casing
    same = float(vectors[row["senin"]] @ vectors[row["selasa"]])
    assert same > float(vectors[row["senin"]] @ vectors[row["makan"]])
    again, _ = word_vectors(texts)
    assert again == words


TEXT = ("JAKARTA - Ketua panitia Bambang Sugiarto mengatakan acara dibuka Senin.\n"
        "Acara itu didukung Kementerian Pariwisata dan digelar di Yogyakarta.\n"
        "\"Kami siap,\" kata Bambang Sugiarto kepada wartawan.")


def test_shipped_model_finds_names_with_offsets_into_the_whole_text():
    found = {(TEXT[start:end], label) for start, end, label in recognise(TEXT)}
    assert ("Bambang Sugiarto", "PER") in found
    assert ("Yogyakarta", "LOC") in found
    assert sum(1 for surface, label in found if surface == "Bambang Sugiarto") == 1  # both lines, one surface


def test_model_names_join_the_entity_layer():
    doc: Doc = annotate(Article(id="a1", source="test", text=TEXT))
    people = [s for s in doc.layer("entities") if s.label == "PERSON"]
    assert [TEXT[s.start:s.end] for s in people] == ["Bambang Sugiarto", "Bambang Sugiarto"]
    assert {s.attrs["origin"] for s in people} <= {"model", "pattern", "surname"}


def test_shipped_model_reaches_its_dev_figure(ner_data_dir):
    scores = evaluate(recogniser(), ner_data_dir)
    recorded = json.loads((Path(recogniser().path) / "training.json").read_text())["dev_scores"]
    assert scores["all"].f1 >= 0.75
    assert round(scores["all"].f1, 4) == recorded["all"]["f1"]


def test_model_spans_cover_whole_hyphenated_words():
    from kabar.nlp.recogniser import _whole_words

    text = "Menurut Kim Hong-kyun, O'Neill-Putri hadir."
    assert text[slice(*_whole_words(text, 8, 16))] == "Kim Hong-kyun"
    assert text[slice(*_whole_words(text, 25, 36))] == "O'Neill-Putri"
    assert text[slice(*_whole_words(text, 8, 11))] == "Kim"


def test_a_line_in_capitals_gets_the_same_whole_words_as_in_lower_case():
    text = "setibanya di damaskus, menteri suriah faruq el-shara menemui para wartawan."
    assert "faruq el-shara" in {text[start:end] for start, end, _ in recognise(text)}
    assert recognise(text.upper()) == recognise(text)


def test_a_common_word_capitalised_by_opening_a_sentence_is_no_name():
    for text, word in [("Aku tidak pernah menyesal pindah ke Surabaya.", "Aku"),
                       ("Demi menjaga harga beras, Bulog menambah pasokan.", "Demi")]:
        assert word in {ent.text for ent in read([text])[0].ents}  # the model alone takes it for a name
        assert word not in {text[start:end] for start, end, _ in recognise(text)}
    text = "Harga beras naik. Jokowi mengatakan pasokan cukup."
    assert "Jokowi" in {text[start:end] for start, end, _ in recognise(text)}


def test_a_line_is_joined_from_its_words_once_however_many_names_it_holds(monkeypatch):
    """spaCy joins a doc's text from its words anew at each `doc.text`: read once a name, a line cost its length
    for each of its names, and a 6.7 MB text on one line did not finish annotating in ten minutes."""
    reads: Counter[int] = Counter()

    class Counted:
        def __init__(self, doc):
            object.__setattr__(self, "doc", doc)

        @property
        def text(self):
            reads[id(self)] += 1
            return self.doc.text

        def __getattr__(self, name):
            return getattr(self.doc, name)

        def __setattr__(self, name, value):
            setattr(self.doc, name, value)

    real = recogniser_module.read
    monkeypatch.setattr(recogniser_module, "read", lambda texts: [Counted(doc) for doc in real(texts)])
    text = "Presiden Joko Widodo bertemu Gubernur Anies Baswedan di Jakarta. Aku menunggu di Bogor. " * 20
    names = recognise(text)
    assert len(names) >= 40 and "Aku" not in {text[start:end] for start, end, _ in names}
    assert 0 < max(reads.values()) <= 3


def test_a_text_without_line_breaks_goes_to_the_model_in_pieces_cut_at_spaces():
    text = "warga desa berkumpul " * 1500 + "lalu Presiden Joko Widodo tiba di Jakarta pada Senin."
    pieces = [(m.start(), m.end()) for m in LINE.finditer(text)]
    assert len(pieces) > 1 and all(end - start <= LONGEST_LINE for start, end in pieces)
    assert all(text[end] == " " for _, end in pieces[:-1]) and "".join(text[s:e] for s, e in pieces) == text
    assert "Joko Widodo" in {text[start:end] for start, end, label in recognise(text) if label == "PER"}


def test_long_lines_fill_a_batch_by_their_length_and_every_line_keeps_its_names_in_order():
    long_text = "warga desa berkumpul di balai " * 4000  # 120,000 characters: six pieces of the longest line
    short_texts = [f"Wali Kota Bogor Dedie Rachim meninjau pasar ke-{n} di Kota Bogor." for n in range(BATCH_LINES + 3)]
    texts = [*short_texts[:2], long_text + "lalu Presiden Joko Widodo tiba di Jakarta.", *short_texts[2:]]
    batches = list(recogniser_module._batches([(i, line) for i, text in enumerate(texts)
                                                for line in LINE.finditer(text)]))
    assert all(len(batch) == 1 or sum(len(line.group(0)) for _, line in batch) <= BATCH_CHARACTERS
               for batch in batches)
    assert all(len(batch) <= BATCH_LINES for batch in batches) and len(batches) >= 3
    assert [i for batch in batches for i, _ in batch] == sorted(i for batch in batches for i, _ in batch)
    found = recognise_many(texts)
    assert [found[i] for i in (0, 1, len(texts) - 1)] == [recognise(texts[i]) for i in (0, 1, len(texts) - 1)]
    assert "Joko Widodo" in {texts[2][start:end] for start, end, label in found[2] if label == "PER"}


def test_reading_through_the_beam_of_one_finds_the_entities_of_spacys_own_pipe(ner_data_dir):
    sentences = [" ".join(words) for s in SETS for words, _ in read_tagged(ner_data_dir / s.name / s.dev)][::10]
    texts = [*sentences, *TEXT.split("\n")]

    def entities(docs):
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]

    ours = entities(read(texts))
    assert sum(map(len, ours)) > len(texts) // 2
    assert ours == entities(recogniser().pipe(texts))


@pytest.mark.parametrize("text", ["$5", "(Rp", "<br />x", "<b/>", "kata<a href=x>", "ab<a b>cd", "|x", "\\|x", "abc",
                                  "ab", "zz", "", "a|", "<i>"])
def test_anchored_prefixes_find_the_match_of_spacys_expression(text):
    from spacy.util import compile_prefix_regex

    # spaCy anchors only the first branch of an entry that is an alternation: "<a...>" is sought anywhere
    entries = ["\\$", "\\(", "<(b|i|br)\\s?/>|<a([^>]+)>", "[|]", "\\\\\\|x", "ab|a", " "]
    ours, spacys = anchored_prefixes(entries).search(text), compile_prefix_regex(entries).search(text)
    assert (ours and ours.span()) == (spacys and spacys.span())


def test_the_models_tokenizer_cuts_and_describes_words_as_spacys_indonesian_one(ner_data_dir):
    import spacy
    from spacy.attrs import IDS

    sentences = [" ".join(words) for s in SETS for words, _ in read_tagged(ner_data_dir / s.name / s.dev)][::5]
    texts = [*sentences, *TEXT.split("\n"), "Harga (Rp5.000,-) naik 10%; lihat <a href=x>tautan</a> & \"kutipan\".",
             "e-KTP-nya  dibagikan\tpukul 09.30 WIB... (30/11/2025) http://kompas.com/x?y=1 US$5 @akun #tagar"]
    attributes = [IDS[name] for name in ("ORTH", *READ_ATTRIBUTES)]
    ours, spacys = recogniser().tokenizer, spacy.blank("id").tokenizer
    for text in texts:
        assert ours(text).to_array(attributes).tolist() == spacys(text).to_array(attributes).tolist()
