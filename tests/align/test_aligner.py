"""The sentence aligner: invariants, bead shapes, excerpts, reordering, and gold data.

Fast tests use synthetic "e5-like" vectors: every sentence shares a common direction (so that
unrelated sentences have cosine about 0.78, as multilingual-e5 gives) plus a direction for its
meaning and some noise, so that a translation of a sentence has cosine about 0.92 with it.
The gold tests embed the bundled examples and the seed corpus with the real model.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from storytrace.align import (
    CROSS_LANGUAGE,
    SAME_LANGUAGE,
    AlignConfig,
    Alignment,
    align,
    anchors,
    config_for,
)

from . import (
    Embedded,
    align_spans,
    f1,
    gold_pairs,
    ingest,
    occurrences,
    paragraphs,
    score_pairs,
)

DIM = 128
COMMON, MEANING, NOISE = 0.78, 0.14, 0.08  # squared weights: they sum to 1


class Space:
    """Synthetic sentence vectors: ``meaning(i)`` names a fact, ``say(...)`` one wording."""

    def __init__(self, seed: int = 0) -> None:
        self.rng = np.random.default_rng(seed)
        self.common = self._unit()
        self.meanings: dict[int, NDArray[np.float64]] = {}

    def _unit(self) -> NDArray[np.float64]:
        v = self.rng.normal(size=DIM)
        return v / np.linalg.norm(v)

    def meaning(self, key: int) -> NDArray[np.float64]:
        if key not in self.meanings:
            self.meanings[key] = self._unit()
        return self.meanings[key]

    def say(self, *keys: int) -> NDArray[np.float64]:
        """One sentence expressing the facts ``keys`` (two keys: a sentence that a
        translation may split in two)."""
        m = np.sum([self.meaning(k) for k in keys], axis=0)
        m /= np.linalg.norm(m)
        v = np.sqrt(COMMON) * self.common + np.sqrt(MEANING) * m + np.sqrt(NOISE) * self._unit()
        return np.asarray(v / np.linalg.norm(v))

    def doc(self, keys: Sequence[int | tuple[int, ...]]) -> NDArray[np.float64]:
        return np.vstack([self.say(*(k if isinstance(k, tuple) else (k,))) for k in keys])


def check_partition(al: Alignment, n: int, m: int) -> None:
    """Every index in exactly one bead or unaligned list; shapes allowed; target order."""
    src = [i for b in al.beads for i in b.src] + list(al.src_unaligned)
    tgt = [j for b in al.beads for j in b.tgt] + list(al.tgt_unaligned)
    assert sorted(src) == list(range(n))
    assert sorted(tgt) == list(range(m))
    for bead in al.beads:
        assert 1 <= len(bead.src) <= 3 and 1 <= len(bead.tgt) <= 3
        assert min(len(bead.src), len(bead.tgt)) == 1
        assert list(bead.src) == sorted(bead.src) and list(bead.tgt) == sorted(bead.tgt)
        assert list(bead.tgt) == list(range(bead.tgt[0], bead.tgt[-1] + 1))
    firsts = [b.tgt[0] for b in al.beads]
    assert firsts == sorted(firsts)
    assert 0.0 <= al.coverage_src <= 1.0 and 0.0 <= al.coverage_tgt <= 1.0


# --- synthetic vectors ------------------------------------------------------------------------


def test_synthetic_space_matches_e5_band() -> None:
    sp = Space(1)
    a, b, c = sp.say(1), sp.say(1), sp.say(2)
    assert 0.88 < float(a @ b) < 0.96
    assert 0.72 < float(a @ c) < 0.84


def test_full_translation_is_one_to_one() -> None:
    sp = Space(2)
    src, tgt = sp.doc(range(20)), sp.doc(range(20))
    al = align(src, tgt)
    assert al.pairs() == [(i, i) for i in range(20)]
    assert al.src_unaligned == () and al.tgt_unaligned == ()
    assert al.coverage_src == al.coverage_tgt == 1.0
    assert al.jumps == 0


def split(space: Space, vec: NDArray[np.float64]) -> NDArray[np.float64]:
    """Two fragments that together say what ``vec`` says (their sum is ``vec``), each
    alone only about as close to it as a loose paraphrase (cosine ~0.85)."""
    delta = space._unit()
    delta -= (delta @ vec) * vec
    delta *= 0.31 / np.linalg.norm(delta)
    return np.vstack([0.5 * vec + delta, 0.5 * vec - delta])


def test_split_and_merged_sentences_make_one_to_two_and_two_to_one_beads() -> None:
    """The same text split differently (a splitter cut "22. February" in two): the
    fragments' summed vectors match the whole sentence, which no fragment does alone."""
    sp = Space(3)
    s2, s5 = sp.say(2), sp.say(5)
    src = np.vstack([sp.doc([0, 1]), s2, sp.doc([3, 4]), split(sp, s5), sp.doc([6])])
    tgt = np.vstack([sp.doc([0, 1]), split(sp, s2), sp.doc([3, 4]), s5, sp.doc([6])])
    al = align(src, tgt)
    shapes = {(b.src, b.tgt) for b in al.beads}
    assert ((2,), (2, 3)) in shapes
    assert ((5, 6), (6,)) in shapes
    assert len(al.beads) == 7
    check_partition(al, len(src), len(tgt))


def test_excerpt_keeping_a_quarter_aligns_only_what_it_kept() -> None:
    sp = Space(4)
    src = sp.doc(range(40))
    kept = sorted(random.Random(4).sample(range(40), 10))
    al = align(src, sp.doc(kept))
    assert al.pairs() == list(zip(kept, range(10), strict=True))
    assert len(al.src_unaligned) == 30
    assert al.coverage_src == pytest.approx(0.25)


def test_added_and_dropped_sentences_stay_unaligned() -> None:
    sp = Space(5)
    src = sp.doc([0, 1, 2, 3, 4, 5, 6, 7])
    tgt = sp.doc([0, 1, 100, 101, 2, 3, 6, 7])  # 100, 101 added; 4, 5 dropped
    al = align(src, tgt)
    assert al.pairs() == [(0, 0), (1, 1), (2, 4), (3, 5), (6, 6), (7, 7)]
    assert al.tgt_unaligned == (2, 3)
    assert al.src_unaligned == (4, 5)


@pytest.mark.parametrize("seed", range(6))
def test_a_split_sentence_joins_its_halfs_bead(seed: int) -> None:
    """A rewrite splits source sentence 3 (facts 3 and 30) into a sentence with fact 3 and a
    weaker one with fact 30. The DP aligns the first half alone; the extension pass adds the
    second half (its nearest source sentence is 3, and the sum is closer to 3 than the first
    half alone). Without the pass the second half stays unaligned, as the DP left it."""
    sp = Space(seed)
    src = np.vstack([sp.doc([0, 1, 2]), sp.say(3, 30), sp.doc([4, 5, 6, 7])])
    tgt = sp.doc([0, 1, 2, 3, 30, 4, 5, 6, 7])
    al = align(src, tgt)
    assert ((3,), (3, 4)) in {(b.src, b.tgt) for b in al.beads}
    assert al.tgt_unaligned == ()
    check_partition(al, len(src), len(tgt))
    plain = align(src, tgt, cfg=dataclasses.replace(SAME_LANGUAGE, extend_gain=None))
    assert all(len(b.tgt) == 1 for b in plain.beads)
    assert len(plain.tgt_unaligned) == 1


def test_reordered_paragraphs_align_across_jumps() -> None:
    sp = Space(6)
    paragraphs = [list(range(p * 4, p * 4 + 4)) for p in range(6)]
    order = [3, 0, 5, 1, 4, 2]
    tgt_keys = [k for p in order for k in paragraphs[p]]
    al = align(sp.doc(range(24)), sp.doc(tgt_keys))
    assert sorted(al.pairs()) == sorted((k, j) for j, k in enumerate(tgt_keys))
    assert al.jumps >= 2


def test_unrelated_documents_do_not_align() -> None:
    sp = Space(7)
    al = align(sp.doc(range(15)), sp.doc(range(100, 115)))
    assert al.beads == ()
    assert al.coverage_src == 0.0 and al.coverage_tgt == 0.0


def test_coverage_by_characters() -> None:
    sp = Space(8)
    al = align(sp.doc([0, 1, 2]), sp.doc([0]), src_lengths=[10, 30, 60], tgt_lengths=[12])
    assert al.pairs() == [(0, 0)]
    assert al.coverage_src == pytest.approx(0.1)
    assert al.coverage_tgt == 1.0


def test_anchors_break_a_tie_between_two_candidates() -> None:
    sp = Space(9)
    src = sp.doc([0, 1, 2])
    shared = sp.say(1)
    tgt = np.vstack([sp.say(0), shared, shared, sp.say(2)])  # 1 and 2 are equally close
    texts_src = ["Storm in Havnvik.", "About 2,300 homes lost power.", "Solberg spoke."]
    texts_tgt = ["Sturm in Havnvik.", "Rund 300 Menschen.", "Rund 2.300 Haushalte.", "Solberg."]
    al = align(
        src,
        tgt,
        src_anchors=[anchors(t) for t in texts_src],
        tgt_anchors=[anchors(t) for t in texts_tgt],
    )
    assert (1, 2) in al.pairs() and (1, 1) not in al.pairs()


def test_zero_vectors_never_align_and_empty_inputs() -> None:
    sp = Space(10)
    src = sp.doc([0, 1, 2])
    tgt = sp.doc([0, 1, 2])
    tgt[1] = 0.0
    al = align(src, tgt)
    assert 1 not in {j for b in al.beads for j in b.tgt}
    check_partition(al, 3, 3)
    empty = align(np.zeros((0, DIM)), tgt)
    assert empty.beads == () and empty.tgt_unaligned == (0, 1, 2)
    assert align([], []).beads == ()


def test_bad_inputs_are_refused() -> None:
    sp = Space(11)
    with pytest.raises(ValueError, match="dimensions"):
        align(sp.doc([0]), np.ones((1, DIM + 1)))
    with pytest.raises(ValueError, match="2-D"):
        align(np.ones(DIM), sp.doc([0]))
    with pytest.raises(ValueError, match="NaN"):
        align(np.full((1, DIM), np.nan), sp.doc([0]))
    with pytest.raises(ValueError, match="src_lengths"):
        align(sp.doc([0]), sp.doc([0]), src_lengths=[1, 2])
    with pytest.raises(ValueError, match="max_merge"):
        AlignConfig(max_merge=4)
    with pytest.raises(ValueError, match="extend_gain"):
        AlignConfig(extend_gain=-0.1)


def test_config_for_languages() -> None:
    assert config_for("en", "de") is CROSS_LANGUAGE
    assert config_for("en", "en") is SAME_LANGUAGE
    assert config_for(None, "de") is SAME_LANGUAGE


def test_max_merge_one_gives_only_one_to_one_beads() -> None:
    sp = Space(12)
    al = align(sp.doc([0, (1, 2), 3]), sp.doc([0, 1, 2, 3]), cfg=AlignConfig(max_merge=1))
    assert all(len(b.src) == len(b.tgt) == 1 for b in al.beads)


# --- properties --------------------------------------------------------------------------------


@st.composite
def documents(draw: st.DrawFn) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Two documents drawn from a small pool of meanings (repeats, splits, reorders)."""
    seed = draw(st.integers(0, 2**16))
    sp = Space(seed)
    pool = st.one_of(st.integers(0, 12), st.tuples(st.integers(0, 12), st.integers(0, 12)))
    src = draw(st.lists(pool, max_size=14))
    tgt = draw(st.lists(pool, max_size=14))
    return (
        sp.doc(src) if src else np.zeros((0, DIM)),
        sp.doc(tgt) if tgt else np.zeros((0, DIM)),
    )


@settings(max_examples=60, deadline=None)
@given(documents(), st.sampled_from([SAME_LANGUAGE, CROSS_LANGUAGE, AlignConfig(max_merge=2)]))
def test_every_index_is_in_exactly_one_place(
    docs: tuple[NDArray[np.float64], NDArray[np.float64]], cfg: AlignConfig
) -> None:
    src, tgt = docs
    check_partition(align(src, tgt, cfg=cfg), len(src), len(tgt))


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**16), st.integers(1, 30))
def test_a_text_aligned_with_itself_is_the_identity(seed: int, n: int) -> None:
    sp = Space(seed)
    vecs = sp.doc(range(n))
    al = align(vecs, vecs)
    assert [(b.src, b.tgt) for b in al.beads] == [((i,), (i,)) for i in range(n)]


# --- real vectors: the bundled examples and the seed corpus ---------------------------------


@pytest.fixture(scope="module")
def examples(examples_dir: Path) -> Embedded:
    return Embedded(ingest(sorted((examples_dir / "input").glob("*.txt"))))


EXAMPLE_PAIRS = [
    ("101_harbour_en", "102_harbour_de"),
    ("101_harbour_en", "103_harbour_ru"),
    ("201_muenzraub_de", "202_coin_theft_en"),
]


@pytest.mark.parametrize(("source", "target"), EXAMPLE_PAIRS)
def test_shuffled_paragraphs_of_a_translation_still_align(
    examples: Embedded, examples_dir: Path, source: str, target: str
) -> None:
    from storytrace.ingest.sentences import split_sentences

    src_text, src_spans, src_lang = examples.docs[source]
    tgt_text, tgt_spans, tgt_lang = examples.docs[target]
    blocks = paragraphs(tgt_text, tgt_spans)
    random.Random(1).shuffle(blocks)
    shuffled = "\n\n".join(blocks)
    spans = split_sentences(shuffled, tgt_lang)
    tgt_vecs = examples.embed([shuffled[a:b] for a, b in spans])
    predicted = align_spans(
        src_text,
        src_spans,
        examples.vectors(source),
        shuffled,
        spans,
        tgt_vecs,
        config_for(src_lang, tgt_lang),
    )
    tp, n_pred, n_gold = score_pairs(
        predicted, gold_pairs(examples_dir / "truth.json", source, target), src_text, shuffled
    )
    print(f"{source} -> {target} shuffled: P={tp / n_pred:.3f} R={tp / n_gold:.3f}")
    assert f1(tp, n_pred, n_gold) >= 0.9


@pytest.mark.parametrize(("source", "target"), EXAMPLE_PAIRS)
def test_a_quarter_of_a_translation_aligns(
    examples: Embedded, examples_dir: Path, source: str, target: str
) -> None:
    src_text, src_spans, src_lang = examples.docs[source]
    tgt_text, tgt_spans, tgt_lang = examples.docs[target]
    gold = gold_pairs(examples_dir / "truth.json", source, target)
    tgt_vecs = examples.vectors(target)
    totals = [0, 0, 0]
    for seed in range(3):
        keep = sorted(random.Random(seed).sample(range(len(tgt_spans)), len(tgt_spans) // 4))
        kept_spans = [tgt_spans[j] for j in keep]
        predicted = align_spans(
            src_text,
            src_spans,
            examples.vectors(source),
            tgt_text,
            kept_spans,
            tgt_vecs[keep],
            config_for(src_lang, tgt_lang),
        )
        # the gold of an excerpt: the pairs whose target sentence was kept
        from storytrace.eval.alignments import MIN_IOU, best_iou

        kept_gold = [
            (a, b)
            for a, b in gold
            if any(best_iou(s, occurrences(tgt_text, b)) >= MIN_IOU for s in kept_spans)
        ]
        for i, v in enumerate(score_pairs(predicted, kept_gold, src_text, tgt_text)):
            totals[i] += v
    tp, n_pred, n_gold = totals
    print(f"{source} -> {target} 25% kept: P={tp / n_pred:.3f} R={tp / n_gold:.3f}")
    assert f1(tp, n_pred, n_gold) >= 0.9


SEED_PAIRS = [
    ("004_a553a4b6e40d339e", "000_a64f1f5a5150dbb5"),
    ("004_a553a4b6e40d339e", "001_96a0c5f2fb0dcccc"),
    ("004_a553a4b6e40d339e", "002_4c2317ec1b4bef46"),
    ("004_a553a4b6e40d339e", "003_2d5c5d973ad852de"),
    ("001_96a0c5f2fb0dcccc", "003_2d5c5d973ad852de"),
]


@pytest.mark.seeds
def test_seed_alignments_againstgold_pairs(seeds_dir: Path) -> None:
    """Per gold pair of documents, and overall. 003's gold is split between two sources
    (004 for what 004 still has, 001 for the rest), so 001 -> 003 pairs whose 003 sentence
    is gold-aligned to 004 are neither right nor wrong there and are not counted."""
    from storytrace.eval.alignments import MIN_IOU, best_iou

    embedded = Embedded(ingest(sorted((seeds_dir / "input").glob("*.txt"))))
    truth = seeds_dir / "truth.json"
    totals = [0, 0, 0]
    lines = []
    for source, target in SEED_PAIRS:
        src_text, src_spans, src_lang = embedded.docs[source]
        tgt_text, tgt_spans, tgt_lang = embedded.docs[target]
        predicted = align_spans(
            src_text,
            src_spans,
            embedded.vectors(source),
            tgt_text,
            tgt_spans,
            embedded.vectors(target),
            config_for(src_lang, tgt_lang),
        )
        if source.startswith("001") and target.startswith("003"):
            elsewhere = [b for _, b in gold_pairs(truth, SEED_PAIRS[3][0], target)]
            predicted = [
                (s, t)
                for s, t in predicted
                if not any(best_iou(t, occurrences(tgt_text, b)) >= MIN_IOU for b in elsewhere)
            ]
        tp, n_pred, n_gold = score_pairs(
            predicted, gold_pairs(truth, source, target), src_text, tgt_text
        )
        totals = [totals[0] + tp, totals[1] + n_pred, totals[2] + n_gold]
        lines.append(
            f"{source[:3]} -> {target[:3]} ({src_lang}/{tgt_lang}): P={tp / max(n_pred, 1):.3f}"
            f" R={tp / n_gold:.3f} F1={f1(tp, n_pred, n_gold):.3f} ({tp}/{n_pred}/{n_gold})"
        )
    tp, n_pred, n_gold = totals
    lines.append(f"overall: P={tp / n_pred:.3f} R={tp / n_gold:.3f} F1={f1(*totals):.3f}")
    print("\n".join(lines))
    assert f1(*totals) >= 0.88
