"""``storytrace stories``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..link.run import load_derived, load_stories, stories_json
from ..options import Options
from ..report.terminal import stories_table, story_facts
from .common import console, opened_store, read_store_option


@click.command("stories")
@read_store_option
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help=(
        "Print one JSON line per story: the report's story object (origin, links),"
        " plus its languages and date span."
    ),
)
def stories_cmd(db: Path, as_json: bool) -> None:
    """List the stories in the store: documents, languages and date span."""
    out = console(False)
    with opened_store(Options(db=str(db)), read_only=True) as store:
        if as_json:
            for story in stories_json(load_stories(store), None, load_derived(store)):
                langs, span = story_facts(story, store)
                row = {**story, "languages": langs, "dates": span or None}
                click.echo(json.dumps(row, ensure_ascii=False))
            return
        stories = stories_json(load_stories(store))
        if not stories:
            out.print("no stories yet")
            return
        out.print(stories_table(stories, store))
