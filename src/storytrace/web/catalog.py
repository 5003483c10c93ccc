"""What the viewer reads: a read-only store, the stories of its last link run, and search.

Contract:
    ``Catalog(db)`` opens the SQLite store at ``db`` read-only (``mode=ro``: the viewer can
    never write, migrate or create it) and loads, once, the stories with their derivation
    (``link.run.stories_json`` over ``load_stories``/``load_derived``, the same data
    ``pipeline.report_parts`` gives ``trace --json``) and a light row per story document
    (language, title, date; no text). ``story_report(sid)`` reads and returns a report-shaped
    dict of one story (its documents in full, built by ``report.json.build_report``); it
    does not cache (the app keeps the views it builds from it). ``search(...)`` filters the
    stories by text, language and date.

    A catalog is safe to share between threads: the one SQLite connection is used under a
    lock. The store is a snapshot as of opening; restart the viewer to see a newer run.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..link.run import load_derived, load_stories, stories_json
from ..report.html import StoryRow
from ..report.json import build_report
from ..store.sqlite import SQLiteStore

#: Text searches whose matching documents are kept (the store is a snapshot).
CACHE_SEARCHES = 32


class ReadOnlySQLiteStore(SQLiteStore):
    """``SQLiteStore(path, read_only=True)`` with the viewer's search function and a query.

    It neither creates nor migrates the file: a missing file, a foreign database or a schema
    of another version is refused with ``StoreError``; every write raises ``StoreError``.
    """

    def __init__(self, path: str | Path) -> None:
        super().__init__(path, read_only=True)
        # Case-folded substring search that, unlike SQL lower(), folds every script.
        self._connection().create_function("st_fold", 1, _fold, deterministic=True)

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        """Rows of one read-only statement."""
        with self._read() as conn:
            return conn.execute(sql, params).fetchall()


def _fold(value: object) -> str | None:
    return value.casefold() if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class DocRow:
    id: str
    lang: str
    title: str
    published: str


@dataclass(frozen=True, slots=True)
class StoryEntry:
    """A story as the list and the search see it (no text)."""

    story: Mapping[str, Any]
    row: StoryRow
    folded: str  # story and document titles, case-folded
    days: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SearchResult:
    rows: list[StoryRow]
    total: int


class Catalog:
    """The viewer's data (see the module docstring)."""

    def __init__(self, db: str | Path) -> None:
        self.store = ReadOnlySQLiteStore(db)
        self._lock = threading.Lock()
        self._text_hits = lru_cache(maxsize=CACHE_SEARCHES)(self._documents_containing)
        with self._lock:
            stories = stories_json(load_stories(self.store), None, load_derived(self.store))
            docs = {
                r[0]: DocRow(r[0], r[1] or "?", r[2] or "", r[3] or "")
                for r in self.store.query("SELECT id, lang, title, published FROM documents")
            }
            self.n_docs = len(docs)
        self.entries: dict[str, StoryEntry] = {}
        for story in stories:
            members = [docs[d] for d in story["documents"] if d in docs]
            links = story.get("links") or []
            row = StoryRow.of(
                story["id"],
                story.get("title") or "",
                members,
                n_links=len(links),
                n_changes=sum(len(lk.get("changes") or []) for lk in links),
                n_docs=len(story["documents"]),
            )
            folded = "\n".join([row.title, *(m.title for m in members)]).casefold()
            days = tuple(sorted({m.published[:10] for m in members if m.published}))
            self.entries[story["id"]] = StoryEntry(story, row, folded, days)
        self.langs = sorted({x for e in self.entries.values() for x in e.row.langs})

    def close(self) -> None:
        with self._lock:
            self.store.close()

    def story_report(self, sid: str) -> dict[str, Any] | None:
        """A ``storytrace.report/1`` dict holding story ``sid`` and its documents, or None."""
        entry = self.entries.get(sid)
        if entry is None:
            return None
        story = entry.story
        with self._lock:
            docs = list(self.store.documents(story["documents"]))
        return build_report(docs, [story])

    def _documents_containing(self, needle: str) -> frozenset[str]:
        """Ids of the documents whose text contains ``needle`` (case-folded): a scan of
        every text, so the last few are kept (paging through one search asks again)."""
        with self._lock:
            rows = self.store.query(
                "SELECT id FROM documents WHERE instr(st_fold(text), ?) > 0", (needle,)
            )
        return frozenset(r[0] for r in rows)

    def search(
        self,
        text: str = "",
        lang: str = "",
        date_from: str = "",
        date_to: str = "",
        *,
        offset: int = 0,
        limit: int = 100,
    ) -> SearchResult:
        """Stories matching every given filter, in story order.

        ``text`` matches (case-folded substring) the story title, a document title or a
        document's cleaned text; ``lang`` a document language; ``date_from``/``date_to``
        (``YYYY-MM-DD``, inclusive) a document's publication day.
        """
        needle = text.strip().casefold()
        in_text = self._text_hits(needle) if needle else frozenset()
        hits = []
        for entry in self.entries.values():
            if lang and lang not in entry.row.langs:
                continue
            if (date_from or date_to) and not any(
                (not date_from or day >= date_from) and (not date_to or day <= date_to)
                for day in entry.days
            ):
                continue
            if (
                needle
                and needle not in entry.folded
                and in_text.isdisjoint(entry.story["documents"])
            ):
                continue
            hits.append(entry.row)
        return SearchResult(hits[offset : offset + limit], len(hits))
