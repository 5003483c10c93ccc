"""Engines run storytrace's pure kernels over batches: in-process, a process pool, or Dask.

A kernel is a top-level function ``fn(item) -> result`` over plain, picklable records. The
engine decides where it runs; the kernel never knows.
"""

from __future__ import annotations

from ..errors import StorytraceError
from .base import Engine
from .dask import DaskEngine
from .local import ProcessEngine, SerialEngine

__all__ = ["ENGINES", "DaskEngine", "Engine", "ProcessEngine", "SerialEngine", "make_engine"]

#: Engine names accepted by :func:`make_engine` (and ``--engine``).
ENGINES = ("auto", "serial", "process", "dask")


def make_engine(
    name: str = "auto",
    *,
    workers: int = 0,
    n_items: int | None = None,
    parallel_min_inputs: int = 64,
    address: str | None = None,
) -> Engine:
    """An engine by name: ``serial``, ``process``, ``dask`` or ``auto``.

    ``auto`` runs small jobs (``n_items`` below ``parallel_min_inputs``, or ``workers == 1``)
    in-process and the rest on a process pool; given a scheduler ``address`` it means
    ``dask``: the user pointed storytrace at a cluster. ``dask`` connects to ``address``
    or, without one, starts a LocalCluster of ``workers`` processes (0 = one per core);
    it raises :class:`~storytrace.errors.EngineUnavailable` when the ``[dask]`` extra is
    missing. ``serial`` and ``process`` ignore ``address``.
    """
    if name == "serial":
        return SerialEngine()
    if name == "process":
        return ProcessEngine(workers)
    if name == "dask" or (name == "auto" and address):
        return DaskEngine(address, workers=workers)
    if name == "auto":
        small = n_items is not None and n_items < parallel_min_inputs
        if workers == 1 or small:
            return SerialEngine()
        return ProcessEngine(workers)
    raise StorytraceError(f"unknown engine {name!r} (expected one of {', '.join(ENGINES)})")
