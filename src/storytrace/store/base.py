"""The store contract, shared by every backend.

A store keeps cleaned, segmented :class:`~storytrace.models.Document` records between stages
(ingest writes them, linking assigns story ids, reporting reads them back) together with the
problems met on the way. Two backends implement :class:`Store`: ``SQLiteStore`` (persistent,
streamed) and ``MemoryStore`` (a dict, for one-shot runs and tests). They share the helpers in
this module so that both decide the same things the same way: which documents are new, which
ids get renamed, and what counts as a valid document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, Self, get_args, runtime_checkable

from ..models import Document, Problem, Segment, SegmentKind, Sentence

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

SEGMENT_KINDS: frozenset[str] = frozenset(get_args(SegmentKind))


@dataclass(frozen=True)
class AddResult:
    """What :meth:`Store.add` did with a batch.

    ``added`` lists the ids new documents were stored under (after any rename), in batch order.
    ``existing`` lists, for each document whose content was already stored (before or earlier
    in the same batch), the id that content is stored under. ``renamed`` maps an incoming id
    to the id its document was stored under when the incoming id was taken by other content;
    if one id is renamed several times in a batch, the last rename wins (all stored ids are
    in ``added`` regardless).
    """

    added: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)
    #: For each input document, in batch order, the id its content is stored under.
    stored: list[str] = field(default_factory=list)


@runtime_checkable
class Store(Protocol):
    """Keeps documents keyed by content hash, with unique ids, and the problems of a run.

    Contract, common to all backends:

    * **Keys.** A document's identity is ``Document.content_sha256`` (the hash of its cleaned
      text). Adding content that is already stored adds nothing. ``Document.id`` is unique
      too: different content arriving under a taken id is stored as
      ``f"{id}~{content_sha256[:8]}"`` (longer hash prefixes if even that is taken).
    * **Round trip.** Everything on a document (metadata, text, segments, sentences,
      ``line_langs``, problems) comes back equal (``==``) to what was added, apart from the
      id when renamed. Returned documents are fresh objects; mutating them does not change
      the store.
    * **Atomicity.** :meth:`add` and :meth:`update_segments` either apply completely or not
      at all; if they raise, the store is as it was.
    * **Validation.** Offsets must lie inside the text, a sentence's ``segment`` must index
      one of the document's segments, ``kind`` must be a known segment kind, and strings
      must be encodable as UTF-8 (no lone surrogates); otherwise ``ValueError``.
    * **Order.** :meth:`ids` and :meth:`documents` follow insertion order (``documents(ids)``
      follows ``ids``).
    * **Derived data.** Cached vectors (:meth:`get_vectors`, :meth:`put_vectors`) and link
      state (:meth:`get_state`, :meth:`put_state`, :meth:`delete_state`) live beside the
      documents, independent of them; see :mod:`storytrace.store.linkdata` for the encoding.
      Each call is one transaction. Lookups by keys return a dict in the order of ``keys``
      (first occurrence), leaving out keys that are not stored. Names (model, kind, key)
      must be ``str`` encodable as UTF-8 (else ``TypeError``/``ValueError``); a batch with
      any bad item changes nothing.
    """

    def add(self, docs: Iterable[Document]) -> AddResult:
        """Store a batch of documents in one transaction; see the class contract."""
        ...

    def get(self, doc_id: str) -> Document | None:
        """The document stored under ``doc_id``, or ``None``."""
        ...

    def get_by_hash(self, content_sha256: str) -> Document | None:
        """The document whose cleaned text has this SHA-256 (hex), or ``None``."""
        ...

    def ids(self) -> list[str]:
        """All document ids, in insertion order."""
        ...

    def documents(self, ids: Sequence[str] | None = None) -> Iterator[Document]:
        """Stream documents: all in insertion order, or those named by ``ids`` in that order.

        Unknown ids are skipped and a repeated id is yielded once (at its first position).
        """
        ...

    def __len__(self) -> int:
        """Number of stored documents."""
        ...

    def __contains__(self, doc_id: object) -> bool:
        """Whether a document is stored under this id."""
        ...

    def update_segments(
        self,
        doc_id: str,
        segments: Sequence[Segment],
        sentences: Sequence[Sentence] | None = None,
    ) -> None:
        """Replace a document's segments (later stages fill in story ids), and its sentences
        too when given (a re-segmentation moves sentences between segments).

        Raises ``KeyError`` for an unknown id and ``ValueError`` if the segments do not fit
        the text or the document's sentences would point past the last segment.
        """
        ...

    def add_problems(self, problems: Iterable[Problem], run_id: str | None = None) -> None:
        """Record problems of inputs, including fatal ones that left no document behind."""
        ...

    def problems(self) -> list[Problem]:
        """Every distinct problem known to the store.

        First the problems carried by stored documents (in document order), then those
        recorded with :meth:`add_problems` (in recording order); a problem equal to one
        already listed is listed once.
        """
        ...

    def get_vectors(self, model: str, keys: Sequence[str]) -> dict[str, NDArray[np.float32]]:
        """The vectors stored for ``model`` under ``keys``, as fresh 1-D float32 arrays.

        Values were stored as float16: expect each component within float16 rounding of what
        was put (cosines move by < 1e-4 for unit vectors); both backends return identical bits.
        """
        ...

    def put_vectors(self, model: str, items: Mapping[str, NDArray[Any]]) -> None:
        """Store (or replace) 1-D finite numeric vectors for ``model``, keyed by ``items``' keys.

        Raises ``ValueError`` for a vector that is not 1-D, not numeric, not finite, or outside
        the float16 range (|x| > 65504).
        """
        ...

    def put_state(self, kind: str, items: Mapping[str, Any]) -> None:
        """Upsert JSON-serialisable values of one ``kind`` (``TypeError`` if one is not;
        ``ValueError`` for NaN or infinity)."""
        ...

    def get_state(self, kind: str, keys: Sequence[str] | None = None) -> dict[str, Any]:
        """Stored values of ``kind``: for ``keys`` (in that order), or all of them (sorted by
        key) when ``keys`` is ``None``. Values are fresh ``json.loads`` results."""
        ...

    def delete_state(self, kind: str, keys: Sequence[str] | None = None) -> None:
        """Forget ``keys`` of ``kind`` (unknown keys are ignored), or the whole kind."""
        ...

    def close(self) -> None:
        """Release resources; idempotent. The store cannot be used afterwards."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


# --- validation -------------------------------------------------------------------------------


def _check_str(value: str | None, what: str, doc_id: str) -> None:
    if value is None:
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        # SQLite cannot hold lone surrogates, and neither can a UTF-8 JSON report; refuse
        # them in every backend so that MemoryStore and SQLiteStore accept the same input.
        raise ValueError(
            f"document {doc_id!r}: {what} is not valid Unicode ({exc.reason})"
        ) from exc


def validate_segments(doc_id: str, n_chars: int, segments: Sequence[Segment]) -> None:
    """Raise ``ValueError`` unless every segment lies in ``[0, n_chars]`` with a known kind."""
    for i, seg in enumerate(segments):
        if not 0 <= seg.start <= seg.end <= n_chars:
            raise ValueError(
                f"document {doc_id!r}: segment {i} [{seg.start}, {seg.end}) "
                f"is outside the text (0..{n_chars})"
            )
        if seg.kind not in SEGMENT_KINDS:
            raise ValueError(f"document {doc_id!r}: segment {i} has unknown kind {seg.kind!r}")
        _check_str(seg.reason, f"segment {i} reason", doc_id)
        _check_str(seg.story, f"segment {i} story", doc_id)


def validate_sentences(
    doc_id: str, n_chars: int, n_segments: int, sentences: Sequence[Sentence]
) -> None:
    """Raise ``ValueError`` unless every sentence lies in the text and names a segment."""
    for i, sent in enumerate(sentences):
        if not 0 <= sent.start <= sent.end <= n_chars:
            raise ValueError(
                f"document {doc_id!r}: sentence {i} [{sent.start}, {sent.end}) "
                f"is outside the text (0..{n_chars})"
            )
        if not 0 <= sent.segment < n_segments:
            raise ValueError(
                f"document {doc_id!r}: sentence {i} points to segment {sent.segment}, "
                f"but there are {n_segments}"
            )


def validate_document(doc: Document) -> None:
    """Raise ``ValueError`` if ``doc`` breaks the store's validation rules (see :class:`Store`)."""
    if not doc.id:
        raise ValueError(f"document from {doc.source!r} has an empty id")
    for name in ("id", "source", "text", "raw_sha256", "lang", "title", "url", "published"):
        _check_str(getattr(doc, name), name, doc.id)
    _check_str(doc.author, "author", doc.id)
    _check_str(doc.encoding, "encoding", doc.id)
    n = len(doc.text)
    validate_segments(doc.id, n, doc.segments)
    validate_sentences(doc.id, n, len(doc.segments), doc.sentences)
    for lang in doc.line_langs:
        _check_str(lang, "line_langs", doc.id)
    for prob in doc.problems:
        for text in (prob.source, prob.reason, prob.detail):
            _check_str(text, "problem", doc.id)


def validate_problem(problem: Problem) -> None:
    """Raise ``ValueError`` if a problem's strings cannot be stored."""
    for text in (problem.source, problem.reason, problem.detail):
        _check_str(text, "problem", problem.source)


def unique_problems(problems: Iterable[Problem]) -> list[Problem]:
    """``problems`` without repeats, first occurrence kept."""
    return list(dict.fromkeys(problems))


# --- deciding what add() does -----------------------------------------------------------------


class AddPlanner:
    """Decides, document by document, whether and under which id a batch is stored.

    The backend supplies two lookups into what it had *before* the batch (``hash_owner``:
    content hash -> stored id or ``None``; ``id_taken``: whether an id is in use); the planner
    adds what the batch itself has placed so far, so duplicates inside one batch behave
    exactly like duplicates across batches.
    """

    def __init__(
        self,
        hash_owner: Callable[[str], str | None],
        id_taken: Callable[[str], bool],
    ) -> None:
        self._hash_owner = hash_owner
        self._id_taken = id_taken
        self._batch_hashes: dict[str, str] = {}
        self._batch_ids: set[str] = set()
        self._added: list[str] = []
        self._existing: list[str] = []
        self._renamed: dict[str, str] = {}
        self._stored: list[str] = []

    def place(self, doc: Document, content_sha256: str | None = None) -> str | None:
        """The id to store ``doc`` under, or ``None`` if its content is already stored.

        ``content_sha256`` may be passed when the caller has already hashed the text.
        """
        sha = content_sha256 or doc.content_sha256
        owner = self._batch_hashes.get(sha) or self._hash_owner(sha)
        if owner is not None:
            self._existing.append(owner)
            self._stored.append(owner)
            return None
        stored_id = doc.id
        if self._taken(stored_id):
            stored_id = self._free_id(doc.id, sha)
            self._renamed[doc.id] = stored_id
        self._batch_hashes[sha] = stored_id
        self._batch_ids.add(stored_id)
        self._added.append(stored_id)
        self._stored.append(stored_id)
        return stored_id

    def result(self) -> AddResult:
        return AddResult(
            list(self._added), list(self._existing), dict(self._renamed), list(self._stored)
        )

    def _taken(self, doc_id: str) -> bool:
        return doc_id in self._batch_ids or self._id_taken(doc_id)

    def _free_id(self, doc_id: str, sha: str) -> str:
        # The documented form is id~<8 hex>. Only a hash-prefix clash or an input that already
        # uses such an id can make it taken; then lengthen the prefix, and as a last resort
        # (an input literally named id~<full hash>) count.
        for width in (8, 12, 16, 24, 32, 64):
            candidate = f"{doc_id}~{sha[:width]}"
            if not self._taken(candidate):
                return candidate
        n = 2
        while self._taken(f"{doc_id}~{sha}-{n}"):
            n += 1
        return f"{doc_id}~{sha}-{n}"
