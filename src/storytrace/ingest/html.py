"""HTML to main text and metadata (trafilatura), plus per-line evidence for boilerplate.

Contract:
    ``extract_html(html, source=..., url=...)`` returns :class:`Extracted` with the article's
    main text (one paragraph per line, line breaks kept), its metadata (title, date, author,
    url, site name) and, per text line, the share of its characters that sat inside links in
    the page and the tag that held it. It raises ``InputError`` when the page has no main
    text (for example a page that is only navigation).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..errors import InputError
from ..models import Problem
from .boilerplate import LineInfo

_WS = re.compile(r"\s+")
_NAV_TAGS = ("nav", "header", "footer")
_BLOCK_TAGS = (
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figcaption",
    "blockquote",
    "td",
    "dd",
    "dt",
    "caption",
    "div",
    "span",
    "a",
)


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    title: str | None
    published: str | None
    author: str | None
    url: str | None
    sitename: str | None
    line_info: tuple[LineInfo | None, ...]


def _norm(s: str) -> str:
    return _WS.sub(" ", s).strip().casefold()


def _line_evidence(html: str) -> dict[str, LineInfo]:
    """Map each block's normalised text to its link density and tag.

    Kept deliberately simple: the extracted text's lines are matched to blocks by exact
    normalised text; a line that matches nothing gets no evidence (``None``).
    """
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return {}
    evidence: dict[str, LineInfo] = {}
    for el in root.iter(*_BLOCK_TAGS):
        text = _norm(el.text_content() or "")
        if not text or len(text) > 2000 or text in evidence:
            continue
        linked = sum(len(_norm(a.text_content() or "")) for a in el.iter("a"))
        tag = el.tag if isinstance(el.tag, str) else None
        # Report the nearest semantic container: a paragraph in <nav>/<footer>/<aside> is that.
        for anc in el.iterancestors():
            if anc.tag in ("nav", "footer", "aside", "figure", "header", "form"):
                tag = str(anc.tag)
                break
        evidence[text] = LineInfo(link_density=min(1.0, linked / len(text)), tag=tag)
    return evidence


def _restore_lines(text: str, evidence: dict[str, LineInfo]) -> str:
    """Put back the paragraph breaks of a text extracted as one line.

    On short pages trafilatura's fallback joins every block with spaces (headline, byline,
    paragraphs, caption on one line), which hides the boilerplate lines from the line-level
    segmenter. Blocks of the page whose text follows one another in the extracted line mark
    where the lines were.
    """
    folded = text.casefold()
    cuts: list[int] = []
    pos = 0
    for block in evidence:
        k = folded.find(block, pos)
        if k < 0:
            continue
        if k > 0:
            cuts.append(k)
        pos = k + len(block)
    if not cuts:
        return text
    pieces = [text[a:b].strip() for a, b in itertools.pairwise([0, *cuts, len(text)])]
    return "\n".join(p for p in pieces if p)


def extract_html(html: str, *, source: str, url: str | None = None) -> Extracted:
    """Extract the main text and metadata of one HTML page; see the module docstring."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
    )
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        raise InputError(
            Problem(
                source,
                "no main text found",
                "the page holds only navigation, scripts or boilerplate",
            )
        )
    evidence = _line_evidence(html)
    if "\n" not in text.strip():
        text = _restore_lines(text, evidence)
    lines = text.split("\n")
    info = tuple(evidence.get(_norm(line)) if line.strip() else None for line in lines)
    # trafilatura falls back to any text it can find; a page whose "main text" is all links
    # or navigation has no article in it.
    total = sum(len(line.strip()) for line in lines)
    navlike = sum(
        len(line.strip())
        for line, li in zip(lines, info, strict=True)
        if li is not None and (li.link_density >= 0.5 or li.tag in _NAV_TAGS)
    )
    if total and navlike >= 0.8 * total:
        raise InputError(
            Problem(source, "no main text found", "the page holds only navigation or link lists")
        )

    def meta(name: str) -> str | None:
        value = getattr(doc, name, None)
        return str(value) if value else None

    return Extracted(
        text=text,
        title=meta("title"),
        published=meta("date"),
        author=meta("author"),
        url=meta("url") or url,
        sitename=meta("sitename") or meta("hostname"),
        line_info=info,
    )
