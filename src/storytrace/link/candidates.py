"""Cross-language candidate pairs from vectors: per-language k nearest neighbours scored by
the ratio margin, never an absolute cosine threshold.

Contract (pure functions over arrays):

* :func:`unit_mean_rows` — one vector per group of rows (a document's passages): their
  mean, L2-normalised (zero for an empty group or a zero mean).
* :func:`margin_pairs` — for rows tagged with a language, every row's ``k`` nearest rows
  in each *other* language (exact, :func:`~storytrace.link.knn.topk`, bounded memory),
  scored with the ratio margin of Artetxe & Schwenk (2019) against the mean cosine of
  both rows' ``k`` nearest in the other's language
  (:func:`~storytrace.link.knn.margin_scores`). Pairs with margin ``>= min_margin`` are
  returned as ``(i, j)`` row pairs, ``i < j``; with ``queries`` only pairs touching those
  rows. At most ``k`` partners per row and other language, so the number of candidates
  grows linearly with the rows.

Why margins: embedders put unrelated texts of a corpus in a narrow, corpus-dependent cosine
band (e5: 0.76-0.83 on generated news; the static embedder's scale moves with its fit), so
an absolute threshold either admits almost every pair or misses translations. A translation
stands out from its row's neighbourhood whatever the band; a hub text that is near
everything does not. Cost: an exact self-join, ``rows² · dim`` multiply-adds in blocks.

Measured (benchmarks/link_bench.py, 2-core VM shared with other jobs, load 3-5): 100k
document vectors of 256 dimensions in 7 languages, k = 4, took 124 s, about a quarter of
the link run; memory is a few 2048×2048 tiles. So no approximate index: an HNSW index
(hnswlib, usearch; timed in link/knn.py) would save perhaps a minute at this size and
only pays off from a few hundred thousand documents, at the price of a dependency and
of approximate results.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import permutations
from typing import TYPE_CHECKING

import numpy as np

from .embed import unit_rows
from .knn import knn_mean, margin_scores, topk

if TYPE_CHECKING:
    from numpy.typing import NDArray


def unit_mean_rows(
    matrix: NDArray[np.floating], owners: Sequence[int] | NDArray[np.int64], n_groups: int
) -> NDArray[np.float32]:
    """Row ``g`` is the normalised mean of the rows of ``matrix`` whose owner is ``g``."""
    m = np.asarray(matrix, dtype=np.float32)
    own = np.asarray(owners, dtype=np.int64)
    if m.ndim != 2 or own.shape != (len(m),):
        raise ValueError("matrix must be 2-D with one owner per row")
    out = np.zeros((n_groups, m.shape[1]), dtype=np.float32)
    np.add.at(out, own, m)
    return unit_rows(out)


def margin_pairs(
    matrix: NDArray[np.floating],
    langs: Sequence[str | None],
    *,
    k: int = 4,
    min_margin: float = 1.1,
    queries: NDArray[np.bool_] | None = None,
    block: int = 2048,
) -> dict[tuple[int, int], float]:
    """Cross-language row pairs with ratio margin ``>= min_margin`` (see the module
    docstring), each with its margin. Rows with no language or a zero vector never pair."""
    m = np.asarray(matrix, dtype=np.float32)
    if len(langs) != len(m):
        raise ValueError("one language per row is required")
    live = np.linalg.norm(m, axis=1) > 0 if len(m) else np.zeros(0, dtype=bool)
    tags = np.array([x or "" for x in langs], dtype=object)
    groups: dict[str, NDArray[np.int64]] = {}
    for lang in sorted({x for x in langs if x}):
        rows = np.flatnonzero((tags == lang) & live)
        if len(rows):
            groups[lang] = rows
    want = np.ones(len(m), dtype=bool) if queries is None else np.asarray(queries, dtype=bool)
    out: dict[tuple[int, int], float] = {}
    names = list(groups)
    # Nearest neighbours of every row of X among the rows of Y, for every ordered pair of
    # languages; X->Y gives the candidates, Y->X the neighbourhood density of Y's rows.
    near = {
        (x, y): topk(m[groups[x]], m[groups[y]], k, block=block) for x, y in permutations(names, 2)
    }
    # Each direction's neighbourhood density, once (X->Y's serves both X->Y and Y->X).
    density = {key: knn_mean(sims) for key, (sims, _) in near.items()}
    for x, y in permutations(names, 2):
        sims, idx = near[(x, y)]
        score = margin_scores(sims, idx, density[(x, y)], density[(y, x)])
        rows_x, rows_y = groups[x], groups[y]
        hit_r, hit_c = np.nonzero(score >= min_margin)
        for r, c in zip(hit_r.tolist(), hit_c.tolist(), strict=True):
            i, j = int(rows_x[r]), int(rows_y[idx[r, c]])
            if not (want[i] or want[j]):
                continue
            key = (i, j) if i < j else (j, i)
            out[key] = max(out.get(key, 0.0), float(score[r, c]))
    return out
