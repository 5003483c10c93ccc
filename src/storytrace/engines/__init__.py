"""Engines run storytrace's pure kernels over batches: in-process, a process pool, or Dask.

A kernel is a top-level function ``fn(item) -> result`` over plain, picklable records. The
engine decides where it runs; the kernel never knows.
"""

from __future__ import annotations

from ..errors import StorytraceError
from .base import Engine
from .local import ProcessEngine, SerialEngine

__all__ = ["Engine", "ProcessEngine", "SerialEngine", "make_engine"]


def make_engine(
    name: str = "auto",
    *,
    workers: int = 0,
    n_items: int | None = None,
    parallel_min_inputs: int = 64,
) -> Engine:
    """Pick an engine by name: ``serial``, ``process``, or ``auto`` (serial for small jobs)."""
    if name == "serial":
        return SerialEngine()
    if name == "process":
        return ProcessEngine(workers)
    if name == "auto":
        small = n_items is not None and n_items < parallel_min_inputs
        if workers == 1 or small:
            return SerialEngine()
        return ProcessEngine(workers)
    raise StorytraceError(f"unknown engine {name!r} (expected serial, process or auto)")
