"""Linking person names across articles: spellings of one person a letter or two apart meet, and a name is
compared only with the few people whose shortened spellings it shares, however many share its surname."""

from __future__ import annotations

import random
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.nlp.linking import EntityRegistry, _same_given_names, _words, slug


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


def _keys_comparing_everyone(surfaces: list[str]) -> list[str]:
    """What linking gives without blocking: each name compared with every person met of its word count and
    surname, the first who fits taken."""
    people: list[tuple[int, str, str, tuple[str, ...]]] = []  # (words, surname, id, given names)
    keys = []
    for surface in surfaces:
        words = _words(surface)
        block, given_names = (len(words), words[-1]), tuple(words[:-1])
        found = next((entity_id for count, surname, entity_id, known in people
                      if (count, surname) == block and _same_given_names(known, given_names)), None)
        key = found or slug(surface)
        if found is None and " " in surface and (*block, key) not in {person[:3] for person in people}:
            people.append((*block, key, given_names))
        keys.append(key)
    return keys


@st.composite
def _edited(draw: st.DrawFn, word: str) -> str:
    """The word with up to three letters inserted, deleted or replaced: a near spelling, or a farther one."""
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(word)))
        word = word[:at] + draw(st.sampled_from(["", "a", "b", "c"])) + word[at + draw(st.integers(0, 1)):]
    return word or "a"


@st.composite
def _people_and_misspellings(draw: st.DrawFn) -> list[str]:
    words = draw(st.lists(st.text(alphabet="abc", min_size=1, max_size=13), min_size=1, max_size=5))
    return [("-" if draw(st.booleans()) else " ").join(
                [draw(_edited(draw(st.sampled_from(words)))) for _ in range(draw(st.integers(1, 2)))]
                + [draw(st.sampled_from(["Lee", "Kim"]))])
            for _ in range(draw(st.integers(1, 20)))]


@settings(deadline=None)  # a shared machine's load is no failure
@given(_people_and_misspellings())
def test_blocking_finds_the_person_comparing_everyone_would(surfaces: list[str]):
    registry = EntityRegistry()
    assert [registry.key_for(surface, "PERSON") for surface in surfaces] == _keys_comparing_everyone(surfaces)
