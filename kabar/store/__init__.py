"""SQLite store: inputs, raw bytes, articles, annotations and analyses, with full-text search."""

from kabar.store.store import SearchHit, Store

__all__ = ["SearchHit", "Store"]
