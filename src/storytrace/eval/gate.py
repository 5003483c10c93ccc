"""The quality gate: scores of a traced corpus against pinned floors.

Contract:
    ``check_floors(scores, floors)`` returns one :class:`Shortfall` per metric whose score is
    below its floor (a metric missing from the scores, or not applicable — ``None``, nothing
    to score in that corpus — counts as 0: a floor only makes sense where there is something to
    measure). ``corpus_digest(paths)``
    is the SHA-256 over the named files, so an edit to a gold corpus is visible in review.

Floors live in ``tests/quality/floors.json``; they may be raised freely, and lowering one
needs a comment in that file saying why (the file keeps a ``comments`` map for that).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Shortfall:
    metric: str
    score: float
    floor: float

    def __str__(self) -> str:
        return f"{self.metric}: {self.score:.3f} < floor {self.floor:.3f}"


def check_floors(
    scores: Mapping[str, float | None], floors: Mapping[str, float]
) -> list[Shortfall]:
    """Metrics below their floor, in the floors' order."""
    out = []
    for metric, floor in floors.items():
        score = float(scores.get(metric) or 0.0)
        # Scores are rounded for display elsewhere; compare with a hair of tolerance.
        if score + 1e-9 < float(floor):
            out.append(Shortfall(metric, score, float(floor)))
    return out


def corpus_digest(paths: Iterable[Path]) -> str:
    """SHA-256 over the files (sorted by name; name and bytes both count)."""
    h = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.name):
        h.update(path.name.encode("utf-8") + b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()
