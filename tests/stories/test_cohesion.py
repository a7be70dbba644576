"""The read-out split of events and stories into their cohesive parts, and the reader's verdicts on the
largest Kompas stories."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest

from kabar.eval.stories import Verdict, judged
from kabar.model import Article
from kabar.stories import cluster as grouping
from kabar.stories.cluster import Cohesion, Features, StoryGrouper, Vocabulary, features

WIB = timezone(timedelta(hours=7))

IDENTIFIED = ("Tim DVI Polri mengidentifikasi empat jenazah korban terbakar kecelakaan beruntun di KM 91 Tol "
              "Cipularang yang terjadi Senin pekan lalu. Keluarga korban mendatangi RS Polri Kramat Jati.")
PILE_UP = ("Truk kontainer mengalami rem blong dan menabrak lima kendaraan di KM 92 Tol Cipularang, Selasa siang. "
           "Satu truk terbakar dan arus lalu lintas arah Jakarta tersendat dua jam.")
# the background of a week's pile: unrelated reports, and others naming the same road and the same kind of news
FILLER = ([f"Warga kampung {n} menanam {n} pohon mangga di halaman balai desa {n}." for n in range(30)]
          + [f"Arus mudik di Tol Cipularang ramai lancar pada hari ke-{n}; korban kecelakaan kecil dirawat warga."
             for n in range(15)])


def _article(article_id: str, title: str, text: str, day: int | None) -> Article:
    published = datetime(2019, 9, day, 15, tzinfo=WIB) if day is not None else None
    return Article(id=article_id, source=f"{article_id}.txt", text=text, title=title, outlet="Warta Uji",
                   published=published)


def _grouper(articles: list[Article]) -> tuple[StoryGrouper, dict[str, Features]]:
    """Term views only (no encoder): the background articles give the terms their weights."""
    items = {a.id: features(a) for a in articles}
    for n, text in enumerate(FILLER):
        items[f"f{n}"] = features(_article(f"f{n}", f"Tanam pohon {n}", text, 1))
    vocabulary = Vocabulary()
    for item in items.values():
        vocabulary.count(item)
    return StoryGrouper(vocabulary), items


CRASHES = [
    _article("i1", "Empat Jenazah Korban Kecelakaan KM 91 Cipularang Teridentifikasi", IDENTIFIED, 10),
    _article("i2", "Tim DVI Identifikasi Empat Jenazah Korban KM 91", IDENTIFIED, 10),
    _article("i3", "Keluarga Korban Kecelakaan KM 91 Datangi RS Polri", IDENTIFIED, 11),
    _article("p1", "Truk Rem Blong Tabrak Lima Kendaraan di KM 92 Tol Cipularang", PILE_UP, 10),
    _article("p2", "Lagi, Tabrakan Beruntun di Tol Cipularang, Truk Kontainer Terbakar", PILE_UP, 10),
]


def test_two_developments_at_one_place_held_in_one_event_come_apart():
    """Every member must be like the others on average: the identification of one crash's victims and
    another crash at the same stretch of road share the road's name, not the development."""
    grouper, items = _grouper(CRASHES)
    parts = grouper.cohesive_parts([a.id for a in CRASHES], items, grouping.EVENT_COHESION)
    assert sorted(map(sorted, parts)) == [["i1", "i2", "i3"], ["p1", "p2"]]
    everything = Cohesion(grouping.EVENT_WEIGHTS, -1.0)
    assert len(grouper.cohesive_parts([a.id for a in CRASHES], items, everything)) == 1


def test_parts_keep_the_members_order_and_lose_none():
    grouper, items = _grouper(CRASHES)
    members = ["p2", "i1", "p1", "i3", "i2"]
    parts = grouper.cohesive_parts(members, items, grouping.EVENT_COHESION)
    assert Counter(m for part in parts for m in part) == Counter(members)
    for part in parts:
        assert part == [m for m in members if m in part]


def test_an_undated_pair_needs_the_undated_margin_more():
    """Time cannot hold undated reports apart, so only a strong likeness keeps them together."""
    dated = [_article("a", "Truk Rem Blong di KM 92 Cipularang", PILE_UP, 10),
             _article("b", "Korban Kecelakaan KM 91 Cipularang Teridentifikasi", IDENTIFIED, 10)]
    undated = [_article(a.id, a.title or "", a.text, None) for a in dated]
    grouper, items = _grouper(dated)
    both_dated = grouper._pairwise_likeness([items["a"], items["b"]], grouping.STORY_COHESION)[0, 1]
    grouper, items = _grouper(undated)
    both_undated = grouper._pairwise_likeness([items["a"], items["b"]], grouping.STORY_COHESION)[0, 1]
    assert both_undated == pytest.approx(both_dated - grouping.UNDATED_MARGIN)


def test_undated_cuts_of_a_story_become_stories_of_their_own():
    """Nothing dates an undated report within a thread: undated cuts leave the story, however alike in words
    (they are as often one beat's other weekends as the same development); undated reports held in one event
    with dated ones stay with them."""
    reports = [_article("p1", "Truk Rem Blong Tabrak Lima Kendaraan di KM 92 Tol Cipularang", PILE_UP, 10),
               _article("p2", "Truk Kontainer Rem Blong Tabrak Lima Kendaraan di KM 92", PILE_UP, 10),
               _article("u1", "Truk Rem Blong Tabrak Lima Kendaraan di KM 92 Cipularang", PILE_UP, None),
               _article("u2", "Rem Blong, Truk Tabrak Lima Kendaraan di Tol Cipularang", PILE_UP, None)]
    grouper, items = _grouper(reports)
    assert grouper._cohesive_threads([["p1", "p2"], ["u1", "u2"]], items) == [[["p1", "p2"]], [["u1", "u2"]]]
    assert grouper._cohesive_threads([["u1"], ["u2"]], items) == [[["u1"]], [["u2"]]]
    assert grouper._cohesive_threads([["p1", "u1"], ["p2"]], items) == [[["p1", "u1"], ["p2"]]]
    assert len(grouper.cohesive_parts(["p1", "p2", "u1", "u2"], items, grouping.STORY_COHESION)) == 1


def test_reports_days_apart_are_less_alike_by_the_decay():
    near = [_article("a", "Truk Rem Blong di KM 92 Cipularang", PILE_UP, 10),
            _article("b", "Tabrakan Beruntun KM 92 Cipularang", PILE_UP, 11)]
    far = [near[0], _article("b", "Tabrakan Beruntun KM 92 Cipularang", PILE_UP, 20)]
    decaying = Cohesion(grouping.STORY_WEIGHTS, 0.0, 0.02)
    grouper, items = _grouper(near)
    close = grouper._pairwise_likeness([items["a"], items["b"]], decaying)[0, 1]
    grouper, items = _grouper(far)
    apart = grouper._pairwise_likeness([items["a"], items["b"]], decaying)[0, 1]
    assert close - apart == pytest.approx(0.02 * (20 - 10 - grouping.EVENT_DAYS))


def test_a_verdict_applies_to_nearly_the_same_members_only():
    verdicts = [Verdict(frozenset(f"a{n}" for n in range(10)), False, "theme"),
                Verdict(frozenset({"b1", "b2", "b3"}), True, "one story")]
    assert judged([f"a{n}" for n in range(9)], verdicts) is verdicts[0]
    assert judged([f"a{n}" for n in range(5)], verdicts) is None  # a part of a theme may be one story
    assert judged(["b1", "b2", "b3"], verdicts) is verdicts[1]
    assert judged(["c1"], verdicts) is None
    assert judged(["c1"], []) is None
