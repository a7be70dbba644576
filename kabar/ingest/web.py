"""Fetching pages politely: http(s) only, public addresses only, robots.txt honoured, size capped."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from kabar.ingest.options import IngestOptions
from kabar.ingest.raw import Item, looks_like_feed, looks_like_html, make_raw, reject


class Fetcher:
    """One HTTP client and one robots.txt cache per ingest run."""

    def __init__(self, options: IngestOptions):
        self.options = options
        self.client = options.client_factory(options)
        self.robots: dict[str, RobotFileParser | None] = {}

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str, hints: dict[str, str] | None = None) -> Item:
        refusal = self._refusal(url)
        if refusal:
            return reject(url, refusal)
        try:
            with self.client.stream("GET", url) as response:
                if response.status_code >= 400:
                    return reject(url, f"HTTP {response.status_code} {response.reason_phrase}")
                content = bytearray()
                for chunk in response.iter_bytes():
                    content.extend(chunk)
                    if len(content) > self.options.max_bytes:
                        return reject(url, f"response over the {self.options.max_bytes // 1024 // 1024} MB limit")
                content_type = response.headers.get("content-type", "")
                final_url = str(response.url)
        except httpx.TooManyRedirects:
            return reject(url, f"more than {self.options.max_redirects} redirects")
        except httpx.TimeoutException:
            return reject(url, f"timed out after {self.options.timeout:g} s")
        except httpx.HTTPError as error:
            return reject(url, f"could not fetch: {type(error).__name__}: {error}")
        media_type = "text/html" if "html" in content_type or looks_like_html(bytes(content)) else "text/plain"
        if looks_like_feed(bytes(content)) or "rss" in content_type or "atom" in content_type:
            media_type = "application/feed"
        merged = {"url": final_url, **(hints or {})}
        return make_raw(url, bytes(content), media_type, self.options, final_url, merged, content_type)

    def _refusal(self, url: str) -> str | None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return f"refused: only http and https URLs are fetched, not {parts.scheme or 'a bare path'}"
        if not parts.hostname:
            return "refused: URL has no host"
        if not self.options.allow_private and _is_private(parts.hostname):
            return f"refused: {parts.hostname} is a private or loopback address (use --allow-private)"
        if self.options.respect_robots and not self._robots_allow(url):
            return "refused: robots.txt disallows this page for Kabar"
        return None

    def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self.robots:
            self.robots[root] = self._load_robots(urljoin(root, "/robots.txt"))
        parser = self.robots[root]
        return parser is None or parser.can_fetch(self.options.user_agent, url)

    def _load_robots(self, robots_url: str) -> RobotFileParser | None:
        """A missing or unreachable robots.txt allows everything, as the convention says."""
        try:
            response = self.client.get(robots_url)
        except httpx.HTTPError:
            return None
        if response.status_code >= 400:
            return None
        parser = RobotFileParser()
        parser.parse(response.text.splitlines())
        return parser


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
