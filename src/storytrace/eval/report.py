"""The combined scorer: one trace report against one truth file, every metric at once.

Contract:
    ``score_report(truth, report)`` takes a :class:`~storytrace.eval.truth.Truth` and a
    ``storytrace.report/1`` mapping and returns an :class:`EvalScore`. It never raises on a
    partial report (no stories yet, no links, malformed entries): what is missing scores 0.
    (Malformed input is the caller's to refuse first: :mod:`storytrace.eval.validate`.)
    ``EvalScore.to_dict()`` is flat ``{metric name: float or None}`` with the stable names
    below, which the quality gate pins floors against; ``rows()`` adds a human-readable support
    column and ``format()`` renders them as a plain-text table.

Not applicable. A metric with nothing to score — its denominator is 0: recall of a truth
without any such item, precision and F1 when neither truth nor report has one, an accuracy
over no truth links, stories or characters, ARI over no memberships — is ``None`` in ``rows()``
and ``to_dict()`` (``null`` in JSON) and ``n/a`` in ``format()``, never a perfect 1.0 earned
on "0/0". Precision with nothing predicted but something to find stays 0.0, and F1 with
predictions but no truth is 0.0. (The component scores, e.g.
:attr:`~storytrace.eval.boilerplate.Counts.recall`, keep their numeric conventions for
library callers; this module is where they are reported.)

Metrics (definitions in the module that computes them):

==============================================  ================================================
``stories.pairwise_{precision,recall,f1}``      co-membership pairs (``eval/stories.py``)
``stories.ari``                                 ARI over (document, story) memberships
``segments.story_accuracy``                     story characters in the right story
``boilerplate.{precision,recall,f1}``           ``eval/boilerplate.py``
``origin.accuracy``                             multi-document stories (``eval/links.py``)
``links.{found,relation_accuracy,               over the truth links; precision over predicted
direction_accuracy,precision}``                 tree links
``alignments.{precision,recall,f1}``            sentence pairs by span IoU (``eval/alignments.py``)
``changes.{precision,recall,f1}``               kind-agnostic (``eval/changes.py``)
``changes.{precision,recall}.<kind>``           per kind: number date name quote polarity other
``changes.recall.{major,facts}``                major changes; number+date+name
==============================================  ================================================

``perfect_report(truth)`` builds the report a flawless tracer would write for a truth whose
input texts are known; every metric scores 1.0 on it (the tests hold the scorer to that).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from storytrace.eval.alignments import AlignmentScore, score_alignments
from storytrace.eval.boilerplate import BoilerplateScore, Counts, _line_spans, score_boilerplate
from storytrace.eval.changes import KINDS, ChangeScore, score_changes
from storytrace.eval.links import LinkScore, score_links
from storytrace.eval.stories import StoryScore, score_stories
from storytrace.eval.truth import Truth, locate_text

EVAL_SCHEMA = "storytrace.eval/1"

#: A metric's value; None when it has nothing to score (see "Not applicable" above).
Value = float | None
Row = tuple[str, Value, str]


def _ratio(n: int, total: int, unit: str) -> str:
    return f"{n:,}/{total:,} {unit}"


def _rate(n: int, total: int) -> Value:
    return None if total == 0 else n / total


def precision(c: Counts) -> Value:
    """``c.precision``, or None when neither truth nor prediction has anything."""
    return None if c.truth == 0 and c.predicted == 0 else c.precision


def recall(c: Counts) -> Value:
    """``c.recall``, or None when there is nothing to find."""
    return None if c.truth == 0 else c.recall


def f1(c: Counts) -> Value:
    """``c.f1``, or None when neither truth nor prediction has anything."""
    return None if c.truth == 0 and c.predicted == 0 else c.f1


def format_value(value: Value) -> str:
    """``0.917``, or ``n/a`` for a metric with nothing to score."""
    return "n/a" if value is None else f"{value:.3f}"


def _prf(prefix: str, c: Counts, unit: str) -> list[Row]:
    """``<prefix>precision``, ``<prefix>recall``, ``<prefix>f1`` with their support."""
    return [
        (f"{prefix}precision", precision(c), _ratio(c.tp, c.predicted, f"predicted {unit}")),
        (f"{prefix}recall", recall(c), _ratio(c.tp, c.truth, f"truth {unit}")),
        (f"{prefix}f1", f1(c), ""),
    ]


@dataclass(frozen=True, slots=True)
class EvalScore:
    """Every figure of one report against one truth."""

    stories: StoryScore
    boilerplate: BoilerplateScore
    links: LinkScore
    alignments: AlignmentScore
    changes: ChangeScore

    def rows(self) -> list[Row]:
        """``(metric name, value or None when not applicable, support)`` in a fixed order."""
        s, lk, ch = self.stories, self.links, self.changes
        pc = lk.precision_counts
        rows: list[Row] = []
        rows += _prf("stories.pairwise_", s.pairs, "pairs")
        rows.append(("stories.ari", s.ari if s.items else None, f"{s.items} memberships"))
        rows.append(
            (
                "segments.story_accuracy",
                _rate(s.segment_correct, s.segment_total),
                _ratio(s.segment_correct, s.segment_total, "chars"),
            )
        )
        rows += _prf("boilerplate.", self.boilerplate.counts, "chars")
        rows.append(
            (
                "origin.accuracy",
                _rate(lk.origins_correct, lk.origins_total),
                _ratio(lk.origins_correct, lk.origins_total, "stories"),
            )
        )
        rows += [
            (
                "links.found",
                _rate(lk.links_found, lk.links_total),
                _ratio(lk.links_found, lk.links_total, "links"),
            ),
            (
                "links.relation_accuracy",
                _rate(lk.relations_correct, lk.links_total),
                _ratio(lk.relations_correct, lk.links_total, "links"),
            ),
            (
                "links.direction_accuracy",
                _rate(lk.directions_correct, lk.links_total),
                _ratio(lk.directions_correct, lk.links_total, "links"),
            ),
            ("links.precision", precision(pc), _ratio(pc.tp, pc.predicted, "tree-link pairs")),
        ]
        rows += _prf("alignments.", self.alignments.counts, "pairs")
        rows += _prf("changes.", ch.counts, "changes")
        for kind in KINDS:
            c = ch.kind(kind)
            rows.append(
                (f"changes.precision.{kind}", precision(c), _ratio(c.tp, c.predicted, "predicted"))
            )
            rows.append((f"changes.recall.{kind}", recall(c), _ratio(c.tp, c.truth, "truth")))
        rows.append(
            ("changes.recall.major", recall(ch.major), _ratio(ch.major.tp, ch.major.truth, "truth"))
        )
        rows.append(
            ("changes.recall.facts", recall(ch.facts), _ratio(ch.facts.tp, ch.facts.truth, "truth"))
        )
        return rows

    def to_dict(self) -> dict[str, float | None]:
        """Flat ``{metric name: value}``, None (JSON ``null``) for a metric with nothing to
        score; names are stable and always all present (the quality gate pins them)."""
        return {name: None if value is None else float(value) for name, value, _ in self.rows()}

    def notes(self) -> list[str]:
        """What the scorer could not place (worth knowing before trusting a low figure)."""
        out = []
        if self.stories.missing_documents:
            out.append(
                "truth documents missing from the report: "
                + ", ".join(self.stories.missing_documents)
            )
        if self.boilerplate.unmatched:
            out.append(
                f"{len(self.boilerplate.unmatched)} truth boilerplate segment(s) not located"
            )
        if self.alignments.unlocated:
            out.append(f"{self.alignments.unlocated} truth alignment sentence(s) not located")
        if self.changes.unlocated:
            out.append(f"{self.changes.unlocated} truth change text(s) not located")
        return out

    def format(self) -> str:
        """A plain-text table (metric, value, support) and the notes, for logs and terminals."""
        rows = self.rows()
        width = max(len(name) for name, _, _ in rows)
        lines = [f"{'metric':<{width}}  {'value':>6}  support"]
        lines += [f"{name:<{width}}  {format_value(v):>6}  {sup}".rstrip() for name, v, sup in rows]
        lines += [f"note: {n}" for n in self.notes()]
        return "\n".join(lines)


def score_report(truth: Truth, report: Mapping[str, Any]) -> EvalScore:
    """Score ``report`` against ``truth`` (see the module docstring)."""
    stories = score_stories(truth, report)
    return EvalScore(
        stories=stories,
        boilerplate=score_boilerplate(truth, report),
        links=score_links(truth, report, stories.mapping),
        alignments=score_alignments(truth, report),
        changes=score_changes(truth, report),
    )


# --------------------------------------------------------------------------------------------
# The ceiling: what a flawless trace of the truth looks like
# --------------------------------------------------------------------------------------------


def _segments(text: str, doc_segments: Any) -> list[dict[str, Any]]:
    spans = _line_spans(text)
    out: list[dict[str, Any]] = []
    pos = 0
    for seg in sorted(doc_segments, key=lambda s: s.lines):
        start = spans[seg.lines[0] - 1][0]
        end = spans[min(seg.lines[1], len(spans)) - 1][1]
        if start > pos:  # blank lines between segments: covered, as the schema asks
            out.append({"start": pos, "end": start, "kind": "unassigned"})
        item: dict[str, Any] = {"start": start, "end": end, "kind": seg.kind}
        if seg.kind == "boilerplate":
            item["reason"] = seg.reason
        elif seg.kind == "story":
            item["story"] = seg.story
        out.append(item)
        pos = end
    if pos < len(text):
        out.append({"start": pos, "end": len(text), "kind": "unassigned"})
    return out


def _first(text: str, quote: str) -> list[int] | None:
    hits = locate_text(text, quote)
    return list(hits[0]) if hits else None


def perfect_report(truth: Truth) -> dict[str, Any]:
    """The report a flawless trace would write (documents need their input ``text``)."""
    texts = {d.id: d.text for d in truth.documents if d.text is not None}
    documents = [
        {"id": d.id, "lang": d.lang, "title": d.title, "text": d.text,
         "segments": _segments(d.text, d.segments)}
        for d in truth.documents
        if d.text is not None
    ]  # fmt: skip
    stories: list[dict[str, Any]] = [
        {"id": t.id, "title": t.title, "documents": list(t.documents), "origin": t.origin,
         "links": [{"source": ln.source, "target": ln.target, "relation": ln.relation,
                    "tree": ln.tree, "score": 1.0, "alignments": [], "changes": []}
                   for ln in t.links]}
        for t in truth.stories
    ]  # fmt: skip

    def link(source: str, target: str) -> dict[str, Any] | None:
        """The link joining two documents, oriented as given: an existing one, else a new
        ``tree: false`` collation link in the first story holding both (as the schema says)."""
        for story in stories:
            for ln in story["links"]:
                if (ln["source"], ln["target"]) == (source, target):
                    return ln  # type: ignore[no-any-return]
        for story in stories:
            if {source, target} <= set(story["documents"]):
                new = {"source": source, "target": target, "relation": "rewrite", "tree": False,
                       "score": 1.0, "alignments": [], "changes": []}  # fmt: skip
                story["links"].append(new)
                return new
        return None

    for group in truth.alignments:
        ln = link(group.source, group.target)
        if ln is None:
            continue
        for src, tgt in group.pairs:
            s = _first(texts.get(group.source, ""), src)
            t = _first(texts.get(group.target, ""), tgt)
            if s and t:
                ln["alignments"].append({"source": s, "target": t, "score": 1.0})
    for c in truth.changes:
        ln = link(c.source, c.target)
        s = _first(texts.get(c.source, ""), c.source_text)
        t = _first(texts.get(c.target, ""), c.target_text)
        if ln is not None and (s or t):
            ln["changes"].append(
                {"kind": c.kind, "source": s, "target": t,
                 "source_text": c.source_text, "target_text": c.target_text}
            )  # fmt: skip
    return {"schema": "storytrace.report/1", "documents": documents, "stories": stories}
