"""Scoring a trace report's sentence alignments against gold sentence pairs.

Contract:
    ``score_alignments(truth, report, min_iou=0.5)`` compares ``links[].alignments[]`` (offset
    pairs into ``documents[].text``) of every story of a ``storytrace.report/1`` mapping with
    ``truth.alignments`` (pairs of exact sentence strings) and returns an
    :class:`AlignmentScore` with character-overlap precision, recall and F1. Missing or
    malformed parts score 0, never raise. ``max_matching`` and ``overlap``/``iou`` are shared
    with the change scorer.

Metric definition:

* Each truth sentence is located in its document's report text with
  :func:`~storytrace.eval.truth.locate_text` (every exact occurrence, else every occurrence
  after folding quotes, dashes, NBSP, case). A sentence that cannot be located cannot be
  matched: its pair stays a false negative and is counted in ``unlocated``.
* Predicted pairs come from every link (``tree`` true *and* false: collation links carry the
  alignments a truncated origin cannot) between two documents the truth has alignments for;
  a link running the other way has its two spans swapped. Identical predicted pairs (the same
  two spans via two links) count once; so do identical truth pairs.
* A predicted pair matches a truth pair when, on *each* side, its span and one occurrence of
  the truth sentence have intersection-over-union of characters >= ``min_iou`` (0.5). IoU,
  not containment, so aligning whole paragraphs or documents to each other earns nothing: a
  span must be about one sentence long to stand for one sentence.
* True positives = the size of a maximum one-to-one matching between predicted and truth
  pairs (so one predicted pair never stands for two truth pairs, as it would when the truth
  repeats a sentence for a many-to-one correspondence). P = TP / predicted pairs,
  R = TP / truth pairs, with :class:`~storytrace.eval.boilerplate.Counts` conventions
  (nothing predicted: P = 0 unless the truth is empty too).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storytrace.eval.boilerplate import Counts, CountsView
from storytrace.eval.links import as_span, iter_links
from storytrace.eval.stories import report_documents
from storytrace.eval.truth import Truth, locate_text

#: Default minimum intersection-over-union of characters, per side, for a match.
MIN_IOU = 0.5

Span = tuple[int, int]


def overlap(a: Span, b: Span) -> int:
    """Characters shared by two end-exclusive spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def iou(a: Span, b: Span) -> float:
    """Intersection over union of two end-exclusive spans (0.0 when both are empty)."""
    inter = overlap(a, b)
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter / union if union > 0 else 0.0


def best_iou(span: Span, candidates: Sequence[Span]) -> float:
    return max((iou(span, c) for c in candidates), default=0.0)


def max_matching(adjacency: Sequence[Sequence[int]], n_right: int) -> list[int]:
    """A maximum one-to-one matching of a bipartite graph (Kuhn's augmenting paths).

    ``adjacency[i]`` lists the right nodes left node ``i`` may take, best first; the result
    gives each left node its right node, or -1. The DFS is iterative so that long augmenting
    paths cannot hit Python's recursion limit.
    """
    match_left = [-1] * len(adjacency)
    match_right = [-1] * n_right
    for root in range(len(adjacency)):
        seen = [False] * n_right
        came_from: dict[int, int] = {}  # right node -> the left node that reached it
        stack = [(root, iter(adjacency[root]))]
        free = -1
        while stack and free < 0:
            u, options = stack[-1]
            for v in options:
                if seen[v]:
                    continue
                seen[v] = True
                came_from[v] = u
                if match_right[v] < 0:
                    free = v
                else:
                    stack.append((match_right[v], iter(adjacency[match_right[v]])))
                break
            else:
                stack.pop()
        v = free
        while v >= 0:  # flip the path: every left node on it takes the right node it reached
            u = came_from[v]
            previous = match_left[u]
            match_left[u], match_right[v] = v, u
            v = previous if u != root else -1
    return match_left


@dataclass(frozen=True, slots=True)
class AlignmentScore(CountsView):
    """Alignment figures; ``by_pair`` holds counts per truth (source, target) document pair."""

    counts: Counts
    by_pair: Mapping[tuple[str, str], Counts]
    unlocated: int = 0


def _truth_pairs(
    truth: Truth, texts: Mapping[str, str]
) -> tuple[dict[tuple[str, str], list[tuple[list[Span], list[Span]]]], int]:
    """Located truth pairs by document pair, oriented as the pair's first truth group."""
    orient: dict[frozenset[str], tuple[str, str]] = {}
    seen: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    out: dict[tuple[str, str], list[tuple[list[Span], list[Span]]]] = defaultdict(list)
    unlocated = 0
    for group in truth.alignments:
        key = orient.setdefault(
            frozenset((group.source, group.target)), (group.source, group.target)
        )
        for pair in group.pairs:
            src, tgt = pair if key[0] == group.source else (pair[1], pair[0])
            if (src, tgt) in seen[key]:
                continue
            seen[key].add((src, tgt))
            s_spans = locate_text(texts.get(key[0], ""), src)
            t_spans = locate_text(texts.get(key[1], ""), tgt)
            unlocated += (not s_spans) + (not t_spans)
            out[key].append((s_spans, t_spans))
    return dict(out), unlocated


def _predicted_pairs(
    report: Mapping[str, Any], keys: Sequence[tuple[str, str]]
) -> dict[tuple[str, str], list[tuple[Span, Span]]]:
    by_docs = {frozenset(k): k for k in keys}
    out: dict[tuple[str, str], dict[tuple[Span, Span], None]] = defaultdict(dict)
    for ln in iter_links(report):
        key = by_docs.get(frozenset((ln.source, ln.target)))
        if key is None or ln.source == ln.target:
            continue
        items = ln.raw.get("alignments")
        for a in items if isinstance(items, list) else ():
            if not isinstance(a, Mapping):
                continue
            s, t = as_span(a.get("source")), as_span(a.get("target"))
            if s is None or t is None:
                continue
            out[key][(s, t) if ln.source == key[0] else (t, s)] = None  # ordered, deduplicated
    return {k: list(v) for k, v in out.items()}


def score_alignments(
    truth: Truth, report: Mapping[str, Any], min_iou: float = MIN_IOU
) -> AlignmentScore:
    """Score sentence alignments (see the module docstring)."""
    texts = {
        doc_id: d["text"]
        for doc_id, d in report_documents(report).items()
        if isinstance(d.get("text"), str)
    }
    gold, unlocated = _truth_pairs(truth, texts)
    predicted = _predicted_pairs(report, list(gold))
    total = Counts()
    by_pair: dict[tuple[str, str], Counts] = {}
    for key, truth_items in gold.items():
        preds = predicted.get(key, [])
        adjacency = []
        for s_spans, t_spans in truth_items:
            scored = []
            for j, (ps, pt) in enumerate(preds):
                worst = min(best_iou(ps, s_spans), best_iou(pt, t_spans))
                if worst >= min_iou:
                    scored.append((-worst, j))
            adjacency.append([j for _, j in sorted(scored)])
        tp = sum(1 for j in max_matching(adjacency, len(preds)) if j >= 0)
        counts = Counts(tp=tp, fp=len(preds) - tp, fn=len(truth_items) - tp)
        by_pair[key] = counts
        total = total + counts
    return AlignmentScore(counts=total, by_pair=by_pair, unlocated=unlocated)
