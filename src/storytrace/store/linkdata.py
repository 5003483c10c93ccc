"""Cached vectors and generic link state: the encoding both backends share, and the SQL.

The linking stage caches two kinds of derived data next to the documents:

* **vectors** — sentence/passage embeddings keyed by ``(model, key)``, where ``key`` is
  usually ``sha256(model + "\\x00" + text)`` (see :func:`storytrace.link.embed.vector_key`).
  They are stored as little-endian **float16**: half the size of float32, and on real
  multilingual-e5 vectors the cosine between two decoded vectors differs from the float32
  cosine by at most 9.3e-5 (mean 1.4e-5; 963 seed-corpus lines, all pairs), far below the
  0.02 gap that separates a translation from a fact-changed rewrite. Decoding also accepts
  float32 blobs (``len(data) == 4 * dim``), so a later switch needs no migration.
  Both backends keep the encoded bytes, so both return bit-identical vectors.
* **state** — JSON values keyed by ``(kind, key)`` (passage links, story assignments, MinHash
  signatures...). A value comes back as ``json.loads(json.dumps(value))``: tuples become
  lists, dict keys become strings. NaN and infinities are refused (they are not JSON).

numpy is imported lazily so that ``import storytrace`` stays cheap.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from ..errors import StoreError

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

#: Most keys bound in one ``IN (...)`` query: well under SQLite's variable limit (999 in old
#: builds), and large enough that a 10k-key lookup is 20 queries, not 10k.
KEY_CHUNK = 500

#: The dtype vectors are written in (explicitly little-endian: the file is portable).
STORED_DTYPE = "<f2"

#: Largest finite float16; larger magnitudes would be stored as infinity.
_F16_MAX = 65504.0


def check_name(value: object, what: str) -> str:
    """``value`` if it is a ``str`` encodable as UTF-8; else ``TypeError``/``ValueError``."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        # SQLite cannot store lone surrogates; refuse them in every backend alike.
        raise ValueError(f"{what} {value!r} is not valid Unicode ({exc.reason})") from exc
    return value


def check_keys(keys: Sequence[str]) -> list[str]:
    """The distinct keys in first-seen order, each checked with :func:`check_name`."""
    if isinstance(keys, str | bytes):
        # A lone string is a Sequence[str] of its characters: almost surely a mistake.
        raise TypeError("keys must be a sequence of str, not a single string")
    return [check_name(key, "key") for key in dict.fromkeys(keys)]


# --- vectors ---------------------------------------------------------------------------------


def encode_vector(vector: object, key: str) -> tuple[int, bytes]:
    """``(dim, bytes)`` for a 1-D finite numeric vector; ``ValueError`` otherwise."""
    import numpy as np

    arr = np.asarray(vector)
    if arr.ndim != 1 or not (
        np.issubdtype(arr.dtype, np.floating) or np.issubdtype(arr.dtype, np.integer)
    ):
        raise ValueError(
            f"vector {key!r} must be a 1-D numeric array, got shape {arr.shape} {arr.dtype}"
        )
    if not np.isfinite(arr).all() or (arr.size and float(np.abs(arr).max()) > _F16_MAX):
        raise ValueError(f"vector {key!r} has values that are not finite float16 numbers")
    return int(arr.shape[0]), arr.astype(STORED_DTYPE).tobytes()


def decode_vector(dim: int, data: bytes) -> NDArray[np.float32]:
    """A fresh, writable float32 vector from stored bytes (float16, or float32 by length)."""
    import numpy as np

    if len(data) == 2 * dim:
        return np.frombuffer(data, dtype="<f2").astype(np.float32)
    if len(data) == 4 * dim:
        return np.frombuffer(data, dtype="<f4").astype(np.float32)
    raise StoreError(f"stored vector has {len(data)} bytes, which fits no dtype for dim {dim}")


def encode_vectors(model: str, items: Iterable[tuple[str, object]]) -> list[tuple[str, int, bytes]]:
    """Validate and encode a batch up front, so a bad item changes nothing."""
    check_name(model, "model")
    rows = []
    for key, vector in items:
        dim, data = encode_vector(vector, check_name(key, "key"))
        rows.append((key, dim, data))
    return rows


# --- state -----------------------------------------------------------------------------------


def encode_state(value: Any, key: str) -> str:
    """The JSON text stored for ``value``; ``TypeError``/``ValueError`` if it cannot be."""
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except TypeError as exc:
        raise TypeError(f"state {key!r}: value is not JSON-serialisable ({exc})") from exc
    except ValueError as exc:
        raise ValueError(f"state {key!r}: {exc}") from exc
    check_name(text, f"state {key!r} value")
    return text


def encode_states(kind: str, items: Iterable[tuple[str, Any]]) -> list[tuple[str, str]]:
    check_name(kind, "kind")
    return [(check_name(key, "key"), encode_state(value, key)) for key, value in items]


def decode_state(text: str) -> Any:
    return json.loads(text)


# --- SQL (SQLite backend) --------------------------------------------------------------------


def _chunks(keys: Sequence[str]) -> Iterator[list[str]]:
    it = iter(keys)
    while chunk := list(islice(it, KEY_CHUNK)):
        yield chunk


def _marks(n: int) -> str:
    return ",".join("?" * n)


def select_vectors(
    conn: sqlite3.Connection, model: str, keys: Sequence[str]
) -> dict[str, NDArray[np.float32]]:
    found: dict[str, tuple[int, bytes]] = {}
    for chunk in _chunks(keys):
        found.update(
            (key, (dim, data))
            for key, dim, data in conn.execute(
                f"SELECT key, dim, data FROM vectors WHERE model = ? AND key IN"
                f" ({_marks(len(chunk))})",
                [model, *chunk],
            )
        )
    return {key: decode_vector(*found[key]) for key in keys if key in found}


def upsert_vectors(
    conn: sqlite3.Connection, model: str, rows: Sequence[tuple[str, int, bytes]]
) -> None:
    conn.executemany(
        "INSERT INTO vectors (model, key, dim, data) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (model, key) DO UPDATE SET dim = excluded.dim, data = excluded.data",
        [(model, key, dim, data) for key, dim, data in rows],
    )


def select_state(conn: sqlite3.Connection, kind: str, keys: Sequence[str] | None) -> dict[str, Any]:
    if keys is None:
        # BINARY collation compares UTF-8 bytes, which orders like Python's code-point sort.
        rows = conn.execute(
            "SELECT key, value FROM state WHERE kind = ? ORDER BY key", (kind,)
        ).fetchall()
        return {key: decode_state(value) for key, value in rows}
    found: dict[str, str] = {}
    for chunk in _chunks(keys):
        found.update(
            conn.execute(
                f"SELECT key, value FROM state WHERE kind = ? AND key IN ({_marks(len(chunk))})",
                [kind, *chunk],
            ).fetchall()
        )
    return {key: decode_state(found[key]) for key in keys if key in found}


def upsert_state(conn: sqlite3.Connection, kind: str, rows: Sequence[tuple[str, str]]) -> None:
    conn.executemany(
        "INSERT INTO state (kind, key, value) VALUES (?, ?, ?)"
        " ON CONFLICT (kind, key) DO UPDATE SET value = excluded.value",
        [(kind, key, value) for key, value in rows],
    )


def remove_state(conn: sqlite3.Connection, kind: str, keys: Sequence[str] | None) -> None:
    if keys is None:
        conn.execute("DELETE FROM state WHERE kind = ?", (kind,))
        return
    for chunk in _chunks(keys):
        conn.execute(
            f"DELETE FROM state WHERE kind = ? AND key IN ({_marks(len(chunk))})",
            [kind, *chunk],
        )
