"""Exact blocked top-k and the ratio margin."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from storytrace.link.knn import knn_mean, margin_scores, topk


def brute_force(q: np.ndarray, b: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The specification of topk for integer vectors: exact cosines, stable argsort.

    Dot products and squared norms are exact integers, so mathematically equal cosines
    come out equal after rounding to topk's 2**-24 grid.
    """
    qi, bi = q.astype(np.int64), b.astype(np.int64)
    dots = qi @ bi.T
    norms = np.sqrt(np.outer((qi * qi).sum(axis=1), (bi * bi).sum(axis=1)).astype(np.float64))
    sims = np.divide(dots, norms, out=np.zeros(dots.shape), where=norms > 0)
    sims = np.rint(sims * 2.0**24) / 2.0**24
    order = np.argsort(-sims, axis=1, kind="stable")[:, :k]
    out_s = np.full((len(q), k), -np.inf)
    out_i = np.full((len(q), k), -1)
    width = order.shape[1]
    out_s[:, :width] = np.take_along_axis(sims, order, axis=1)
    out_i[:, :width] = order
    return out_s, out_i


def test_simple_neighbours_and_padding() -> None:
    base = np.array([[1, 0], [0, 1], [1, 1], [-1, 0]], dtype=np.float32)
    sims, idx = topk(np.array([[1.0, 0.1]]), base, 6)
    assert idx.tolist() == [[0, 2, 1, 3, -1, -1]]
    assert sims[0, 4:].tolist() == [-np.inf, -np.inf]
    assert sims.dtype == np.float32 and idx.dtype == np.int64
    assert np.allclose(sims[0, :4], [0.995037, 0.773957, 0.0995037, -0.995037], atol=1e-6)


def test_ties_go_to_the_lower_index_whatever_the_block() -> None:
    """Copied passages have identical vectors; which copies are returned must not depend on
    where they fall in a tile (a BLAS rounds the same product differently by position)."""
    rng = np.random.default_rng(1)
    base = rng.standard_normal((300, 384)).astype(np.float32)
    copies = [3, 7, 23, 31, 49, 50, 64, 101, 150, 199, 200, 255, 299]
    base[copies] = base[3]
    query = base[3:4] + 0.3 * rng.standard_normal((1, 384)).astype(np.float32)
    for block in (1, 3, 7, 16, 64, 100, 4096):
        for k in (1, 5, 12):
            sims, idx = topk(query, base, k, block=block)
            assert idx[0].tolist() == copies[:k], (block, k)
            assert len(set(sims[0].tolist())) == 1


def test_zero_rows_have_cosine_zero() -> None:
    base = np.array([[0, 0], [1, 0], [0, 0]], dtype=np.float32)
    sims, idx = topk(np.array([[0.0, 1.0], [0.0, 0.0]]), base, 3)
    assert idx.tolist() == [[0, 1, 2], [0, 1, 2]]  # all tie at 0: index order
    assert sims.tolist() == [[0, 0, 0], [0, 0, 0]]


def test_a_self_join_returns_each_row_first() -> None:
    vecs = np.array([[1, 0], [1, 0.1], [1, 0.5], [0, 1]], dtype=np.float32)
    _, idx = topk(vecs, vecs, 1)
    assert idx[:, 0].tolist() == [0, 1, 2, 3]


def test_validation_and_edge_sizes() -> None:
    x = np.ones((2, 3), dtype=np.float32)
    with pytest.raises(ValueError, match="columns"):
        topk(x, np.ones((2, 4)), 1)
    with pytest.raises(ValueError, match="2-D"):
        topk(np.ones(3), x, 1)
    with pytest.raises(ValueError, match="NaN"):
        topk(np.array([[np.nan, 1, 1]]), x, 1)
    with pytest.raises(ValueError):
        topk(x, x, -1)
    with pytest.raises(ValueError):
        topk(x, x, 1, block=0)
    assert topk(x, x, 0)[0].shape == (2, 0)
    assert topk(np.ones((0, 3)), x, 2)[1].shape == (0, 2)
    assert topk(x, np.ones((0, 3)), 2)[1].tolist() == [[-1, -1], [-1, -1]]


small_ints = hnp.arrays(
    np.int8, st.tuples(st.integers(1, 12), st.just(4)), elements=st.integers(-2, 2)
)

# Bases much larger than 2k + 8 rows take the dense (argpartition) selection path.
large_ints = hnp.arrays(
    np.int8, st.tuples(st.integers(40, 90), st.just(4)), elements=st.integers(-2, 2)
)


@settings(max_examples=200, deadline=None, database=None)
@given(
    query=small_ints,
    base=small_ints | large_ints,
    k=st.integers(1, 14),
    block=st.sampled_from([1, 2, 3, 5, 32, 4096]),
)
def test_topk_equals_brute_force(query: np.ndarray, base: np.ndarray, k: int, block: int) -> None:
    """Same cosines and neighbours as a full argsort, ties (frequent here) by lower index."""
    sims, idx = topk(query, base, k, block=block)
    ref_s, ref_i = brute_force(query, base, k)
    assert np.array_equal(sims, ref_s.astype(np.float32))
    assert np.array_equal(idx, ref_i)


def test_knn_mean() -> None:
    sims = np.array([[0.9, 0.5, -np.inf], [-np.inf, -np.inf, -np.inf], [0.2, 0.1, 0.0]])
    assert np.allclose(knn_mean(sims), [0.7, 0.0, 0.1])
    with pytest.raises(ValueError):
        knn_mean(np.ones(3))


def test_margin_scores_formula() -> None:
    sims = np.array([[0.9, 0.8], [0.6, -np.inf]], dtype=np.float32)
    idx = np.array([[1, 0], [2, -1]])
    qm = np.array([0.85, 0.5], dtype=np.float32)
    bm = np.array([0.7, 0.95, 0.3], dtype=np.float32)
    out = margin_scores(sims, idx, qm, bm)
    expected = [
        [0.9 / ((0.85 + 0.95) / 2), 0.8 / ((0.85 + 0.7) / 2)],
        [0.6 / ((0.5 + 0.3) / 2), -np.inf],
    ]
    assert np.allclose(out, expected)
    assert out.dtype == np.float32
    # a non-positive denominator gives -inf
    assert (
        margin_scores(np.array([[0.1]]), np.array([[0]]), np.array([-0.5]), np.array([0.2]))[0, 0]
        == -np.inf
    )
    with pytest.raises(ValueError, match="past"):
        margin_scores(sims, np.array([[3, 0], [0, 0]]), qm, bm)
    with pytest.raises(ValueError, match="query_mean"):
        margin_scores(sims, idx, bm, bm)


def test_margin_prefers_the_true_pair_over_a_hub() -> None:
    """A 'hub' near everything beats most true pairs on cosine, far fewer on margin."""
    rng = np.random.default_rng(4)
    d, n = 64, 30

    def unit(a: np.ndarray) -> np.ndarray:
        out: np.ndarray = a / np.linalg.norm(a, axis=-1, keepdims=True)
        return out

    common = unit(rng.standard_normal(d))
    own = unit(rng.standard_normal((n, d)))
    x = unit(0.8 * common + 0.6 * own)  # everything shares a topic direction
    y = unit(0.8 * common + 0.6 * unit(own + 3.0 * unit(rng.standard_normal((n, d)))))
    y = np.vstack([y, common])  # row n: the hub
    sims_xy, idx_xy = topk(x, y, 5)
    sims_yx, _ = topk(y, x, 5)
    score = margin_scores(sims_xy, idx_xy, knn_mean(sims_xy), knn_mean(sims_yx))
    by_cos = idx_xy[:, 0]
    by_margin = np.take_along_axis(idx_xy, np.argmax(score, axis=1)[:, None], axis=1)[:, 0]
    truth = np.arange(n)
    assert (by_cos == n).mean() > 0.8  # cosine: the hub wins almost everywhere
    assert (by_margin == n).mean() < 0.5  # margin: the hub is discounted
    assert (by_margin == truth).mean() > (by_cos == truth).mean() + 0.3
