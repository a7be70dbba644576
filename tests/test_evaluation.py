"""The evaluation commands run, and the seed figures stay at the levels the closing notes quote."""

from __future__ import annotations

from typer.testing import CliRunner

from kabar.cli import app
from kabar.eval.annotations import evaluate

runner = CliRunner()


def test_annotation_layer_meets_its_targets_on_the_seeds(seeds_dir):
    scores = evaluate()
    assert scores["quantities"].f1 >= 0.95
    assert scores["times"].f1 >= 0.9
    assert scores["quotes (speaker)"].f1 >= 0.9
    assert scores["entities"].recall >= 0.9


def test_eval_commands_print_their_tables(seeds_dir):
    outcome = runner.invoke(app, ["eval", "all"], terminal_width=160)
    assert outcome.exit_code == 0, outcome.output
    for heading in ("Cleaning on the five seeds", "trafilatura", "jusText", "Annotation layer on the five seeds"):
        assert heading in outcome.output
