"""The per-document kernel: raw document in, cleaned and segmented document out.

Contract:
    ``clean_document(raw, options)`` is a pure function of its arguments (no store, no
    globals besides lazily loaded models). It extracts HTML, normalises the text, detects the
    language per document and per line, segments boilerplate and splits sentences. It raises
    ``InputError`` when nothing usable is left; warnings travel in ``Document.problems``.

``process_unit(unit, options)`` wraps it for engines: it never raises for bad input and
returns a :class:`UnitResult` with the documents and problems of one input unit.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..errors import InputError
from ..models import (
    ISO_DAY,
    Document,
    Problem,
    RawDocument,
    Segment,
    SegmentKind,
    Sentence,
    publication_day,
)
from ..options import IngestOptions
from .boilerplate import LineInfo, segment
from .decode import repair_mojibake
from .html import extract_html
from .language import LangGuess, detect, detect_line, known_code, letter_count
from .sentences import split_sentences
from .sources import FileUnit, Unit, load_file

#: Lines with fewer letters than this get no language of their own (too short to tell).
LINE_LANG_MIN_LETTERS = 20

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^(#{1,6})\s+", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_HEADLINE_END = re.compile(r"[.!?…;,]\s*$")


@dataclass(slots=True)
class UnitResult:
    """What one input unit produced: documents, their language guesses, problems."""

    documents: list[Document] = field(default_factory=list)
    guesses: list[LangGuess] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def warm_up() -> None:
    """Load the lazily imported libraries and models now.

    Called in the parent before a process pool forks, so workers inherit them (copy on
    write) instead of each paying the import and model load again.
    """
    import trafilatura  # noqa: F401

    detect("warm up the language identifier with a sentence")
    split_sentences("Warm up. The splitter.", "en")


def normalise_text(text: str) -> tuple[str, int]:
    """Newlines to LF, NULs dropped, mojibake repaired; returns (text, spans repaired)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return repair_mojibake(text)


def strip_markdown(text: str) -> str:
    """Markdown to plain text, line for line: links keep their words, markers go."""
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    return _MD_EMPHASIS.sub(r"\2", text)


def _guess_title(text: str, segments: list[Segment]) -> str | None:
    """The first prose line, if it is shaped like a headline (short, no final stop)."""
    for seg in segments:
        if seg.kind == "boilerplate":
            continue
        for raw_line in text[seg.start : seg.end].split("\n"):
            line = raw_line.strip()
            if not line:
                continue
            if len(line) <= 200 and not _HEADLINE_END.search(line.rstrip("\"'”’»")):
                return line
            return None
    return None


def normalise_published(value: str | None) -> tuple[str | None, str | None]:
    """``(published, problem)``: an ISO date (or date-time) is kept as given; another
    written date ("21 May 2022", "Sat, 21 May 2022 10:00:00 GMT") becomes ``YYYY-MM-DD``;
    a placeholder (outside :data:`~storytrace.models.PLAUSIBLE_YEARS`) or text that is no
    date becomes ``None`` with the reason why."""
    if value is None or not value.strip():
        return None, None
    value = value.strip()
    if not ISO_DAY.match(value):
        import dateparser  # only for dates not written the ISO way

        # absolute dates only: "yesterday" would resolve against the day of the run
        parsed = dateparser.parse(
            value, settings={"STRICT_PARSING": True, "PARSERS": ["absolute-time"]}
        )
        if parsed is None:
            return None, f"published {value!r} is not a date; ignored"
        value = parsed.date().isoformat()
    if publication_day(value) is None:
        return None, f"published {value!r} is a placeholder or no calendar day; ignored"
    return value, None


def clean_document(raw: RawDocument, options: IngestOptions) -> tuple[Document, LangGuess]:
    """Raw document to cleaned document (see the module docstring)."""
    problems = [Problem(raw.source, note, fatal=False) for note in raw.notes]
    line_info: tuple[LineInfo | None, ...] | None = None
    title, published, author, url = raw.title, raw.published, raw.author, raw.url
    if raw.html is not None:
        ex = extract_html(raw.html, source=raw.source, url=raw.url)
        text, _ = normalise_text(ex.text)
        line_info = ex.line_info
        title = title or ex.title
        published = published or ex.published
        author = author or ex.author
        url = url or ex.url
    else:
        text, repaired = normalise_text(raw.text or "")
        if repaired and raw.encoding is None:  # files were repaired (and noted) when decoded
            problems.append(
                Problem(raw.source, f"repaired {repaired} mojibake span(s)", fatal=False)
            )
        if raw.source.lower().endswith(".md"):
            text = strip_markdown(text)
    published, why = normalise_published(published)
    if why is not None:
        problems.append(Problem(raw.source, "bad publication date", why, fatal=False))
    if sum(1 for ch in text if not ch.isspace()) < max(1, options.min_chars):
        raise InputError(
            Problem(
                raw.source,
                "no text",
                "nothing left after cleaning" if text.strip() else "the document is empty",
            )
        )

    lines = text.split("\n")
    line_langs = [
        detect_line(line) if letter_count(line) >= LINE_LANG_MIN_LETTERS else None for line in lines
    ]
    guess = detect(text)
    given = raw.lang
    if given is not None and not known_code(given):
        problems.append(
            Problem(
                raw.source, "unknown language code", f"{given!r} ignored; detected", fatal=False
            )
        )
        given = None
    lang = given or guess.lang
    if options.boilerplate:
        segments = segment(text, lang=lang, line_langs=line_langs, line_info=line_info)
    else:
        segments = [Segment(0, len(text), "unassigned")]
    prose = "\n".join(text[s.start : s.end] for s in segments if s.kind != "boilerplate")
    if given is None and prose.strip() and len(prose) < 0.7 * len(text):
        # Heavy boilerplate (disclaimers in other languages, say) can sway the whole-text
        # guess; the prose decides.
        guess = detect(prose)
        lang = guess.lang or lang
    if not prose.strip():
        problems.append(
            Problem(raw.source, "no prose", "every line looks like boilerplate", fatal=False)
        )

    sentences = split_into_sentences(text, lang, segments)
    doc = Document(
        id=raw.id,
        source=raw.source,
        text=text,
        raw_sha256=raw.raw_sha256,
        lang=lang,
        title=title or _guess_title(text, segments),
        url=url,
        published=published,
        author=author,
        encoding=raw.encoding,
        segments=segments,
        sentences=sentences,
        line_langs=line_langs,
        problems=problems,
    )
    return doc, guess


def split_into_sentences(text: str, lang: str | None, segments: list[Segment]) -> list[Sentence]:
    """Sentences of every segment, each tagged with its segment's index."""
    return [
        Sentence(s, e, i)
        for i, seg in enumerate(segments)
        for s, e in split_sentences(text, lang, [(seg.start, seg.end)])
    ]


def resegment(doc: Document, site_lines: Mapping[str, int]) -> Document | None:
    """The document re-segmented with site repetition evidence, or ``None`` if unchanged.

    HTML link evidence is not kept after ingest, so only text cues and repetition count here;
    segments the first pass called boilerplate stay boilerplate.
    """
    fresh = segment(
        doc.text, lang=doc.lang, line_langs=doc.line_langs or None, site_lines=site_lines
    )
    merged = _union_boilerplate(doc.text, doc.segments, fresh)
    if merged == doc.segments:
        return None
    return dataclasses.replace(
        doc, segments=merged, sentences=split_into_sentences(doc.text, doc.lang, merged)
    )


def _union_boilerplate(text: str, old: list[Segment], new: list[Segment]) -> list[Segment]:
    """Line-level union of two segmentations' boilerplate (old reasons win on overlap)."""

    def reason_at(segs: list[Segment], pos: int) -> str | None:
        for seg in segs:
            if seg.start <= pos < seg.end:
                return seg.reason if seg.kind == "boilerplate" else None
        return None

    out: list[Segment] = []
    pos = 0
    for line in text.split("\n"):
        end = min(len(text), pos + len(line) + 1)
        probe = pos + (len(line) - len(line.lstrip())) if line.strip() else pos
        reason = reason_at(old, probe) or reason_at(new, probe) if line.strip() else None
        kind: SegmentKind = "boilerplate" if reason else "unassigned"
        if out and (not line.strip() or (out[-1].kind == kind and out[-1].reason == reason)):
            out[-1] = dataclasses.replace(out[-1], end=end)
        else:
            out.append(Segment(pos, end, kind, reason))
        pos = end
    if out and out[-1].end != len(text):
        out[-1] = dataclasses.replace(out[-1], end=len(text))
    return out or [Segment(0, len(text), "unassigned")]


def process_unit(unit: Unit, options: IngestOptions) -> UnitResult:
    """Engine kernel: one input unit to documents and problems. Never raises for bad input."""
    result = UnitResult()
    if isinstance(unit, Problem):
        result.problems.append(unit)
        return result
    try:
        raw = load_file(unit) if isinstance(unit, FileUnit) else unit
        doc, guess = clean_document(raw, options)
    except InputError as exc:
        result.problems.append(exc.problem)
        return result
    except (ValueError, RecursionError, MemoryError) as exc:  # a library choking on odd input
        source = unit.path if isinstance(unit, FileUnit) else unit.source
        result.problems.append(Problem(source, "could not process", f"{type(exc).__name__}: {exc}"))
        return result
    result.documents.append(doc)
    result.guesses.append(guess)
    result.problems.extend(doc.problems)
    return result
