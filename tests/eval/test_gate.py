from __future__ import annotations

import json
from pathlib import Path

from storytrace.eval.gate import Shortfall, check_floors, corpus_digest

REPO = Path(__file__).resolve().parents[2]


def test_check_floors_reports_exactly_the_shortfalls() -> None:
    floors = {"a": 0.9, "b": 1.0, "c": 0.5}
    assert check_floors({"a": 0.95, "b": 1.0, "c": 0.5}, floors) == []
    # one planted regression fails the gate, and only that metric is named
    assert check_floors({"a": 0.95, "b": 0.99, "c": 0.5}, floors) == [Shortfall("b", 0.99, 1.0)]
    # a metric that disappears from the scores counts as zero
    assert check_floors({"a": 0.95, "b": 1.0}, floors) == [Shortfall("c", 0.0, 0.5)]


def test_a_floor_on_a_metric_with_nothing_to_score_is_not_met() -> None:
    # None: not applicable (the corpus has nothing of that kind); the floor cannot be checked.
    assert check_floors({"a": None, "b": 1.0}, {"a": 0.5, "b": 1.0}) == [Shortfall("a", 0.0, 0.5)]


def test_digest_sees_an_edit(tmp_path: Path) -> None:
    f = tmp_path / "truth.json"
    f.write_text("{}")
    before = corpus_digest([f])
    f.write_text("{ }")
    assert corpus_digest([f]) != before


def test_pinned_floors_file_is_well_formed() -> None:
    config = json.loads((REPO / "tests/quality/floors.json").read_text(encoding="utf-8"))
    for corpus in config["corpora"].values():
        assert set(corpus["sha256"]) == {"truth", "input"}
        assert all(0.0 <= v <= 1.0 for v in corpus["floors"].values())
    examples = config["corpora"]["examples"]
    assert corpus_digest([REPO / examples["truth"]]) == examples["sha256"]["truth"]
