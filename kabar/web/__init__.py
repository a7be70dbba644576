"""The newsroom web app and JSON API (`kabar serve`): pages and API over the store's queries
(`kabar.queries`, which the CLI calls too).

`create_app` is loaded when asked for, so importing one of the package's modules does not first load the
whole app."""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from kabar.web.app import create_app

        return create_app
    raise AttributeError(f"module 'kabar.web' has no attribute {name!r}")
