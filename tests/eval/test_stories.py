"""Story clustering and story-segment scoring, on a small synthetic pile with a mashup page."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from storytrace.eval.report import perfect_report
from storytrace.eval.stories import (
    adjusted_rand_index,
    co_membership_pairs,
    map_stories,
    score_stories,
)
from storytrace.eval.truth import Truth, load_truth, parse_truth

# id -> (lines, [(first, last, kind, story-or-reason)]); line numbers are 1-based.
DOCS: dict[str, tuple[list[str], list[tuple[int, int, str, str]]]] = {
    "a_en": (
        [
            "The council voted on Tuesday to build a new bridge across the harbour.",
            "Construction will start next spring, the mayor said.",
            "Read also: Bakery wins award",
            "The bridge will cost 40 million euros.",
        ],
        [(1, 2, "story", "S1"), (3, 3, "boilerplate", "related-links"), (4, 4, "story", "S1")],
    ),
    "b_de": (
        [
            "Der Stadtrat hat am Dienstag eine neue Brücke über den Hafen beschlossen.",
            "Der Bau beginnt im nächsten Frühjahr.",
        ],
        [(1, 2, "story", "S1")],
    ),
    "c_fr": (["Le conseil a voté un nouveau pont.", "Les travaux commencent au printemps."],
             [(1, 2, "story", "S1")]),
    "e_wire": (
        ["Storm closes two schools in the north.", "Classes resume on Monday, officials said."],
        [(1, 2, "story", "S2")],
    ),
    "m_mash": (
        [
            "The council voted on Tuesday to build a new bridge across the harbour.",
            "",
            "Storm closes two schools in the north.",
            "Classes resume on Monday, officials said, after the roads are cleared of trees.",
            "",
            "A local choir won the regional prize.",
            "",
            "Storm damage was limited.",
            "By admin",
        ],
        [
            (1, 1, "story", "S1"),
            (3, 4, "story", "S2"),
            (6, 6, "story", "S3"),
            (8, 8, "story", "S2"),
            (9, 9, "boilerplate", "byline"),
        ],
    ),
}  # fmt: skip

STORIES = [
    ("S1", ["a_en", "b_de", "c_fr", "m_mash"], "a_en"),
    ("S2", ["e_wire", "m_mash"], "e_wire"),
    ("S3", ["m_mash"], "m_mash"),
]


def make_truth() -> Truth:
    documents = {
        doc_id: {
            "segments": [
                {"first_line": lines[a - 1][:60], "last_line": lines[b - 1][:60],
                 "lines": [a, b], "kind": kind,
                 ("reason" if kind == "boilerplate" else "story"): label}
                for a, b, kind, label in segs
            ]
        }
        for doc_id, (lines, segs) in DOCS.items()
    }  # fmt: skip
    stories = [{"id": s, "documents": d, "origin": o} for s, d, o in STORIES]
    data = {"schema": "storytrace.seed-truth/1", "documents": documents, "stories": stories}
    return parse_truth(data, texts={k: "\n".join(v[0]) for k, v in DOCS.items()})


def nonblank(s: str) -> int:
    return sum(1 for ch in s if not ch.isspace())


def story_chars(doc_id: str, story: str) -> int:
    lines, segs = DOCS[doc_id]
    return sum(
        nonblank(x)
        for a, b, k, lab in segs
        if k == "story" and lab == story
        for x in lines[a - 1 : b]
    )


TOTAL = sum(story_chars(d, s) for d in DOCS for s in ("S1", "S2", "S3"))


def relabel(
    report: dict[str, Any], doc_id: str, old: str, new: str, nth: int | None = None
) -> None:
    """Rename story ``old`` to ``new`` in one document's segments (only the nth such segment)."""
    doc = next(d for d in report["documents"] if d["id"] == doc_id)
    hits = [s for s in doc["segments"] if s.get("story") == old]
    for seg in hits if nth is None else [hits[nth]]:
        seg["story"] = new


def test_perfect_report_scores_one() -> None:
    score = score_stories(make_truth(), perfect_report(make_truth()))
    assert (score.pairwise_precision, score.pairwise_recall, score.pairwise_f1) == (1.0, 1.0, 1.0)
    assert score.ari == 1.0
    assert score.segment_accuracy == 1.0 and score.segment_total == TOTAL
    assert score.pairs.truth == 7  # 6 pairs in S1, 1 in S2, none in the one-document S3
    assert score.items == 7  # memberships: 4 + 2 + 1
    assert score.mapping == {"S1": "S1", "S2": "S2", "S3": "S3"}


def test_predicted_ids_need_not_match_truth_ids() -> None:
    report = perfect_report(make_truth())
    for story in report["stories"]:
        old = story["id"]
        story["id"] = "P-" + old
        for doc in report["documents"]:
            for seg in doc["segments"]:
                if seg.get("story") == old:
                    seg["story"] = "P-" + old
    score = score_stories(make_truth(), report)
    assert (score.pairwise_f1, score.ari, score.segment_accuracy) == (1.0, 1.0, 1.0)
    assert map_stories(make_truth(), report) == {"S1": "P-S1", "S2": "P-S2", "S3": "P-S3"}


def test_ingest_only_report_scores_zero() -> None:
    report = perfect_report(make_truth())
    report["stories"] = []
    for doc in report["documents"]:
        for seg in doc["segments"]:
            if seg["kind"] == "story":
                seg.pop("story")
                seg["kind"] = "unassigned"
    score = score_stories(make_truth(), report)
    assert (score.pairwise_precision, score.pairwise_recall, score.pairwise_f1) == (0, 0, 0)
    assert score.ari == 0.0  # every membership a singleton against a non-trivial truth
    assert score.segment_accuracy == 0.0
    assert score.mapping == {"S1": None, "S2": None, "S3": None}


def test_all_singletons_score_low() -> None:
    # One story per document holding all of its story text: no pairs, mashup stories merged.
    report = perfect_report(make_truth())
    report["stories"] = [{"id": f"P{d}", "documents": [d], "origin": d} for d in DOCS]
    for doc in report["documents"]:
        for seg in doc["segments"]:
            if seg["kind"] == "story":
                seg["story"] = f"P{doc['id']}"
    score = score_stories(make_truth(), report)
    assert score.pairwise_recall == 0.0 and score.pairwise_f1 == 0.0
    assert score.ari <= 0.0
    assert score.segment_accuracy < 0.6


def test_one_document_split_off_loses_its_pairs_and_characters() -> None:
    report = perfect_report(make_truth())
    report["stories"][0]["documents"].remove("c_fr")
    report["stories"].append({"id": "X", "documents": ["c_fr"], "origin": "c_fr"})
    relabel(report, "c_fr", "S1", "X")
    score = score_stories(make_truth(), report)
    assert score.pairs.tp == 4 and score.pairs.fp == 0 and score.pairs.fn == 3
    assert score.pairwise_precision == 1.0 and score.pairwise_recall == pytest.approx(4 / 7)
    # memberships: c_fr/S1 is now alone; truth S1 = a b c m, S2 = e m, S3 = m
    expected = adjusted_rand_index(
        ["S1", "S1", "S1", "S1", "S2", "S2", "S3"], ["p", "p", "x", "p", "q", "q", "r"]
    )
    assert score.ari == pytest.approx(expected) and score.ari < 1.0
    assert score.segment_correct == TOTAL - story_chars("c_fr", "S1")


def test_unjoined_fragment_loses_exactly_its_characters() -> None:
    # S2's second fragment in the mashup page gets its own story: the document lists stay right,
    # so pairs and ARI do not notice, but story segments do.
    report = perfect_report(make_truth())
    relabel(report, "m_mash", "S2", "S2b", nth=1)
    report["stories"].append({"id": "S2b", "documents": ["m_mash"], "origin": "m_mash"})
    score = score_stories(make_truth(), report)
    assert (score.pairwise_f1, score.ari) == (1.0, 1.0)
    assert score.segment_correct == TOTAL - nonblank("Storm damage was limited.")


def test_merged_mashup_stories_are_caught_by_ari_not_by_pairs() -> None:
    # S3 (only in the mashup) merged into S2: document pairs cannot see it (S3 has none),
    # the membership-based ARI and the segments do.
    report = perfect_report(make_truth())
    relabel(report, "m_mash", "S3", "S2")
    report["stories"] = [s for s in report["stories"] if s["id"] != "S3"]
    score = score_stories(make_truth(), report)
    assert score.pairwise_f1 == 1.0
    assert score.ari < 1.0
    assert score.segment_correct == TOTAL - story_chars("m_mash", "S3")


def test_malformed_and_foreign_parts_do_not_crash() -> None:
    report = perfect_report(make_truth())
    report["stories"].append({"documents": ["a_en", "zz"]})  # no id: ignored
    report["stories"].append("not a story")
    report["stories"][0]["documents"].append("not_in_truth")  # pairs outside the truth: ignored
    report["documents"][0]["segments"].append({"kind": "story", "story": "S1", "start": "x"})
    score = score_stories(make_truth(), report)
    assert (score.pairwise_f1, score.ari, score.segment_accuracy) == (1.0, 1.0, 1.0)
    assert score_stories(make_truth(), {"stories": "nonsense"}).pairwise_f1 == 0.0
    empty = score_stories(make_truth(), {})
    assert empty.segment_accuracy == 0.0 and empty.missing_documents == tuple(DOCS)


def test_document_missing_from_report_counts_as_wrong() -> None:
    report = perfect_report(make_truth())
    report["documents"] = [d for d in report["documents"] if d["id"] != "b_de"]
    score = score_stories(make_truth(), report)
    assert score.missing_documents == ("b_de",)
    assert score.segment_total == TOTAL
    assert score.segment_correct == TOTAL - story_chars("b_de", "S1")


def test_co_membership_pairs_count_a_shared_document_once_per_partner() -> None:
    pairs = co_membership_pairs([["a", "b", "m"], ["m", "e"], ["m"], ["b", "a"]])
    assert pairs == {("a", "b"), ("a", "m"), ("b", "m"), ("e", "m")}


@pytest.mark.parametrize(
    ("truth", "pred", "expected"),
    [
        ([0, 0, 1, 1], [0, 0, 1, 1], 1.0),
        ([0, 0, 1, 1], [1, 1, 0, 0], 1.0),
        ([0, 0, 1, 2], [0, 0, 1, 1], 0.5714285714285715),  # the scikit-learn doc example
        ([0, 0, 1, 1], [0, 1, 0, 1], -0.5),
        ([0, 0, 0, 0], [0, 1, 2, 3], 0.0),  # trivial vs trivial, different partitions
        ([0, 1, 2, 3], [3, 2, 1, 0], 1.0),  # all singletons both sides
        ([0], [5], 1.0),
    ],
)
def test_adjusted_rand_index(truth: list[int], pred: list[int], expected: float) -> None:
    got = adjusted_rand_index([str(x) for x in truth], [str(x) for x in pred])
    assert got == pytest.approx(expected)


@pytest.mark.seeds
def test_seeds_perfect_and_one_story_for_everything(seeds_dir: Path) -> None:
    truth = load_truth(seeds_dir / "truth.json")
    perfect = perfect_report(truth)
    score = score_stories(truth, perfect)
    assert (score.pairwise_f1, score.ari, score.segment_accuracy) == (1.0, 1.0, 1.0)
    # Everything in one story: the S1 pairs are right (004 shares S1 with everyone), but the
    # mashup's S2-S4 collapse into it, which ARI and the segments must show.
    lumped = copy.deepcopy(perfect)
    lumped["stories"] = [{"id": "ALL", "documents": [d.id for d in truth.documents]}]
    for doc in lumped["documents"]:
        for seg in doc["segments"]:
            if seg["kind"] == "story":
                seg["story"] = "ALL"
    score = score_stories(truth, lumped)
    assert score.pairwise_f1 == 1.0
    assert score.ari < 0.5
    assert score.segment_accuracy < 1.0
