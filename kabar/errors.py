"""Errors that carry a one-line reason a person can act on; each ends up in an outcome table."""


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
    detail = " ".join(str(error).split())[:200]
    return f"{stage} failed: {type(error).__name__}" + (f": {detail}" if detail else "")
