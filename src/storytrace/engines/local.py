"""Local engines: in-process, and a multiprocessing pool (the fastest choice on one machine,
measured in ``research/deps.md`` §7)."""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import Pool
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


class SerialEngine:
    """Runs every item in the calling process (tests, small jobs, debugging)."""

    name = "serial"

    def map(self, fn: Callable[[T], R], items: Iterable[T], *, chunksize: int = 8) -> Iterator[R]:
        for item in items:
            yield fn(item)

    def close(self) -> None:
        return None


class ProcessEngine:
    """A pool of worker processes; results come back in input order, lazily.

    The pool is created on first use and reused until :meth:`close`. ``fork`` is used where
    available (Linux) so workers inherit imported libraries instead of importing them again.
    """

    name = "process"

    def __init__(self, workers: int = 0) -> None:
        self.workers = workers if workers > 0 else (os.cpu_count() or 1)
        self._pool: Pool | None = None

    def _get_pool(self) -> Pool:
        if self._pool is None:
            methods = mp.get_all_start_methods()
            ctx = mp.get_context("fork" if "fork" in methods else "spawn")
            self._pool = ctx.Pool(self.workers, maxtasksperchild=2000)
        return self._pool

    def map(self, fn: Callable[[T], R], items: Iterable[T], *, chunksize: int = 8) -> Iterator[R]:
        yield from self._get_pool().imap(fn, items, chunksize=chunksize)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def __del__(self) -> None:  # a forgotten pool must not leave processes behind
        if self._pool is not None:
            self._pool.terminate()
