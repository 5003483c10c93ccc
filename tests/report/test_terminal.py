"""Terminal renderers: derivation trees with their top changes, change tables."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from storytrace.models import Document, Problem
from storytrace.report.terminal import (
    change_rank,
    changes_table,
    documents_table,
    literal,
    print_problems,
    story_tree,
    top_changes,
)


def change(
    kind: str, src: str, tgt: str, *, major: bool = False, score: float = 1.0
) -> dict[str, Any]:
    return {
        "kind": kind,
        "source": [0, len(src)],
        "target": [0, len(tgt)],
        "source_text": src,
        "target_text": tgt,
        "note": f"{src} -> {tgt}",
        "score": score,
        "severity": "major" if major else "minor",
    }


LINK = {
    "source": "a",
    "target": "b",
    "relation": "translation",
    "tree": True,
    "score": 0.9,
    "coverage": {"source": 0.8, "target": 0.95},
    "alignments": [],
    "changes": [
        change("other", "rear", "stern", score=0.4),
        change("date", "this year", "last year", major=True),
        change("number", "22,000", "22", major=True),
        change("name", "Kherson", "Cherson", score=0.5),
    ],
    "added": [],
    "dropped": [],
}
STORY = {"id": "S1", "title": "A story", "documents": ["a", "b"], "origin": "a", "links": [LINK]}


def render(renderable: Any) -> str:
    console = Console(width=160, record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


def test_top_changes_put_major_fact_changes_first() -> None:
    kinds = [c["kind"] for c in top_changes(LINK, 3)]
    assert kinds == ["number", "date", "name"]
    assert change_rank(LINK["changes"][0]) > change_rank(LINK["changes"][3])


def test_story_tree_shows_relation_coverage_and_top_changes() -> None:
    tree = story_tree(STORY, {"a": "en", "b": "de"}, changes=2)
    assert tree is not None
    text = render(tree)
    assert "a (en) origin" in text
    assert "b (de)" in text and "translation" in text and "covers 80% of source" in text
    assert "“22,000” → “22”" in text and "“this year” → “last year”" in text
    assert "Cherson" not in text  # third change hidden behind the count
    assert "2 more change(s)" in text


def test_story_tree_without_changes_shows_no_count() -> None:
    text = render(story_tree(STORY, {"a": "en", "b": "de"}, changes=0))
    assert "more change" not in text and "22,000" not in text


def test_story_tree_without_links_is_none() -> None:
    assert story_tree({**STORY, "links": []}, {}) is None


def test_changes_table_lists_every_change() -> None:
    text = render(changes_table(LINK))
    for c in LINK["changes"]:
        assert c["target_text"] in text
    assert "major" in text


def test_literal_escapes_control_characters_only() -> None:
    assert literal("a\x1b[31mb\nc\td\x9be [/] é") == "a\\x1b[31mb\\nc\\td\\x9be [/] é"
    assert literal(None) == "None"


MARKUP_LINK = {
    **LINK,
    "source": "odd [/] id",
    "target": "résumé #1 [draft]",
    "relation": "copy",
    "changes": [
        {
            **change("name", "[VIDEO] Kherson", "Cherson [/]"),
            "note": "was [bold]x[/bold]\x1b[2J",
        }
    ],
}
MARKUP_STORY = {
    "id": "S1",
    "title": "Breaking [/] news\x1b[31m",
    "documents": ["odd [/] id", "résumé #1 [draft]"],
    "origin": "odd [/] id",
    "links": [MARKUP_LINK],
}


def test_story_tree_and_changes_table_print_data_literally() -> None:
    tree = story_tree(MARKUP_STORY, {"odd [/] id": "en", "résumé #1 [draft]": "[de]"})
    text = render(tree) + render(changes_table(MARKUP_LINK))
    assert "S1  Breaking [/] news\\x1b[31m" in text
    assert "odd [/] id (en) origin" in text
    assert "résumé #1 [draft] ([de])  copy" in text
    assert "“[VIDEO] Kherson” → “Cherson [/]”" in text
    assert "Changes odd [/] id → résumé #1 [draft]" in text
    assert "was [bold]x[/bold]\\x1b[2J" in text
    assert "\x1b" not in text


def test_documents_table_prints_data_literally() -> None:
    doc = Document(
        id="résumé #1 [draft]",
        source="in/résumé #1 [draft].txt",
        text="Some text.",
        raw_sha256="0" * 64,
        lang="en",
        title="[VIDEO] Flood :smile: in\ntown",
        problems=[Problem("x", "odd [/] reason", fatal=False)],
    )
    text = render(documents_table([doc]))
    assert "résumé #1 [draft]" in text
    assert "[VIDEO] Flood :smile: in\\ntown" in text
    assert "odd [/] reason" in text


def test_problem_lines_stay_on_one_line_without_escape_codes() -> None:
    console = Console(width=160, record=True, color_system=None)
    problems = [
        Problem("in/empty\nline.txt", "empty file"),
        Problem("in/red\x1b[31m[/].txt", "bad [b]encoding", fatal=False),
    ]
    print_problems(console, problems, verbose=True)
    lines = console.export_text().splitlines()
    assert lines == [
        "✗ in/empty\\nline.txt: empty file",
        "! in/red\\x1b[31m[/].txt: bad [b]encoding",
    ]
