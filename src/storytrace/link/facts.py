"""Facts of passages and documents, how rare they are, and candidate pairs from rare facts.

Contract (pure functions over plain values):

* :func:`fact_keys` — the numbers (:func:`~storytrace.align.anchors.number_keys`) and
  proper names of a text as locale- and spelling-insensitive keys (``n:4500`` for 4,500 /
  4.500 / 4 500; ``w:hrsn`` for Kherson / Cherson / Херсон, via
  :func:`~storytrace.link.cues.skeleton`). A translation keeps its source's keys; an
  unrelated text rarely has the same rare ones.
* :func:`rarity` — the weight of a fact seen in ``df`` documents: 1 up to ``rare_df``
  documents, falling log-linearly to 0 at ``common_df``. A name in thousands of documents
  (a president, a month, a common first name) confirms nothing.
* :func:`fact_weights`, :func:`fact_mass` — the rarity of each of a set of shared facts,
  and their sum.
* :func:`fact_candidates` — document pairs whose shared facts weigh at least ``min_mass``,
  found through an inverted index of the facts seen in at most ``max_df`` documents
  (numpy; memory grows with the postings, never with N²), at most ``top_k`` partners per
  document (the heaviest).

Why facts: derived versions of a story (copies, excerpts, translations, rewrites) repeat
its names and figures in every language, so shared *rare* facts are a cheap,
language-independent candidate signal and a confirmation that survives without a
transformer; and weighting by rarity stops one shared common name from linking anything.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..align.anchors import number_keys
from .cues import skeleton

if TYPE_CHECKING:
    from numpy.typing import NDArray

# A capitalised word (Latin-1 and Cyrillic capitals) and what precedes it: a sentence end,
# an opening quote or bracket, or the start of the text makes the capital prove nothing.
_CAPITAL = re.compile(r"(?<![\w’'\-])[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w’'\-]*")
_SENTENCE_END = frozenset(".!?…:“„«‹\"'‘‚([—–-")
_POSSESSIVE = re.compile(r"[’']s$")


def name_keys(text: str) -> set[str]:
    """Skeletons of capitalised words that do not start a sentence or quotation, and of
    all-caps tokens anywhere (``NATO``)."""
    out: set[str] = set()
    for match in _CAPITAL.finditer(text):
        word = _POSSESSIVE.sub("", match.group()).strip("-’'")
        letters = [ch for ch in word if ch.isalpha()]
        caps = len(letters) >= 2 and all(ch.isupper() for ch in letters)
        if not caps:
            i = match.start() - 1
            while i >= 0 and text[i].isspace():
                i -= 1
            if i < 0 or text[i] in _SENTENCE_END:
                continue
        key = skeleton(word)
        if len(key) >= 2:
            out.add(key)
    return out


def fact_keys(text: str) -> frozenset[str]:
    """Numbers (``n:``) and names (``w:``) of ``text`` (see the module docstring)."""
    return frozenset({"n:" + k for k in number_keys(text)} | {"w:" + k for k in name_keys(text)})


def document_frequencies(doc_facts: Iterable[Iterable[str]]) -> Counter[str]:
    """In how many documents each fact occurs (one set of facts per document)."""
    df: Counter[str] = Counter()
    for facts in doc_facts:
        df.update(set(facts))
    return df


def rarity(df: int, rare_df: int = 3, common_df: int = 300) -> float:
    """1.0 for a fact in at most ``rare_df`` documents, 0.0 from ``common_df`` on, and
    log-linear in between (``df`` 0 counts as 1: a fact of a document not counted yet)."""
    if common_df <= rare_df:
        raise ValueError("common_df must be greater than rare_df")
    df = max(1, df)
    if df <= rare_df:
        return 1.0
    if df >= common_df:
        return 0.0
    return math.log(common_df / df) / math.log(common_df / rare_df)


def rarity_bounds(
    n_docs: int,
    rare_df: int = 3,
    common_df: int = 300,
    rare_share: float = 0.0,
    common_share: float = 0.0,
) -> tuple[int, int]:
    """``(rare_df, common_df)`` for a store of ``n_docs`` documents: the given floors, or
    the given shares of the store when larger (see ``EvidenceConfig``)."""
    rare = max(rare_df, int(n_docs * rare_share))
    common = max(common_df, int(n_docs * common_share), rare + 1)
    return rare, common


def fact_weights(
    facts: Iterable[str], df: Mapping[str, int], rare_df: int = 3, common_df: int = 300
) -> list[float]:
    """:func:`rarity` of each distinct fact of ``facts`` (absent from ``df``: rare)."""
    return [rarity(df.get(f, 1), rare_df, common_df) for f in set(facts)]


def fact_mass(
    facts: Iterable[str], df: Mapping[str, int], rare_df: int = 3, common_df: int = 300
) -> float:
    """Summed :func:`rarity` of distinct ``facts`` (facts absent from ``df`` count as rare)."""
    return sum(fact_weights(facts, df, rare_df, common_df))


def ordered_pair(x: str, y: str) -> tuple[str, str]:
    """``(x, y)`` sorted: the key of an unordered document pair."""
    return (x, y) if x < y else (y, x)


def fact_candidates(
    docs: Sequence[str],
    doc_facts: Mapping[str, Iterable[str]],
    df: Mapping[str, int],
    *,
    new: set[str] | None = None,
    min_mass: float = 2.0,
    max_df: int = 64,
    top_k: int = 20,
    rare_df: int = 3,
    common_df: int = 300,
) -> set[tuple[str, str]]:
    """Document pairs ``(a, b)``, ``a < b``, whose shared facts weigh ``>= min_mass``.

    Only facts in ``2..max_df`` documents are indexed (a commoner fact would add at most
    ``rarity(max_df)`` each, and its postings grow quadratically); a pair must involve a
    document of ``new`` (all when ``None``); each document keeps its ``top_k`` heaviest
    partners (ties to the lower id), so a document full of moderately common facts cannot
    flood the comparisons. Deterministic; memory is one int64 per indexed fact pair.
    """
    index = {d: i for i, d in enumerate(docs)}
    postings: dict[str, list[int]] = {}
    for d in docs:
        for f in set(doc_facts.get(d, ())):
            n = df.get(f, 0)
            if 2 <= n <= max_df:
                postings.setdefault(f, []).append(index[d])
    is_new = np.ones(len(docs), dtype=bool)
    if new is not None:
        is_new = np.array([d in new for d in docs], dtype=bool)
    codes: list[NDArray[np.int64]] = []
    weights: list[NDArray[np.float64]] = []
    n_docs = len(docs)
    for f, members in postings.items():
        if len(members) < 2:
            continue
        m = np.asarray(sorted(members), dtype=np.int64)
        a, b = np.triu_indices(len(m), k=1)
        a, b = m[a], m[b]
        keep = is_new[a] | is_new[b]
        if not keep.any():
            continue
        pair = a[keep] * n_docs + b[keep]
        codes.append(pair)
        weights.append(np.full(len(pair), rarity(df[f], rare_df, common_df)))
    if not codes:
        return set()
    code = np.concatenate(codes)
    weight = np.concatenate(weights)
    uniq, inverse = np.unique(code, return_inverse=True)
    mass = np.bincount(inverse, weights=weight)
    ok = mass >= min_mass - 1e-9
    uniq, mass = uniq[ok], mass[ok]
    a_idx, b_idx = np.divmod(uniq, n_docs)
    # Per document, its top_k partners by mass (ties: lower partner index first).
    ends = np.concatenate([a_idx, b_idx])
    other = np.concatenate([b_idx, a_idx])
    pair_id = np.concatenate([np.arange(len(uniq)), np.arange(len(uniq))])
    order = np.lexsort((other, -np.concatenate([mass, mass]), ends))
    ends_sorted = ends[order]
    first = np.searchsorted(ends_sorted, ends_sorted, side="left")
    rank = np.arange(len(order)) - first
    chosen = np.unique(pair_id[order[rank < top_k]])
    return {
        ordered_pair(docs[int(x)], docs[int(y)])
        for x, y in zip(a_idx[chosen], b_idx[chosen], strict=True)
    }


def facts_task(docs: Sequence[Sequence[str]]) -> list[tuple[frozenset[str], ...]]:
    """Engine kernel: for each document (its passage texts), the facts of each passage."""
    return [tuple(fact_keys(text) for text in texts) for texts in docs]
