"""The boilerplate scorer and the truth loader, on small synthetic documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storytrace.eval.boilerplate import Counts, score_boilerplate
from storytrace.eval.truth import Truth, load_truth, parse_truth

# id -> (lines, [(first, last, kind, reason-or-story)]); line numbers are 1-based.
DOCS: dict[str, tuple[list[str], list[tuple[int, int, str, str]]]] = {
    "a_en": (
        [
            "Photo: Example Agency",
            "",
            "The council voted on Tuesday to build a new bridge across the harbour.",
            "Construction will start next spring, the mayor said.",
            "",
            "Read also:",
            "Storm closes two schools",
            "Bakery wins award",
            "© 2024 Example Media",
        ],
        [
            (1, 1, "boilerplate", "image-caption"),
            (3, 4, "story", "S1"),
            (6, 8, "boilerplate", "related-links"),
            (9, 9, "boilerplate", "footer"),
        ],
    ),
    "b_de": (
        [
            "Die Stadt hat eine neue Brücke über den Hafen beschlossen.",
            "Anzeige",
            "Der Bau beginnt im nächsten Frühjahr.",
        ],
        [(1, 1, "story", "S1"), (2, 2, "boilerplate", "ad"), (3, 3, "story", "S1")],
    ),
    "c_clean": (
        ["A short clean article.", "With two lines of prose."],
        [(1, 2, "story", "S1")],
    ),
}


def nonblank(s: str) -> int:
    return sum(1 for ch in s if not ch.isspace())


def truth_data(
    docs: dict[str, tuple[list[str], list[tuple[int, int, str, str]]]],
) -> dict[str, Any]:
    documents = {}
    for doc_id, (lines, segs) in docs.items():
        documents[doc_id] = {
            "lang": "de" if doc_id.endswith("_de") else "en",
            "segments": [
                {
                    "first_line": lines[a - 1][:60],
                    "last_line": lines[b - 1][:60],
                    "lines": [a, b],
                    "kind": kind,
                    ("reason" if kind == "boilerplate" else "story"): label,
                }
                for a, b, kind, label in segs
            ],
        }
    return {"schema": "storytrace.seed-truth/1", "documents": documents}


def make_truth(docs: dict[str, tuple[list[str], list[tuple[int, int, str, str]]]] = DOCS) -> Truth:
    texts = {doc_id: "\n".join(lines) for doc_id, (lines, _) in docs.items()}
    return parse_truth(truth_data(docs), texts=texts)


def line_span(lines: list[str], a: int, b: int) -> tuple[int, int]:
    start = sum(len(x) + 1 for x in lines[: a - 1])
    return start, start + sum(len(x) + 1 for x in lines[a - 1 : b]) - 1


def report_doc(doc_id: str, lines: list[str], boiler: list[tuple[int, int, str]]) -> dict[str, Any]:
    """A report document whose boilerplate segments are the given line ranges."""
    segs = []
    for a, b, reason in boiler:
        start, end = line_span(lines, a, b)
        segs.append({"start": start, "end": end, "kind": "boilerplate", "reason": reason})
    return {"id": doc_id, "text": "\n".join(lines), "segments": segs}


def perfect_report(
    docs: dict[str, tuple[list[str], list[tuple[int, int, str, str]]]] = DOCS,
) -> dict[str, Any]:
    return {
        "documents": [
            report_doc(doc_id, lines, [(a, b, lab) for a, b, k, lab in segs if k == "boilerplate"])
            for doc_id, (lines, segs) in docs.items()
        ]
    }


def truth_chars(doc_id: str) -> int:
    lines, segs = DOCS[doc_id]
    return sum(
        nonblank(x) for a, b, kind, _ in segs if kind == "boilerplate" for x in lines[a - 1 : b]
    )


def test_perfect_report_scores_one() -> None:
    score = score_boilerplate(make_truth(), perfect_report())
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert score.counts == Counts(tp=sum(map(truth_chars, DOCS)), fp=0, fn=0)
    assert not score.unmatched and not score.missing_documents
    assert {r.reason for r in score.recall_by_reason.values()} == {
        "image-caption",
        "related-links",
        "footer",
        "ad",
    }
    assert all(r.recall == 1.0 for r in score.recall_by_reason.values())
    assert score.false_positives_by_reason == {}
    assert "a_en" in score.format()


def test_empty_segments_score_recall_zero() -> None:
    report = perfect_report()
    for d in report["documents"]:
        d["segments"] = []
    score = score_boilerplate(make_truth(), report)
    assert score.recall == 0.0
    assert score.precision == 0.0  # nothing predicted while the truth has boilerplate
    assert score.counts.fn == sum(map(truth_chars, DOCS))


def test_one_missed_line_loses_exactly_its_characters() -> None:
    report = perfect_report()
    lines = DOCS["a_en"][0]
    # Predict lines 6-7 as related links but leave "Bakery wins award" (line 8) as prose.
    report["documents"][0] = report_doc(
        "a_en", lines, [(1, 1, "image-caption"), (6, 7, "related-links"), (9, 9, "footer")]
    )
    score = score_boilerplate(make_truth(), report)
    missed = nonblank(lines[7])
    assert score.counts.fn == missed
    assert score.counts.fp == 0
    assert score.precision == 1.0
    related = score.recall_by_reason["related-links"]
    assert related.truth_chars - related.found_chars == missed
    assert score.document("a_en").counts.fn == missed


def test_false_positive_is_counted_under_its_predicted_reason() -> None:
    report = perfect_report()
    lines = DOCS["b_de"][0]
    report["documents"][1] = report_doc("b_de", lines, [(2, 3, "ad")])
    score = score_boilerplate(make_truth(), report)
    assert score.false_positives_by_reason == {"ad": nonblank(lines[2])}
    assert score.recall == 1.0 and score.precision < 1.0


def test_repaired_character_still_matches() -> None:
    # The input has mojibake in the caption's first 60 characters; the report's cleaned text
    # has it repaired, so the annotated prefix no longer matches exactly.
    docs = dict(DOCS)
    lines, segs = DOCS["a_en"]
    docs["a_en"] = (["Photo: Ã…sa Example/Agency", *lines[1:]], segs)
    truth = make_truth(docs)
    report = perfect_report()  # built on the repaired text ("Photo: Example Agency")
    report["documents"][0] = report_doc(
        "a_en",
        ["Photo: Åsa Example/Agency", *lines[1:]],
        [(1, 1, "image-caption"), (6, 8, "related-links"), (9, 9, "footer")],
    )
    score = score_boilerplate(truth, report)
    assert not score.unmatched
    assert (score.precision, score.recall) == (1.0, 1.0)


def test_shifted_lines_are_found_by_their_prefix() -> None:
    lines, _ = DOCS["a_en"]
    shifted = ["Breaking news", "", *lines]  # the cleaner kept two extra lines at the top
    report = perfect_report()
    report["documents"][0] = report_doc(
        "a_en", shifted, [(3, 3, "image-caption"), (8, 10, "related-links"), (11, 11, "footer")]
    )
    score = score_boilerplate(make_truth(), report)
    assert not score.unmatched
    assert (score.precision, score.recall) == (1.0, 1.0)


def test_unlocatable_segment_is_recorded_not_fatal() -> None:
    docs = dict(DOCS)
    lines, segs = DOCS["c_clean"]
    docs["c_clean"] = (lines, [*segs, (2, 2, "boilerplate", "footer")])
    data = truth_data(docs)
    data["documents"]["c_clean"]["segments"][-1].update(
        first_line="Nothing like this is in the text at all, not even close",
        last_line="Nothing like this is in the text at all, not even close",
        lines=[40, 40],
    )
    truth = parse_truth(data, texts={k: "\n".join(v[0]) for k, v in docs.items()})
    score = score_boilerplate(truth, perfect_report())
    assert [(u.document, u.lines) for u in score.unmatched] == [("c_clean", (40, 40))]
    assert score.document("c_clean").unmatched


def test_missing_document_counts_as_all_missed() -> None:
    report = perfect_report()
    report["documents"] = [d for d in report["documents"] if d["id"] != "b_de"]
    score = score_boilerplate(make_truth(), report)
    assert score.missing_documents == ("b_de",)
    assert score.document("b_de").missing
    assert score.counts.fn == truth_chars("b_de") == nonblank("Anzeige")


def test_precision_conventions_without_truth_boilerplate() -> None:
    docs = {"c_clean": DOCS["c_clean"]}
    score = score_boilerplate(make_truth(docs), perfect_report(docs))
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert Counts(0, 0, 5).precision == 0.0
    assert Counts(0, 3, 0).recall == 1.0 and Counts(0, 3, 0).precision == 0.0
    assert Counts(0, 0, 0).f1 == 1.0


def test_malformed_report_segments_are_ignored() -> None:
    report = perfect_report()
    report["documents"][0]["segments"].append({"kind": "boilerplate", "start": "x"})
    report["documents"][0]["segments"].append("not a segment")
    score = score_boilerplate(make_truth(), report)
    assert score.recall == 1.0


def test_load_truth_reads_inputs_and_tolerates_extra_fields(tmp_path: Path) -> None:
    data = truth_data(DOCS)
    data["documents"]["b_de"]["lang"] = "nb"
    data["documents"]["b_de"]["noise"] = [{"text": "x", "kind": "mt-artifact"}]
    data["documents"]["b_de"]["segments"][0]["extra"] = 1
    data["unknown_top_level"] = {"ignored": True}
    data["stories"] = [
        {
            "id": "S1",
            "title": "Bridge",
            "documents": ["a_en", "b_de"],
            "origin": "a_en",
            "links": [{"source": "a_en", "target": "b_de", "relation": "translation", "x": 2}],
        }
    ]
    data["changes"] = [
        {"source": "a_en", "target": "b_de", "kind": "number", "source_text": "4",
         "target_text": "5", "cause": "editorial", "severity": "minor", "note": "n"}
    ]  # fmt: skip
    data["alignments"] = [{"source": "a_en", "target": "b_de", "pairs": [["A.", "B."]]}]
    (tmp_path / "truth.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "input").mkdir()
    for doc_id, (lines, _) in DOCS.items():
        (tmp_path / "input" / f"{doc_id}.txt").write_text("\n".join(lines), encoding="utf-8")

    truth = load_truth(tmp_path / "truth.json")
    assert [d.id for d in truth.documents] == list(DOCS)
    b = truth.document("b_de")
    assert b.lang == "no"
    assert b.text == "\n".join(DOCS["b_de"][0])
    assert b.segments[1].reason == "ad" and b.segments[1].lines == (2, 2)
    (story,) = truth.stories
    assert story.links[0].relation == "translation" and story.links[0].tree
    assert truth.changes[0].kind == "number"
    assert truth.alignments[0].pairs == (("A.", "B."),)
    with pytest.raises(KeyError):
        truth.document("nope")
