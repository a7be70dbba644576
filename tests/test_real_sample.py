"""Speakers, times and figures on the hand-labelled real articles (tests/gold/real): the gold is well formed
and never copies article text, the held-back third is fixed by the article id, and the figures stay above
floors set below what was measured (held-back: speakers 0.908 on the first sample and 0.795 on the second
batch, times F1 0.973 / values 0.982, figures F1 0.970 / values 0.922 on 1,774 figures)."""

from __future__ import annotations

import json

import pytest

from kabar.eval import real_annotations as real


def _gold(layer: str) -> list[dict]:
    return [json.loads(line) for line in (real.GOLD / f"{layer}.jsonl").read_text("utf-8").splitlines()]


@pytest.fixture
def real_corpus() -> None:
    if not real.available():
        pytest.skip("../shared/corpus/real is absent in this clone (the real articles live beside the repo)")


def test_gold_has_the_promised_sizes_and_only_short_spans():
    speakers, times, figures = _gold("speakers"), _gold("times"), _gold("quantities")
    assert sum(1 for item in speakers if item["quote"]) >= 300
    assert len(times) >= 200 and len(figures) >= 200
    assert all(len(item.get("speaker") or "") <= 60 for item in speakers)
    assert all(len(item["text"]) <= 60 and item["end"] - item["start"] == len(item["text"]) for item in times + figures)
    outlets = {item["id"].split("/")[2].split(".")[-2] for item in speakers if item["id"].startswith("http")}
    assert {"okezone", "tempo", "sindonews", "tribunnews", "kompas"} <= outlets


def test_the_held_back_third_is_decided_by_the_article_id_alone():
    ids = {item["id"] for item in _gold("speakers")}
    held = {i for i in ids if real.part_of(i) == "held-back"}
    assert 0.2 < len(held) / len(ids) < 0.45
    assert real.part_of("sha1:63e72b8104a7") == "held-back" and real.part_of("http://kmp.im/AGIGEU") == "dev"


@pytest.mark.parametrize(("gold", "said", "right"), [
    ({"speaker": "Anil", "kind": "person"}, "Anil Pathak", True),
    ({"speaker": "Nova Arianto", "kind": "person"}, "Nova", True),
    ({"speaker": "analis", "kind": "group"}, "beberapa analis", True),
    ({"speaker": "otoritas militer Israel", "kind": "group"}, "Israel", False),
    ({"speaker": "Kepala Staf Gabungan", "kind": "organisation"}, "Kepala Staf Gabungan Korea Selatan", True),
    ({"speaker": "BPS", "also": ["Badan Pusat Statistik"], "kind": "organisation"}, "Badan Pusat Statistik", True),
    ({"speaker": "Trump", "kind": "person"}, None, False),
])
def test_speaker_matching(gold, said, right):
    assert real.speaker_matches(gold, said) is right


def test_gold_offsets_point_at_the_labelled_words(real_corpus):
    for item in _gold("times") + _gold("quantities"):
        text = real.article_of(item["file"], item["id"]).text
        assert text[item["start"] : item["end"]] == item["text"]


def test_speakers_times_and_figures_on_real_articles(real_corpus):
    speakers = real.score_speakers_by_batch()
    # the first sample: measured 0.908 held-back / 0.941 dev
    assert speakers[("first sample", "held-back")].accuracy >= 0.88
    assert speakers[("first sample", "dev")].accuracy >= 0.92
    # the second batch, labelled before the system ran on it: 0.795 held-back / 0.896 dev once rules were
    # written on its dev part (0.795 / 0.771 as first measured)
    assert speakers[("second (24 articles)", "held-back")].accuracy >= 0.75
    assert speakers[("second (24 articles)", "dev")].accuracy >= 0.85
    # figures' values: the batches labelled before the system ran on them keep the held-back part near 0.92
    for layer, f1_floor, value_floor in (("times", 0.93, 0.95), ("quantities", 0.93, 0.87)):
        for part, figures in real.score_spans(layer).items():
            assert figures.spans.f1 >= f1_floor, (layer, part)
            assert figures.value_accuracy >= value_floor, (layer, part)
