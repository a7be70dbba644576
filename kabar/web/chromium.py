"""Headless Chromium as the project runs it: Debian's `chromium` package driven by Playwright (the browser
tests and the README screenshots), never a browser build downloaded by Playwright itself."""

from __future__ import annotations

import shutil
from typing import Any

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def executable() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def launch(playwright: Any) -> Any:
    """A headless browser from Debian's binary; raises FileNotFoundError when it is not installed."""
    path = executable()
    if path is None:
        raise FileNotFoundError("chromium is not installed (apt-get install chromium; ./scripts/test does it)")
    return playwright.chromium.launch(executable_path=path, args=FLAGS)
