"""Indonesian search normalisation: affixed forms meet their root, roots stay whole."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kabar.textnorm import MIN_STEM, known_roots, normalize_tokens, stem, tokens


@pytest.fixture
def shared_seeds() -> list[Path]:
    seeds = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"shared seeds not found at {seeds}")
    return sorted(seeds.glob("*.txt"))


@pytest.mark.parametrize(
    ("words", "root"),
    [
        (["mengirimkan", "dikirim", "kiriman", "pengiriman", "mengirim"], "kirim"),
        (["dikerahkan", "mengerahkan", "pengerahan"], "kerah"),
        (["melaporkan", "laporan", "dilaporkan"], "lapor"),
        (["menyerang", "diserang", "serangan"], "serang"),
        (["tentara", "tentaranya"], "tentara"),
        (["pasukan", "pasukannya"], "pasukan"),
        (["memberikan", "memberi"], "beri"),
        (["pengawasan", "diawasi"], "awas"),
        (["kebijakan", "bijak"], "bijak"),
        (["menjadi", "terjadi", "dijadikan"], "jadi"),
        (["mencapai", "tercapai"], "capai"),
        (["melawan", "perlawanan"], "lawan"),
        (["berlaku", "dilakukan"], "laku"),
        (["tertinggi", "tinggi"], "tinggi"),
    ],
)
def test_affixed_forms_share_a_root(words, root):
    assert {stem(word) for word in words} == {root}


@pytest.mark.parametrize(
    "word",
    ["pasukan", "makan", "ikan", "bulan", "berita", "perdana", "senjata", "korea", "dengan", "bentuk",
     "dingin", "pemerintah", "operasi", "informasi", "kepala", "media", "masalah", "sekolah", "personel"],
)
def test_words_that_only_look_affixed_are_kept(word):
    assert stem(word) == word


def test_case_and_diacritics_are_folded():
    assert normalize_tokens("Café JUM’AT Kn-23") == ["cafe", "jum", "at", "kn-23"]


def test_seed_articles_never_stem_to_a_stub(shared_seeds):
    """On real news text, every stem is a listed root, at least four letters, or the word itself."""
    words = {word for path in shared_seeds for word in tokens(path.read_text(encoding="utf-8"))}
    stubs = {w: stem(w) for w in words if stem(w) != w and len(stem(w)) < MIN_STEM and stem(w) not in known_roots()}
    assert stubs == {}
    assert len({w for w in words if stem(w) != w}) > 100


@given(st.text())
def test_normalisation_never_raises_and_never_yields_empty_tokens(text):
    assert all(token for token in normalize_tokens(text))


@given(st.from_regex(r"[a-z]{1,15}", fullmatch=True))
def test_stemming_never_empties_or_lengthens_a_word(word):
    root = stem(word)
    assert root and len(root) <= len(word)
