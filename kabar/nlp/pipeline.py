"""The ordered NLP components; each declares the layers it needs and adds, so order is checked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kabar.model import Article, Doc
from kabar.nlp.attribution import mark_attribution
from kabar.nlp.entities import find_entities
from kabar.nlp.linking import link_entities
from kabar.nlp.quantities import find_quantities
from kabar.nlp.quotes import find_quotes
from kabar.nlp.sentences import split_sentences
from kabar.nlp.times import find_times


@dataclass(frozen=True)
class Component:
    name: str
    run: Callable[[Doc], Doc]
    requires: tuple[str, ...]
    adds: tuple[str, ...]


COMPONENTS: tuple[Component, ...] = (
    Component("sentences", split_sentences, (), ("sentences",)),
    Component("entities", find_entities, ("sentences",), ("entities",)),
    Component("quantities", find_quantities, ("sentences",), ("quantities",)),
    Component("times", find_times, ("sentences",), ("times",)),
    Component("quotes", find_quotes, ("sentences", "entities"), ("quotes",)),
    Component("attribution", mark_attribution, ("sentences", "entities"), ()),
)


def check_order(components: tuple[Component, ...] = COMPONENTS) -> None:
    """Fail early when a component would run before the layers it reads exist."""
    available: set[str] = set()
    for component in components:
        missing = set(component.requires) - available
        if missing:
            raise ValueError(f"component {component.name} needs {sorted(missing)} first")
        available.update(component.adds)


check_order()


def annotate(article: Article) -> Doc:
    doc = Doc(article)
    for component in COMPONENTS:
        doc = component.run(doc)
    return doc


__all__ = ["annotate", "link_entities", "COMPONENTS"]
