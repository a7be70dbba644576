"""The JSON API through the real app and a real store built from the example corpus."""

from __future__ import annotations

import json
import time

from fastapi.testclient import TestClient

from kabar.cli import example_corpus
from tests.web.conftest import TOKEN


def _wait_for(client: TestClient, location: str, seconds: float = 120) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = client.get(location).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job at {location} did not end within {seconds} s")


def test_stories_list_every_article_once_with_counts(client: TestClient):
    page = client.get("/api/v1/stories", params={"limit": 200}).json()
    articles = client.get("/api/v1/articles", params={"limit": 200}).json()
    assert page["total"] == len(page["items"]) >= 2
    assert sum(s["articles"] for s in page["items"]) == articles["total"] == 11
    for story in page["items"]:
        assert story["sources"] == len(story["outlets"]) >= 1
        assert story["first_day"] <= story["last_day"]


def test_stories_sort_by_sources_and_dispute(client: TestClient):
    by_sources = client.get("/api/v1/stories", params={"sort": "sources"}).json()["items"]
    assert [s["sources"] for s in by_sources] == sorted((s["sources"] for s in by_sources), reverse=True)
    disputed = client.get("/api/v1/stories", params={"sort": "disputed"}).json()["items"]
    keys = [(s["disputed_groups"], s["doubted_claims"]) for s in disputed]
    assert keys == sorted(keys, reverse=True) and keys[0][0] >= 1


def test_stories_filter_by_outlet_language_entity_and_date(client: TestClient):
    english = client.get("/api/v1/stories", params={"language": "en"}).json()["items"]
    assert english and all("en" in s["languages"] for s in english)
    ledger = client.get("/api/v1/stories", params={"outlet": "the jakarta ledger"}).json()["items"]
    assert len(ledger) == 1 and "The Jakarta Ledger" in ledger[0]["outlets"]
    everything = client.get("/api/v1/stories").json()["total"]
    kim = client.get("/api/v1/stories", params={"entity": "ent-kim-jong-un"}).json()["total"]
    assert 1 <= kim < everything
    late = client.get("/api/v1/stories", params={"since": "2024-11-15"}).json()["items"]
    assert late and all(s["last_day"] >= "2024-11-15" for s in late)
    assert client.get("/api/v1/stories", params={"until": "2000-01-01"}).json()["total"] == 0


def test_a_story_is_a_per_story_export_whose_evidence_lies_in_its_own_articles(client: TestClient):
    story_id = client.get("/api/v1/stories", params={"sort": "sources"}).json()["items"][0]["id"]
    document = client.get(f"/api/v1/stories/{story_id}", params={"texts": "true"}).json()
    assert document["schema"].startswith("kabar.story-export/")
    assert [s["id"] for s in document["stories"]] == [story_id]
    texts = {a["id"]: a["text"] for a in document["articles"]}
    spans = [e for c in document["claims"] for e in c["evidence"]] + [q["evidence"] for q in document["quotes"]]
    spans += [c for s in document["brief"]["sentences"] for c in s["citations"]]
    assert document["brief"]["sentences"] and document["claims"] and document["quotes"]
    for span in spans:
        assert texts[span["article"]][span["start"] : span["end"]] == span["text"]


def test_pagination_pages_through_without_overlap(client: TestClient):
    first = client.get("/api/v1/articles", params={"limit": 4}).json()
    second = client.get(first["next"]).json()
    assert first["previous"] is None and second["previous"]
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    assert len(first["items"]) == 4 and second["offset"] == 4


def test_etag_answers_304_until_the_store_changes(writable_client: TestClient):
    first = writable_client.get("/api/v1/stories")
    tag = first.headers["etag"]
    assert writable_client.get("/api/v1/stories", headers={"If-None-Match": tag}).status_code == 304
    assert writable_client.get("/api/v1/stories?sort=sources", headers={"If-None-Match": tag}).status_code == 200
    upload = ("extra.txt", "Harga Cabai Naik Tajam di Pasar Induk\n\nHarga cabai rawit di pasar induk naik "
              "menjadi Rp90.000 per kilogram pada Senin, kata pedagang. Pasokan dari sentra produksi berkurang "
              "karena hujan deras sepekan terakhir.\n\nPedagang memperkirakan harga turun bulan depan.")
    started = writable_client.post("/api/v1/ingest/files", files={"files": upload},
                                   headers={"Authorization": f"Bearer {TOKEN}"})
    assert _wait_for(writable_client, started.headers["location"])["counts"]["stored"] == 1
    assert writable_client.get("/api/v1/stories", headers={"If-None-Match": tag}).status_code == 200


def test_article_has_text_removed_lines_metadata_annotations_and_story(client: TestClient):
    listed = client.get("/api/v1/articles", params={"outlet": "Warta Nusantara"}).json()["items"]
    article = client.get(f"/api/v1/articles/{listed[0]['id']}").json()
    assert article["outlet"] == "Warta Nusantara" and article["published"].startswith("2024-10-19")
    assert article["removed"] and all(r["reason"] for r in article["removed"])
    assert {"entities", "sentences"} <= set(article["annotations"])
    for span in article["annotations"]["entities"]:
        assert article["text"][span["start"] : span["end"]] == span["text"]
    assert article["story"]["id"] == listed[0]["story"]


def test_entities_and_entity(client: TestClient):
    found = client.get("/api/v1/entities", params={"q": "korea utara"}).json()["items"]
    assert found[0]["name"] == "Korea Utara" and "North Korea" in found[0]["aliases"]
    entity = client.get(f"/api/v1/entities/{found[0]['id']}").json()
    assert entity["stories"] and len(entity["mentions"]) == found[0]["mentions"]
    page = client.get("/api/v1/entities", params={"type": "PERSON"}).json()
    assert "PERSON" in page["types"] and page["items"] and all(e["type"] == "PERSON" for e in page["items"])


def test_search_returns_matches_and_facets(client: TestClient):
    result = client.get("/api/v1/search", params={"q": "pasukan khusus"}).json()
    assert result["total"] >= 2
    for hit in result["hits"]:
        words = [hit["snippet"][s:e].lower() for s, e in hit["matches"]]
        assert {"pasukan", "khusus"} & set(words)
    outlets = {f["value"]: f["hits"] for f in result["facets"]["outlet"]}
    assert sum(outlets.values()) == result["total"]
    narrowed = client.get("/api/v1/search", params={"q": "pasukan khusus", "outlet": next(iter(outlets))}).json()
    assert narrowed["total"] == outlets[next(iter(outlets))]


def test_claims_filter_by_stance_and_story(client: TestClient):
    denied = client.get("/api/v1/claims", params={"stance": "denied"}).json()
    assert denied["total"] >= 1 and all(c["stance"] == "denied" for c in denied["items"])
    story_id = client.get("/api/v1/stories").json()["items"][0]["id"]
    story_articles = {a["id"] for a in client.get(f"/api/v1/stories/{story_id}").json()["articles"]}
    claims = client.get("/api/v1/claims", params={"story": story_id, "limit": 200}).json()["items"]
    assert all(c["evidence"][0]["article"] in story_articles for c in claims)


def test_export_is_the_whole_analysis(client: TestClient):
    document = client.get("/api/v1/export").json()
    assert len(document["articles"]) == 11 and document["claims"]


def test_errors_are_json_with_a_reason(client: TestClient):
    missing = client.get("/api/v1/stories/no-such-story")
    assert missing.status_code == 404 and "no-such-story" in missing.json()["error"]["reason"]
    invalid = client.get("/api/v1/stories", params={"limit": 0})
    assert invalid.status_code == 422 and "limit" in invalid.json()["error"]["reason"]
    bad_date = client.get("/api/v1/stories", params={"since": "kemarin"})
    assert bad_date.status_code == 422 and "since" in bad_date.json()["error"]["reason"]


def test_without_a_token_the_server_is_read_only(client: TestClient):
    refused = client.post("/api/v1/ingest", json={"urls": ["https://example.com/a"]})
    assert refused.status_code == 403 and "read-only" in refused.json()["error"]["reason"]


def test_ingest_needs_the_right_token_and_only_web_addresses(writable_client: TestClient):
    wrong = writable_client.post("/api/v1/ingest", json={"urls": ["https://example.com/a"]},
                                 headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    local = writable_client.post("/api/v1/ingest", json={"urls": ["/etc/passwd"]},
                                 headers={"Authorization": f"Bearer {TOKEN}"})
    assert local.status_code == 422 and "/etc/passwd" in local.json()["error"]["reason"]


def test_ingest_job_reports_outcomes_duplicates_and_stories(writable_client: TestClient):
    again = sorted(example_corpus().glob("*.txt"))[0]
    new = ("baru.txt", "Pasukan Khusus Korea Utara Tiba di Kursk\n\nSEOUL - Badan Intelijen Nasional Korea "
           "Selatan menyebut sekitar 1.500 anggota pasukan khusus Korea Utara telah tiba di wilayah Kursk, Rusia, "
           "pada pekan ini.\n\nMenurut lembaga itu, ribuan tentara lain akan menyusul dalam waktu dekat.")
    started = writable_client.post(
        "/api/v1/ingest/files", headers={"Authorization": f"Bearer {TOKEN}"},
        files=[("files", (again.name, again.read_bytes())), ("files", new), ("files", ("kosong.txt", b""))],
    )
    assert started.status_code == 202 and started.json()["status"] in ("queued", "running", "done")
    job = _wait_for(writable_client, started.headers["location"])
    by_source = {o["source"]: o for o in job["outcomes"]}
    assert by_source[again.name]["status"] == "duplicate" and by_source[again.name]["article"]
    assert by_source["baru.txt"]["status"] == "stored" and by_source["baru.txt"]["story"]["id"]
    assert by_source["kosong.txt"]["status"] == "rejected" and by_source["kosong.txt"]["reason"]
    story = writable_client.get(f"/api/v1/stories/{by_source['baru.txt']['story']['id']}").json()
    assert by_source["baru.txt"]["article"] in {a["id"] for a in story["articles"]}
    assert writable_client.get("/api/v1/articles").json()["total"] == 12


def test_records_of_an_uploaded_dump_are_named_after_the_upload(writable_client: TestClient):
    """Before, each record of an uploaded JSON Lines file was listed under the server's temporary copy
    ('/tmp/kabar-upload-.../000-kiriman.jsonl#L1'), a path the user never gave and cannot find."""
    record = {"title": "Jembatan Putus Diterjang Banjir", "text": "Jembatan penghubung dua desa di Garut putus "
              "diterjang banjir pada Selasa malam, kata kepala desa setempat.\n\nWarga kini memutar sejauh "
              "lima kilometer untuk mencapai pasar kecamatan."}
    dump = ("kiriman.jsonl", (json.dumps(record) + "\n{rusak\n").encode())
    started = writable_client.post("/api/v1/ingest/files", headers={"Authorization": f"Bearer {TOKEN}"},
                                   files={"files": dump})
    job = _wait_for(writable_client, started.headers["location"])
    assert [(o["source"], o["status"]) for o in job["outcomes"]] == [
        ("kiriman.jsonl#L1", "stored"), ("kiriman.jsonl#L2", "rejected")]
    assert writable_client.get(f"/api/v1/articles/{job['outcomes'][0]['article']}").json()["source"] == (
        "kiriman.jsonl#L1")


def test_unknown_job_is_a_json_404(client: TestClient):
    assert client.get("/api/v1/ingest/job-nope").json()["error"]["status"] == 404


def test_openapi_describes_every_endpoint(client: TestClient):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/stories", "/api/v1/stories/{story_id}", "/api/v1/articles", "/api/v1/articles/{article_id}",
                 "/api/v1/entities", "/api/v1/search", "/api/v1/claims", "/api/v1/ingest", "/api/v1/ingest/{job_id}",
                 "/api/v1/export"):
        assert path in paths
    assert "/stories/{story_id}" not in paths  # pages stay out of the API description


def test_a_store_never_analysed_still_lists_and_shows_its_live_stories(tmp_path):
    from kabar import pipeline
    from kabar.store import Store
    from kabar.web import create_app

    with Store(tmp_path / "k.sqlite") as store:
        pipeline.ingest(sorted(str(p) for p in example_corpus().glob("*.txt"))[:4], store)
    fresh = TestClient(create_app(tmp_path / "k.sqlite", token=""))
    stories = fresh.get("/api/v1/stories").json()
    assert stories["total"] >= 1 and sum(s["articles"] for s in stories["items"]) == 4
    assert not any(s["analysed"] for s in stories["items"])
    story_id = stories["items"][0]["id"]
    document = fresh.get(f"/api/v1/stories/{story_id}").json()
    assert document["claims"] == [] and len(document["articles"]) == stories["items"][0]["articles"]
    assert document["articles"][0].get("text") is None
    assert fresh.get(f"/api/v1/stories/{story_id}?texts=true").json()["articles"][0]["text"]
    page = fresh.get(f"/stories/{story_id}")
    assert page.status_code == 200 and "kabar export" in page.text


def test_an_ingest_job_can_analyse_again_so_the_new_article_has_claims(writable_client: TestClient):
    new = ("kapal.txt", "Kapal Rusia Angkut 3.000 Tentara Korea Utara\n\nVLADIVOSTOK - Kapal angkut militer Rusia "
           "membawa sekitar 3.000 tentara Korea Utara ke Vladivostok pada Selasa, kata juru bicara Badan Intelijen "
           "Nasional Korea Selatan kepada wartawan.\n\nKremlin membantah laporan itu dan menyebutnya tidak berdasar.")
    started = writable_client.post("/api/v1/ingest/files", headers={"Authorization": f"Bearer {TOKEN}"},
                                   files={"files": new}, data={"analyze": "true"})
    job = _wait_for(writable_client, started.headers["location"], seconds=300)
    # the analysis annotates the new article alone: the stored articles' annotations are reused
    assert job["status"] == "done" and job["totals"]["annotate"] == job["done"]["annotate"] == 1
    article = writable_client.get(f"/api/v1/articles/{job['outcomes'][0]['article']}").json()
    assert article["claims"] and article["annotations"]["sentences"]


def test_a_story_is_dated_by_its_outlets_own_calendar_as_the_report_dates_it(tmp_path):
    from kabar import pipeline
    from kabar.store import Store
    from kabar.web import create_app

    # 05:30 in Jakarta on 20 November is still the 19th in UTC
    record = {"url": "https://contoh.id/banjir", "title": "Banjir Rendam Sukamaju", "outlet": "Kabar Pagi",
              "published": "2024-11-20T05:30:00+07:00",
              "text": "Banjir merendam 240 rumah di Desa Sukamaju pada Rabu dini hari, kata Joko Susilo."}
    corpus = tmp_path / "pagi.jsonl"
    corpus.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with Store(tmp_path / "kabar.sqlite") as store:
        pipeline.analyze_paths([str(corpus)], store, tmp_path / "out")
    report = json.loads((tmp_path / "out" / "story.json").read_text("utf-8"))
    [story] = TestClient(create_app(tmp_path / "kabar.sqlite")).get("/api/v1/stories").json()["items"]
    assert story["first_day"] == story["last_day"] == "2024-11-20" == report["stories"][0]["first_seen"][:10]
