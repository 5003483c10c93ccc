"""The engine interface: an ordered, lazy map of a kernel over items."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Engine(Protocol):
    """Runs ``fn`` over ``items`` and yields the results in input order.

    ``fn`` must be a picklable top-level function and must not raise for bad input: kernels
    return their problems as values, so one bad item never stops a batch.
    """

    name: str

    def map(
        self, fn: Callable[[T], R], items: Iterable[T], *, chunksize: int = 8
    ) -> Iterator[R]: ...

    def close(self) -> None: ...
