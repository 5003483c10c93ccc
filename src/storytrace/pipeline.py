"""The whole trace as one library call: ingest, link, report.

Contract:
    ``trace_inputs(inputs, options=..., store=...)`` ingests the inputs into the store, links
    every stored document into stories (incrementally: earlier work is reused) and returns a
    :class:`TraceResult`; ``trace_report(store, result)`` builds the JSON report of the run's
    documents and the stories they are in. The CLI's ``trace`` and ``add`` are thin layers
    over these two functions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from .ingest.run import IngestReport, ProgressFn, ingest_inputs
from .options import Options
from .store import Store

if TYPE_CHECKING:
    from .link.embed import Embedder
    from .link.run import LinkReport


@dataclass(slots=True)
class TraceResult:
    ingest: IngestReport
    link: LinkReport | None


def trace_inputs(
    inputs: Sequence[str | Path],
    *,
    options: Options | None = None,
    store: Store,
    stdin: BinaryIO | None = None,
    progress: ProgressFn | None = None,
    link_progress: Callable[[str, int, int | None], None] | None = None,
    link: bool = True,
    embedder: Embedder | None = None,
) -> TraceResult:
    """Ingest ``inputs`` and link the store (see the module docstring)."""
    from .link.run import link_store

    opts = options or Options()
    run = ingest_inputs(inputs, options=opts, store=store, stdin=stdin, progress=progress)
    linked = None
    if link and run.ids:
        linked = link_store(
            store,
            options=opts.link,
            # None lets link_store pick the tier named in options.link.embedder (auto,
            # e5, static, hash; see link/tiers.py).
            embedder=embedder,
            progress=link_progress,
            workers=opts.workers,
            parallel_min_inputs=opts.parallel_min_inputs,
            engine_name=opts.engine,
            scheduler=opts.scheduler,
        )
    return TraceResult(run, linked)


def trace_report(store: Store, ids: Sequence[str]) -> dict[str, Any]:
    """The report (``storytrace.report/1``) of documents ``ids`` and their stories."""
    from .report.json import build_report

    docs, stories = report_parts(store, ids)
    return build_report(store.documents(docs), stories)


def report_parts(store: Store, ids: Sequence[str]) -> tuple[list[str], list[dict[str, Any]]]:
    """Document ids (the run's, then the other members of its stories) and ``stories[]``."""
    from .link.run import load_derived, load_stories, stories_json

    wanted = list(dict.fromkeys(ids))
    stories = stories_json(load_stories(store), set(wanted), load_derived(store))
    extra = sorted({d for s in stories for d in s["documents"]} - set(wanted))
    return wanted + extra, stories
