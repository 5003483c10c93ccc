"""Meaning drift confirmed in context: a swap that leaves the sentence's vector is a synonym."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest

from storytrace.diff.confirm import (
    DRIFT_MAX_SIMILARITY,
    NO_CONTEXT,
    Similarity,
    confirm_drift,
    embedding_similarity,
)
from storytrace.diff.drift import compare_drift
from storytrace.diff.model import Change, Side

SRC = Side("After a few weeks he was moved closer to the rear with the trucks.", "en")
TGT = Side("After a few weeks he was moved closer to the stern with the trucks.", "en")


def drift() -> Change:
    (c,) = compare_drift(SRC, TGT)
    return c


def fixed(value: float) -> Similarity:
    def similarity(a: Sequence[str], b: Sequence[str]) -> list[float]:
        return [value] * len(a)

    return similarity


def test_a_substitution_carries_the_swapped_sentences_as_its_probe() -> None:
    c = drift()
    ((src, src_swapped, tgt, tgt_swapped),) = c.probes
    assert (src, tgt) == (SRC.text, TGT.text)
    assert src_swapped == TGT.text and tgt_swapped == SRC.text


def test_a_swap_that_moves_the_sentence_is_kept_with_its_cosine() -> None:
    (kept,) = confirm_drift([[drift()]], fixed(0.95))
    assert kept[0].note.endswith("(the swap moves the sentence: cosine 0.950)")
    assert 0.4 <= kept[0].score <= 0.5


def test_a_swap_that_leaves_the_sentence_where_it_was_is_a_synonym() -> None:
    assert confirm_drift([[drift()]], fixed(DRIFT_MAX_SIMILARITY + 0.001)) == [[]]
    assert confirm_drift([[drift()]], NO_CONTEXT) == [[]]


def test_changes_without_probes_pass_and_none_keeps_everything() -> None:
    other = Change("number", (0, 2), (0, 2), "22", "22,000", "value 22 -> 22000")
    assert confirm_drift([[other], [drift(), other]], NO_CONTEXT) == [[other], [other]]
    assert confirm_drift([[drift()]], None) == [[drift()]]


def test_a_recurring_substitution_is_judged_where_it_matters_most_with_a_higher_bar() -> None:
    c = drift()
    thrice = replace(c, probes=c.probes * 3)
    just_above = DRIFT_MAX_SIMILARITY + 0.003
    assert confirm_drift([[c]], fixed(just_above)) == [[]]
    (kept,) = confirm_drift([[thrice]], fixed(just_above))
    assert len(kept) == 1


def test_one_batch_serves_every_group_in_order() -> None:
    calls: list[int] = []

    def similarity(a: Sequence[str], b: Sequence[str]) -> list[float]:
        calls.append(len(a))
        return [0.9, 0.9, 0.999, 0.999]

    c = drift()
    out = confirm_drift([[c], [c]], similarity)
    assert calls == [4]
    assert len(out[0]) == 1 and out[1] == []


def test_embedding_similarity_embeds_each_text_once() -> None:
    seen: list[list[str]] = []
    vectors = {"a": [1.0, 0.0], "b": [0.0, 1.0], "c": [0.6, 0.8]}

    def embed(texts: Sequence[str]) -> np.ndarray:
        seen.append(list(texts))
        return np.array([vectors[t] for t in texts], dtype=np.float32)

    sim = embedding_similarity(embed)
    assert sim(["a", "a", "c"], ["b", "c", "c"]) == pytest.approx([0.0, 0.6, 1.0])
    assert seen == [["a", "c", "b"]]
    assert sim([], []) == []
