"""Placeholder until the sentences component lands: adds an empty layer."""

from kabar.model import Doc


def split_sentences(doc: Doc) -> Doc:
    return doc
