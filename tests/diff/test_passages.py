"""Passages in no other version of the story (``own_passages``), reported on the sibling link
to a complete version of a truncated source."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from storytrace.diff.links import attach_changes
from storytrace.diff.passages import own_passages
from storytrace.models import Document, Segment, Sentence
from tests.diff import helpers

P1 = "The officer said he left the army in March."
P2 = "He told his commander he would not fight."
S3 = "The commander protested, but the officer stood his ground."
S4 = "He is now with his family again."
T_OWN = "Last week The Guardian reported that a whole brigade refused to move to another front."
TEASER = "Read more: twelve things you did not know about the navy and its boats."

PARENT = f"{P1} {P2}"  # truncated: the scrape stops here
COMPLETE = f"{P1} {P2}\n{S3}\n{S4}"
REWRITE = f"{P1}\n{S3}\n{T_OWN}"


#: The score of every aligned pair: a paragraph as close as this to an unaligned sentence of
#: the complete version is said there in other words.
ALIGNED = 0.88


def doc(id_: str, text: str, segments: Sequence[Segment] = ()) -> Document:
    """An English document split into sentences at ". " and line breaks."""
    d = helpers.doc(id_, text, segments=segments)
    pos, sents = 0, []
    for line in text.split("\n"):
        for part in line.split(". "):
            i = text.index(part, pos)
            sents.append(Sentence(i, i + len(part), 0))
            pos = i + len(part)
    d.sentences = sents
    return d


def link(
    src: str, tgt: str, texts: dict[str, str], pairs: list[str], *, tree: bool, relation: str,
    score: float = 0.9, added: Sequence[str] = (), dropped: Sequence[str] = (),
) -> dict[str, Any]:  # fmt: skip
    """A link between two of ``texts`` aligning sentences both say word for word."""
    return helpers.link(
        texts[src], texts[tgt], [(x, x) for x in pairs], ids=(src, tgt), alignment_score=ALIGNED,
        relation=relation, tree=tree, score=score, added=added, dropped=dropped, changes=[],
    )  # fmt: skip


TEXTS = {"p": PARENT, "s": COMPLETE, "t": REWRITE}


def story(
    standin_relation: str = "translation",
    t_text: str = REWRITE,
    t_added: Sequence[str] = (f"{S3}\n{T_OWN}",),
    t_dropped: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """p (truncated) -> s (complete stand-in), p -> t (a rewrite with ``t_text``, adding
    ``t_added`` and dropping ``t_dropped``), and the sibling link t -> s."""
    texts = {**TEXTS, "t": t_text}
    return [
        link("p", "s", texts, [P1, P2], tree=True, relation=standin_relation, added=[S3, S4]),
        link(
            "p", "t", texts, [P1], tree=True, relation="rewrite", added=t_added,
            dropped=t_dropped,
        ),
        link("t", "s", texts, [P1, S3], tree=False, relation="rewrite", added=[P2, S4]),
    ]  # fmt: skip


def docs(t_text: str = REWRITE, t_segments: Sequence[Segment] = ()) -> dict[str, Document]:
    return {"p": doc("p", PARENT), "s": doc("s", COMPLETE), "t": doc("t", t_text, t_segments)}


def run(links: list[dict[str, Any]], documents: dict[str, Document], **kw: Any) -> list[list[Any]]:
    return own_passages([(lk, []) for lk in links], documents, **kw)


def test_a_paragraph_past_a_truncated_source_that_no_version_has_is_reported_on_the_sibling() -> (
    None
):
    out = run(story(), docs())
    assert [len(x) for x in out] == [0, 0, 1]
    (c,) = out[2]
    assert c.kind == "other" and c.source_text == T_OWN  # the sibling link runs t -> s
    assert c.target_text == S3  # anchored on the complete version's sentence before it
    assert c.note.startswith("passage only in t:") and "no other version" in c.note


def test_through_attach_changes_the_passage_lands_on_the_sibling_link() -> None:
    links = story()
    attach_changes(links, docs())
    notes = [[c["note"] for c in lk["changes"]] for lk in links]
    assert not any("passage only" in n for n in notes[0] + notes[1]), notes
    assert sum("passage only in t" in n for n in notes[2]) == 1, notes


def test_without_a_complete_version_of_the_source_nothing_is_reported() -> None:
    assert run(story(standin_relation="rewrite"), docs()) == [[], [], []]


def test_a_paragraph_the_complete_version_says_in_other_words_is_not_reported() -> None:
    def similar(a: Sequence[str], b: Sequence[str]) -> list[float]:
        return [0.95 if "family" in y else 0.5 for y in b]

    def unrelated(a: Sequence[str], b: Sequence[str]) -> list[float]:
        return [0.5] * len(a)

    # S4 is the complete version's only unaligned sentence after the anchor: when it is as
    # close to the paragraph as an aligned pair (ALIGNED), the paragraph is not "only" in t
    assert run(story(), docs(), similarity=similar) == [[], [], []]
    assert [len(x) for x in run(story(), docs(), similarity=unrelated)] == [0, 0, 1]


def test_boilerplate_and_aligned_paragraphs_are_not_own_passages() -> None:
    text = f"{P1}\n{S3}\n{TEASER}"
    segments = [
        Segment(0, text.index(TEASER) - 1, "story", story="S1"),
        Segment(text.index(TEASER), len(text), "boilerplate", reason="related-links"),
    ]
    links = story(t_text=text, t_added=[f"{S3}\n{TEASER}"])
    assert run(links, docs(text, segments)) == [[], [], []]
    # the same paragraph as story text is reported
    story_only = [Segment(0, len(text), "story", story="S1")]
    assert [len(x) for x in run(links, docs(text, story_only))] == [0, 0, 1]


@pytest.mark.parametrize("score", [0.5, 0.99])
def test_the_best_scoring_complete_sibling_carries_the_passage(score: float) -> None:
    texts = {**TEXTS, "s2": COMPLETE}
    links = [
        *story(),
        link("p", "s2", texts, [P1, P2], tree=True, relation="translation", added=[S3, S4]),
        link(
            "t", "s2", texts, [P1, S3], tree=False, relation="rewrite", score=score,
            added=[P2, S4],
        ),
    ]  # fmt: skip
    documents = {**docs(), "s2": doc("s2", COMPLETE)}
    counts = [len(x) for x in run(links, documents)]
    assert sum(counts) == 1
    assert counts[4 if score > 0.9 else 2] == 1


def test_where_the_parent_has_text_the_tree_link_judges_not_the_sibling() -> None:
    text = f"{P1}\n{T_OWN}\n{S3}"  # the paragraph sits in the part the parent still has
    links = story(t_text=text, t_added=[f"{T_OWN}\n{S3}"], t_dropped=[P2])
    assert run(links, docs(text)) == [[], [], []]
    attach_changes(links, docs(text))
    tree_notes = [c["note"] for c in links[1]["changes"]]
    assert any(n.startswith("passage added") for n in tree_notes), tree_notes
    assert not any("passage only" in c["note"] for c in links[2]["changes"])
