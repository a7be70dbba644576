"""Placeholder until the times component lands: adds an empty layer."""

from kabar.model import Doc


def find_times(doc: Doc) -> Doc:
    return doc
