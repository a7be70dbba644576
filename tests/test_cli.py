"""The command line as people try it: short help, version, flags, JSON output, plain progress lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kabar import __version__
from kabar.cli import app, example_corpus

runner = CliRunner()
BRACKETED = ("Warga Tolak Rencana Tambang Pasir\n\nWarga desa menolak rencana tambang pasir di tepi sungai, kata "
             "kepala desa. Spanduk bertuliskan [pasukan] penjaga sungai dipasang di jembatan desa pada Senin.\n\n"
             "Pemerintah kabupaten berjanji meninjau ulang izin tambang itu pekan depan.")


def _texts() -> list[str]:
    return sorted(str(p) for p in example_corpus().glob("*.txt"))


def test_short_help_and_version():
    assert runner.invoke(app, ["-h"]).exit_code == 0
    assert runner.invoke(app, ["ingest", "-h"]).exit_code == 0
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.output.strip() == __version__


def test_python_dash_m_kabar_runs_the_same_command_line():
    done = subprocess.run([sys.executable, "-m", "kabar", "--version"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.strip() == __version__


def test_help_shows_flags_as_flags_and_defaults():
    output = runner.invoke(app, ["ingest", "--help"], terminal_width=120).output
    assert "--allow-private " in output and "<bool>" not in output
    assert "--json " in output and "[default: 20.0]" in output


@pytest.mark.parametrize("group", [[], ["eval"]])
def test_every_command_is_described_whole_in_an_80_column_command_list(group):
    listing = runner.invoke(app, [*group, "--help"], terminal_width=80).output.split("Commands:")[1]
    lines = [line for line in listing.splitlines() if line.strip()]
    assert lines and not [line for line in lines if line.rstrip().endswith("...")]


def test_search_keeps_matched_words_and_brackets_and_prints_json(tmp_path: Path):
    db = str(tmp_path / "k.sqlite")
    (tmp_path / "tambang.txt").write_text(BRACKETED, encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(tmp_path / "tambang.txt"), "--db", db]).exit_code == 0
    table = runner.invoke(app, ["search", "pasukan", "--db", db], terminal_width=250)
    assert table.exit_code == 0 and "[pasukan]" in table.output
    found = json.loads(runner.invoke(app, ["search", "pasukan", "--json", "--db", db]).stdout)
    hit = found["hits"][0]
    assert [hit["snippet"][s:e] for s, e in hit["matches"]] == ["pasukan"]
    assert found["facets"]["outlet"] is not None


def test_ingest_json_names_the_duplicated_article_and_each_story(tmp_path: Path):
    db = str(tmp_path / "k.sqlite")
    first = json.loads(runner.invoke(app, ["ingest", *_texts()[:3], "--json", "--db", db]).stdout)
    assert first["counts"] == {"stored": 3, "duplicate": 0, "rejected": 0, "skipped": 0}
    assert all(row["story"]["id"] and row["story"]["title"] for row in first["outcomes"])
    again = json.loads(runner.invoke(app, ["ingest", _texts()[0], "--json", "--db", db]).stdout)
    assert again["outcomes"][0]["status"] == "duplicate"
    assert again["outcomes"][0]["article"] == first["outcomes"][0]["article"]
    table = runner.invoke(app, ["ingest", _texts()[0], "--db", db], terminal_width=200)
    assert "duplicate of" in table.stdout and first["outcomes"][0]["article"] in table.stdout


def test_progress_is_plain_lines_with_counts_and_rates_when_not_a_terminal(tmp_path: Path):
    outcome = runner.invoke(app, ["ingest", *_texts(), "--db", str(tmp_path / "k.sqlite")])
    lines = [line for line in outcome.stderr.splitlines() if line.startswith("ingest:")]
    assert lines and f"ingest: {len(_texts())} done in " in lines[-1] and lines[-1].endswith("/s)")
    assert "\x1b[" not in outcome.stderr


def test_a_story_whose_analysis_fails_is_reported_and_the_others_are_written_whole(tmp_path: Path, monkeypatch):
    from kabar.stories import analysis

    mining = tmp_path / "tambang.txt"
    mining.write_text(BRACKETED, encoding="utf-8")
    real = analysis.group_claims

    def failing_for_the_mining_story(claims, articles, names, language=None):
        if any("tambang" in a.text for a in articles.values()):
            raise RuntimeError("injected fault")
        return real(claims, articles, names, language)

    monkeypatch.setattr(analysis, "group_claims", failing_for_the_mining_story)
    out, db = tmp_path / "out", str(tmp_path / "k.sqlite")
    outcome = runner.invoke(app, ["analyze", *_texts(), str(mining), "--out", str(out), "--db", db],
                            terminal_width=200)
    assert outcome.exit_code == 2, outcome.output
    assert "analysed in part: claim groups failed: RuntimeError: injected fault" in outcome.output
    stories = json.loads((out / "story.json").read_text("utf-8"))["stories"]
    failed = [s for s in stories if s["failure"]]
    assert len(failed) == 1 and len(stories) >= 2 and failed[0]["failure"].startswith("claim groups failed")
    assert all(s["brief"]["sentences"] and s["key_figures"] for s in stories if not s["failure"])
    assert "claim groups failed" in (out / "report.html").read_text("utf-8")
    again = runner.invoke(app, ["export", "--out", str(tmp_path / "again"), "--db", db], terminal_width=200)
    assert again.exit_code == 2 and "claim groups failed" in again.output


@pytest.mark.parametrize(("module", "step", "reason"), [
    ("kabar.pipeline", "link_entities", "linking entities failed: RuntimeError: injected fault; "
                                        "entities are left unlinked"),
    ("kabar.stories.analysis", "find_duplicates", "finding copies failed: RuntimeError: injected fault; "
                                                  "no article is marked a copy"),
    ("kabar.stories.analysis", "cluster", "grouping into stories failed: RuntimeError: injected fault; "
                                          "each article is its own story"),
])
def test_a_step_over_all_articles_that_fails_falls_back_and_says_so(tmp_path: Path, monkeypatch, module, step,
                                                                     reason):
    from kabar import export

    def failing(*args, **kwargs):
        raise RuntimeError("injected fault")

    monkeypatch.setattr(f"{module}.{step}", failing)
    out = tmp_path / "out"
    outcome = runner.invoke(app, ["analyze", *_texts(), "--out", str(out), "--db", str(tmp_path / "k.sqlite")],
                            terminal_width=200)
    assert outcome.exit_code == 2, outcome.output
    assert f"fallback: {reason}" in outcome.output and "Traceback" not in outcome.output
    document = json.loads((out / "story.json").read_text("utf-8"))
    export.validate(document)
    assert document["fallbacks"] == [reason]
    assert reason in (out / "report.html").read_text("utf-8") and reason in (out / "brief.md").read_text("utf-8")
    placed = [a for s in document["stories"] for a in s["articles"]]
    assert sorted(placed) == sorted(a["id"] for a in document["articles"]) and len(placed) == len(_texts())
    if step == "link_entities":
        assert not document["entities"] and document["claims"]
        assert not any(c["attributed_to"] for c in document["claims"])
    if step == "find_duplicates":
        assert not any(a["duplicate_of"] for a in document["articles"])
    if step == "cluster":
        assert all(len(s["articles"]) == 1 for s in document["stories"])


def test_verbose_shows_the_traceback_of_a_story_set_aside(tmp_path: Path, monkeypatch):
    from kabar.stories import analysis

    def failing(*args, **kwargs):
        raise RuntimeError("injected fault")

    monkeypatch.setattr(analysis, "build_timeline", failing)
    texts = _texts()[:2]
    quiet = runner.invoke(app, ["analyze", *texts, "--out", str(tmp_path / "quiet"), "--db", str(tmp_path / "q")])
    loud = runner.invoke(app, ["-v", "analyze", *texts, "--out", str(tmp_path / "loud"), "--db", str(tmp_path / "l")])
    assert quiet.exit_code == loud.exit_code == 2
    assert "analysed in part: timeline failed" in quiet.output and "Traceback" not in quiet.output
    assert "analysed in part: timeline failed" in loud.output and "Traceback" in loud.output
    assert "RuntimeError: injected fault" in loud.output
    assert "--verbose" in runner.invoke(app, ["--help"], terminal_width=120).output


def test_verbose_is_taken_after_the_command_too_and_logs_once_when_given_twice(tmp_path: Path, monkeypatch):
    from kabar.stories import analysis

    def failing(*args, **kwargs):
        raise RuntimeError("injected fault")

    monkeypatch.setattr(analysis, "build_timeline", failing)
    texts = _texts()[:2]
    after = runner.invoke(app, ["analyze", *texts, "-o", str(tmp_path / "a"), "--db", str(tmp_path / "a.db"), "-v"])
    twice = runner.invoke(app, ["-v", "analyze", *texts, "-o", str(tmp_path / "t"), "--db", str(tmp_path / "t.db"),
                                "--verbose"])
    assert after.exit_code == twice.exit_code == 2
    assert "RuntimeError: injected fault" in after.output
    assert after.output.count("Traceback") == twice.output.count("Traceback") > 0
    for command in (["analyze"], ["eval", "claims"], ["serve"]):
        assert "--verbose" in runner.invoke(app, [*command, "--help"], terminal_width=120).output


def test_demo_exits_two_when_a_story_is_analysed_only_in_part(tmp_path: Path, monkeypatch):
    from kabar.stories import analysis

    def failing(*args, **kwargs):
        raise RuntimeError("injected fault")

    monkeypatch.setattr(analysis, "build_timeline", failing)
    outcome = runner.invoke(app, ["demo", "--out", str(tmp_path / "demo")], terminal_width=200)
    assert outcome.exit_code == 2, outcome.output
    assert "analysed in part: timeline failed: RuntimeError: injected fault" in outcome.output
    assert (tmp_path / "demo" / "report.html").exists()
