"""Scoring a trace report's derivation: story origins and the links between versions.

Contract:
    ``score_links(truth, report, story_map=None)`` compares ``stories[].origin`` and
    ``stories[].links[]`` of a ``storytrace.report/1`` mapping with the truth and returns a
    :class:`LinkScore`; ``story_map`` (truth story id -> predicted story id) defaults to
    :func:`storytrace.eval.stories.map_stories`. Missing or malformed parts score 0, never raise.
    ``iter_links(report)`` and ``as_span(value)`` are the tolerant readers the alignment and
    change scorers share.

Metric definitions:

* **Origin accuracy**, over truth stories with at least two documents and a known origin: the
  predicted story mapped to the truth story (one-to-one by segment overlap, see
  ``eval/stories.py``) has ``origin`` equal to the truth origin. No mapped story: wrong.
* **Found rate**, over the truth links: some predicted link (in any story, ``tree`` true or
  false) joins the same two documents, in either direction.
* **Relation accuracy** and **direction accuracy**, over the truth links too (a link not found
  is wrong on both): the chosen predicted link has the truth ``relation``; it runs from the
  truth source to the truth target. Among several predicted links between the two documents
  the one chosen is the one with the same ``tree`` flag, then the same direction, then the
  highest ``score`` — never by relation, so a right guess elsewhere cannot rescue a wrong one.
* **Link precision**: of the distinct document pairs joined by predicted ``tree: true`` links
  (both documents in the truth), the share that a truth link joins. ``tree: false``
  collation links are not derivation claims, so they are left out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from storytrace.eval.boilerplate import Counts
from storytrace.eval.stories import map_stories, report_stories
from storytrace.eval.truth import Truth


def unordered(a: str, b: str) -> tuple[str, str]:
    """A document pair in a canonical order, whichever way a link runs."""
    return (a, b) if a <= b else (b, a)


@dataclass(frozen=True, slots=True)
class PredictedLink:
    """One ``links[]`` entry of a report, read tolerantly."""

    story: str
    source: str
    target: str
    relation: str
    tree: bool
    score: float
    raw: Mapping[str, Any]

    @property
    def pair(self) -> tuple[str, str]:
        return unordered(self.source, self.target)


def as_span(value: Any) -> tuple[int, int] | None:
    """``[start, end]`` as a tuple of ints, or None when malformed or empty."""
    if not isinstance(value, list | tuple) or len(value) != 2:
        return None
    try:
        start, end = int(value[0]), int(value[1])
    except (TypeError, ValueError):
        return None
    return (start, end) if end > start >= 0 else None


def _as_float(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def iter_links(report: Mapping[str, Any]) -> Iterator[PredictedLink]:
    """Every well-formed link of every story, in report order."""
    for story in report_stories(report):
        links = story.get("links")
        if not isinstance(links, list):
            continue
        for ln in links:
            if not isinstance(ln, Mapping) or ln.get("source") is None or ln.get("target") is None:
                continue
            yield PredictedLink(
                story=str(story["id"]),
                source=str(ln["source"]),
                target=str(ln["target"]),
                relation=str(ln.get("relation") or ""),
                tree=ln.get("tree", True) is not False,
                score=_as_float(ln.get("score")),
                raw=ln,
            )


@dataclass(frozen=True, slots=True)
class LinkScore:
    """Origin and link figures; see the module docstring."""

    origins_correct: int
    origins_total: int
    links_total: int
    links_found: int
    relations_correct: int
    directions_correct: int
    precision_counts: Counts
    #: (truth relation, predicted relation or "-" when not found) -> how many truth links
    confusion: Mapping[tuple[str, str], int] = field(default_factory=dict)

    @staticmethod
    def _rate(n: int, total: int) -> float:
        # Nothing to find: nothing missed. (A truth without multi-document stories.)
        return 1.0 if total == 0 else n / total

    @property
    def origin_accuracy(self) -> float:
        return self._rate(self.origins_correct, self.origins_total)

    @property
    def found_rate(self) -> float:
        return self._rate(self.links_found, self.links_total)

    @property
    def relation_accuracy(self) -> float:
        return self._rate(self.relations_correct, self.links_total)

    @property
    def direction_accuracy(self) -> float:
        return self._rate(self.directions_correct, self.links_total)

    @property
    def precision(self) -> float:
        return self.precision_counts.precision


def score_links(
    truth: Truth, report: Mapping[str, Any], story_map: Mapping[str, str | None] | None = None
) -> LinkScore:
    """Score origins and links (see the module docstring)."""
    mapping = story_map if story_map is not None else map_stories(truth, report)
    origin_of = {str(s["id"]): s.get("origin") for s in report_stories(report)}
    origins_total = origins_correct = 0
    for t in truth.stories:
        if len(set(t.documents)) < 2 or t.origin is None:
            continue
        origins_total += 1
        p = mapping.get(t.id)
        if p is not None and origin_of.get(p) is not None and str(origin_of[p]) == t.origin:
            origins_correct += 1

    by_pair: dict[tuple[str, str], list[PredictedLink]] = defaultdict(list)
    for ln in iter_links(report):
        by_pair[ln.pair].append(ln)

    truth_links = [ln for t in truth.stories for ln in t.links]
    found = relations = directions = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for tl in truth_links:
        candidates = by_pair.get(unordered(tl.source, tl.target), [])
        if not candidates:
            confusion[(tl.relation, "-")] += 1
            continue
        best = max(candidates, key=lambda c: (c.tree == tl.tree, c.source == tl.source, c.score))
        found += 1
        relations += best.relation == tl.relation
        directions += best.source == tl.source
        confusion[(tl.relation, best.relation)] += 1

    known = {d.id for d in truth.documents} | {d for t in truth.stories for d in t.documents}
    truth_pairs = {unordered(ln.source, ln.target) for ln in truth_links}
    predicted_pairs = {
        ln.pair
        for ln in iter_links(report)
        if ln.tree and ln.source != ln.target and {ln.source, ln.target} <= known
    }
    precision_counts = Counts(
        tp=len(predicted_pairs & truth_pairs),
        fp=len(predicted_pairs - truth_pairs),
        fn=len(truth_pairs - predicted_pairs),
    )
    return LinkScore(
        origins_correct=origins_correct,
        origins_total=origins_total,
        links_total=len(truth_links),
        links_found=found,
        relations_correct=relations,
        directions_correct=directions,
        precision_counts=precision_counts,
        confusion=dict(confusion),
    )
