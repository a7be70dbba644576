"""Settings shared by every reader: limits, network manners, and a seam for tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from kabar import __version__

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def _default_client(options: IngestOptions) -> httpx.Client:
    return httpx.Client(
        timeout=options.timeout,
        follow_redirects=True,
        max_redirects=options.max_redirects,
        headers={"User-Agent": options.user_agent},
    )


@dataclass
class IngestOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    allow_private: bool = False
    timeout: float = 15.0
    max_redirects: int = 5
    user_agent: str = f"Kabar/{__version__} (news analysis; +https://pypi.org/project/kabar/)"
    respect_robots: bool = True
    client_factory: Callable[[IngestOptions], httpx.Client] = field(default=_default_client)
