"""Each layer measured against gold: `kabar eval NAME`.

The gold lives in the repository: tests/gold, with the labelled pages and stories beside it in
tests/fixtures. An installed Kabar ships none, so `--gold` names a checkout's tests/gold folder.
"""

from __future__ import annotations

from pathlib import Path

from kabar.errors import KabarError

CHECKOUT = Path(__file__).resolve().parents[2]
CHECKOUT_GOLD = CHECKOUT / "tests" / "gold"
SHARED = CHECKOUT.parent / "shared"


def gold_folder(given: Path | None = None) -> Path:
    """The gold folder to read: the one given, else the checkout's; a missing one is refused with the reason."""
    folder = given or CHECKOUT_GOLD
    if not folder.is_dir():
        raise KabarError(f"no gold folder at {folder}: pass --gold with the tests/gold folder of a Kabar checkout")
    return folder


def fixtures_folder(gold: Path) -> Path:
    """The labelled pages and stories sit beside the gold files (tests/fixtures)."""
    return gold.parent / "fixtures"
