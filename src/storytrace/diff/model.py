"""Plain records of the fact-diffing kernels.

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

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

#: Change kinds of the report schema (``negation`` is reported as ``polarity``).
CHANGE_KINDS = ("number", "date", "name", "quote", "polarity", "other")


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
    source: tuple[int, int]
    target: tuple[int, int]
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


def fact_span(side: Side, fact: Fact) -> tuple[int, int]:
    """The document span of a fact found in ``side.text``."""
    return side.offset + fact.start, side.offset + fact.end


def whole(side: Side) -> tuple[tuple[int, int], str]:
    """The document span and text of a whole side, surrounding whitespace trimmed (the
    other side's span of a one-sided change)."""
    lead = len(side.text) - len(side.text.lstrip())
    body = side.text.strip()
    return (side.offset + lead, side.offset + lead + len(body)), body


#: A comparer looks at one aligned pair and returns the changes of its kind(s), spans in
#: document offsets. :mod:`storytrace.diff.compare` runs a list of them.
Comparer = Callable[[Side, Side], list[Change]]
