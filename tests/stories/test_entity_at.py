"""Finding the entity a quote's speaker span names, and the mentions inside a clause: by the layer's index,
not a scan of every mention for each question."""

from __future__ import annotations

from kabar.model import Article, Doc, Span
from kabar.stories.claims import _entities_in, entity_at


class Passes(list):
    """An entity layer that counts the times it is read through."""

    count = 0

    def __iter__(self):
        Passes.count += 1
        return super().__iter__()


def test_each_speaker_span_finds_its_entity_without_reading_every_mention():
    """A 6.7 MB one-line text held 60,000 quotes and 120,000 mentions: each quote's speaker looked up by reading
    the whole layer kept the story's claims running for hours."""
    mentions = Passes([Span(10 * n, 10 * n + 5, "PERSON", {"entity": f"e-{n}"}) for n in range(500)])
    mentions.append(Span(10, 15, "ORG", {"entity": "second"}))  # the same offsets again: the first one answers
    doc = Doc(Article(id="t", source="t", text="Nama Orang " * 500), {"entities": mentions})
    Passes.count = 0
    assert [entity_at(doc, 10 * n, 10 * n + 5) for n in range(500)] == [f"e-{n}" for n in range(500)]
    assert entity_at(doc, 10, 14) is None and entity_at(doc, 12, 15) is None
    assert Passes.count <= 1


def test_the_mentions_inside_a_clause_are_found_without_reading_every_mention():
    """A claim asks for the mentions before and after its verb: a scan of the whole layer each time made a
    one-line text of 8,000 sentences spend half a minute there."""
    mentions = Passes([Span(10 * n, 10 * n + 5, ("PERSON", "GPE")[n % 2], {"entity": f"e-{n}"} if n % 3 else {})
                       for n in range(600)])
    doc = Doc(Article(id="t", source="t", text="Nama Orang " * 600), {"entities": mentions})
    Passes.count = 0
    found = [_entities_in(doc, 10 * n, 10 * n + 25, ("PERSON",)) for n in range(598)]
    assert Passes.count <= 1
    assert found == [[s for s in mentions[n : n + 3] if s.label == "PERSON" and s.attrs] for n in range(598)]
