"""Optional rewriting of the brief by a language model behind any OpenAI-compatible endpoint.

Off unless KABAR_LLM_URL and KABAR_LLM_MODEL are set (KABAR_LLM_KEY if the endpoint wants one). The
model may only shorten or smooth a sentence: a rewrite is kept when every figure, every name and every
denial or hedge word in it can be found in the spans the sentence cites; otherwise, or when the
endpoint fails, the extracted sentence stays. Nothing the model adds reaches the reader unchecked.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, replace

import httpx

from kabar.model import BriefSentence
from kabar.textnorm import fold

log = logging.getLogger(__name__)

INSTRUCTION = (
    "You edit a news brief. Rewrite the sentence you are given so that it is short and clear, in the same "
    "language. Use only facts stated in the cited text. Keep every figure and name exactly as written there. "
    "Answer with the rewritten sentence only."
)
FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
NAME = re.compile(r"\b[A-Z][\w'’-]*")
# Words that change what a sentence asserts: a rewrite may keep them, never introduce them.
STANCE_WORDS = frozenset({
    "tidak", "tak", "bukan", "belum", "membantah", "menepis", "menyangkal", "dibantah", "hoaks", "palsu",
    "diduga", "dikabarkan", "kemungkinan", "diperkirakan", "dilaporkan", "disebut-sebut", "konon",
    "not", "no", "denied", "denies", "deny", "reportedly", "allegedly", "may", "might", "possibly",
})


@dataclass(frozen=True)
class LlmSettings:
    url: str
    model: str
    key: str | None = None
    timeout: float = 30.0

    @classmethod
    def from_env(cls) -> LlmSettings | None:
        url, model = os.environ.get("KABAR_LLM_URL"), os.environ.get("KABAR_LLM_MODEL")
        return cls(url.rstrip("/"), model, os.environ.get("KABAR_LLM_KEY")) if url and model else None


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w'’-]+", fold(text)))


def backed(candidate: str, sources: list[str]) -> bool:
    """True when the figures, capitalised words and stance words of `candidate` all stand in the cited
    text ("1.500" and "1,500" are read as the same figure)."""
    cited = " ".join(sources)
    cited_words = _words(cited)
    figures = {f.replace(",", ".") for f in FIGURE.findall(cited)}
    return (bool(candidate.strip())
            and all(f.replace(",", ".") in figures for f in FIGURE.findall(candidate))
            and all(fold(name) in cited_words for name in NAME.findall(candidate))
            and _words(candidate) & STANCE_WORDS <= cited_words)


def rewrite_brief(brief: list[BriefSentence], settings: LlmSettings,
                  client: httpx.Client | None = None) -> list[BriefSentence]:
    """Each sentence rewritten where the rewrite passes `backed`; the extracted sentence otherwise."""
    own_client = client is None
    client = client or httpx.Client(timeout=settings.timeout)
    try:
        return [_rewritten(sentence, settings, client) for sentence in brief]
    finally:
        if own_client:
            client.close()


def _rewritten(sentence: BriefSentence, settings: LlmSettings, client: httpx.Client) -> BriefSentence:
    sources = [c.text for c in sentence.citations]
    cited = "\n".join(f"[{n + 1}] {text}" for n, text in enumerate(sources))
    headers = {"Authorization": f"Bearer {settings.key}"} if settings.key else {}
    try:
        response = client.post(f"{settings.url}/chat/completions", headers=headers, json={
            "model": settings.model,
            "temperature": 0,
            "messages": [{"role": "system", "content": INSTRUCTION},
                         {"role": "user", "content": f"Sentence: {sentence.text}\n\nCited text:\n{cited}"}],
        })
        response.raise_for_status()
        candidate = response.json()["choices"][0]["message"]["content"].strip()
    except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError) as error:
        log.warning("brief rewrite skipped: %s", error)
        return sentence
    if not backed(candidate, sources):
        log.info("brief rewrite rejected (a fact not in its citations): %s", candidate)
        return sentence
    return replace(sentence, text=candidate)
