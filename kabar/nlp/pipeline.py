"""The ordered NLP components; each declares the layers it needs and adds, so order is checked."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from kabar.model import Article, Doc
from kabar.nlp.attribution import mark_attribution
from kabar.nlp.entities import find_entities
from kabar.nlp.linking import link_entities
from kabar.nlp.quantities import find_quantities
from kabar.nlp.quotes import find_quotes
from kabar.nlp.recogniser import recogniser
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


PARALLEL_FROM = 64
"""Fewer articles than this are annotated in this process: starting workers would cost more than it saves."""


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _layers_of(article: Article) -> dict:
    return annotate(article).layers


def annotate_all(articles: list[Article], workers: int | None = None) -> Iterator[Doc]:
    """Annotate many articles in order, one worker process per core. Workers are forked after the entity
    model is loaded, so they share it instead of loading it again; only the layers travel back."""
    workers = default_workers() if workers is None else workers
    if workers <= 1 or len(articles) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(annotate, articles)
        return
    recogniser()
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        chunk = max(1, min(32, len(articles) // (workers * 8)))
        for article, layers in zip(articles, pool.map(_layers_of, articles, chunksize=chunk), strict=True):
            yield Doc(article, layers)


__all__ = ["annotate", "annotate_all", "link_entities", "COMPONENTS"]
