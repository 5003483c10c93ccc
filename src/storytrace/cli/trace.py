"""``storytrace trace``."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import StorytraceError
from ..ingest.run import ingest_inputs, iter_documents
from ..report.json import write_report
from ..report.terminal import documents_table, print_problems
from .common import build_options, console, exit_code, opened_store, progress_bar, run_options

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
@run_options
def trace_cmd(
    inputs: tuple[str, ...],
    json_path: Path | None,
    db: Path,
    workers: int | None,
    config: Path | None,
    strict: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """Ingest INPUTS and report on them: a table of documents, and JSON with --json.

    INPUTS are files, folders (read recursively) or - for JSONL on stdin.
    """
    opts = build_options(db, workers, config)
    out = console(quiet)
    with opened_store(opts) as store:
        with progress_bar(quiet, "tracing") as progress:
            try:
                report = ingest_inputs(list(inputs), options=opts, store=store, progress=progress)
            except StorytraceError as exc:
                raise click.ClickException(str(exc)) from exc
        ids = list(dict.fromkeys(report.ids))
        if not quiet and ids:
            out.print(
                documents_table(iter_documents(store, ids), limit=TABLE_ROWS, width=out.width)
            )
            if len(ids) > TABLE_ROWS:
                out.print(f"… and {len(ids) - TABLE_ROWS} more documents (see --json)")
        print_problems(out, report.problems, verbose=verbose)
        if json_path is not None:
            n = write_report(json_path, iter_documents(store, ids))
            out.print(f"wrote {n} documents to {json_path}")
    out.print(
        f"{len(ids)} documents ({len(report.added)} new), {len(report.failed)} failed, "
        f"in {report.seconds:.1f} s → {opts.db}"
    )
    raise SystemExit(exit_code(report, strict))
