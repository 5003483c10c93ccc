"""Plain records of the fact-diffing kernels, and the span and change helpers they share.

Contract:
    Extractors are pure functions ``(text, lang, ...) -> list[Fact]`` over *one sentence or
    passage*; offsets are code-point offsets into the ``text`` they were given, end-exclusive.
    ``Fact.value`` is the normalised, language-free value two facts are compared by:

    * ``number``: the decimal value as a canonical string (``"22000"``, ``"1.8"``,
      ``"60-70%"`` for a range, ``"150th"`` for an ordinal, ``"~1000s"`` for "thousands");
    * ``date``: ISO ``YYYY-MM-DD`` when resolved, ``YYYY-MM`` / ``YYYY`` / ``--MM-DD`` when
      partly known, else a relative key such as ``"rel:year-1"`` or ``"rel:day+2"``;
    * ``name``: a transliterated, case- and diacritic-folded key (Kherson, Cherson and
      Херсон meet on one key or on a close one; :func:`storytrace.diff.names.same_name`
      decides);
    * ``quote``: the folded words of the quoted span; ``polarity``: ``"neg"`` for a negation.

    ``foreign`` marks a surface form whose *format* is foreign to ``lang`` although the value
    is unchanged ("1.000" or "22. February" in English text): a translation artefact worth
    telling a reader about, never a changed value.

    A :class:`Change` is what the report's ``links[].changes[]`` carries, with spans already
    in document offsets.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol, TypeVar

from ..models import Document

#: A ``(start, end)`` offset span, end-exclusive.
Span = tuple[int, int]

#: How the notes of two sorts of change start; the link- and story-level rules find them by
#: it (:func:`is_drift`, :func:`is_format_only`).
DRIFT_NOTE = "meaning drift: "
FORMAT_NOTE = "format only"

_Key = TypeVar("_Key", bound=Hashable)


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact found in a text: ``text[start:end]`` with its normalised ``value``."""

    kind: str
    start: int
    end: int
    text: str
    value: str
    foreign: bool = False
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Side:
    """One side of an aligned pair: a passage of one or more consecutive sentences.

    ``offset`` is the document offset of ``text[0]``, so a comparer reports document spans
    as ``offset + local``. ``published`` anchors relative dates ("this year").
    """

    text: str
    lang: str | None
    offset: int = 0
    published: date | None = None


@dataclass(frozen=True, slots=True)
class Change:
    """A fact that differs between an aligned source and target passage.

    ``score`` is the confidence in ``[0, 1]`` (meaning drift scores lower than a value that
    differs); ``source``/``target`` are ``(start, end)`` document offsets, or ``None`` for a
    fact present on one side only (then the other side's span is the aligned sentence).

    ``probes`` are set on word substitutions (meaning drift) only, one per place the
    substitution occurs: ``(source passage, source passage with the target's words put in,
    target passage, target passage with the source's words put in)``, the texts
    :mod:`storytrace.diff.confirm` gives a contextual embedder. They take no part in
    equality.
    """

    kind: str
    source: Span
    target: Span
    source_text: str
    target_text: str
    note: str
    score: float = 1.0
    source_value: str | None = None
    target_value: str | None = None
    major: bool = False
    probes: tuple[tuple[str, str, str, str], ...] = field(default=(), compare=False)


def lang_base(lang: str | None, default: str = "") -> str:
    """The primary subtag of a language code, case-folded ("en-GB" -> "en"); ``default``
    when the language is unknown."""
    return lang.split("-")[0].casefold() if lang else default


class Located(Protocol):
    """Something found at ``text[start:end]`` of a side's text: a :class:`Fact`, a word."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


def fact_span(side: Side, fact: Located) -> Span:
    """The document span of a fact found in ``side.text``."""
    return side.offset + fact.start, side.offset + fact.end


def whole(side: Side) -> tuple[Span, str]:
    """The document span and text of a whole side, surrounding whitespace trimmed (the
    other side's span of a one-sided change)."""
    lead = len(side.text) - len(side.text.lstrip())
    body = side.text.strip()
    return (side.offset + lead, side.offset + lead + len(body)), body


def paired(
    kind: str,
    src: Side,
    tgt: Side,
    a: Located,
    b: Located,
    note: str,
    score: float,
    source_value: str | None,
    target_value: str | None,
    major: bool = False,
) -> Change:
    """A change between ``a``, found in the source passage, and ``b``, found in the target."""
    return Change(
        kind,
        fact_span(src, a),
        fact_span(tgt, b),
        a.text,
        b.text,
        note,
        score=score,
        source_value=source_value,
        target_value=target_value,
        major=major,
    )


def one_sided(
    kind: str,
    src: Side,
    tgt: Side,
    fact: Located,
    on_source: bool,
    note: str,
    score: float,
    value: str | None,
) -> Change:
    """A change for a fact found on one side only (in ``src`` when ``on_source``): the other
    side's span is its whole passage (:func:`whole`)."""
    if on_source:
        span, text = whole(tgt)
        return Change(
            kind, fact_span(src, fact), span, fact.text, text, note, score, source_value=value
        )
    span, text = whole(src)
    return Change(
        kind, span, fact_span(tgt, fact), text, fact.text, note, score, target_value=value
    )


def hull(spans: Iterable[Span]) -> Span:
    """The smallest span covering all of ``spans``."""
    starts, ends = zip(*spans, strict=True)
    return min(starts), max(ends)


def overlaps(span: Span, spans: Sequence[Span]) -> bool:
    """Whether ``span`` shares a character with one of ``spans``."""
    return any(span[0] < b and a < span[1] for a, b in spans)


def inside(span: Span, spans: Iterable[Sequence[int]]) -> bool:
    """Whether ``span`` lies within one of ``spans``."""
    return any(int(a) <= span[0] and span[1] <= int(b) for a, b, *_ in spans)


def story_segments(doc: Document, spans: Iterable[Span]) -> list[Span] | None:
    """The story segments of ``doc`` in the stories where ``spans`` (aligned sentences)
    start: a mash-up page's other stories and its boilerplate are not this story. ``None``
    when the document has no story segments or none holds a span (the whole text counts)."""
    starts = [a for a, _ in spans]
    segs = [g for g in doc.segments if g.kind == "story"]
    mine = {g.story for g in segs if any(g.start <= a < g.end for a in starts)}
    return [(g.start, g.end) for g in segs if g.story in mine] or None


def is_drift(c: Change) -> bool:
    """A word substitution of :mod:`.drift` (a change of kind ``other`` noted as drift)."""
    return c.kind == "other" and c.note.startswith(DRIFT_NOTE)


def is_format_only(c: Change) -> bool:
    """A format artefact: the value is unchanged, only its written form is foreign."""
    return c.note.startswith(FORMAT_NOTE)


def fold_groups(
    changes: Sequence[Change],
    key: Callable[[Change], _Key | None],
    pick: Callable[[list[Change]], Change],
    merge: Callable[[_Key, list[Change], Change], Change],
) -> list[Change]:
    """``changes`` with each group of two or more that share a ``key`` (``None``: no group)
    told as one: ``merge(key, group, rep)`` takes the place of ``rep = pick(group)``, and
    the group's other changes are left out."""
    keys = [key(c) for c in changes]
    groups: dict[_Key, list[Change]] = {}
    for c, k in zip(changes, keys, strict=True):
        if k is not None:
            groups.setdefault(k, []).append(c)
    reps = {k: pick(group) for k, group in groups.items() if len(group) > 1}
    out: list[Change] = []
    for c, k in zip(changes, keys, strict=True):
        if k is None or k not in reps:
            out.append(c)
        elif c is reps[k]:
            out.append(merge(k, groups[k], c))
    return out


def alignment_pairs(link: Mapping[str, Any]) -> list[tuple[Span, Span]]:
    """The ``(source, target)`` sentence spans of a report-shaped link's ``alignments``."""
    out: list[tuple[Span, Span]] = []
    for a in link.get("alignments", ()):
        s, t = a["source"], a["target"]
        out.append(((int(s[0]), int(s[1])), (int(t[0]), int(t[1]))))
    return out


#: A comparer looks at one aligned pair and returns the changes of its kind(s), spans in
#: document offsets. :mod:`storytrace.diff.compare` runs a list of them.
Comparer = Callable[[Side, Side], list[Change]]
