"""Terminal output with rich: the per-document table and the problem list."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..models import Document, Problem


def documents_table(docs: Iterable[Document], *, limit: int | None = None) -> Table:
    table = Table(title="Documents", title_justify="left", header_style="bold")
    table.add_column("id", overflow="fold", max_width=32)
    table.add_column("lang")
    table.add_column("title", overflow="ellipsis", max_width=48, no_wrap=True)
    table.add_column("chars", justify="right")
    table.add_column("boilerplate", justify="right")
    table.add_column("problems", overflow="fold", max_width=40)
    shown = 0
    for doc in docs:
        if limit is not None and shown >= limit:
            break
        share = doc.boilerplate_share
        table.add_row(
            doc.id,
            doc.lang or "?",
            doc.title or Text("—", style="dim"),
            f"{len(doc.text):,}",
            Text(f"{share:.0%}", style="yellow" if share > 0.25 else ""),
            "; ".join(p.reason for p in doc.problems) or "",
        )
        shown += 1
    return table


def print_problems(console: Console, problems: Sequence[Problem], *, verbose: bool) -> None:
    """One line per failed input; warnings are counted, and listed with ``verbose``."""
    failed = [p for p in problems if p.fatal]
    warnings = [p for p in problems if not p.fatal]
    for p in failed:
        console.print(Text("✗ ", style="red") + Text(str(p)))
    if warnings and verbose:
        for p in warnings:
            console.print(Text("! ", style="yellow") + Text(str(p)))
    elif warnings:
        kinds = Counter(p.reason for p in warnings)
        summary = ", ".join(f"{n}× {reason}" for reason, n in kinds.most_common(4))
        console.print(Text(f"! {len(warnings)} warning(s): {summary} (--verbose lists them)",
                           style="yellow"))
