"""Sentence and passage alignment of two documents: pure functions on vectors and strings.

* :func:`~storytrace.align.aligner.align` aligns two documents' sentence vectors into
  beads (1:1, 1:2, 2:1, 1:3, 3:1), lists dropped and added sentences and reports coverage;
  it copes with excerpts (most of the source dropped) and reordered paragraphs.
* :func:`~storytrace.align.anchors.anchors` extracts the lexical anchors of a sentence
  (numbers across locales, transliteration-insensitive names, quote openings) and
  :func:`~storytrace.align.anchors.anchor_similarity` compares two sentences by them.

Nothing here reads a store or a file; embedding the sentences is the caller's job
(:mod:`storytrace.link.embed`).
"""

from __future__ import annotations

from .aligner import (
    ALIGNER_VERSION,
    CROSS_LANGUAGE,
    SAME_LANGUAGE,
    AlignConfig,
    Alignment,
    Bead,
    align,
    config_for,
)
from .anchors import Anchors, anchor_similarity, anchors

__all__ = [
    "ALIGNER_VERSION",
    "CROSS_LANGUAGE",
    "SAME_LANGUAGE",
    "AlignConfig",
    "Alignment",
    "Anchors",
    "Bead",
    "align",
    "anchor_similarity",
    "anchors",
    "config_for",
]
