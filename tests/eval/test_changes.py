"""Fact-change scoring: per kind, kind-agnostic, major and fact-kind recall."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from storytrace.eval.changes import KINDS, fold_kind, score_changes
from storytrace.eval.report import perfect_report
from storytrace.eval.truth import Truth, load_truth, locate_text, parse_truth

SRC = (
    "About 22,000 soldiers have died since 24 February, Ukraine says. "
    "Mayor Anna Berg opened the bridge. She said: “We did it.” The plan was approved."
)
TGT = (
    "About 22 soldiers have died since 26 February, Ukraine says. "
    "Mayor Anne Berg opened the bridge. She said: “We finally did it.” The plan was not approved."
)
CHANGES = [
    ("number", "major", "22,000", "22"),
    ("date", "minor", "24 February", "26 February"),
    ("name", "minor", "Anna Berg", "Anne Berg"),
    ("quote", "minor", "“We did it.”", "“We finally did it.”"),
    ("polarity", "major", "The plan was approved.", "The plan was not approved."),
]


def make_truth(changes: list[tuple[str, str, str, str]] = CHANGES) -> Truth:
    data = {
        "documents": {"src": {"segments": []}, "tgt": {"segments": []}, "oth": {"segments": []}},
        "stories": [{"id": "S1", "documents": ["src", "tgt", "oth"], "origin": "src",
                     "links": [{"source": "src", "target": "tgt", "relation": "rewrite"}]}],
        "changes": [{"source": "src", "target": "tgt", "kind": k, "severity": sev,
                     "source_text": s, "target_text": t} for k, sev, s, t in changes],
    }  # fmt: skip
    return parse_truth(data, texts={"src": SRC, "tgt": TGT, "oth": SRC})


def changes_of(report: dict[str, Any]) -> list[dict[str, Any]]:
    return report["stories"][0]["links"][0]["changes"]  # type: ignore[no-any-return]


def span(text: str, quote: str) -> list[int]:
    return list(locate_text(text, quote)[0])


def test_perfect_report_scores_one() -> None:
    score = score_changes(make_truth(), perfect_report(make_truth()))
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    for kind in KINDS:
        assert (score.kind(kind).precision, score.kind(kind).recall) == (1.0, 1.0)
    assert score.major.recall == 1.0 and score.major.truth == 2
    assert score.facts.recall == 1.0 and score.facts.truth == 3


def test_no_changes_score_zero() -> None:
    report = perfect_report(make_truth())
    changes_of(report).clear()
    score = score_changes(make_truth(), report)
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)
    assert score.kind("number").recall == 0.0 and score.kind("number").precision == 0.0
    assert score.major.recall == 0.0 and score.facts.recall == 0.0
    assert score.kind("other").recall == 1.0  # no truth "other" change: nothing to miss
    assert score_changes(make_truth(), {}).counts.fn == 5


def test_wrong_kind_is_found_but_loses_the_kind() -> None:
    report = perfect_report(make_truth())
    changes_of(report)[1]["kind"] = "number"  # the date change reported as a number change
    score = score_changes(make_truth(), report)
    assert score.recall == 1.0 and score.precision == 1.0
    assert score.kind("date").recall == 0.0
    assert (score.kind("number").tp, score.kind("number").fp) == (1, 1)
    assert score.facts.recall == pytest.approx(2 / 3)
    assert score.major.recall == 1.0


def test_short_spans_inside_the_truth_texts_match() -> None:
    # A tracer marks just the differing token, on the target side only.
    report = perfect_report(make_truth())
    changes_of(report)[4] = {"kind": "negation", "target": span(TGT, "not")}
    changes_of(report)[0] = {"kind": "number", "source": span(SRC, "22,000"),
                             "target": span(TGT, "22 ")}  # fmt: skip
    score = score_changes(make_truth(), report)
    assert score.f1 == 1.0 and score.kind("polarity").recall == 1.0


def test_reversed_link_swaps_the_spans() -> None:
    report = perfect_report(make_truth())
    ln = report["stories"][0]["links"][0]
    ln["source"], ln["target"] = "tgt", "src"
    for c in ln["changes"]:
        c["source"], c["target"] = c["target"], c["source"]
    assert score_changes(make_truth(), report).f1 == 1.0


def test_misplaced_and_spurious_changes() -> None:
    report = perfect_report(make_truth())
    changes = changes_of(report)
    # the name change placed on the date instead: it matches nothing of its kind
    changes[2]["source"], changes[2]["target"] = span(SRC, "Ukraine"), span(TGT, "Ukraine")
    # an extra change in the same pair of documents costs precision
    changes.append({"kind": "other", "source": span(SRC, "Mayor"), "target": span(TGT, "Mayor")})
    # one between documents without truth changes does not
    report["stories"][0]["links"].append(
        {"source": "src", "target": "oth", "changes": [{"kind": "name", "source": [0, 5],
                                                         "target": [0, 5]}]}
    )  # fmt: skip
    score = score_changes(make_truth(), report)
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (4, 2, 1)
    assert score.kind("name").recall == 0.0 and score.kind("name").predicted == 1
    assert score.kind("other").precision == 0.0
    assert score.facts.recall == pytest.approx(2 / 3)


def test_one_predicted_change_matches_one_truth_change() -> None:
    # Two truth changes anchored on the same sentence need two predictions.
    doubled = [*CHANGES, ("other", "minor", "The plan was approved.", "The plan was not approved.")]
    report = perfect_report(make_truth())
    score = score_changes(make_truth(doubled), report)
    assert (score.counts.tp, score.counts.fn) == (5, 1)
    assert score.kind("polarity").recall == 1.0 and score.kind("other").recall == 0.0


def test_duplicate_predictions_count_once_and_malformed_ones_are_skipped() -> None:
    report = perfect_report(make_truth())
    changes = changes_of(report)
    changes.append(copy.deepcopy(changes[0]))
    junk: list[Any] = ["junk", {"kind": "number"}, {"kind": "date", "source": "x"}]
    changes.extend(junk)
    score = score_changes(make_truth(), report)
    assert (score.counts.tp, score.counts.fp) == (5, 0)


def test_fold_kind() -> None:
    assert fold_kind("Negation") == "polarity" and fold_kind("polarity") == "polarity"
    assert fold_kind("spin") == "other" and fold_kind(None) == "other"


@pytest.mark.seeds
def test_seeds_perfect_and_kindless(seeds_dir: Path) -> None:
    truth = load_truth(seeds_dir / "truth.json")
    perfect = perfect_report(truth)
    score = score_changes(truth, perfect)
    assert score.counts.truth == 91 and score.unlocated == 0
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert score.major.recall == 1.0 and score.facts.recall == 1.0
    # Every change reported as "other": still found, but the fact kinds are all lost.
    other = copy.deepcopy(perfect)
    for story in other["stories"]:
        for ln in story["links"]:
            for c in ln["changes"]:
                c["kind"] = "other"
    score = score_changes(truth, other)
    assert score.recall == 1.0 and score.major.recall == 1.0
    assert score.facts.recall == 0.0 and score.kind("number").recall == 0.0
