"""Stories on real data: the seed corpus (CI) and the bundled examples, through the library
and the scorer; incremental `add` gives the same stories as a full run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storytrace import MemoryStore, Options
from storytrace.eval.report import score_report
from storytrace.eval.truth import load_truth
from storytrace.pipeline import trace_inputs, trace_report
from storytrace.store import Store

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def run(inputs: list[Path], store: Store | None = None) -> tuple[dict[str, Any], Store]:
    store = MemoryStore() if store is None else store
    result = trace_inputs(inputs, options=Options(workers=1), store=store)
    assert result.ingest.failed == []
    return trace_report(store, result.ingest.ids), store


@pytest.fixture(scope="module")
def examples(examples_dir: Path) -> tuple[dict[str, Any], Store]:
    return run([examples_dir / "input"])


@pytest.mark.seeds
def test_seed_stories_exact(seeds_dir: Path) -> None:
    report, _ = run([seeds_dir / "input"])
    scores = score_report(load_truth(seeds_dir / "truth.json"), report).to_dict()
    assert scores["stories.pairwise_precision"] == 1.0
    assert scores["stories.pairwise_recall"] == 1.0
    assert scores["segments.story_accuracy"] >= 0.99
    assert len(report["stories"]) == 4
    mashup = next(d for d in report["documents"] if d["id"].startswith("004"))
    assert len({s["story"] for s in mashup["segments"] if s["kind"] == "story"}) == 4


def test_example_stories_exact(examples_dir: Path, examples: tuple[dict[str, Any], Store]) -> None:
    report, _ = examples
    scores = score_report(load_truth(examples_dir / "truth.json"), report).to_dict()
    assert scores["stories.pairwise_precision"] == 1.0
    assert scores["stories.pairwise_recall"] == 1.0
    assert scores["segments.story_accuracy"] >= 0.99


def test_independent_report_of_same_event_is_its_own_story(
    examples: tuple[dict[str, Any], Store],
) -> None:
    """106 reports the harbour flood in its own words: same facts, different text."""
    report, _ = examples
    own = [s for s in report["stories"] if "106_havnvik_report_en" in s["documents"]]
    assert len(own) == 1 and own[0]["documents"] == ["106_havnvik_report_en"]


def story_sets(report: dict[str, Any]) -> set[frozenset[str]]:
    return {frozenset(s["documents"]) for s in report["stories"]}


def segment_stories(report: dict[str, Any]) -> dict[str, list[tuple[int, int, str]]]:
    """Per document, the story segments with story ids replaced by the story's members."""
    members = {s["id"]: ",".join(s["documents"]) for s in report["stories"]}
    return {
        d["id"]: [
            (s["start"], s["end"], members[s["story"]])
            for s in d["segments"]
            if s["kind"] == "story"
        ]
        for d in report["documents"]
    }


def test_incremental_add_equals_full_run(
    examples_dir: Path, examples: tuple[dict[str, Any], Store]
) -> None:
    full, _ = examples
    files = sorted((examples_dir / "input").glob("*.txt"))
    first, second = files[::2], files[1::2]
    store = MemoryStore()
    run(list(first), store)
    after_first = len(store.get_state("link.pairs"))
    _, store = run(list(second), store)
    # only pairs involving the new documents were compared in the second run
    assert len(store.get_state("link.pairs")) >= after_first
    everything = trace_report(store, [f.stem for f in files])
    assert story_sets(everything) == story_sets(full)
    assert segment_stories(everything) == segment_stories(full)
