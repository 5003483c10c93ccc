"""Story-level rules: a common source explains a sibling link's changes; two versions of
one source rendering a word alike is not drift."""

from __future__ import annotations

from typing import Any

from storytrace.diff.links import attach_changes, link_changes
from storytrace.models import Document
from tests.diff import helpers
from tests.diff.helpers import doc


def link(
    a: str, b: str, texts: dict[str, str], pairs: list[tuple[str, str]], tree: bool
) -> dict[str, Any]:
    """A translation link between two of ``texts`` with nothing added or dropped."""
    return helpers.link(
        texts[a], texts[b], pairs, ids=(a, b), tree=tree, relation="translation",
        added=[], dropped=[],
    )  # fmt: skip


ORIG = "The engineers gave few details about the broken pump at the harbour station."
ONE = "The engineers gave little information about the broken pump at the harbour station."
TWO = "The engineers gave little information about the broken valve at the harbour station."


def _story() -> tuple[list[dict[str, Any]], dict[str, Document]]:
    texts = {"o": ORIG, "x": ONE, "y": TWO}
    links = [
        link("o", "x", texts, [(ORIG, ONE)], tree=True),
        link("o", "y", texts, [(ORIG, TWO)], tree=True),
        link("x", "y", texts, [(ONE, TWO)], tree=False),
    ]
    return links, {k: doc(k, v) for k, v in texts.items()}


def _drift(lk: dict[str, Any]) -> list[str]:
    return [c["note"] for c in lk["changes"] if c["note"].startswith("meaning drift")]


def test_a_rendering_two_versions_of_one_source_share_is_not_drift() -> None:
    links, docs = _story()
    # alone, each tree link sees "details" -> "information"
    alone = link_changes(links[0], docs["o"], docs["x"])
    assert any("information" in c["note"] for c in alone), alone
    attach_changes(links, docs)
    assert not any("information" in n for n in _drift(links[0])), links[0]["changes"]
    # the substitution only one version makes is kept on its own tree link
    assert any("'pump' -> 'valve'" in n for n in _drift(links[1])), links[1]["changes"]


def test_a_sibling_link_leaves_what_the_common_source_explains_to_the_tree_links() -> None:
    links, docs = _story()
    alone = link_changes(links[2], docs["x"], docs["y"])
    assert any("valve" in c["note"] for c in alone), alone
    attach_changes(links, docs)
    assert links[2]["changes"] == []


def test_a_sibling_link_keeps_changes_in_passages_the_source_lacks() -> None:
    links, docs = _story()
    links[0]["alignments"] = links[1]["alignments"] = []  # the source does not cover it
    attach_changes(links, docs)
    assert any("valve" in n for n in _drift(links[2])), links[2]["changes"]


def test_a_substitution_a_tree_link_reports_is_not_repeated_on_a_sibling_link() -> None:
    first = "The officer told CNN he left."
    later = "The officer is now at home with his family."
    texts = {
        "o": first,
        "x": "The official told CNN he left.\nThe official is now at home with his family.",
        "y": f"{first}\n{later}",
    }
    x_later = "The official is now at home with his family."
    links = [
        link("o", "x", texts, [(first, "The official told CNN he left.")], tree=True),
        link("o", "y", texts, [(first, first)], tree=True),
        link("y", "x", texts, [(later, x_later)], tree=False),
    ]
    docs = {k: doc(k, v) for k, v in texts.items()}
    alone = link_changes(links[2], docs["y"], docs["x"])
    assert any("'officer' -> 'official'" in c["note"] for c in alone), alone
    attach_changes(links, docs)
    assert any("'officer' -> 'official'" in n for n in _drift(links[0])), links[0]["changes"]
    assert _drift(links[2]) == [], links[2]["changes"]
