"""Terminal output with rich: document and story tables, derivation trees, fact changes.

Contract: pure renderers from report-shaped dicts (``report-schema.md``) and stored
documents to rich renderables; nothing here computes a trace.

Data (ids, titles, sources, change texts, problem lines) never reaches rich as a markup
string: it goes through :func:`literal` or :func:`plain`, so ``[/]`` or ``[draft]`` in a
title prints as written and a control character in a file name prints as its escape.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..models import Document, Problem
from ..store import Store
from .json import date_span

#: C0 and C1 control characters and DEL: ESC could recolour or rewrite the terminal, a
#: newline would split a one-line field.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def literal(value: object) -> str:
    """``value`` as one printable line: each control character (newlines and tabs too) is
    replaced by its Python escape (``\\x1b``, ``\\n``). Only for ``Text``, which takes it
    as it is; a markup string would still read ``[...]`` as tags."""
    return _CONTROLS.sub(lambda m: repr(m.group())[1:-1], str(value))


def plain(value: object, style: str = "") -> Text:
    """``value`` as literal rich text: no markup, no emoji codes, controls escaped."""
    return Text(literal(value), style=style)


def documents_table(
    docs: Iterable[Document], *, limit: int | None = None, width: int = 140
) -> Table:
    """One row per document; the title column takes what the other columns leave."""
    table = Table(title="Documents", title_justify="left", header_style="bold")
    table.add_column("id", no_wrap=True, overflow="ellipsis", min_width=12, max_width=28)
    table.add_column("lang", no_wrap=True, min_width=4)
    table.add_column(
        "title",
        overflow="ellipsis",
        no_wrap=True,
        min_width=10,
        max_width=max(10, min(56, width - 84)),
    )
    table.add_column("chars", justify="right", no_wrap=True, min_width=6)
    table.add_column("boilerplate", justify="right", no_wrap=True, min_width=11)
    table.add_column(
        "problems", overflow="ellipsis", no_wrap=True, max_width=max(8, min(32, width - 100))
    )
    for shown, doc in enumerate(docs):
        if limit is not None and shown >= limit:
            break
        share = doc.boilerplate_share
        table.add_row(
            plain(doc.id),
            plain(doc.lang or "?"),
            plain(doc.title) if doc.title else Text("—", style="dim"),
            f"{len(doc.text):,}",
            Text(f"{share:.0%}", style="yellow" if share > 0.25 else ""),
            plain("; ".join(p.reason for p in doc.problems)),
        )
    return table


def print_problems(console: Console, problems: Sequence[Problem], *, verbose: bool) -> None:
    """One line per failed input; warnings are counted, and listed with ``verbose``."""
    failed = [p for p in problems if p.fatal]
    warnings = [p for p in problems if not p.fatal]
    # --quiet prints nothing but errors: a failed input is one, so it goes to stderr
    errors = Console(stderr=True, highlight=False, soft_wrap=True) if console.quiet else console
    for p in failed:
        errors.print(Text("✗ ", style="red") + plain(p))
    if warnings and verbose:
        for p in warnings:
            console.print(Text("! ", style="yellow") + plain(p))
    elif warnings:
        kinds = Counter(p.reason for p in warnings)
        summary = ", ".join(f"{n}× {literal(reason)}" for reason, n in kinds.most_common(4))
        console.print(
            Text(f"! {len(warnings)} warning(s): {summary} (--verbose lists them)", style="yellow")
        )


def doc_facts(docs: Iterable[Document]) -> tuple[list[str], str]:
    """The languages of ``docs`` and the span of their publication dates."""
    rows = list(docs)
    return sorted({d.lang for d in rows if d.lang}), date_span(d.published or "" for d in rows)


def story_facts(story: Mapping[str, Any], store: Store) -> tuple[list[str], str]:
    """:func:`doc_facts` of a story's documents, read from ``store``."""
    return doc_facts(store.documents(list(story["documents"])))


def stories_table(
    stories: Sequence[Mapping[str, Any]], store: Store, *, limit: int | None = None
) -> Table:
    """One row per story: id, title, document count, languages, date span."""
    table = Table(title="Stories", title_justify="left", header_style="bold")
    table.add_column("story", no_wrap=True)
    table.add_column("title", overflow="ellipsis", no_wrap=True, max_width=64)
    table.add_column("docs", justify="right")
    table.add_column("languages", no_wrap=True)
    table.add_column("dates", no_wrap=True)
    for story in stories[:limit]:
        langs, span = story_facts(story, store)
        table.add_row(
            plain(story["id"]),
            plain(story["title"]),
            str(len(story["documents"])),
            plain(", ".join(langs)),
            plain(span) if span else Text("—", style="dim"),
        )
    return table


#: Order in which change kinds are shown: facts first, meaning drift last.
_KIND_RANK = {"number": 0, "date": 1, "name": 2, "quote": 3, "polarity": 4, "negation": 4}


def change_rank(change: Mapping[str, Any]) -> tuple[int, float, int]:
    """Sort key of a change: major first, then confidence, then fact kinds before drift."""
    major = 0 if change.get("severity") == "major" else 1
    return major, -float(change.get("score", 0.0)), _KIND_RANK.get(str(change.get("kind")), 5)


def top_changes(link: Mapping[str, Any], n: int | None = 3) -> list[Mapping[str, Any]]:
    """The ``n`` most important changes of a link (all when ``n`` is None), most important
    first (see :func:`change_rank`)."""
    return sorted(link.get("changes", []), key=change_rank)[:n]


def _clip(text: str, width: int | None = None) -> str:
    """``text`` on one line (runs of whitespace as one space, other controls escaped),
    cut to ``width`` characters."""
    text = literal(" ".join(text.split()))
    return text if width is None or len(text) <= width else text[: width - 1] + "…"


def change_line(change: Mapping[str, Any], width: int = 48) -> Text:
    """One change as ``kind  "source" → "target"  (note)``."""
    line = Text(f"{literal(change.get('kind', 'other')):<8} ", style="magenta")
    line.append(f"“{_clip(str(change.get('source_text', '')), width)}”")
    line.append(" → ", style="bold")
    line.append(f"“{_clip(str(change.get('target_text', '')), width)}”")
    note = str(change.get("note") or "")
    if note:
        line.append(f"  {_clip(note, 60)}", style="dim")
    return line


def changes_table(link: Mapping[str, Any]) -> Table:
    """Every change of one link, most important first."""
    table = Table(
        title=Text(f"Changes {literal(link['source'])} → {literal(link['target'])}"),
        title_justify="left",
        header_style="bold",
    )
    table.add_column("kind", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("source", overflow="fold", max_width=40)
    table.add_column("target", overflow="fold", max_width=40)
    table.add_column("note", overflow="fold", max_width=48)
    for c in top_changes(link, None):
        table.add_row(
            plain(c.get("kind", "other")),
            plain(c.get("severity") or "", style="red" if c.get("severity") == "major" else ""),
            Text(_clip(str(c.get("source_text", "")))),
            Text(_clip(str(c.get("target_text", "")))),
            Text(_clip(str(c.get("note") or "")), style="dim"),
        )
    return table


def story_tree(
    story: Mapping[str, Any], langs: Mapping[str, str | None], *, changes: int = 3
) -> Tree | None:
    """The derivation forest of one story as a rich tree: one line per version with its
    language, the relation to its parent and the coverage of both sides, and under it the
    ``changes`` most important fact changes of that link and how many more there are
    (``changes=0``: none and no count, for a caller that prints every change below)."""
    links = [lk for lk in story.get("links", []) if lk.get("tree", True)]
    if not links:
        return None
    children: dict[str, list[Mapping[str, Any]]] = {}
    for lk in links:
        children.setdefault(str(lk["source"]), []).append(lk)
    targets = {str(lk["target"]) for lk in links}
    roots = [story.get("origin")] if story.get("origin") else []
    roots += sorted(s for s in children if s not in targets and s not in roots)
    top = Tree(Text(f"{literal(story['id'])}  {literal(story['title'])}", style="bold"))

    def add(node: Tree, doc: str) -> None:
        for lk in sorted(children.get(doc, []), key=lambda x: str(x["target"])):
            cov = lk.get("coverage", {})
            label = Text(
                f"{literal(lk['target'])} ({literal(langs.get(str(lk['target'])) or '?')})  "
            )
            label.append(literal(lk["relation"]), style="cyan")
            label.append(
                f"  covers {cov.get('source', 0):.0%} of source, "
                f"{cov.get('target', 0):.0%} of itself aligned",
                style="dim",
            )
            child = node.add(label)
            for change in top_changes(lk, changes):
                child.add(change_line(change))
            hidden = len(lk.get("changes", [])) - changes
            if hidden > 0 and changes > 0:  # changes=0: the caller (show) lists them all
                child.add(Text(f"… {hidden} more change(s) (storytrace show)", style="dim"))
            add(child, str(lk["target"]))

    for root in roots:
        tag = " origin" if root == story.get("origin") else ""
        root_label = f"{literal(root)} ({literal(langs.get(str(root)) or '?')}){tag}"
        add(top.add(Text(root_label, style="green")), str(root))
    # A collation matters for the changes it finds that no derivation link shows.
    collations = [
        lk for lk in story.get("links", []) if not lk.get("tree", True) and lk.get("changes")
    ]
    for lk in collations:
        node = top.add(
            Text(
                f"{literal(lk['source'])} ⇄ {literal(lk['target'])}  "
                f"collated ({literal(lk['relation'])})",
                style="dim",
            )
        )
        for change in top_changes(lk, changes):
            node.add(change_line(change))
    return top
