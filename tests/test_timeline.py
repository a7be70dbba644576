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


def _figure(claim_id: str, sentence: str, figure: str, when: When) -> Claim:
    return Claim(claim_id, "quantity", figure, None, "asserted", [Evidence("a1", 0, len(sentence), sentence)],
                 when=when, extra={"clause": sentence.rstrip("."), "figure": figure})


def test_a_month_or_year_holding_the_report_day_with_a_limit_word_is_so_far_not_an_entry():
    published = {"a1": date(2019, 9, 10)}
    so_far = _figure("c1", "Polisi menetapkan 175 tersangka hingga September 2019.", "175 tersangka",
                     When("2019-09", "month", None, "September 2019"))
    this_year = _figure("c2", "Jumlah tersangka karhutla tahun 2019 ini 175 orang.", "175 orang",
                        When("2019", "year", None, "tahun 2019"))
    month_over = _figure("c3", "Luas kebakaran hingga Agustus 2019 tercatat 328.724 hektare.", "328.724 hektare",
                         When("2019-08", "month", None, "Agustus 2019"))
    this_month = _figure("c4", "Pada September 2019 polisi menyita 12 truk.", "12 truk",
                         When("2019-09", "month", None, "September 2019"))
    entries = build_timeline([so_far, this_year, month_over, this_month], {}, published)
    assert sorted(c for e in entries for c in e.claims) == ["c3", "c4"]
