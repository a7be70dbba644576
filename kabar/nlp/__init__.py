"""Annotation layer: reads a cleaned article and adds span layers (see docs/architecture.md)."""

from kabar.nlp.pipeline import annotate, link_entities

__all__ = ["annotate", "link_entities"]
