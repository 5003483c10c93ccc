"""SQLite-specific behaviour: schema, migrations, refusal of foreign files, atomicity, streaming."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from storytrace.errors import SchemaTooNew, StoreError
from storytrace.models import Document, Problem, Segment
from storytrace.store import SQLiteStore, migrations
from storytrace.store.migrations import APPLICATION_ID, MIGRATIONS, Migration, split_statements

from .test_store import make_doc, plain

LATEST = MIGRATIONS[-1].version


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def scalar(path: Path, sql: str) -> Any:
    conn = raw(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


# --- schema and settings ----------------------------------------------------------------------


def test_new_database_is_set_up(db: Path) -> None:
    with SQLiteStore(db) as store:
        conn = store._connection()
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert scalar(db, "PRAGMA user_version") == LATEST
    assert scalar(db, "PRAGMA application_id") == APPLICATION_ID
    conn = raw(db)
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    conn.close()
    assert meta["application"] == "storytrace"
    assert meta["storytrace_version"]
    assert meta["created_at"].startswith("20")


def test_migration_list_is_well_formed() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert all(m.description and split_statements(m.script) for m in MIGRATIONS)


def test_split_statements_respects_comments_and_strings() -> None:
    script = "-- a; b\nCREATE TABLE t (x TEXT DEFAULT 'a;b'); -- trailing; comment\nSELECT 1;"
    assert split_statements(script) == [
        "-- a; b\nCREATE TABLE t (x TEXT DEFAULT 'a;b');",
        "-- trailing; comment\nSELECT 1;",
    ]
    with pytest.raises(ValueError, match="incomplete"):
        split_statements("SELECT 1; SELECT 'unterminated")


def test_memory_database(tmp_path: Path) -> None:
    with SQLiteStore(":memory:") as store:
        store.add([make_doc()])
        assert store.get("d1") == make_doc()
    assert not list(tmp_path.iterdir())


# --- persistence and concurrency --------------------------------------------------------------


def test_persists_across_reopen(db: Path) -> None:
    doc = make_doc()
    with SQLiteStore(db) as store:
        store.add([doc, plain("b", "bee")])
        store.update_segments("b", [Segment(0, 3, "story", None, "S2")])
        store.add_problems([Problem("bad.bin", "not-text")], run_id="r1")
    with SQLiteStore(db) as store:
        assert store.ids() == ["d1", "b"]
        assert store.get("d1") == doc
        b = store.get("b")
        assert b is not None
        assert b.segments == [Segment(0, 3, "story", None, "S2")]
        assert store.problems() == [*doc.problems, Problem("bad.bin", "not-text")]
        assert store.add([doc]).existing == ["d1"]


def test_two_connections_see_each_others_commits(db: Path) -> None:
    with SQLiteStore(db) as writer, SQLiteStore(db) as reader:
        writer.add([plain("a", "x")])
        assert reader.ids() == ["a"]
        reader.add([plain("b", "y")])
        assert writer.ids() == ["a", "b"]


def test_input_problems_keep_run_id(db: Path) -> None:
    with SQLiteStore(db) as store:
        store.add_problems([Problem("x", "unreadable", "EACCES")], run_id="run-7")
    conn = raw(db)
    row = conn.execute(
        "SELECT source, reason, detail, fatal, run_id FROM input_problems"
    ).fetchone()
    conn.close()
    assert row == ("x", "unreadable", "EACCES", 1, "run-7")


# --- read-only ------------------------------------------------------------------------------


def test_read_only_reads_and_never_writes(db: Path) -> None:
    doc = make_doc()
    with SQLiteStore(db) as store:
        store.add([doc])
        store.put_state("k", {"a": 1})
    before = db.read_bytes()
    with SQLiteStore(db, read_only=True) as ro:
        assert ro.get("d1") == doc
        assert ro.get_state("k") == {"a": 1}
        with pytest.raises(StoreError):
            ro.put_state("k", {"a": 2})
        with pytest.raises(StoreError):
            ro.add([make_doc("d2")])
    assert db.read_bytes() == before
    with SQLiteStore(db) as store:
        assert store.get_state("k") == {"a": 1} and store.get("d2") is None


def test_read_only_refuses_to_create_or_migrate(
    tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "missing.db"
    with pytest.raises(StoreError, match="no store at"):
        SQLiteStore(missing, read_only=True)
    assert not missing.exists()
    with monkeypatch.context() as m:  # a store written by a storytrace at schema version 1
        m.setattr(migrations, "MIGRATIONS", MIGRATIONS[:1])
        SQLiteStore(db).close()
    with pytest.raises(StoreError, match="schema version 1"):
        SQLiteStore(db, read_only=True)
    assert scalar(db, "PRAGMA user_version") == 1  # left as it was


# --- migrations -------------------------------------------------------------------------------


def test_v1_database_is_migrated(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = make_doc()
    with monkeypatch.context() as m:  # a storytrace that only knew schema version 1
        m.setattr(migrations, "MIGRATIONS", MIGRATIONS[:1])
        with SQLiteStore(db) as store:
            store.add([doc])
    assert scalar(db, "PRAGMA user_version") == 1
    assert scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'segments_story'") == 0
    created = scalar(db, "SELECT value FROM meta WHERE key = 'created_at'")

    with SQLiteStore(db) as store:  # today's code
        assert store.get("d1") == doc
        store.update_segments("d1", [Segment(0, len(doc.text), "story", None, "S1")] * 3)
    assert scalar(db, "PRAGMA user_version") == LATEST
    assert scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'segments_story'") == 1
    assert scalar(db, "SELECT value FROM meta WHERE key = 'created_at'") == created
    conn = raw(db)
    plan = conn.execute("EXPLAIN QUERY PLAN SELECT doc FROM segments WHERE story = 'S1'").fetchall()
    conn.close()
    assert "segments_story" in str(plan)


def test_failed_migration_leaves_old_schema(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with SQLiteStore(db) as store:
        store.add([plain("a", "x")])
    broken = Migration(
        LATEST + 1, "broken", "CREATE TABLE half (x); INSERT INTO nowhere VALUES (1);"
    )
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", (*MIGRATIONS, broken))
        with pytest.raises(StoreError, match="nowhere"):
            SQLiteStore(db)
    assert scalar(db, "PRAGMA user_version") == LATEST
    assert scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'half'") == 0
    with SQLiteStore(db) as store:
        assert store.ids() == ["a"]


def test_schema_too_new(db: Path) -> None:
    with SQLiteStore(db) as store:
        store.add([plain("a", "x")])
    conn = raw(db)
    conn.execute(f"PRAGMA user_version = {LATEST + 5}")
    conn.close()
    with pytest.raises(SchemaTooNew, match=rf"newer storytrace \(schema version {LATEST + 5}"):
        SQLiteStore(db)
    assert issubclass(SchemaTooNew, StoreError)
    assert scalar(db, "PRAGMA user_version") == LATEST + 5  # left alone


# --- foreign files ----------------------------------------------------------------------------


def test_not_a_database(db: Path) -> None:
    db.write_bytes(b"<html>certainly not SQLite</html>\n" * 200)
    with pytest.raises(StoreError, match=r"store\.db is not a storytrace database: file is not a"):
        SQLiteStore(db)
    assert db.read_bytes().startswith(b"<html>")


def test_foreign_sqlite_database(db: Path) -> None:
    conn = raw(db)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    with pytest.raises(StoreError, match=r"is not a storytrace database: .*another program"):
        SQLiteStore(db)
    conn = raw(db)
    conn.execute("PRAGMA application_id = 42")
    conn.close()
    with pytest.raises(StoreError, match=r"is not a storytrace database: .*application id is 0x2a"):
        SQLiteStore(db)


def test_unopenable_path(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open store"):
        SQLiteStore(tmp_path)  # a directory
    with pytest.raises(StoreError, match="cannot open store"):
        SQLiteStore(tmp_path / "missing" / "dir" / "s.db")


def test_empty_file_becomes_a_store(db: Path) -> None:
    db.touch()
    with SQLiteStore(db) as store:
        store.add([plain("a", "x")])
    assert scalar(db, "PRAGMA user_version") == LATEST


# --- atomicity --------------------------------------------------------------------------------


def _fail_on_second_chunk(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    """Make add() write its first chunk (one document) and then fail."""
    original = SQLiteStore._insert_chunk
    calls = {"n": 0}

    def flaky(self: SQLiteStore, conn: sqlite3.Connection, placed: Sequence[Any], at: str) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise error
        original(self, conn, placed, at)

    monkeypatch.setattr(SQLiteStore, "write_chunk", 1)
    monkeypatch.setattr(SQLiteStore, "_insert_chunk", flaky)


def _batch() -> list[Document]:
    return [make_doc("n1", text="one\ntwo\nthree\nfour"), plain("n2", "second"), plain("n3", "3")]


def test_failure_mid_batch_stores_nothing(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with SQLiteStore(db) as store:
        store.add([plain("keep", "kept")])
        _fail_on_second_chunk(monkeypatch, RuntimeError("boom"))
        with pytest.raises(RuntimeError, match="boom"):
            store.add(_batch())
        assert store.ids() == ["keep"]
        conn = store._connection()
        assert not conn.in_transaction
        for table in ("segments", "sentences", "doc_problems"):
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
        monkeypatch.undo()
        assert store.add([plain("after", "still writable")]).added == ["after"]
    with SQLiteStore(db) as store:
        assert store.ids() == ["keep", "after"]
    assert scalar(db, "PRAGMA integrity_check") == "ok"


def test_sqlite_error_mid_batch_is_a_store_error(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with SQLiteStore(db) as store:
        _fail_on_second_chunk(monkeypatch, sqlite3.OperationalError("disk I/O error"))
        with pytest.raises(StoreError, match="disk I/O error"):
            store.add(_batch())
        assert len(store) == 0


CRASH_SCRIPT = textwrap.dedent(
    """
    import os, sys
    from storytrace.models import Document
    from storytrace.store import SQLiteStore

    original = SQLiteStore._insert_chunk
    calls = []

    def dying(self, conn, placed, at):
        calls.append(1)
        if len(calls) == 3:  # two chunks written inside the transaction, then the process dies
            os._exit(17)
        original(self, conn, placed, at)

    SQLiteStore.write_chunk = 1
    store = SQLiteStore(sys.argv[1])
    SQLiteStore._insert_chunk = dying
    store.add(Document(f"c{i}", "crash", f"text {i}", "r") for i in range(5))
    """
)


def test_process_killed_mid_batch_keeps_previous_state(db: Path) -> None:
    with SQLiteStore(db) as store:
        store.add([plain("keep", "kept")])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.run(
        [sys.executable, "-c", CRASH_SCRIPT, str(db)],
        check=False,
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 17, proc.stderr.decode()
    with SQLiteStore(db) as store:
        assert store.ids() == ["keep"]
        assert store.add([plain("c0", "text 0")]).added == ["c0"]
    assert scalar(db, "PRAGMA integrity_check") == "ok"


# --- streaming --------------------------------------------------------------------------------


def _trace(store: SQLiteStore) -> list[str]:
    statements: list[str] = []
    store._connection().set_trace_callback(statements.append)
    return statements


def test_documents_streams_by_page_without_per_document_queries(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SQLiteStore, "page_size", 5)
    with SQLiteStore(db) as store:
        store.add(make_doc(f"d{i}", text=f"head {i}\nbody\nmore\nend") for i in range(20))
        statements = _trace(store)
        it = store.documents()
        first = next(it)
        assert first.id == "d0"
        selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
        assert len(selects) == 4  # one page: documents, segments, sentences, problems
        rest = list(it)
        assert [d.id for d in rest] == [f"d{i}" for i in range(1, 20)]
        selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
        assert len(selects) == 4 * 4 + 1  # four full pages and the empty one that ends it
        store._connection().set_trace_callback(None)


def test_documents_by_ids_is_paged_too(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SQLiteStore, "page_size", 3)
    with SQLiteStore(db) as store:
        store.add(plain(f"d{i}", f"t{i}") for i in range(10))
        statements = _trace(store)
        wanted = [f"d{i}" for i in (9, 0, 4, 4, 7, 2, 8, 1)]
        assert [d.id for d in store.documents(wanted)] == ["d9", "d0", "d4", "d7", "d2", "d8", "d1"]
        selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
        assert len(selects) == 3 * 4  # 7 distinct ids -> 3 pages
        store._connection().set_trace_callback(None)


def test_abandoned_iterator_holds_no_transaction(db: Path) -> None:
    with SQLiteStore(db) as store:
        store.add(plain(f"d{i}", f"t{i}") for i in range(200))
        it: Iterator[Document] = store.documents()
        next(it)
        assert not store._connection().in_transaction
        with SQLiteStore(db) as other:  # a writer is not blocked by the paused reader
            other.add([plain("new", "written meanwhile")])
        assert sum(1 for _ in it) == 200  # the rest, plus the newcomer picked up by keyset
