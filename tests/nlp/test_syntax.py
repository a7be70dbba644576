"""The syntax model: reading CoNLL-U, cutting words as the treebanks do, scoring, and the shipped parser."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from kabar.nlp.syntax import as_words, parse, parse_many
from kabar.nlp.treebank import ParseScore, read_conllu, treebank_words, whole_words_ending_in_clitic

# Written here: a host with its clitic as a multiword token, a word ending in "nya" kept whole.
TREEBANK = """\
# sent_id = kita-1
# text = Warga menolak rencananya, sebelumnya juga.
1\tWarga\twarga\tNOUN\tNN\tNumber=Sing\t2\tnsubj\t_\t_
2\tmenolak\ttolak\tVERB\tVB\tVoice=Act\t0\troot\t_\t_
3-4\trencananya\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
3\trencana\trencana\tNOUN\tNN\tNumber=Sing\t2\tobj\t_\t_
4\tnya\tnya\tPRON\tPRP\tPerson=3\t3\tnmod:poss\t_\t_
5\t,\t,\tPUNCT\tZ\t_\t6\tpunct\t_\t_
6\tsebelumnya\tbelum\tADV\tRB\t_\t2\tadvmod\t_\t_
7\tjuga\tjuga\tADV\tRB\t_\t6\tadvmod\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\tZ\t_\t2\tpunct\t_\t_

"""


@pytest.fixture
def treebank(tmp_path: Path) -> Path:
    path = tmp_path / "kita.conllu"
    path.write_text(TREEBANK, encoding="utf-8")
    return path


def test_words_of_a_multiword_token_take_its_characters(treebank):
    [sentence] = read_conllu(treebank)
    assert [w.form for w in sentence.words] == ["Warga", "menolak", "rencana", "nya", ",", "sebelumnya", "juga", "."]
    assert all(sentence.text[w.start : w.end] == w.form for w in sentence.words)
    assert sentence.multiword == ((2, 3),)
    assert sentence.spaces[2] is False and sentence.spaces[1] is True
    assert whole_words_ending_in_clitic([sentence]) == ["sebelumnya"]


def test_running_text_is_cut_as_the_treebanks_cut_it():
    text = "Data pasca-panen menunjukkan hasilnya, hanya 23-25 ton."
    tokens = [(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]
    words = [text[start:end] for start, end in treebank_words(text, tokens, frozenset({"hanya"}))]
    assert words == ["Data", "pasca-panen", "menunjukkan", "hasil", "nya", ",", "hanya", "23", "-", "25", "ton", "."]


def test_score_counts_a_wrong_head_and_a_missed_cut(treebank):
    [sentence] = read_conllu(treebank)
    perfect = ParseScore()
    perfect.add(sentence, list(sentence.words))
    assert perfect.as_dict()["las"] == perfect.as_dict()["upos"] == 1.0
    wrong_head = [*sentence.words]
    wrong_head[0] = replace(wrong_head[0], head=3)
    uncut = [w for w in sentence.words if w.form != "nya"]
    uncut[2] = replace(uncut[2], end=uncut[2].end + 3)
    for predicted in (wrong_head, uncut):
        score = ParseScore()
        score.add(sentence, predicted)
        assert score.unlabelled < len(sentence.words)


def test_parse_finds_the_verb_at_the_root_and_offsets_slice_the_text():
    text = "Petugas pemadam kebakaran memadamkan api di sebuah gudang kayu di Surabaya pada Selasa malam."
    tokens = parse(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    roots = [t for index, t in enumerate(tokens) if t.head == index]
    assert [t.text for t in roots] == ["memadamkan"] and roots[0].pos == "VERB" and roots[0].dep == "root"
    assert all(0 <= t.head < len(tokens) for t in tokens)
    assert {t.pos for t in tokens} >= {"NOUN", "VERB", "ADP", "PUNCT"}
    assert next(t for t in tokens if t.text == "memadamkan").lemma != ""


def test_parse_cuts_the_clitic_and_keeps_every_text_apart():
    first, second, empty = parse_many(["Menteri itu membacakannya  kemarin.", "Hujan turun.", ""])
    assert [t.text for t in first][2:4] == ["membacakan", "nya"]
    assert first[3].start == first[2].end and first[3].pos in ("PRON", "DET")
    assert [t.text for t in second] == ["Hujan", "turun", "."] and empty == []
    assert as_words(second)[1].head == 0  # the root, in the treebank's terms


UD_TEST = Path(__file__).resolve().parents[3] / "shared" / "data" / "ud" / "id_csui-ud-test.conllu"


@pytest.mark.skipif(not UD_TEST.is_file(), reason="the UD Indonesian treebanks (../shared/data/ud) are absent")
def test_eval_scores_the_shipped_model_on_csui_test():
    from kabar.eval.ud import measure

    score, sentences, seconds = measure(UD_TEST)
    assert sentences > 300 and score.words > 9000 and seconds > 0
    assert score.share(score.upos) > 0.8 and score.share(score.labelled) > 0.5
    assert score.labelled <= score.unlabelled <= score.words


def test_training_names_a_missing_treebank_file(tmp_path):
    from kabar.errors import KabarError
    from kabar.nlp.syntax_training import train

    with pytest.raises(KabarError, match="id_gsd-ud-dev.conllu"):
        train(tmp_path, tmp_path / "model", max_steps=1)


def test_eval_ud_without_the_treebank_says_where_it_looked(tmp_path):
    from typer.testing import CliRunner

    from kabar.cli import app

    outcome = CliRunner().invoke(app, ["eval", "ud", "--data", str(tmp_path)], terminal_width=300)
    assert outcome.exit_code == 0 and "UD data not found" in outcome.output and str(tmp_path) in outcome.output
