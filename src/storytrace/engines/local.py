"""Local engines: in-process, and a multiprocessing pool (the fastest choice on one machine,
measured in ``research/deps.md`` §7)."""

from __future__ import annotations

import itertools
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import AsyncResult, Pool
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
H = TypeVar("H")


class SerialEngine:
    """Runs every item in the calling process (tests, small jobs, debugging)."""

    name = "serial"

    def map(self, fn: Callable[[T], R], items: Iterable[T], *, chunksize: int = 8) -> Iterator[R]:
        for item in items:
            yield fn(item)

    def close(self) -> None:
        return None


def run_chunk(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    """One task of a chunked engine: ``fn`` over ``chunk``, results in order.

    Module level so pool and Dask workers unpickle it by reference.
    """
    return [fn(item) for item in chunk]


def read_ahead(
    items: Iterable[T],
    chunksize: int,
    window: int,
    submit: Callable[[int, list[T]], H],
    collect: Callable[[int, H], list[R]],
    cancel: Callable[[list[H]], object] | None = None,
) -> Iterator[R]:
    """The bounded read-ahead both chunked engines share.

    ``items`` are cut into chunks of ``chunksize``; ``submit(i, chunk)`` hands chunk ``i``
    to the workers and returns a handle, ``collect(i, handle)`` waits for its results. At
    most ``window`` chunks are submitted but not yet collected, so a lazy input is read only
    as fast as results are consumed. The next chunks are submitted before a chunk's results
    are handed out, so workers stay busy while the caller processes them. On an early exit
    (error, or the caller stopped iterating) ``cancel`` gets the handles still pending.
    """
    if chunksize < 1:
        raise ValueError("chunksize must be at least 1")
    source = iter(items)
    pending: deque[tuple[int, H]] = deque()
    counter = itertools.count()

    def top_up() -> None:
        while len(pending) < window:
            chunk = list(itertools.islice(source, chunksize))
            if not chunk:
                return
            i = next(counter)
            pending.append((i, submit(i, chunk)))

    try:
        top_up()
        while pending:
            i, handle = pending.popleft()
            results = collect(i, handle)
            top_up()
            yield from results
    finally:
        if pending and cancel is not None:
            cancel([h for _, h in pending])


class ProcessEngine:
    """A pool of worker processes; results come back in input order, lazily.

    The input is read only as results are consumed: at most ``max_in_flight`` chunks
    (default four per worker) are submitted ahead of the consumer, so memory stays flat
    however long the input (``Pool.imap`` would read all of it into its task queue, and
    never return on an endless one). The pool is created on first use and reused until
    :meth:`close`. ``fork`` is used where available (Linux) so workers inherit imported
    libraries instead of importing them again.
    """

    name = "process"

    def __init__(self, workers: int = 0, *, max_in_flight: int | None = None) -> None:
        self._pool: Pool | None = None  # first: __del__ runs even when __init__ raises
        self.workers = workers if workers > 0 else (os.cpu_count() or 1)
        # Several chunks per worker, so one slow chunk at the head of the line does not
        # leave the other workers idle while the consumer waits for it.
        self.max_in_flight = max_in_flight or 4 * self.workers

    def _get_pool(self) -> Pool:
        if self._pool is None:
            methods = mp.get_all_start_methods()
            ctx = mp.get_context("fork" if "fork" in methods else "spawn")
            self._pool = ctx.Pool(self.workers, maxtasksperchild=2000)
        return self._pool

    def map(self, fn: Callable[[T], R], items: Iterable[T], *, chunksize: int = 8) -> Iterator[R]:
        pool = self._get_pool()

        def submit(_: int, chunk: list[T]) -> AsyncResult[list[R]]:
            return pool.apply_async(run_chunk, (fn, chunk))

        def collect(_: int, handle: AsyncResult[list[R]]) -> list[R]:
            return handle.get()  # re-raises the kernel's exception

        yield from read_ahead(items, chunksize, self.max_in_flight, submit, collect)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def __del__(self) -> None:  # a forgotten pool must not leave processes behind
        if self._pool is not None:
            self._pool.terminate()
