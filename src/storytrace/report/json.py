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


@contextmanager
def atomic_file(path: str | Path, suffix: str) -> Iterator[TextIO]:
    """A text file that replaces ``path`` once the block succeeds (folders are created);
    on any error the partial file is removed and ``path`` is left as it was."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".report-", suffix=suffix, dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
