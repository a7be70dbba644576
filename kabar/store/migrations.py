"""Schema versions, applied in order by `PRAGMA user_version` so an older store upgrades on open.

Never edit a released step: add a new one. Each step runs in one transaction.
"""

from __future__ import annotations

import sqlite3

from kabar.errors import StoreError

MIGRATIONS: tuple[str, ...] = (
    # 1: inputs, raw bytes, articles and their full-text index
    """
    CREATE TABLE inputs (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        sha256 TEXT,
        received_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('stored', 'duplicate', 'rejected')),
        reason TEXT,
        article_id TEXT REFERENCES articles(id)
    );
    CREATE INDEX inputs_sha ON inputs(sha256);
    CREATE TABLE raw (
        sha256 TEXT PRIMARY KEY,
        media_type TEXT NOT NULL,
        encoding TEXT,
        url TEXT,
        content BLOB NOT NULL
    );
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE REFERENCES raw(sha256),
        source TEXT NOT NULL,
        url TEXT,
        outlet TEXT,
        title TEXT,
        author TEXT,
        dateline TEXT,
        published TEXT,
        published_utc TEXT,
        updated TEXT,
        published_estimate TEXT,
        language TEXT NOT NULL,
        user_generated INTEGER NOT NULL DEFAULT 0,
        wire_sources TEXT NOT NULL DEFAULT '[]',
        duplicate_of TEXT,
        text TEXT NOT NULL,
        paragraphs TEXT NOT NULL DEFAULT '[]',
        removed TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE INDEX articles_published ON articles(published_utc);
    CREATE VIRTUAL TABLE article_search USING fts5(article_id UNINDEXED, title, body, tokenize='unicode61');
    """,
    # 2: annotation layers and story-level analysis results
    """
    CREATE TABLE annotations (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        layer TEXT NOT NULL,
        spans TEXT NOT NULL,
        PRIMARY KEY (article_id, layer)
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE story_articles (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (story_id, article_id)
    );
    CREATE TABLE analysis_items (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('entity', 'quote', 'claim', 'claim_group', 'timeline', 'brief')),
        item_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        status TEXT,
        payload TEXT NOT NULL,
        PRIMARY KEY (story_id, kind, item_id)
    );
    CREATE INDEX analysis_status ON analysis_items(kind, status);
    """,
    # 3: inputs remember the run that saw them; analysis results move to one table per record type.
    # Analyses are derived data, recomputed from the articles, so the old rows are dropped, not copied.
    """
    ALTER TABLE inputs ADD COLUMN run_id TEXT;
    CREATE INDEX inputs_run ON inputs(run_id);
    DROP TABLE analysis_items;
    CREATE TABLE analysis (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        saved_at TEXT NOT NULL,
        brief_language TEXT NOT NULL,
        article_ids TEXT NOT NULL,
        inputs TEXT NOT NULL
    );
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        related TEXT,
        payload TEXT NOT NULL
    );
    CREATE INDEX entities_type ON entities(type);
    CREATE TABLE quotes (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        speaker TEXT,
        article_id TEXT,
        payload TEXT NOT NULL
    );
    CREATE INDEX quotes_speaker ON quotes(speaker);
    CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        attributed_to TEXT,
        stance TEXT NOT NULL,
        subject TEXT,
        payload TEXT NOT NULL
    );
    CREATE INDEX claims_stance ON claims(stance);
    CREATE TABLE claim_groups (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        status TEXT NOT NULL,
        independent_sources INTEGER NOT NULL,
        payload TEXT NOT NULL
    );
    CREATE INDEX claim_groups_status ON claim_groups(status);
    CREATE TABLE timeline (
        position INTEGER PRIMARY KEY,
        start TEXT NOT NULL,
        precision TEXT NOT NULL,
        payload TEXT NOT NULL
    );
    CREATE TABLE brief (
        position INTEGER PRIMARY KEY,
        payload TEXT NOT NULL
    );
    """,
    # 4: live stories, kept up to date as each article arrives (the analysis tables above are replaced
    # wholesale by every analysis). Each story keeps a summary per view (the summed unit term vectors of
    # its members, the heaviest terms only) so a newcomer is compared with a few rows, not every member,
    # and the days its members span, for the time window. Its summary words are also posted by term, so
    # the stories sharing a newcomer's distinctive words are found without ranking every article that
    # holds them. live_story_terms counts the articles holding each term, for inverse document frequencies.
    """
    CREATE TABLE live_stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        size INTEGER NOT NULL,
        first_day TEXT,
        last_day TEXT
    );
    CREATE TABLE live_story_members (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id TEXT NOT NULL REFERENCES live_stories(id) ON DELETE CASCADE,
        day TEXT,
        likeness REAL
    );
    CREATE INDEX live_story_members_story ON live_story_members(story_id);
    CREATE TABLE live_story_vectors (
        story_id TEXT NOT NULL REFERENCES live_stories(id) ON DELETE CASCADE,
        view TEXT NOT NULL,
        vector TEXT NOT NULL,
        PRIMARY KEY (story_id, view)
    );
    CREATE TABLE live_story_postings (
        view TEXT NOT NULL,
        term TEXT NOT NULL,
        story_id TEXT NOT NULL REFERENCES live_stories(id) ON DELETE CASCADE,
        weight REAL NOT NULL,
        PRIMARY KEY (view, term, story_id)
    ) WITHOUT ROWID;
    CREATE INDEX live_story_postings_story ON live_story_postings(story_id, view);
    CREATE TABLE live_story_terms (
        view TEXT NOT NULL,
        term TEXT NOT NULL,
        articles INTEGER NOT NULL,
        PRIMARY KEY (view, term)
    ) WITHOUT ROWID;
    """,
    # 5: an input can be "skipped" (a folder walk passed it over: another file type, a dangling link), told
    # apart from a rejection. SQLite cannot change a CHECK in place, so the table is rebuilt.
    """
    CREATE TABLE inputs_5 (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        sha256 TEXT,
        received_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('stored', 'duplicate', 'rejected', 'skipped')),
        reason TEXT,
        article_id TEXT REFERENCES articles(id),
        run_id TEXT
    );
    INSERT INTO inputs_5 (id, source, sha256, received_at, status, reason, article_id, run_id)
        SELECT id, source, sha256, received_at, status, reason, article_id, run_id FROM inputs;
    DROP TABLE inputs;
    ALTER TABLE inputs_5 RENAME TO inputs;
    CREATE INDEX inputs_sha ON inputs(sha256);
    CREATE INDEX inputs_run ON inputs(run_id);
    """,
    # 6: live stories are placed by the two-level grouping `kabar analyze` runs (kabar.stories.cluster), its
    # state kept here so it carries across runs: each article's event and story (both move when fragments
    # merge), the summaries of events and stories (the story's id is its root event's), which events were
    # merged into which and which story each event's joined (links), the events posted under each term or
    # bucket of meaning (most recent last), and the articles holding each term. The one-level tables go;
    # the articles they held are placed again by `kabar.stories.live.live_stories`.
    """
    DROP TABLE live_story_terms;
    DROP TABLE live_story_postings;
    DROP TABLE live_story_vectors;
    DROP TABLE live_story_members;
    DROP TABLE live_stories;
    CREATE TABLE live_stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL
    );
    CREATE TABLE live_story_members (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        event_id TEXT NOT NULL,
        story_id TEXT NOT NULL
    );
    CREATE INDEX live_story_members_story ON live_story_members(story_id);
    CREATE INDEX live_story_members_event ON live_story_members(event_id);
    CREATE TABLE live_summaries (
        kind TEXT NOT NULL CHECK (kind IN ('event', 'story')),
        id TEXT NOT NULL,
        first REAL,
        last REAL,
        summary TEXT NOT NULL,
        posted TEXT NOT NULL,
        meaning BLOB,
        PRIMARY KEY (kind, id)
    ) WITHOUT ROWID;
    CREATE TABLE live_links (
        relation TEXT NOT NULL CHECK (relation IN ('merged_into', 'story_parent')),
        id TEXT NOT NULL,
        target TEXT NOT NULL,
        PRIMARY KEY (relation, id)
    ) WITHOUT ROWID;
    CREATE TABLE live_postings (
        key TEXT NOT NULL,
        event_id TEXT NOT NULL
    );
    CREATE INDEX live_postings_key ON live_postings(key);
    CREATE TABLE live_terms (
        view TEXT NOT NULL,
        term TEXT NOT NULL,
        articles INTEGER NOT NULL,
        PRIMARY KEY (view, term)
    ) WITHOUT ROWID;
    CREATE TABLE live_counts (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    );
    """,
    # 7: placing an article reads the days of hundreds of posted events and the events posted under its
    # terms. Both are read from indexes holding only what is asked: a summary's row (its terms and
    # embedding, some kilobytes) spreads a few events over each page, so reading days from the rows
    # touched a page per event; the postings' event ids were read from the table row by row.
    """
    CREATE INDEX live_summaries_days ON live_summaries(kind, id, first, last);
    CREATE INDEX live_postings_key_event ON live_postings(key, event_id);
    DROP INDEX live_postings_key;
    """,
    # 8: a story whose analysis stopped short keeps the reason, naming the stage (NULL: analysed in full).
    """
    ALTER TABLE stories ADD COLUMN failure TEXT;
    """,
    # 9: the analysis keeps its fallbacks (a step over all the articles that failed, and what was done
    # instead), so an export read back from the store (the API's) lists them as the run's own export did.
    """
    ALTER TABLE analysis ADD COLUMN fallbacks TEXT NOT NULL DEFAULT '[]';
    """,
)

LATEST = len(MIGRATIONS)


def migrate(connection: sqlite3.Connection) -> int:
    """Bring the database to the latest version; returns the version it started at. An up-to-date store is
    only read (a reader opening it never waits for a writer); each step takes the write lock first and reads
    the version under it, so two processes opening one new store at once apply every step exactly once."""
    start = connection.execute("PRAGMA user_version").fetchone()[0]
    if start > LATEST:
        raise StoreError(f"store schema {start} is newer than this Kabar ({LATEST}); upgrade Kabar")
    version = start
    while version < LATEST:
        connection.execute("BEGIN IMMEDIATE")
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version < LATEST:
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        connection.execute(statement)
                version += 1
                connection.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
    return start
