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

Link-level rules on top of the bead comparisons: a one-sided number, date or name the other
document states elsewhere *in the same story* is dropped (:func:`story_text`; a mash-up
page's other stories do not count), and so is a number the other passage states as a
duration in words ("18 months" / "a year and a half", :mod:`.durations`); a substitution
recurring in the link is told once (:func:`fold_recurring`); a rewrite's quotations retold as
narration are its style, not a change; word substitutions are checked in context
(:mod:`.confirm`, when a ``similarity`` is given) and then told together with their
neighbours (:func:`fold_same_place`); whole passages added or dropped inside the aligned
region (:func:`passage_changes`) and an opening one version replaced (:func:`opening_change`)
are kind ``other``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any

from ..models import Document, publication_day
from .compare import compare_sentences
from .confirm import Similarity, confirm_drift
from .dates import dates, same_date
from .durations import durations
from .model import (
    DRIFT_NOTE,
    Change,
    Fact,
    Side,
    Span,
    alignment_pairs,
    fold_groups,
    hull,
    is_drift,
    is_format_only,
    lang_base,
    story_segments,
)
from .names import names, same_name
from .numbers import numbers, tags
from .passages import COMPLETE_RELATIONS, opening_change, own_passages, passage_changes
from .quotes import RETOLD_NOTE
from .siblings import filter_story

_SPACE = re.compile(r"\s*")
_CONTRACTION = re.compile(r"[’'](?:ll|m|re|ve|d|s)\b", re.IGNORECASE)

#: A substitution recurring this often in one link is reported as major.
RECURRING_MAJOR = 3


def published_date(doc: Document) -> date | None:
    """The document's publication day, when its ``published`` starts with an ISO date (a
    placeholder an older storytrace stored, "0001-01-01", is none: it overflows arithmetic)."""
    return publication_day(doc.published)


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


# --- filters over a link's changes ----------------------------------------------------------


@lru_cache(maxsize=64)
def _doc_facts(text: str, lang: str | None, published: date | None) -> _DocFacts:
    """Numbers, dates and names of a whole document (for one-sided facts)."""
    nums = numbers(text, lang)
    return _DocFacts(
        frozenset(f.value for f in nums) | frozenset(a for f in nums if (a := tags(f).get("alt"))),
        tuple(dates(text, lang, published)),
        tuple(dict.fromkeys(f.text for f in names(text, lang))),
    )


@dataclass(frozen=True, slots=True)
class _DocFacts:
    numbers: frozenset[str]
    dates: tuple[Fact, ...]
    names: tuple[str, ...]


def _vague_date(fact: Fact) -> bool:
    """A relative date other than a weekday ("today", "weeks before", "the next day")."""
    tg = tags(fact)
    return "anchor" in tg and not tg.get("rel", "").startswith("wd")


def story_text(doc: Document, spans: Iterable[Span]) -> str:
    """The document's text in the stories its ``spans`` (aligned sentences) belong to: a
    mash-up page's other stories do not vouch for a fact of this one. The whole text when
    the document has no story segments."""
    segs = story_segments(doc, spans)
    if segs is None:
        return doc.text
    return "\n".join(doc.text[a:b] for a, b in segs)


def _one_sided_elsewhere(
    c: Change,
    source: Document,
    target: Document,
    sp: date | None,
    tp: date | None,
    texts: tuple[str, str],
) -> bool:
    """A number, date or name on one side of a pair only, which the other *document* states
    elsewhere in the same story (an aligner's cut, a sentence that moved the fact to its
    neighbour), or a vague relative date on one side ("today", "weeks before"): not a change
    worth reporting. ``texts`` are the two documents' story texts (:func:`story_text`)."""
    if c.kind not in ("number", "date", "name") or (c.source_value is None) == (
        c.target_value is None
    ):
        return False
    if c.source_value is not None:
        text, lang, pub = c.source_text, source.lang, sp
        other_text, other_lang, other_pub = texts[1], target.lang, tp or sp
    else:
        text, lang, pub = c.target_text, target.lang, tp
        other_text, other_lang, other_pub = texts[0], source.lang, sp or tp
    facts = _doc_facts(other_text, other_lang, other_pub)
    value = c.source_value if c.source_value is not None else c.target_value
    if c.kind == "number":
        return value in facts.numbers or _same_duration(c, source, target)
    if c.kind == "date":
        mine = dates(text, lang, pub)
        if mine and _vague_date(mine[0]):
            return True
        return any(same_date(m, o) for m in mine[:1] for o in facts.dates)
    if _CONTRACTION.search(text):
        return True  # "I’ll", "I’m": a pronoun with a clitic, not a name
    return any(same_name(text, o) for o in facts.names)


def _same_duration(c: Change, source: Document, target: Document) -> bool:
    """A number one side states as a duration the other side's passage states in other
    words ("18 months" / "a year and a half")."""
    if c.source_value is not None:
        doc, span, other, other_lang = source, c.source, c.target_text, target.lang
    else:
        doc, span, other, other_lang = target, c.target, c.source_text, source.lang
    mine = durations(doc.text[span[0] : span[1] + 24], doc.lang)
    return bool(mine & durations(other, other_lang))


def _weak_drift(c: Change) -> bool:
    """A single content word added or dropped inside a well-aligned pair: mostly rephrasing
    ("Initially", "underneath"), measured as noise on translated pairs."""
    return c.kind == "other" and c.note.startswith(("added: ", "dropped: "))


def _drift_key(c: Change) -> tuple[str, str] | None:
    return (c.source_text.casefold(), c.target_text.casefold()) if is_drift(c) else None


def fold_recurring(changes: Sequence[Change]) -> list[Change]:
    """One meaning-drift change per substitution that recurs in a link ("officer" ->
    "official" in seven sentences is one mistranslated term): the first occurrence (target
    order) is kept, its note says how often it recurs, its score rises with the count, and
    three or more make it major (a systematic error that colours the whole text). It keeps
    every occurrence's probe: the place where the swap matters most confirms it."""

    def merge(_key: tuple[str, str], group: list[Change], first: Change) -> Change:
        n = len(group)
        return replace(
            first,
            note=f"{first.note}; recurs {n} times in this link (a systematic substitution)",
            score=min(0.7, first.score + 0.05 * n),
            major=first.major or n >= RECURRING_MAJOR,
            probes=tuple(p for x in group for p in x.probes),
        )

    def earliest(group: list[Change]) -> Change:
        return min(group, key=lambda x: (x.target, x.source))

    return fold_groups(changes, _drift_key, earliest, merge)


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def fold_same_place(changes: Sequence[Change], source: Document, target: Document) -> list[Change]:
    """One change where a reader would read one: format-only notes of one kind in one
    paragraph ("1. March" and, a sentence later, "2. March") and the word substitutions of
    one aligned pair of passages ("transferred" -> "deployed" and "rear" -> "stern") are told
    together, spans joined, the highest score kept."""

    def place(c: Change) -> tuple[object, ...] | None:
        if is_format_only(c):
            s_para = _paragraph_start(source.text, c.source[0])
            return ("format", c.kind, s_para, _paragraph_start(target.text, c.target[0]))
        if is_drift(c) and len(c.probes) == 1:
            return ("drift", c.probes[0][0], c.probes[0][2])
        return None

    def merge(key: tuple[object, ...], group: list[Change], first: Change) -> Change:
        s0, s1 = hull(x.source for x in group)
        t0, t1 = hull(x.target for x in group)
        if key[0] == "format":
            forms = ", ".join(repr(x.target_text) for x in group)
            note = f"{first.note} ({len(group)} in this paragraph: {forms})"
        else:
            swaps = "; ".join(f"{x.source_text!r} -> {x.target_text!r}" for x in group)
            note = f"{DRIFT_NOTE}{swaps}"
        return replace(
            max(group, key=lambda x: x.score),
            source=(s0, s1),
            target=(t0, t1),
            source_text=source.text[s0:s1],
            target_text=target.text[t0:t1],
            note=note,
            major=any(x.major for x in group),
        )

    return fold_groups(changes, place, lambda g: g[0], merge)


def _respelling(a: str, b: str) -> bool:
    """The same name spelled another way, word for word ("Kherson" / "Cherson"); not a
    longer or shorter name ("Putin" / "Vladimir Putin") nor an inflection ("Russian" /
    "Russians")."""
    wa, wb = a.casefold().split(), b.casefold().split()
    if len(wa) != len(wb) or wa == wb:
        return False
    for x, y in zip(wa, wb, strict=True):
        if x != y and (x.startswith(y) or y.startswith(x) or not same_name(x, y)):
            return False
    return True


def respelled_names(link: Mapping[str, Any], source: Document, target: Document) -> list[Change]:
    """Names in the target's unaligned (added) sentences that respell a name of the source.

    Within one language only: an added sentence that writes "Cherson" where the source
    writes "Kherson" (and never "Cherson") carries a respelling the aligned beads could not
    see. The source span is the name's first occurrence in the source. Score 0.6."""
    if lang_base(source.lang) != lang_base(target.lang):
        return []
    if not link.get("tree", True) or not link.get("added"):
        return []  # a sibling's respelling is reported on its own tree link
    mine = tuple(dict.fromkeys(f.text for f in names(source.text, source.lang)))
    folded = {n.casefold() for n in mine}
    target_text = target.text.casefold()
    out: list[Change] = []
    seen: set[str] = set()
    for run in link.get("added", ()):
        a, b = int(run[0]), int(run[1])
        for f in names(target.text[a:b], target.lang):
            key = f.text.casefold()
            if key in folded or key in seen:
                continue
            match = next((n for n in mine if _respelling(n, f.text)), None)
            if match is not None and match.casefold() in target_text:
                continue  # the target also writes the source's spelling: another referent
            if match is None or (at := source.text.find(match)) < 0:
                continue
            seen.add(key)
            out.append(
                Change(
                    "name", (at, at + len(match)), (a + f.start, a + f.end), match, f.text,
                    f"spelling: {match} -> {f.text} (same name, in a sentence the source "
                    "does not align)", score=0.6, source_value=match, target_value=f.text,
                )
            )  # fmt: skip
    return out


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
    link: Mapping[str, Any],
    source: Document,
    target: Document,
    similarity: Similarity | None = None,
) -> list[dict[str, Any]]:
    """The ``changes[]`` of one link (module docstring): its changes, substitutions checked
    with ``similarity`` (:func:`.confirm.confirm_drift`), neighbours told together
    (:func:`fold_same_place`)."""
    (confirmed,) = confirm_drift([changes_of(link, source, target)], similarity)
    return [change_json(c) for c in fold_same_place(confirmed, source, target)]


def changes_of(link: Mapping[str, Any], source: Document, target: Document) -> list[Change]:
    """The :class:`Change` s of one link, sorted by target offset (module docstring)."""
    pairs = alignment_pairs(link)
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
    texts = (story_text(source, [s for s, _ in pairs]), story_text(target, [t for _, t in pairs]))
    kept = [c for c in found.values() if not _one_sided_elsewhere(c, source, target, sp, tp, texts)]
    kept = fold_recurring([c for c in kept if not _weak_drift(c)])
    if str(link.get("relation") or "") not in COMPLETE_RELATIONS:
        # a rewrite or a summary retells quotations in its own words by design, as it abridges
        kept = [c for c in kept if not c.note.startswith(RETOLD_NOTE)]
    kept += passage_changes(link, source, target, pairs)
    kept += opening_change(link, source, target, pairs)
    kept += respelled_names(link, source, target)
    return sorted(kept, key=lambda c: (c.target, c.source, c.kind))


def attach_changes(
    links: Iterable[dict[str, Any]],
    docs: Mapping[str, Document],
    similarity: Similarity | None = None,
) -> None:
    """Fill ``changes`` of every link whose two documents are known, in place.

    ``links`` are the links of one story: after each link's own changes, word substitutions
    are checked in context with ``similarity`` (:func:`.confirm.confirm_drift`, one batch for
    the whole story; ``None`` keeps them unconfirmed), and the story-level rules of
    :mod:`.siblings` drop what a common source explains on a sibling link and drift that
    another version of the same source renders alike; last, passages in no other version
    of the story go to the sibling link to a complete version (:func:`.passages.own_passages`)."""
    found: list[tuple[dict[str, Any], list[Change]]] = []
    for link in links:
        src, tgt = docs.get(link["source"]), docs.get(link["target"])
        if src is not None and tgt is not None:
            found.append((link, changes_of(link, src, tgt)))
    confirmed = confirm_drift([cs for _, cs in found], similarity)
    entries = [
        (link, fold_same_place(cs, docs[link["source"]], docs[link["target"]]))
        for (link, _), cs in zip(found, confirmed, strict=True)
    ]
    kept = filter_story(entries, docs)
    own = own_passages(
        list(zip((link for link, _ in entries), kept, strict=True)), docs, similarity
    )
    for (link, _), mine, extra in zip(entries, kept, own, strict=True):
        link["changes"] = [
            change_json(c) for c in sorted(mine + extra, key=lambda c: (c.target, c.source, c.kind))
        ]
