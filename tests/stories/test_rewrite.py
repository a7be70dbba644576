"""The optional LLM rewrite of the brief: kept only when every fact in it is in the cited spans."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kabar.model import BriefSentence, Evidence
from kabar.stories.rewrite import LlmSettings, backed, rewrite_brief

SOURCE = ("Badan intelijen Korea Selatan menyebut sekitar 1.500 tentara Korea Utara telah tiba di "
          "Vladivostok, namun Kremlin membantah laporan itu.")


@pytest.mark.parametrize(("candidate", "ok"), [
    ("Intelijen Korea Selatan: sekitar 1.500 tentara Korea Utara tiba di Vladivostok.", True),
    ("Sekitar 1,500 tentara Korea Utara tiba di Vladivostok, kata intelijen Korea Selatan.", True),
    ("Sekitar 3.000 tentara Korea Utara tiba di Vladivostok.", False),  # a figure the source does not give
    ("Sekitar 1.500 tentara Korea Utara tiba di Khabarovsk.", False),  # a place the source does not name
    ("Kremlin tidak membantah kedatangan 1.500 tentara.", False),  # a negation the source does not have
    ("Kremlin membantah laporan kedatangan 1.500 tentara.", True),
    ("   ", False),
])
def test_backed(candidate, ok):
    assert backed(candidate, [SOURCE]) is ok


class _Endpoint(BaseHTTPRequestHandler):
    answers: list[str | None] = []
    requests: list[dict] = []

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
        answer = self.answers.pop(0)
        if answer is None:
            self.send_response(500)
            self.end_headers()
            return
        payload = json.dumps({"choices": [{"message": {"role": "assistant", "content": answer}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def endpoint() -> Iterator[tuple[str, type[_Endpoint]]]:
    handler = type("Endpoint", (_Endpoint,), {"answers": [], "requests": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", handler
    finally:
        server.shutdown()
        server.server_close()


def _sentence() -> BriefSentence:
    return BriefSentence(SOURCE, [Evidence("a1", 0, len(SOURCE), SOURCE)])


def test_rewrite_kept_when_backed_and_refused_when_not(endpoint):
    url, handler = endpoint
    faithful = "Intelijen Korea Selatan: sekitar 1.500 tentara Korea Utara tiba di Vladivostok; Kremlin membantah."
    handler.answers.extend([faithful, "Sekitar 10.000 tentara Korea Utara tiba di Vladivostok.", None])
    result = rewrite_brief([_sentence(), _sentence(), _sentence()], LlmSettings(url, "tiny", key="rahasia"))
    assert [s.text for s in result] == [faithful, SOURCE, SOURCE]  # invented figure and server error: extract kept
    assert all(s.citations == _sentence().citations for s in result)
    first = handler.requests[0]
    assert first["path"] == "/v1/chat/completions" and first["auth"] == "Bearer rahasia"
    assert first["body"]["model"] == "tiny" and SOURCE in first["body"]["messages"][-1]["content"]


def test_unreachable_endpoint_keeps_the_extracted_brief():
    settings = LlmSettings("http://127.0.0.1:9/v1", "tiny", timeout=0.5)
    assert [s.text for s in rewrite_brief([_sentence()], settings)] == [SOURCE]


def test_settings_come_from_the_environment(monkeypatch):
    monkeypatch.delenv("KABAR_LLM_URL", raising=False)
    assert LlmSettings.from_env() is None
    monkeypatch.setenv("KABAR_LLM_URL", "http://localhost:8000/v1/")
    monkeypatch.setenv("KABAR_LLM_MODEL", "qwen")
    assert LlmSettings.from_env() == LlmSettings("http://localhost:8000/v1", "qwen", None)
