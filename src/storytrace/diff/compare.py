"""Compare the facts of two aligned passages and report what changed.

Contract:
    ``compare_sentences(src, tgt, comparers=DEFAULT_COMPARERS)`` runs every comparer on one
    aligned pair and returns the merged :class:`~storytrace.diff.model.Change` s, sorted by
    source then target offset, spans in document offsets, at most one change per pair of
    spans. ``compare_numbers`` and ``compare_dates`` are the number and date
    :data:`~storytrace.diff.model.Comparer` s; ``DEFAULT_COMPARERS`` adds the name, quote,
    polarity and meaning-drift comparers of their modules when those are importable.

Rules shared by the number and date comparers:

* Values, never strings, are compared, so the two sides may be in different languages;
  "22,000", "22 000" and "22.000" are one value, and so are "Feb 24" and "24. Februar".
* Facts of one kind are paired by value first (the nearest by relative position among equal
  values; for dates also a compatible value: a missing year, a weekday that fits the day,
  the same relative key), then the leftovers by relative position. A leftover pair is a
  changed value ("value 22000 -> 22", score 1.0 for numbers and 0.9 for dates); a fact
  left alone is added or dropped (score 0.5; the other side's span is the whole passage).
* A pair equal in value whose target form is foreign to the target's language while the
  source's is not ("1.000", "150.", "22. February" in English: the artefact appeared in this
  link; one inherited from the source, or written in the source's own shape, as "85.000"
  and "14. October" copied from German, is not reported again), and a pair that is equal only
  under the other reading of an ambiguous separator when the digits were copied as they
  were ("2,383" in English and in German) or that side is flagged foreign, is a **format
  artefact**: reported with a note starting "format only:" and score 0.4, never as a
  changed value. Same-language format differences report nothing.
* Numbers inside a date span are not numbers (the date is compared); a bare year left as a
  number meets a date of that year on the other side. A weak number word ("three") left
  alone is not reported.
* ``published`` of one side stands in for the other's when that is missing: a translation
  appears within days of its source, and an unresolved "last year" compares poorly.

``major`` marks a number that changed by a factor of two or more (or a range or order of
magnitude that changed), a date whose year or month changed, and a relative narrative date
replaced by an absolute one that disagrees with it.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from .dates import dates, parts, same_date
from .model import (
    FORMAT_NOTE,
    Change,
    Comparer,
    Fact,
    Side,
    Span,
    fact_span,
    fold_groups,
    hull,
    inside,
    is_format_only,
    one_sided,
    overlaps,
    paired,
    whole,
)
from .numbers import numbers, parse_number, tags

#: Score of a changed value, a fact on one side only, and a format artefact.
SCORE_VALUE = {"number": 1.0, "date": 0.9}
SCORE_ONE_SIDED = 0.5
SCORE_FORMAT = 0.4
SCORE_FORM_CHANGED = 0.7  # a relative date became absolute (or back) and we cannot check it

_FMT_NOTES = {
    "dot-thousands": "dot as thousands separator (German/Norwegian style)",
    "comma-thousands": "comma as thousands separator (English style)",
    "comma-decimal": "decimal comma",
    "dot-decimal": "decimal point (English style)",
    "dot-ordinal": "ordinal with a dot (German/Norwegian style)",
    "day-first-dot": "day-first date with an ordinal dot (German/Norwegian style)",
    "numeric": "dotted numeric date",
}

_SHAPE_LETTERS = re.compile(r"[^\W\d_]+")
_SHAPE_DIGITS = re.compile(r"\d+")


#: ``(numbers, dates)`` of one passage.
_Facts = tuple[tuple[Fact, ...], tuple[Fact, ...]]


@lru_cache(maxsize=8192)
def _facts(text: str, lang: str | None, published: date | None) -> _Facts:
    """``(numbers, dates)`` of a passage; numbers inside a date are dropped."""
    ds = dates(text, lang, published)
    ns = [
        n for n in numbers(text, lang) if not any(n.start < d.end and d.start < n.end for d in ds)
    ]
    return tuple(ns), tuple(ds)


def _pair_facts(src: Side, tgt: Side) -> tuple[_Facts, _Facts]:
    """:func:`_facts` of both sides; each side's ``published`` stands in for the other's
    when that is missing (module docstring)."""
    sp, tp = src.published or tgt.published, tgt.published or src.published
    return _facts(src.text, src.lang, sp), _facts(tgt.text, tgt.lang, tp)


def _relpos(fact: Fact, text: str) -> float:
    return (fact.start + fact.end) / 2 / max(1, len(text))


def _pair(
    a: Sequence[Fact],
    b: Sequence[Fact],
    a_text: str,
    b_text: str,
    tests: Sequence[Callable[[Fact, Fact], bool]],
) -> tuple[list[tuple[Fact, Fact, int]], list[Fact], list[Fact]]:
    """Pairs ``(x, y, test index)`` passing the first test that pairs them, nearest relative
    position first, then the unpaired facts of each side in order."""
    pairs: list[tuple[Fact, Fact, int]] = []
    left_a, left_b = list(a), list(b)
    for ti, test in enumerate(tests):
        cands = sorted(
            (abs(_relpos(x, a_text) - _relpos(y, b_text)), i, j)
            for i, x in enumerate(left_a)
            for j, y in enumerate(left_b)
            if test(x, y)
        )
        used_a: set[int] = set()
        used_b: set[int] = set()
        for _cost, i, j in cands:
            if i in used_a or j in used_b:
                continue
            used_a.add(i)
            used_b.add(j)
            pairs.append((left_a[i], left_b[j], ti))
        left_a = [x for i, x in enumerate(left_a) if i not in used_a]
        left_b = [y for j, y in enumerate(left_b) if j not in used_b]
    return pairs, left_a, left_b


def _format_change(kind: str, src: Side, tgt: Side, s: Fact, t: Fact, why: str) -> Change:
    note = f"{FORMAT_NOTE}: {why}, value {s.value} unchanged"
    return paired(kind, src, tgt, s, t, note, SCORE_FORMAT, s.value, t.value)


def _shape(fact: Fact) -> str:
    """The surface form with letters and digits folded: "14. Oktober" and "14. October" share
    ``9. a``, "February 22" (``a 9``) does not."""
    return _SHAPE_DIGITS.sub("9", _SHAPE_LETTERS.sub("a", fact.text))


def _foreign_note(s: Fact, t: Fact) -> str | None:
    """Why the target's form is a new foreign format, or ``None`` (also when the target
    copies the source's own form: "85.000" kept from a German source is the source's format,
    not a change this link made)."""
    if not t.foreign or s.foreign or _shape(s) == _shape(t):
        return None
    fmt = tags(t).get("fmt", "")
    return _FMT_NOTES.get(fmt, "format foreign to the target language")


def _one_sided(kind: str, src: Side, tgt: Side, fact: Fact, on_source: bool) -> Change:
    """A fact on one side only: the other side's span is its whole passage."""
    what = "dropped" if on_source else "added"
    where = "target" if on_source else "source"
    note = f"{kind} {what}: {fact.text!r} ({fact.value}) has no counterpart in the {where}"
    return one_sided(kind, src, tgt, fact, on_source, note, SCORE_ONE_SIDED, fact.value)


# --- numbers -------------------------------------------------------------------------------


def _digits(fact: Fact) -> str:
    return "".join(ch for ch in fact.text if ch.isdigit() or ch in ".,")


def _alt_equal(a: Fact, b: Fact) -> bool:
    """Equal only under the other reading of an ambiguous separator: the digits were copied
    as they were ("2,383" in English and in German), or the side read the other way is
    already flagged foreign ("1.351" in English for German "1,351")."""
    for x, y in ((a, b), (b, a)):
        if tags(x).get("alt") == y.value and (x.foreign or _digits(x) == _digits(y)):
            return True
    return False


def _magnitude(value: str) -> Decimal | None:
    core = value.rstrip("%")
    if core.endswith("th") or core.endswith(("st", "nd", "rd")):
        core = core[:-2]
    if core.startswith("~"):
        core = core[1:].rstrip("s")
    if "-" in core[1:]:
        core = core.split("-")[-1]
    return parse_number(core)


def _number_major(a: str, b: str) -> bool:
    x, y = _magnitude(a), _magnitude(b)
    if x is None or y is None or x <= 0 or y <= 0:
        return x != y
    return max(x, y) / min(x, y) >= 2


def _year_met(fact: Fact, other_dates: Sequence[Fact]) -> bool:
    """A bare year number that is a date (of that year) on the other side."""
    return "year" in tags(fact) and any(
        (p := parts(d.value)) is not None and p[0] == int(fact.value) for d in other_dates
    )


def compare_numbers(src: Side, tgt: Side) -> list[Change]:
    """Changed, added and dropped numbers and number format artefacts (module docstring)."""
    (s_num, s_dat), (t_num, t_dat) = _pair_facts(src, tgt)
    pairs, left_s, left_t = _pair(
        s_num, t_num, src.text, tgt.text, (lambda x, y: x.value == y.value, _alt_equal)
    )
    out: list[Change] = []
    for s, t, how in pairs:
        if how == 0:
            why = _foreign_note(s, t)
            if why is not None:
                out.append(_format_change("number", src, tgt, s, t, why))
            continue
        fmt = tags(t).get("fmt") or tags(s).get("fmt")
        why = _FMT_NOTES.get(
            fmt or "", f"digits {t.text!r} kept in a format that reads differently in {tgt.lang}"
        )
        out.append(_format_change("number", src, tgt, s, t, why))
    left_s = [f for f in left_s if not _year_met(f, t_dat)]
    left_t = [f for f in left_t if not _year_met(f, s_dat)]
    # leftovers: pair by position (a weak number word pairs but is never reported alone)
    changed, alone_s, alone_t = _pair(left_s, left_t, src.text, tgt.text, (_same_sort, _any))
    for s, t, _how in changed:
        note = f"value {s.value} -> {t.value}"
        major = _number_major(s.value, t.value)
        out.append(
            paired("number", src, tgt, s, t, note, SCORE_VALUE["number"], s.value, t.value, major)
        )
    out += [_one_sided("number", src, tgt, f, True) for f in alone_s if "word" not in tags(f)]
    out += [_one_sided("number", src, tgt, f, False) for f in alone_t if "word" not in tags(f)]
    return out


def _sort(fact: Fact) -> str:
    tg = tags(fact)
    return next((k for k in ("ord", "pct", "year", "vague") if k in tg), "plain")


def _same_sort(a: Fact, b: Fact) -> bool:
    return _sort(a) == _sort(b)


def _any(a: Fact, b: Fact) -> bool:
    return True


# --- dates ---------------------------------------------------------------------------------


def _anchor(fact: Fact) -> str:
    return tags(fact).get("anchor", "abs")


def _date_note(s: Fact, t: Fact) -> tuple[str, float, bool]:
    """Note, score and ``major`` of a changed date."""
    sa, ta = _anchor(s), _anchor(t)
    ps, pt = parts(s.value), parts(t.value)
    year_or_month = (
        ps is not None and pt is not None and (ps[0], ps[1]) != (pt[0], pt[1])
        and None not in (ps[0], pt[0])
    )  # fmt: skip
    values = f"{s.value} -> {t.value}"
    if sa == "story" and ta != "story":
        resolved = ps is not None  # anchored on a full date earlier in the passage
        return (
            f"relative narrative date replaced by an absolute one: {s.text!r} -> {t.text!r}"
            f" ({values})",
            SCORE_VALUE["date"] if resolved else SCORE_FORM_CHANGED,
            resolved,
        )
    if ta == "story" and sa != "story":
        return (
            f"absolute date replaced by a relative narrative one: {s.text!r} -> {t.text!r}"
            f" ({values})",
            SCORE_FORM_CHANGED,
            pt is not None,
        )
    if "pub" in (sa, ta) and not (s.value.startswith("rel:") or t.value.startswith("rel:")):
        return f"resolved {values}", SCORE_VALUE["date"], year_or_month
    if s.value.startswith("rel:") != t.value.startswith("rel:"):
        # one side resolved, the other not: what changed is the form, the value is unknown
        return f"date {s.text!r} -> {t.text!r} ({values})", SCORE_FORM_CHANGED, False
    return f"date {values}", SCORE_VALUE["date"], year_or_month


def compare_dates(src: Side, tgt: Side) -> list[Change]:
    """Changed, added and dropped dates and date format artefacts (module docstring)."""
    (s_num, s_dat), (t_num, t_dat) = _pair_facts(src, tgt)
    pairs, left_s, left_t = _pair(
        s_dat, t_dat, src.text, tgt.text, (lambda x, y: x.value == y.value, same_date)
    )
    out: list[Change] = []
    for s, t, _how in pairs:
        why = _foreign_note(s, t)
        if why is not None:
            out.append(_format_change("date", src, tgt, s, t, why))
    # a bare year that the other side wrote as a plain number ("the 2022 budget")
    left_s = [d for d in left_s if not _year_number(d, t_num)]
    left_t = [d for d in left_t if not _year_number(d, s_num)]
    changed, alone_s, alone_t = _pair(left_s, left_t, src.text, tgt.text, (_same_anchor, _any))
    for s, t, _how in changed:
        note, score, major = _date_note(s, t)
        out.append(paired("date", src, tgt, s, t, note, score, s.value, t.value, major))
    out = _join_near(src, tgt, out)
    out += [_one_sided("date", src, tgt, f, True) for f in alone_s]
    out += [_one_sided("date", src, tgt, f, False) for f in alone_t]
    return out


#: Changed dates this close on both sides are one statement ("Tuesday evening, 12 March" ->
#: "onsdag kveld 13. mars": the weekday moved with the day).
NEAR_DATES = 24


def _near(a: Span, b: Span) -> bool:
    return max(a[0], b[0]) - min(a[1], b[1]) <= NEAR_DATES


def _spanning(
    first: Change,
    src: Side,
    tgt: Side,
    sources: Iterable[Span],
    targets: Iterable[Span],
    **fields: Any,
) -> Change:
    """``first`` widened to the hull of ``sources`` and ``targets``, its texts the text of
    those hulls (a span and its text always agree), other ``fields`` replaced."""
    (s0, s1), (t0, t1) = hull(sources), hull(targets)
    return replace(
        first,
        source=(s0, s1),
        target=(t0, t1),
        source_text=src.text[s0 - src.offset : s1 - src.offset],
        target_text=tgt.text[t0 - tgt.offset : t1 - tgt.offset],
        **fields,
    )


def _join_near(src: Side, tgt: Side, changes: list[Change]) -> list[Change]:
    """Changed dates close to each other on both sides, joined into one change whose texts
    are the text of its spans ("Tuesday evening, 12 March")."""
    out: list[Change] = []
    for c in sorted(changes, key=lambda c: c.source):
        prev = out[-1] if out else None
        if (
            prev is not None
            and not is_format_only(prev)
            and not is_format_only(c)
            and _near(prev.source, c.source)
            and _near(prev.target, c.target)
        ):
            out[-1] = _spanning(
                prev,
                src,
                tgt,
                (prev.source, c.source),
                (prev.target, c.target),
                note=f"{prev.note}; {c.note}",
                score=max(prev.score, c.score),
                major=prev.major or c.major,
            )
            continue
        out.append(c)
    return out


def _year_number(d: Fact, other_numbers: Sequence[Fact]) -> bool:
    return len(d.value) == 4 and any(
        n.value == d.value and "year" in tags(n) for n in other_numbers
    )


def _same_anchor(a: Fact, b: Fact) -> bool:
    return _anchor(a) == _anchor(b)


# --- merging -------------------------------------------------------------------------------


def _optional(module: str, attr: str) -> Comparer | None:
    """A comparer of a sibling module, or ``None`` when the module is not there (yet)."""
    try:
        mod = importlib.import_module(f"{__package__}.{module}")
    except ImportError:
        return None
    fn = getattr(mod, attr, None)
    return fn if callable(fn) else None


def _default_comparers() -> tuple[Comparer, ...]:
    found: list[Comparer] = [compare_numbers, compare_dates]
    for module, attr in (
        ("names", "compare_names"),
        ("quotes", "compare_quotes"),
        ("polarity", "compare_polarity"),
        ("drift", "compare_drift"),
    ):
        fn = _optional(module, attr)
        if fn is not None:
            found.append(fn)
    return tuple(found)


#: Numbers, dates, then whichever of names, quotes, polarity and drift are importable.
DEFAULT_COMPARERS: tuple[Comparer, ...] = _default_comparers()


def _merge(src: Side, tgt: Side, changes: Sequence[Change]) -> list[Change]:
    """One change per pair of spans (the highest score wins). A name or meaning-drift change
    inside a date or number ("Saturday", "May", "days later") belongs to that fact, and a
    drift change over a reported number or date change repeats it: both are dropped."""
    s_facts, t_facts = _pair_facts(src, tgt)
    s_spans = [fact_span(src, f) for group in s_facts for f in group]
    t_spans = [fact_span(tgt, f) for group in t_facts for f in group]
    s_whole, t_whole = whole(src)[0], whole(tgt)[0]
    factual = [c for c in changes if c.kind in ("number", "date")]
    s_changed = [c.source for c in factual if c.source != s_whole]
    t_changed = [c.target for c in factual if c.target != t_whole]
    best: dict[tuple[Span, Span], Change] = {}
    for c in changes:
        if c.kind in ("name", "other") and (inside(c.source, s_spans) or inside(c.target, t_spans)):
            continue
        if c.kind == "other" and (overlaps(c.source, s_changed) or overlaps(c.target, t_changed)):
            continue
        key = (c.source, c.target)
        if key not in best or best[key].score < c.score:
            best[key] = c
    return sorted(best.values(), key=lambda c: (c.source, c.target, c.kind))


def _one_format_note(src: Side, tgt: Side, changes: list[Change]) -> list[Change]:
    """Format-only notes of one kind in one passage become one note: a reader needs to hear
    once that "1. March" and "2. March" carry German ordinal dots, not once per date."""

    def merge(kind: str, group: list[Change], first: Change) -> Change:
        forms = ", ".join(repr(c.target_text) for c in group)
        return _spanning(
            first,
            src,
            tgt,
            [c.source for c in group],
            [c.target for c in group],
            note=f"{first.note} ({len(group)} {kind}s: {forms})",
        )

    def kind(c: Change) -> str | None:
        return c.kind if is_format_only(c) else None

    out = fold_groups(changes, kind, lambda g: g[0], merge)
    return sorted(out, key=lambda c: (c.source, c.target, c.kind))


def compare_sentences(
    src: Side, tgt: Side, comparers: Sequence[Comparer] = DEFAULT_COMPARERS
) -> list[Change]:
    """Every change between two aligned passages, merged (module docstring)."""
    merged = _merge(src, tgt, [c for comparer in comparers for c in comparer(src, tgt)])
    return _one_format_note(src, tgt, merged)
