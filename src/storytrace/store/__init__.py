"""Where documents live between stages.

:func:`open_store` picks the backend: ``MemoryStore`` when no path is given (a one-shot run),
``SQLiteStore`` otherwise (persistent, incremental runs, streamed reads). Both implement the
:class:`Store` protocol; see :mod:`storytrace.store.base` for the contract.
"""

from __future__ import annotations

from pathlib import Path

from .base import AddResult, Store
from .memory import MemoryStore
from .sqlite import SQLiteStore

__all__ = ["AddResult", "MemoryStore", "SQLiteStore", "Store", "open_store"]


def open_store(path: str | Path | None) -> Store:
    """A ``MemoryStore`` for ``None``, else an ``SQLiteStore`` at ``path`` (``":memory:"`` ok).

    Raises ``StoreError`` (or its subclass ``SchemaTooNew``) if the database cannot be used.
    """
    if path is None:
        return MemoryStore()
    return SQLiteStore(path)
