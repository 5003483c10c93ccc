"""``derive.run.link_json``: the link dict of the contract, from an alignment of two versions."""

from __future__ import annotations

import numpy as np

from storytrace.derive.run import Pair, Version, link_json


def version(doc: str, text: str, sentences: list[str]) -> Version:
    spans = []
    for s in sentences:
        i = text.index(s)
        spans.append((i, i + len(s)))
    return Version(
        doc=doc, lang="en", published=None, text=text, spans=tuple(spans),
        vecs=np.zeros((len(spans), 4), dtype=np.float32), anchors=(),
        artefacts=0.0, stories=1, truncated=False,
    )  # fmt: skip


SRC = ["The river rose overnight.", "Schools stayed closed on Monday."]
ADDED = ["Farmers dug ditches.", "The dyke held.", "A new pump arrived."]
TEASER = "READ ALSO: Ten tips for a dry basement"


def pair(tgt: Version, scores: tuple[float, float]) -> Pair:
    return Pair(
        "a", "b", ((0, 0, scores[0]), (1, 4, scores[1])), 1.0, 0.4,
        src_unaligned=(), tgt_unaligned=(1, 2, 3),
    )  # fmt: skip


def test_added_runs_stop_at_text_that_is_not_the_storys() -> None:
    text = f"{SRC[0]}\n{ADDED[0]} {ADDED[1]}\n{TEASER}\n{ADDED[2]}\n{SRC[1]}"
    versions = {
        "a": version("a", " ".join(SRC), SRC),
        "b": version("b", text, [SRC[0], *ADDED, SRC[1]]),
    }
    out = link_json(pair(versions["b"], (0.9, 0.95)), versions, tree=True)
    pieces = [text[a:b] for a, b in out["added"]]
    assert pieces == [f"{ADDED[0]} {ADDED[1]}", ADDED[2]]  # the teaser is in neither


def test_alignment_scores_lie_in_the_unit_interval() -> None:
    # a bead's score is its cosine plus a small anchor bonus: the report clamps it
    text = "\n".join([SRC[0], *ADDED, SRC[1]])
    versions = {
        "a": version("a", " ".join(SRC), SRC),
        "b": version("b", text, [SRC[0], *ADDED, SRC[1]]),
    }
    out = link_json(pair(versions["b"], (1.02, -0.01)), versions, tree=True)
    assert [a["score"] for a in out["alignments"]] == [1.0, 0.0]
