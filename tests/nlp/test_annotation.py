"""`kabar annotate` and `kabar.annotation`: anyone's text in, span layers with offsets out, nothing stored."""

from __future__ import annotations

import gzip
import json

from typer.testing import CliRunner

from kabar import annotation
from kabar.annotation import annotate_text
from kabar.cli import app
from kabar.model import Doc
from kabar.nlp import pipeline as nlp_pipeline
from tests.conftest import ARTICLE_HTML

runner = CliRunner()
SENTENCE = ("Wakil Ketua Umum Partai Demokrat Nurhayati Ali Assegaf tiba di Surabaya pada Senin (1/12/2025) "
            "bersama 25 kader.")


def _spans_point_into_text(record: dict) -> None:
    for layer in ("entities", "quotes", "quantities", "times", "sentences"):
        for span in record[layer]:
            assert record["text"][span["start"] : span["end"]] == span["text"], (layer, span)
            assert span["label"]


def test_a_single_sentence_is_annotated_as_given():
    record = annotate_text(SENTENCE, as_is=True)
    assert record["text"] == SENTENCE
    _spans_point_into_text(record)
    entities = {e["text"]: e for e in record["entities"]}
    assert entities["Nurhayati Ali Assegaf"]["label"] == "PERSON"
    assert entities["Nurhayati Ali Assegaf"]["name"] == "Nurhayati Ali Assegaf"
    assert "Wakil Ketua Umum" in entities["Nurhayati Ali Assegaf"]["role"]
    assert entities["Surabaya"]["label"] in ("GPE", "LOC")
    [time] = record["times"]
    assert time["value_start"] == "2025-12-01" and time["text"].startswith("Senin")
    assert entities["Partai Demokrat"]["label"] == "ORG"
    assert entities["Partai Demokrat"]["entity"] == "ent-demokrat"
    assert any(q["text"].startswith("25") for q in record["quantities"])
    assert [s["stance"] for s in record["sentences"]] == ["asserted"]


def test_without_as_is_a_bare_sentence_is_not_an_article():
    record = annotate_text("Banjir.")
    assert set(record) == {"source", "error"} and record["error"]


def test_html_is_cleaned_and_offsets_point_into_the_cleaned_text(tmp_path):
    page = tmp_path / "banjir.html"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    result = runner.invoke(app, ["annotate", str(page)])
    assert result.exit_code == 0, result.output
    [line] = result.stdout.splitlines()
    record = json.loads(line)
    assert "<p>" not in record["text"] and "Beranda" not in record["text"]
    assert record["title"] == "Banjir Rendam Tiga Desa"
    _spans_point_into_text(record)
    assert any(q["text"].endswith("120 keluarga") for q in record["quantities"])


def test_jsonl_on_stdin_gives_one_line_per_record_in_order():
    lines = [json.dumps({"text": SENTENCE}), "{not json", json.dumps({"title": "no text"}),
             json.dumps({"text": "Gubernur Jawa Tengah Ahmad Luthfi meninjau Semarang."})]
    result = runner.invoke(app, ["annotate", "-", "--format", "jsonl", "--as-is"], input="\n".join(lines) + "\n")
    assert result.exit_code == 2, result.output  # some input could not be annotated; the rest was
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 4
    assert records[0]["text"] == SENTENCE and "error" not in records[0]
    assert "malformed JSON" in records[1]["error"] and "no text" in records[2]["error"]
    assert "Ahmad Luthfi" in {e["text"] for e in records[3]["entities"]}


def test_as_is_a_record_published_date_resolves_its_relative_days():
    line = json.dumps({"text": "Banjir merendam Bekasi sejak kemarin.", "published": "2019-09-12T10:00:00+07:00"})
    result = runner.invoke(app, ["annotate", "-", "--format", "jsonl", "--as-is"], input=line + "\n")
    assert result.exit_code == 0, result.output
    times = json.loads(result.stdout)["times"]
    assert [(t["text"], t["value_start"]) for t in times] == [("kemarin", "2019-09-11")]


def test_a_missing_file_is_an_error_line_and_exit_code_2(tmp_path):
    result = runner.invoke(app, ["annotate", str(tmp_path / "tidak-ada.txt")])
    assert result.exit_code == 2
    [line] = result.stdout.splitlines()
    assert json.loads(line)["error"] == "no such file or directory"


def test_a_file_a_folder_walk_passes_over_is_listed_as_skipped_not_failed(tmp_path):
    (tmp_path / "README.md").write_text("# Catatan", encoding="utf-8")
    (tmp_path / "berita.txt").write_text(SENTENCE, encoding="utf-8")
    result = runner.invoke(app, ["annotate", str(tmp_path), "--as-is"])
    assert result.exit_code == 0, result.output
    skipped, annotated = (json.loads(line) for line in result.stdout.splitlines())
    assert "not an article file type" in skipped["skipped"] and annotated["text"] == SENTENCE


def test_unknown_format_is_refused():
    result = runner.invoke(app, ["annotate", "-", "--format", "csv"], input="x")
    assert result.exit_code != 0


def test_a_fault_in_one_input_is_its_error_line_and_the_others_are_annotated(tmp_path, monkeypatch, caplog):
    def fails_on_marker(doc: Doc) -> Doc:
        if "rusak anotasi" in doc.text:
            raise RecursionError("maximum recursion depth exceeded")
        return doc

    real_clean = annotation.clean

    def clean(raw, article_id):  # noqa: ANN001, ANN202
        if "MELEDAK" in raw.text:
            raise ValueError("tanggal tidak ada")
        return real_clean(raw, article_id)

    monkeypatch.setattr(nlp_pipeline, "COMPONENTS",
                        (*nlp_pipeline.COMPONENTS, nlp_pipeline.Component("fault", fails_on_marker, (), ())))
    monkeypatch.setattr(annotation, "clean", clean)
    texts = [SENTENCE, SENTENCE + " Penanda rusak anotasi.", SENTENCE + " MELEDAK.", SENTENCE + " Lagi."]
    path = tmp_path / "berita.jsonl"
    path.write_text("\n".join(json.dumps({"text": text}) for text in texts), encoding="utf-8")
    with caplog.at_level("DEBUG", logger="kabar"):
        records = list(annotation.annotate_inputs([str(path)]))
    assert [record.get("error", "").split(":")[0] for record in records] == [
        "", "annotating failed", "cleaning failed", ""]
    assert records[3]["text"].endswith("Lagi.")
    assert "ValueError: tanggal tidak ada" in caplog.text and "RecursionError" in caplog.text  # the tracebacks


def test_jsonl_format_reads_lines_as_ingest_does_and_a_deep_line_is_its_error(tmp_path):
    """A line nested too deeply for the JSON reader once took the whole run down with a traceback; --format
    jsonl now reads lines with ingest's reader (size limit, gzip, an array on one line, the same reasons)."""
    lines = ["[" * 100_000, json.dumps({"text": SENTENCE})]
    result = runner.invoke(app, ["annotate", "-", "--format", "jsonl", "--as-is"], input="\n".join(lines) + "\n")
    assert result.exit_code == 2, result.output
    deep, good = (json.loads(line) for line in result.stdout.splitlines())
    assert "nested too deeply" in deep["error"] and deep["source"] == "<stdin>#L1"
    assert good["text"] == SENTENCE
    packed = tmp_path / "berita.data"
    packed.write_bytes(gzip.compress((json.dumps([{"text": SENTENCE}, {"text": SENTENCE + " Lagi."}]) + "\n").encode()))
    records = list(annotation.annotate_inputs([str(packed)], as_is=True, jsonl=True))
    assert [record["text"] for record in records] == [SENTENCE, SENTENCE + " Lagi."]


def test_jsonl_input_with_no_records_is_an_error_line_not_silence():
    result = runner.invoke(app, ["annotate", "-", "--format", "jsonl"], input="\n  \n")
    assert result.exit_code == 2
    [line] = result.stdout.splitlines()
    assert json.loads(line) == {"source": "<stdin>", "error": "empty input: no JSON records, only blank lines"}


def test_jsonl_on_stdin_in_utf16_is_read_line_by_line():
    """What PowerShell pipes: UTF-16 with a byte-order mark. Before, its first record was lost."""
    lines = [json.dumps({"text": SENTENCE}), json.dumps({"text": "Gubernur Jawa Tengah Ahmad Luthfi meninjau Semarang."})]
    result = runner.invoke(app, ["annotate", "-", "--format", "jsonl", "--as-is"],
                           input="\r\n".join(lines).encode("utf-16"))
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["text"] == SENTENCE and second["text"].startswith("Gubernur")
