"""Settings shared by every reader: limits, network manners, and a seam for tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from kabar import __version__

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
ROBOTS_MAX_BYTES = 512 * 1024
"""Google's limit: a robots.txt longer than this is read no further."""


def _default_client(options: IngestOptions) -> httpx.Client:
    """Redirects are followed by the fetcher, hop by hop, so each target is checked before it is asked."""
    return httpx.Client(timeout=options.timeout, follow_redirects=False, headers={"User-Agent": options.user_agent})


@dataclass
class IngestOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    allow_private: bool = False
    timeout: float = 15.0
    """Seconds any one read may wait."""
    deadline: float = 60.0
    """Seconds one fetch may take in all, redirects and robots.txt included (a server dripping bytes)."""
    max_redirects: int = 5
    user_agent: str = f"Kabar/{__version__} (news analysis; +https://pypi.org/project/kabar/)"
    respect_robots: bool = True
    client_factory: Callable[[IngestOptions], httpx.Client] = field(default=_default_client)
    private_host: Callable[[str], bool] | None = None
    """Test seam: decides which host names are private (default: what they resolve to)."""
