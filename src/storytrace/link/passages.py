"""Passage units: windows of a few sentences inside a document's prose.

Contract:
    ``passages(doc)`` cuts every non-boilerplate segment of ``doc`` into passages, in text
    order: a paragraph (line) of up to ``max_sentences + 1`` sentences is one passage, a
    longer one is cut into near-equal windows of about ``max_sentences`` sentences. Passages
    never cross a line break or a segment, so a mash-up page's parts stay apart.

Linking works on passages rather than whole documents so that a page gluing three stories
together can end up in three stories, and a summary can link to the article it condenses.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..models import Document, Sentence

#: Passages shorter than this (characters) are headings or fragments: kept, but weak evidence.
SHORT_PASSAGE = 40


@dataclass(frozen=True, slots=True)
class Passage:
    """``text[start:end]`` of document ``doc``; sentences ``[first, last)`` of that document."""

    doc: str
    idx: int
    start: int
    end: int
    first: int
    last: int
    segment: int
    line: int
    text: str

    @property
    def short(self) -> bool:
        return len(self.text) < SHORT_PASSAGE


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` starts (for bisecting line numbers)."""
    starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def passages(doc: Document, *, max_sentences: int = 3) -> list[Passage]:
    """The prose passages of ``doc`` (see the module docstring)."""
    prose = {i for i, seg in enumerate(doc.segments) if seg.kind != "boilerplate"}
    starts = line_starts(doc.text)

    def line_of(pos: int) -> int:
        return bisect_right(starts, pos) - 1

    groups: list[list[tuple[int, Sentence]]] = []
    prev_line = -1
    prev_seg = -1
    for k, sent in enumerate(doc.sentences):
        if sent.segment not in prose:
            prev_seg = -1
            continue
        line = line_of(sent.start)
        if groups and sent.segment == prev_seg and line == prev_line:
            groups[-1].append((k, sent))
        else:
            groups.append([(k, sent)])
        prev_line = line_of(sent.end)
        prev_seg = sent.segment
    out: list[Passage] = []
    for group in groups:
        n = len(group)
        pieces = 1 if n <= max_sentences + 1 else -(-n // max_sentences)
        size = n / pieces
        for p in range(pieces):
            chunk = group[round(p * size) : round((p + 1) * size)]
            if not chunk:
                continue
            first_k, first = chunk[0]
            last_k, last = chunk[-1]
            out.append(
                Passage(
                    doc=doc.id,
                    idx=len(out),
                    start=first.start,
                    end=last.end,
                    first=first_k,
                    last=last_k + 1,
                    segment=first.segment,
                    line=line_of(first.start),
                    text=doc.text[first.start : last.end],
                )
            )
    return out
