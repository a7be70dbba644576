"""Placeholder until the quotes component lands: adds an empty layer."""

from kabar.model import Doc


def find_quotes(doc: Doc) -> Doc:
    return doc
