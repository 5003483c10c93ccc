"""Fact changes of a whole link: beads of aligned sentences compared as units."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storytrace.diff.links import attach_changes, beads, link_changes, published_date
from storytrace.models import Document


def doc(id_: str, text: str, lang: str = "en", published: str | None = None) -> Document:
    return Document(
        id=id_, source=id_, text=text, raw_sha256="0" * 64, lang=lang, published=published
    )


def spans(text: str, *sentences: str) -> list[list[int]]:
    out = []
    for s in sentences:
        i = text.index(s)
        out.append([i, i + len(s)])
    return out


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


def aligned(src: str, tgt: str, pairs: list[tuple[str, str]]) -> dict[str, object]:
    return {
        "source": "a",
        "target": "b",
        "alignments": [
            {"source": spans(src, s)[0], "target": spans(tgt, t)[0], "score": 0.9} for s, t in pairs
        ],
    }


def test_a_changed_number_across_languages_is_reported_with_document_spans() -> None:
    a, b = doc("a", SRC), doc("b", TGT, "de")
    link = aligned(SRC, TGT, list(zip(sentences(SRC), sentences(TGT), strict=True)))
    changes = link_changes(link, a, b)
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
    a, b = doc("a", SRC), doc("b", tgt, "de")
    pairs = list(zip(sentences(SRC), sentences(tgt), strict=True))
    changes = link_changes(aligned(SRC, tgt, pairs), a, b)
    assert not [c for c in changes if c["kind"] in ("number", "date")], changes


def test_a_merge_bead_compares_facts_across_its_sentences() -> None:
    # The source says the number in its second sentence, the target in its only one: a 2:1
    # merge. Compared sentence by sentence it would look dropped; as a bead it is unchanged.
    src = "Storm hits the coast. About 300 homes lost power overnight."
    tgt = "A storm hit the coast and about 300 homes lost power overnight."
    link = {
        "source": "a",
        "target": "b",
        "alignments": [
            {"source": [0, 21], "target": [0, len(tgt)], "score": 0.8},
            {"source": [22, len(src)], "target": [0, len(tgt)], "score": 0.8},
        ],
    }
    changes = link_changes(link, doc("a", src), doc("b", tgt))
    assert not [c for c in changes if c["kind"] == "number"], changes


def test_attach_changes_fills_every_link_with_known_documents() -> None:
    src, tgt = "Turnout was 61 percent.", "Turnout was 16 percent."
    links = [
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
