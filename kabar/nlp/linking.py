"""One entity per real-world thing across all articles, with every way it was written.

Gazetteer mentions carry their id; a surname ("kata Hong") or an acronym ("(NIS)") takes the id of
the fuller mention it points to in the same article, and the acronym written alone in another article
joins the name it was spelled out as; other names meet across articles by a
spelling-tolerant key (case, hyphens and diacritics folded; person names whose first names differ
by a letter or two and whose surnames agree, as in Dimitry / Dmitry Peskov). A capital acting for
its country stays its own entity, linked by `related`.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

from kabar.lexicon import data_lines
from kabar.model import Doc, Entity, EntityAttrs, Evidence, Span
from kabar.nlp.entities import gazetteer
from kabar.textnorm import fold


@cache
def capitals() -> dict[str, str]:
    return dict(line.split("\t") for line in data_lines("id/entities/capitals.tsv"))


@cache
def _known_by_id() -> dict:
    return {known.id: known for known in gazetteer().values()}


def slug(name: str) -> str:
    return "ent-" + re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def _within_edits(a: str, b: str, most: int) -> bool:
    """Whether `a` and `b` are at most `most` insertions, deletions or substitutions apart. The start and end
    they share cost no edit, so only what lies between is compared letter by letter."""
    if abs(len(a) - len(b)) > most:
        return False
    shared = len(os.path.commonprefix([a, b]))
    a, b = a[shared:], b[shared:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1] <= most


def _words(name: str) -> list[str]:
    return fold(name).replace("-", " ").split()


def _tolerance(letters: int) -> int:
    """The edits a registered given name of so many letters may differ by: one, or one per four letters."""
    return max(1, letters // 4)


def _same_given_names(known: tuple[str, ...], given: tuple[str, ...]) -> bool:
    """The given names of a registered person and of a name with the same surname and word count, each within
    the registered one's tolerance: "Dimitry" ~ "Dmitry", "Muhammad" ~ "Mohamad"; not "Andika" ~ "Anita"."""
    return known == given or all(_within_edits(x, y, _tolerance(len(x))) for x, y in zip(known, given, strict=True))


def _spellings(word: str) -> set[str]:
    """The given name with up to its own tolerance of letters deleted, each set of deleted letters taken once
    (the next deletion never left of the last). A registered name within its tolerance of `word` shares one of
    these: the letters only one of them has, or has differently, deleted from both, is a spelling of each with
    at most the registered name's tolerance deleted, and at most `word`'s, since a longer name's tolerance
    outgrows a shorter one's by no more than their lengths differ."""
    most = _tolerance(len(word))
    found = {word}
    frontier = [(word, 0)]
    for _ in range(most):
        frontier = [(w[:i] + w[i + 1:], i) for w, first in frontier for i in range(first, len(w))]
        found.update([w for w, _ in frontier])
    return found


@dataclass
class _Namesakes:
    """The people met so far under one word count and surname, in the order met, found by the spellings of
    their first given name shortened by up to its tolerance of letters. A spelling maps to plain places (no
    container for the many spellings only one person has), so the garbage collector never walks the index."""

    people: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # (id, given names) by place
    ids: set[str] = field(default_factory=set)
    first_by_spelling: dict[str, int] = field(default_factory=dict)
    others_by_spelling: defaultdict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    comparisons: int = 0  # given names compared letter by letter so far: what blocking keeps small

    def find(self, given: tuple[str, ...], spellings: set[str]) -> str | None:
        """The first person met whose given names `given` (the `spellings` of its first one) can be a spelling
        of."""
        candidates = set()
        for spelling in spellings:
            place = self.first_by_spelling.get(spelling)
            if place is not None:
                candidates.add(place)
                candidates.update(self.others_by_spelling.get(spelling, ()))
        for place in sorted(candidates):
            self.comparisons += 1
            if _same_given_names(self.people[place][1], given):
                return self.people[place][0]
        return None

    def add(self, entity_id: str, given: tuple[str, ...], spellings: set[str]) -> None:
        """Register a person under the `spellings` of its first given name."""
        place = len(self.people)
        self.people.append((entity_id, given))
        self.ids.add(entity_id)
        for spelling in spellings:
            if self.first_by_spelling.setdefault(spelling, place) != place:
                self.others_by_spelling[spelling].append(place)


class EntityRegistry:
    """The key of each name across articles: its slug, or that of a person met before under a near spelling.
    Person names met so far are looked up by blocking: names that can be spellings of one person share their
    number of words, their folded surname and a spelling of their first word with a few letters deleted (up to
    its tolerance), so a name is compared only with the few registered names sharing such a key, and linking
    costs the same per name however many people a pile names."""

    def __init__(self) -> None:
        self.namesakes: dict[tuple[int, str], _Namesakes] = {}  # (words, surname) → the people met under it

    @property
    def comparisons(self) -> int:
        """How many registered people the names linked so far were compared with."""
        return sum(namesakes.comparisons for namesakes in self.namesakes.values())

    def key_for(self, surface: str, label: str) -> str:
        words = _words(surface)
        if label != "PERSON" or len(words) < 2:
            return slug(surface)
        block, given = (len(words), words[-1]), tuple(words[:-1])
        spellings = _spellings(given[0])
        found = self.namesakes[block].find(given, spellings) if block in self.namesakes else None
        if found is not None:
            return found
        key = slug(surface)
        if " " in surface and key not in self.namesakes.setdefault(block, _Namesakes()).ids:
            self.namesakes[block].add(key, given, spellings)
        return key


def link_entities(docs: list[Doc]) -> list[Entity]:
    registry = EntityRegistry()
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    spelled: dict[str, Counter[str]] = defaultdict(Counter)  # names a span gives for itself ("BEKASI" → "Bekasi")
    types: dict[str, Counter[str]] = defaultdict(Counter)
    roles: dict[str, list[str]] = defaultdict(list)
    mentions: dict[str, list[Evidence]] = defaultdict(list)
    for doc in docs:
        spans = doc.layer("entities")
        by_offsets = {(s.start, s.end): s for s in spans}
        for span in sorted(spans, key=lambda s: (bool(s.attrs.get("refers_to") or s.attrs.get("acronym_of")),
                                                   s.start)):
            surface = span.attrs.get("name") or doc.text[span.start : span.end]
            span.attrs["entity"] = _entity_id(span, surface, by_offsets, registry)
    expansions = _acronym_expansions(docs)
    for doc in docs:
        for span in doc.layer("entities"):
            entity_id = expansions.get(span.attrs["entity"], span.attrs["entity"])
            span.attrs["entity"] = entity_id
            surface = doc.text[span.start : span.end]
            surfaces[entity_id][surface] += 1
            spelled_name = span.attrs.get("name")
            if spelled_name:
                spelled[entity_id][spelled_name] += 1
            types[entity_id][span.label] += 1
            role = span.attrs.get("role")
            if role and role not in roles[entity_id]:
                roles[entity_id].append(role)
            mentions[entity_id].append(Evidence(doc.article.id, span.start, span.end, surface))
    return [_entity(entity_id, surfaces[entity_id], spelled[entity_id], types[entity_id], roles[entity_id],
                    mentions[entity_id])
            for entity_id in sorted(mentions, key=lambda e: -len(mentions[e]))]


def _acronym_expansions(docs: list[Doc]) -> dict[str, str]:
    """An acronym one article spells out ("Badan Penanggulangan Bencana Nasional Malaysia (NADMA)") names
    the same body where another article writes the acronym alone ("NADMA, mengatakan") or spells it out in
    other words: each such id becomes the id of the first spelled-out name."""
    expansions: dict[str, str] = {}
    for doc in docs:
        for span in doc.layer("entities"):
            acronym, entity_id = span.attrs.get("acronym"), span.attrs["entity"]
            if not acronym or span.attrs.get("known"):
                continue
            canonical = expansions.setdefault(slug(acronym), entity_id)
            if entity_id != canonical:
                expansions.setdefault(entity_id, canonical)
    return {alias: target for alias, target in expansions.items() if alias != target}


def _entity_id(span: Span[EntityAttrs], surface: str, by_offsets: dict[tuple[int, int], Span[EntityAttrs]],
               registry: EntityRegistry) -> str:
    if span.attrs.get("known"):
        return span.attrs["known"]
    for target in (span.attrs.get("refers_to"), span.attrs.get("acronym_of")):
        pointed = by_offsets.get((target[0], target[1])) if target else None
        if pointed is not None and pointed.attrs.get("entity"):
            return pointed.attrs["entity"]
    return registry.key_for(surface, span.label)


def _entity(entity_id: str, surfaces: Counter[str], spelled: Counter[str], types: Counter[str], roles: list[str],
            mentions: list[Evidence]) -> Entity:
    known = _known_by_id().get(entity_id)
    forms = surfaces + spelled
    name = known.name if known else max(forms, key=lambda s: (s in spelled, len(s.split()) > 1, forms[s], len(s)))
    kind = known.type if known else types.most_common(1)[0][0]
    aliases = sorted(s for s in forms if s != name)
    return Entity(entity_id, name, kind, aliases, roles, mentions, capitals().get(entity_id))
