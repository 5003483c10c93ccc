from __future__ import annotations

from storytrace.ingest.clean import split_into_sentences
from storytrace.link.passages import passages
from storytrace.models import Document, Segment


def make(text: str, segments: list[Segment]) -> Document:
    doc = Document(id="d", source="d", text=text, raw_sha256="x", lang="en", segments=segments)
    doc.sentences = split_into_sentences(text, "en", segments)
    return doc


def test_passages_follow_lines_and_skip_boilerplate() -> None:
    text = (
        "Headline here\n\n"
        "One. Two. Three. Four. Five. Six. Seven.\n\n"
        "Read also: something else\n\n"
        "Last paragraph here."
    )
    bp_start = text.index("Read also")
    bp_end = text.index("Last")
    doc = make(
        text,
        [
            Segment(0, bp_start, "unassigned"),
            Segment(bp_start, bp_end, "boilerplate", "related-links"),
            Segment(bp_end, len(text), "unassigned"),
        ],
    )
    ps = passages(doc)
    texts = [p.text for p in ps]
    assert texts[0] == "Headline here"
    assert "Read also" not in " ".join(texts)
    assert texts[-1] == "Last paragraph here."
    # seven sentences are cut into near-equal windows of about three
    middle = texts[1:-1]
    assert len(middle) == 3
    assert " ".join(middle) == "One. Two. Three. Four. Five. Six. Seven."
    assert [p.idx for p in ps] == list(range(len(ps)))
    assert all(text[p.start : p.end] == p.text for p in ps)
    assert ps[0].short
