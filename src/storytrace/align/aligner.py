"""Sentence alignment of two documents from sentence vectors (and optional lexical anchors).

Contract:
    ``align(src_vecs, tgt_vecs, *, src_anchors=None, tgt_anchors=None, src_lengths=None,
    tgt_lengths=None, cfg=SAME_LANGUAGE)`` takes two float arrays of sentence vectors
    (``(n, d)`` and ``(m, d)``; rows are re-normalised, zero rows never align) and returns an
    :class:`Alignment`: ``beads`` (a run of source sentences matched to a run of target
    sentences, shapes 1:1, 1:2, 2:1, 1:3, 3:1), ``src_unaligned`` (source sentences the target
    dropped), ``tgt_unaligned`` (target sentences with no source: added text) and coverage on
    each side (share of sentences, or of characters when lengths are given). Every index of
    each side is in exactly one bead or in its unaligned list (so beads are disjoint); beads
    are listed in target order. Pure and deterministic: no I/O, no store. Use
    :func:`config_for` to pick the calibrated configuration for the documents' languages;
    :data:`ALIGNER_VERSION` changes whenever results for the same inputs may change.

Design. vecalign and bertalign run a *monotone* DP over both documents: they force most
sentences into beads (a 25% excerpt gets aligned all over its source) and cannot follow a
moved paragraph (vecalign#1). Here the DP runs over the **target** sentences only; its state
is a *cursor*, the source position just after the last bead. At each target position it either
leaves the target sentence unaligned (0:1, gain 0; the cursor stays) or starts a bead at *any*
source position ``s``:

* ``s`` at the cursor continues the current monotone block (``continuity_bonus``);
* ``s`` after the cursor drops the source sentences in between (``skip_penalty``, small:
  excerpts and summaries drop most of their source);
* ``s`` before the cursor is a **jump back**, i.e. reordered text (``jump_penalty``).

The best entry for every ``s`` comes from prefix and suffix maxima over the cursors, so the
DP is O(n·m) per bead shape, with numpy over ``s``. A reordered paragraph costs one jump and
is then aligned monotonically, with 1:0, 0:1 and merge beads, inside its block: the result
of "find confident anchor pairs anywhere, then a monotone DP between them", from a single
optimisation with no anchor-selection stage that can fail on its own. The DP can reuse a
source sentence after a jump back; such overlaps are resolved afterwards in favour of the
more similar bead.

Scoring. A bead gains ``sim - bar - merge_penalty·(sentences beyond 2)``; nothing is forced,
a bead that does not clear its bar is never chosen. ``sim`` is the cosine of the two runs'
summed, renormalised vectors (as vecalign scores merges) plus ``anchor_weight`` times the
weighted Jaccard of their lexical anchors (:mod:`storytrace.align.anchors`; only keys found
in both documents count, so German nouns and unmatched figures do not dilute it). The bar
adapts to the document pair, because multilingual-e5 cosines sit in a narrow band whose
level depends on the pair (same-language text shares function words; a topical page is
similar to everything in it):

* ``max(floor, background + margin)``, where :func:`background` is the median cosine of the
  pairs that are neither their row's nor their column's best: the level of unrelated
  sentences for this document pair (the best pairs are left out so that a short or
  near-identical pair of documents still has a meaningful level);
* for merged shapes, plus the shift of that shape's background over the 1:1 background
  (summed vectors drift towards the document's centroid: +0.04 for two sentences, +0.055
  for three on e5);
* at least ``knn_margin`` above the mean of the ``knn`` best *other* candidates of the pair's
  row and column (a margin criterion, as in bitext mining): a generic sentence that is close
  to many sentences needs a clearly better match. A merge takes the mean of its member
  pairs' levels (plus the shift), because other merged runs overlap it.

Extension pass. Rewrites and translations split one sentence into two (and merge two into
one) far more often than the DP takes a 2:1 bead: the summed vector of a run drifts towards the
document's centroid, so merged shapes carry the shift above plus ``merge_penalty``, and a
second half that says less than the first rarely pays for it. After the DP, a sentence left
unaligned next to a bead joins it when the bead's partner is its nearest neighbour in the whole
other document by at least ``knn_margin`` over its ``knn`` best other candidates, and the merged
run is at least ``extend_gain`` more similar to the partner than the bead was (a true second
half adds meaning the first lacked; an unrelated neighbour dilutes the sum). On the seed
corpus this recovers the split sentences of the abridged rewrite and of the Norwegian summary.

Measured limits (seed corpus, multilingual-e5-small): in a cross-language summary the true
pairs sit at cosine 0.79 to 0.87, inside the band of unrelated pairs (up to 0.86); what tells
them apart is position, anchors and being each other's nearest neighbour, and some pairs
(a lede paraphrased into a teaser, a sentence compressed into half of another) have none of
these and stay unaligned. Lowering the jump or skip penalties, a bonus for mutual nearest
neighbours, cognate keys as anchors, per-run kNN levels for merges and aligning in both
directions were tried: each added about as many wrong pairs as right ones.

The constants were calibrated on the gold alignments of ``examples/`` and of the seed corpus
(multilingual-e5-small, 4-bit): gold 1:1 pairs have cosine 0.85 to 1.0 within one language
(rewrites down to 0.83) and 0.79 to 0.95 across languages, with unrelated pairs at a median of
0.77 to 0.84. Other embedders need their own calibration (or a fixed ``threshold``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

from .anchors import Anchors, key_weight

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray

    FloatArray = NDArray[np.float64]
    IntArray = NDArray[np.int64]


#: Bump whenever :func:`align` can return something else for the same inputs and
#: configuration: cached alignments (:mod:`storytrace.derive.run`) are keyed by it.
ALIGNER_VERSION = "2"


@dataclass(frozen=True, slots=True)
class AlignConfig:
    """Scoring knobs (see the module docstring); the defaults are :data:`SAME_LANGUAGE`.

    ``threshold`` fixes the 1:1 bar and turns off the adaptive parts (median, shape shift,
    kNN margin); ``knn=0`` turns off the kNN margin alone. ``max_merge`` (1 to 3) is the
    longest run on one side of a bead. ``extend_gain`` is the gain a split sentence must
    bring to its neighbour's bead in the extension pass (``None``: no extension pass; it
    needs the kNN levels, so it is off with a fixed ``threshold`` or ``knn=0`` too).
    """

    margin: float = 0.09
    floor: float = 0.78
    knn: int = 8
    knn_margin: float = 0.03
    threshold: float | None = None
    anchor_weight: float = 0.02
    merge_penalty: float = 0.02
    skip_penalty: float = 0.01
    continuity_bonus: float = 0.01
    jump_penalty: float = 0.03
    max_merge: int = 3
    extend_gain: float | None = 0.02

    def __post_init__(self) -> None:
        if not 1 <= self.max_merge <= 3:
            raise ValueError("max_merge must be 1, 2 or 3")
        for name in (
            "merge_penalty",
            "skip_penalty",
            "jump_penalty",
            "anchor_weight",
            "continuity_bonus",
        ):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.knn < 0:
            raise ValueError("knn must not be negative")
        if self.extend_gain is not None and self.extend_gain < 0:
            raise ValueError("extend_gain must not be negative")


#: Calibrated for two documents in the same language (see the module docstring).
SAME_LANGUAGE = AlignConfig()
#: Calibrated for two documents in different languages: cross-lingual cosines of true pairs
#: are lower, so the bar sits closer to the background; anchors weigh more, since numbers
#: and names are what a translation visibly keeps.
CROSS_LANGUAGE = AlignConfig(margin=0.04, knn_margin=0.04, anchor_weight=0.03, skip_penalty=0.02)


def config_for(src_lang: str | None, tgt_lang: str | None) -> AlignConfig:
    """The calibrated configuration for a pair of document languages (unknown: same)."""
    if src_lang and tgt_lang and src_lang != tgt_lang:
        return CROSS_LANGUAGE
    return SAME_LANGUAGE


@dataclass(frozen=True, slots=True)
class Bead:
    """Source sentences ``src`` correspond to target sentences ``tgt`` (ascending indices).

    ``score`` is the bead's similarity: cosine of the runs' summed vectors plus the anchor
    bonus (so it can exceed 1 slightly).
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float


@dataclass(frozen=True, slots=True)
class Alignment:
    """The result of :func:`align`; see the module docstring for the invariants.

    ``threshold`` is the 1:1 bar the document pair got (for diagnostics); ``jumps`` counts
    beads that start before the end of the previous bead on the source side (reordering).
    """

    beads: tuple[Bead, ...]
    src_unaligned: tuple[int, ...]
    tgt_unaligned: tuple[int, ...]
    coverage_src: float
    coverage_tgt: float
    threshold: float = 0.0
    jumps: int = 0

    def pairs(self) -> list[tuple[int, int]]:
        """Every (source, target) sentence pair of every bead: a 1:2 bead gives two pairs."""
        return [(i, j) for bead in self.beads for i in bead.src for j in bead.tgt]


@dataclass(slots=True)
class _Scores:
    """Gain tables per bead shape ``(k, l)``: ``gain[(k, l)][s, t]`` for source run
    ``[s, s+k)`` and target run ``[t, t+l)``, and the matching similarities."""

    gain: dict[tuple[int, int], FloatArray] = field(default_factory=dict)
    sim: dict[tuple[int, int], FloatArray] = field(default_factory=dict)
    #: 1:1 cosines and, when adaptive, each pair's margin over its row's and column's k
    #: best other candidates (``cos - knn level``), for the extension pass
    cos: FloatArray | None = None
    row_margin: FloatArray | None = None
    col_margin: FloatArray | None = None


#: Products smaller than this many multiply-adds skip BLAS (see :func:`_pairwise_dot`).
_SMALL_PRODUCT = 8_000_000


def _pairwise_dot(a: FloatArray, b: FloatArray) -> FloatArray:
    """``a @ b.T``. Small products use einsum's single-threaded loop instead of BLAS: on a
    busy machine, OpenBLAS' thread hand-off makes a 40 x 384 x 40 product take 3-70 ms
    instead of 0.3 ms, and the aligner runs many small products."""
    if a.shape[0] * b.shape[0] * max(1, a.shape[1]) <= _SMALL_PRODUCT:
        return np.asarray(np.einsum("id,jd->ij", a, b), dtype=np.float64)
    return np.asarray(a @ b.T, dtype=np.float64)


def _unit(rows: FloatArray) -> FloatArray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    out = np.zeros_like(rows)
    np.divide(rows, norms, out=out, where=norms > 0)
    return out


def _runs(rows: FloatArray, k: int) -> FloatArray:
    """Sums of ``k`` consecutive rows: row ``s`` is ``rows[s] + ... + rows[s+k-1]``."""
    csum = np.vstack([np.zeros((1, rows.shape[1])), np.cumsum(rows, axis=0)])
    return csum[k:] - csum[:-k]


def _anchor_tables(
    src: Sequence[Anchors], tgt: Sequence[Anchors]
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Incidence matrices (sentences x keys) and key weights, over the keys both sides use."""
    src_keys = [a.keys() for a in src]
    tgt_keys = [a.keys() for a in tgt]
    shared = sorted(frozenset().union(*src_keys) & frozenset().union(*tgt_keys))
    index = {key: col for col, key in enumerate(shared)}
    weights = np.array([key_weight(k) for k in shared], dtype=np.float64)
    a = np.zeros((len(src), len(shared)))
    b = np.zeros((len(tgt), len(shared)))
    for row, keys in enumerate(src_keys):
        a[row, [index[k] for k in keys if k in index]] = 1.0
    for row, keys in enumerate(tgt_keys):
        b[row, [index[k] for k in keys if k in index]] = 1.0
    return a, b, weights


def _jaccard(a: FloatArray, b: FloatArray, w: FloatArray) -> FloatArray:
    """Weighted Jaccard of every row of ``a`` with every row of ``b`` (0 where both empty)."""
    inter = _pairwise_dot(a * w, b)
    union = (a * w).sum(axis=1)[:, None] + (b * w).sum(axis=1)[None, :] - inter
    out = np.zeros_like(inter)
    np.divide(inter, union, out=out, where=union > 0)
    return out


def _shapes(max_merge: int) -> list[tuple[int, int]]:
    shapes = [(1, 1), (1, 2), (2, 1), (1, 3), (3, 1)]
    return [(k, ln) for k, ln in shapes if max(k, ln) <= max_merge]


def background(sim: FloatArray) -> float | None:
    """The similarity level of unrelated pairs: the median of the pairs that are neither
    their row's nor their column's best (those may be true matches, and in a small or
    near-identical pair of documents they would be most of the table). ``None`` when no
    pair is left."""
    if sim.size == 0:
        return None
    rest = np.ones(sim.shape, dtype=bool)
    rest[np.arange(sim.shape[0]), np.argmax(sim, axis=1)] = False
    rest[np.argmax(sim, axis=0), np.arange(sim.shape[1])] = False
    return float(np.median(sim[rest])) if rest.any() else None


def null_threshold(cos: FloatArray, cfg: AlignConfig) -> float:
    """The 1:1 bar: ``cfg.threshold``, else ``max(floor, background + margin)``."""
    if cfg.threshold is not None:
        return cfg.threshold
    level = background(cos)
    return cfg.floor if level is None else max(cfg.floor, level + cfg.margin)


def _knn_level(sim: FloatArray, k: int, pad: float) -> tuple[FloatArray, FloatArray]:
    """Per pair, the mean of the ``k`` best *other* similarities of its row and of its column
    (padded with ``pad`` when a side has fewer than ``k`` other candidates)."""

    def rows(mat: FloatArray) -> FloatArray:
        extra = max(0, k + 1 - mat.shape[1])
        padded = np.hstack([mat, np.full((mat.shape[0], extra), pad)])
        top = -np.sort(-padded, axis=1)[:, : k + 1]
        total, kth, nxt = top[:, :k].sum(axis=1), top[:, k - 1], top[:, k]
        # a pair inside its row's top k is replaced there by the (k+1)-th best
        inside = mat >= kth[:, None]
        level = np.where(inside, total[:, None] - mat + nxt[:, None], total[:, None]) / k
        return np.asarray(level, dtype=np.float64)

    return rows(sim), rows(sim.T).T


def _block_mean(table: FloatArray, k: int, ln: int) -> FloatArray:
    """Mean of every ``k`` x ``ln`` block of ``table`` (rows ``s..s+k-1``, cols ``t..t+ln-1``)."""
    return _runs(_runs(table, k).T, ln).T / (k * ln)


def _score_tables(
    src: FloatArray,
    tgt: FloatArray,
    src_anchors: Sequence[Anchors] | None,
    tgt_anchors: Sequence[Anchors] | None,
    cfg: AlignConfig,
) -> tuple[_Scores, float]:
    tables = _Scores()
    cos = _pairwise_dot(src, tgt)
    threshold = null_threshold(cos, cfg)
    adaptive = cfg.threshold is None
    base = background(cos)
    level: FloatArray | None = None
    if adaptive and cfg.knn > 0:
        # too few other candidates (a short excerpt): count the missing ones as unrelated
        rx, ry = _knn_level(cos, cfg.knn, cfg.floor)
        level = 0.5 * (rx + ry) + cfg.knn_margin
        tables.row_margin, tables.col_margin = cos - rx, cos - ry
    tables.cos = cos
    use_anchors = src_anchors is not None and tgt_anchors is not None and cfg.anchor_weight > 0
    if use_anchors:
        assert src_anchors is not None and tgt_anchors is not None
        inc_a, inc_b, weights = _anchor_tables(src_anchors, tgt_anchors)
        use_anchors = weights.size > 0
    dead_src = (np.linalg.norm(src, axis=1) == 0).astype(float)[:, None]
    dead_tgt = (np.linalg.norm(tgt, axis=1) == 0).astype(float)[:, None]
    for k, ln in _shapes(cfg.max_merge):
        if k > src.shape[0] or ln > tgt.shape[0]:
            continue
        shift = 0.0
        if k == ln == 1:
            sim = cos.copy()
        else:
            sim = _pairwise_dot(_unit(_runs(src, k)), _unit(_runs(tgt, ln)))
            # a run containing an empty sentence (zero vector) must not pass as a merge
            sim[_runs(dead_src, k)[:, 0] > 0, :] = 0.0
            sim[:, _runs(dead_tgt, ln)[:, 0] > 0] = 0.0
            # Summed vectors drift towards the document's centroid, so merged runs are more
            # similar to *everything* (+0.04 for 2 sentences, +0.055 for 3 on e5): raise the
            # bar by the shift of this shape's background over the 1:1 background.
            base_kl = background(sim) if adaptive else None
            if base is not None and base_kl is not None:
                shift = max(0.0, base_kl - base)
        bar: FloatArray | float = threshold + shift
        if level is not None:
            # The kNN margin of a merge is taken from its member pairs: the kNN of a merged
            # run over other merged runs would count the overlapping runs (which share a
            # sentence with it) as competitors and block every true merge.
            bar = np.maximum(bar, _block_mean(level, k, ln) + shift)
        if use_anchors:
            # a merged run has the union of its sentences' anchors
            run_a = np.minimum(_runs(inc_a, k), 1.0)
            run_b = np.minimum(_runs(inc_b, ln), 1.0)
            sim = sim + cfg.anchor_weight * _jaccard(run_a, run_b, weights)
        tables.sim[(k, ln)] = sim
        tables.gain[(k, ln)] = sim - bar - cfg.merge_penalty * (k + ln - 2)
    return tables, threshold


def _prefix_argmax(values: FloatArray) -> tuple[FloatArray, IntArray]:
    """Running maximum of ``values`` and the index that attains it (latest on ties)."""
    running = np.maximum.accumulate(values)
    idx = np.arange(values.size)
    arg = np.maximum.accumulate(np.where(values >= running, idx, 0))
    return running, arg


def _dp(tables: _Scores, n: int, m: int, cfg: AlignConfig) -> list[tuple[int, int, int, int]]:
    """The best bead sequence as ``(s, k, t, l)`` tuples in target order."""
    neg = -np.inf
    dp = np.full((m + 1, n + 1), neg)
    dp[0, 0] = 0.0
    back_t = np.zeros((m + 1, n + 1), dtype=np.int64)  # previous target position
    back_c = np.zeros((m + 1, n + 1), dtype=np.int64)  # previous cursor
    back_k = np.zeros((m + 1, n + 1), dtype=np.int64)  # source run length (0: 0:1 step)
    cursors = np.arange(n + 1)
    for t in range(m):
        row = dp[t]
        # 0:1 — the target sentence is unaligned; the cursor stays
        better = row > dp[t + 1]
        dp[t + 1, better] = row[better]
        back_t[t + 1, better], back_c[t + 1, better], back_k[t + 1, better] = t, cursors[better], 0
        if not np.isfinite(row).any():
            continue
        # entry[s]: best way to start a bead at source s, from any cursor c
        pre, pre_arg = _prefix_argmax(row)  # pre[s-1]: best cursor c < s (skip forward)
        suf_rev, suf_arg_rev = _prefix_argmax(row[::-1])  # best cursor c > s (jump back)
        entry = row[:n].copy()
        entry[1:] += cfg.continuity_bonus  # a bead right after the previous one
        entry_c = cursors[:n].copy()
        skip = np.full(n, neg)
        skip[1:] = pre[: n - 1] - cfg.skip_penalty
        skip_c = np.zeros(n, dtype=np.int64)
        skip_c[1:] = pre_arg[: n - 1]
        jump = suf_rev[::-1][1:] - cfg.jump_penalty  # suffix max over c in (s, n]
        jump_c = n - suf_arg_rev[::-1][1:]
        for cand, cand_c in ((skip, skip_c), (jump, jump_c)):
            take = cand > entry
            entry[take] = cand[take]
            entry_c[take] = cand_c[take]
        for (k, ln), gain in tables.gain.items():
            if t + ln > m:
                continue
            value = entry[: n - k + 1] + gain[:, t]
            target = dp[t + ln, k:]
            take = value > target
            cols = np.nonzero(take)[0] + k
            dp[t + ln, cols] = value[take]
            back_t[t + ln, cols] = t
            back_c[t + ln, cols] = entry_c[: n - k + 1][take]
            back_k[t + ln, cols] = k
    beads: list[tuple[int, int, int, int]] = []
    t, c = m, int(np.argmax(dp[m]))
    while t > 0:
        pt, pc, k = int(back_t[t, c]), int(back_c[t, c]), int(back_k[t, c])
        if k > 0:
            beads.append((c - k, k, pt, t - pt))
        t, c = pt, pc
    beads.reverse()
    return beads


def _resolve(raw: Sequence[tuple[int, int, int, int]], tables: _Scores) -> tuple[Bead, ...]:
    """Beads from the DP's ``(s, k, t, l)`` runs, in target order, with no source sentence in
    two beads: after a jump back the DP may reuse one; the more similar bead keeps it, the
    other loses it and disappears if nothing is left."""
    sims = [float(tables.sim[(k, ln)][s, t]) for s, k, t, ln in raw]
    used: set[int] = set()
    kept: dict[int, Bead] = {}
    for b in sorted(range(len(raw)), key=lambda b: -sims[b]):
        s, k, t, ln = raw[b]
        src_idx = tuple(i for i in range(s, s + k) if i not in used)
        if src_idx:
            used.update(src_idx)
            kept[b] = Bead(src_idx, tuple(range(t, t + ln)), sims[b])
    return tuple(kept[b] for b in sorted(kept))


def _extend(beads: tuple[Bead, ...], tables: _Scores, cfg: AlignConfig) -> tuple[Bead, ...]:
    """The extension pass: a sentence left unaligned next to a bead joins it when it is the
    other half of a split (or merged) sentence. Rewrites and translations split sentences
    freely; the DP rarely takes the 2:1 bead, because summed vectors drift towards the
    document's centroid and merges pay a shape shift and a penalty. Here the evidence is
    local instead: the sentence joins the bead when

    * the bead's partner (its one sentence on the other side) is the sentence's nearest
      neighbour in the whole other document,
    * by a clear margin: at least ``knn_margin`` above the mean of the sentence's ``knn``
      best other candidates, and
    * the merged run is more similar to the partner than the bead was, by ``extend_gain``
      (a second half adds the meaning the first half lacked; an unrelated neighbour dilutes
      the sum).

    Beads keep the shape limits (``max_merge``); one pass, nearest beads first.
    """
    gain = cfg.extend_gain
    if gain is None or tables.cos is None or tables.row_margin is None:
        return beads
    assert tables.col_margin is not None
    # Each side with its sentences as rows: the target side is the transposed problem.
    sides = (
        (tables.cos, tables.row_margin, {i for b in beads for i in b.src}),
        (tables.cos.T, tables.col_margin.T, {j for b in beads for j in b.tgt}),
    )
    out = list(beads)
    for pos in sorted(range(len(out)), key=lambda b: -out[b].score):
        bead = out[pos]
        for flip, (cos, margin, used) in enumerate(sides):
            bead = _grow(bead, bool(flip), cos, margin, used, tables, cfg, gain)
        out[pos] = bead
    return tuple(out)


def _grow(
    bead: Bead,
    flip: bool,
    cos: FloatArray,
    margin: FloatArray,
    used: set[int],
    tables: _Scores,
    cfg: AlignConfig,
    gain: float,
) -> Bead:
    """:func:`_extend` on one side of ``bead``: its source run, or its target run when
    ``flip`` (``cos`` and ``margin`` then transposed, so rows are always that side's
    sentences); ``gain`` is ``cfg.extend_gain``. Neighbours that join are added to
    ``used``."""
    run, other = (bead.tgt, bead.src) if flip else (bead.src, bead.tgt)
    if len(other) != 1 or len(run) >= cfg.max_merge:
        return bead
    partner, score = other[0], bead.score
    for nb in (run[0] - 1, run[-1] + 1):
        if not 0 <= nb < len(cos) or nb in used:
            continue
        if int(np.argmax(cos[nb])) != partner or float(margin[nb, partner]) < cfg.knn_margin:
            continue
        grown = tuple(sorted((*run, nb)))
        shape, at = (
            ((1, len(grown)), (partner, grown[0]))
            if flip
            else ((len(grown), 1), (grown[0], partner))
        )
        table = tables.sim.get(shape)
        if table is None or table[at] < score + gain:
            continue
        score = float(table[at])
        used.add(nb)
        run = grown
        if len(run) >= cfg.max_merge:
            break
    return Bead(bead.src, run, score) if flip else Bead(run, bead.tgt, score)


def _coverage(aligned: set[int], lengths: Sequence[int] | None, n: int) -> float:
    if n == 0:
        return 0.0
    if lengths is None:
        return len(aligned) / n
    total = sum(lengths)
    return sum(lengths[i] for i in aligned) / total if total > 0 else 0.0


def _as_matrix(vecs: ArrayLike, what: str) -> FloatArray:
    arr = np.asarray(vecs, dtype=np.float64)
    if arr.ndim == 1 and arr.size == 0:
        arr = arr.reshape(0, 0)
    if arr.ndim != 2:
        raise ValueError(f"{what} must be a 2-D array of sentence vectors, got shape {arr.shape}")
    if not np.isfinite(arr).all():
        raise ValueError(f"{what} contains NaN or infinite values")
    return _unit(arr)


def _check_len(items: Sequence[object] | None, n: int, what: str) -> None:
    if items is not None and len(items) != n:
        raise ValueError(f"{what} has {len(items)} entries for {n} sentences")


def align(
    src_vecs: ArrayLike,
    tgt_vecs: ArrayLike,
    *,
    src_anchors: Sequence[Anchors] | None = None,
    tgt_anchors: Sequence[Anchors] | None = None,
    src_lengths: Sequence[int] | None = None,
    tgt_lengths: Sequence[int] | None = None,
    cfg: AlignConfig = SAME_LANGUAGE,
) -> Alignment:
    """Align two documents' sentences; see the module docstring for contract and design.

    ``*_anchors`` (one :class:`~storytrace.align.anchors.Anchors` per sentence) add the
    lexical bonus; ``*_lengths`` (characters per sentence) make coverage a share of
    characters instead of sentences.
    """
    src = _as_matrix(src_vecs, "src_vecs")
    tgt = _as_matrix(tgt_vecs, "tgt_vecs")
    n, m = src.shape[0], tgt.shape[0]
    if n and m and src.shape[1] != tgt.shape[1]:
        raise ValueError(f"vector dimensions differ: {src.shape[1]} and {tgt.shape[1]}")
    _check_len(src_anchors, n, "src_anchors")
    _check_len(tgt_anchors, m, "tgt_anchors")
    _check_len(src_lengths, n, "src_lengths")
    _check_len(tgt_lengths, m, "tgt_lengths")
    if n == 0 or m == 0:
        return Alignment((), tuple(range(n)), tuple(range(m)), 0.0, 0.0)
    tables, threshold = _score_tables(src, tgt, src_anchors, tgt_anchors, cfg)
    raw = _dp(tables, n, m, cfg)
    beads = _extend(_resolve(raw, tables), tables, cfg)
    jumps = sum(1 for a, b in pairwise(beads) if b.src[0] < a.src[-1])
    src_used = {i for bead in beads for i in bead.src}
    tgt_used = {j for bead in beads for j in bead.tgt}
    return Alignment(
        beads=beads,
        src_unaligned=tuple(i for i in range(n) if i not in src_used),
        tgt_unaligned=tuple(j for j in range(m) if j not in tgt_used),
        coverage_src=_coverage(src_used, src_lengths, n),
        coverage_tgt=_coverage(tgt_used, tgt_lengths, m),
        threshold=threshold,
        jumps=jumps,
    )
