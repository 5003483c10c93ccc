"""``storytrace trace`` and ``storytrace add``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from rich.console import Console

from ..errors import StorytraceError
from ..ingest.run import iter_documents
from ..pipeline import TraceResult, report_parts, trace_inputs
from ..report.json import build_report, check_writable, write_report
from ..report.terminal import documents_table, plain, print_problems, stories_table, story_tree
from ..store import Store
from .common import (
    build_options,
    console,
    exit_code,
    opened_store,
    progress_bar,
    run_options,
)

TABLE_ROWS = 60


@click.command("trace")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the trace report (storytrace.report/1) here.",
)
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the report as one self-contained HTML page here (opens from disk).",
)
@click.option("--no-link", is_flag=True, help="Only ingest and segment; do not link stories.")
@run_options
def trace_cmd(
    inputs: tuple[str, ...],
    json_path: Path | None,
    html_path: Path | None,
    no_link: bool,
    db: Path,
    workers: int | None,
    engine: str | None,
    scheduler: str | None,
    config: Path | None,
    strict: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """Ingest INPUTS, link them into stories, and report: tables, JSON with --json, HTML with
    --html.

    INPUTS are files, folders (read recursively) or - for JSONL on stdin. Documents already
    in the store take part in the linking; the report covers the run's documents and the
    stories they are in.
    """
    opts = build_options(db, workers, config, engine, scheduler)
    out = console(quiet)
    for path in (json_path, html_path):
        if path is not None:  # before the run, not after it
            try:
                check_writable(path)
            except StorytraceError as exc:
                raise click.BadParameter(str(exc), param_hint="'--json' / '--html'") from exc
    with opened_store(opts) as store:
        with progress_bar(quiet, "tracing") as progress:
            try:
                result = trace_inputs(
                    list(inputs), options=opts, store=store, progress=progress, link=not no_link
                )
            except StorytraceError as exc:
                raise click.ClickException(str(exc)) from exc
        report = result.ingest
        ids, stories = report_parts(store, report.ids)
        if not quiet and ids:
            out.print(
                documents_table(iter_documents(store, ids), limit=TABLE_ROWS, width=out.width)
            )
            if len(ids) > TABLE_ROWS:
                out.print(f"… and {len(ids) - TABLE_ROWS} more documents (see --json)")
            if stories:
                out.print(stories_table(stories, store, limit=TABLE_ROWS))
                print_trees(out, store, stories)
        print_problems(out, report.problems, verbose=verbose)
        if json_path is not None:
            n = write_report(json_path, iter_documents(store, ids), stories)
            out.print(plain(f"wrote {n} documents and {len(stories)} stories to {json_path}"))
        if html_path is not None:
            from ..report.html import write_html  # Jinja2 only when asked for

            write_html(html_path, build_report(iter_documents(store, ids), stories))
            out.print(plain(f"wrote the HTML report to {html_path}"))
    out.print(
        plain(
            f"{len(report.ids)} documents ({len(report.added)} new), "
            f"{len(stories)} stories, {len(report.failed)} failed, "
            f"in {report.seconds + _link_seconds(result):.1f} s → {opts.db}"
        )
    )
    raise SystemExit(exit_code(report, strict))


@click.command("add")
@click.argument("inputs", nargs=-1, required=True)
@run_options
def add_cmd(
    inputs: tuple[str, ...],
    db: Path,
    workers: int | None,
    engine: str | None,
    scheduler: str | None,
    config: Path | None,
    strict: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """Add INPUTS to the store and link them into the existing stories.

    Only the new documents are compared with the rest; stories are re-formed from all
    links, so the result equals a full run on everything stored.
    """
    opts = build_options(db, workers, config, engine, scheduler)
    out = console(quiet)
    with opened_store(opts) as store:
        with progress_bar(quiet, "adding") as progress:
            try:
                result = trace_inputs(list(inputs), options=opts, store=store, progress=progress)
            except StorytraceError as exc:
                raise click.ClickException(str(exc)) from exc
        report = result.ingest
        _, stories = report_parts(store, report.ids)
        if not quiet and stories:
            out.print(stories_table(stories, store, limit=TABLE_ROWS))
    print_problems(out, report.problems, verbose=verbose)
    linked = result.link
    out.print(
        plain(
            f"{len(report.added)} added, {len(report.existing)} already stored; "
            f"{linked.newly_compared if linked else 0} document pairs compared, "
            f"{len(linked.stories) if linked else 0} stories in the store → {opts.db}"
        )
    )
    raise SystemExit(exit_code(report, strict))


def print_trees(out: Console, store: Store, stories: list[dict[str, Any]]) -> None:
    """The derivation forest of each story with several versions."""
    multi = [s for s in stories if len(s["documents"]) > 1][:TABLE_ROWS]
    langs = {
        d.id: d.lang for d in store.documents(sorted({x for s in multi for x in s["documents"]}))
    }
    for story in multi:
        tree = story_tree(story, langs)
        if tree is not None:
            out.print(tree)


def _link_seconds(result: TraceResult) -> float:
    return sum(result.link.seconds.values()) if result.link else 0.0
