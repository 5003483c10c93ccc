"""``storytrace ingest``."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import StorytraceError
from ..ingest.run import ingest_inputs
from ..report.terminal import plain, print_problems
from .common import build_options, console, exit_code, ingest_options, opened_store, progress_bar


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@ingest_options
def ingest_cmd(
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
    """Read INPUTS (files, folders, or - for JSONL on stdin) into the store.

    Text (.txt, .md), HTML (.html, .htm) and JSON/JSONL records (fields id, url, title,
    text or html, published, lang) are cleaned (encodings, mojibake, markup), split into
    story and boilerplate segments and sentences, and stored once per content.
    """
    opts = build_options(db, workers, config, engine, scheduler)
    out = console(quiet)
    with opened_store(opts) as store, progress_bar(quiet, "ingesting") as progress:
        try:
            report = ingest_inputs(list(inputs), options=opts, store=store, progress=progress)
        except StorytraceError as exc:
            raise click.ClickException(str(exc)) from exc
    print_problems(out, report.problems, verbose=verbose)
    out.print(
        plain(
            f"{len(report.added)} added, {len(report.existing)} already stored, "
            f"{len(report.failed)} failed, in {report.seconds:.1f} s → {opts.db}"
        )
    )
    raise SystemExit(exit_code(report, strict))
