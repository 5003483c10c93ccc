"""A fictional 28-sentence English news article and its German and Russian translations
(``data/``), aligned with the real e5 vectors: once with the translation's paragraphs
shuffled, once with only a quarter of its sentences kept. Both must align with F1 >= 0.9.

The texts are written one sentence per line, line *i* of one translating line *i* of the
other, so the gold alignment is the identity on sentence indices (the test checks that the
splitter sees the same 28 sentences in both). Shuffling and excerpting permute or select
sentence indices; the aligner only sees vectors, anchors and lengths, so no re-embedding is
needed.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from storytrace.align import Alignment, align, anchors, config_for
from storytrace.ingest.sentences import split_sentences

DATA = Path(__file__).parent / "data"


class Side:
    """One language version: its text, sentence spans, paragraphs and vectors."""

    def __init__(self, name: str, lang: str, vecs: NDArray[np.float32]) -> None:
        self.lang = lang
        self.text = (DATA / name).read_text(encoding="utf-8")
        self.spans = split_sentences(self.text, lang)
        self.sentences = [self.text[a:b] for a, b in self.spans]
        self.vecs = vecs
        # paragraphs: runs of sentences not separated by a blank line
        self.paragraphs: list[list[int]] = []
        for i, (a, _) in enumerate(self.spans):
            if i and "\n\n" not in self.text[self.spans[i - 1][1] : a]:
                self.paragraphs[-1].append(i)
            else:
                self.paragraphs.append([i])

    def run(self, other: Side, keep: Sequence[int]) -> Alignment:
        """Align this side (whole) to ``other``'s sentences ``keep``, in that order."""
        return align(
            self.vecs,
            other.vecs[list(keep)],
            src_anchors=[anchors(s) for s in self.sentences],
            tgt_anchors=[anchors(other.sentences[j]) for j in keep],
            src_lengths=[b - a for a, b in self.spans],
            tgt_lengths=[other.spans[j][1] - other.spans[j][0] for j in keep],
            cfg=config_for(self.lang, other.lang),
        )


@pytest.fixture(scope="module")
def sides() -> dict[str, Side]:
    from storytrace.link.embed import E5Embedder

    embedder = E5Embedder()
    out = {}
    for lang in ("en", "de", "ru"):
        name = f"ferry_{lang}.txt"
        text = (DATA / name).read_text(encoding="utf-8")
        sentences = [text[a:b] for a, b in split_sentences(text, lang)]
        out[lang] = Side(name, lang, embedder.embed(sentences))
    for side in out.values():
        assert len(side.spans) == 28
        assert [len(p) for p in side.paragraphs] == [1, 3, 4, 4, 4, 4, 4, 4]
    return out


PAIRS = ["en->de", "de->en", "en->ru", "ru->en"]


def pick(sides: dict[str, Side], direction: str) -> tuple[Side, Side]:
    a, b = direction.split("->")
    return sides[a], sides[b]


def f1_of(al: Alignment, keep: Sequence[int]) -> tuple[float, int, int, int]:
    """F1 of ``al`` against the identity gold, target indices mapped back through ``keep``."""
    predicted = {(i, keep[j]) for i, j in al.pairs()}
    gold = {(j, j) for j in keep}
    tp = len(predicted & gold)
    return 2 * tp / (len(predicted) + len(gold)), tp, len(predicted), len(gold)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("direction", PAIRS)
def test_shuffled_paragraphs_align(sides: dict[str, Side], seed: int, direction: str) -> None:
    src, tgt = pick(sides, direction)
    blocks = list(tgt.paragraphs)
    random.Random(seed).shuffle(blocks)
    order = [j for block in blocks for j in block]
    al = src.run(tgt, order)
    f1, tp, n_pred, n_gold = f1_of(al, order)
    print(f"{direction} shuffled (seed {seed}): F1={f1:.3f} ({tp}/{n_pred}/{n_gold})")
    assert f1 >= 0.9
    assert al.jumps >= 1  # the shuffle was followed, not ignored


@pytest.mark.parametrize("direction", PAIRS)
def test_a_quarter_of_the_translation_aligns(sides: dict[str, Side], direction: str) -> None:
    src, tgt = pick(sides, direction)
    totals = [0, 0, 0]
    for seed in range(4):
        keep = sorted(random.Random(seed).sample(range(len(tgt.spans)), len(tgt.spans) // 4))
        al = src.run(tgt, keep)
        _, tp, n_pred, n_gold = f1_of(al, keep)
        totals = [totals[0] + tp, totals[1] + n_pred, totals[2] + n_gold]
        # the excerpt is covered, most of the source is dropped
        assert al.coverage_src < 0.45
    tp, n_pred, n_gold = totals
    f1 = 2 * tp / (n_pred + n_gold)
    print(f"{direction} 25% kept: F1={f1:.3f} ({tp}/{n_pred}/{n_gold})")
    assert f1 >= 0.9


@pytest.mark.parametrize("direction", PAIRS)
def test_a_quarter_kept_in_one_block_of_paragraphs(sides: dict[str, Side], direction: str) -> None:
    """An excerpt as news sites make them: a run of paragraphs from the middle."""
    src, tgt = pick(sides, direction)
    keep = [j for p in tgt.paragraphs[3:5] for j in p]  # 8 of 28 sentences
    al = src.run(tgt, keep)
    f1, tp, n_pred, n_gold = f1_of(al, keep)
    print(f"{direction} middle paragraphs: F1={f1:.3f} ({tp}/{n_pred}/{n_gold})")
    assert f1 >= 0.9


def test_the_two_translations_align_with_each_other(sides: dict[str, Side]) -> None:
    """German and Russian, neither of them the original, shuffled: still a translation pair."""
    de, ru = sides["de"], sides["ru"]
    blocks = list(ru.paragraphs)
    random.Random(7).shuffle(blocks)
    order = [j for block in blocks for j in block]
    f1, tp, n_pred, n_gold = f1_of(de.run(ru, order), order)
    print(f"de->ru shuffled: F1={f1:.3f} ({tp}/{n_pred}/{n_gold})")
    assert f1 >= 0.9
