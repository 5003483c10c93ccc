"""Inputs to raw documents: files, folders (recursive), JSON/JSONL and JSONL on stdin.

Contract:
    ``iter_units(inputs, options)`` walks the inputs lazily and yields, in a stable order,
    one of:

    * :class:`FileUnit` — a text or HTML file small enough to be read whole; a worker turns
      it into raw documents with :func:`load_file`;
    * :class:`~storytrace.models.RawDocument` — a record already read here (JSON/JSONL lines,
      stdin, the parts of a huge text file streamed in chunks);
    * :class:`~storytrace.models.Problem` — an input that yields nothing (missing, unreadable,
      a symbolic-link loop, an invalid JSONL line...).

    Nothing here raises for a user's bad input: a problem is a value, reported by name and
    reason, and the walk goes on.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO, Literal

from ..errors import InputError
from ..models import Problem, RawDocument
from ..options import HTML_SUFFIXES, JSON_SUFFIXES, TEXT_SUFFIXES, IngestOptions
from .decode import IncrementalDecoder, decode_bytes, sniff_binary
from .language import normalise_code

STDIN = "-"
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class FileUnit:
    """A file to read whole in a worker."""

    path: str
    id: str
    kind: Literal["text", "html"]


Unit = FileUnit | RawDocument | Problem


def _kind_of(path: Path) -> Literal["text", "html", "json"] | None:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSON_SUFFIXES:
        return "json"
    return None


def _os_problem(path: str, exc: OSError) -> Problem:
    reasons = {
        errno.ELOOP: "symbolic link loop",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ENOENT: "no such file or directory",
        errno.EISDIR: "is a directory",
    }
    reason = reasons.get(exc.errno or 0, "cannot read file")
    detail = exc.strerror or str(exc)
    # "no such file or directory: No such file or directory" says it twice
    return Problem(path, reason, "" if detail.casefold() == reason else detail)


def iter_units(
    inputs: Sequence[str | Path], options: IngestOptions, *, stdin: BinaryIO | None = None
) -> Iterator[Unit]:
    """Walk ``inputs`` (files, folders, ``-`` for JSONL on stdin); see the module docstring."""
    for item in inputs:
        if str(item) == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _bounded(iter_jsonl(stream, source="<stdin>", id_prefix="stdin"), options)
            continue
        path = Path(item)
        try:
            st = path.stat()
        except OSError as exc:
            if path.is_symlink() and exc.errno != errno.ELOOP:
                yield Problem(str(path), "broken symbolic link", os.readlink(path))
            else:
                yield _os_problem(str(path), exc)
            continue
        if path.is_dir():
            yield from _walk(path, options)
        elif path.is_file():
            yield from _file_units(path, st.st_size, options, explicit=True)
        else:
            yield Problem(str(path), "not a regular file", "devices, sockets and pipes are skipped")


def _walk(root: Path, options: IngestOptions) -> Iterator[Unit]:
    seen: set[str] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        real = os.path.realpath(folder)
        if real in seen:
            yield Problem(str(folder), "symbolic link loop", f"leads back to {real}")
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield _os_problem(str(folder), exc)
            continue
        subfolders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_link = entry.is_symlink()
                if entry.is_dir(follow_symlinks=options.follow_symlinks):
                    subfolders.append(path)
                    continue
                if not entry.is_file(follow_symlinks=True):
                    if is_link:
                        try:
                            os.stat(path)
                        except OSError as exc:
                            yield (
                                _os_problem(str(path), exc)
                                if exc.errno != errno.ENOENT
                                else Problem(str(path), "broken symbolic link", os.readlink(path))
                            )
                    continue
                size = entry.stat(follow_symlinks=True).st_size
            except OSError as exc:
                yield _os_problem(str(path), exc)
                continue
            if _kind_of(path) is None:
                continue  # a folder walk reads only the formats it knows
            yield from _file_units(path, size, options, explicit=False)
        stack.extend(reversed(subfolders))


def _file_units(path: Path, size: int, options: IngestOptions, *, explicit: bool) -> Iterator[Unit]:
    kind = _kind_of(path) or "text"  # a file named explicitly is read as text whatever its suffix
    if kind == "json":
        try:
            with path.open("rb") as fh:
                yield from _bounded(_iter_json_file(fh, path), options)
        except OSError as exc:
            yield _os_problem(str(path), exc)
        return
    if size == 0:
        yield Problem(str(path), "empty file")
        return
    if kind == "html" and size > options.max_html_bytes:
        yield Problem(
            str(path),
            "file too large",
            f"{size / 1e6:.1f} MB of HTML exceeds the "
            f"{options.max_html_bytes / 1e6:.0f} MB limit (ingest.max_html_bytes)",
        )
        return
    if kind == "text" and size > options.max_doc_bytes:
        yield from _stream_text_parts(path, options)
        return
    yield FileUnit(str(path), path.stem, kind)


def load_file(unit: FileUnit) -> RawDocument:
    """Read and decode one file (runs in a worker). Raises ``InputError`` for bad input."""
    try:
        data = Path(unit.path).read_bytes()
    except OSError as exc:
        raise InputError(_os_problem(unit.path, exc)) from exc
    digest = hashlib.sha256(data).hexdigest()
    declared = _declared_charset(data) if unit.kind == "html" else None
    decoded = decode_bytes(data, source=unit.path, declared=declared)
    if unit.kind == "html":
        return RawDocument(
            id=unit.id,
            source=unit.path,
            raw_sha256=digest,
            html=decoded.text,
            encoding=decoded.encoding,
            notes=decoded.notes,
        )
    return RawDocument(
        id=unit.id,
        source=unit.path,
        raw_sha256=digest,
        text=decoded.text,
        encoding=decoded.encoding,
        notes=decoded.notes,
    )


def _declared_charset(data: bytes) -> str | None:
    import re

    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", data[:4096], re.IGNORECASE)
    return m.group(1).decode("ascii", "replace") if m else None


def _stream_text_parts(path: Path, options: IngestOptions) -> Iterator[Unit]:
    """Stream a huge text file in chunks and cut it into parts at paragraph breaks.

    Memory holds one part (about ``max_doc_bytes`` characters) at a time; nothing is lost:
    every part becomes a document ``<stem>#partN``.
    """
    limit = options.max_doc_bytes
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield _os_problem(str(path), exc)
        return
    with fh:
        first = fh.read(_CHUNK)
        reason = sniff_binary(first)
        if reason:
            yield Problem(str(path), reason)
            return
        try:
            decoder = IncrementalDecoder(first, source=str(path))
        except InputError as exc:
            yield exc.problem
            return
        buf = decoder.feed(first)
        part = 0
        noted = 0  # decoder notes already given to a part
        notes: tuple[str, ...] = (
            f"large file ({path.stat().st_size / 1e6:.0f} MB) split into parts at paragraph breaks",
        )
        while True:
            chunk = fh.read(_CHUNK)
            if chunk:
                buf += decoder.feed(chunk)
            else:
                buf += decoder.feed(b"", final=True)
            while len(buf) >= limit or (not chunk and buf.strip()):
                cut = len(buf) if len(buf) < limit else _cut_point(buf, limit)
                piece, buf = buf[:cut], buf[cut:]
                if piece.strip():
                    part += 1
                    # each part carries the notes that arose while it was read (invalid
                    # bytes, a truncated end, an encoding decided late); the split, once
                    fresh, noted = tuple(decoder.notes[noted:]), len(decoder.notes)
                    yield RawDocument(
                        id=f"{path.stem}#part{part}",
                        source=str(path),
                        raw_sha256=hashlib.sha256(piece.encode("utf-8", "replace")).hexdigest(),
                        text=piece,
                        encoding=decoder.encoding,
                        notes=(*notes, *fresh) if part == 1 else fresh,
                    )
                if not chunk and not buf.strip():
                    break
            if not chunk:
                break
        if part == 0:
            yield Problem(str(path), "empty file", "only whitespace")


def _bounded(units: Iterator[Unit], options: IngestOptions) -> Iterator[Unit]:
    """Records held to the limits files are held to: a text longer than ``max_doc_bytes``
    characters is cut into parts at paragraph breaks (``<id>#partN``, nothing is lost),
    HTML longer than ``max_html_bytes`` is refused."""
    limit = options.max_doc_bytes
    for unit in units:
        if not isinstance(unit, RawDocument):
            yield unit
        elif unit.html is not None and len(unit.html) > options.max_html_bytes:
            yield Problem(
                unit.source,
                "record too large",
                f"{len(unit.html) / 1e6:.1f} MB of HTML exceeds the "
                f"{options.max_html_bytes / 1e6:.0f} MB limit (ingest.max_html_bytes)",
            )
        elif unit.text is not None and len(unit.text) > limit:
            note = (
                f"large record ({len(unit.text) / 1e6:.0f} MB) split into parts at paragraph breaks"
            )
            rest, part = unit.text, 0
            while rest.strip():
                cut = len(rest) if len(rest) <= limit else _cut_point(rest, limit)
                piece, rest = rest[:cut], rest[cut:]
                if piece.strip():
                    part += 1
                    yield replace(
                        unit,
                        id=f"{unit.id}#part{part}",
                        raw_sha256=hashlib.sha256(piece.encode("utf-8", "replace")).hexdigest(),
                        text=piece,
                        notes=(*unit.notes, note) if part == 1 else (),
                    )
        else:
            yield unit


def _cut_point(buf: str, limit: int) -> int:
    for sep in ("\n\n", "\n", ". ", " "):
        k = buf.rfind(sep, limit // 2, limit)
        if k > 0:
            return k + len(sep)
    return limit


def _iter_json_file(fh: BinaryIO, path: Path) -> Iterator[Unit]:
    head = fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    fh.seek(0)
    if not head:
        yield Problem(str(path), "empty file")
        return
    if head.startswith(b"["):
        try:
            data = json.loads(fh.read().decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield Problem(str(path), "invalid JSON", str(exc))
            return
        for n, obj in enumerate(data, 1):
            yield _record(obj, source=f"{path}[{n}]", fallback_id=f"{path.stem}:{n}")
        return
    if path.suffix.lower() == ".json":
        objects = _json_objects(fh.read())
        if objects is not None:  # one object, or several in a row (jq's output), any layout
            for n, obj in enumerate(objects, 1):
                fallback = path.stem if len(objects) == 1 else f"{path.stem}:{n}"
                where = str(path) if len(objects) == 1 else f"{path}[{n}]"
                yield _record(obj, source=where, fallback_id=fallback)
            return
        fh.seek(0)  # not a JSON document: read it line by line, so good lines are kept
    yield from iter_jsonl(fh, source=str(path), id_prefix=path.stem)


def _json_objects(data: bytes) -> list[Any] | None:
    """The JSON values of ``data`` one after another, or None if it is not such a stream."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    decoder = json.JSONDecoder()
    out: list[Any] = []
    pos = 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos == len(text):
            return out or None
        try:
            obj, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError:
            return None
        out.append(obj)


def iter_jsonl(fh: BinaryIO, *, source: str, id_prefix: str) -> Iterator[Unit]:
    """One record per line; a bad line is a problem for that line, the others are kept.

    A file holding one pretty-printed JSON object (not one per line) is read as one record.
    """
    lines = iter(fh)
    pending: list[bytes] = []
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if n == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line:
            continue
        if n == 1 and line == b"{":  # a pretty-printed single object
            pending = [raw, *lines]
            break
        where = f"{source}:{n}"
        try:
            obj = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield Problem(where, "invalid JSONL line", f"not UTF-8 ({exc.reason})")
            continue
        except json.JSONDecodeError as exc:
            yield Problem(where, "invalid JSONL line", exc.msg + f" at column {exc.colno}")
            continue
        yield _record(obj, source=where, fallback_id=f"{id_prefix}:{n}")
    if pending:
        try:
            obj = json.loads(b"".join(pending).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield Problem(source, "invalid JSON", str(exc))
            return
        yield _record(obj, source=source, fallback_id=id_prefix)


#: A lone UTF-16 surrogate ("\\ud800" in JSON): valid JSON, but not text a store or a UTF-8
#: report can hold.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _str_field(obj: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = obj.get(name)
        if isinstance(value, str) and value.strip():
            return _SURROGATE.sub("\ufffd", value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
    return None


def _record(obj: object, *, source: str, fallback_id: str) -> Unit:
    if not isinstance(obj, dict):
        return Problem(
            source, "invalid record", f"expected a JSON object, got {type(obj).__name__}"
        )
    text = _str_field(obj, "text")
    html = None if text else _str_field(obj, "html")
    if text is None and html is None:
        return Problem(source, "record has no text", "a record needs a non-empty 'text' or 'html'")
    canonical = json.dumps(obj, ensure_ascii=False, sort_keys=True).encode("utf-8", "replace")
    lone = sum(len(_SURROGATE.findall(v)) for v in obj.values() if isinstance(v, str) and v.strip())
    return RawDocument(
        id=_str_field(obj, "id") or fallback_id,
        source=_str_field(obj, "url") or source,
        raw_sha256=hashlib.sha256(canonical).hexdigest(),
        text=text,
        html=html,
        title=_str_field(obj, "title"),
        url=_str_field(obj, "url"),
        published=_str_field(obj, "published", "date"),
        author=_str_field(obj, "author"),
        lang=normalise_code(_str_field(obj, "lang", "language")),
        notes=(f"{lone} lone surrogate(s) replaced by U+FFFD (not valid Unicode)",) if lone else (),
    )
