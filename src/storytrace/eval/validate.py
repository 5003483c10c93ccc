"""Structure checks of truth files and trace reports, before anything is scored.

Contract:
    ``check_truth(data)`` (a decoded ``storytrace.seed-truth/1`` file) and ``check_report(data)``
    (a decoded ``storytrace.report/1`` report) walk the fields the scorers read. The first
    problem the scorers cannot score — a wrong type, a missing required field, an offset outside
    its text, an id of the report that names no document of the report, a duplicate id — raises
    :class:`InvalidInput`, whose message starts with the JSON path of the offending value::

        stories[0].links[2].alignments[5].source: expected [start, end] integers, got ["a", 3]

    What can be scored but deserves a look is returned as a list of warnings, each with its
    path: an unknown relation label (it counts as wrong), an unknown segment kind (scored like
    ``unassigned``), an unknown change kind (scored as ``other``), a report segment naming a
    story the report does not list, and ids in the *truth* that name no truth document or story
    (the gold file is taken as it is; such an item simply cannot be matched).

Conventions: JSON integers are ``int`` (never ``bool``; ``3.0`` is not an integer). Optional
lists may be missing or ``null``. Mapping keys in paths are written ``documents["101_en"]``.
Unknown fields are ignored, as the formats may grow.
"""

from __future__ import annotations

import json
import math
from collections.abc import Container, Mapping, Sequence
from typing import Any, NoReturn, get_args

from storytrace.models import SegmentKind
from storytrace.report.json import SCHEMA as REPORT_SCHEMA

TRUTH_SCHEMA = "storytrace.seed-truth/1"
#: Relation labels of the report schema (``report-schema.md``).
RELATIONS = ("copy", "translation", "excerpt", "paraphrase", "mashup", "rewrite")
SEGMENT_KINDS: tuple[str, ...] = get_args(SegmentKind)
#: Change kinds of the report schema (``eval/changes.py`` folds ``negation`` into ``polarity``;
#: it imports this module's siblings, so the list is spelled out here and a test compares them).
CHANGE_KINDS = ("number", "date", "name", "quote", "polarity", "other")
_CHANGE_KINDS = (*CHANGE_KINDS, "negation")


class InvalidInput(ValueError):
    """A truth file or report the scorers cannot read; ``where`` is the JSON path."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where = where
        self.problem = problem


#: What ``_show`` calls a field that is not there at all (``null`` is a value).
_MISSING: Any = object()


def _show(value: Any, limit: int = 40) -> str:
    if value is _MISSING:
        return "nothing (the field is missing)"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fail(where: str, expected: str, value: Any) -> NoReturn:
    raise InvalidInput(where, f"expected {expected}, got {_show(value)}")


def _key(base: str, key: str) -> str:
    return f"{base}.{key}" if base else key


def _item(base: str, index: int) -> str:
    return f"{base}[{index}]"


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _object(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        _fail(where, "an object", value)
    return value


def _list(parent: Mapping[str, Any], key: str, where: str) -> Sequence[Any]:
    """An optional list field (missing or null: empty)."""
    value = parent.get(key)
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        _fail(_key(where, key), "a list", value)
    return value


def _str(parent: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str | None:
    """A string field; a missing or null optional one is None."""
    value = parent.get(key, _MISSING)
    if (value is None or value is _MISSING) and not required:
        return None
    if not isinstance(value, str) or (required and not value):
        _fail(_key(where, key), "a string" if not required else "a non-empty string", value)
    return value


def _req_str(parent: Mapping[str, Any], key: str, where: str) -> str:
    value = _str(parent, key, where)
    assert value is not None
    return value


def _new_id(obj: Mapping[str, Any], where: str, seen: Container[str], what: str) -> str:
    """``obj``'s required ``id``; ``InvalidInput`` if it is one of ``seen`` already."""
    value = _req_str(obj, "id", where)
    if value in seen:
        raise InvalidInput(_key(where, "id"), f"duplicate {what} id {value!r}")
    return value


def _span(value: Any, where: str, limit: int, document: str, *, nullable: bool = False) -> None:
    """``[start, end]`` integers with ``0 <= start <= end <= limit`` (the document's length)."""
    if nullable and value is None:
        return
    if not isinstance(value, list | tuple) or len(value) != 2 or not all(map(_is_int, value)):
        _fail(where, "[start, end] integers" + (" or null" if nullable else ""), value)
    _offsets(value[0], value[1], where, limit, document)


def _offsets(start: int, end: int, where: str, limit: int, document: str) -> None:
    if not 0 <= start <= end:
        raise InvalidInput(where, f"expected 0 <= start <= end, got start {start}, end {end}")
    if end > limit:
        raise InvalidInput(
            where, f"end {end} is beyond the text of {document!r} ({limit:,} characters)"
        )


class _Checker:
    def __init__(self) -> None:
        self.warnings: list[str] = []

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(f"{where}: {message}")

    def ends(self, parent: Mapping[str, Any], where: str, known: Container[str], what: str) -> None:
        """A warning for each of ``source``/``target`` (required strings) not in ``known``."""
        for key in ("source", "target"):
            end = _req_str(parent, key, where)
            if end not in known:
                self.warn(_key(where, key), f"{end!r} is not {what}")

    def relation(self, parent: Mapping[str, Any], where: str) -> None:
        rel = _req_str(parent, "relation", where)
        if rel not in RELATIONS:
            self.warn(
                _key(where, "relation"),
                f"unknown relation {rel!r} (known: {', '.join(RELATIONS)}); it counts as wrong",
            )

    def segment_kind(self, parent: Mapping[str, Any], where: str) -> str:
        kind = _req_str(parent, "kind", where)
        if kind not in SEGMENT_KINDS:
            self.warn(
                _key(where, "kind"),
                f"unknown segment kind {kind!r} (known: {', '.join(SEGMENT_KINDS)});"
                " scored as unassigned",
            )
        return kind

    def change_kind(self, parent: Mapping[str, Any], where: str) -> None:
        kind = _str(parent, "kind", where, required=False)
        if kind is not None and kind.strip().lower() not in _CHANGE_KINDS:
            self.warn(
                _key(where, "kind"),
                f"unknown change kind {kind!r} (known: {', '.join(CHANGE_KINDS)}); scored as other",
            )


# --------------------------------------------------------------------------------------------
# Truth (storytrace.seed-truth/1)
# --------------------------------------------------------------------------------------------


def _truth_documents(data: Mapping[str, Any]) -> list[tuple[str, str, Mapping[str, Any]]]:
    """(id, path, object) of every truth document; the file keys them by id or lists them."""
    raw = data.get("documents")
    out: list[tuple[str, str, Mapping[str, Any]]] = []
    if raw is None:
        return out
    if isinstance(raw, Mapping):
        for doc_id, doc in raw.items():
            where = f"documents[{json.dumps(doc_id, ensure_ascii=False)}]"
            if not doc_id:
                raise InvalidInput(where, "a document id must not be empty")
            out.append((doc_id, where, _object(doc, where)))
        return out
    if not isinstance(raw, list | tuple):
        _fail("documents", "an object of documents by id (or a list)", raw)
    seen: set[str] = set()
    for i, doc in enumerate(raw):
        where = _item("documents", i)
        obj = _object(doc, where)
        doc_id = _new_id(obj, where, seen, "document")
        seen.add(doc_id)
        out.append((doc_id, where, obj))
    return out


def check_truth(data: Any) -> list[str]:
    """Warnings about a decoded truth file; raises :class:`InvalidInput` (module docstring)."""
    root = _object(data, "")
    schema = root.get("schema")
    if schema is not None and schema != TRUTH_SCHEMA:
        _fail("schema", repr(TRUTH_SCHEMA), schema)
    c = _Checker()
    documents = _truth_documents(root)
    doc_ids = {doc_id for doc_id, _, _ in documents}

    raw_stories = _list(root, "stories", "")
    story_ids: set[str] = set()
    for i, story in enumerate(raw_stories):
        where = _item("stories", i)
        s = _object(story, where)
        story_ids.add(_new_id(s, where, story_ids, "story"))

    for _, where, doc in documents:
        lang = doc.get("lang")
        if lang is not None and not isinstance(lang, str):
            _fail(_key(where, "lang"), "a language code or null", lang)
        for j, seg in enumerate(_list(doc, "segments", where)):
            w = _item(_key(where, "segments"), j)
            sg = _object(seg, w)
            lines = sg.get("lines", _MISSING)
            if (
                not isinstance(lines, list | tuple)
                or len(lines) != 2
                or not all(map(_is_int, lines))
            ):
                _fail(_key(w, "lines"), "[first, last] line numbers", lines)
            if not 1 <= lines[0] <= lines[1]:
                _fail(_key(w, "lines"), "line numbers with 1 <= first <= last", lines)
            kind = c.segment_kind(sg, w)
            for key in ("first_line", "last_line", "reason"):
                _str(sg, key, w, required=False)
            story = _str(sg, "story", w, required=kind == "story")
            if story is not None and raw_stories and story not in story_ids:
                c.warn(_key(w, "story"), f"{story!r} is not a truth story")

    for i, story in enumerate(raw_stories):
        where = _item("stories", i)
        s = _object(story, where)
        members: set[str] = set()
        for j, d in enumerate(_list(s, "documents", where)):
            w = _item(_key(where, "documents"), j)
            if not isinstance(d, str) or not d:
                _fail(w, "a document id", d)
            if d not in doc_ids:
                c.warn(w, f"{d!r} is not a truth document")
            members.add(d)
        origin = _str(s, "origin", where, required=False)
        if origin is not None and origin not in members:
            c.warn(_key(where, "origin"), f"{origin!r} is not a document of this story")
        for j, link in enumerate(_list(s, "links", where)):
            w = _item(_key(where, "links"), j)
            ln = _object(link, w)
            c.ends(ln, w, members, "a document of this story")
            c.relation(ln, w)
            if "tree" in ln and not isinstance(ln["tree"], bool):
                _fail(_key(w, "tree"), "true or false", ln["tree"])

    for i, change in enumerate(_list(root, "changes", "")):
        where = _item("changes", i)
        ch = _object(change, where)
        c.ends(ch, where, doc_ids, "a truth document")
        c.change_kind(ch, where)
        for key in ("source_text", "target_text", "severity"):
            _str(ch, key, where, required=False)

    for i, group in enumerate(_list(root, "alignments", "")):
        where = _item("alignments", i)
        al = _object(group, where)
        c.ends(al, where, doc_ids, "a truth document")
        for j, pair in enumerate(_list(al, "pairs", where)):
            if (
                not isinstance(pair, list | tuple)
                or len(pair) != 2
                or not all(isinstance(x, str) for x in pair)
            ):
                _fail(_item(_key(where, "pairs"), j), "[source sentence, target sentence]", pair)
    return c.warnings


# --------------------------------------------------------------------------------------------
# Report (storytrace.report/1)
# --------------------------------------------------------------------------------------------


def check_report(data: Any) -> list[str]:
    """Warnings about a decoded trace report; raises :class:`InvalidInput` (module docstring)."""
    root = _object(data, "")
    if root.get("schema") != REPORT_SCHEMA:
        _fail("schema", repr(REPORT_SCHEMA), root.get("schema", _MISSING))
    for key in ("documents", "stories"):
        if not isinstance(root.get(key), list | tuple):
            _fail(key, "a list", root.get(key, _MISSING))
    c = _Checker()
    lengths: dict[str, int] = {}  # document id -> length of its text
    segment_stories: list[tuple[str, str]] = []  # (path, story id)
    for i, doc in enumerate(root["documents"]):
        where = _item("documents", i)
        d = _object(doc, where)
        doc_id = _new_id(d, where, lengths, "document")
        text = d.get("text", _MISSING)
        if not isinstance(text, str):
            _fail(_key(where, "text"), "the document's text (a string)", text)
        lengths[doc_id] = len(text)
        for j, seg in enumerate(_list(d, "segments", where)):
            w = _item(_key(where, "segments"), j)
            sg = _object(seg, w)
            for key in ("start", "end"):
                if not _is_int(sg.get(key)):
                    _fail(_key(w, key), "an integer offset", sg.get(key, _MISSING))
            _offsets(sg["start"], sg["end"], w, len(text), doc_id)
            kind = c.segment_kind(sg, w)
            _str(sg, "reason", w, required=False)
            story = _str(sg, "story", w, required=kind == "story")
            if story is not None:
                segment_stories.append((_key(w, "story"), story))

    story_ids: set[str] = set()
    for i, story in enumerate(root["stories"]):
        where = _item("stories", i)
        s = _object(story, where)
        story_ids.add(_new_id(s, where, story_ids, "story"))
        for j, d in enumerate(_list(s, "documents", where)):
            w = _item(_key(where, "documents"), j)
            if not isinstance(d, str):
                _fail(w, "a document id", d)
            if d not in lengths:
                raise InvalidInput(w, f"unknown document {d!r} (not in documents[])")
        origin = _str(s, "origin", where, required=False)
        if origin is not None and origin not in lengths:
            raise InvalidInput(
                _key(where, "origin"), f"unknown document {origin!r} (not in documents[])"
            )
        for j, link in enumerate(_list(s, "links", where)):
            w = _item(_key(where, "links"), j)
            _check_link(c, _object(link, w), w, lengths)

    for where, sid in segment_stories:
        if sid not in story_ids:
            c.warn(where, f"story {sid!r} is not in stories[] (scored by its segments only)")
    return c.warnings


def _check_link(c: _Checker, ln: Mapping[str, Any], where: str, lengths: Mapping[str, int]) -> None:
    ends: dict[str, str] = {}
    for key in ("source", "target"):
        doc_id = _req_str(ln, key, where)
        if doc_id not in lengths:
            raise InvalidInput(
                _key(where, key), f"unknown document {doc_id!r} (not in documents[])"
            )
        ends[key] = doc_id
    c.relation(ln, where)
    if "tree" in ln and not isinstance(ln["tree"], bool):
        _fail(_key(where, "tree"), "true or false", ln["tree"])
    score = ln.get("score")
    if score is not None and (
        not isinstance(score, int | float) or isinstance(score, bool) or not math.isfinite(score)
    ):
        _fail(_key(where, "score"), "a number", score)
    for j, al in enumerate(_list(ln, "alignments", where)):
        w = _item(_key(where, "alignments"), j)
        a = _object(al, w)
        for key in ("source", "target"):
            _span(a.get(key, _MISSING), _key(w, key), lengths[ends[key]], ends[key])
    for j, ch in enumerate(_list(ln, "changes", where)):
        w = _item(_key(where, "changes"), j)
        chg = _object(ch, w)
        c.change_kind(chg, w)
        for key in ("source", "target"):
            _span(chg.get(key), _key(w, key), lengths[ends[key]], ends[key], nullable=True)
