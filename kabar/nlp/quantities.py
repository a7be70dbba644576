"""Placeholder until the quantities component lands: adds an empty layer."""

from kabar.model import Doc


def find_quantities(doc: Doc) -> Doc:
    return doc
