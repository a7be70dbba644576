"""Placeholder until cross-article entity linking lands."""

from kabar.model import Doc, Entity


def link_entities(docs: list[Doc]) -> list[Entity]:
    return []
