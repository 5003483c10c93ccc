"""The trace report as JSON: ``storytrace.report/1`` (see ``report-schema.md``).

Contract:
    ``document_record(doc)`` gives one ``documents[]`` entry; ``write_report(path, docs)``
    streams a whole report to a file (documents are written one at a time, so a run of a
    million documents never holds the report in memory) and replaces the file atomically.

Fields beyond the schema's are optional extensions: ``url``, ``author``, ``encoding``,
``sentences`` (``[start, end]`` pairs), ``problems`` (strings) and ``boilerplate_share``.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from ..errors import StorytraceError
from ..models import Document

SCHEMA = "storytrace.report/1"


def document_record(doc: Document) -> dict[str, Any]:
    segments: list[dict[str, Any]] = []
    for seg in doc.segments:
        item: dict[str, Any] = {"start": seg.start, "end": seg.end, "kind": seg.kind}
        if seg.kind == "boilerplate":
            item["reason"] = seg.reason
        elif seg.kind == "story":
            item["story"] = seg.story
        segments.append(item)
    return {
        "id": doc.id,
        "source": doc.source,
        "lang": doc.lang,
        "title": doc.title,
        "published": doc.published,
        "text": doc.text,
        "segments": segments,
        "url": doc.url,
        "author": doc.author,
        "encoding": doc.encoding,
        "boilerplate_share": round(doc.boilerplate_share, 4),
        "sentences": [[s.start, s.end] for s in doc.sentences],
        "problems": [p.reason + (f": {p.detail}" if p.detail else "") for p in doc.problems],
    }


def build_report(
    docs: Iterable[Document], stories: Sequence[Mapping[str, Any]] = ()
) -> dict[str, Any]:
    """The whole report as one dict (for small runs and tests)."""
    return {
        "schema": SCHEMA,
        "documents": [document_record(d) for d in docs],
        "stories": list(stories),
    }


def date_span(dates: Iterable[str]) -> str:
    """``first – last`` of the ISO dates given (their first 10 characters), or ``""``."""
    days = sorted({d[:10] for d in dates if d})
    if not days:
        return ""
    return days[0] if days[0] == days[-1] else f"{days[0]} – {days[-1]}"


def check_writable(path: str | Path) -> None:
    """Raise ``StorytraceError`` when no report can be written at ``path`` (its folder
    cannot be created or written, or ``path`` is a folder): called before long work, so a
    run does not fail only at its end. Creates missing folders."""
    fd, tmp = _temp_beside(_real_target(path), "")
    os.close(fd)
    os.unlink(tmp)


@contextmanager
def atomic_file(path: str | Path, suffix: str) -> Iterator[TextIO]:
    """A text file that replaces ``path`` once the block succeeds (folders are created);
    on any error the partial file is removed and ``path`` is left as it was. The file gets
    the mode of the one it replaces, or the umask's default for a new one (not mkstemp's
    0600). A symbolic link is written through (its target is replaced, not the link); a
    folder, device or pipe is refused. Failing to create or place the file raises
    ``StorytraceError``."""
    target = _real_target(path)
    fd, tmp = _temp_beside(target, suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
        try:
            os.chmod(tmp, _mode_for(target))
            os.replace(tmp, target)
        except OSError as exc:
            raise StorytraceError(
                f"cannot write a report to {target}: {_reason(exc, target)}"
            ) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _temp_beside(target: Path, suffix: str) -> tuple[int, str]:
    """A new temporary file in ``target``'s folder (created if missing), for
    :func:`atomic_file` to fill and move into place; ``StorytraceError`` if impossible."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        return tempfile.mkstemp(prefix=".report-", suffix=suffix, dir=target.parent)
    except OSError as exc:
        raise StorytraceError(f"cannot write a report to {target}: {_reason(exc, target)}") from exc


def _real_target(path: str | Path) -> Path:
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()
    if target.exists() and not target.is_file():
        what = "a folder" if target.is_dir() else "not a regular file"
        raise StorytraceError(f"cannot write a report to {path}: it is {what}")
    return target


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0o022)  # reading the umask means setting it; put it back at once
        os.umask(mask)
        return 0o666 & ~mask


def _reason(exc: OSError, target: Path) -> str:
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        # mkdir's "File exists" means a file sits where a folder should be: name it
        blocker = next((p for p in target.parents if p.exists() and not p.is_dir()), None)
        if blocker is not None:
            return f"{blocker} is a file, not a folder"
    return exc.strerror or str(exc)


def write_report(
    path: str | Path, docs: Iterable[Document], stories: Sequence[Mapping[str, Any]] = ()
) -> int:
    """Stream the report to ``path`` (atomically replaced); returns the document count."""
    n = 0
    with atomic_file(path, ".json") as fh:
        fh.write('{"schema": ' + json.dumps(SCHEMA) + ', "documents": [')
        for doc in docs:
            fh.write(",\n" if n else "\n")
            fh.write(json.dumps(document_record(doc), ensure_ascii=False))
            n += 1
        fh.write('\n], "stories": ')
        fh.write(json.dumps(list(stories), ensure_ascii=False))
        fh.write("}\n")
    return n
