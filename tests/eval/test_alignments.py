"""Sentence-alignment scoring: located truth sentences against predicted offset pairs."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from storytrace.eval.alignments import iou, max_matching, overlap, score_alignments
from storytrace.eval.report import perfect_report
from storytrace.eval.truth import Truth, load_truth, locate_text, parse_truth

SRC = (
    "The council voted on Tuesday. It will build a bridge. "
    "Work starts in spring. The mayor was pleased. “It is a great day,” she said."
)
TGT = (
    "Der Rat stimmte am Dienstag ab. Er baut eine Brücke. Die Arbeit beginnt im Frühling. "
    "Der Bürgermeisterin gefiel es, sie sprach von einem großen Tag."
)
SIDE = "An unrelated document. It is not aligned to anything."
MERGED = "Der Bürgermeisterin gefiel es, sie sprach von einem großen Tag."
PAIRS = [
    ("The council voted on Tuesday.", "Der Rat stimmte am Dienstag ab."),
    ("It will build a bridge.", "Er baut eine Brücke."),
    ("Work starts in spring.", "Die Arbeit beginnt im Frühling."),
    # many-to-one: two source sentences merged into one target sentence; the second is quoted
    # with straight quotes where the text has curly ones (found by the folded search)
    ("The mayor was pleased.", MERGED),
    ('"It is a great day," she said.', MERGED),
]


def make_truth(pairs: list[tuple[str, str]] = PAIRS) -> Truth:
    data = {
        "documents": {"src": {"segments": []}, "tgt": {"segments": []}, "side": {"segments": []}},
        "stories": [{"id": "S1", "documents": ["src", "tgt", "side"], "origin": "src",
                     "links": [{"source": "src", "target": "tgt", "relation": "translation"}]}],
        "alignments": [{"source": "src", "target": "tgt", "pairs": [list(p) for p in pairs]}],
    }  # fmt: skip
    return parse_truth(data, texts={"src": SRC, "tgt": TGT, "side": SIDE})


def the_link(report: dict[str, Any]) -> dict[str, Any]:
    return report["stories"][0]["links"][0]  # type: ignore[no-any-return]


def span(text: str, quote: str) -> list[int]:
    (hit,) = locate_text(text, quote)[:1]
    return list(hit)


def test_perfect_report_scores_one() -> None:
    report = perfect_report(make_truth())
    assert len(the_link(report)["alignments"]) == 5
    score = score_alignments(make_truth(), report)
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert score.unlocated == 0  # the straight-quoted sentence was found by the folded search


def test_no_alignments_score_zero() -> None:
    report = perfect_report(make_truth())
    the_link(report)["alignments"] = []
    score = score_alignments(make_truth(), report)
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)
    assert score_alignments(make_truth(), {}).counts.fn == 5


def test_reversed_link_is_swapped() -> None:
    report = perfect_report(make_truth())
    ln = the_link(report)
    ln["source"], ln["target"] = "tgt", "src"
    for a in ln["alignments"]:
        a["source"], a["target"] = a["target"], a["source"]
    assert score_alignments(make_truth(), report).f1 == 1.0


def test_one_wrong_pair_costs_one_tp() -> None:
    report = perfect_report(make_truth())
    alignments = the_link(report)["alignments"]
    # "Work starts in spring." aligned to "Er baut eine Brücke." instead
    alignments[2]["target"] = span(TGT, "Er baut eine Brücke.")
    score = score_alignments(make_truth(), report)
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (4, 1, 1)


def test_whole_text_alignment_earns_nothing() -> None:
    report = perfect_report(make_truth())
    the_link(report)["alignments"] = [{"source": [0, len(SRC)], "target": [0, len(TGT)]}]
    score = score_alignments(make_truth(), report)
    assert score.counts.tp == 0 and score.precision == 0.0


def test_iou_threshold_on_each_side() -> None:
    s = span(SRC, "It will build a bridge.")
    t = span(TGT, "Er baut eine Brücke.")
    report = perfect_report(make_truth())
    # the target span grown by a third of its length still has IoU 0.75: a match
    grown = [t[0], t[1] + (t[1] - t[0]) // 3]
    the_link(report)["alignments"] = [{"source": s, "target": grown}]
    assert score_alignments(make_truth(), report).counts.tp == 1
    # a span covering two whole sentences has IoU < 0.5 with either
    two = [t[0], span(TGT, "Die Arbeit beginnt im Frühling.")[1]]
    the_link(report)["alignments"] = [{"source": s, "target": two}]
    assert score_alignments(make_truth(), report).counts.tp == 0
    assert score_alignments(make_truth(), report, min_iou=0.3).counts.tp == 1


def test_many_to_one_needs_one_predicted_pair_per_truth_pair() -> None:
    report = perfect_report(make_truth())
    alignments = the_link(report)["alignments"]
    del alignments[4]  # keep only one of the two pairs onto the merged target sentence
    score = score_alignments(make_truth(), report)
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (4, 0, 1)


def test_duplicates_collations_and_other_documents() -> None:
    report = perfect_report(make_truth())
    story = report["stories"][0]
    # the same pairs again through a tree:false collation in the other direction: counted once
    story["links"].append(
        {"source": "tgt", "target": "src", "relation": "translation", "tree": False,
         "alignments": [{"source": a["target"], "target": a["source"]}
                        for a in the_link(report)["alignments"]]}
    )  # fmt: skip
    # alignments between documents the truth has none for are outside precision
    story["links"].append(
        {"source": "src", "target": "side", "alignments": [{"source": [0, 10], "target": [0, 5]}]}
    )
    story["links"].append({"source": "src", "target": "tgt", "alignments": ["junk", {"x": 1}]})
    score = score_alignments(make_truth(), report)
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (5, 0, 0)


def test_collation_only_alignments_count() -> None:
    report = perfect_report(make_truth())
    the_link(report)["tree"] = False
    assert score_alignments(make_truth(), report).f1 == 1.0


def test_unlocatable_truth_sentence_is_a_false_negative() -> None:
    pairs = [*PAIRS, ("This sentence is nowhere.", "Er baut eine Brücke.")]
    report = perfect_report(make_truth())
    score = score_alignments(make_truth(pairs), report)
    assert score.unlocated == 1
    assert (score.counts.tp, score.counts.fn, score.precision) == (5, 1, 1.0)


def test_identical_truth_pairs_count_once() -> None:
    score = score_alignments(make_truth([*PAIRS, PAIRS[0]]), perfect_report(make_truth()))
    assert score.counts.truth == 5 and score.f1 == 1.0


def test_span_helpers() -> None:
    assert overlap((0, 10), (5, 20)) == 5 and overlap((0, 3), (3, 9)) == 0
    assert iou((0, 10), (0, 10)) == 1.0 and iou((0, 10), (5, 15)) == pytest.approx(5 / 15)
    assert iou((2, 2), (2, 2)) == 0.0


def test_max_matching_finds_the_augmenting_path() -> None:
    # Greedy would give left 0 its first choice (0) and leave left 1 with nothing.
    assert max_matching([[0, 1], [0]], 2) == [1, 0]
    assert max_matching([[0], [0], []], 1).count(-1) == 2
    # The last left node takes 0 only by shifting all 2000 others one place: a path far
    # deeper than Python's recursion limit.
    chain = [[i, i + 1] for i in range(2000)] + [[0]]
    assert max_matching(chain, 2001) == [*range(1, 2001), 0]


@pytest.mark.seeds
def test_seeds_perfect_and_shifted(seeds_dir: Path) -> None:
    truth = load_truth(seeds_dir / "truth.json")
    perfect = perfect_report(truth)
    score = score_alignments(truth, perfect)
    assert score.counts.truth == 148 and score.unlocated == 0
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    # Every predicted target shifted onto the next alignment's target: nearly all wrong.
    shifted = copy.deepcopy(perfect)
    for story in shifted["stories"]:
        for ln in story["links"]:
            targets = [a["target"] for a in ln["alignments"]]
            for a, t in zip(ln["alignments"], targets[1:] + targets[:1], strict=True):
                a["target"] = t
    assert score_alignments(truth, shifted).f1 < 0.2
