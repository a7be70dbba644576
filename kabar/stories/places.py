"""The provinces an article's headline names, read through the cities, regencies and islands each holds
(kabar/data/id/entities/province-of.tsv): reports of one programme or one kind of event in two provinces
("SPMB Jatim", "SPMB Jakarta") are two matters, and a headline names the province its report is about."""

from __future__ import annotations

from functools import cache

from kabar.lexicon import data_lines
from kabar.nlp.entities import gazetteer_ids


@cache
def province_of() -> dict[str, str]:
    return dict(line.split("\t")[:2] for line in data_lines("id/entities/province-of.tsv"))


def provinces_named(text: str) -> frozenset[str]:
    """The provinces holding the places `text` names; places spanning several provinces (Jawa) count for none."""
    return frozenset(province for place in gazetteer_ids(text) if (province := province_of().get(place)))

