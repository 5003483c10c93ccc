"""An in-memory :class:`~storytrace.store.base.Store`: dicts, no persistence.

Used when no database path is given (one-shot ``storytrace trace``) and in tests. It follows
exactly the same contract as ``SQLiteStore``, including atomic batches: a batch is planned and
copied aside first and only merged into the store once the whole input iterable has been
consumed and validated.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from ..errors import StoreError
from ..models import Document, Problem, Segment, Sentence
from .base import (
    AddPlanner,
    AddResult,
    unique_problems,
    validate_document,
    validate_problem,
    validate_segments,
    validate_sentences,
)
from .linkdata import (
    check_keys,
    check_name,
    decode_state,
    decode_vector,
    encode_states,
    encode_vectors,
)

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


def _copy(doc: Document, doc_id: str | None = None) -> Document:
    """A copy that shares no mutable list with ``doc`` (items are frozen, lists are not)."""
    return dataclasses.replace(
        doc,
        id=doc.id if doc_id is None else doc_id,
        segments=list(doc.segments),
        sentences=list(doc.sentences),
        line_langs=list(doc.line_langs),
        problems=list(doc.problems),
    )


class MemoryStore:
    """A :class:`~storytrace.store.base.Store` held in process memory."""

    def __init__(self) -> None:
        # dicts keep insertion order, which is the store's document order
        self._docs: dict[str, Document] = {}
        self._by_hash: dict[str, str] = {}
        self._input_problems: list[tuple[Problem, str | None]] = []
        # Derived data is kept encoded exactly as SQLite keeps it (float16 bytes, JSON text),
        # so both backends return the same bits and accept and refuse the same values.
        self._vectors: dict[tuple[str, str], tuple[int, bytes]] = {}
        self._state: dict[str, dict[str, str]] = {}
        self._closed = False

    # --- writing ----------------------------------------------------------------------------

    def add(self, docs: Iterable[Document]) -> AddResult:
        """Store a batch atomically; see :class:`~storytrace.store.base.Store`."""
        self._check_open()
        planner = AddPlanner(self._by_hash.get, self._docs.__contains__)
        staged: list[tuple[str, str, Document]] = []
        for doc in docs:  # may raise mid-way (a failing generator): nothing is merged yet
            validate_document(doc)
            sha = doc.content_sha256
            stored_id = planner.place(doc, sha)
            if stored_id is not None:
                staged.append((sha, stored_id, _copy(doc, stored_id)))
        for sha, stored_id, copy in staged:
            self._docs[stored_id] = copy
            self._by_hash[sha] = stored_id
        return planner.result()

    def update_segments(
        self,
        doc_id: str,
        segments: Sequence[Segment],
        sentences: Sequence[Sentence] | None = None,
    ) -> None:
        """Replace a document's segments; see :class:`~storytrace.store.base.Store`."""
        self._check_open()
        doc = self._docs.get(doc_id)
        if doc is None:
            raise KeyError(doc_id)
        validate_segments(doc_id, len(doc.text), segments)
        if sentences is None:
            _check_sentence_refs(doc_id, doc, len(segments))
        else:
            validate_sentences(doc_id, len(doc.text), len(segments), sentences)
            doc.sentences = list(sentences)
        doc.segments = list(segments)

    def add_problems(self, problems: Iterable[Problem], run_id: str | None = None) -> None:
        """Record input problems; see :class:`~storytrace.store.base.Store`."""
        self._check_open()
        batch = list(problems)
        for prob in batch:
            validate_problem(prob)
        self._input_problems.extend((prob, run_id) for prob in batch)

    # --- reading ----------------------------------------------------------------------------

    def get(self, doc_id: str) -> Document | None:
        self._check_open()
        doc = self._docs.get(doc_id)
        return None if doc is None else _copy(doc)

    def get_by_hash(self, content_sha256: str) -> Document | None:
        self._check_open()
        doc_id = self._by_hash.get(content_sha256)
        return None if doc_id is None else self.get(doc_id)

    def ids(self) -> list[str]:
        self._check_open()
        return list(self._docs)

    def documents(self, ids: Sequence[str] | None = None) -> Iterator[Document]:
        """Yield copies, in insertion order or in the order of ``ids``."""
        self._check_open()
        # Snapshot the keys so that a caller updating segments while iterating is safe.
        wanted = list(self._docs) if ids is None else list(dict.fromkeys(ids))
        for doc_id in wanted:
            doc = self._docs.get(doc_id)
            if doc is not None:
                yield _copy(doc)

    def problems(self) -> list[Problem]:
        self._check_open()
        carried = (prob for doc in self._docs.values() for prob in doc.problems)
        recorded = (prob for prob, _run in self._input_problems)
        return unique_problems([*carried, *recorded])

    def __len__(self) -> int:
        self._check_open()
        return len(self._docs)

    def __contains__(self, doc_id: object) -> bool:
        self._check_open()
        return isinstance(doc_id, str) and doc_id in self._docs

    # --- derived data: vectors and link state -----------------------------------------------

    def get_vectors(self, model: str, keys: Sequence[str]) -> dict[str, NDArray[np.float32]]:
        """See :meth:`~storytrace.store.base.Store.get_vectors`."""
        self._check_open()
        check_name(model, "model")
        found = ((key, self._vectors.get((model, key))) for key in check_keys(keys))
        return {key: decode_vector(*row) for key, row in found if row is not None}

    def put_vectors(self, model: str, items: Mapping[str, NDArray[Any]]) -> None:
        """See :meth:`~storytrace.store.base.Store.put_vectors`."""
        self._check_open()
        for key, dim, data in encode_vectors(model, items.items()):
            self._vectors[model, key] = (dim, data)

    def put_state(self, kind: str, items: Mapping[str, Any]) -> None:
        """See :meth:`~storytrace.store.base.Store.put_state`."""
        self._check_open()
        rows = encode_states(kind, items.items())  # all validated before any is stored
        if rows:
            self._state.setdefault(kind, {}).update(rows)

    def get_state(self, kind: str, keys: Sequence[str] | None = None) -> dict[str, Any]:
        """See :meth:`~storytrace.store.base.Store.get_state`."""
        self._check_open()
        stored = self._state.get(check_name(kind, "kind"), {})
        wanted = sorted(stored) if keys is None else check_keys(keys)
        return {key: decode_state(stored[key]) for key in wanted if key in stored}

    def delete_state(self, kind: str, keys: Sequence[str] | None = None) -> None:
        """See :meth:`~storytrace.store.base.Store.delete_state`."""
        self._check_open()
        check_name(kind, "kind")
        if keys is None:
            self._state.pop(kind, None)
            return
        stored = self._state.get(kind, {})
        for key in check_keys(keys):
            stored.pop(key, None)

    # --- lifecycle --------------------------------------------------------------------------

    def close(self) -> None:
        """Drop the contents; idempotent."""
        self._closed = True
        self._docs.clear()
        self._by_hash.clear()
        self._input_problems.clear()
        self._vectors.clear()
        self._state.clear()

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
        state = "closed" if self._closed else f"{len(self._docs)} documents"
        return f"MemoryStore({state})"

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError("the in-memory store is closed")


def _check_sentence_refs(doc_id: str, doc: Document, n_segments: int) -> None:
    highest = max((s.segment for s in doc.sentences), default=-1)
    if highest >= n_segments:
        raise ValueError(
            f"document {doc_id!r}: its sentences point to segment {highest}, "
            f"but only {n_segments} segments were given"
        )
