"""scripts/story_errors.py: each labelled event's loss is what its reports miss of B-cubed precision and recall."""

import importlib.util
from pathlib import Path

import pytest

from kabar.eval.stories import bcubed

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "story_errors.py"


@pytest.fixture(scope="module")
def story_errors():
    spec = importlib.util.spec_from_file_location("story_errors", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_losses_add_up_to_what_bcubed_misses(story_errors):
    labels = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}
    events = [["a", "b", "d"], ["c"], ["e"]]
    lost = story_errors.losses(events, labels)
    precision, recall, _ = bcubed(events, labels)
    assert sum(lost.values()) / len(labels) == pytest.approx(2 - precision - recall)
    assert lost["x"] > lost["y"] > 0  # both split and merged; x over three reports


def test_an_event_grouped_alone_and_whole_loses_nothing(story_errors):
    lost = story_errors.losses([["a", "b"], ["c"]], {"a": "x", "b": "x", "c": "y"})
    assert lost["x"] == 0 and lost["y"] == 0
