"""Errors that carry a one-line reason a person can act on; each ends up in an outcome table."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)


class KabarError(Exception):
    """Base class: the message is shown to the user as is."""


class RejectedInput(KabarError):
    """An input that cannot become an article (empty, binary, too large, unreadable)."""


class NoArticleError(RejectedInput):
    """Cleaning found no article text in an otherwise readable page."""


class StoreError(KabarError):
    """The store cannot be opened or written (a read-only folder, a full disk, a newer schema)."""


def failure(stage: str, error: BaseException) -> str:
    """One line naming the stage that failed and how, for the outcome of the one input it hit."""
    detail = error_detail(error)
    return f"{stage} failed: {type(error).__name__}" + (f": {detail}" if detail else "")


def error_detail(error: BaseException) -> str:
    """The error's message on one line, cut to 200 characters (empty when it has none)."""
    return " ".join(str(error).split())[:200]


def or_fallback(stage: str, fallback: str, reasons: list[str], step: Callable[[], T], safe: Callable[[], T]) -> T:
    """The step's answer; when it fails, the safe answer instead, and one line in `reasons` naming the stage,
    the fault and the fallback taken (the traceback goes to the debug log). For steps over the whole pile:
    a fault there would otherwise cost every story."""
    try:
        return step()
    except Exception as error:  # noqa: BLE001 (any fault: the run goes on with the stated fallback)
        log.debug("%s failed; %s", stage, fallback, exc_info=True)
        reasons.append(f"{failure(stage, error)}; {fallback}")
        return safe()
