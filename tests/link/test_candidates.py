"""Cross-language candidates by k nearest neighbours and ratio margins (link/candidates.py)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.link.candidates import margin_pairs, unit_mean_rows


def _corpus(n: int, dim: int = 32, seed: int = 0) -> tuple[np.ndarray, list[str]]:
    """n stories in English, each translated to German (a noisy copy of its vector)."""
    rng = np.random.default_rng(seed)
    base = rng.normal(size=(n, dim))
    noisy = base + 0.3 * rng.normal(size=(n, dim))
    m = np.vstack([base, noisy]).astype(np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True), ["en"] * n + ["de"] * n


def test_unit_mean_rows() -> None:
    m = np.array([[1, 0], [1, 0], [0, 2]], dtype=np.float32)
    out = unit_mean_rows(m, [0, 0, 1], 3)
    assert np.allclose(out, [[1, 0], [0, 1], [0, 0]])


def test_translations_found_and_same_language_never_paired() -> None:
    m, langs = _corpus(40)
    pairs = margin_pairs(m, langs, k=4, min_margin=1.2)
    assert {(i, i + 40) for i in range(40)} <= set(pairs)
    assert all(langs[i] != langs[j] for i, j in pairs)
    assert len(pairs) < 40 * 3  # a few per row, not all pairs


def test_a_hub_near_everything_gets_no_margin() -> None:
    m, langs = _corpus(30, seed=1)
    hub = m[30:].mean(axis=0)
    m = np.vstack([m, hub / np.linalg.norm(hub)]).astype(np.float32)
    langs = [*langs, "en"]
    pairs = margin_pairs(m, langs, k=4, min_margin=1.2)
    assert not any(60 in p for p in pairs)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 6))
def test_queries_restrict_and_pairs_are_ordered(seed: int, k: int) -> None:
    m, langs = _corpus(12, seed=seed)
    everything = margin_pairs(m, langs, k=k, min_margin=1.0)
    wanted = np.zeros(len(m), dtype=bool)
    wanted[[0, 13]] = True
    some = margin_pairs(m, langs, k=k, min_margin=1.0, queries=wanted)
    assert all(i < j for i, j in everything)
    assert set(some) == {p for p in everything if p[0] in (0, 13) or p[1] in (0, 13)}
    # at most k partners per row and other language, in each direction
    assert len(everything) <= 2 * k * len(m)


def test_zero_rows_and_unknown_languages_never_pair() -> None:
    m, langs = _corpus(5)
    m[0] = 0
    langs2: list[str | None] = [None if i == 1 else x for i, x in enumerate(langs)]
    pairs = margin_pairs(m, langs2, k=3, min_margin=0.0)
    assert not any(0 in p or 1 in p for p in pairs)


def test_document_vectors_equal_unit_mean_rows_of_all_passages() -> None:
    """knn_candidates' per-document vectors, a few documents at a time, are bit for bit
    unit_mean_rows over one matrix of every passage (float16 rows, as the static tier keeps
    them; empty documents included)."""
    from storytrace.link.run import _document_vectors

    rng = np.random.default_rng(5)
    sizes = [3, 0, 1, 7, 0, 2, 12, 1, 0, 4]
    docs = [f"d{i}" for i in range(len(sizes))]
    vecs = {
        d: rng.normal(size=(n, 16)).astype(np.float16) for d, n in zip(docs, sizes, strict=True)
    }
    owners = np.repeat(np.arange(len(docs)), sizes)
    whole = np.vstack([vecs[d].astype(np.float32) for d in docs])
    expected = unit_mean_rows(whole, owners, len(docs))
    for part in (1, 3, 4096):
        got = _document_vectors(docs, vecs, part=part)
        assert got is not None and got.dtype == np.float32
        assert got.tobytes() == expected.tobytes()
    empty = {d: np.zeros((0, 16), np.float16) for d in docs}
    assert _document_vectors(docs, empty) is None
