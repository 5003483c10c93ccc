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

A document pair is confirmed with at least ``min_support`` supporting passages of which at
least ``min_ordered`` appear in the same order on both sides (derived texts keep most of
their source's order; chance matches scatter). One shared generic sentence never links two
documents.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..options import EvidenceConfig
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

    def to_json(self) -> dict[str, object]:
        return {
            "a": self.a,
            "b": self.b,
            "score": round(self.score, 4),
            "matches": [
                [m.a, m.b, round(m.cos, 4), round(m.margin, 4), round(m.overlap, 4)]
                for m in self.matches
            ],
        }

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
        )


def bigrams(text: str) -> set[str]:
    words = _WORD.findall(text.casefold())
    return {f"{words[i]} {words[i + 1]}" for i in range(len(words) - 1)} or set(words)


def containment(x: set[str], y: set[str]) -> float:
    """|x ∩ y| / min(|x|, |y|): how much of the smaller side the larger one contains."""
    if not x or not y:
        return 0.0
    return len(x & y) / min(len(x), len(y))


def _pos(ps: list[Passage], idx: int) -> int:
    """Position in ``ps`` of the passage whose ``idx`` is ``idx``."""
    return next(k for k, p in enumerate(ps) if p.idx == idx)


def facts(text: str) -> frozenset[str]:
    """Numbers and name keys of a passage (transliteration-insensitive; see align.anchors)."""
    from ..align.anchors import name_keys, number_keys

    return frozenset({"n:" + k for k in number_keys(text)} | {"w:" + k for k in name_keys(text)})


def facts_agree(a: str, b: str, threshold: float) -> bool:
    """False when both passages carry facts and hardly any are shared."""
    from ..align.anchors import weighted_jaccard

    fa, fb = facts(a), facts(b)
    if not fa or not fb:
        return True
    return weighted_jaccard(fa, fb) >= threshold


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
) -> DocLink | None:
    """Confirm or reject the document pair (see the module docstring)."""
    cfg = cfg or EvidenceConfig()
    if not pa or not pb:
        return None
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
        if ok and not facts_agree(pa[i].text, pb[j].text, cfg.min_fact_overlap):
            ok = False
        # Headings ("Low morale" / "Into conflict") match by chance: no support from them.
        if (ok and not (pa[i].short or pb[j].short)) or (ok and overlap >= 0.99):
            matches.append(PassageMatch(pa[i].idx, pb[j].idx, cos, margin, overlap))
    if len(matches) < cfg.min_support:
        return None
    # Sentence frames without facts ("Experts say the coming days will be decisive") recur
    # across unrelated stories; a link needs at least one match that shares a fact, when
    # the matched passages state any.
    matched_facts = [
        (facts(pa[_pos(pa, mt.a)].text), facts(pb[_pos(pb, mt.b)].text)) for mt in matches
    ]
    if any(fa or fb for fa, fb in matched_facts) and not any(fa & fb for fa, fb in matched_facts):
        return None
    ordered = longest_increasing([mt.b for mt in sorted(matches, key=lambda mt: mt.a)])
    if ordered < min(cfg.min_ordered, len(matches)):
        return None
    covered = len(matches) / max(1, min(n, m))
    score = min(1.0, 0.5 * covered + 0.5 * float(np.mean([mt.cos for mt in matches])))
    a_id, b_id = pa[0].doc, pb[0].doc
    return DocLink(a_id, b_id, tuple(matches), score)


__all__ = ["SHORT_PASSAGE", "DocLink", "EvidenceConfig", "PassageMatch", "compare"]
