"""One entity per real-world thing across all articles, with every way it was written.

Gazetteer mentions carry their id; a surname ("kata Hong") or an acronym ("(NIS)") takes the id of
the fuller mention it points to in the same article, and the acronym written alone in another article
joins the name it was spelled out as; other names meet across articles by a
spelling-tolerant key (case, hyphens and diacritics folded; person names whose first names differ
by a letter or two and whose surnames agree, as in Dimitry / Dmitry Peskov). A capital acting for
its country stays its own entity, linked by `related`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
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


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _words(name: str) -> list[str]:
    return fold(name).replace("-", " ").split()


def _tolerance(word: str) -> int:
    """The edits a registered name's given name may differ by: one, or one per four letters."""
    return max(1, len(word) // 4)


def _same_person(a: str, b: str) -> bool:
    """"Dimitry Peskov" ~ "Dmitry Peskov", "Kim Jong-Un" ~ "Kim Jong Un"; not "Kim Jong Un" ~ "Kim Hong-kyun"."""
    wa, wb = _words(a), _words(b)
    if wa == wb:
        return True
    if len(wa) != len(wb) or len(wa) < 2 or wa[-1] != wb[-1]:
        return False
    return all(_edit_distance(x, y) <= _tolerance(x) for x, y in zip(wa[:-1], wb[:-1], strict=True))


def _deletions(word: str, most: int) -> set[str]:
    """The word with up to `most` letters deleted: two words within `most` edits share one of these."""
    found = frontier = {word}
    for _ in range(most):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found = found | frontier
    return found


def _reach(word: str) -> int:
    """The most edits any registered given name within its own tolerance of `word` may allow: such a name is
    at most `len(word) + its tolerance` long."""
    longest = len(word)
    while longest + 1 - _tolerance("x" * (longest + 1)) <= len(word):
        longest += 1
    return _tolerance("x" * longest)


class EntityRegistry:
    """The key of each name across articles: its slug, or that of a person met before under a near spelling.
    Person names met so far are looked up by blocking: names `_same_person` can match share their number of
    words, their folded surname and a spelling of their first word with a few letters deleted (up to its
    tolerance), so a name is compared only with the few registered names sharing such a key, and linking
    costs the same per name however many people a pile names."""

    def __init__(self) -> None:
        self.person_names: dict[tuple[int, str, str], tuple[int, str]] = {}  # (words, surname, id) → (order, name)
        self.blocks: dict[tuple[int, str, str], list[str]] = defaultdict(list)  # (words, surname, variant) → ids

    def key_for(self, surface: str, label: str) -> str:
        words = _words(surface)
        if label != "PERSON" or len(words) < 2:
            return slug(surface)
        count, surname = len(words), words[-1]
        candidates = {(count, surname, entity_id) for variant in _deletions(words[0], _reach(words[0]))
                      for entity_id in self.blocks.get((count, surname, variant), ())}
        for candidate in sorted(candidates, key=lambda c: self.person_names[c][0]):
            if _same_person(self.person_names[candidate][1], surface):
                return candidate[2]
        key = slug(surface)
        if " " in surface and (count, surname, key) not in self.person_names:
            self.person_names[count, surname, key] = (len(self.person_names), surface)
            for variant in _deletions(words[0], _tolerance(words[0])):
                self.blocks[count, surname, variant].append(key)
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
