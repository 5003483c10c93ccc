"""Character-level scoring of a trace report's boilerplate against gold segments.

Contract:
    ``score_boilerplate(truth, report)`` compares the ``boilerplate`` segments of a trace
    report (a ``storytrace.report/1`` mapping: ``documents[]`` with ``id``, ``text`` and
    ``segments`` of ``{start, end, kind, reason}``) with the boilerplate segments of a
    :class:`~storytrace.eval.truth.Truth` and returns a :class:`BoilerplateScore`.

Conventions:
    * Units are the non-whitespace characters of the report's ``text``. A truth character is
      one inside a located truth boilerplate segment; a predicted one is inside a report
      segment of kind ``boilerplate``.
    * Truth segments are line numbers in the *input files* while the report holds the cleaned
      text (mojibake repaired, so a few characters can differ). Each segment's first and last
      line are located in the report text: at the annotated line number when that line starts
      with the annotated 60-character prefix (after light normalisation), else by the prefix
      at the nearest line, else by fuzzy match (``difflib`` ratio >= 0.8 against a line's
      same-length prefix). If only one end is found the other is placed by the annotated
      length. Segments that cannot be located are listed in ``unmatched`` and contribute no
      truth characters (so a prediction on them counts as a false positive).
    * A truth document missing from the report (or without ``text``) counts as all missed:
      its boilerplate characters, counted on the input text when :attr:`TruthDocument.text`
      is known, are false negatives. Report documents not in the truth are ignored.
    * Precision with nothing predicted is 1.0 when there is no truth boilerplate, else 0.0;
      recall with no truth boilerplate is 1.0; F1 is 0.0 when precision + recall is 0.
    * Figures are micro-averaged over all truth documents; per-document figures, recall per
      truth reason and false-positive characters per predicted reason come with them.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from storytrace.eval.truth import Truth, TruthDocument, TruthSegment
from storytrace.ingest.boilerplate import normalise_line

#: Minimum difflib ratio for the fuzzy fallback.
FUZZY_MIN = 0.8
#: How far (in lines) from the annotated line number an exact prefix is searched.
SEARCH_RADIUS = 40


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives in characters."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def truth(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        if self.predicted == 0:
            return 1.0 if self.truth == 0 else 0.0
        return self.tp / self.predicted

    @property
    def recall(self) -> float:
        return 1.0 if self.truth == 0 else self.tp / self.truth

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


class CountsView:
    """Precision, recall and F1 of a score object that keeps its totals in ``counts``."""

    __slots__ = ()
    counts: Counts

    @property
    def precision(self) -> float:
        return self.counts.precision

    @property
    def recall(self) -> float:
        return self.counts.recall

    @property
    def f1(self) -> float:
        return self.counts.f1


@dataclass(frozen=True, slots=True)
class UnmatchedSegment:
    """A truth boilerplate segment that could not be located in the report text."""

    document: str
    lines: tuple[int, int]
    reason: str | None
    first_line: str


@dataclass(frozen=True, slots=True)
class ReasonRecall:
    """Truth characters of one boilerplate reason and how many were predicted boilerplate."""

    reason: str
    truth_chars: int
    found_chars: int

    @property
    def recall(self) -> float:
        return 1.0 if self.truth_chars == 0 else self.found_chars / self.truth_chars


@dataclass(frozen=True, slots=True)
class DocumentScore:
    id: str
    counts: Counts
    missing: bool = False
    unmatched: tuple[UnmatchedSegment, ...] = ()


@dataclass(frozen=True, slots=True)
class BoilerplateScore(CountsView):
    """Micro-averaged figures plus per-document and per-reason breakdowns."""

    counts: Counts
    documents: tuple[DocumentScore, ...]
    recall_by_reason: Mapping[str, ReasonRecall] = field(default_factory=dict)
    false_positives_by_reason: Mapping[str, int] = field(default_factory=dict)
    unmatched: tuple[UnmatchedSegment, ...] = ()
    missing_documents: tuple[str, ...] = ()

    def document(self, doc_id: str) -> DocumentScore:
        for d in self.documents:
            if d.id == doc_id:
                return d
        raise KeyError(doc_id)

    def format(self) -> str:
        """A plain-text table of the figures (for logs and test output)."""
        out = [f"{'document':<28} {'P':>6} {'R':>6} {'F1':>6} {'truth':>6} {'pred':>6}"]
        for d in (*self.documents, DocumentScore("ALL (micro)", self.counts)):
            c = d.counts
            flag = "  missing" if d.missing else ""
            flag += f"  unmatched={len(d.unmatched)}" if d.unmatched else ""
            out.append(
                f"{d.id:<28} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} "
                f"{c.truth:6d} {c.predicted:6d}{flag}"
            )
        out.append(f"{'truth reason':<28} {'R':>6} {'found':>6} {'truth':>6}")
        for r in sorted(self.recall_by_reason.values(), key=lambda x: x.reason):
            out.append(f"{r.reason:<28} {r.recall:6.3f} {r.found_chars:6d} {r.truth_chars:6d}")
        out.append(f"{'false positives by reason':<28} {'chars':>6}")
        for reason, n in sorted(self.false_positives_by_reason.items()):
            out.append(f"{reason:<28} {n:6d}")
        return "\n".join(out)


# --------------------------------------------------------------------------------------------
# Locating truth lines in the report text
# --------------------------------------------------------------------------------------------


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _nearest_first(expected: int, n: int, radius: int) -> list[int]:
    order = [expected] if 0 <= expected < n else []
    for d in range(1, radius + 1):
        order.extend(i for i in (expected - d, expected + d) if 0 <= i < n)
    return order


def _locate(norm_lines: Sequence[str], expected: int, prefix: str) -> int | None:
    """Index of the report line that the annotated line ``expected`` (0-based) became."""
    n = len(norm_lines)
    p = normalise_line(prefix)
    if not p:
        return expected if 0 <= expected < n else None
    for i in _nearest_first(expected, n, SEARCH_RADIUS):
        if norm_lines[i].startswith(p):
            return i
    best: tuple[float, int, int] | None = None  # (ratio, -distance, index)
    for i in _nearest_first(expected, n, n):
        candidate = norm_lines[i][: len(p)]
        sm = difflib.SequenceMatcher(None, p, candidate, autojunk=False)
        if sm.real_quick_ratio() < FUZZY_MIN or sm.quick_ratio() < FUZZY_MIN:
            continue
        ratio = sm.ratio()
        if ratio >= FUZZY_MIN:
            key = (ratio, -abs(i - expected), i)
            if best is None or key > best:
                best = key
    return best[2] if best else None


def _locate_segment(norm_lines: Sequence[str], seg: TruthSegment) -> tuple[int, int] | None:
    a, b = seg.lines[0] - 1, seg.lines[1] - 1
    first = _locate(norm_lines, a, seg.first_line)
    last = _locate(norm_lines, b + (first - a if first is not None else 0), seg.last_line)
    if first is None and last is None:
        return None
    if first is None:
        assert last is not None
        first = max(0, last - (b - a))
    if last is None:
        last = min(len(norm_lines) - 1, first + (b - a))
    return (first, last) if first <= last else None


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Tally:
    counts: Counts = field(default_factory=Counts)
    truth_by_reason: Counter[str] = field(default_factory=Counter)
    found_by_reason: Counter[str] = field(default_factory=Counter)
    fp_by_reason: Counter[str] = field(default_factory=Counter)


def _reason(r: Any) -> str:
    return str(r) if r else "unspecified"


def _truth_labels(
    doc: TruthDocument, text: str, locate: bool
) -> tuple[list[str | None], list[UnmatchedSegment]]:
    """Per-character truth reason (None: not boilerplate) over ``text``."""
    labels: list[str | None] = [None] * len(text)
    spans = _line_spans(text)
    norm = [normalise_line(text[a:b]) for a, b in spans] if locate else []
    unmatched = []
    for seg in doc.segments:
        if not seg.is_boilerplate:
            continue
        found = _locate_segment(norm, seg) if locate else (seg.lines[0] - 1, seg.lines[1] - 1)
        if found is None or found[0] >= len(spans):
            unmatched.append(UnmatchedSegment(doc.id, seg.lines, seg.reason, seg.first_line))
            continue
        start = spans[found[0]][0]
        end = spans[min(found[1], len(spans) - 1)][1]
        reason = _reason(seg.reason)
        for i in range(start, end):
            labels[i] = reason
    return labels, unmatched


def _predicted_labels(text: str, segments: Any) -> list[str | None]:
    labels: list[str | None] = [None] * len(text)
    for seg in segments or ():
        if not isinstance(seg, Mapping) or seg.get("kind") != "boilerplate":
            continue
        try:
            start, end = max(0, int(seg["start"])), min(len(text), int(seg["end"]))
        except (KeyError, TypeError, ValueError):
            continue  # a malformed segment predicts nothing
        reason = _reason(seg.get("reason"))
        for i in range(start, end):
            labels[i] = reason
    return labels


def _tally(text: str, truth: list[str | None], pred: list[str | None], tally: _Tally) -> Counts:
    tp = fp = fn = 0
    for ch, t, p in zip(text, truth, pred, strict=True):
        if ch.isspace() or (t is None and p is None):
            continue
        if t is not None:
            tally.truth_by_reason[t] += 1
            if p is not None:
                tp += 1
                tally.found_by_reason[t] += 1
            else:
                fn += 1
        else:
            assert p is not None
            fp += 1
            tally.fp_by_reason[p] += 1
    counts = Counts(tp, fp, fn)
    tally.counts = tally.counts + counts
    return counts


def score_boilerplate(truth: Truth, report: Mapping[str, Any]) -> BoilerplateScore:
    """Score a report's boilerplate segments against ``truth`` (see the module docstring)."""
    by_id: dict[str, Mapping[str, Any]] = {}
    for d in report.get("documents", ()) or ():
        if isinstance(d, Mapping) and "id" in d:
            by_id.setdefault(str(d["id"]), d)
    tally = _Tally()
    doc_scores: list[DocumentScore] = []
    all_unmatched: list[UnmatchedSegment] = []
    missing: list[str] = []
    for doc in truth.documents:
        rdoc = by_id.get(doc.id)
        text = rdoc.get("text") if rdoc is not None else None
        if not isinstance(text, str):
            missing.append(doc.id)
            source = doc.text or ""
            labels, _ = _truth_labels(doc, source, locate=False)
            counts = _tally(source, labels, [None] * len(source), tally)
            doc_scores.append(DocumentScore(doc.id, counts, missing=True))
            continue
        assert rdoc is not None
        labels, unmatched = _truth_labels(doc, text, locate=True)
        pred = _predicted_labels(text, rdoc.get("segments"))
        counts = _tally(text, labels, pred, tally)
        all_unmatched.extend(unmatched)
        doc_scores.append(DocumentScore(doc.id, counts, unmatched=tuple(unmatched)))
    recall_by_reason = {
        r: ReasonRecall(r, n, tally.found_by_reason[r]) for r, n in tally.truth_by_reason.items()
    }
    return BoilerplateScore(
        counts=tally.counts,
        documents=tuple(doc_scores),
        recall_by_reason=recall_by_reason,
        false_positives_by_reason=dict(tally.fp_by_reason),
        unmatched=tuple(all_unmatched),
        missing_documents=tuple(missing),
    )
