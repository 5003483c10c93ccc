"""storytrace's exceptions, one hierarchy.

::

    StorytraceError
    ├── InputError            an input cannot be read or understood (carries a Problem)
    ├── StoreError            the store cannot be opened, migrated or written
    │   └── SchemaTooNew      the store was written by a newer storytrace
    └── EngineUnavailable     an optional engine's extra is not installed

The CLI catches ``StorytraceError`` once and prints its message; a user's bad input never
surfaces as a traceback.
"""

from __future__ import annotations

from .models import Problem


class StorytraceError(Exception):
    """Root of every error storytrace raises on purpose."""


class InputError(StorytraceError):
    """One input was rejected; ``problem`` says which and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class StoreError(StorytraceError):
    """The store could not be opened, migrated or written."""


class SchemaTooNew(StoreError):
    """The store's schema version is newer than this storytrace understands."""


class EngineUnavailable(StorytraceError):
    """An optional engine was asked for but its extra is not installed."""
