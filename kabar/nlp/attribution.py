"""Placeholder until the attribution component lands: adds an empty layer."""

from kabar.model import Doc


def mark_attribution(doc: Doc) -> Doc:
    return doc
