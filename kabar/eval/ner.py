"""`kabar eval ner`: the shipped entity model on the dev splits of ../shared/data/ner.

Exact-span precision, recall and F1 per set and per label (PER / ORG / LOC), over gold tokens. The
dev splits also chose the training checkpoint, so these are tuning figures; the held-out test
splits judge the model independently and are not read here.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from kabar.eval import SHARED
from kabar.nlp.recogniser import recogniser
from kabar.nlp.training import evaluate

NER_DATA = SHARED / "data" / "ner"


def main(data_dir: Path | None = None) -> None:
    console = Console()
    data_dir = data_dir or NER_DATA
    if not data_dir.exists():
        console.print(f"[yellow]NER data not found at {data_dir}: nothing to evaluate (pass --data with the folder "
                      "holding idner-news-2k/, nergrit/ and nerp/).[/]")
        return
    table = Table(title="Entity model on the NER dev splits (exact spans)")
    for column in ("set", "label", "precision", "recall", "F1", "sentences"):
        table.add_column(column, justify="left" if column in ("set", "label") else "right")
    for name, score in evaluate(recogniser(), data_dir).items():
        table.add_row(name, "all", f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                      str(score.sentences), style="bold")
        for label, (p, r, f) in score.per_label.items():
            table.add_row("", label, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", "")
    console.print(table)


if __name__ == "__main__":
    main()
