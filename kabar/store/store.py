"""A thin layer over SQLite: the one store every command reads and writes."""

from __future__ import annotations

import json
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from platformdirs import user_data_dir

from kabar.errors import StoreError
from kabar.model import (
    Article,
    DateEstimate,
    InputOutcome,
    InputStatus,
    Paragraph,
    RawDocument,
    Removed,
    Span,
    Story,
    StoryExport,
)
from kabar.store import records
from kabar.store.migrations import migrate
from kabar.textnorm import TOKEN, fold, normalize_tokens, stem, without_surrogates

T = TypeVar("T")

BUSY_TIMEOUT_MS = 120_000
"""How long a writer waits for another process's transaction (one ingest batch) before giving up."""
PAGE_CACHE_KIB = 65_536
"""SQLite's page cache per connection (its default is 2 MB): placing an article reads postings, days and
summaries of events spread over the store, and past a few thousand articles most of those reads missed it."""
OPEN_RETRY_FIRST_PAUSE_S, OPEN_RETRY_LONGEST_PAUSE_S = 0.05, 1.0
"""Pauses between attempts to open a store another process is creating: short at first, never long."""


@dataclass
class SearchHit:
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    rank: float
    matches: list[tuple[int, int]] = field(default_factory=list)
    """Where the matched words lie in `snippet` (start, end), for the caller to highlight."""
    language: str | None = None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _busy(error: sqlite3.Error) -> bool:
    """Another connection holds the lock this one needs ("database is locked", "database is busy")."""
    return isinstance(error, sqlite3.OperationalError) and ("locked" in str(error) or "busy" in str(error))


def _utc(value: datetime | None) -> str | None:
    if value is None:
        return None
    return (value.astimezone(UTC) if value.tzinfo else value).isoformat()


def _datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class Store:
    """Opens (and upgrades) one SQLite file in WAL mode with foreign keys on.

    Each opening is one run (`run_id`): the inputs it records are tagged with it.

    Writes outside `transaction()` commit at once; inside it they commit together, so a crash loses
    the open batch only and never leaves an article without its raw bytes or its index row.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.connection = self._open_when_free()
        self.run_id = f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{secrets.token_hex(3)}"

    def _open_when_free(self) -> sqlite3.Connection:
        """Opens the file, sets it up and upgrades it. SQLite can answer "database is locked" at once, without
        waiting out the busy timeout, while another process creates the same new store and turns on its
        write-ahead log: the whole opening is then tried again, a little later each time, for as long as the
        busy timeout allows, so two `kabar ingest` runs started together on one new store both go on."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        pause = OPEN_RETRY_FIRST_PAUSE_S
        while True:
            connection = None
            try:
                connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
                connection.row_factory = sqlite3.Row
                connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                connection.execute("PRAGMA journal_mode = WAL")
                connection.execute("PRAGMA foreign_keys = ON")
                connection.execute("PRAGMA synchronous = NORMAL")
                connection.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
                migrate(connection)
                return connection
            except sqlite3.Error as error:
                if connection is not None:
                    connection.close()
                if not _busy(error) or time.monotonic() + pause > deadline:
                    raise StoreError(f"cannot open the store at {self.path}: {error}") from error
                time.sleep(pause)
                pause = min(2 * pause, OPEN_RETRY_LONGEST_PAUSE_S)

    @staticmethod
    def default_path() -> Path:
        return Path(user_data_dir("kabar", appauthor=False)) / "kabar.sqlite"

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes; nested use joins the outer transaction."""
        if self.connection.in_transaction:
            yield
            return
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """Writes that stand or fall together inside a larger transaction: a failure undoes only them."""
        self.connection.execute("SAVEPOINT item")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK TO item")
            self.connection.execute("RELEASE item")
            raise
        self.connection.execute("RELEASE item")

    # inputs and articles

    def record_input(self, outcome: InputOutcome) -> None:
        """Log one input under this store's run, so `outcomes(store.run_id)` reports one ingest."""
        self.connection.execute(
            "INSERT INTO inputs (source, sha256, received_at, status, reason, article_id, run_id)"
            " VALUES (?,?,?,?,?,?,?)",
            (without_surrogates(outcome.source), outcome.sha256, datetime.now(UTC).isoformat(), str(outcome.status),
             without_surrogates(outcome.reason or "") or None, outcome.article_id, self.run_id),
        )

    def outcomes(self, run_id: str | None = None) -> list[InputOutcome]:
        """Every input ever seen, or only those of one run."""
        if run_id is None:
            rows = self.connection.execute("SELECT * FROM inputs ORDER BY id")
        else:
            rows = self.connection.execute("SELECT * FROM inputs WHERE run_id = ? ORDER BY id", (run_id,))
        return [InputOutcome(r["source"], InputStatus(r["status"]), r["reason"], r["sha256"], r["article_id"])
                for r in rows]

    def has_content(self, sha256: str) -> str | None:
        """The article already stored for these exact bytes, if any."""
        row = self.connection.execute("SELECT id FROM articles WHERE sha256 = ?", (sha256,)).fetchone()
        return row["id"] if row else None

    def add_article(self, article: Article, raw: RawDocument) -> None:
        with self.transaction():
            self.connection.execute(
                "INSERT OR IGNORE INTO raw (sha256, media_type, encoding, url, content) VALUES (?,?,?,?,?)",
                (raw.sha256, raw.media_type, raw.encoding, raw.url, raw.content),
            )
            self.connection.execute(
                """INSERT INTO articles (id, sha256, source, url, outlet, title, author, dateline, published,
                   published_utc, updated, published_estimate, language, user_generated, wire_sources,
                   duplicate_of, text, paragraphs, removed)
                   VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                (
                    article.id, raw.sha256, article.source, article.url, article.outlet, article.title,
                    article.author, article.dateline, _iso(article.published), _utc(article.published),
                    _iso(article.updated),
                    json.dumps(article.published_estimate.to_json()) if article.published_estimate else None,
                    article.language, int(article.user_generated), json.dumps(article.wire_sources),
                    article.duplicate_of, article.text,
                    json.dumps([asdict(p) for p in article.paragraphs]),
                    json.dumps([asdict(r) for r in article.removed], ensure_ascii=False),
                ),
            )
            self.connection.execute(
                "INSERT INTO article_search (article_id, title, body) VALUES (?,?,?)",
                (article.id, " ".join(normalize_tokens(article.title or "")),
                 " ".join(normalize_tokens(article.text))),
            )

    def count_articles(self) -> int:
        return self.connection.execute("SELECT count(*) FROM articles").fetchone()[0]

    def article(self, article_id: str) -> Article | None:
        row = self.connection.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return _article(row) if row else None

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Articles in the given order, or all of them by publication date."""
        if ids is None:
            rows = self.connection.execute("SELECT * FROM articles ORDER BY published_utc, id")
            yield from (_article(row) for row in rows)
            return
        for article_id in ids:
            found = self.article(article_id)
            if found is not None:
                yield found

    def raw_content(self, sha256: str) -> bytes | None:
        row = self.connection.execute("SELECT content FROM raw WHERE sha256 = ?", (sha256,)).fetchone()
        return row["content"] if row else None

    # annotations and analysis

    def save_annotations(self, article_id: str, layers: dict[str, list[Span]]) -> None:
        with self.transaction():
            for layer, spans in layers.items():
                self.connection.execute(
                    "INSERT OR REPLACE INTO annotations (article_id, layer, spans) VALUES (?,?,?)",
                    (article_id, layer, json.dumps(spans, ensure_ascii=False, default=records.fields_of)),
                )

    def load_annotations(self, article_id: str) -> dict[str, list[Span]]:
        rows = self.connection.execute("SELECT layer, spans FROM annotations WHERE article_id = ?", (article_id,))
        return {r["layer"]: [Span(**s) for s in json.loads(r["spans"])] for r in rows}

    def save_analysis(self, export: StoryExport) -> None:
        """Keep one analysis, replacing the earlier one: later readers get the latest."""
        now = datetime.now(UTC).isoformat()
        c = self.connection
        with self.transaction():
            for table in ("stories", "entities", "quotes", "claims", "claim_groups", "timeline", "brief", "analysis"):
                c.execute(f"DELETE FROM {table}")
            c.execute(
                "INSERT INTO analysis (id, saved_at, brief_language, article_ids, inputs, fallbacks)"
                " VALUES (1,?,?,?,?,?)",
                (now, export.brief_language, json.dumps([a.id for a in export.articles]),
                 json.dumps(export.inputs, ensure_ascii=False), json.dumps(export.fallbacks, ensure_ascii=False)),
            )
            c.executemany("INSERT INTO stories (id, title, updated_at, failure) VALUES (?,?,?,?)",
                          [(s.id, s.title, now, s.failure) for s in export.stories])
            c.executemany("INSERT INTO story_articles (story_id, article_id) VALUES (?,?)",
                          [(s.id, a) for s in export.stories for a in s.articles])
            c.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?)",
                          [(e.id, n, e.name, e.type, e.related, records.payload(e))
                           for n, e in enumerate(export.entities)])
            c.executemany("INSERT INTO quotes VALUES (?,?,?,?,?)",
                          [(q.id, n, q.speaker, q.evidence.article, records.payload(q))
                           for n, q in enumerate(export.quotes)])
            c.executemany("INSERT INTO claims VALUES (?,?,?,?,?,?,?)",
                          [(x.id, n, x.kind, x.attributed_to, x.stance, x.subject, records.payload(x))
                           for n, x in enumerate(export.claims)])
            c.executemany("INSERT INTO claim_groups VALUES (?,?,?,?,?)",
                          [(g.id, n, g.status, g.independent_sources, records.payload(g))
                           for n, g in enumerate(export.claim_groups)])
            c.executemany("INSERT INTO timeline VALUES (?,?,?,?)",
                          [(n, t.when.start, t.when.precision, records.payload(t))
                           for n, t in enumerate(export.timeline)])
            c.executemany("INSERT INTO brief VALUES (?,?)",
                          [(n, records.payload(b)) for n, b in enumerate(export.brief)])

    def load_analysis(self) -> StoryExport | None:
        """The latest saved analysis with its articles, or None before the first one."""
        meta = self.connection.execute("SELECT * FROM analysis").fetchone()
        if meta is None:
            return None
        return StoryExport(
            articles=list(self.articles(json.loads(meta["article_ids"]))),
            stories=[Story(r["id"], r["title"], self._story_articles(r["id"]), failure=r["failure"])
                     for r in self.connection.execute("SELECT id, title, failure FROM stories ORDER BY rowid")],
            entities=self._records("entities", records.entity),
            quotes=self._records("quotes", records.quote),
            claims=self._records("claims", records.claim),
            claim_groups=self._records("claim_groups", records.claim_group),
            timeline=self._records("timeline", records.timeline_entry),
            brief=self._records("brief", records.brief_sentence),
            brief_language=meta["brief_language"],
            inputs=json.loads(meta["inputs"]),
            fallbacks=json.loads(meta["fallbacks"]),
        )

    def _story_articles(self, story_id: str) -> list[str]:
        rows = self.connection.execute(
            "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY rowid", (story_id,)
        )
        return [r["article_id"] for r in rows]

    def _records(self, table: str, decode: Callable[[str], T]) -> list[T]:
        rows = self.connection.execute(f"SELECT payload FROM {table} ORDER BY position")
        return [decode(r["payload"]) for r in rows]

    # search

    def search(
        self,
        query: str,
        outlet: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int = 20,
        language: str | None = None,
    ) -> list[SearchHit]:
        """Every query word must match (after stemming); filters narrow by outlet, date and language."""
        words = normalize_tokens(query)
        if not words:
            return []
        match = " AND ".join(f'"{w}"' for w in words)
        sql = ["SELECT a.id, a.title, a.outlet, a.published, a.language, a.text, bm25(article_search) AS rank",
               "FROM article_search JOIN articles a ON a.id = article_search.article_id",
               "WHERE article_search MATCH ?"]
        params: list[Any] = [match]
        if outlet:
            sql.append("AND lower(a.outlet) = lower(?)")
            params.append(outlet)
        if language:
            sql.append("AND a.language = ?")
            params.append(language)
        if since:
            sql.append("AND a.published_utc >= ?")
            params.append(since.isoformat())
        if until:
            sql.append("AND a.published_utc < date(?, '+1 day')")
            params.append(until.isoformat())
        sql.append("ORDER BY rank LIMIT ?")
        params.append(limit)
        rows = self.connection.execute(" ".join(sql), params).fetchall()
        hits = []
        for r in rows:
            window, matches = snippet(r["text"], set(words))
            hits.append(SearchHit(r["id"], r["title"], r["outlet"], r["published"], window, r["rank"], matches,
                                  r["language"]))
        return hits


def snippet(text: str, stems: set[str], width: int = 160) -> tuple[str, list[tuple[int, int]]]:
    """A window of the original text around the first matching word, with where every matching word
    in it lies: the caller marks them up (terminal styles, HTML <mark>), so brackets in the text stay text."""
    first = next((m for m in TOKEN.finditer(text) if stem(fold(m.group(0))) in stems), None)
    if first is None:
        return text[:width].replace("\n", " "), []
    start = max(0, first.start() - width // 2)
    end = min(len(text), first.end() + width // 2)
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    matches = [(m.start() - start + len(prefix), m.end() - start + len(prefix))
               for m in TOKEN.finditer(text, start, end) if stem(fold(m.group(0))) in stems]
    return prefix + text[start:end].replace("\n", " ") + suffix, matches


def _article(row: sqlite3.Row) -> Article:
    estimate = json.loads(row["published_estimate"]) if row["published_estimate"] else None
    return Article(
        id=row["id"],
        source=row["source"],
        text=row["text"],
        paragraphs=[Paragraph(**p) for p in json.loads(row["paragraphs"])],
        removed=[Removed(**r) for r in json.loads(row["removed"])],
        url=row["url"],
        outlet=row["outlet"],
        title=row["title"],
        author=row["author"],
        dateline=row["dateline"],
        published=_datetime(row["published"]),
        updated=_datetime(row["updated"]),
        published_estimate=DateEstimate(**estimate) if estimate else None,
        language=row["language"],
        wire_sources=json.loads(row["wire_sources"]),
        user_generated=bool(row["user_generated"]),
        duplicate_of=row["duplicate_of"],
        sha256=row["sha256"],
    )
