"""``storytrace show``: one story in full, from the store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.text import Text

from ..ingest.run import iter_documents
from ..link.run import load_derived, load_stories, stories_json
from ..options import Options
from ..report.terminal import (
    changes_table,
    doc_facts,
    documents_table,
    literal,
    plain,
    story_tree,
)
from .common import console, opened_store, read_store_option


def find_stories(stories: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """Stories named by ``key``: a story id, or a document id (every story it is in)."""
    by_id = [s for s in stories if s["id"] == key]
    return by_id or [s for s in stories if key in s["documents"]]


@click.command("show")
@click.argument("story")
@read_store_option
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help=(
        "Print the story as one JSON line: the report's story object"
        " (a document id prints one line per story it is in)."
    ),
)
def show_cmd(story: str, db: Path, as_json: bool) -> None:
    """Print STORY in full: its documents, derivation tree, every link and every change.

    STORY is a story id (S3) as `storytrace stories` lists them, or a document id (then
    every story the document is in is shown).
    """
    out = console(False)
    with opened_store(Options(db=str(db)), read_only=True) as store:
        stories = stories_json(load_stories(store), None, load_derived(store))
        chosen = find_stories(stories, story)
        if not chosen:
            raise click.ClickException(
                f"no story or document {story!r} in {db} (`storytrace stories` lists them)"
            )
        if as_json:
            for s in chosen:
                click.echo(json.dumps(s, ensure_ascii=False))
            return
        for s in chosen:
            docs = list(iter_documents(store, s["documents"]))
            langs, span = doc_facts(docs)
            out.rule(Text(f"{literal(s['id'])}  {literal(s['title'])}", style="bold"))
            out.print(
                plain(
                    f"{len(s['documents'])} document(s) in {', '.join(langs) or '?'}"
                    + (f", {span}" if span else "")
                    + (f"; origin {s['origin']}" if s.get("origin") else "; origin unknown")
                )
            )
            out.print(documents_table(docs, width=out.width))
            tree = story_tree(s, {d.id: d.lang for d in docs}, changes=0)
            if tree is not None:
                out.print(tree)
            for lk in s.get("links", []):
                cov = lk.get("coverage", {})
                kind = "derivation" if lk.get("tree", True) else "collation"
                out.print(
                    Text(f"\n{literal(lk['source'])} → {literal(lk['target'])}  ", style="bold")
                    + plain(lk["relation"], style="cyan")
                    + Text(
                        f"  ({kind}, score {lk.get('score', 0):.2f}, coverage "
                        f"{cov.get('source', 0):.0%} / {cov.get('target', 0):.0%}, "
                        f"{len(lk.get('alignments', []))} aligned, "
                        f"{len(lk.get('added', []))} added, "
                        f"{len(lk.get('dropped', []))} dropped passages)",
                        style="dim",
                    )
                )
                if lk.get("changes"):
                    out.print(changes_table(lk))
                else:
                    out.print(Text("no fact changes", style="dim"))
