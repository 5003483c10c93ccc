"""Plain records that flow between storytrace's stages.

Every kernel (decoding, segmentation, sentence splitting, later shingling and alignment)
consumes and produces these frozen dataclasses, never engine- or store-specific objects, so
the same code runs in-process, in a multiprocessing pool or on a Dask cluster.

Offsets are Unicode code-point offsets into ``Document.text`` (the cleaned text),
end-exclusive, as in the report contract (``report-schema.md``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

SegmentKind = Literal["story", "boilerplate", "unassigned"]

#: Reasons a segment can be boilerplate. Kept as an open vocabulary (a ``str``), but these
#: are the ones storytrace itself emits.
BOILERPLATE_REASONS: tuple[str, ...] = (
    "translation-disclaimer",
    "foreign-language",
    "image-caption",
    "related-links",
    "ad",
    "tags",
    "subscribe-prompt",
    "share-prompt",
    "comment-form",
    "byline",
    "footer",
    "server-timing",
    "navigation",
    "repeated",
)


#: Publication years outside this range are placeholders ("0001-01-01", "9999-12-31"),
#: not dates: date arithmetic on them overflows, and no news story is dated there.
PLAUSIBLE_YEARS = (1800, 2200)
#: An ISO day at the start of a ``published`` value (a date-time may follow).
ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?!\d)")


def publication_day(published: str | None) -> date | None:
    """The day ``published`` starts with, when it is an ISO calendar day within
    :data:`PLAUSIBLE_YEARS`; else None."""
    m = ISO_DAY.match(published or "")
    if not m:
        return None
    try:
        day = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    return day if PLAUSIBLE_YEARS[0] <= day.year <= PLAUSIBLE_YEARS[1] else None


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of whole lines of a document with one kind.

    ``story`` is filled by the linking stage; ingest leaves it ``None`` and marks prose
    ``unassigned`` until a story claims it.
    """

    start: int
    end: int
    kind: SegmentKind
    reason: str | None = None
    story: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the cleaned text: ``text[start:end]``, with the index of its segment."""

    start: int
    end: int
    segment: int


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one input, reported by name and reason.

    ``fatal`` means nothing was ingested from that input; otherwise the input was ingested
    and the problem is a warning (for example a repaired encoding or a skipped JSONL line).
    """

    source: str
    reason: str
    detail: str = ""
    fatal: bool = True

    def __str__(self) -> str:
        tail = f": {self.detail}" if self.detail else ""
        return f"{self.source}: {self.reason}{tail}"


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as read from an input, before cleaning.

    Exactly one of ``text`` and ``html`` is set. ``raw_sha256`` is the hash of the bytes
    the article came from (the file, or the JSON record's UTF-8 encoding).
    """

    id: str
    source: str
    raw_sha256: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    lang: str | None = None
    encoding: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(slots=True)
class Document:
    """A cleaned, segmented article: what the store keeps and the report shows.

    ``content_sha256`` is the SHA-256 of ``text`` and is the store's key: the same cleaned
    text ingested twice is one document.
    """

    id: str
    source: str
    text: str
    raw_sha256: str
    lang: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    encoding: str | None = None
    segments: list[Segment] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    line_langs: list[str | None] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def content_sha256(self) -> str:
        return content_hash(self.text)

    @property
    def boilerplate_share(self) -> float:
        """Share of non-blank characters that sit in boilerplate segments."""
        total = sum(1 for ch in self.text if not ch.isspace())
        if not total:
            return 0.0
        bp = sum(
            1
            for seg in self.segments
            if seg.kind == "boilerplate"
            for ch in self.text[seg.start : seg.end]
            if not ch.isspace()
        )
        return bp / total


def content_hash(text: str) -> str:
    """SHA-256 (hex) of a text's UTF-8 encoding."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
