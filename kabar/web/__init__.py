"""The newsroom web app and JSON API (`kabar serve`): pages and API over the same store and queries."""

from kabar.web.app import create_app

__all__ = ["create_app"]
