"""Placeholder until the entities component lands: adds an empty layer."""

from kabar.model import Doc


def find_entities(doc: Doc) -> Doc:
    return doc
