"""Ingest orchestration: walk inputs, run the cleaning kernel on an engine, store in batches.

Contract:
    ``ingest_inputs(inputs, options=..., store=...)`` reads every input, stores each cleaned
    document once (keyed by content hash) and returns an :class:`IngestReport`: the stored ids
    of this run's documents in input order, which were new, and every problem by name and
    reason.
    Bad inputs never stop the run; each batch of documents is written in one transaction, so
    a crash loses at most the batch in flight and never corrupts the store.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from ..engines import Engine, make_engine
from ..models import Document, Problem
from ..options import JSON_SUFFIXES, Options
from ..store import Store
from .boilerplate import normalise_line
from .clean import UnitResult, process_unit, resegment, warm_up
from .language import LangGuess, is_scandinavian_tie, resolve_scandinavian
from .sources import STDIN, Unit, iter_units

#: progress(done, total) — total is None when it cannot be known in advance (stdin).
ProgressFn = Callable[[int, int | None], None]

BATCH = 256


@dataclass(slots=True)
class IngestReport:
    """The outcome of one ingest run."""

    ids: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> list[Problem]:
        """Inputs that produced nothing."""
        return [p for p in self.problems if p.fatal]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.fatal]


def estimate_total(inputs: Sequence[str | Path]) -> int | None:
    """A cheap count of the units a run will see (files, plus lines of JSONL files)."""
    total = 0
    stack = [Path(p) for p in inputs]
    while stack:
        path = stack.pop()
        if str(path) == STDIN:
            return None
        try:
            if path.is_dir():
                stack.extend(p for p in path.iterdir() if not p.name.startswith("."))
            elif path.suffix.lower() in JSON_SUFFIXES:
                with path.open("rb") as fh:
                    total += max(
                        1,
                        sum(
                            chunk.count(b"\n")
                            for chunk in iter(functools.partial(fh.read, 1 << 20), b"")
                        ),
                    )
            elif path.is_file():
                total += 1
        except OSError:
            total += 1
        if total > 5_000_000:
            return None
    return total


def ingest_inputs(
    inputs: Sequence[str | Path],
    *,
    options: Options | None = None,
    store: Store,
    stdin: BinaryIO | None = None,
    progress: ProgressFn | None = None,
    engine: Engine | None = None,
) -> IngestReport:
    """Ingest ``inputs`` into ``store``; see the module docstring."""
    opts = options or Options()
    started = time.perf_counter()
    run_id = time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + f"-{os.getpid()}"
    report = IngestReport()
    total = estimate_total(inputs) if progress else None
    own_engine = engine is None
    eng = engine or make_engine(
        opts.engine,
        workers=opts.workers,
        n_items=total,
        parallel_min_inputs=opts.parallel_min_inputs,
        address=opts.scheduler,
    )
    if eng.name != "serial":
        warm_up()
    kernel = functools.partial(process_unit, options=opts.ingest)
    units: Iterator[Unit] = iter_units(inputs, opts.ingest, stdin=stdin)
    batch: list[Document] = []
    ties: list[tuple[Document, LangGuess]] = []
    guesses: list[LangGuess] = []
    done = 0
    try:
        for result in eng.map(kernel, units, chunksize=4):
            done += 1
            _collect(result, batch, ties, guesses, report)
            if len(batch) >= BATCH:
                _flush(store, batch, report)
            if progress:
                progress(done, total)
        _flush(store, batch, report)
        if ties:  # corpus-level rule for Norwegian vs Danish, once every document is seen
            lean = resolve_scandinavian(guesses)
            _flush(store, [_relabel(d, g, lean) for d, g in ties], report)
        if opts.ingest.boilerplate:
            site_repetition_pass(store, report.ids, opts.ingest.site_repeat_min_docs)
    finally:
        if own_engine:
            eng.close()
    store.add_problems([p for p in report.problems if p.fatal], run_id=run_id)
    report.seconds = time.perf_counter() - started
    return report


def _collect(
    result: UnitResult,
    batch: list[Document],
    ties: list[tuple[Document, LangGuess]],
    guesses: list[LangGuess],
    report: IngestReport,
) -> None:
    report.problems.extend(result.problems)
    for doc, guess in zip(result.documents, result.guesses, strict=True):
        guesses.append(guess)
        if is_scandinavian_tie(guess) and doc.lang == guess.lang:
            ties.append((doc, guess))
        else:
            batch.append(doc)


def _relabel(doc: Document, guess: LangGuess, lean: str | None) -> Document:
    if lean and lean != doc.lang:
        return dataclasses.replace(doc, lang=lean)
    return doc


def _flush(store: Store, batch: list[Document], report: IngestReport) -> None:
    if not batch:
        return
    result = store.add(batch)
    report.added.extend(result.added)
    report.existing.extend(result.existing)
    report.renamed.update(result.renamed)
    report.ids.extend(result.stored)
    batch.clear()


def site_repetition_pass(store: Store, ids: Sequence[str], min_docs: int) -> int:
    """Mark short lines repeated across pages of one site as boilerplate; returns the number
    of documents changed.

    A site is a URL host; documents without a URL have none. Only this run's documents are
    compared (an incremental run does not re-read the store's older pages of the site).
    """
    by_host: dict[str, list[str]] = {}
    for doc in store.documents(list(dict.fromkeys(ids))):
        host = urlsplit(doc.url).hostname if doc.url else None
        if host:
            by_host.setdefault(host.removeprefix("www."), []).append(doc.id)
    changed = 0
    for host_ids in by_host.values():
        if len(host_ids) < min_docs:
            continue
        counts: Counter[str] = Counter()
        for doc in store.documents(host_ids):
            counts.update(_short_lines(doc.text))
        for doc in store.documents(host_ids):
            site_lines = {
                ln: counts[ln] - 1 for ln in _short_lines(doc.text) if counts[ln] >= min_docs
            }
            if not site_lines:
                continue
            updated = resegment(doc, site_lines)
            if updated is not None:
                store.update_segments(doc.id, updated.segments, updated.sentences)
                changed += 1
    return changed


def _short_lines(text: str) -> set[str]:
    # Site furniture is short; long repeated paragraphs are more likely reused story text.
    return {normalise_line(line) for line in text.split("\n") if 0 < len(line.strip()) <= 300}


def iter_documents(store: Store, ids: Iterable[str]) -> Iterator[Document]:
    """The stored documents of a run, in the run's order, streamed."""
    yield from store.documents(list(dict.fromkeys(ids)))
