"""Terminal renderers: derivation trees with their top changes, change tables."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from storytrace.report.terminal import change_rank, changes_table, story_tree, top_changes


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
