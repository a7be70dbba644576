"""Fetching pages politely: http(s) only, public addresses only, robots.txt honoured, size and time capped.

Redirects are followed here, one hop at a time, so every hop is checked again: a public page answering
"302 → http://127.0.0.1/" is refused, and so is a redirect into a path robots.txt disallows.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from kabar.ingest.options import ROBOTS_MAX_BYTES, IngestOptions
from kabar.ingest.raw import (
    SITEMAP,
    Item,
    looks_like_feed,
    looks_like_sitemap,
    make_raw,
    megabytes,
    reject,
    text_media_type,
)

REDIRECTS = {301, 302, 303, 307, 308}


@dataclass
class _Download:
    url: str
    content: bytes
    content_type: str


class _Refused(Exception):
    """Why a fetch stops, in one line for the input's outcome."""


class Fetcher:
    """One HTTP client, one robots.txt cache and one list of hosts that could not be connected to per ingest run."""

    def __init__(self, options: IngestOptions):
        self.options = options
        self.client = options.client_factory(options)
        self.robots: dict[str, RobotFileParser | None] = {}
        self.unreachable: dict[str, str] = {}
        """Why connecting failed, by scheme and host: a feed's later items there are refused at once, not each
        after its own timeout."""

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str, hints: dict[str, str] | None = None) -> Item:
        try:
            download = self._download(url, time.monotonic() + self.options.deadline, self.options.max_bytes,
                                      check_robots=self.options.respect_robots)
        except _Refused as refusal:
            return reject(url, str(refusal))
        content_type = download.content_type
        media_type = text_media_type(download.content, "html" in content_type or "xml" in content_type)
        if looks_like_feed(download.content) or "rss" in content_type or "atom" in content_type:
            media_type = "application/feed"
        elif looks_like_sitemap(download.content):
            return reject(url, SITEMAP)
        merged = {"url": download.url, **(hints or {})}
        return make_raw(url, download.content, media_type, self.options, download.url, merged, content_type)

    def _download(self, url: str, deadline: float, limit: int, check_robots: bool, truncate: bool = False) -> _Download:
        """GET `url`, following redirects itself and checking every hop before asking it; a body over `limit`
        is refused, or cut there when `truncate`."""
        current = url
        for _ in range(self.options.max_redirects + 1):
            refusal = self._refusal(current, deadline, check_robots)
            if refusal:
                raise _Refused(refusal if current == url else f"{refusal} (redirected to {current})")
            download, location = self._get(current, deadline, limit, truncate)
            if location is None:
                return download
            current = urljoin(current, location)
        raise _Refused(f"more than {self.options.max_redirects} redirects")

    def _get(self, url: str, deadline: float, limit: int, truncate: bool) -> tuple[_Download, str | None]:
        """One request: the body (or the redirect's target), within `limit` bytes and by `deadline`."""
        total = f"gave up after {self.options.deadline:g} s in all (the fetch deadline)"
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _Refused(total)
        try:
            with self.client.stream("GET", url, timeout=min(self.options.timeout, remaining)) as response:
                if response.status_code in REDIRECTS and response.headers.get("location"):
                    return _Download(url, b"", ""), response.headers["location"]
                if response.status_code >= 400:
                    raise _Refused(f"HTTP {response.status_code} {response.reason_phrase}")
                content = bytearray()
                for chunk in response.iter_bytes():
                    content.extend(chunk)
                    if len(content) > limit and truncate:
                        del content[limit:]
                        break
                    if len(content) > limit:
                        raise _Refused(f"response over the {megabytes(limit)} limit")
                    if time.monotonic() > deadline:
                        raise _Refused(total)
                return _Download(str(response.url), bytes(content), response.headers.get("content-type", "")), None
        except httpx.TimeoutException as error:
            raise self._refused(url, error, total if time.monotonic() >= deadline else
                                f"timed out after {self.options.timeout:g} s") from error
        except httpx.HTTPError as error:
            raise self._refused(url, error, f"could not fetch: {type(error).__name__}: {error}") from error
        except (httpx.InvalidURL, UnicodeError, ValueError) as error:
            raise _Refused(f"invalid URL: {error}") from error

    def _refused(self, url: str, error: httpx.HTTPError, reason: str) -> _Refused:
        """The refusal for a failed request; a failure to connect marks the host unreachable for this run."""
        if isinstance(error, httpx.ConnectError | httpx.ConnectTimeout):
            self.unreachable[_origin(url)] = reason
        return _Refused(reason)

    def _refusal(self, url: str, deadline: float, check_robots: bool) -> str | None:
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 (raises ValueError for a port out of range or not a number)
        except ValueError as error:
            return f"invalid URL: {error}"
        if parts.scheme not in ("http", "https"):
            return f"refused: only http and https URLs are fetched, not {parts.scheme or 'a bare path'}"
        if not parts.hostname:
            return "refused: URL has no host"
        try:
            private = not self.options.allow_private and self._private(parts.hostname)
        except UnicodeError as error:
            return f"invalid URL: host name {parts.hostname!r} cannot be encoded ({error})"
        if private:
            return f"refused: {parts.hostname} is a private or loopback address (use --allow-private)"
        if check_robots and not self._robots_allow(url, deadline):
            return "refused: robots.txt disallows this page for Kabar"
        return self.unreachable.get(_origin(url))  # asked after robots.txt, whose own fetch may have found it

    def _private(self, host: str) -> bool:
        return (self.options.private_host or _is_private)(host)

    def _robots_allow(self, url: str, deadline: float) -> bool:
        root = _origin(url)
        if root not in self.robots:
            self.robots[root] = self._load_robots(urljoin(root, "/robots.txt"), deadline)
        parser = self.robots[root]
        return parser is None or parser.can_fetch(self.options.user_agent, url)

    def _load_robots(self, robots_url: str, deadline: float) -> RobotFileParser | None:
        """A missing or unreachable robots.txt allows everything, as the convention says; one past the size cap
        is read up to it."""
        try:
            download = self._download(robots_url, deadline, ROBOTS_MAX_BYTES, check_robots=False, truncate=True)
        except _Refused:
            return None
        parser = RobotFileParser()
        parser.parse(download.content.decode("utf-8", "replace").splitlines())
        return parser


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _is_private(host: str) -> bool:
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except socket.gaierror:
        return False
    for address in addresses:
        ip = ipaddress.ip_address(str(address).split("%")[0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast:
            return True
    return False
