"""Scoring a trace report's fact changes against gold changes, per kind.

Contract:
    ``score_changes(truth, report)`` compares ``links[].changes[]`` of every story of a
    ``storytrace.report/1`` mapping with ``truth.changes`` and returns a :class:`ChangeScore`.
    Missing or malformed parts score 0, never raise.

Metric definitions:

* Kinds are folded to :data:`KINDS` (``negation`` is ``polarity``; anything unknown is
  ``other``), so the metric names stay stable whatever a tracer invents.
* A truth change's ``source_text``/``target_text`` are located in the report text of its
  source/target document with :func:`~storytrace.eval.truth.locate_text` (exact, else folded).
* Predicted changes come from every link (``tree`` true or false) between two documents the
  truth has changes for; a link running the other way has its spans swapped. Each predicted
  change is counted once per (documents, kind, spans), so the same change reported by two
  links is one prediction.
* A predicted change *can match* a truth change when the documents match and its target span
  overlaps (by at least one character) an occurrence of the truth ``target_text``, or its
  source span overlaps one of the truth ``source_text``. Overlap, not IoU: truth texts are
  whole sentences (or anchor sentences for additions and drops) while a tracer rightly marks
  just ``22,000`` -> ``22``.
* True positives = a maximum one-to-one matching (best overlap first) between truth and
  predicted changes. **Kind-agnostic** P/R/F1 match regardless of kind; **per-kind** P/R use
  only truth and predicted changes of that kind; ``recall.facts`` pools the per-kind matches of
  ``number``, ``date`` and ``name`` (kind must match); ``recall.major`` is the share of
  ``severity == "major"`` truth changes matched kind-agnostically (finding a major change at
  all is what counts; its kind is scored by the per-kind figures). Precision is over predicted
  changes in document pairs the truth has changes for. Counts conventions as in
  :class:`~storytrace.eval.boilerplate.Counts`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from storytrace.eval.alignments import Span, max_matching, overlap
from storytrace.eval.boilerplate import Counts, CountsView
from storytrace.eval.links import as_span, iter_links
from storytrace.eval.stories import report_documents
from storytrace.eval.truth import Truth, TruthChange, locate_text

#: The change kinds of the report schema, in the order they are reported.
KINDS = ("number", "date", "name", "quote", "polarity", "other")
#: Kinds whose recall is pooled as ``changes.recall.facts``.
FACT_KINDS = ("number", "date", "name")
_ALIASES = {"negation": "polarity"}


def fold_kind(kind: Any) -> str:
    k = str(kind or "other").strip().lower()
    k = _ALIASES.get(k, k)
    return k if k in KINDS else "other"


@dataclass(frozen=True, slots=True)
class _Gold:
    key: tuple[str, str]  # (source, target) documents, as the first truth change of the pair
    kind: str
    major: bool
    source: list[Span]
    target: list[Span]


@dataclass(frozen=True, slots=True)
class _Pred:
    key: tuple[str, str]
    kind: str
    source: Span | None
    target: Span | None


@dataclass(frozen=True, slots=True)
class ChangeScore(CountsView):
    """Kind-agnostic, per-kind, major and fact-kind figures; see the module docstring."""

    counts: Counts
    by_kind: Mapping[str, Counts] = field(default_factory=dict)
    major: Counts = field(default_factory=Counts)
    facts: Counts = field(default_factory=Counts)
    unlocated: int = 0

    def kind(self, kind: str) -> Counts:
        return self.by_kind.get(kind, Counts())


def _gold(truth: Truth, texts: Mapping[str, str]) -> tuple[list[_Gold], int]:
    orient: dict[frozenset[str], tuple[str, str]] = {}
    out: list[_Gold] = []
    unlocated = 0
    for c in truth.changes:
        key = orient.setdefault(frozenset((c.source, c.target)), (c.source, c.target))
        src, tgt = _oriented(c, key)
        s_spans = locate_text(texts.get(key[0], ""), src)
        t_spans = locate_text(texts.get(key[1], ""), tgt)
        unlocated += (not s_spans) + (not t_spans)
        major = (c.severity or "").lower() == "major"
        out.append(_Gold(key, fold_kind(c.kind), major, s_spans, t_spans))
    return out, unlocated


def _oriented(c: TruthChange, key: tuple[str, str]) -> tuple[str, str]:
    return (c.source_text, c.target_text) if c.source == key[0] else (c.target_text, c.source_text)


def _predicted(report: Mapping[str, Any], keys: Sequence[tuple[str, str]]) -> list[_Pred]:
    by_docs = {frozenset(k): k for k in keys}
    out: dict[_Pred, None] = {}
    for ln in iter_links(report):
        key = by_docs.get(frozenset((ln.source, ln.target)))
        items = ln.raw.get("changes")
        if key is None or ln.source == ln.target or not isinstance(items, list):
            continue
        for ch in items:
            if not isinstance(ch, Mapping):
                continue
            s, t = as_span(ch.get("source")), as_span(ch.get("target"))
            if s is None and t is None:
                continue
            if ln.source != key[0]:
                s, t = t, s
            out[_Pred(key, fold_kind(ch.get("kind")), s, t)] = None
    return list(out)


def _strength(g: _Gold, p: _Pred) -> float:
    """Share of the truth text covered on each side, summed; 0 when nothing overlaps."""
    total = 0.0
    for spans, span in ((g.source, p.source), (g.target, p.target)):
        if span is not None and spans:
            total += max(overlap(span, s) / max(1, s[1] - s[0]) for s in spans)
    return total


def _match(
    gold: Sequence[_Gold], preds: Sequence[_Pred], same: Callable[[_Gold, _Pred], bool]
) -> list[bool]:
    """Which truth changes are matched in a maximum one-to-one matching (best overlap first)."""
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for j, p in enumerate(preds):
        by_key[p.key].append(j)
    adjacency: list[list[int]] = []
    for g in gold:
        scored = []
        for j in by_key.get(g.key, []):
            strength = _strength(g, preds[j]) if same(g, preds[j]) else 0.0
            if strength > 0:
                scored.append((-strength, j))
        adjacency.append([j for _, j in sorted(scored)])
    return [j >= 0 for j in max_matching(adjacency, len(preds))]


def _counts(matched: Sequence[bool], n_pred: int) -> Counts:
    tp = sum(matched)
    return Counts(tp=tp, fp=n_pred - tp, fn=len(matched) - tp)


def _any_kind(g: _Gold, p: _Pred) -> bool:
    return True


def _same_kind(g: _Gold, p: _Pred) -> bool:
    return g.kind == p.kind


def score_changes(truth: Truth, report: Mapping[str, Any]) -> ChangeScore:
    """Score fact changes (see the module docstring)."""
    texts = {
        doc_id: d["text"]
        for doc_id, d in report_documents(report).items()
        if isinstance(d.get("text"), str)
    }
    gold, unlocated = _gold(truth, texts)
    preds = _predicted(report, list(dict.fromkeys(g.key for g in gold)))
    overall = _counts(_match(gold, preds, _any_kind), len(preds))

    by_kind: dict[str, Counts] = {}
    for kind in KINDS:
        g_k = [g for g in gold if g.kind == kind]
        p_k = [p for p in preds if p.kind == kind]
        by_kind[kind] = _counts(_match(g_k, p_k, _same_kind), len(p_k))

    # Only the recall of ``major`` means anything: predictions carry no severity.
    matched_major = _match([g for g in gold if g.major], preds, _any_kind)
    major = Counts(tp=sum(matched_major), fn=len(matched_major) - sum(matched_major))
    fact_tp = sum(by_kind[k].tp for k in FACT_KINDS)
    fact_total = sum(by_kind[k].truth for k in FACT_KINDS)
    fact_pred = sum(by_kind[k].predicted for k in FACT_KINDS)
    facts = Counts(tp=fact_tp, fp=fact_pred - fact_tp, fn=fact_total - fact_tp)
    return ChangeScore(
        counts=overall, by_kind=by_kind, major=major, facts=facts, unlocated=unlocated
    )
