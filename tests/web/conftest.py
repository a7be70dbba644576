"""One analysed store per test session, built from the bundled example corpus plus a hostile article of our
own (markup and a `javascript:` address in its title, text and URL) that every page must show as text."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kabar import pipeline
from kabar.cli import example_corpus
from kabar.store import Store
from kabar.web import create_app

TOKEN = "test-token-for-ingest"
SCRIPT = "<script>window.__xss = 1</script>"
IMAGE = '<img src=x onerror="window.__xss = 2">'
LINK = '<a href="javascript:window.__xss = 3">klik di sini</a>'
HOSTILE_TITLE = f"Banjir Bandang {SCRIPT} Rendam Desa Sukamaju {IMAGE}"
HOSTILE_RECORD = {
    "url": "javascript:window.__xss = 4",
    "title": HOSTILE_TITLE,
    "outlet": f"Kabar {IMAGE} Lokal",
    "published": "2024-11-20T09:00:00+07:00",
    "text": (
        f"SUKAMAJU - Banjir bandang merendam Desa Sukamaju pada Rabu malam {SCRIPT} setelah hujan deras "
        "mengguyur kawasan hulu sungai selama enam jam, kata Kepala Badan Penanggulangan Bencana Daerah "
        "setempat, Joko Susilo.\n\n"
        f"Sebanyak 240 keluarga mengungsi ke balai desa {IMAGE} dan masjid terdekat. Petugas mendirikan dapur "
        "umum di halaman kantor kecamatan untuk para pengungsi.\n\n"
        f"\"Air mulai surut pagi ini, tetapi warga kami minta tetap waspada,\" ujar Joko Susilo. {LINK} "
        "Menurut petugas, tiga rumah rusak berat dan dua jembatan desa putus diterjang arus."
    ),
}


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example corpus and the hostile article, ingested and analysed once."""
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE_RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    targets = sorted(str(p) for p in example_corpus().glob("*.txt")) + [str(hostile)]
    with Store(folder / "kabar.sqlite") as store:
        result, _export, _paths = pipeline.analyze_paths(targets, store, folder / "out")
    assert not result.failed, result.outcomes
    return folder / "kabar.sqlite"


def copy_store(source: Path, target: Path) -> Path:
    """A private copy for tests that write (SQLite's backup, so the WAL's pages come along)."""
    with sqlite3.connect(source) as original, sqlite3.connect(target) as copy:
        original.backup(copy)
    return target


@pytest.fixture(scope="session")
def client(web_store: Path) -> TestClient:
    """A read-only client (no token) over the shared store."""
    return TestClient(create_app(web_store, token=""))


@pytest.fixture
def writable_client(web_store: Path, tmp_path: Path) -> TestClient:
    """A client over a private copy of the store, with ingest allowed by TOKEN."""
    with TestClient(create_app(copy_store(web_store, tmp_path / "kabar.sqlite"), token=TOKEN)) as client:
        yield client


@pytest.fixture(scope="session")
def hostile_id(web_store: Path) -> str:
    with Store(web_store) as store:
        return next(a.id for a in store.articles() if a.title and "Sukamaju" in a.title)
