"""Origin and link scoring, on the synthetic pile of test_stories plus derivation links."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storytrace.eval.links import as_span, iter_links, score_links
from storytrace.eval.report import perfect_report
from storytrace.eval.truth import Truth, load_truth, parse_truth

from .test_stories import DOCS, make_truth

LINKS = {
    "S1": [("a_en", "b_de", "translation"), ("a_en", "c_fr", "rewrite"),
           ("a_en", "m_mash", "mashup")],
    "S2": [("e_wire", "m_mash", "mashup")],
}  # fmt: skip


def linked_truth() -> Truth:
    base = make_truth()
    data: dict[str, Any] = {
        "documents": {d.id: {"segments": []} for d in base.documents},
        "stories": [
            {"id": s.id, "documents": list(s.documents), "origin": s.origin,
             "links": [{"source": a, "target": b, "relation": r}
                       for a, b, r in LINKS.get(s.id, [])]}
            for s in base.stories
        ],
    }  # fmt: skip
    # Keep the segments (the origin metric maps stories by segment overlap).
    truth = parse_truth(data, texts={k: "\n".join(v[0]) for k, v in DOCS.items()})
    return Truth(truth.schema, base.documents, truth.stories)


def find_link(report: dict[str, Any], source: str, target: str) -> dict[str, Any]:
    for story in report["stories"]:
        for ln in story["links"]:
            if (ln["source"], ln["target"]) == (source, target):
                return ln  # type: ignore[no-any-return]
    raise KeyError((source, target))


def test_perfect_report_scores_one() -> None:
    score = score_links(linked_truth(), perfect_report(linked_truth()))
    assert score.links_total == 4 and score.origins_total == 2  # S3 has one document
    assert score.origin_accuracy == 1.0
    assert (score.found_rate, score.relation_accuracy, score.direction_accuracy) == (1, 1, 1)
    assert score.precision == 1.0
    assert score.confusion == {("translation", "translation"): 1, ("rewrite", "rewrite"): 1,
                               ("mashup", "mashup"): 2}  # fmt: skip


def test_no_stories_scores_zero() -> None:
    report = perfect_report(linked_truth())
    report["stories"] = []
    score = score_links(linked_truth(), report)
    assert score.origin_accuracy == 0.0
    assert (score.found_rate, score.relation_accuracy, score.direction_accuracy) == (0, 0, 0)
    assert score.precision == 0.0
    assert score.confusion[("mashup", "-")] == 2


def test_reversed_link_is_found_but_loses_direction() -> None:
    report = perfect_report(linked_truth())
    ln = find_link(report, "a_en", "b_de")
    ln["source"], ln["target"] = "b_de", "a_en"
    score = score_links(linked_truth(), report)
    assert score.found_rate == 1.0 and score.relation_accuracy == 1.0
    assert score.direction_accuracy == pytest.approx(3 / 4)
    assert score.precision == 1.0  # the pair is still a true link


def test_wrong_relation_and_wrong_origin() -> None:
    report = perfect_report(linked_truth())
    find_link(report, "a_en", "c_fr")["relation"] = "paraphrase"
    report["stories"][1]["origin"] = "m_mash"  # S2's origin is e_wire
    score = score_links(linked_truth(), report)
    assert score.relation_accuracy == pytest.approx(3 / 4)
    assert score.direction_accuracy == 1.0
    assert score.confusion[("rewrite", "paraphrase")] == 1
    assert score.origin_accuracy == pytest.approx(1 / 2)


def test_spurious_tree_link_costs_precision_but_collation_does_not() -> None:
    report = perfect_report(linked_truth())
    links = report["stories"][0]["links"]
    links.append({"source": "b_de", "target": "c_fr", "relation": "rewrite", "tree": False})
    assert score_links(linked_truth(), report).precision == 1.0
    links.append({"source": "b_de", "target": "m_mash", "relation": "copy", "tree": True})
    score = score_links(linked_truth(), report)
    assert score.precision == pytest.approx(4 / 5)
    assert score.found_rate == 1.0


def test_tree_link_wins_over_a_collation_between_the_same_documents() -> None:
    report = perfect_report(linked_truth())
    # a collation in the wrong direction with the wrong relation, listed first
    report["stories"][0]["links"].insert(
        0, {"source": "b_de", "target": "a_en", "relation": "copy", "tree": False, "score": 1.0}
    )
    score = score_links(linked_truth(), report)
    assert (score.relation_accuracy, score.direction_accuracy) == (1.0, 1.0)


def test_origin_follows_the_story_mapping_not_the_id() -> None:
    report = perfect_report(linked_truth())
    report["stories"][0]["id"] = "P1"
    for doc in report["documents"]:
        for seg in doc["segments"]:
            if seg.get("story") == "S1":
                seg["story"] = "P1"
    assert score_links(linked_truth(), report).origin_accuracy == 1.0  # P1 is mapped to S1
    unmapped = {"S1": None, "S2": "S2", "S3": "S3"}
    assert score_links(linked_truth(), report, unmapped).origin_accuracy == pytest.approx(1 / 2)


def test_tolerant_readers() -> None:
    report: dict[str, Any] = {
        "stories": [
            {"id": "S", "links": [{"source": "a", "target": "b", "score": "high"},
                                  {"source": "a"}, "junk"]},
            {"id": "T", "links": "junk"},
        ]
    }  # fmt: skip
    (ln,) = list(iter_links(report))
    assert (ln.source, ln.target, ln.relation, ln.tree, ln.score) == ("a", "b", "", True, 0.0)
    assert as_span([3, 9]) == (3, 9)
    assert as_span([9, 3]) is None and as_span("x") is None and as_span([1, "b"]) is None
    assert as_span([-1, 4]) is None and as_span(None) is None


@pytest.mark.seeds
def test_seeds_perfect(seeds_dir: Path) -> None:
    truth = load_truth(seeds_dir / "truth.json")
    score = score_links(truth, perfect_report(truth))
    assert score.links_total == 4 and score.origins_total == 1
    assert (score.origin_accuracy, score.found_rate, score.relation_accuracy) == (1, 1, 1)
    assert (score.direction_accuracy, score.precision) == (1.0, 1.0)
