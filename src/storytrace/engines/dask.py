"""The scale-out engine: storytrace's kernels on a Dask (distributed) cluster.

Contract:
    ``DaskEngine(address)`` connects to a running scheduler (``tcp://host:8786``);
    ``DaskEngine()`` starts a private ``LocalCluster`` of worker *processes* (one thread
    each, no dashboard, quiet logs); ``DaskEngine(client=c)`` uses a client the caller owns.
    ``map(fn, items, chunksize=n)`` sends the items in chunks of ``n`` (one Dask task per
    chunk: per-task overhead is ~1 ms, a cleaning kernel call a few ms), yields the results
    in input order, and never has more than ``max_in_flight`` chunks submitted but not yet
    consumed, so a lazy input of millions of items is read only as fast as results are
    consumed and memory stays flat. An exception raised by ``fn`` is re-raised in the caller
    with its original type and message, a note naming the chunk, and the remaining chunks
    are cancelled. ``close()`` shuts down the client and cluster the engine created, never
    a client passed in.

Workers must be able to import storytrace (the same version) and unpickle ``fn``: on a
remote cluster, install storytrace in the workers' environment. Dask is imported only when
an engine is created; without the ``[dask]`` extra that raises :class:`EngineUnavailable`.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from ..errors import EngineUnavailable, StorytraceError
from .local import read_ahead, run_chunk

T = TypeVar("T")
R = TypeVar("R")

INSTALL_HINT = "pip install 'storytrace[dask]'"


def _distributed() -> Any:
    """The ``distributed`` module, or :class:`EngineUnavailable` saying how to install it."""
    try:
        import distributed
    except ImportError as exc:
        raise EngineUnavailable(
            f"the dask engine needs the [dask] extra, which is not installed: {INSTALL_HINT}"
        ) from exc
    return distributed


@contextmanager
def _environ_restored() -> Iterator[None]:
    """Undo changes to ``os.environ`` made inside the block.

    Dask's nannies set ``OMP_NUM_THREADS=1`` (and MKL, OpenBLAS, PYTHONHASHSEED, malloc
    settings) in the *parent's* environment before spawning workers. Left in place, a
    library the caller loads later (the passage embedder's BLAS) starts single-threaded:
    linking after a Dask ingest ran twice as slow on 2 cores. Workers spawned inside the
    block keep the settings; a nanny restarting a worker sets them again itself.
    """
    before = dict(os.environ)
    try:
        yield
    finally:
        for key in set(os.environ) - set(before):
            del os.environ[key]
        for key, value in before.items():
            if os.environ.get(key) != value:
                os.environ[key] = value


class DaskEngine:
    """Runs kernels on a Dask cluster; see the module docstring for the contract.

    ``workers`` sizes the LocalCluster started when no ``address`` or ``client`` is given
    (0 = one worker process per core); it is ignored otherwise. ``max_in_flight`` bounds
    the chunks submitted ahead of the consumer (default: four per worker thread, so one
    slow chunk at the head of the line does not leave the other workers idle).
    ``connect_timeout`` (seconds) bounds the wait for a scheduler at ``address``.
    """

    name = "dask"

    def __init__(
        self,
        address: str | None = None,
        *,
        workers: int = 0,
        client: Any = None,
        max_in_flight: int | None = None,
        connect_timeout: float = 10.0,
    ) -> None:
        distributed = _distributed()
        if max_in_flight is not None and max_in_flight < 1:
            raise ValueError("max_in_flight must be at least 1")
        self.address = address
        self.max_in_flight = max_in_flight
        #: Most chunks that were in flight at once in the last :meth:`map` (for tests/tuning).
        self.peak_in_flight = 0
        self._cluster: Any = None
        self._own_client = client is None
        if client is not None:
            self._client = client
            return
        with _environ_restored():
            if address is None:
                n = workers if workers > 0 else (os.cpu_count() or 1)
                # Processes, one thread each: the kernels are pure Python and hold the GIL.
                self._cluster = distributed.LocalCluster(
                    n_workers=n,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    # Even without a dashboard the scheduler serves HTTP (health, metrics),
                    # by default on port 8787, with a warning when another cluster holds it.
                    scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                    # A failing kernel's error is re-raised here with its traceback; the
                    # workers' own log of it would print it a second time.
                    silence_logs=logging.CRITICAL,
                )
                target: Any = self._cluster
            else:
                target = address
            try:
                self._client = distributed.Client(
                    target, timeout=connect_timeout, set_as_default=False
                )
            except OSError as exc:  # timeouts and refused connections
                self._close_cluster()
                raise StorytraceError(
                    f"cannot connect to the Dask scheduler at {address}: {exc}"
                ) from exc

    @property
    def client(self) -> Any:
        """The ``distributed.Client`` in use."""
        return self._client

    def _window(self) -> int:
        if self.max_in_flight is not None:
            return self.max_in_flight
        threads = int(sum(self._client.nthreads().values()))
        return max(2, 4 * threads)

    def map(self, fn: Callable[[T], R], items: Iterable[T], *, chunksize: int = 8) -> Iterator[R]:
        """Results of ``fn`` over ``items``, in input order (see the module docstring)."""
        window = self._window()
        run = uuid.uuid4().hex[:12]
        label = getattr(fn, "__name__", None) or getattr(
            getattr(fn, "func", None), "__name__", "kernel"
        )
        in_flight = 0
        self.peak_in_flight = 0

        def submit(i: int, chunk: list[T]) -> Any:
            nonlocal in_flight
            future = self._submit(fn, chunk, key=f"storytrace-{label}-{run}-{i}")
            in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, in_flight)
            return future

        def collect(i: int, future: Any) -> list[R]:
            nonlocal in_flight
            in_flight -= 1
            try:
                results: list[R] = future.result()
            except Exception as exc:
                exc.add_note(
                    f"raised by {label} on a Dask worker, in chunk {i} "
                    f"(items {i * chunksize}-{i * chunksize + chunksize - 1} of the input)"
                )
                raise
            finally:
                future.release()  # the cluster may drop the chunk's results (or error)
            return results

        yield from read_ahead(items, chunksize, window, submit, collect, self._client.cancel)

    def _submit(self, fn: Callable[[T], R], chunk: list[T], *, key: str) -> Any:
        import dask

        # The chunk's records travel inside the task: that is the design, not an accident,
        # so Dask's "large graph" advice (meant for data embedded in graphs) does not apply.
        with dask.config.set({"distributed.admin.large-graph-warning-threshold": "2GB"}):
            return self._client.submit(run_chunk, fn, chunk, key=key, pure=False)

    def close(self) -> None:
        """Close the client and LocalCluster this engine created (idempotent)."""
        if self._own_client and self._client is not None:
            self._client.close()
        self._client = None
        self._close_cluster()

    def _close_cluster(self) -> None:
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
