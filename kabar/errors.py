"""Errors that carry a one-line reason a person can act on; each ends up in an outcome table."""


class KabarError(Exception):
    """Base class: the message is shown to the user as is."""


class RejectedInput(KabarError):
    """An input that cannot become an article (empty, binary, too large, unreadable)."""


class NoArticleError(RejectedInput):
    """Cleaning found no article text in an otherwise readable page."""
