"""Scoring a trace report's stories: which documents tell the same story, and which parts.

Contract:
    ``score_stories(truth, report)`` compares the ``stories[]`` and the ``story`` segments of a
    ``storytrace.report/1`` mapping with a :class:`~storytrace.eval.truth.Truth` and returns a
    :class:`StoryScore`. It never raises on a partial report: missing ``stories`` or segments
    simply score 0. ``map_stories`` gives the truth story -> predicted story mapping that the
    origin metric (``eval/links.py``) reuses.

Metric definitions (only documents of the truth count; report documents not in it are ignored):

* **Pairwise precision/recall/F1.** A story's documents give the unordered co-membership pairs
  ``{a, b}`` (``a != b``) of documents that share that story; the truth pairs come from
  ``truth.stories[].documents``, the predicted ones from ``report["stories"][].documents``, each
  as a *set* over all stories, so a document in several stories counts once per partner and a
  single-document story has no pairs. P = |T ∩ P| / |P|, R = |T ∩ P| / |T| with the
  conventions of :class:`~storytrace.eval.boilerplate.Counts` (nothing predicted: P = 0 unless
  the truth has no pairs either; no truth pairs: R = 1).
* **ARI** (adjusted Rand index) over *memberships*: each (document, truth story) pair is one
  item, so a mashup page in four stories is four items and no document needs a single label.
  Its truth label is the truth story; its predicted label is the predicted story that holds
  the most of that truth story's characters in that document (segment overlap), else — when
  the report's segments name no story there — the predicted story listing the document whose
  document set shares most documents with the truth story; an item with neither is a
  singleton. When both labellings are trivial (ARI's denominator is 0) ARI is 1.0 if they are
  the same partition, else 0.0.
* **Story-segment accuracy.** Units are the non-whitespace characters of the report text. A
  character's truth label is the story of the truth segment covering it (truth lines are
  located in the report text as in ``eval/boilerplate.py``); its predicted label is the
  ``story`` of the report segment covering it. Predicted story ids are mapped one-to-one to
  truth stories greedily by overlap (most shared characters first, ties by shared documents,
  then by id), over the whole corpus, so a story split in two (or S3's two fragments kept
  apart) loses its smaller part. Accuracy = share of truth story characters whose predicted
  story maps to their truth story. A truth document missing from the report counts as all
  wrong (its characters counted on the input text when known).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from storytrace.eval.boilerplate import Counts, _line_spans, _locate_segment
from storytrace.eval.truth import Truth, TruthDocument
from storytrace.ingest.boilerplate import normalise_line

# ``_line_spans``/``_locate_segment`` are the boilerplate scorer's line locator: story segments
# must be placed in the report text exactly the way boilerplate segments are, or the two
# metrics would disagree about where a truth line is.


def report_documents(report: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """Report documents by id (the first of duplicates); malformed entries are skipped."""
    out: dict[str, Mapping[str, Any]] = {}
    for d in report.get("documents") or ():
        if isinstance(d, Mapping) and "id" in d:
            out.setdefault(str(d["id"]), d)
    return out


def report_stories(report: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The report's stories that have an ``id``; a missing or malformed list is empty."""
    stories = report.get("stories")
    if not isinstance(stories, Sequence) or isinstance(stories, str):
        return []
    return [s for s in stories if isinstance(s, Mapping) and s.get("id") is not None]


def story_documents(story: Mapping[str, Any]) -> list[str]:
    docs = story.get("documents")
    if not isinstance(docs, Sequence) or isinstance(docs, str):
        return []
    return [str(d) for d in docs]


def co_membership_pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    """Unordered document pairs (as sorted tuples) that share at least one group."""
    pairs: set[tuple[str, str]] = set()
    for group in groups:
        members = sorted(set(group))
        for i, a in enumerate(members):
            pairs.update((a, b) for b in members[i + 1 :])
    return pairs


def adjusted_rand_index(truth: Sequence[str], pred: Sequence[str]) -> float:
    """ARI of two labellings of the same items (Hubert & Arabie)."""
    n = len(truth)
    if n != len(pred):
        raise ValueError("labellings differ in length")
    index = sum(_comb2(c) for c in Counter(zip(truth, pred, strict=True)).values())
    a = sum(_comb2(c) for c in Counter(truth).values())
    b = sum(_comb2(c) for c in Counter(pred).values())
    expected = a * b / _comb2(n) if n > 1 else 0.0
    top = (a + b) / 2
    if math.isclose(top, expected):
        # Both labellings trivial (all one cluster or all singletons): defined by equality.
        return 1.0 if _same_partition(truth, pred) else 0.0
    return (index - expected) / (top - expected)


def _comb2(k: int) -> float:
    return k * (k - 1) / 2


def _same_partition(x: Sequence[str], y: Sequence[str]) -> bool:
    return len(set(x)) == len(set(y)) == len(set(zip(x, y, strict=True)))


@dataclass(frozen=True, slots=True)
class StoryScore:
    """Clustering and story-segment figures; see the module docstring."""

    pairs: Counts
    ari: float
    segment_correct: int
    segment_total: int
    #: truth story id -> predicted story id (one-to-one, greedy by overlap), or None
    mapping: Mapping[str, str | None] = field(default_factory=dict)
    truth_stories: int = 0
    predicted_stories: int = 0
    items: int = 0
    missing_documents: tuple[str, ...] = ()

    @property
    def pairwise_precision(self) -> float:
        return self.pairs.precision

    @property
    def pairwise_recall(self) -> float:
        return self.pairs.recall

    @property
    def pairwise_f1(self) -> float:
        return self.pairs.f1

    @property
    def segment_accuracy(self) -> float:
        # No truth story text at all: nothing to get wrong.
        return 1.0 if self.segment_total == 0 else self.segment_correct / self.segment_total


def _span_labels(text: str, spans: Iterable[tuple[int, int, str]]) -> list[str | None]:
    labels: list[str | None] = [None] * len(text)
    for start, end, label in spans:
        for i in range(max(0, start), min(len(text), end)):
            labels[i] = label
    return labels


def _truth_story_spans(doc: TruthDocument, text: str, locate: bool) -> list[tuple[int, int, str]]:
    spans = _line_spans(text)
    norm = [normalise_line(text[a:b]) for a, b in spans] if locate else []
    out = []
    for seg in doc.segments:
        if seg.kind != "story" or not seg.story:
            continue
        found = _locate_segment(norm, seg) if locate else (seg.lines[0] - 1, seg.lines[1] - 1)
        if found is None or found[0] >= len(spans):
            continue  # unlocatable: contributes no characters (as in the boilerplate scorer)
        out.append((spans[found[0]][0], spans[min(found[1], len(spans) - 1)][1], seg.story))
    return out


def _predicted_story_spans(segments: Any) -> list[tuple[int, int, str]]:
    out = []
    for seg in segments or ():
        if not isinstance(seg, Mapping) or seg.get("kind") != "story" or seg.get("story") is None:
            continue
        try:
            out.append((int(seg["start"]), int(seg["end"]), str(seg["story"])))
        except (KeyError, TypeError, ValueError):
            continue  # a malformed segment predicts nothing
    return out


@dataclass(slots=True)
class _Overlap:
    """Non-whitespace character counts by (document, truth story, predicted story or None)."""

    cells: Counter[tuple[str, str, str | None]] = field(default_factory=Counter)
    missing: list[str] = field(default_factory=list)

    def by_story(self) -> Counter[tuple[str, str]]:
        out: Counter[tuple[str, str]] = Counter()
        for (_, t, p), n in self.cells.items():
            if p is not None:
                out[(p, t)] += n
        return out


def _overlap(truth: Truth, report: Mapping[str, Any]) -> _Overlap:
    docs = report_documents(report)
    ov = _Overlap()
    for doc in truth.documents:
        rdoc = docs.get(doc.id)
        text = rdoc.get("text") if rdoc is not None else None
        if rdoc is None or not isinstance(text, str):
            ov.missing.append(doc.id)
            source = doc.text or ""
            labels = _span_labels(source, _truth_story_spans(doc, source, locate=False))
            for ch, t in zip(source, labels, strict=True):
                if t is not None and not ch.isspace():
                    ov.cells[(doc.id, t, None)] += 1
            continue
        t_labels = _span_labels(text, _truth_story_spans(doc, text, locate=True))
        p_labels = _span_labels(text, _predicted_story_spans(rdoc.get("segments")))
        for ch, t, p in zip(text, t_labels, p_labels, strict=True):
            if t is not None and not ch.isspace():
                ov.cells[(doc.id, t, p)] += 1
    return ov


def _greedy_map(
    chars: Mapping[tuple[str, str], int], shared: Mapping[tuple[str, str], int]
) -> dict[str, str]:
    """Predicted -> truth story, one-to-one, most shared characters (then documents) first."""
    keys = {k for k, n in chars.items() if n > 0} | {k for k, n in shared.items() if n > 0}
    order = sorted(keys, key=lambda k: (-chars.get(k, 0), -shared.get(k, 0), k[1], k[0]))
    used_p: set[str] = set()
    used_t: set[str] = set()
    out: dict[str, str] = {}
    for p, t in order:
        if p not in used_p and t not in used_t:
            out[p] = t
            used_p.add(p)
            used_t.add(t)
    return out


def _shared_documents(
    truth: Truth, stories: Sequence[Mapping[str, Any]]
) -> Counter[tuple[str, str]]:
    out: Counter[tuple[str, str]] = Counter()
    for s in stories:
        pdocs = set(story_documents(s))
        for t in truth.stories:
            out[(str(s["id"]), t.id)] = len(pdocs & set(t.documents))
    return out


def _truth_to_predicted(truth: Truth, inverse: Mapping[str, str]) -> dict[str, str | None]:
    mapping: dict[str, str | None] = {t.id: None for t in truth.stories}
    mapping.update({t: p for p, t in inverse.items()})
    return mapping


def map_stories(truth: Truth, report: Mapping[str, Any]) -> dict[str, str | None]:
    """Truth story id -> the predicted story id it is matched with (or None); see module doc."""
    ov = _overlap(truth, report)
    inverse = _greedy_map(ov.by_story(), _shared_documents(truth, report_stories(report)))
    return _truth_to_predicted(truth, inverse)


def _membership_labels(
    truth: Truth, stories: Sequence[Mapping[str, Any]], ov: _Overlap
) -> tuple[list[str], list[str]]:
    by_item: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for (doc_id, story_id, p), n in ov.cells.items():
        if p is not None:
            by_item[(doc_id, story_id)][p] += n
    truth_docs = {t.id: set(t.documents) for t in truth.stories}
    t_labels: list[str] = []
    p_labels: list[str] = []
    for t in truth.stories:
        for d in dict.fromkeys(t.documents):
            t_labels.append(t.id)
            counts = by_item.get((d, t.id))
            if counts:
                # most characters; ties to the lower id so the result is deterministic
                best = min(counts, key=lambda p: (-counts[p], p))
                p_labels.append("p:" + best)
                continue
            holders = [s for s in stories if d in story_documents(s)]
            if holders:
                pick = max(holders, key=lambda s: len(truth_docs[t.id] & set(story_documents(s))))
                p_labels.append("p:" + str(pick["id"]))
            else:
                p_labels.append(f"single:{d}:{t.id}")  # its own cluster
    return t_labels, p_labels


def score_stories(truth: Truth, report: Mapping[str, Any]) -> StoryScore:
    """Score the report's story clustering and story segments (see the module docstring)."""
    stories = report_stories(report)
    known = {d.id for d in truth.documents} | {d for t in truth.stories for d in t.documents}
    t_pairs = co_membership_pairs(t.documents for t in truth.stories)
    p_pairs = co_membership_pairs([d for d in story_documents(s) if d in known] for s in stories)
    pairs = Counts(tp=len(t_pairs & p_pairs), fp=len(p_pairs - t_pairs), fn=len(t_pairs - p_pairs))

    ov = _overlap(truth, report)
    t_labels, p_labels = _membership_labels(truth, stories, ov)
    ari = adjusted_rand_index(t_labels, p_labels) if t_labels else 1.0

    inverse = _greedy_map(ov.by_story(), _shared_documents(truth, stories))
    total = sum(ov.cells.values())
    correct = sum(n for (_, t, p), n in ov.cells.items() if p is not None and inverse.get(p) == t)
    return StoryScore(
        pairs=pairs,
        ari=ari,
        segment_correct=correct,
        segment_total=total,
        mapping=_truth_to_predicted(truth, inverse),
        truth_stories=len(truth.stories),
        predicted_stories=len(stories),
        items=len(t_labels),
        missing_documents=tuple(ov.missing),
    )
