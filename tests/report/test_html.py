"""The HTML report: span nesting, escaping of hostile documents, the CSP, the --html option.

``malicious_store`` and ``inject_change`` are shared with tests/web and tests/browser.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from storytrace.cli import main
from storytrace.ingest.run import ingest_inputs
from storytrace.link.run import DERIVED, STORIES
from storytrace.models import Segment
from storytrace.options import Options
from storytrace.pipeline import trace_report
from storytrace.report.html import (
    LAYER_CHANGE,
    LAYER_PASSAGE,
    LAYER_SEGMENT,
    Span,
    nest_spans,
    render_html,
    safe_href,
    tag,
)
from storytrace.store import open_store

# --- hostile input, shared with the viewer and browser tests --------------------------------

PAYLOAD_TEXT = (
    "Storm closes the harbour <script>window.__pwned=3</script> after {n} residents left.\n\n"
    "The mayor said <img src=x onerror=window.__pwned=4> the flood rose on {day}. "
    "</textarea><svg onload=window.__pwned=5>\n\n"
    'Click <a href="javascript:window.__pwned=6">here</a> for more on the harbour storm.\n'
)
MALICIOUS_RECORDS = [
    {
        "id": "evil_a",
        "url": "javascript:window.__pwned=9",
        "title": (
            "<script>window.__pwned=1</script> Harbour "
            '</textarea><img src=x onerror="window.__pwned=2">'
        ),
        "lang": "en",
        "published": "2024-03-05",
        "text": PAYLOAD_TEXT.format(n="4,500", day="Tuesday"),
    },
    {
        "id": "evil_b",
        "url": 'https://example.org/a?b="><script>window.__pwned=7</script>',
        "title": '"><svg/onload=window.__pwned=8> Storm',
        "lang": "en",
        "published": "2024-03-06",
        "text": PAYLOAD_TEXT.format(n="4,400", day="Wednesday"),
    },
]
EVIL_STORY_TITLE = "<script>window.__pwned=10</script>Storm"
EVIL_NOTE = '"><img src=x onerror=window.__pwned=11> value 4500 -> 4400'


def _span_of(text: str, needle: str) -> list[int]:
    at = text.index(needle)
    return [at, at + len(needle)]


def malicious_store(folder: Path) -> tuple[Path, list[str]]:
    """A store at ``folder/evil.db`` holding MALICIOUS_RECORDS (ingested for real) as story
    S1 with one link whose alignments, changes and shading carry the payloads too."""
    feed = folder / "evil.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in MALICIOUS_RECORDS), encoding="utf-8")
    db = folder / "evil.db"
    with open_store(db) as store:
        run = ingest_inputs([feed], options=Options(db=str(db), workers=1), store=store)
        docs = {d.id: d for d in store.documents(run.ids)}
        a, b = docs["evil_a"], docs["evil_b"]
        for d in (a, b):
            store.update_segments(d.id, [Segment(0, len(d.text), "story", story="S1")])
        first = "Storm closes the harbour <script>window.__pwned=3</script> after"
        second = "The mayor said <img src=x onerror=window.__pwned=4> the flood rose on"
        link = {
            "source": "evil_a",
            "target": "evil_b",
            "relation": "<b>copy</b>",
            "tree": True,
            "score": 0.9,
            "coverage": {"source": 0.8, "target": 0.7},
            "alignments": [
                {"source": _span_of(a.text, first), "target": _span_of(b.text, first), "score": 1},
                {
                    "source": _span_of(a.text, second),
                    "target": _span_of(b.text, second),
                    "score": 0.9,
                },
            ],
            "changes": [
                {
                    "kind": "number",
                    "source": _span_of(a.text, "4,500"),
                    "target": _span_of(b.text, "4,400"),
                    "source_text": "4,500",
                    "target_text": "<script>window.__pwned=12</script>",
                    "note": EVIL_NOTE,
                },
                {
                    "kind": 'date" onmouseover="window.__pwned=13',
                    "source": _span_of(a.text, "Tuesday"),
                    "target": _span_of(b.text, "Wednesday"),
                    "source_text": "Tuesday",
                    "target_text": "Wednesday",
                    "note": "day changed",
                },
            ],
            "added": [_span_of(b.text, "Click")],
            "dropped": [_span_of(a.text, "Click")],
        }
        store.put_state(STORIES, {"S1": {"title": EVIL_STORY_TITLE, "documents": [a.id, b.id]}})
        store.put_state(DERIVED, {"S1": {"origin": "evil_a", "links": [link]}})
    return db, run.ids


def inject_change(report: dict[str, Any], story: int = 0, link: int = 0) -> dict[str, Any]:
    """Add a ``number`` change to link ``link`` of story ``story``: the first word of its
    first alignment on each side (links[].changes is filled by another stage)."""
    lk = report["stories"][story]["links"][link]
    docs = {d["id"]: d for d in report["documents"]}
    al = lk["alignments"][0]
    spans = []
    for side in ("source", "target"):
        text = docs[lk[side]]["text"]
        start, end = al[side]
        m = re.search(r"\w{3,}", text[start:end])
        assert m is not None
        spans.append((start + m.start(), start + m.end(), m.group()))
    change = {
        "kind": "number",
        "source": [spans[0][0], spans[0][1]],
        "target": [spans[1][0], spans[1][1]],
        "source_text": spans[0][2],
        "target_text": spans[1][2],
        "note": "injected by the test",
    }
    lk.setdefault("changes", []).insert(0, change)
    return change


# --- markup checks ----------------------------------------------------------------------------

VOID = {"meta", "link", "input", "br", "img", "rect", "path"}


class Balance(HTMLParser):
    """Fails on any closing tag that does not close the innermost open element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, name: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((name, dict(attrs)))
        if name not in VOID:
            self.stack.append(name)

    def handle_startendtag(self, name: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((name, dict(attrs)))

    def handle_endtag(self, name: str) -> None:
        if not self.stack or self.stack[-1] != name:
            self.errors.append(f"</{name}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def parse(html: str) -> Balance:
    p = Balance()
    p.feed(html)
    p.close()
    return p


def strip_tags(markup: str) -> str:
    import html as html_mod

    return html_mod.unescape(re.sub(r"<summary>.*?</summary>|<[^>]+>", "", markup))


# --- nest_spans -------------------------------------------------------------------------------


def s(start: int, end: int, layer: int, name: str, lead: str = "") -> Span:
    return Span(start, end, layer, f"<{name}>", f"</{name}>", lead)


def test_nesting_follows_layers() -> None:
    out = nest_spans("abcdef", [s(1, 3, LAYER_CHANGE, "m"), s(0, 6, LAYER_PASSAGE, "p")])
    assert out == "<p>a<m>bc</m>def</p>"


def test_crossing_spans_are_split_and_reopened() -> None:
    out = nest_spans("abcdef", [s(0, 4, LAYER_PASSAGE, "a"), s(2, 6, LAYER_PASSAGE, "b")])
    assert out == "<a>ab<b>cd</b></a><b>ef</b>"
    assert strip_tags(out) == "abcdef"
    assert not parse(out).errors


def test_inner_layer_split_at_segment_boundary_and_lead_once() -> None:
    spans = [
        s(0, 3, LAYER_SEGMENT, "details", "<summary>x</summary>"),
        s(2, 5, LAYER_PASSAGE, "span"),
    ]
    out = nest_spans("abcde", spans)
    assert out == "<details><summary>x</summary>ab<span>c</span></details><span>de</span>"
    assert out.count("<summary>") == 1


def test_spans_clamped_empty_dropped_and_text_escaped() -> None:
    out = nest_spans("<b>&", [s(-5, 2, LAYER_PASSAGE, "p"), s(3, 3, LAYER_CHANGE, "m")])
    assert out == "<p>&lt;b</p>&gt;&amp;"
    assert nest_spans("", [s(0, 4, 1, "p")]) == ""


def test_random_spans_always_nest_and_keep_the_text() -> None:
    import random

    rng = random.Random(7)
    text = "".join(rng.choice("ab<&\n ") for _ in range(200))
    for _ in range(200):
        spans = []
        for _ in range(rng.randint(0, 12)):
            a, b = sorted(rng.randint(-3, 205) for _ in range(2))
            spans.append(s(a, b, rng.randint(0, 2), rng.choice(["p", "q", "r"])))
        out = nest_spans(text, spans)
        assert not parse(out).errors, out
        assert strip_tags(out) == text


def test_tag_escapes_attribute_values() -> None:
    assert tag("mark", {"title": '"><x>', "data-n": 3, "skip": None}) == (
        '<mark title="&#34;&gt;&lt;x&gt;" data-n="3">'
    )


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a?b=1", True),
        ("http://example.org", True),
        (" HTTPS://example.org ", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("data:text/html,<script>1</script>", False),
        ("//evil.example", False),
        ("/relative/path", False),
        ("https:\\\\evil.example", False),
        ("vbscript:x", False),
        (None, False),
        (42, False),
    ],
)
def test_safe_href(url: object, ok: bool) -> None:
    assert (safe_href(url) is not None) is ok


# --- whole reports ----------------------------------------------------------------------------


def small_report() -> dict[str, Any]:
    src = "Menu\nThe harbour closed on Tuesday after 4,500 people left. The mayor spoke.\n"
    tgt = "The harbour closed on Wednesday after 4,400 people left. Extra line here.\nAds\n"
    s1 = src.index("The harbour")
    e1 = src.index(" The mayor")
    e2 = tgt.index(" Extra")
    return {
        "schema": "storytrace.report/1",
        "documents": [
            {
                "id": "a",
                "source": "a.txt",
                "lang": "en",
                "title": "A",
                "published": "2024-01-01",
                "text": src,
                "segments": [
                    {"start": 0, "end": 5, "kind": "boilerplate", "reason": "navigation"},
                    {"start": 5, "end": len(src), "kind": "story", "story": "S1"},
                ],
            },
            {
                "id": "b",
                "source": "https://example.org/b",
                "lang": "de",
                "title": None,
                "published": None,
                "text": tgt,
                "segments": [
                    {"start": 0, "end": tgt.index("Ads"), "kind": "story", "story": "S1"},
                    {"start": tgt.index("Ads"), "end": len(tgt), "kind": "story", "story": "S2"},
                ],
            },
            {"id": "c", "source": "c.txt", "lang": "fr", "text": "lonely", "segments": []},
        ],
        "stories": [
            {
                "id": "S1",
                "title": "Harbour",
                "documents": ["a", "b"],
                "origin": "a",
                "links": [
                    {
                        "source": "a",
                        "target": "b",
                        "relation": "translation",
                        "tree": True,
                        "score": 0.93,
                        "coverage": {"source": 0.95, "target": 0.88},
                        "alignments": [{"source": [s1, e1], "target": [0, e2], "score": 0.9}],
                        "changes": [
                            {
                                "kind": "date",
                                "source": _span_of(src, "Tuesday"),
                                "target": _span_of(tgt, "Wednesday"),
                                "source_text": "Tuesday",
                                "target_text": "Wednesday",
                                "note": "day Tuesday -> Wednesday",
                            },
                            {
                                "kind": "number",
                                "source": _span_of(src, "4,500"),
                                "target": None,
                                "source_text": "4,500",
                                "target_text": "",
                                "note": "dropped value",
                            },
                        ],
                        "added": [[e2 + 1, tgt.index("Ads")]],
                        "dropped": [[e1 + 1, len(src) - 1]],
                    }
                ],
            },
            {"id": "S2", "title": "Ads", "documents": ["b"], "origin": "b", "links": []},
        ],
    }


def sections(html: str) -> dict[str, str]:
    return dict(re.findall(r'<section class="view" id="([^"]+)"[^>]*>(.*?)</section>', html, re.S))


def test_report_pages_and_side_by_side() -> None:
    html = render_html(small_report())
    assert not parse(html).errors
    views = sections(html)
    assert set(views) == {"index", "s0", "s0-l0", "s1"}
    assert 'href="#s0-l0"' in views["s0"]  # link table and forest edge
    assert "<svg" in views["s0"] and "translation · 95% / 88%" in views["s0"]
    sbs = views["s0-l0"]
    src, tgt = sbs.split('<div class="col tgt">')
    # the changed date on both sides, with its note; the number only where it has a span
    date_mark = '<mark class="change" data-kind="date" data-ch="0"'
    assert date_mark in src and date_mark in tgt
    assert ">Tuesday</mark>" in src and ">Wednesday</mark>" in tgt
    assert "day Tuesday -&gt; Wednesday" in src
    assert 'data-ch="1"' in src and 'data-ch="1"' not in tgt.split("</ol>")[-1]
    # changes inside the aligned sentence, aligned spans share data-al
    assert re.search(r'<span class="al" data-al="0">The harbour closed on <mark', src)
    assert re.search(r'<span class="al" data-al="0">The harbour closed on <mark', tgt)
    assert '<span class="added"' in tgt and '<span class="dropped"' in src
    # boilerplate and the other story are folded
    assert '<details class="seg boilerplate"><summary>boilerplate: navigation' in src
    assert '<details class="seg other"><summary>another story: S2' in tgt
    # the document without a story is listed; the http source becomes a link
    assert "lonely" not in html and "<code>c</code>" in views["index"]
    assert 'href="https://example.org/b"' in views["s0"]


def test_csp_hashes_match_the_inline_code() -> None:
    html = render_html(small_report())
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp is not None
    policy = csp.group(1).replace("&#39;", "'")
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    for name in ("style", "script"):
        blocks = re.findall(rf"<{name}>(.*?)</{name}>", html, re.S)
        assert len(blocks) == 1
        digest = base64.b64encode(hashlib.sha256(blocks[0].encode()).digest()).decode()
        assert f"{name}-src 'sha256-{digest}'" in policy
    assert "http://" not in html.split("<body")[0] and "https://" not in html.split("<body")[0]


def test_forest_survives_cycles_and_double_parents() -> None:
    report = small_report()
    story = report["stories"][0]
    story["links"].append(dict(story["links"][0], source="b", target="a"))  # a cycle
    story["links"].append(dict(story["links"][0], source="a", target="a"))  # a self loop
    story["links"].append(dict(story["links"][0], tree=False))
    html = render_html(report)
    assert not parse(html).errors
    assert 'class="edge collation' in html


def test_tolerates_missing_and_bad_fields() -> None:
    report = small_report()
    lk = report["stories"][0]["links"][0]
    lk["alignments"].append({"source": [5, 2], "target": "x"})
    lk["changes"].append({"kind": None, "source": [10**9, 10**9 + 3]})
    lk["coverage"] = None
    report["stories"][0]["documents"].append("ghost")
    report["stories"].append({"id": "S9", "links": [{"source": "ghost", "target": "a"}]})
    html = render_html(report)
    assert not parse(html).errors
    assert "This document is not in the report." in html


def evil_report(tmp_path: Path) -> dict[str, Any]:
    db, ids = malicious_store(tmp_path)
    with open_store(db) as store:
        return trace_report(store, ids)


def test_malicious_documents_are_escaped(tmp_path: Path) -> None:
    report = evil_report(tmp_path)
    assert report["documents"][0]["title"].startswith("<script>")  # the payload got through
    html = render_html(report)
    p = parse(html)
    assert not p.errors
    # the only script element is ours, and no element carries an event handler
    assert len(re.findall(r"<script", html, re.I)) == 1
    assert [n for n, _ in p.tags].count("script") == 1
    for name, attrs in p.tags:
        assert name not in ("img", "iframe", "object", "embed", "textarea"), name
        for key, value in attrs.items():
            assert not key.startswith("on"), (name, key)
            if key in ("href", "src", "action"):
                assert value is not None
                assert value.startswith(("#", "https://", "http://", "data:,")), value
    assert "window.__pwned" in html  # shown as text, escaped
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "&lt;/textarea&gt;" in html
    assert "javascript:" not in re.sub(r">[^<]*<", "><", html)  # never inside a tag
    assert 'href="https://example.org/a?b=&#34;&gt;&lt;script&gt;' in html


def test_trace_html_option(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Storm closes the harbour.\n\nThe mayor spoke today.\n")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(
        main,
        ["trace", str(folder), "--db", str(tmp_path / "st.db"), "--no-link", "--html", str(out)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert "Documents in no story" in html and "<code>a</code>" in html
