"""The trace report as HTML: one self-contained file, and the pages of ``storytrace serve``.

Contract:
    ``render_html(report)`` turns a ``storytrace.report/1`` dict (``report-schema.md``) into
    one HTML document that needs nothing else: CSS and JS are inlined and allowed by a
    Content-Security-Policy ``<meta>`` with their SHA-256 hashes, nothing is fetched, and it
    works opened from disk. It shows every story with its documents and derivation forest
    (an inline SVG laid out here), and per link a side-by-side view of the two versions.

    The building blocks are shared with :mod:`storytrace.web`: :class:`ReportIndex` (lookups
    over one report), :func:`story_view` / :func:`link_view` (template-ready view models),
    :func:`environment` (the Jinja2 environment, autoescaping everything) and :class:`Urls`
    (where a story or link lives: ``#fragments`` in the file, paths on the server).

Security: every string from the report (titles, text, URLs, ids, notes) is untrusted. Text is
escaped by :func:`markupsafe.escape` or Jinja2 autoescape; URLs become links only when they
are absolute http(s) URLs (:func:`safe_href`); no report data ever lands inside a ``<script>``
or ``<style>`` element, an event-handler attribute or an inline ``style``.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from .json import atomic_file, date_span

#: Layers of the side-by-side markup, outermost first: a segment (story, boilerplate, other
#: story) holds passages (aligned, added, dropped), which hold changed facts.
LAYER_SEGMENT, LAYER_PASSAGE, LAYER_CHANGE = 0, 1, 2

CHANGE_KINDS = ("number", "date", "name", "quote", "polarity", "negation", "other")


# --- span nesting -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """One element to wrap around ``text[start:end]``.

    ``open``/``close`` are trusted markup (built with :func:`tag`); ``lead`` is emitted right
    after the first opening only (the ``<summary>`` of a ``<details>``), never when the
    element is re-opened after a split.
    """

    start: int
    end: int
    layer: int
    open: str
    close: str
    lead: str = ""


def tag(name: str, attrs: Mapping[str, object | None]) -> str:
    """An opening tag with escaped attribute values (``None`` values are left out)."""
    parts = [name]
    for key, value in attrs.items():
        if value is not None:
            parts.append(f'{key}="{escape(str(value))}"')
    return "<" + " ".join(parts) + ">"


def nest_spans(text: str, spans: Iterable[Span]) -> Markup:
    """``text`` escaped, with every span wrapped in its element, as well-formed markup.

    Spans are clamped to the text and empty ones dropped. Where spans cross, the one that
    starts later (or sits on an inner layer) is closed at the boundary and re-opened after
    it, so the output always nests properly; at any position the open elements are ordered
    by ``(layer, start, -end)``, outermost first.
    """
    n = len(text)
    items: list[Span] = []
    for s in spans:
        start, end = max(0, min(s.start, n)), max(0, min(s.end, n))
        if start < end:
            items.append(Span(start, end, s.layer, s.open, s.close, s.lead))
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(items):
        starts[s.start].append(i)
        ends[s.end].append(i)
    points = sorted({0, n, *starts, *ends})

    def order(i: int) -> tuple[int, int, int, int]:
        s = items[i]
        return (s.layer, s.start, -s.end, i)

    out: list[str] = []
    stack: list[int] = []
    active: set[int] = set()
    led: set[int] = set()
    for here, nxt in itertools.pairwise(points):
        active.difference_update(ends.get(here, ()))
        active.update(starts.get(here, ()))
        wanted = sorted(active, key=order)
        keep = 0
        while keep < len(stack) and keep < len(wanted) and stack[keep] == wanted[keep]:
            keep += 1
        out.extend(items[i].close for i in reversed(stack[keep:]))
        for i in wanted[keep:]:
            out.append(items[i].open)
            if i not in led:
                led.add(i)
                out.append(items[i].lead)
        stack = wanted
        out.append(str(escape(text[here:nxt])))
    out.extend(items[i].close for i in reversed(stack))
    return Markup("".join(out))


# --- small readers of untrusted report values ---------------------------------------------------


def safe_href(url: object) -> str | None:
    """``url`` if it is an absolute http(s) URL that is safe to put in ``href``, else None."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or any(ord(c) < 0x20 or c in "\x7f\\" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def read_span(value: object) -> tuple[int, int] | None:
    """A ``[start, end]`` pair of ints (start <= end), else None."""
    if isinstance(value, list | tuple) and len(value) == 2:
        a, b = value
        if isinstance(a, int) and isinstance(b, int) and 0 <= a <= b:
            return (a, b)
    return None


def read_float(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def text_or(value: object, default: str = "") -> str:
    return value if isinstance(value, str) else default


# --- view models ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocInfo:
    """What the pages show about one document (all strings are raw; templates escape)."""

    id: str
    lang: str
    title: str
    published: str
    source: str
    href: str | None
    chars: int


@dataclass(frozen=True, slots=True)
class LinkInfo:
    """One link of a story, as listed on the story page."""

    n: int
    source: DocInfo
    target: DocInfo
    relation: str
    tree: bool
    score: float | None
    coverage_source: float | None
    coverage_target: float | None
    n_alignments: int
    n_changes: int

    @property
    def coverage(self) -> str:
        return f"{percent(self.coverage_source)} / {percent(self.coverage_target)}"


@dataclass(frozen=True, slots=True)
class ChangeInfo:
    n: int
    kind: str
    source_text: str
    target_text: str
    note: str


@dataclass(frozen=True, slots=True)
class StoryView:
    id: str
    title: str
    origin: str | None
    docs: list[DocInfo]
    links: list[LinkInfo]
    langs: list[str]
    svg: Markup
    n_changes: int


@dataclass(frozen=True, slots=True)
class LinkView:
    story: StoryView
    link: LinkInfo
    changes: list[ChangeInfo]
    source_html: Markup
    target_html: Markup


class Dated(Protocol):
    """A document as a story list sums it up (:class:`DocInfo`, the viewer's rows)."""

    @property
    def lang(self) -> str: ...

    @property
    def published(self) -> str: ...


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One line of a story list."""

    id: str
    title: str
    n_docs: int
    langs: list[str]
    n_links: int
    n_changes: int
    dates: str

    @classmethod
    def of(
        cls,
        sid: str,
        title: str,
        docs: Sequence[Dated],
        *,
        n_links: int,
        n_changes: int,
        n_docs: int | None = None,
    ) -> StoryRow:
        """The row of story ``sid`` whose documents at hand are ``docs`` (``n_docs``, when
        given, counts documents that are not at hand too)."""
        return cls(
            id=sid,
            title=title,
            n_docs=len(docs) if n_docs is None else n_docs,
            langs=sorted({d.lang for d in docs}),
            n_links=n_links,
            n_changes=n_changes,
            dates=date_span(d.published for d in docs),
        )


class ReportIndex:
    """Lookups over one report: documents by id and stories in order (nothing is copied)."""

    def __init__(self, report: Mapping[str, Any]) -> None:
        docs = report.get("documents") or []
        stories = report.get("stories") or []
        self.docs: dict[str, Mapping[str, Any]] = {
            str(d.get("id")): d for d in docs if isinstance(d, Mapping)
        }
        self.stories: list[Mapping[str, Any]] = [s for s in stories if isinstance(s, Mapping)]
        self.by_id: dict[str, Mapping[str, Any]] = {str(s.get("id")): s for s in self.stories}

    def doc_info(self, doc_id: str) -> DocInfo:
        d = self.docs.get(doc_id)
        if d is None:
            return DocInfo(doc_id, "?", "", "", "", None, 0)
        title = text_or(d.get("title")).strip()
        return DocInfo(
            id=doc_id,
            lang=text_or(d.get("lang"), "?") or "?",
            title=title,
            published=text_or(d.get("published")),
            source=text_or(d.get("source")),
            href=safe_href(d.get("url")) or safe_href(d.get("source")),
            chars=len(text_or(d.get("text"))),
        )

    def unassigned(self) -> list[DocInfo]:
        """Documents of the report that are in no story."""
        in_story = {str(x) for s in self.stories for x in s.get("documents") or []}
        return [self.doc_info(i) for i in self.docs if i not in in_story]


def _links(story: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [lk for lk in story.get("links") or [] if isinstance(lk, Mapping)]


def link_info(index: ReportIndex, n: int, link: Mapping[str, Any]) -> LinkInfo:
    coverage = link.get("coverage") if isinstance(link.get("coverage"), Mapping) else {}
    assert isinstance(coverage, Mapping)
    return LinkInfo(
        n=n,
        source=index.doc_info(str(link.get("source"))),
        target=index.doc_info(str(link.get("target"))),
        relation=text_or(link.get("relation"), "?"),
        tree=link.get("tree") is not False,
        score=read_float(link.get("score")),
        coverage_source=read_float(coverage.get("source")),
        coverage_target=read_float(coverage.get("target")),
        n_alignments=len(link.get("alignments") or []),
        n_changes=len(link.get("changes") or []),
    )


def story_view(index: ReportIndex, story: Mapping[str, Any], urls: Urls) -> StoryView:
    """The story page: documents, links and the derivation forest."""
    docs = [index.doc_info(str(d)) for d in story.get("documents") or []]
    links = [link_info(index, n, lk) for n, lk in enumerate(_links(story))]
    origin = story.get("origin")
    sid = str(story.get("id"))
    return StoryView(
        id=sid,
        title=text_or(story.get("title")),
        origin=str(origin) if origin is not None else None,
        docs=docs,
        links=links,
        langs=sorted({d.lang for d in docs}),
        svg=forest_svg(
            docs,
            links,
            origin if isinstance(origin, str) else None,
            sid,
            [urls.link(sid, lk.n) for lk in links],
        ),
        n_changes=sum(lk.n_changes for lk in links),
    )


def link_view(
    index: ReportIndex,
    story: Mapping[str, Any],
    n: int,
    urls: Urls,
    sv: StoryView | None = None,
) -> LinkView | None:
    """The side-by-side page of link ``n`` of ``story``, or None if there is no such link.

    ``sv`` is the story's view when the caller has it already (saves redrawing the forest).
    """
    links = _links(story)
    if not 0 <= n < len(links):
        return None
    link = links[n]
    sv = sv or story_view(index, story, urls)
    sid = str(story.get("id"))
    changes: list[ChangeInfo] = []
    src_spans: list[Span] = []
    tgt_spans: list[Span] = []
    for i, ch in enumerate(c for c in link.get("changes") or [] if isinstance(c, Mapping)):
        kind = text_or(ch.get("kind"), "other")
        info = ChangeInfo(
            i,
            kind,
            text_or(ch.get("source_text")),
            text_or(ch.get("target_text")),
            text_or(ch.get("note")),
        )
        changes.append(info)
        tip = f"{kind}: {info.source_text} → {info.target_text}" + (
            f" — {info.note}" if info.note else ""
        )
        attrs = {
            "class": "change",
            "data-kind": kind if kind in CHANGE_KINDS else "other",
            "data-ch": i,
            "title": tip,
        }
        for side, spans in (("source", src_spans), ("target", tgt_spans)):
            span = read_span(ch.get(side))
            if span is not None:
                spans.append(Span(*span, LAYER_CHANGE, tag("mark", attrs), "</mark>"))
    for side, spans in (("source", src_spans), ("target", tgt_spans)):
        spans.extend(_alignment_spans(link, side))
        shaded = "dropped" if side == "source" else "added"
        for raw in link.get(shaded) or []:
            span = read_span(raw)
            if span is not None:
                title = "not in the target" if side == "source" else "not in the source"
                spans.append(
                    Span(
                        *span,
                        LAYER_PASSAGE,
                        tag("span", {"class": shaded, "title": title}),
                        "</span>",
                    )
                )
    return LinkView(
        story=sv,
        link=sv.links[n],
        changes=changes,
        source_html=document_markup(index.docs.get(str(link.get("source"))), sid, src_spans),
        target_html=document_markup(index.docs.get(str(link.get("target"))), sid, tgt_spans),
    )


def _alignment_spans(link: Mapping[str, Any], side: str) -> list[Span]:
    """One element per distinct span of ``side``; a span aligned several times (many to one)
    carries all its alignment numbers, so hovering it lights up every partner."""
    numbers: dict[tuple[int, int], list[int]] = {}
    for i, al in enumerate(link.get("alignments") or []):
        span = read_span(al.get(side)) if isinstance(al, Mapping) else None
        if span is not None:
            numbers.setdefault(span, []).append(i)
    return [
        Span(*span, LAYER_PASSAGE, tag("span", {"class": "al", "data-al": _ids(ns)}), "</span>")
        for span, ns in numbers.items()
    ]


def _ids(numbers: Sequence[int]) -> str:
    return " ".join(str(n) for n in numbers)


def document_markup(doc: Mapping[str, Any] | None, story_id: str, spans: list[Span]) -> Markup:
    """A document's text with its segments and the given passage/change spans.

    This story's segments read normally; boilerplate and other stories' segments are greyed
    and folded into a closed ``<details>``; unassigned prose is greyed.
    """
    if doc is None:
        return Markup('<p class="missing">This document is not in the report.</p>')
    text = text_or(doc.get("text"))
    segments = [s for s in doc.get("segments") or [] if isinstance(s, Mapping)]
    for seg in segments:
        span = read_span([seg.get("start"), seg.get("end")])
        if span is None:
            continue
        kind = seg.get("kind")
        if kind == "story" and str(seg.get("story")) == story_id:
            continue
        if kind == "unassigned":
            spans.append(Span(*span, LAYER_SEGMENT, '<span class="seg unassigned">', "</span>"))
            continue
        if kind == "boilerplate":
            cls, label = "seg boilerplate", f"boilerplate: {text_or(seg.get('reason'), '?')}"
        else:
            cls, label = "seg other", f"another story: {seg.get('story')}"
        size = span[1] - span[0]
        lead = f"<summary>{escape(label)} · {size:,} chars</summary>"
        spans.append(Span(*span, LAYER_SEGMENT, tag("details", {"class": cls}), "</details>", lead))
    return nest_spans(text, spans)


# --- the derivation forest as SVG -------------------------------------------------------------

NODE_W, NODE_H, COL_W, ROW_H, PAD = 210, 44, 420, 62, 16


def forest_svg(
    docs: list[DocInfo],
    links: list[LinkInfo],
    origin: str | None,
    sid: str,
    hrefs: Sequence[str],
) -> Markup:
    """The story's derivation forest, left to right: depth is the column, leaves take rows.

    Tree links (``tree: true``) draw the forest; collations (``tree: false``) are dashed arcs.
    A document with a second tree parent, or one that would close a cycle, keeps its first.
    Edge ``lk.n`` links to ``hrefs[lk.n]``, its side-by-side view.
    """
    ids = [d.id for d in docs]
    known = set(ids)
    parent: dict[str, tuple[str, LinkInfo]] = {}
    children: dict[str, list[str]] = defaultdict(list)
    for lk in links:
        s, t = lk.source.id, lk.target.id
        if not lk.tree or s not in known or t not in known or t in parent or s == t:
            continue
        up = s
        while up in parent and up != t:  # would t become its own ancestor?
            up = parent[up][0]
        if up == t:
            continue
        parent[t] = (s, lk)
        children[s].append(t)
    roots = [d for d in ids if d not in parent]
    if origin in roots:
        roots.remove(origin)
        roots.insert(0, origin)
    pos: dict[str, tuple[int, float]] = {}
    next_row = 0

    def place(node: str, depth: int) -> float:
        nonlocal next_row
        kids = children.get(node, [])
        if not kids:
            row = float(next_row)
            next_row += 1
        else:
            rows = [place(k, depth + 1) for k in kids]
            row = (rows[0] + rows[-1]) / 2
        pos[node] = (depth, row)
        return row

    for root in roots:
        place(root, 0)
    info = {d.id: d for d in docs}
    depth = max((c for c, _ in pos.values()), default=0)
    width = PAD * 2 + depth * COL_W + NODE_W + 70  # room for collation arcs on the right
    height = PAD * 2 + max(next_row, 1) * ROW_H

    def xy(node: str) -> tuple[float, float]:
        col, row = pos[node]
        return PAD + col * COL_W, PAD + row * ROW_H

    parts = [
        f'<svg class="forest" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="derivation forest of story {escape(sid)}">'
    ]
    for lk in links:
        s, t = lk.source.id, lk.target.id
        if s not in pos or t not in pos:
            continue
        (x1, y1), (x2, y2) = xy(s), xy(t)
        label = f"{lk.relation} · {lk.coverage}"
        tip = f"{s} → {t}: {lk.relation}, covers {lk.coverage} (source / target)"
        is_tree = t in parent and parent[t][1] is lk
        if is_tree:
            ax, ay, bx, by = x1 + NODE_W, y1 + NODE_H / 2, x2, y2 + NODE_H / 2
            mx = (ax + bx) / 2
            path = f"M{ax:.0f},{ay:.0f} C{mx:.0f},{ay:.0f} {mx:.0f},{by:.0f} {bx:.0f},{by:.0f}"
            tx, ty, cls = bx - 8, by - 6, "edge tree"
        else:
            ax, ay, bx, by = x1 + NODE_W, y1 + NODE_H / 2, x2 + NODE_W, y2 + NODE_H / 2
            bulge = max(ax, bx) + 30 + abs(ay - by) / 6
            path = (
                f"M{ax:.0f},{ay:.0f} C{bulge:.0f},{ay:.0f} {bulge:.0f},{by:.0f} {bx:.0f},{by:.0f}"
            )
            tx, ty, cls = bulge - 10, (ay + by) / 2, "edge collation"
        parts.append(
            f'<a class="{cls} rel-{escape(_slug(lk.relation))}" href="{escape(hrefs[lk.n])}">'
            f"<title>{escape(tip)}</title>"
            f'<path d="{path}"/>'
        )
        if is_tree:
            parts.append(
                f'<text x="{tx:.0f}" y="{ty:.0f}" text-anchor="end">{escape(label)}</text>'
            )
        parts.append("</a>")
    for node in pos:
        x, y = xy(node)
        d = info[node]
        cls = "node origin" if node == origin else "node"
        title = d.title[:28] + ("…" if len(d.title) > 28 else "")
        parts.append(
            f'<g class="{cls}"><title>{escape(d.id)}: {escape(d.title or d.source)}</title>'
            f'<rect x="{x:.0f}" y="{y:.0f}" width="{NODE_W}" height="{NODE_H}" rx="6"/>'
            f'<text x="{x + 8:.0f}" y="{y + 17:.0f}"><tspan class="lang">{escape(d.lang)}</tspan>'
            f" {escape(d.id[:24])}</text>"
            f'<text class="sub" x="{x + 8:.0f}" y="{y + 34:.0f}">{escape(title or "—")}</text>'
            "</g>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _slug(value: str) -> str:
    return "".join(c if c.isascii() and c.isalnum() else "-" for c in value.lower())


# --- pages ------------------------------------------------------------------------------------


class Urls:
    """Where pages live. The file uses ``#fragments`` by position; the server uses paths."""

    def __init__(self, *, single_file: bool, story_ids: Sequence[str] = ()) -> None:
        self.single_file = single_file
        self._pos = {sid: k for k, sid in enumerate(story_ids)}

    def index(self) -> str:
        return "#index" if self.single_file else "/"

    def story(self, sid: str) -> str:
        if self.single_file:
            return f"#s{self._pos.get(sid, 0)}"
        return "/story/" + quote(sid, safe="")

    def link(self, sid: str, n: int) -> str:
        if self.single_file:
            return f"#s{self._pos.get(sid, 0)}-l{n}"
        return f"/story/{quote(sid, safe='')}/link/{n}"

    def anchor(self, url: str) -> str:
        """The element id a fragment URL points at (file mode)."""
        return url.lstrip("#")


@cache
def environment() -> Environment:
    """The Jinja2 environment of the report and the viewer; autoescapes every template."""
    env = Environment(
        loader=PackageLoader("storytrace.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        auto_reload=False,  # package data: no stat() of the template file per render
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pct"] = percent
    env.filters["score"] = lambda v: "–" if v is None else f"{v:.2f}"
    return env


@cache
def static_text(name: str) -> str:
    """A file of ``report/static`` (the viewer's CSS and JS)."""
    return (resources.files("storytrace.report") / "static" / name).read_text(encoding="utf-8")


def csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def file_csp(css: str, js: str) -> str:
    """The policy of the self-contained file: only its own inline style and script run."""
    return (
        "default-src 'none'; "
        f"style-src {csp_hash(css)}; script-src {csp_hash(js)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def render_html(report: Mapping[str, Any]) -> str:
    """One self-contained HTML page of the whole report (see the module docstring)."""
    index = ReportIndex(report)
    urls = Urls(single_file=True, story_ids=[str(s.get("id")) for s in index.stories])
    stories = []
    for story in index.stories:
        sv = story_view(index, story, urls)
        stories.append((sv, [link_view(index, story, n, urls, sv) for n in range(len(sv.links))]))
    css, js = static_text("viewer.css"), static_text("viewer.js")
    return (
        environment()
        .get_template("report.html")
        .render(
            urls=urls,
            stories=stories,
            rows=[
                StoryRow.of(sv.id, sv.title, sv.docs, n_links=len(sv.links), n_changes=sv.n_changes)
                for sv, _ in stories
            ],
            unassigned=index.unassigned(),
            n_docs=len(index.docs),
            schema=text_or(report.get("schema")),
            inline=True,
            css=Markup(css),
            js=Markup(js),
            csp=file_csp(css, js),
        )
    )


def write_html(path: str | Path, report: Mapping[str, Any]) -> None:
    """Write :func:`render_html` of ``report`` to ``path`` (atomically replaced)."""
    html = render_html(report)
    with atomic_file(path, ".html") as fh:
        fh.write(html)
