"""Annotation layer: reads a cleaned article and adds span layers (see docs/architecture.md)."""

from kabar.nlp.pipeline import annotate, annotate_all, link_entities

__all__ = ["annotate", "annotate_all", "link_entities"]
