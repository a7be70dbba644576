"""Linking person names across articles: spellings of one person a letter or two apart meet, and a name is
compared only with the few people whose shortened spellings it shares, however many share its surname."""

from __future__ import annotations

import random
import string

import pytest

from kabar.nlp.linking import EntityRegistry


def test_given_names_within_the_registered_names_tolerance_link_to_the_first_person_met():
    registry = EntityRegistry()
    assert registry.key_for("Muhammad Ali", "PERSON") == "ent-muhammad-ali"
    assert registry.key_for("Mohamad Ali", "PERSON") == "ent-muhammad-ali"  # two edits: eight letters allow two
    assert registry.key_for("Andika Pratama", "PERSON") == "ent-andika-pratama"
    assert registry.key_for("Andhika Pratama", "PERSON") == "ent-andika-pratama"
    assert registry.key_for("Anita Pratama", "PERSON") == "ent-anita-pratama"  # two edits: six letters allow one
    assert registry.key_for("Joko Susilo Widodo", "PERSON") == "ent-joko-susilo-widodo"
    assert registry.key_for("Joko Susila Widodo", "PERSON") == "ent-joko-susilo-widodo"
    assert registry.key_for("Joko Widodo", "PERSON") == "ent-joko-widodo"  # another word count, another person
    assert registry.key_for("Andika Pratami", "PERSON") == "ent-andika-pratami"  # another surname


def _given_name(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(6, 9))).capitalize()


def _misspelled(name: str, rng: random.Random) -> str:
    at = rng.randrange(1, len(name))
    return name[:at] + rng.choice([c for c in string.ascii_lowercase if c != name[at]]) + name[at + 1:]


@pytest.mark.parametrize("people", [200, 2000])
def test_a_name_is_compared_only_with_near_spellings_however_many_share_its_surname(people: int):
    rng = random.Random(7)
    given_names = [_given_name(rng) for _ in range(people)]
    registry = EntityRegistry()
    ids = [registry.key_for(f"{given} Wijaya", "PERSON") for given in given_names]
    linked = [registry.key_for(f"{_misspelled(given, rng)} Wijaya", "PERSON") for given in given_names]
    assert len(set(ids)) == people and linked == ids
    # comparing every name with everyone of its surname would take people / 2 comparisons a name; each
    # misspelled name needs one, with its own person
    assert registry.comparisons <= len(ids + linked)
