"""The dated timeline (kabar/stories/timeline.py) on small hand-made claims: which reports make one entry."""

from __future__ import annotations

from datetime import date

from kabar.model import Claim, Evidence, When
from kabar.stories.timeline import build_timeline

FRIDAY = When("2019-09-06", "day", None, "Jumat (6/9/2019)")


def _event(claim_id: str, article: str, clause: str, predicate: str) -> Claim:
    sentence = f"{clause}, Jumat (6/9/2019)."
    return Claim(claim_id, "event", clause, None, "asserted", [Evidence(article, 0, len(sentence), sentence)],
                 when=FRIDAY, extra={"clause": clause, "predicate": predicate})


def test_a_report_sharing_words_with_two_entries_makes_them_one_whatever_the_order():
    pile_up = _event("c1", "a1", "Kecelakaan beruntun melibatkan lima kendaraan di Boulevard", "melibatkan")
    driver = _event("c2", "a2", "Sopir truk tanah menabrak empat mobil", "menabrak")
    both = _event("c3", "a3", "Kecelakaan beruntun truk tanah menabrak empat mobil di Boulevard", "menabrak")
    published = {article: date(2019, 9, 10) for article in ("a1", "a2", "a3")}
    for order in ([pile_up, driver, both], [both, pile_up, driver], [driver, both, pile_up]):
        entries = build_timeline(order, {}, published)
        assert [sorted(e.claims) for e in entries] == [["c1", "c2", "c3"]]
