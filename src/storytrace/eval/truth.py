"""Gold annotations in the seeds format (``storytrace.seed-truth/1``) as frozen records.

Contract:
    ``load_truth(path)`` reads a truth JSON file (UTF-8, with or without a byte-order mark);
    ``parse_truth(data)`` builds the same from an already-decoded mapping. Both check the
    structure first (:func:`storytrace.eval.validate.check_truth`): a malformed truth raises
    :class:`~storytrace.eval.validate.InvalidInput` (a ``ValueError``) naming the JSON path of
    the problem, and what is merely suspicious (an unknown relation, an id that names no truth
    document) is kept in :attr:`Truth.warnings`. Unknown fields are ignored (the format may
    grow), missing optional fields take defaults, and language codes are normalised
    (``nb`` -> ``no``). When an
    ``input/`` folder with ``<document id>.txt`` files sits next to the truth file (or
    ``input_dir`` is given), each document's original text is loaded into
    :attr:`TruthDocument.text`, so scorers can count what a report left out entirely.

Segments are line-based on the *input files*: ``lines`` is ``(first, last)``, 1-based and
inclusive; ``first_line``/``last_line`` are the first 60 characters of those lines.

``locate_text(text, quote)`` finds a quoted truth string (an alignment sentence, a change's
``source_text``) in a report's cleaned text: every exact occurrence, else every occurrence
after folding both sides (see :func:`locate_text`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storytrace.eval.validate import InvalidInput, check_truth
from storytrace.ingest.boilerplate import normalise_line
from storytrace.ingest.language import normalise_code

__all__ = [
    "InvalidInput",
    "Truth",
    "TruthAlignment",
    "TruthChange",
    "TruthDocument",
    "TruthLink",
    "TruthSegment",
    "TruthStory",
    "load_truth",
    "locate_text",
    "parse_truth",
]


@dataclass(frozen=True, slots=True)
class TruthSegment:
    """A run of whole input lines with one kind (``story``/``boilerplate``/``unassigned``)."""

    lines: tuple[int, int]
    kind: str
    first_line: str = ""
    last_line: str = ""
    reason: str | None = None
    story: str | None = None
    note: str | None = None

    @property
    def is_boilerplate(self) -> bool:
        return self.kind == "boilerplate"


@dataclass(frozen=True, slots=True)
class TruthDocument:
    id: str
    lang: str | None
    segments: tuple[TruthSegment, ...]
    title: str | None = None
    text: str | None = None  # the input file, when it was found next to the truth file


@dataclass(frozen=True, slots=True)
class TruthLink:
    source: str
    target: str
    relation: str
    tree: bool = True
    evidence: str | None = None


@dataclass(frozen=True, slots=True)
class TruthStory:
    id: str
    title: str
    documents: tuple[str, ...]
    origin: str | None
    links: tuple[TruthLink, ...] = ()


@dataclass(frozen=True, slots=True)
class TruthChange:
    source: str
    target: str
    kind: str
    source_text: str
    target_text: str
    cause: str | None = None
    severity: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class TruthAlignment:
    source: str
    target: str
    pairs: tuple[tuple[str, str], ...]
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Truth:
    """A whole truth file. ``documents`` keeps the file's order."""

    schema: str
    documents: tuple[TruthDocument, ...]
    stories: tuple[TruthStory, ...] = ()
    changes: tuple[TruthChange, ...] = ()
    alignments: tuple[TruthAlignment, ...] = ()
    #: What the structure check found suspicious but scorable, each prefixed with its JSON path.
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def document(self, doc_id: str) -> TruthDocument:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _segment(d: Mapping[str, Any]) -> TruthSegment:
    first, last = d["lines"]
    return TruthSegment(
        lines=(int(first), int(last)),
        kind=str(d["kind"]),
        first_line=str(d.get("first_line", "")),
        last_line=str(d.get("last_line", "")),
        reason=_opt_str(d.get("reason")),
        story=_opt_str(d.get("story")),
        note=_opt_str(d.get("note")),
    )


def _documents(raw: Any, texts: Mapping[str, str]) -> tuple[TruthDocument, ...]:
    # The seeds file keys documents by id; a list of objects with "id" is accepted too.
    items: list[tuple[str, Mapping[str, Any]]]
    if isinstance(raw, Mapping):
        items = [(str(k), v) for k, v in raw.items()]
    else:
        items = [(str(v["id"]), v) for v in raw or ()]
    return tuple(
        TruthDocument(
            id=doc_id,
            lang=normalise_code(d.get("lang")),
            segments=tuple(_segment(s) for s in d.get("segments") or ()),
            title=_opt_str(d.get("title")),
            text=texts.get(doc_id),
        )
        for doc_id, d in items
    )


def _story(d: Mapping[str, Any]) -> TruthStory:
    return TruthStory(
        id=str(d["id"]),
        title=str(d.get("title", "")),
        documents=tuple(str(x) for x in d.get("documents") or ()),
        origin=_opt_str(d.get("origin")),
        links=tuple(
            TruthLink(
                source=str(ln["source"]),
                target=str(ln["target"]),
                relation=str(ln.get("relation", "")),
                tree=bool(ln.get("tree", True)),
                evidence=_opt_str(ln.get("evidence")),
            )
            for ln in d.get("links") or ()
        ),
    )


def _change(d: Mapping[str, Any]) -> TruthChange:
    return TruthChange(
        source=str(d["source"]),
        target=str(d["target"]),
        kind=str(d.get("kind", "other")),
        source_text=str(d.get("source_text", "")),
        target_text=str(d.get("target_text", "")),
        cause=_opt_str(d.get("cause")),
        severity=_opt_str(d.get("severity")),
        note=_opt_str(d.get("note")),
    )


def _alignment(d: Mapping[str, Any]) -> TruthAlignment:
    pairs: Sequence[Sequence[Any]] = d.get("pairs") or ()
    return TruthAlignment(
        source=str(d["source"]),
        target=str(d["target"]),
        pairs=tuple((str(p[0]), str(p[1])) for p in pairs),
        note=_opt_str(d.get("note")),
    )


def parse_truth(data: Mapping[str, Any], *, texts: Mapping[str, str] | None = None) -> Truth:
    """Build a :class:`Truth` from decoded JSON; ``texts`` are input texts by document id.

    Raises :class:`~storytrace.eval.validate.InvalidInput` when ``data`` is malformed."""
    return _build(data, texts or {}, check_truth(data))


def _build(data: Mapping[str, Any], texts: Mapping[str, str], warnings: Sequence[str]) -> Truth:
    return Truth(
        schema=str(data.get("schema", "")),
        documents=_documents(data.get("documents") or {}, texts),
        stories=tuple(_story(s) for s in data.get("stories") or ()),
        changes=tuple(_change(c) for c in data.get("changes") or ()),
        alignments=tuple(_alignment(a) for a in data.get("alignments") or ()),
        warnings=tuple(warnings),
    )


def load_truth(path: str | Path, *, input_dir: str | Path | None = None) -> Truth:
    """Read a truth file; input texts come from ``input_dir`` (default: ``<dir>/input``).

    Raises ``OSError`` or ``ValueError`` (bad JSON, :class:`InvalidInput`) for a bad file."""
    path = Path(path)
    # utf-8-sig: a byte-order mark (as some Windows editors write) is dropped, not an error.
    data = json.loads(path.read_text(encoding="utf-8-sig"))
    warnings = check_truth(data)
    folder = Path(input_dir) if input_dir is not None else path.parent / "input"
    texts: dict[str, str] = {}
    docs = data.get("documents") or {}
    ids = list(docs) if isinstance(docs, Mapping) else [d["id"] for d in docs]
    for doc_id in ids:
        f = folder / f"{doc_id}.txt"
        if f.is_file():
            # newline="" keeps \r\n as in the file, so line numbers match the annotation.
            with f.open(encoding="utf-8", newline="") as fh:
                texts[str(doc_id)] = fh.read()
    return _build(data, texts, warnings)


def _fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """``text`` folded like :func:`normalise_line` (whitespace runs become one space), with the
    offset in ``text`` of every folded character, so a hit maps back to the original."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
                where.append(i)
            continue
        for f in normalise_line(ch) or ch:
            out.append(f)
            where.append(i)
    return "".join(out), where


def _find_all(haystack: str, needle: str) -> list[int]:
    hits: list[int] = []
    pos = haystack.find(needle)
    while pos >= 0:
        hits.append(pos)
        pos = haystack.find(needle, pos + 1)
    return hits


def locate_text(text: str, quote: str) -> list[tuple[int, int]]:
    """Every ``(start, end)`` span (end-exclusive) where ``quote`` occurs in ``text``.

    Exact occurrences win. When there is none, both sides are folded (NFKC, casefold, curly
    quotes and dashes to ASCII, NBSP and runs of whitespace to one space) and the folded hits
    are mapped back to ``text`` offsets: the cleaned report text may differ from the input
    file in exactly these ways. An empty or unlocatable quote gives ``[]``.
    """
    quote = quote.strip()
    if not quote:
        return []
    hits = _find_all(text, quote)
    if hits:
        return [(h, h + len(quote)) for h in hits]
    folded, where = _fold_with_offsets(text)
    needle, _ = _fold_with_offsets(quote)
    needle = needle.strip()
    if not needle:
        return []
    return [(where[h], where[h + len(needle) - 1] + 1) for h in _find_all(folded, needle)]
