"""Exact cosine k-nearest neighbours in bounded memory, and the ratio margin on top of them.

Plain numpy: float32 tiled matrix products to select candidates, float64 to score the
kept ones. No index to build, nothing approximate; equal cosines are ordered by the lower
base index and the result does not depend on ``block``.

Measured on the project machine (2 cores, shared with other jobs), 100,000 × 384 clustered
vectors, k = 10: 10,000 queries take 10 s (load 4) to 32 s (load 8); the full self-join 97 s
(load 3) to 254 s (load 8). An HNSW index (hnswlib 0.8, usearch 2.26; not a dependency)
took 95-113 s to build plus 28-37 s to query all 100k at recall@10 >= 0.9996 (load 8-10):
about 2x faster for the whole self-join, slower for a one-off batch of queries. Exact
search is quadratic, so an index starts to pay off from a few hundred thousand rows.

Typical use, cross-lingual candidate passages with the margin criterion::

    sim_xy, idx_xy = topk(x, y, k)                # x's neighbours among y
    sim_yx, _ = topk(y, x, k)                     # y's neighbours among x
    score = margin_scores(sim_xy, idx_xy, knn_mean(sim_xy), knn_mean(sim_yx))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

#: Candidate selection compares float32 cosines rounded to multiples of 2**-14 (6.1e-5).
#: A BLAS gives the same dot product last-bit differences (~1e-7) depending on where it
#: sits in a tile and on the thread count; rounding makes identical rows (copied passages)
#: tie, so ties go to the lower index whatever ``block`` is. Far coarser than that noise,
#: far finer than any cosine difference that matters; the kept candidates are re-scored.
_SELECT_GRID = 2.0**14
#: Re-scored cosines are rounded to multiples of 2**-24 (float32's step just below 1.0), so
#: float64 noise (~1e-16) cannot order two equal cosines, not even near 0.
_SCORE_GRID = 2.0**24


def _as_matrix(name: str, array: NDArray[Any]) -> NDArray[Any]:
    matrix = np.asarray(array)
    if matrix.ndim != 2:
        raise ValueError(f"{name} must be a 2-D array, got shape {matrix.shape}")
    real = np.issubdtype(matrix.dtype, np.floating) or np.issubdtype(matrix.dtype, np.integer)
    if not real:
        raise ValueError(f"{name} must hold real numbers, got {matrix.dtype}")
    return matrix


def _inverse_norms(name: str, matrix: NDArray[Any], block: int) -> NDArray[np.float32]:
    """1/‖row‖ in float32, ``block`` rows at a time; 0 for zero rows (cosine 0).

    Also refuses NaN and infinities (one block at a time, to keep memory bounded).
    """
    out = np.empty(len(matrix), dtype=np.float32)
    for start in range(0, len(matrix), block):
        rows = matrix[start : start + block].astype(np.float32)
        if not np.isfinite(rows).all():
            raise ValueError(f"{name} has NaN or infinite values (or values beyond float32)")
        norms = np.sqrt(np.einsum("ij,ij->i", rows, rows))
        out[start : start + block] = np.divide(
            1.0, norms, out=np.zeros_like(norms), where=norms > 0
        )
    return out


def _tile_best(sims: NDArray[np.float32], k: int) -> NDArray[np.intp]:
    """Column indexes of each row's ``k`` largest values, ties to the lower column.

    ``argpartition`` picks arbitrarily among values tied at the k-th place; rows where that
    can matter (more than k values >= the k-th: zero vectors, duplicates) are redone with a
    stable sort.
    """
    n_cols = sims.shape[1]
    if n_cols <= k:
        return np.broadcast_to(np.arange(n_cols), sims.shape).copy()
    best = np.argpartition(sims, n_cols - k, axis=1)[:, n_cols - k :]
    kth = np.take_along_axis(sims, best, axis=1).min(axis=1)
    tied = np.flatnonzero((sims >= kth[:, None]).sum(axis=1) > k)
    if len(tied):
        best[tied] = np.argsort(-sims[tied], axis=1, kind="stable")[:, :k]
    return best


def _on_grid(values: NDArray[np.float32]) -> NDArray[np.float32]:
    """``values`` rounded, in place, to multiples of 1/:data:`_SELECT_GRID`."""
    np.multiply(values, np.float32(_SELECT_GRID), out=values)
    np.rint(values, out=values)
    np.divide(values, np.float32(_SELECT_GRID), out=values)
    return values


def _merge(
    run_sims: NDArray[np.float32],
    run_idx: NDArray[np.int64],
    sims: NDArray[np.float32],
    offset: int,
) -> tuple[NDArray[np.float32], NDArray[np.int64]]:
    """The running top-``width`` per row (on the selection grid), updated with one tile.

    Base tiles come in increasing index order, so a tile value can only displace a running
    entry by being greater than the row's current last one: a cheap pre-filter that usually
    leaves a handful of candidates per row, rounded and merged by one lexsort. (Comparing
    unrounded values with the rounded last one lets through a superset; the lexsort drops
    the rest.) The first tile of a row block, or one where the filter passes too much,
    takes the dense path, which rounds the whole tile in place.
    """
    n_rows, width = run_sims.shape
    mask = sims > run_sims[:, -1:]
    count = int(np.count_nonzero(mask))
    if not count:
        return run_sims, run_idx
    if count > 4 * n_rows * width:
        cols_best = _tile_best(_on_grid(sims), width)
        cand_sims = np.concatenate([run_sims, np.take_along_axis(sims, cols_best, 1)], axis=1)
        cand_idx = np.concatenate([run_idx, cols_best.astype(np.int64) + offset], axis=1)
        order = np.lexsort((cand_idx, -cand_sims), axis=1)[:, :width]
        return np.take_along_axis(cand_sims, order, 1), np.take_along_axis(cand_idx, order, 1)
    # flatnonzero is ~9x faster than 2-D nonzero on a sparse mask
    rows, cols = np.divmod(np.flatnonzero(mask), sims.shape[1])
    all_rows = np.concatenate([np.repeat(np.arange(n_rows), width), rows])
    all_sims = np.concatenate([run_sims.ravel(), _on_grid(sims[rows, cols])])
    all_idx = np.concatenate([run_idx.ravel(), cols.astype(np.int64) + offset])
    order = np.lexsort((all_idx, -all_sims, all_rows))
    sorted_rows = all_rows[order]
    first = np.searchsorted(sorted_rows, np.arange(n_rows))
    keep = order[(np.arange(len(order)) - first[sorted_rows]) < width]
    return all_sims[keep].reshape(n_rows, width), all_idx[keep].reshape(n_rows, width)


def _rescore(
    query_rows: NDArray[Any], base: NDArray[Any], idx: NDArray[np.int64]
) -> NDArray[np.float32]:
    """Exact cosines of each row and its candidates: float64, on the 2**-24 grid.

    The tiled float32 product is only good for selecting candidates (see
    :data:`_SELECT_GRID`); recomputing the few kept ones in float64 gives the returned
    cosines full float32 accuracy and makes equal cosines exactly equal.
    """
    out = np.empty(idx.shape, dtype=np.float32)
    # rows per step so the gathered float64 candidates stay near 32 MB
    chunk = max(1, (1 << 22) // max(1, idx.shape[1] * base.shape[1]))
    for start in range(0, len(idx), chunk):
        ids = idx[start : start + chunk]
        q = query_rows[start : start + chunk].astype(np.float64)
        q /= np.maximum(np.linalg.norm(q, axis=1, keepdims=True), np.finfo(np.float64).tiny)
        b = base[ids].astype(np.float64)
        b /= np.maximum(np.linalg.norm(b, axis=2, keepdims=True), np.finfo(np.float64).tiny)
        cos = np.rint(np.einsum("id,ijd->ij", q, b) * _SCORE_GRID) / _SCORE_GRID
        out[start : start + chunk] = np.clip(cos, -1.0, 1.0)
    return out


def topk(
    query: NDArray[Any],
    base: NDArray[Any],
    k: int,
    *,
    block: int = 4096,
) -> tuple[NDArray[np.float32], NDArray[np.int64]]:
    """Each query row's ``k`` most cosine-similar base rows, exactly.

    Returns ``(sims, idx)``, both ``(len(query), k)``: float32 cosines in descending order
    and the base row indexes (int64); equal cosines are ordered by lower index. With fewer
    than ``k`` base rows, the columns past them are padded with ``-inf`` / ``-1``.

    * Rows need not be normalised (cosine is computed); a zero row has cosine 0 with all.
      A self-join returns each row as its own first neighbour.
    * How: float32 products of ``block`` query rows × ``block`` base rows at a time,
      rounded to a 6.1e-5 grid, select ``2k + 8`` candidates per row (ties to the lower
      index); those are re-scored in float64 (:func:`_rescore`) and the best ``k`` kept.
      Returned cosines are accurate to float32 rounding (2**-24), and identical base rows
      always tie. A true neighbour could only be missed if more than ``k + 8`` others sat
      within 6e-5 of the ``k``-th cosine.
    * Memory: a few ``block × block`` float32 tiles (64 MB each at the default) plus
      ``O(len(query) · k)``; inputs of any real dtype are read in place, a block at a time.
    """
    q = _as_matrix("query", query)
    b = _as_matrix("base", base)
    if q.shape[1] != b.shape[1]:
        raise ValueError(f"query has {q.shape[1]} columns but base has {b.shape[1]}")
    if k < 0:
        raise ValueError("k must be >= 0")
    if block < 1:
        raise ValueError("block must be >= 1")
    best_sims = np.full((len(q), k), -np.inf, dtype=np.float32)
    best_idx = np.full((len(q), k), -1, dtype=np.int64)
    if k == 0 or len(q) == 0 or len(b) == 0:
        return best_sims, best_idx
    # Over-fetch for the exact re-score; every base row is a candidate, so after the last
    # tile all ``width`` slots of a row hold real ones.
    width = min(2 * k + 8, len(b))
    q_inv, b_inv = _inverse_norms("query", q, block), _inverse_norms("base", b, block)
    no_index = np.iinfo(np.int64).max  # sorts after every real index among equal values
    for q0 in range(0, len(q), block):
        q_rows = q[q0 : q0 + block].astype(np.float32) * q_inv[q0 : q0 + block, None]
        run_sims = np.full((len(q_rows), width), -np.inf, dtype=np.float32)
        run_idx = np.full((len(q_rows), width), no_index, dtype=np.int64)
        for b0 in range(0, len(b), block):
            b_rows = b[b0 : b0 + block].astype(np.float32) * b_inv[b0 : b0 + block, None]
            run_sims, run_idx = _merge(run_sims, run_idx, q_rows @ b_rows.T, b0)
        exact = _rescore(q[q0 : q0 + block], b, run_idx)
        order = np.lexsort((run_idx, -exact), axis=1)[:, :k]
        best_sims[q0 : q0 + block, : order.shape[1]] = np.take_along_axis(exact, order, 1)
        best_idx[q0 : q0 + block, : order.shape[1]] = np.take_along_axis(run_idx, order, 1)
    return best_sims, best_idx


def knn_mean(sims: NDArray[Any]) -> NDArray[np.float32]:
    """Mean of each row's finite similarities; 0.0 if none.

    ``sims`` is ``topk``'s first result (descending, ``-inf`` padding), so this is the mean
    cosine of a row's k nearest neighbours — its "neighbourhood density".
    """
    rows = np.asarray(sims, dtype=np.float32)
    if rows.ndim != 2:
        raise ValueError(f"sims must be 2-D, got shape {rows.shape}")
    finite = np.isfinite(rows)
    total = np.where(finite, rows, 0.0).sum(axis=1, dtype=np.float64)
    count = finite.sum(axis=1)
    mean = np.zeros(len(rows))
    np.divide(total, count, out=mean, where=count > 0)
    return mean.astype(np.float32)


def margin_scores(
    sims: NDArray[Any],
    idx: NDArray[Any],
    query_mean: NDArray[Any],
    base_mean: NDArray[Any],
) -> NDArray[np.float32]:
    """Ratio-margin scores of Artetxe & Schwenk (2019) for ``topk`` candidates.

    For query row ``x = i`` and candidate ``y = idx[i, j]`` with ``cos(x, y) = sims[i, j]``::

        margin(x, y) = cos(x, y) / ((mean_{z in NN_k(x)} cos(x, z)
                                     + mean_{z in NN_k(y)} cos(y, z)) / 2)

    where ``query_mean[i]`` is x's k-NN mean cosine among the base rows and
    ``base_mean[y]`` is y's k-NN mean cosine among the query rows (:func:`knn_mean` of the
    two ``topk`` directions). A score above 1 means the pair is closer than both rows'
    typical neighbours: it corrects for "hub" sentences that are near everything and for the
    narrow cosine band of e5 (0.76 unrelated vs 0.91 translation), so one threshold works
    across language pairs. Padding (``idx == -1``) and non-positive denominators give
    ``-inf``. Returns float32 of ``sims``' shape.
    """
    s = np.asarray(sims, dtype=np.float32)
    ids = np.asarray(idx)
    qm = np.asarray(query_mean, dtype=np.float32)
    bm = np.asarray(base_mean, dtype=np.float32)
    if s.shape != ids.shape or s.ndim != 2:
        raise ValueError(f"sims {s.shape} and idx {ids.shape} must be equal 2-D shapes")
    if qm.shape != (len(s),):
        raise ValueError(f"query_mean must have {len(s)} values, got shape {qm.shape}")
    valid = ids >= 0
    if valid.any() and int(ids.max()) >= len(bm):
        raise ValueError(f"idx points past base_mean ({len(bm)} values)")
    neighbour_mean = np.where(valid, bm[np.where(valid, ids, 0)], 0.0)
    denom = (qm[:, None] + neighbour_mean) / 2
    ok = valid & (denom > 0) & np.isfinite(s)
    return np.divide(s, denom, out=np.full(s.shape, -np.inf, dtype=np.float32), where=ok)
