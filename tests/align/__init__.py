"""Helpers for the alignment tests that use real documents: ingest, embed, score.

The score is the report metric of :mod:`storytrace.eval.alignments` applied to sentence
pairs: a predicted pair matches a gold pair when, on each side, its span and an occurrence of
the gold sentence have IoU >= 0.5; true positives are a maximum one-to-one matching.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from storytrace.align import AlignConfig, align, anchors

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

Span = tuple[int, int]
Doc = tuple[str, list[Span], str | None]


def ingest(paths: Sequence[Path]) -> dict[str, Doc]:
    """Document stem -> (text, story-sentence spans, language), via the ingest pipeline."""
    from storytrace import MemoryStore, Options, ingest_inputs

    store = MemoryStore()
    report = ingest_inputs([str(p) for p in paths], options=Options(workers=1), store=store)
    out = {}
    for doc in store.documents(report.ids):
        boiler = {i for i, seg in enumerate(doc.segments) if seg.kind == "boilerplate"}
        spans = [(s.start, s.end) for s in doc.sentences if s.segment not in boiler]
        out[Path(doc.source).stem] = (doc.text, spans, doc.lang)
    return out


def occurrences(text: str, sentence: str) -> list[Span]:
    out, at = [], text.find(sentence)
    while at >= 0:
        out.append((at, at + len(sentence)))
        at = text.find(sentence, at + 1)
    return out


def score_pairs(
    predicted: Sequence[tuple[Span, Span]],
    gold: Sequence[tuple[str, str]],
    src_text: str,
    tgt_text: str,
) -> tuple[int, int, int]:
    """(true positives, predicted, gold) with the report metric of storytrace.eval.alignments:
    a predicted pair matches a gold pair when each side has IoU >= 0.5 with an occurrence of
    the gold sentence; TP is a maximum one-to-one matching."""
    from storytrace.eval.alignments import MIN_IOU, best_iou, max_matching

    gold_spans = [
        (occurrences(src_text, a), occurrences(tgt_text, b)) for a, b in dict.fromkeys(gold)
    ]
    pred = list(dict.fromkeys(predicted))
    adjacency = [
        [
            g
            for g, (occ_a, occ_b) in enumerate(gold_spans)
            if best_iou(ps, occ_a) >= MIN_IOU and best_iou(pt, occ_b) >= MIN_IOU
        ]
        for ps, pt in pred
    ]
    tp = sum(1 for g in max_matching(adjacency, len(gold_spans)) if g >= 0)
    return tp, len(pred), len(gold_spans)


def f1(tp: int, n_pred: int, n_gold: int) -> float:
    return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 1.0


class Embedded:
    """Documents with their e5 sentence vectors, embedded on first use."""

    def __init__(self, docs: dict[str, Doc]) -> None:
        from storytrace.link.embed import E5Embedder

        self.docs = docs
        self.embedder = E5Embedder()
        self._vecs: dict[str, NDArray[np.float32]] = {}

    def vectors(self, stem: str) -> NDArray[np.float32]:
        if stem not in self._vecs:
            text, spans, _ = self.docs[stem]
            self._vecs[stem] = self.embedder.embed([text[a:b] for a, b in spans])
        return self._vecs[stem]

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        return self.embedder.embed(texts)


def align_spans(
    src_text: str,
    src_spans: Sequence[Span],
    src_vecs: NDArray[np.float32],
    tgt_text: str,
    tgt_spans: Sequence[Span],
    tgt_vecs: NDArray[np.float32],
    cfg: AlignConfig,
) -> list[tuple[Span, Span]]:
    al = align(
        src_vecs,
        tgt_vecs,
        src_anchors=[anchors(src_text[a:b]) for a, b in src_spans],
        tgt_anchors=[anchors(tgt_text[a:b]) for a, b in tgt_spans],
        src_lengths=[b - a for a, b in src_spans],
        tgt_lengths=[b - a for a, b in tgt_spans],
        cfg=cfg,
    )
    return [(src_spans[i], tgt_spans[j]) for i, j in al.pairs()]


def gold_pairs(truth_path: Path, source: str, target: str) -> list[tuple[str, str]]:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    for entry in truth["alignments"]:
        if (entry["source"], entry["target"]) == (source, target):
            return [(a, b) for a, b in entry["pairs"]]
    raise KeyError((source, target))


def paragraphs(text: str, spans: Sequence[Span]) -> list[str]:
    """Story paragraphs: runs of sentences not separated by a line break."""
    out: list[list[Span]] = []
    for span in spans:
        if out and "\n" not in text[out[-1][-1][1] : span[0]]:
            out[-1].append(span)
        else:
            out.append([span])
    return [text[p[0][0] : p[-1][1]] for p in out]
