"""Fact changes of a derivation link: compare every aligned bead of two versions.

Contract:
    ``link_changes(link, source, target)`` takes one link in the report shape
    (``alignments`` of sentence spans, see ``report-schema.md``) and the two
    :class:`~storytrace.models.Document` s it joins, and returns the link's ``changes[]``:
    report-shaped dicts, sorted by target offset, one per changed fact. ``attach_changes``
    fills ``changes`` of every link of a derived story in place.

A *bead* is a connected group of aligned sentences (a 1:1 pair, or a 2:1 merge where a
translation joined two sentences): facts are compared bead against bead, because a number
that moved from the first to the second sentence of a merge did not change. A bead whose
sentences are not adjacent in their document (a reordering inside a merge) is compared pair
by pair instead, so that no unrelated sentence in between lends or hides a fact.

The same fact changed in two beads (a name respelled in every sentence) is reported once per
place: a reader wants each occurrence marked, but a change is never reported twice for the
same pair of spans.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from ..models import Document
from .compare import compare_sentences
from .model import Change, Side

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SPACE = re.compile(r"\s*")

Span = tuple[int, int]


def published_date(doc: Document) -> date | None:
    """The document's publication day, when its ``published`` starts with an ISO date."""
    m = _ISO_DAY.match(doc.published or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def beads(pairs: Iterable[tuple[Span, Span]]) -> list[tuple[list[Span], list[Span]]]:
    """Connected groups of aligned sentence pairs (sentences shared by pairs join them)."""
    parent: dict[tuple[str, Span], tuple[str, Span]] = {}

    def find(x: tuple[str, Span]) -> tuple[str, Span]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    edges = list(pairs)
    for s, t in edges:
        parent[find(("s", s))] = find(("t", t))
    groups: dict[tuple[str, Span], tuple[set[Span], set[Span]]] = {}
    for s, t in edges:
        src, tgt = groups.setdefault(find(("s", s)), (set(), set()))
        src.add(s)
        tgt.add(t)
    return [(sorted(a), sorted(b)) for a, b in groups.values()]


def _adjacent(text: str, spans: Sequence[Span]) -> bool:
    """Whether consecutive spans are separated by whitespace only."""
    for (_, end), (start, _) in itertools.pairwise(spans):
        if start < end or _SPACE.fullmatch(text, end, start) is None:
            return False
    return True


def _sides(spans: Sequence[Span], doc: Document, published: date | None) -> list[Side] | None:
    if not spans:
        return None
    if _adjacent(doc.text, spans):
        start, end = spans[0][0], spans[-1][1]
        return [Side(doc.text[start:end], doc.lang, start, published)]
    return [Side(doc.text[a:b], doc.lang, a, published) for a, b in spans]


def change_json(c: Change) -> dict[str, Any]:
    """A :class:`Change` in the report's ``changes[]`` shape (extra fields are optional)."""
    out: dict[str, Any] = {
        "kind": c.kind,
        "source": list(c.source),
        "target": list(c.target),
        "source_text": c.source_text,
        "target_text": c.target_text,
        "note": c.note,
        "score": round(c.score, 3),
        "severity": "major" if c.major else "minor",
    }
    if c.source_value is not None or c.target_value is not None:
        out["values"] = {"source": c.source_value, "target": c.target_value}
    return out


def link_changes(
    link: Mapping[str, Any], source: Document, target: Document
) -> list[dict[str, Any]]:
    """The ``changes[]`` of one link (module docstring)."""
    pairs: list[tuple[Span, Span]] = []
    for a in link.get("alignments", ()):
        s, t = a["source"], a["target"]
        pairs.append(((int(s[0]), int(s[1])), (int(t[0]), int(t[1]))))
    sp, tp = published_date(source), published_date(target)
    found: dict[tuple[str, Span, Span], Change] = {}
    for src_spans, tgt_spans in beads(pairs):
        src_sides = _sides(src_spans, source, sp)
        tgt_sides = _sides(tgt_spans, target, tp)
        if not src_sides or not tgt_sides:
            continue
        if len(src_sides) > 1 or len(tgt_sides) > 1:
            # Not adjacent: compare the aligned pairs of this bead one by one.
            wanted = set(pairs)
            todo = [
                (s, t)
                for s in src_sides
                for t in tgt_sides
                if ((s.offset, s.offset + len(s.text)), (t.offset, t.offset + len(t.text)))
                in wanted
            ]
        else:
            todo = [(src_sides[0], tgt_sides[0])]
        for s, t in todo:
            for c in compare_sentences(s, t):
                key = (c.kind, c.source, c.target)
                if key not in found or found[key].score < c.score:
                    found[key] = c
    ordered = sorted(found.values(), key=lambda c: (c.target, c.source, c.kind))
    return [change_json(c) for c in ordered]


def attach_changes(links: Iterable[dict[str, Any]], docs: Mapping[str, Document]) -> None:
    """Fill ``changes`` of every link whose two documents are known, in place."""
    for link in links:
        src, tgt = docs.get(link["source"]), docs.get(link["target"])
        if src is not None and tgt is not None:
            link["changes"] = link_changes(link, src, tgt)
