"""Ingest jobs for the web app and API: one background worker runs them in turn (SQLite takes one writer),
each reporting its progress and, at the end, every input's outcome and the story each article joined.

Jobs live in memory: a restart forgets them, never the articles they stored.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kabar.ingest import IngestOptions
from kabar.store import Store


@dataclass
class Job:
    id: str
    targets: list[str]
    analyze: bool
    labels: dict[str, str] = field(default_factory=dict)
    """Shown instead of a target's path (an uploaded file's own name instead of its temporary copy)."""
    status: str = "queued"
    stage: str = ""
    done: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    started: float | None = None
    finished: float | None = None
    created: str = field(default_factory=lambda: datetime.now(UTC).isoformat())
    outcomes: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    in_part: list[str] = field(default_factory=list)
    """The analysis's fallbacks and stories analysed only in part, a line each with why (the rest is whole)."""
    upload_dir: Path | None = None

    def to_json(self) -> dict[str, Any]:
        elapsed = ((self.finished or time.monotonic()) - self.started) if self.started else 0.0
        counts = {s: sum(1 for o in self.outcomes if o["status"] == s) for s in ("stored", "duplicate", "rejected")}
        return {
            "id": self.id, "status": self.status, "stage": self.stage, "created": self.created,
            "inputs": len(self.targets), "done": self.done, "totals": self.totals, "elapsed_s": round(elapsed, 2),
            "rate_per_s": {k: round(v / elapsed, 1) for k, v in self.done.items()} if elapsed else {},
            "analyze": self.analyze, "counts": counts, "outcomes": self.outcomes, "error": self.error,
            "in_part": self.in_part,
        }


class JobRunner:
    """Runs ingest jobs against one store file, one at a time, in a worker thread with its own connection."""

    def __init__(self, db: Path, on_stored: Callable[[], None] = lambda: None):
        self.db = db
        self.on_stored = on_stored
        """Called once a job's articles are in the store, before the job says it is done."""
        self.jobs: dict[str, Job] = {}
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kabar-ingest")
        self._lock = threading.Lock()

    def submit(self, targets: list[str], analyze: bool = False, uploads: Sequence[tuple[str, bytes]] = ()) -> Job:
        """Queue an ingest of URLs, feeds or paths, plus uploaded files (name, bytes) kept in a temporary
        folder until the job ends."""
        job = Job("job-" + secrets.token_hex(6), list(targets), analyze)
        if uploads:
            job.upload_dir = Path(tempfile.mkdtemp(prefix="kabar-upload-"))
            for number, (name, content) in enumerate(uploads):
                path = job.upload_dir / f"{number:03d}-{_safe_name(name)}"
                path.write_bytes(content)
                job.targets.append(str(path))
                job.labels[str(path)] = name
        with self._lock:
            self.jobs[job.id] = job
        self._pool.submit(self._run, job)
        return job

    def get(self, job_id: str) -> Job | None:
        return self.jobs.get(job_id)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _run(self, job: Job) -> None:
        from kabar import pipeline, queries

        job.status, job.started = "running", time.monotonic()

        def progress(stage: str, done: int, total: int | None = None) -> None:
            job.stage = stage
            job.done[stage] = job.done.get(stage, 0) + done
            if total is not None:
                job.totals[stage] = total

        try:
            with Store(self.db) as store:
                result = pipeline.ingest(job.targets, store, IngestOptions(), progress, labels=job.labels)
                job.outcomes = queries.ingest_outcomes(store, result.outcomes)
                if job.analyze:
                    articles = list(store.articles())
                    export = pipeline.analyze_articles(articles, progress, None, store)
                    store.save_analysis(export)
                    job.in_part = pipeline.analysed_in_part(export)
                    job.outcomes = queries.ingest_outcomes(store, result.outcomes)
            self.on_stored()
            job.status = "done"
        except Exception as error:  # a job must end and say why, whatever stopped it
            self.on_stored()  # what it stored before it stopped
            job.status, job.error = "failed", str(error) or type(error).__name__
        finally:
            job.finished = time.monotonic()
            if job.upload_dir is not None:
                shutil.rmtree(job.upload_dir, ignore_errors=True)


def _safe_name(name: str) -> str:
    """The uploaded file's own name, reduced to characters safe in a path (its extension picks the reader)."""
    base = Path(name.replace("\\", "/")).name or "upload"
    return "".join(ch if ch.isalnum() or ch in ".-_" else "_" for ch in base)[-120:]
