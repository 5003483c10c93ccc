"""Pair-local evidence that two documents share text: matched passages.

Contract:
    ``compare(a, b, va, vb, cfg)`` takes the prose passages of two documents and their
    L2-normalised vectors and returns a :class:`DocLink` when the pair is *confirmed*, else
    ``None``. The decision uses only the two documents, never the rest of the corpus, so it
    is the same in a full run and in an incremental one.

A passage pair counts as support when it is a mutual best match between the two documents
and, calibrated per language situation on the bundled and generated corpora:

* same language — cosine ≥ ``same_cos`` and either word-bigram containment ≥
  ``same_overlap`` (copies, excerpts, machine-translated rewrites keep wording) or cosine ≥
  ``same_cos_strong`` (paraphrases). Independent reports of one event share facts and
  quotes but little wording, so they fail both;
* across languages — cosine ≥ ``cross_cos`` and an in-pair margin ≥ ``cross_margin``: the
  match must stand out from the other passages of the same two documents (translations do;
  topical neighbours in a same-event report do not).

A document pair is confirmed with at least ``min_support`` supporting passages (or all of
the smaller document's prose, when that is a single passage) of which at
least ``min_ordered`` appear in the same order on both sides (derived texts keep most of
their source's order; chance matches scatter). One shared generic sentence never links two
documents.

The link records the facts (numbers, names: :func:`~storytrace.link.facts.fact_keys`) that
its matched passages share. How rare they are is a property of the corpus, not of the
pair, so it is judged later by :func:`strong_enough` over the whole store in every run
(``link_store``): a full and an incremental run then agree, and a link whose shared facts
are all common (a president's name, a month) or absent is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from ..align.anchors import weighted_jaccard
from ..options import EvidenceConfig
from .facts import fact_keys, fact_weights, rarity_bounds
from .passages import SHORT_PASSAGE, Passage

if TYPE_CHECKING:
    from numpy.typing import NDArray

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class PassageMatch:
    """Passage ``a`` of the first document matches passage ``b`` of the second."""

    a: int
    b: int
    cos: float
    margin: float
    overlap: float


@dataclass(frozen=True, slots=True)
class DocLink:
    """A confirmed link between documents ``a`` and ``b`` (``a`` < ``b`` by id)."""

    a: str
    b: str
    matches: tuple[PassageMatch, ...]
    score: float
    #: Fact keys shared by matched passages (sorted); ``None`` for links stored before
    #: facts were recorded (they are not re-judged).
    facts: tuple[str, ...] | None = None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "a": self.a,
            "b": self.b,
            "score": round(self.score, 4),
            "matches": [
                [m.a, m.b, round(m.cos, 4), round(m.margin, 4), round(m.overlap, 4)]
                for m in self.matches
            ],
        }
        if self.facts is not None:
            out["facts"] = list(self.facts)
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DocLink:
        raw = data["matches"]
        return cls(
            str(data["a"]),
            str(data["b"]),
            tuple(
                PassageMatch(int(m[0]), int(m[1]), float(m[2]), float(m[3]), float(m[4]))
                for m in raw
            ),
            float(data["score"]),
            tuple(str(f) for f in data["facts"]) if "facts" in data else None,
        )


# Cached: a document's passages meet the passages of each of its partners in turn (pairs
# are compared in sorted order), so the same texts come back pair after pair.
@lru_cache(maxsize=1024)
def bigrams(text: str) -> frozenset[str]:
    """The casefolded word bigrams of ``text`` (its words, when it has only one)."""
    words = _WORD.findall(text.casefold())
    return frozenset(f"{words[i]} {words[i + 1]}" for i in range(len(words) - 1)) or frozenset(
        words
    )


def containment(x: Set[str], y: Set[str]) -> float:
    """|x ∩ y| / min(|x|, |y|): how much of the smaller side the larger one contains."""
    if not x or not y:
        return 0.0
    return len(x & y) / min(len(x), len(y))


def _positions(ps: list[Passage]) -> dict[int, int]:
    """Position in ``ps`` of each passage ``idx`` (the first, should one repeat)."""
    out: dict[int, int] = {}
    for k, p in enumerate(ps):
        out.setdefault(p.idx, k)
    return out


def facts_agree(fa: frozenset[str], fb: frozenset[str], threshold: float) -> bool:
    """False when both passages carry facts (:func:`~storytrace.link.facts.fact_keys`) and
    hardly any are shared."""
    if not fa or not fb:
        return True
    return weighted_jaccard(fa, fb) >= threshold


def strong_enough(
    link: DocLink, df: Mapping[str, int], cfg: EvidenceConfig, n_docs: int = 0
) -> bool:
    """Do the link's shared facts weigh at least ``cfg.min_fact_mass``, one of them at
    least ``cfg.min_top_fact``, given the document frequencies ``df`` of a store of
    ``n_docs`` documents (rarity scale: :func:`~storytrace.link.facts.rarity_bounds`)?
    Links without recorded facts (older stores) pass."""
    if link.facts is None:
        return True
    rare, common = rarity_bounds(
        n_docs, cfg.rare_df, cfg.common_df, cfg.rare_share, cfg.common_share
    )
    weights = fact_weights(link.facts, df, rare, common)
    return sum(weights) >= cfg.min_fact_mass and max(weights, default=0.0) >= cfg.min_top_fact


_FIGURE = re.compile(r"n:\d{3,}")


def _fact_matches(
    pa: list[Passage],
    pb: list[Passage],
    sim: NDArray[np.float32],
    fa: list[frozenset[str]],
    fb: list[frozenset[str]],
    taken: list[PassageMatch],
    cfg: EvidenceConfig,
) -> list[PassageMatch]:
    """Cross-language passages that state the same facts: mutual best by weighted fact
    Jaccard, at least ``cfg.fact_match``, three shared facts, one of them a figure of three
    or more digits. A translation keeps every name and figure even where weak vectors miss
    it; an independent report of the same event names the same people, place and date
    but has its own figures."""
    used_a = {m.a for m in taken}
    used_b = {m.b for m in taken}
    rows = [i for i, p in enumerate(pa) if p.idx not in used_a and not p.short and fa[i]]
    cols = [j for j, p in enumerate(pb) if p.idx not in used_b and not p.short and fb[j]]
    if not rows or not cols:
        return []
    jac = np.array([[weighted_jaccard(fa[i], fb[j]) for j in cols] for i in rows])
    out = []
    for r, i in enumerate(rows):
        c = int(jac[r].argmax())
        j = cols[c]
        if int(jac[:, c].argmax()) != r or jac[r, c] < cfg.fact_match:
            continue
        shared = fa[i] & fb[j]
        if len(shared) >= 3 and any(_FIGURE.fullmatch(k) for k in shared):
            cos = float(sim[i, j])
            out.append(PassageMatch(pa[i].idx, pb[j].idx, cos, 0.0, 0.0))
    return out


def longest_increasing(values: list[int]) -> int:
    """Length of the longest strictly increasing subsequence (patience sorting)."""
    import bisect

    tails: list[int] = []
    for v in values:
        k = bisect.bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
        else:
            tails[k] = v
    return len(tails)


def compare(
    pa: list[Passage],
    pb: list[Passage],
    va: NDArray[np.float32],
    vb: NDArray[np.float32],
    *,
    same_language: bool,
    cfg: EvidenceConfig | None = None,
    facts_a: Sequence[frozenset[str]] | None = None,
    facts_b: Sequence[frozenset[str]] | None = None,
) -> DocLink | None:
    """Confirm or reject the document pair (see the module docstring); ``facts_a`` /
    ``facts_b``: the passages' :func:`~storytrace.link.facts.fact_keys`, when the caller
    has them already."""
    cfg = cfg or EvidenceConfig()
    if not pa or not pb:
        return None
    fa_all = list(facts_a) if facts_a is not None else [fact_keys(p.text) for p in pa]
    fb_all = list(facts_b) if facts_b is not None else [fact_keys(p.text) for p in pb]
    sim = va @ vb.T
    best_b = sim.argmax(axis=1)
    best_a = sim.argmax(axis=0)
    n, m = sim.shape
    matches: list[PassageMatch] = []
    for i in range(n):
        j = int(best_b[i])
        if int(best_a[j]) != i:
            continue
        cos = float(sim[i, j])
        rest = np.concatenate([np.delete(sim[i], j), np.delete(sim[:, j], i)])
        # Against too few other passages the margin means nothing; assume a neutral band.
        baseline = float(rest.mean()) if rest.size >= 3 else cos - cfg.cross_margin
        margin = cos - baseline
        if same_language:
            overlap = containment(bigrams(pa[i].text), bigrams(pb[j].text))
            ok = cos >= cfg.same_cos and (overlap >= cfg.same_overlap or cos >= cfg.same_cos_strong)
        else:
            overlap = 0.0
            ok = cos >= cfg.cross_cos and margin >= cfg.cross_margin
        # Same wording, other facts: formulaic news ("X beat Y 2-1 in the final") shares
        # sentence frames across stories; a derived passage keeps most names and figures.
        if ok and not facts_agree(fa_all[i], fb_all[j], cfg.min_fact_overlap):
            ok = False
        # Headings ("Low morale" / "Into conflict") match by chance: no support from them.
        if (ok and not (pa[i].short or pb[j].short)) or (ok and overlap >= 0.99):
            matches.append(PassageMatch(pa[i].idx, pb[j].idx, cos, margin, overlap))
    if not same_language and cfg.fact_match > 0:
        matches += _fact_matches(pa, pb, sim, fa_all, fb_all, matches, cfg)
    # A document whose prose is a single passage (a one-paragraph teaser, or the
    # translation of one) can only ever match once: then that one match must cover it.
    need = cfg.min_support
    small = min(sum(not p.short for p in pa), sum(not p.short for p in pb))
    if 1 <= small < need:
        need = small
    if len(matches) < need:
        return None
    # Sentence frames without facts ("Experts say the coming days will be decisive") recur
    # across unrelated stories; a link needs at least one match that shares a fact, when
    # the matched passages state any.
    pos_a, pos_b = _positions(pa), _positions(pb)
    matched_facts = [(fa_all[pos_a[mt.a]], fb_all[pos_b[mt.b]]) for mt in matches]
    if any(fa or fb for fa, fb in matched_facts) and not any(fa & fb for fa, fb in matched_facts):
        return None
    shared = tuple(sorted(set().union(*(fa & fb for fa, fb in matched_facts))))
    ordered = longest_increasing([mt.b for mt in sorted(matches, key=lambda mt: mt.a)])
    if ordered < min(cfg.min_ordered, len(matches)):
        return None
    covered = len(matches) / max(1, min(n, m))
    score = min(1.0, 0.5 * covered + 0.5 * float(np.mean([mt.cos for mt in matches])))
    a_id, b_id = pa[0].doc, pb[0].doc
    return DocLink(a_id, b_id, tuple(matches), score, shared)


__all__ = [
    "SHORT_PASSAGE",
    "DocLink",
    "EvidenceConfig",
    "PassageMatch",
    "compare",
    "strong_enough",
]
