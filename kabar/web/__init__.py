"""The newsroom web app and JSON API (`kabar serve`): pages and API over the same store and queries.

`create_app` loads FastAPI only when asked for, so `kabar search` can use the queries without it."""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from kabar.web.app import create_app

        return create_app
    raise AttributeError(f"module 'kabar.web' has no attribute {name!r}")
