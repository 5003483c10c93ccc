"""The combined scorer: stable metric names, the perfect ceiling, partial and broken reports."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from storytrace.eval import EvalScore, load_truth, perfect_report, score_report
from storytrace.eval.changes import KINDS
from storytrace.eval.truth import Truth

#: The names the quality gate pins floors against: changing one is a breaking change.
NAMES = [
    "stories.pairwise_precision", "stories.pairwise_recall", "stories.pairwise_f1",
    "stories.ari", "segments.story_accuracy",
    "boilerplate.precision", "boilerplate.recall", "boilerplate.f1",
    "origin.accuracy",
    "links.found", "links.relation_accuracy", "links.direction_accuracy", "links.precision",
    "alignments.precision", "alignments.recall", "alignments.f1",
    "changes.precision", "changes.recall", "changes.f1",
    "changes.precision.number", "changes.recall.number",
    "changes.precision.date", "changes.recall.date",
    "changes.precision.name", "changes.recall.name",
    "changes.precision.quote", "changes.recall.quote",
    "changes.precision.polarity", "changes.recall.polarity",
    "changes.precision.other", "changes.recall.other",
    "changes.recall.major", "changes.recall.facts",
]  # fmt: skip

#: Metrics that a report without stories (today's ingest-only trace) must score 0 on.
STORY_DEPENDENT = [n for n in NAMES if not n.startswith("boilerplate.")]


@pytest.fixture(scope="module")
def examples_truth(examples_dir: Path) -> Truth:
    return load_truth(examples_dir / "truth.json")


def test_metric_names_are_stable(examples_truth: Truth) -> None:
    assert list(score_report(examples_truth, {}).to_dict()) == NAMES


def test_perfect_report_scores_one_everywhere(examples_truth: Truth) -> None:
    scores = score_report(examples_truth, perfect_report(examples_truth)).to_dict()
    assert scores == dict.fromkeys(NAMES, 1.0)


def test_perfect_report_segments_follow_the_schema(examples_truth: Truth) -> None:
    for doc in perfect_report(examples_truth)["documents"]:
        pos = 0
        for seg in doc["segments"]:
            assert seg["start"] == pos < seg["end"]
            pos = seg["end"]
        assert pos == len(doc["text"])


def ingest_only(report: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(report)
    out["stories"] = []
    for doc in out["documents"]:
        for seg in doc["segments"]:
            if seg["kind"] == "story":
                seg["kind"] = "unassigned"
                del seg["story"]
    return out


def test_report_without_stories_scores_zero_on_story_metrics(examples_truth: Truth) -> None:
    scores = score_report(examples_truth, ingest_only(perfect_report(examples_truth))).to_dict()
    assert {n: scores[n] for n in STORY_DEPENDENT} == dict.fromkeys(STORY_DEPENDENT, 0.0)
    assert scores["boilerplate.f1"] == 1.0


@pytest.mark.parametrize(
    "report",
    [
        {},
        {"documents": "x", "stories": 5},
        {"documents": [None, {"id": "101_harbour_en", "text": None}], "stories": [None]},
        {"stories": [{"id": "S", "documents": "abc", "origin": 3, "links": [
            {"source": "101_harbour_en", "target": "102_harbour_de", "alignments": 7,
             "changes": [{"kind": 1, "source": [1, 2, 3], "target": "x"}]}]}]},
    ],
)  # fmt: skip
def test_broken_reports_never_crash(examples_truth: Truth, report: dict[str, Any]) -> None:
    score = score_report(examples_truth, report)
    values = score.to_dict()
    assert list(values) == NAMES
    assert all(-1.0 <= v <= 1.0 for v in values.values())
    assert values["stories.pairwise_f1"] == 0.0 and values["alignments.f1"] == 0.0


def test_one_planted_mistake_per_part(examples_truth: Truth) -> None:
    report = perfect_report(examples_truth)
    s1 = next(s for s in report["stories"] if s["id"] == "S1")
    link = next(ln for ln in s1["links"] if ln["target"] == "102_harbour_de")
    link["relation"] = "copy"  # truth: translation
    del link["alignments"][0]
    s3 = next(s for s in report["stories"] if s["id"] == "S3")
    s3["origin"] = "202_coin_theft_en"  # truth: 201_muenzraub_de
    n_changes = sum(len(ln["changes"]) for s in report["stories"] for ln in s["links"])
    victim = next(ln for s in report["stories"] for ln in s["links"] if ln["changes"])
    del victim["changes"][0]
    got = score_report(examples_truth, report).to_dict()
    assert got["links.relation_accuracy"] == pytest.approx(8 / 9)
    assert got["links.found"] == got["links.direction_accuracy"] == 1.0
    assert got["origin.accuracy"] == pytest.approx(3 / 4)
    assert got["alignments.recall"] == pytest.approx(133 / 134)
    assert got["alignments.precision"] == 1.0
    assert got["changes.recall"] == pytest.approx((n_changes - 1) / n_changes)
    unchanged = [n for n in NAMES if n.split(".")[0] in ("stories", "segments", "boilerplate")]
    assert all(got[n] == 1.0 for n in unchanged)


def test_format_and_notes(examples_truth: Truth) -> None:
    report = perfect_report(examples_truth)
    report["documents"] = report["documents"][1:]
    score = score_report(examples_truth, report)
    assert isinstance(score, EvalScore)
    text = score.format()
    assert all(name in text for name in NAMES)
    assert "note: truth documents missing from the report: 101_harbour_en" in text
    assert [row[0] for row in score.rows()] == NAMES


@pytest.mark.seeds
def test_seeds_perfect_report_scores_one_everywhere(seeds_dir: Path) -> None:
    truth = load_truth(seeds_dir / "truth.json")
    score = score_report(truth, perfect_report(truth))
    assert score.to_dict() == dict.fromkeys(NAMES, 1.0)
    assert score.notes() == []


def test_metrics_with_nothing_to_score_are_not_applicable(examples_truth: Truth) -> None:
    """Truth documents without segments, stories without links, no changes or alignments:
    those metrics are None ("n/a"), not a perfect 1.000 on "0/0"."""
    report = perfect_report(examples_truth)
    bare = Truth(
        examples_truth.schema,
        tuple(replace(d, segments=()) for d in examples_truth.documents),
        tuple(replace(s, links=(), origin=None) for s in examples_truth.stories),
    )
    score = score_report(bare, report)
    values = score.to_dict()
    assert list(values) == NAMES
    not_applicable = [
        "segments.story_accuracy", "boilerplate.recall", "origin.accuracy", "links.found",
        "links.relation_accuracy", "links.direction_accuracy", "alignments.recall",
        "changes.recall", "changes.recall.major", "changes.recall.facts",
        *(f"changes.recall.{kind}" for kind in KINDS),
    ]  # fmt: skip
    assert {n: values[n] for n in not_applicable} == dict.fromkeys(not_applicable)
    # Something predicted where nothing is to be found: precision and F1 are 0, not n/a.
    assert values["boilerplate.precision"] == values["boilerplate.f1"] == 0.0
    assert values["links.precision"] == 0.0
    # Alignments and changes count predictions only between documents the truth annotates.
    assert values["alignments.precision"] is values["changes.precision"] is None
    assert values["stories.pairwise_f1"] == 1.0  # the stories themselves are still there
    text = score.format()
    lines = text.splitlines()
    assert any(ln.split() == ["segments.story_accuracy", "n/a", "0/0", "chars"] for ln in lines)
    assert "1.000  0/0" not in text
    assert json.loads(json.dumps(values))["boilerplate.recall"] is None


def test_nothing_on_either_side_is_not_applicable(examples_truth: Truth) -> None:
    empty = Truth(examples_truth.schema, examples_truth.documents[:1])
    report = {"schema": "storytrace.report/1", "documents": [], "stories": []}
    values = score_report(empty, report).to_dict()
    for name in ("stories.pairwise_precision", "stories.pairwise_recall", "stories.pairwise_f1",
                 "stories.ari", "links.precision", "alignments.precision", "alignments.f1",
                 "changes.precision.quote", "changes.f1"):  # fmt: skip
        assert values[name] is None, name
    assert values["boilerplate.precision"] == 0.0  # truth boilerplate, none predicted
