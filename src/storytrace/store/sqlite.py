"""The persistent store: one SQLite file (or ``":memory:"``) per store.

Design notes:

* **Durability.** WAL journal, ``synchronous=NORMAL`` (a power cut may lose the last commits
  but never corrupts the file), foreign keys on. Every write runs in an explicit
  ``BEGIN IMMEDIATE ... COMMIT`` transaction and is rolled back on any exception, so a batch
  is stored completely or not at all, even if the process dies half-way.
* **Schema.** Created and upgraded by :mod:`storytrace.store.migrations` when the store opens.
* **Streaming.** :meth:`SQLiteStore.documents` reads pages of documents by keyset
  (``seq > last``; or a page of the requested ids at a time), loading the segments,
  sentences and problems of a whole page with one query each. A page is read in its own
  short read transaction, so nothing is held open while the caller works on the yielded
  documents (it may even write to the store), and WAL checkpoints are never blocked by a
  slow consumer.
* One connection per store object; not thread-safe.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, ClassVar, Self, TypeVar

from ..errors import StoreError
from ..models import Document, Problem, Segment, Sentence
from . import linkdata
from .base import (
    AddPlanner,
    AddResult,
    unique_problems,
    validate_document,
    validate_problem,
    validate_segments,
    validate_sentences,
)
from .migrations import check_identity, latest_version, migrate

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

_T = TypeVar("_T")

_DOC_COLUMNS = (
    "seq, id, source, text, raw_sha256, lang, title, url, published, author, encoding, line_langs"
)
_INSERT_DOCUMENT = (
    "INSERT INTO documents (content_sha256, seq, id, source, raw_sha256, lang, title, url,"
    " published, author, encoding, text, n_chars, boilerplate_share, line_langs, ingested_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_SEGMENT = (
    'INSERT INTO segments (doc, idx, start, "end", kind, reason, story)'
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_SENTENCE = 'INSERT INTO sentences (doc, idx, start, "end", segment) VALUES (?, ?, ?, ?, ?)'
_INSERT_DOC_PROBLEM = (
    "INSERT INTO doc_problems (doc, idx, source, reason, detail, fatal) VALUES (?, ?, ?, ?, ?, ?)"
)


def _chunks(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _segment_rows(seq: int, segments: Sequence[Segment]) -> list[tuple[Any, ...]]:
    return [(seq, i, s.start, s.end, s.kind, s.reason, s.story) for i, s in enumerate(segments)]


def _connect(path: str | Path, label: str, *, read_only: bool = False) -> sqlite3.Connection:
    """Open, check, configure and migrate; every failure becomes a ``StoreError``.

    ``read_only`` opens an existing file with ``mode=ro`` and ``query_only``: nothing is
    created, configured or migrated, and a store of another schema version is refused.
    """
    if read_only and not Path(path).is_file():
        raise StoreError(f"no store at {label}")
    try:
        # isolation_level=None: the sqlite3 module must not open transactions behind our
        # back; we issue BEGIN/COMMIT ourselves.
        if read_only:
            # check_same_thread=False: a read-only store may be shared between threads
            # (the web viewer's workers); its user serialises access.
            uri = Path(path).resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            conn = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open store {label}: {exc}") from exc
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        # Identify the file before changing anything in it (journal mode is persistent).
        version = check_identity(conn, label)
        if read_only:
            conn.execute("PRAGMA query_only = ON")
            if version == 0:
                raise StoreError(f"{label} is empty, not a storytrace store")
            if version != latest_version():
                raise StoreError(
                    f"{label} has schema version {version}, this storytrace reads "
                    f"{latest_version()}: run any storytrace command on it once to upgrade"
                )
        else:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn, label)
    except BaseException as exc:
        conn.close()
        if isinstance(exc, StoreError):
            raise
        if isinstance(exc, sqlite3.OperationalError):  # locked, unreadable, disk I/O, ...
            raise StoreError(f"cannot open store {label}: {exc}") from exc
        if isinstance(exc, sqlite3.DatabaseError):  # SQLITE_NOTADB, SQLITE_CORRUPT
            raise StoreError(f"{label} is not a storytrace database: {exc}") from exc
        raise
    return conn


class _Lookups:
    """What the database already holds, for :class:`AddPlanner`, fetched a chunk at a time.

    Called inside the add transaction, so it also sees the batch's earlier chunks.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._owners: dict[str, str] = {}
        self._hashes: set[str] = set()
        self._taken: set[str] = set()
        self._ids: set[str] = set()

    def prefetch(self, hashes: Sequence[str], ids: Sequence[str]) -> None:
        self._hashes, self._ids = set(hashes), set(ids)
        self._owners = dict(
            self._conn.execute(
                f"SELECT content_sha256, id FROM documents WHERE content_sha256 IN"
                f" ({_marks(len(self._hashes))})",
                list(self._hashes),
            ).fetchall()
        )
        self._taken = {
            row[0]
            for row in self._conn.execute(
                f"SELECT id FROM documents WHERE id IN ({_marks(len(self._ids))})",
                list(self._ids),
            )
        }

    def hash_owner(self, sha: str) -> str | None:
        if sha in self._hashes:
            return self._owners.get(sha)
        row = self._conn.execute(
            "SELECT id FROM documents WHERE content_sha256 = ?", (sha,)
        ).fetchone()
        return None if row is None else str(row[0])

    def id_taken(self, doc_id: str) -> bool:
        if doc_id in self._ids:  # prefetched; the rare renamed candidates are looked up
            return doc_id in self._taken
        return (
            self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
            is not None
        )


class SQLiteStore:
    """A :class:`~storytrace.store.base.Store` in an SQLite database file.

    ``path`` may be ``":memory:"`` for a private, throw-away database. Opening creates or
    upgrades the schema; raises ``StoreError`` if the file is not a storytrace database (or
    cannot be opened) and ``SchemaTooNew`` if a newer storytrace wrote it.

    ``read_only=True`` opens an existing store without ever writing to it: a missing file
    or a schema of another version is refused with ``StoreError``, and every write raises
    ``StoreError``. Such a store may be used from several threads, one at a time.
    """

    #: Documents per page read by :meth:`documents`.
    page_size: ClassVar[int] = 64
    #: Documents validated and inserted per ``executemany`` round in :meth:`add`; the whole
    #: batch is still one transaction, this only bounds memory for a streamed batch.
    write_chunk: ClassVar[int] = 256

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._label = str(path)
        self._conn: sqlite3.Connection | None = _connect(path, self._label, read_only=read_only)

    # --- plumbing -----------------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"store {self._label} is closed")
        return self._conn

    @contextlib.contextmanager
    def _transaction(self, mode: str = "IMMEDIATE") -> Iterator[sqlite3.Connection]:
        """``BEGIN <mode>`` ... ``COMMIT``; ROLLBACK and re-raise on any exception.

        SQLite errors are re-raised as ``StoreError``; others (``ValueError`` from
        validation, ``KeyError``, a failing input generator) propagate unchanged.
        """
        conn = self._connection()
        try:
            conn.execute(f"BEGIN {mode}")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot use store {self._label}: {exc}") from exc
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            # Some errors (disk full, I/O) already rolled back; a second ROLLBACK would fail
            # and mask the real error.
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"cannot use store {self._label}: {exc}") from exc
            raise

    def _read(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        # A deferred transaction gives several SELECTs one consistent snapshot.
        return self._transaction("DEFERRED")

    # --- writing ------------------------------------------------------------------------------

    def add(self, docs: Iterable[Document]) -> AddResult:
        """Store a batch in one transaction; see :class:`~storytrace.store.base.Store`."""
        with self._transaction() as conn:
            seq = int(conn.execute("SELECT coalesce(max(seq), 0) FROM documents").fetchone()[0])
            lookups = _Lookups(conn)
            planner = AddPlanner(lookups.hash_owner, lookups.id_taken)
            ingested_at = _now()
            for chunk in _chunks(docs, self.write_chunk):
                for doc in chunk:
                    validate_document(doc)
                hashes = [doc.content_sha256 for doc in chunk]
                lookups.prefetch(hashes, [doc.id for doc in chunk])
                placed: list[tuple[int, str, str, Document]] = []
                for doc, sha in zip(chunk, hashes, strict=True):
                    stored_id = planner.place(doc, sha)
                    if stored_id is not None:
                        seq += 1
                        placed.append((seq, sha, stored_id, doc))
                self._insert_chunk(conn, placed, ingested_at)
            return planner.result()

    def _insert_chunk(
        self,
        conn: sqlite3.Connection,
        placed: Sequence[tuple[int, str, str, Document]],
        ingested_at: str,
    ) -> None:
        """Insert one chunk of planned documents (``(seq, sha, stored id, doc)``) and children."""
        if not placed:
            return
        conn.executemany(
            _INSERT_DOCUMENT,
            [
                (
                    sha,
                    seq,
                    stored_id,
                    d.source,
                    d.raw_sha256,
                    d.lang,
                    d.title,
                    d.url,
                    d.published,
                    d.author,
                    d.encoding,
                    d.text,
                    len(d.text),
                    d.boilerplate_share,
                    json.dumps(d.line_langs, ensure_ascii=False),
                    ingested_at,
                )
                for seq, sha, stored_id, d in placed
            ],
        )
        conn.executemany(
            _INSERT_SEGMENT,
            [row for seq, _, _, d in placed for row in _segment_rows(seq, d.segments)],
        )
        conn.executemany(
            _INSERT_SENTENCE,
            [
                (seq, i, s.start, s.end, s.segment)
                for seq, _, _, d in placed
                for i, s in enumerate(d.sentences)
            ],
        )
        conn.executemany(
            _INSERT_DOC_PROBLEM,
            [
                (seq, i, p.source, p.reason, p.detail, int(p.fatal))
                for seq, _, _, d in placed
                for i, p in enumerate(d.problems)
            ],
        )

    def update_segments(
        self,
        doc_id: str,
        segments: Sequence[Segment],
        sentences: Sequence[Sentence] | None = None,
    ) -> None:
        """Replace a document's segments; see :class:`~storytrace.store.base.Store`."""
        segments = list(segments)
        with self._transaction() as conn:
            row = conn.execute("SELECT seq, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                raise KeyError(doc_id)
            seq, text = int(row[0]), str(row[1])
            validate_segments(doc_id, len(text), segments)
            if sentences is not None:
                validate_sentences(doc_id, len(text), len(segments), sentences)
                conn.execute("DELETE FROM sentences WHERE doc = ?", (seq,))
                conn.executemany(
                    _INSERT_SENTENCE,
                    [(seq, i, s.start, s.end, s.segment) for i, s in enumerate(sentences)],
                )
            highest = conn.execute(
                "SELECT max(segment) FROM sentences WHERE doc = ?", (seq,)
            ).fetchone()[0]
            if highest is not None and highest >= len(segments):
                raise ValueError(
                    f"document {doc_id!r}: its sentences point to segment {highest}, "
                    f"but only {len(segments)} segments were given"
                )
            conn.execute("DELETE FROM segments WHERE doc = ?", (seq,))
            conn.executemany(_INSERT_SEGMENT, _segment_rows(seq, segments))
            # Keep the stored share in step; the model owns its definition.
            share = Document(doc_id, "", text, "", segments=segments).boilerplate_share
            conn.execute("UPDATE documents SET boilerplate_share = ? WHERE seq = ?", (share, seq))

    def add_problems(self, problems: Iterable[Problem], run_id: str | None = None) -> None:
        """Record input problems; see :class:`~storytrace.store.base.Store`."""
        batch = list(problems)
        for prob in batch:
            validate_problem(prob)
        at = _now()
        with self._transaction() as conn:
            conn.executemany(
                "INSERT INTO input_problems (source, reason, detail, fatal, run_id, at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(p.source, p.reason, p.detail, int(p.fatal), run_id, at) for p in batch],
            )

    # --- reading ------------------------------------------------------------------------------

    def _load(self, conn: sqlite3.Connection, rows: list[Any]) -> list[Document]:
        """Documents for rows of ``_DOC_COLUMNS``, with children fetched by one query each."""
        if not rows:
            return []
        seqs = [row[0] for row in rows]
        where = f"WHERE doc IN ({_marks(len(seqs))}) ORDER BY doc, idx"

        def children(select: str, make: Callable[..., _T]) -> dict[int, list[_T]]:
            out: dict[int, list[_T]] = defaultdict(list)
            for doc, *values in conn.execute(f"{select} {where}", seqs):
                out[doc].append(make(*values))
            return out

        segments = children('SELECT doc, start, "end", kind, reason, story FROM segments', Segment)
        sentences = children('SELECT doc, start, "end", segment FROM sentences', Sentence)
        problems = children(
            "SELECT doc, source, reason, detail, fatal FROM doc_problems",
            lambda source, reason, detail, fatal: Problem(source, reason, detail, bool(fatal)),
        )
        docs = []
        for seq, doc_id, source, text, raw, lang, title, url, published, author, enc, langs in rows:
            docs.append(
                Document(
                    id=doc_id,
                    source=source,
                    text=text,
                    raw_sha256=raw,
                    lang=lang,
                    title=title,
                    url=url,
                    published=published,
                    author=author,
                    encoding=enc,
                    segments=segments.get(seq, []),
                    sentences=sentences.get(seq, []),
                    line_langs=json.loads(langs),
                    problems=problems.get(seq, []),
                )
            )
        return docs

    def _get_where(self, condition: str, value: str) -> Document | None:
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT {_DOC_COLUMNS} FROM documents WHERE {condition} = ?", (value,)
            ).fetchall()
            docs = self._load(conn, rows)
        return docs[0] if docs else None

    def get(self, doc_id: str) -> Document | None:
        return self._get_where("id", doc_id)

    def get_by_hash(self, content_sha256: str) -> Document | None:
        return self._get_where("content_sha256", content_sha256)

    def ids(self) -> list[str]:
        with self._read() as conn:
            return [row[0] for row in conn.execute("SELECT id FROM documents ORDER BY seq")]

    def documents(self, ids: Sequence[str] | None = None) -> Iterator[Document]:
        """Stream documents page by page; see :class:`~storytrace.store.base.Store`."""
        if ids is None:
            after = 0
            while True:
                with self._read() as conn:
                    rows = conn.execute(
                        f"SELECT {_DOC_COLUMNS} FROM documents WHERE seq > ? ORDER BY seq LIMIT ?",
                        (after, self.page_size),
                    ).fetchall()
                    page = self._load(conn, rows)
                if not rows:
                    return
                after = rows[-1][0]
                yield from page  # outside the read transaction: the caller may write
        else:
            # A page of the requested ids at a time, put back in the caller's order.
            for chunk in _chunks(dict.fromkeys(ids), self.page_size):
                with self._read() as conn:
                    rows = conn.execute(
                        f"SELECT {_DOC_COLUMNS} FROM documents WHERE id IN ({_marks(len(chunk))})",
                        chunk,
                    ).fetchall()
                    by_id = {doc.id: doc for doc in self._load(conn, rows)}
                yield from (by_id[doc_id] for doc_id in chunk if doc_id in by_id)

    def problems(self) -> list[Problem]:
        with self._read() as conn:
            carried = conn.execute(
                "SELECT source, reason, detail, fatal FROM doc_problems ORDER BY doc, idx"
            ).fetchall()
            recorded = conn.execute(
                "SELECT source, reason, detail, fatal FROM input_problems ORDER BY seq"
            ).fetchall()
        return unique_problems(Problem(s, r, d, bool(f)) for s, r, d, f in carried + recorded)

    def __len__(self) -> int:
        with self._read() as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def __contains__(self, doc_id: object) -> bool:
        if not isinstance(doc_id, str):
            return False
        with self._read() as conn:
            found = conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return found is not None

    # --- derived data: vectors and link state (SQL in linkdata.py) -----------------------------

    def get_vectors(self, model: str, keys: Sequence[str]) -> dict[str, NDArray[np.float32]]:
        """See :meth:`~storytrace.store.base.Store.get_vectors`; ``IN`` queries of <= 500 keys."""
        linkdata.check_name(model, "model")
        wanted = linkdata.check_keys(keys)
        with self._read() as conn:
            return linkdata.select_vectors(conn, model, wanted)

    def put_vectors(self, model: str, items: Mapping[str, NDArray[Any]]) -> None:
        """See :meth:`~storytrace.store.base.Store.put_vectors`."""
        rows = linkdata.encode_vectors(model, items.items())
        with self._transaction() as conn:
            linkdata.upsert_vectors(conn, model, rows)

    def put_state(self, kind: str, items: Mapping[str, Any]) -> None:
        """See :meth:`~storytrace.store.base.Store.put_state`."""
        rows = linkdata.encode_states(kind, items.items())
        with self._transaction() as conn:
            linkdata.upsert_state(conn, kind, rows)

    def get_state(self, kind: str, keys: Sequence[str] | None = None) -> dict[str, Any]:
        """See :meth:`~storytrace.store.base.Store.get_state`."""
        linkdata.check_name(kind, "kind")
        wanted = None if keys is None else linkdata.check_keys(keys)
        with self._read() as conn:
            return linkdata.select_state(conn, kind, wanted)

    def delete_state(self, kind: str, keys: Sequence[str] | None = None) -> None:
        """See :meth:`~storytrace.store.base.Store.delete_state`."""
        linkdata.check_name(kind, "kind")
        wanted = None if keys is None else linkdata.check_keys(keys)
        with self._transaction() as conn:
            linkdata.remove_state(conn, kind, wanted)

    # --- lifecycle ----------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (SQLite checkpoints the WAL); idempotent."""
        if self._conn is not None:
            conn, self._conn = self._conn, None
            conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._conn is None else "open"
        return f"SQLiteStore({self._label!r}, {state})"
