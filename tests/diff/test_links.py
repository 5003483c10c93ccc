"""Fact changes of a whole link: beads of aligned sentences compared as units."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.diff.links import attach_changes, beads, link_changes, published_date
from storytrace.diff.passages import sections
from storytrace.models import Document, Segment
from tests.diff.helpers import doc, link, span


def changes_of(
    src: str,
    tgt: str,
    pairs: list[tuple[str, str]],
    *,
    source: Document | None = None,
    tgt_lang: str = "en",
    **extra: Any,
) -> list[dict[str, Any]]:
    """The changes of a link "a" (``src``, English) -> "b" (``tgt``) aligning ``pairs``;
    ``extra`` goes to :func:`link`, ``source`` replaces the plain source document."""
    lk = link(src, tgt, pairs, **extra)
    return link_changes(lk, source or doc("a", src), doc("b", tgt, tgt_lang))


SRC = (
    "The flood forced 4,500 residents from their homes on Tuesday. "
    "The mayor said repairs would take months. "
    "Officials in Havnvik expect the harbour to reopen in June."
)
TGT = (
    "Die Flut vertrieb am Dienstag 450 Einwohner aus ihren Häusern. "
    "Der Bürgermeister sagte, die Reparaturen würden Monate dauern. "
    "Beamte in Havnvik erwarten, dass der Hafen im Juni wieder öffnet."
)


def test_a_changed_number_across_languages_is_reported_with_document_spans() -> None:
    pairs = list(zip(sentences(SRC), sentences(TGT), strict=True))
    changes = changes_of(SRC, TGT, pairs, tgt_lang="de")
    numbers = [c for c in changes if c["kind"] == "number"]
    assert len(numbers) == 1, changes
    c = numbers[0]
    assert SRC[c["source"][0] : c["source"][1]] == c["source_text"] == "4,500"
    assert TGT[c["target"][0] : c["target"][1]] == c["target_text"] == "450"
    assert c["severity"] == "major"  # a factor of ten


def sentences(text: str) -> list[str]:
    return [x if x.endswith(".") else x + "." for x in text.split(". ")]


def test_the_same_facts_in_another_language_report_no_number_or_date() -> None:
    tgt = TGT.replace("450", "4.500")
    pairs = list(zip(sentences(SRC), sentences(tgt), strict=True))
    changes = changes_of(SRC, tgt, pairs, tgt_lang="de")
    assert not [c for c in changes if c["kind"] in ("number", "date")], changes


def test_a_merge_bead_compares_facts_across_its_sentences() -> None:
    # The source says the number in its second sentence, the target in its only one: a 2:1
    # merge. Compared sentence by sentence it would look dropped; as a bead it is unchanged.
    src = "Storm hits the coast. About 300 homes lost power overnight."
    tgt = "A storm hit the coast and about 300 homes lost power overnight."
    pairs = [("Storm hits the coast.", tgt), ("About 300 homes lost power overnight.", tgt)]
    changes = changes_of(src, tgt, pairs, alignment_score=0.8)
    assert not [c for c in changes if c["kind"] == "number"], changes


def test_attach_changes_fills_every_link_with_known_documents() -> None:
    src, tgt = "Turnout was 61 percent.", "Turnout was 16 percent."
    links: list[dict[str, Any]] = [
        {"source": "a", "target": "b", "alignments": [{"source": [0, 23], "target": [0, 23]}]},
        {"source": "a", "target": "zz", "alignments": [], "changes": []},
    ]
    attach_changes(links, {"a": doc("a", src), "b": doc("b", tgt)})
    assert [c["kind"] for c in links[0]["changes"]] == ["number"]
    assert links[1]["changes"] == []


def test_published_date_reads_iso_prefixes_only() -> None:
    assert str(published_date(doc("a", "x", published="2022-05-21T10:00:00Z"))) == "2022-05-21"
    assert published_date(doc("a", "x", published="21 May 2022")) is None
    assert published_date(doc("a", "x", published="2022-13-40")) is None


@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), max_size=20))
def test_beads_partition_the_pairs(raw: list[tuple[int, int]]) -> None:
    pairs = [((10 * s, 10 * s + 5), (10 * t, 10 * t + 5)) for s, t in raw]
    groups = beads(pairs)
    seen_src = [x for g, _ in groups for x in g]
    seen_tgt = [x for _, g in groups for x in g]
    assert len(seen_src) == len(set(seen_src)) and len(seen_tgt) == len(set(seen_tgt))
    for s, t in pairs:
        assert any(s in a and t in b for a, b in groups)


# --- filters and passages ------------------------------------------------------------------


@pytest.mark.parametrize("n_aligned", [1, 2], ids=["later-sentence-unaligned", "both-aligned"])
def test_a_name_dropped_from_a_sentence_but_named_elsewhere_is_not_reported(
    n_aligned: int,
) -> None:
    src = "The envoy told Reuters the talks had failed. Both sides left the city at dusk."
    tgt = "The envoy said the talks had failed. Both sides left the city at dusk, Reuters wrote."
    pairs = [
        ("The envoy told Reuters the talks had failed.", "The envoy said the talks had failed."),
        ("Both sides left the city at dusk.", "Both sides left the city at dusk, Reuters wrote."),
    ]
    changes = changes_of(src, tgt, pairs[:n_aligned])
    assert not [c for c in changes if c["kind"] == "name"], changes


def test_a_name_the_other_document_never_mentions_is_reported() -> None:
    src = "Officials said soldiers had refused orders."
    tgt = "Officials including Martina Kowalczyk said soldiers had refused orders."
    changes = changes_of(src, tgt, [(src, tgt)])
    assert [c["target_text"] for c in changes if c["kind"] == "name"] == ["Martina Kowalczyk"]


def test_a_number_moved_to_another_sentence_is_not_a_one_sided_change() -> None:
    src = "The dam holds 300 tonnes of water. It was built long ago."
    tgt = "The dam holds water. It was built long ago and holds 300 tonnes."
    pairs = [("The dam holds 300 tonnes of water.", "The dam holds water.")]
    changes = changes_of(src, tgt, pairs)
    assert not [c for c in changes if c["kind"] == "number"], changes


def test_a_vague_relative_date_on_one_side_is_not_reported() -> None:
    src = "The minister resigned, the paper reported."
    tgt = "The minister resigned today, the paper reported."
    changes = changes_of(src, tgt, [(src, tgt)])
    assert not [c for c in changes if c["kind"] == "date"], changes


def test_a_recurring_substitution_is_reported_once_with_its_count() -> None:
    s = ["The pilot landed the plane.", "Later the pilot spoke.", "Then the pilot left."]
    t = ["The driver landed the plane.", "Later the driver spoke.", "Then the driver left."]
    src, tgt = " ".join(s), " ".join(t)
    changes = changes_of(src, tgt, list(zip(s, t, strict=True)))
    drift = [c for c in changes if c["kind"] == "other"]
    assert len(drift) == 1, changes
    assert "recurs 3 times" in drift[0]["note"] and drift[0]["severity"] == "major"
    assert drift[0]["target"] == span(tgt, "driver")


def test_an_interior_passage_added_by_a_translation_is_reported() -> None:
    s = ["The river rose overnight.", "Schools stayed closed on Monday."]
    added = "A local archive shows the river flooded the same street in a wet autumn."
    src = " ".join(s)
    tgt = f"{s[0]}\n{added}\n{s[1]}"
    changes = changes_of(
        src, tgt, list(zip(s, s, strict=True)), relation="translation", tree=True,
        added=[added], dropped=[],
    )  # fmt: skip
    (c,) = [c for c in changes if c["note"].startswith("passage added")]
    assert c["kind"] == "other" and c["target_text"] == added
    assert c["source_text"] == s[0]  # anchored on the aligned sentence before it


def test_a_passage_past_the_end_of_a_truncated_source_is_not_reported() -> None:
    s = ["The river rose overnight.", "Schools stayed closed on Monday."]
    tail = "Officials expect the water to fall slowly over the coming week."
    src = " ".join(s)
    tgt = f"{s[0]}\n{s[1]}\n{tail}"
    changes = changes_of(
        src, tgt, list(zip(s, s, strict=True)), relation="translation", tree=True,
        added=[tail], dropped=[],
    )  # fmt: skip
    assert changes == []


@pytest.mark.parametrize(("relation", "expected"), [("rewrite", 0), ("translation", 1)])
def test_a_rewrite_may_abridge_but_a_translation_may_not(relation: str, expected: int) -> None:
    s = ["The river rose overnight.", "Schools stayed closed on Monday."]
    cut = "Nobody can say yet how long the clean-up will take."
    src = f"{s[0]}\n{cut}\n{s[1]}"
    tgt = " ".join(s)
    changes = changes_of(
        src, tgt, list(zip(s, s, strict=True)), relation=relation, tree=True,
        added=[], dropped=[cut],
    )  # fmt: skip
    notes = [c["note"] for c in changes]
    assert len([n for n in notes if n.startswith("passage dropped")]) == expected, notes


def test_a_short_subhead_or_a_split_sentence_is_not_a_passage() -> None:
    s = ["Some 1,200 people left the valley and 300 stayed behind.", "Roads reopened on Friday."]
    split = "300 people stayed behind in the valley."
    src = " ".join(s)
    tgt = f"Some 1,200 people left the valley.\n{split}\nA new plan\n{s[1]}"
    pairs = [(s[0], "Some 1,200 people left the valley."), (s[1], s[1])]
    changes = changes_of(
        src, tgt, pairs, relation="translation", tree=True,
        added=[f"{split}\nA new plan"], dropped=[],
    )  # fmt: skip
    assert not [c for c in changes if c["note"].startswith("passage")], changes


SECTION = [
    "A long history of floods shaped the valley and its farms over two centuries.",
    "The first stone dyke went up after the great flood of a wet spring.",
    "Farmers later dug drainage ditches across the lower meadows by hand.",
    "The railway embankment built after that changed how the water runs off.",
]


@pytest.mark.parametrize("teaser_at", [1, 2, 3])
def test_an_added_section_cut_by_boilerplate_is_still_one_section(teaser_at: int) -> None:
    # the link's added runs stop at a teaser line between two of the section's paragraphs;
    # four paragraphs are a section of the rewrite's own, not four added passages
    s = ["The river rose overnight.", "Schools stayed closed on Monday."]
    teaser = "READ ALSO: Ten tips for a dry basement this winter season at home"
    body = [*SECTION[:teaser_at], teaser, *SECTION[teaser_at:]]
    tgt = "\n".join([s[0], *body, s[1]])
    changes = changes_of(
        " ".join(s), tgt, list(zip(s, s, strict=True)), relation="translation", tree=True,
        added=["\n".join(SECTION[:teaser_at]), "\n".join(SECTION[teaser_at:])], dropped=[],
    )  # fmt: skip
    assert not [c for c in changes if c["note"].startswith("passage")], changes


def test_boilerplate_between_added_runs_is_never_a_passage() -> None:
    s = ["The river rose overnight.", "Schools stayed closed on Monday."]
    added = "A local archive shows the river flooded the same street in a wet autumn."
    teaser = "READ ALSO: Ten tips for a dry basement this winter season at home"
    tgt = f"{s[0]}\n{added}\n{teaser}\n{SECTION[0]}\n{s[1]}"
    changes = changes_of(
        " ".join(s), tgt, list(zip(s, s, strict=True)), relation="translation", tree=True,
        added=[added, SECTION[0]], dropped=[],
    )  # fmt: skip
    found = [c["target_text"] for c in changes if c["note"].startswith("passage added")]
    assert found == [added, SECTION[0]]


def test_sections_join_runs_that_no_aligned_sentence_separates() -> None:
    runs = [(10, 20), (25, 40), (60, 70), (90, 95)]
    aligned = [(0, 9), (45, 58), (75, 88)]
    assert sections(runs, aligned) == [(10, 40), (60, 70), (90, 95)]
    assert sections(reversed(runs), []) == [(10, 95)]
    assert sections([], aligned) == []


def test_a_name_respelled_in_a_sentence_the_source_does_not_align_is_reported() -> None:
    src = "The convoy left for Kharkiv at dawn. Troops waited for hours near Lviv."
    tgt = "The convoy set off at dawn. First the unit drove towards Charkiv."
    changes = changes_of(
        src, tgt, [("The convoy left for Kharkiv at dawn.", "The convoy set off at dawn.")],
        added=["First the unit drove towards Charkiv."],
    )  # fmt: skip
    names = [c for c in changes if c["kind"] == "name"]
    assert [(c["source_text"], c["target_text"]) for c in names] == [("Kharkiv", "Charkiv")]


def test_a_longer_or_inflected_name_in_an_added_sentence_is_not_a_respelling() -> None:
    src = "Putin spoke to Russian media on Friday about the talks."
    tgt = "Putin spoke on Friday about the talks. Vladimir Putin thanked the Russians."
    changes = changes_of(
        src, tgt, [(src, "Putin spoke on Friday about the talks.")],
        added=["Vladimir Putin thanked the Russians."],
    )  # fmt: skip
    assert not [c for c in changes if c["kind"] == "name"], changes


@pytest.mark.parametrize(("relation", "expected"), [("translation", 1), ("rewrite", 0)])
def test_a_translation_that_swaps_the_opening_reports_one_opening_change(
    relation: str, expected: int
) -> None:
    lede = "It took weeks of sleeping on crates for the officer to decide to quit."
    headline = "Exclusive: officer reveals why he risked everything to stop the war"
    body = ["He went to his commander.", "He resigned on the spot."]
    src = f"{lede}\n{body[0]} {body[1]}"
    tgt = f"{headline}\n{body[0]} {body[1]}"
    changes = changes_of(
        src, tgt, list(zip(body, body, strict=True)), relation=relation, tree=True,
        added=[headline], dropped=[lede],
    )  # fmt: skip
    found = [c for c in changes if c["note"].startswith("opening replaced")]
    assert len(found) == expected, found
    if found:
        assert (found[0]["source_text"], found[0]["target_text"]) == (lede, headline)


def test_an_opening_only_one_version_has_is_not_a_replacement() -> None:
    headline = "Exclusive: officer reveals why he risked everything to stop the war"
    body = ["He went to his commander.", "He resigned on the spot."]
    src = " ".join(body)
    tgt = f"{headline}\n{src}"
    changes = changes_of(
        src, tgt, list(zip(body, body, strict=True)), relation="translation", tree=True,
        added=[headline], dropped=[],
    )  # fmt: skip
    assert changes == []


def test_another_story_on_a_mashup_page_does_not_vouch_for_a_fact() -> None:
    story = "The officer resigned, CNN reported."
    other = "Russian forces on Saturday destroyed a bridge."
    src = f"{story}\n{other}"
    tgt = "The officer resigned on Saturday, CNN reported."
    segments = [
        Segment(0, len(story), "story", story="S1"),
        Segment(len(story) + 1, len(src), "story", story="S2"),
    ]
    source = doc("a", src, segments=segments)
    dates = [c for c in changes_of(src, tgt, [(story, tgt)], source=source) if c["kind"] == "date"]
    assert [c["target_text"] for c in dates] == ["Saturday"]
    # without story segments the whole page counts, as before
    assert not [c for c in changes_of(src, tgt, [(story, tgt)]) if c["kind"] == "date"]


def test_format_notes_of_one_paragraph_and_swaps_of_one_pair_are_told_once() -> None:
    s = ["Today is March 1.", "Tomorrow it will be March 2, he thought."]
    t = ["Today is the 1. March.", "Tomorrow it will be the 2. March, he thought."]
    src, tgt = " ".join(s), " ".join(t)
    changes = changes_of(src, tgt, list(zip(s, t, strict=True)))
    formats = [c for c in changes if c["note"].startswith("format only")]
    assert len(formats) == 1 and "2 in this paragraph" in formats[0]["note"], changes

    src = "He was transferred closer to the rear with the trucks."
    tgt = "He was deployed closer to the stern with the trucks."
    (c,) = changes_of(src, tgt, [(src, tgt)])
    assert c["note"] == "meaning drift: 'transferred' -> 'deployed'; 'rear' -> 'stern'"
    assert c["source_text"] == "transferred closer to the rear"


@pytest.mark.parametrize(("relation", "expected"), [("rewrite", 0), ("translation", 1)])
def test_a_rewrite_may_retell_a_quotation_but_a_translation_may_not_drop_it(
    relation: str, expected: int
) -> None:
    src = "“Nobody was seriously hurt, and that is what matters most,” the mayor said."
    tgt = "Ingen ble alvorlig skadet, og det var det viktigste, sa ordføreren."
    changes = changes_of(
        src, tgt, [(src, tgt)], tgt_lang="nb", relation=relation, tree=True, added=[], dropped=[]
    )
    notes = [c["note"] for c in changes]
    retold = [n for n in notes if n.startswith("quotation removed")]
    assert len(retold) == expected, notes
