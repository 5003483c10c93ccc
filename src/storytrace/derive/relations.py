"""How one version derives from another: the relation label of a link, with a score.

Contract:
    ``label(features)`` maps the measured features of a directed pair (source → target) to
    one of ``copy``, ``translation``, ``excerpt``, ``paraphrase``, ``rewrite``, ``mashup``
    and a confidence in [0, 1]. The rules, in order:

1. **mashup** — the target page carries parts of two or more stories (and this link is one
   of them).
2. **translation** — the languages differ, or the target is in the source's language but
   carries translation artefacts the source lacks (a round trip through another language);
   and the target keeps most of the source (source coverage ≥ ``KEEP``), while most of the
   target is the source's (target coverage ≥ ``MOSTLY``, or the source is itself truncated,
   so the target may legitimately hold more).
3. in one language: **copy** when both sides are covered and the aligned sentences share
   their wording (bigram overlap ≥ ``VERBATIM``); **excerpt** when the target is almost all
   the source's words but keeps a minority of it; **paraphrase** when both are covered but
   the wording differs.
4. **rewrite** — everything else that is linked: reworded, condensed or extended with own
   material (summaries with added background, abridged retellings, translated summaries).

The score is the distance from the thresholds that decided the label, mapped to [0.5, 1],
times the mean bead similarity: high when the evidence is clear-cut, near 0.5 at a border.
"""

from __future__ import annotations

from dataclasses import dataclass

KEEP = 0.6
MOSTLY = 0.6
VERBATIM = 0.6
FULL = 0.8
MINORITY = 0.6


@dataclass(frozen=True, slots=True)
class PairFeatures:
    same_language: bool
    coverage_source: float
    coverage_target: float
    overlap: float  # mean word-bigram containment of aligned sentence pairs
    similarity: float  # mean bead similarity
    target_artefacts: float  # artefacts per 1,000 words
    source_artefacts: float
    target_stories: int
    source_truncated: bool


def _margin(value: float, threshold: float) -> float:
    return min(1.0, abs(value - threshold) / 0.3)


def label(f: PairFeatures) -> tuple[str, float]:
    """The relation of a source → target link and its confidence (see the module docstring)."""
    sim = max(0.0, min(1.0, f.similarity))
    if f.target_stories >= 2:
        return "mashup", round(0.5 + 0.5 * sim, 3)
    round_trip = f.same_language and f.target_artefacts >= 1.0 > f.source_artefacts
    if not f.same_language or round_trip:
        mostly = f.coverage_target >= MOSTLY or f.source_truncated
        if f.coverage_source >= KEEP and mostly:
            conf = _margin(f.coverage_source, KEEP)
            return "translation", round(sim * (0.5 + 0.5 * conf), 3)
        return "rewrite", round(sim * (0.5 + 0.5 * _margin(f.coverage_source, KEEP)), 3)
    if f.overlap >= VERBATIM:
        if f.coverage_source >= FULL and f.coverage_target >= FULL:
            return "copy", round(sim * (0.5 + 0.5 * _margin(f.overlap, VERBATIM)), 3)
        if f.coverage_target >= FULL and f.coverage_source < MINORITY:
            return "excerpt", round(sim * (0.5 + 0.5 * _margin(f.coverage_source, MINORITY)), 3)
    elif f.coverage_source >= FULL and f.coverage_target >= FULL:
        return "paraphrase", round(sim * (0.5 + 0.5 * _margin(f.overlap, VERBATIM)), 3)
    return "rewrite", round(sim * 0.75, 3)
