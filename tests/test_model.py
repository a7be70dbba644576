import pytest

from kabar.model import Article, Doc, Span


def test_span_outside_text_is_refused():
    doc = Doc(Article(id="a1", source="x.txt", text="Korut mengirim pasukan."))
    doc.add("entities", Span(0, 5, "GPE"))
    assert doc.layer("entities")[0].text_in(doc.text) == "Korut"
    with pytest.raises(ValueError):
        doc.add("entities", Span(10, 99, "GPE"))
