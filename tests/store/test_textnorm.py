"""Indonesian search normalisation: affixed forms meet their root, roots stay whole."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kabar.textnorm import normalize_tokens, stem


@pytest.mark.parametrize(
    ("words", "root"),
    [
        (["mengirimkan", "dikirim", "kiriman", "pengiriman", "mengirim"], "kirim"),
        (["dikerahkan", "mengerahkan", "pengerahan"], "kerah"),
        (["melaporkan", "laporan", "dilaporkan"], "lapor"),
        (["menyerang", "diserang", "serangan"], "serang"),
        (["tentara", "tentaranya"], "tentara"),
        (["pasukan", "pasukannya"], "pasukan"),
    ],
)
def test_affixed_forms_share_a_root(words, root):
    assert {stem(word) for word in words} == {root}


@pytest.mark.parametrize("word", ["pasukan", "makan", "ikan", "bulan", "berita", "perdana", "senjata", "korea"])
def test_words_that_only_look_affixed_are_kept(word):
    assert stem(word) == word


def test_case_and_diacritics_are_folded():
    assert normalize_tokens("Café JUM’AT Kn-23") == ["cafe", "jum", "at", "kn-23"]


@given(st.text())
def test_normalisation_never_raises_and_never_yields_empty_tokens(text):
    assert all(token for token in normalize_tokens(text))


@given(st.from_regex(r"[a-z]{1,15}", fullmatch=True))
def test_stemming_never_empties_or_lengthens_a_word(word):
    root = stem(word)
    assert root and len(root) <= len(word)
