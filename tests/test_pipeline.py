"""The main job end to end, through the library and through the CLI."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kabar import export, pipeline
from kabar.cli import app, example_corpus
from kabar.store import Store

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
runner = CliRunner()


def _example_texts() -> list[str]:
    return sorted(str(p) for p in example_corpus().glob("*.txt"))


def test_example_corpus_is_bundled_in_both_forms():
    texts = _example_texts()
    assert 8 <= len(texts) <= 12
    assert all(Path(t).with_suffix(".html").exists() for t in texts)


def test_reingesting_the_same_content_is_a_no_op(tmp_path):
    with Store(tmp_path / "k.sqlite") as store:
        first = pipeline.ingest(_example_texts(), store)
        second = pipeline.ingest(_example_texts(), store)
        assert first.count("stored") == len(_example_texts())
        assert second.count("duplicate") == len(_example_texts())
        assert second.article_ids == first.article_ids
        assert store.count_articles() == len(_example_texts())


def test_analyze_writes_three_outputs_with_a_valid_export(tmp_path):
    with Store(tmp_path / "k.sqlite") as store:
        result, _, written = pipeline.analyze_paths(_example_texts(), store, tmp_path / "out")
    document = json.loads(written["story"].read_text("utf-8"))
    export.validate(document)
    assert len(document["articles"]) == result.count("stored")
    assert all(a["text"].strip() for a in document["articles"])
    assert "<html" in written["report"].read_text("utf-8")
    assert written["brief"].read_text("utf-8").startswith("# ")


def test_cli_analyze_on_the_seeds(tmp_path):
    if not SEEDS.exists():
        pytest.skip("../shared/corpus/seeds is absent in this clone")
    out = tmp_path / "out"
    outcome = runner.invoke(app, ["analyze", str(SEEDS), "--out", str(out), "--db", str(tmp_path / "k.sqlite")])
    assert outcome.exit_code == 0, outcome.output
    document = json.loads((out / "story.json").read_text("utf-8"))
    export.validate(document)
    assert len(document["articles"]) == 5
    assert {a["outlet"] for a in document["articles"]} >= {"Suara.com", "JatimTIMES"}


def test_cli_reports_rejected_input_with_exit_code_two(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "scan.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    good = _example_texts()[0]
    outcome = runner.invoke(
        app, ["ingest", str(tmp_path / "in"), good, "--db", str(tmp_path / "k.sqlite")], terminal_width=200
    )
    assert outcome.exit_code == 2, outcome.output
    assert "1 stored" in outcome.output and "1 rejected" in outcome.output and "1 skipped" in outcome.output
    with Store(tmp_path / "k.sqlite") as store:
        reasons = {Path(o.source).name: (o.status, o.reason) for o in store.outcomes() if o.status != "stored"}
    assert reasons["empty.txt"][0] == "rejected" and reasons["empty.txt"][1].startswith("empty input")
    assert reasons["scan.pdf"][0] == "skipped" and "not an article file type" in reasons["scan.pdf"][1]


def test_a_skipped_file_alone_does_not_fail_the_run(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "README.md").write_text("# notes about this folder\n", encoding="utf-8")
    (tmp_path / "in" / "a.txt").write_text(Path(_example_texts()[0]).read_text("utf-8"), encoding="utf-8")
    outcome = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "k.sqlite")])
    assert outcome.exit_code == 0, outcome.output
    assert "1 stored, 0 duplicate, 0 rejected, 1 skipped" in outcome.output


def test_cli_search_finds_stemmed_words(tmp_path):
    db = str(tmp_path / "k.sqlite")
    assert runner.invoke(app, ["ingest", *_example_texts(), "--db", db]).exit_code == 0
    outcome = runner.invoke(app, ["search", "pengiriman pasukan", "--db", db], terminal_width=200)
    assert outcome.exit_code == 0, outcome.output
    assert "0 hits" not in outcome.output


def test_help_lists_every_command():
    outcome = runner.invoke(app, ["--help"])
    for command in ("analyze", "demo", "ingest", "search", "export", "eval"):
        assert command in outcome.output


def test_analysis_is_kept_in_the_store(tmp_path):
    with Store(tmp_path / "k.sqlite") as store:
        _, export_, _ = pipeline.analyze_paths(_example_texts(), store, tmp_path / "out")
        assert store.load_annotations(export_.articles[0].id)["sentences"]
        saved = store.load_analysis()
        assert saved is not None and saved.claim_groups == export_.claim_groups
        assert [s.articles for s in saved.stories] == [s.articles for s in export_.stories]


def test_an_article_annotated_before_is_not_annotated_again(tmp_path, monkeypatch):
    annotated: list[str] = []
    real_annotate_all = pipeline.annotate_all

    def counting(articles, *args, **kwargs):
        annotated.extend(a.id for a in articles)
        return real_annotate_all(articles, *args, **kwargs)

    monkeypatch.setattr(pipeline, "annotate_all", counting)
    with Store(tmp_path / "k.sqlite") as store:
        _, first, _ = pipeline.analyze_paths(_example_texts()[:4], store, tmp_path / "one")
        assert sorted(annotated) == sorted(a.id for a in first.articles)
        annotated.clear()
        _, second, _ = pipeline.analyze_paths(_example_texts(), store, tmp_path / "two")
        assert sorted(annotated) == sorted(a.id for a in second.articles[4:] if a.id not in
                                           {b.id for b in first.articles})
        assert len(second.articles) == len(_example_texts())
        assert [c.id for c in second.claims if c.evidence[0].article in {a.id for a in first.articles}]


def test_ingest_by_several_processes_stores_what_one_stores(tmp_path):
    """A batch large enough for worker processes: same outcomes, in input order, same stored texts; a repeat
    within the batch is a duplicate and an empty input is rejected, as in one process."""
    examples = [Path(p).read_text("utf-8") for p in _example_texts()]
    (tmp_path / "in").mkdir()
    for index in range(pipeline.PARALLEL_CLEANING_FROM + 6):
        text = f"{examples[index % len(examples)]}\n\nCatatan redaksi nomor {index}."
        (tmp_path / "in" / f"{index:03d}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "in" / "900.txt").write_text((tmp_path / "in" / "000.txt").read_text("utf-8"), encoding="utf-8")
    (tmp_path / "in" / "901.txt").write_text(" ", encoding="utf-8")
    found = {}
    for workers in (1, 2):
        with Store(tmp_path / f"{workers}.sqlite") as store:
            result = pipeline.ingest([str(tmp_path / "in")], store, workers=workers)
            found[workers] = ([(o.source, o.status, o.reason, o.article_id) for o in result.outcomes],
                              [(a.id, a.text) for a in store.articles(result.article_ids)])
    assert found[1] == found[2]
    statuses = [status for _source, status, _reason, _id in found[2][0]]
    assert statuses.count("duplicate") == 1 and statuses.count("rejected") == 1


@pytest.mark.parametrize(("target", "reason"), [
    ("kabar.pipeline.clean", "cleaning failed: RuntimeError: injected fault"),
    ("kabar.store.Store.add_article", "storing failed: RuntimeError: injected fault"),
])
def test_an_input_that_fails_to_clean_or_store_keeps_its_reason_and_logs_its_traceback(
        tmp_path, monkeypatch, caplog, target, reason):
    def failing(*args, **kwargs):
        raise RuntimeError("injected fault")

    monkeypatch.setattr(target, failing)
    with Store(tmp_path / "k.sqlite") as store, caplog.at_level("DEBUG", logger="kabar.pipeline"):
        result = pipeline.ingest(_example_texts()[:1], store)
    assert [(o.status, o.reason) for o in result.outcomes] == [("rejected", reason)]
    assert "Traceback" in caplog.text and "injected fault" in caplog.text
