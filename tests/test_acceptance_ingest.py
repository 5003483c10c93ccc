"""Acceptance of the ingest foundation on real data: the seed corpus (in CI, from
../shared) and the bundled examples, through the whole pipeline and the scorer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storytrace import MemoryStore, Options, build_report, ingest_inputs
from storytrace.eval.boilerplate import score_boilerplate
from storytrace.eval.truth import load_truth

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def trace(folder: Path) -> dict[str, Any]:
    store = MemoryStore()
    run = ingest_inputs([folder], options=Options(workers=1), store=store)
    assert run.failed == []
    return build_report(store.documents(run.ids))


@pytest.fixture(scope="module")
def seeds_report(seeds_dir: Path) -> dict[str, Any]:
    return trace(seeds_dir / "input")


@pytest.fixture(scope="module")
def examples_report(examples_dir: Path) -> dict[str, Any]:
    return trace(examples_dir / "input")


@pytest.mark.seeds
def test_seed_languages(seeds_report: dict[str, Any]) -> None:
    langs = {d["id"][:3]: d["lang"] for d in seeds_report["documents"]}
    assert langs == {"000": "en", "001": "en", "002": "en", "003": "no", "004": "en"}


@pytest.mark.seeds
def test_seed_mojibake_repaired(seeds_report: dict[str, Any]) -> None:
    doc = next(d for d in seeds_report["documents"] if d["id"].startswith("001"))
    assert "канал в" in doc["text"]
    assert "РєР" not in doc["text"]


@pytest.mark.seeds
def test_seed_boilerplate_precision_and_recall(
    seeds_dir: Path, seeds_report: dict[str, Any]
) -> None:
    score = score_boilerplate(load_truth(seeds_dir / "truth.json"), seeds_report)
    print("\n" + score.format())
    assert score.precision >= 0.9
    assert score.recall >= 0.9
    for doc in seeds_report["documents"]:  # the two clean translations carry no boilerplate
        if doc["id"][:3] in ("000", "002"):
            assert all(s["kind"] != "boilerplate" for s in doc["segments"]), doc["id"]


def test_examples_boilerplate(examples_dir: Path, examples_report: dict[str, Any]) -> None:
    score = score_boilerplate(load_truth(examples_dir / "truth.json"), examples_report)
    print("\n" + score.format())
    assert score.precision >= 0.9
    assert score.recall >= 0.9


def test_examples_languages(examples_dir: Path, examples_report: dict[str, Any]) -> None:
    truth = load_truth(examples_dir / "truth.json")
    expected = {d.id: d.lang for d in truth.documents}
    got = {d["id"]: d["lang"] for d in examples_report["documents"]}
    assert got == expected


def test_examples_sentences_are_exact_substrings(
    examples_dir: Path, examples_report: dict[str, Any]
) -> None:
    """Every gold alignment sentence is one of our sentences (or inside one)."""
    truth = load_truth(examples_dir / "truth.json")
    sentences = {
        d["id"]: [d["text"][s:e] for s, e in d["sentences"]] for d in examples_report["documents"]
    }
    total = hits = 0
    for al in truth.alignments:
        for src, tgt in al.pairs:
            for doc_id, sent in ((al.source, src), (al.target, tgt)):
                total += 1
                hits += any(sent in ours for ours in sentences[doc_id])
    assert hits / total >= 0.95
