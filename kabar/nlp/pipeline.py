"""The ordered NLP components; each declares the layers it needs and adds, so order is checked."""

from __future__ import annotations

import gc
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
from kabar.nlp.recogniser import recognise_names, recogniser
from kabar.nlp.sentences import split_sentences
from kabar.nlp.times import find_times


@dataclass(frozen=True)
class Component:
    name: str
    run: Callable[[Doc], Doc] | None
    requires: tuple[str, ...]
    adds: tuple[str, ...]
    run_many: Callable[[list[Doc]], list[Doc]] | None = None
    """For a stage cheaper over many documents at once (the statistical model): takes the batch."""

    def over(self, docs: list[Doc]) -> list[Doc]:
        if self.run_many is not None:
            return self.run_many(docs)
        assert self.run is not None
        return [self.run(doc) for doc in docs]


COMPONENTS: tuple[Component, ...] = (
    Component("sentences", split_sentences, (), ("sentences",)),
    Component("recognised", None, (), ("recognised",), recognise_names),
    Component("entities", find_entities, ("sentences", "recognised"), ("entities",)),
    Component("quantities", find_quantities, ("sentences",), ("quantities",)),
    Component("times", find_times, ("sentences", "entities"), ("times",)),
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
    return annotate_batch([article])[0]


def annotate_batch(articles: list[Article]) -> list[Doc]:
    """Every component over a batch of articles, one component after another."""
    docs = [Doc(article) for article in articles]
    for component in COMPONENTS:
        docs = component.over(docs)
    return docs


BATCH = 32
"""Articles whose lines go through the model together: large enough that the model's batches are full."""
PARALLEL_FROM = 64
"""Fewer articles than this are annotated in this process: starting workers would cost more than it saves."""


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _layers_of(articles: list[Article]) -> list[dict]:
    return [doc.layers for doc in annotate_batch(articles)]


def annotate_all(articles: list[Article], workers: int | None = None) -> Iterator[Doc]:
    """Annotate many articles in order, one worker process per core. Workers are forked after the entity
    model is loaded, so they share it instead of loading it again; only the layers travel back. Each worker
    freezes what it inherits (the model, its vocabulary, the parent's objects): none of it becomes garbage
    there, and the full collections would otherwise walk it all, copying the pages they touch."""
    workers = default_workers() if workers is None else workers
    size = max(1, min(BATCH, len(articles) // (workers * 4)))
    batches = [articles[start : start + size] for start in range(0, len(articles), size)]
    if workers <= 1 or len(articles) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        for batch in batches:
            yield from annotate_batch(batch)
        return
    recogniser()
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=gc.freeze) as pool:
        for batch, layers in zip(batches, pool.map(_layers_of, batches), strict=True):
            yield from (Doc(article, article_layers) for article, article_layers in zip(batch, layers, strict=True))


__all__ = ["annotate", "annotate_all", "annotate_batch", "link_entities", "COMPONENTS"]
