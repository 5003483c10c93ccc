"""Cached vectors and link state, in both backends; the v2 → v3 migration; float16 precision."""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.errors import StoreError
from storytrace.store import MemoryStore, SQLiteStore, Store, linkdata, migrations
from storytrace.store.migrations import MIGRATIONS

from .test_store import make_doc

MODEL = "test-model/v1"


@pytest.fixture(params=["memory", "sqlite"])
def store(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Store]:
    # A tiny key chunk so every lookup also exercises the chunked IN (...) queries.
    monkeypatch.setattr(linkdata, "KEY_CHUNK", 3)
    made: Store = MemoryStore() if request.param == "memory" else SQLiteStore(tmp_path / "s.db")
    yield made
    made.close()


def unit_rows(n: int, dim: int = 384, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    rows = rng.standard_normal((n, dim)).astype(np.float32)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    return rows


def as_f16(vec: np.ndarray) -> np.ndarray:
    return vec.astype(np.float16).astype(np.float32)


# --- vectors ----------------------------------------------------------------------------------


def test_vectors_round_trip_in_key_order(store: Store) -> None:
    rows = unit_rows(8, dim=16)
    store.put_vectors(MODEL, {f"k{i}": rows[i] for i in range(8)})
    got = store.get_vectors(MODEL, ["k5", "missing", "k0", "k5", "k7", "k1", "k2", "k3"])
    assert list(got) == ["k5", "k0", "k7", "k1", "k2", "k3"]  # order of keys, once, no misses
    for key, vec in got.items():
        assert vec.dtype == np.float32 and vec.shape == (16,)
        assert np.array_equal(vec, as_f16(rows[int(key[1:])]))  # exactly float16 rounding
    assert store.get_vectors(MODEL, []) == {}
    assert store.get_vectors("other-model", ["k0"]) == {}


def test_returned_vectors_are_fresh_and_writable(store: Store) -> None:
    store.put_vectors(MODEL, {"a": np.ones(4, dtype=np.float32)})
    vec = store.get_vectors(MODEL, ["a"])["a"]
    vec[:] = 7.0
    assert np.array_equal(store.get_vectors(MODEL, ["a"])["a"], np.ones(4, dtype=np.float32))


def test_put_vectors_replaces_and_models_are_separate(store: Store) -> None:
    store.put_vectors(MODEL, {"a": np.ones(3), "b": np.zeros(3)})
    store.put_vectors("m2", {"a": np.full(5, 2.0)})
    store.put_vectors(MODEL, {"a": np.arange(4.0)})  # new dimension is fine too
    got = store.get_vectors(MODEL, ["a", "b"])
    assert np.array_equal(got["a"], np.arange(4.0, dtype=np.float32))
    assert np.array_equal(got["b"], np.zeros(3, dtype=np.float32))
    assert np.array_equal(store.get_vectors("m2", ["a"])["a"], np.full(5, 2.0, dtype=np.float32))
    store.put_vectors(MODEL, {})  # nothing to do


def test_accepts_integer_and_float64_and_empty_vectors(store: Store) -> None:
    store.put_vectors(MODEL, {"i": np.array([1, -2, 3]), "f": np.array([0.5]), "e": np.zeros(0)})
    got = store.get_vectors(MODEL, ["i", "f", "e"])
    assert got["i"].tolist() == [1.0, -2.0, 3.0]
    assert got["f"].tolist() == [0.5]
    assert got["e"].shape == (0,)


@pytest.mark.parametrize(
    ("bad", "error"),
    [
        (np.ones((2, 2)), "1-D"),
        (np.array([1.0, math.nan]), "finite"),
        (np.array([math.inf]), "finite"),
        (np.array([1e6]), "float16"),
        (np.array(["a", "b"]), "numeric"),
        (np.array([1 + 2j]), "numeric"),
        (np.array([True, False]), "numeric"),
    ],
)
def test_bad_vector_rejects_the_whole_batch(store: Store, bad: Any, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        store.put_vectors(MODEL, {"good": np.ones(2), "bad": bad})
    assert store.get_vectors(MODEL, ["good", "bad"]) == {}


def test_names_must_be_valid_strings(store: Store) -> None:
    with pytest.raises(ValueError, match="Unicode"):
        store.put_vectors(MODEL, {"\ud800": np.ones(2)})
    with pytest.raises(ValueError, match="Unicode"):
        store.put_vectors("\udfff", {"a": np.ones(2)})
    with pytest.raises(TypeError, match="single string"):
        store.get_vectors(MODEL, "abc")
    with pytest.raises(TypeError, match="str"):
        store.get_vectors(MODEL, [1])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="single string"):
        store.get_state("kind", "abc")


def test_float16_precision_bound_on_unit_vectors(store: Store) -> None:
    """Storing float16 moves a cosine by far less than 1e-3 (measured 9e-5 on e5 vectors)."""
    rows = unit_rows(400, seed=3)
    store.put_vectors(MODEL, {str(i): row for i, row in enumerate(rows)})
    got = store.get_vectors(MODEL, [str(i) for i in range(len(rows))])
    back = np.stack(list(got.values()))
    error = np.abs(back @ back.T - rows @ rows.T).max()
    assert error < 2e-4  # well inside the 1e-3 budget
    assert np.abs(np.linalg.norm(back, axis=1) - 1).max() < 1e-3
    assert back.nbytes // 2 == len(rows) * 384 * 2  # what is on disk: 2 bytes a value


def test_backends_return_identical_bits(tmp_path: Path) -> None:
    rows = unit_rows(20, dim=32, seed=9)
    items = {f"k{i}": row for i, row in enumerate(rows)}
    with MemoryStore() as mem, SQLiteStore(tmp_path / "a.db") as db:
        mem.put_vectors(MODEL, items)
        db.put_vectors(MODEL, items)
        a, b = mem.get_vectors(MODEL, list(items)), db.get_vectors(MODEL, list(items))
    assert all(np.array_equal(a[k], b[k]) for k in items)


# --- SQLite specifics -------------------------------------------------------------------------


def test_sqlite_lookups_are_chunked_and_persist(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    keys = [f"key{i:05d}" for i in range(1203)]
    with SQLiteStore(path) as db:
        db.put_vectors(MODEL, {k: np.full(2, i % 7) for i, k in enumerate(keys)})
        db.put_state("kind", {k: i for i, k in enumerate(keys)})
    with SQLiteStore(path) as db:  # reopened: everything is on disk
        statements: list[str] = []
        db._connection().set_trace_callback(statements.append)
        got = db.get_vectors(MODEL, keys)
        state = db.get_state("kind", keys)
        db._connection().set_trace_callback(None)
    assert list(got) == keys and list(state) == keys
    assert got["key01202"].tolist() == [1202 % 7] * 2 and state["key01202"] == 1202
    selects = [s for s in statements if s.startswith("SELECT")]
    assert len(selects) == 2 * 3  # ceil(1203 / 500) queries each
    assert all(s.count("?") <= 501 for s in selects)  # <= 500 keys + the model/kind


def test_sqlite_reads_float32_blobs_and_rejects_corrupt_ones(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    with SQLiteStore(path) as db:
        conn = db._connection()
        vec = np.array([0.1, 0.2, 0.3], dtype="<f4")
        conn.execute("INSERT INTO vectors VALUES (?, ?, ?, ?)", (MODEL, "f32", 3, vec.tobytes()))
        conn.execute("INSERT INTO vectors VALUES (?, ?, ?, ?)", (MODEL, "bad", 3, b"12345"))
        assert np.array_equal(db.get_vectors(MODEL, ["f32"])["f32"], vec)
        with pytest.raises(StoreError, match="5 bytes"):
            db.get_vectors(MODEL, ["bad"])


def test_v2_database_is_migrated_to_v3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    doc = make_doc()
    with monkeypatch.context() as m:  # a storytrace that only knew schema version 2
        m.setattr(migrations, "MIGRATIONS", MIGRATIONS[:2])
        with SQLiteStore(path) as db:
            db.add([doc])
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert "vectors" not in tables and "state" not in tables

    with SQLiteStore(path) as db:
        assert db.get("d1") == doc
        db.put_vectors(MODEL, {"a": np.ones(2)})
        db.put_state("links", {"a": {"to": "b"}})
        assert db.get_state("links") == {"a": {"to": "b"}}
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3 == MIGRATIONS[-1].version
    columns = [r[1] for r in conn.execute("PRAGMA table_info(vectors)")]
    keys = [r[1] for r in conn.execute("PRAGMA table_info(vectors)") if r[5]]
    conn.close()
    assert columns == ["model", "key", "dim", "data"] and keys == ["model", "key"]


def test_failed_write_leaves_state_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with SQLiteStore(tmp_path / "t.db") as db:
        db.put_state("k", {"a": 1})

        def boom(*args: Any) -> None:
            raise sqlite3.OperationalError("disk I/O error")

        monkeypatch.setattr(linkdata, "upsert_state", boom)
        with pytest.raises(StoreError, match="disk I/O"):
            db.put_state("k", {"a": 2, "b": 3})
        assert db.get_state("k") == {"a": 1}


# --- state ------------------------------------------------------------------------------------


def test_state_round_trip_upsert_and_order(store: Store) -> None:
    store.put_state("links", {"b": [1, 2], "a": {"x": 1.5, "y": None}, "ä": "text", "c": True})
    store.put_state("links", {"b": (3, 4)})  # upsert; a tuple comes back as a list
    store.put_state("stories", {"a": "S1"})
    assert store.get_state("links") == {
        "a": {"x": 1.5, "y": None},
        "b": [3, 4],
        "c": True,
        "ä": "text",
    }
    assert list(store.get_state("links")) == ["a", "b", "c", "ä"]  # all of a kind: sorted
    assert list(store.get_state("links", ["ä", "zz", "a"])) == ["ä", "a"]
    assert store.get_state("stories") == {"a": "S1"}
    assert store.get_state("nothing") == {}
    assert store.get_state("links", []) == {}


def test_state_values_are_fresh(store: Store) -> None:
    store.put_state("k", {"a": {"list": [1]}})
    got = store.get_state("k")
    got["a"]["list"].append(2)
    assert store.get_state("k") == {"a": {"list": [1]}}


def test_delete_state(store: Store) -> None:
    store.put_state("k", {"a": 1, "b": 2, "c": 3})
    store.put_state("other", {"a": 1})
    store.delete_state("k", ["a", "missing"])
    assert store.get_state("k") == {"b": 2, "c": 3}
    store.delete_state("k")
    assert store.get_state("k") == {}
    assert store.get_state("other") == {"a": 1}
    store.delete_state("never-there")
    store.delete_state("other", [])
    assert store.get_state("other") == {"a": 1}


@pytest.mark.parametrize(
    ("value", "error"),
    [({1, 2}, TypeError), (object(), TypeError), (math.nan, ValueError), ([math.inf], ValueError)],
)
def test_unserialisable_state_rejects_the_whole_batch(
    store: Store, value: Any, error: type[Exception]
) -> None:
    with pytest.raises(error):
        store.put_state("k", {"ok": 1, "bad": value})
    assert store.get_state("k") == {}
    with pytest.raises(ValueError, match="Unicode"):
        store.put_state("k", {"ok": "\ud800"})
    assert store.get_state("k") == {}


def test_closed_store_refuses_derived_data(store: Store) -> None:
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.get_vectors(MODEL, ["a"])
    with pytest.raises(StoreError, match="closed"):
        store.put_state("k", {"a": 1})


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(exclude_categories=["Cs"])),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.text(st.characters(exclude_categories=["Cs"]), max_size=5), inner, max_size=4
        )
    ),
    max_leaves=12,
)


@pytest.mark.parametrize("backend", ["memory", "sqlite"])
@settings(max_examples=60, deadline=None, database=None)
@given(
    items=st.dictionaries(
        st.text(st.characters(exclude_categories=["Cs"]), max_size=6), json_values, max_size=5
    )
)
def test_any_json_state_round_trips(
    backend: str, items: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("state") / "p.db"
    with MemoryStore() if backend == "memory" else SQLiteStore(path) as store:
        store.put_state("kind", items)
        expected = json.loads(json.dumps(items))
        assert store.get_state("kind") == {k: expected[k] for k in sorted(items)}
        assert store.get_state("kind", list(items)) == expected
