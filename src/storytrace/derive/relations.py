"""How one version derives from another: the relation label of a link, with a score.

Contract:
    ``label(features)`` maps the measured :class:`PairFeatures` of a directed pair (source →
    target) to one of ``copy``, ``translation``, ``excerpt``, ``paraphrase``, ``rewrite``,
    ``mashup`` and a score in [0, 1]. Pure and deterministic.

Features (computed by :mod:`storytrace.derive.run` from the pair's sentence alignment):

* ``coverage_source`` / ``coverage_target``: share of each side's story characters that are
  in an aligned sentence (a 25% excerpt has source coverage about 0.25, target coverage about
  1);
* ``overlap``: mean word-bigram containment of the aligned sentence pairs (the wording kept;
  about 0 across languages, 0.3 to 0.5 for a reworded or machine-translated text, above 0.6
  for a copy);
* ``similarity``: mean bead similarity of the aligned pairs (cosine of e5 vectors plus the
  anchor bonus, so it can reach 1.0 or slightly more; clipped to [0, 1]);
* ``target_artefacts`` / ``source_artefacts``: translation artefacts per 1,000 words
  (:mod:`storytrace.derive.artefacts`); ``target_stories``: how many stories the target page
  carries; ``source_truncated``: the source starts mid-sentence (a scrape that lost its head).

Rules, first match wins (thresholds: ``KEEP = MOSTLY = VERBATIM = MINORITY = 0.6``,
``FULL = 0.8``):

1. **mashup**: the target carries two or more stories (this link is one of them).
2. Different languages, or the same language with a round trip (target artefacts >= 1 per
   1,000 words, source artefacts below 1): **translation** when the target keeps most of
   the source (source coverage >= ``KEEP``) and most of the target is the source's (target
   coverage >= ``MOSTLY``, waived when the source is truncated: then the target may
   legitimately hold more than the source has); otherwise **rewrite** (a translated summary
   or a retelling).
3. Same language, wording kept (overlap >= ``VERBATIM``): **copy** when both sides are
   covered (>= ``FULL``); **excerpt** when the target is covered (>= ``FULL``) but keeps a
   minority of the source (source coverage < ``MINORITY``).
4. Same language, wording changed (overlap < ``VERBATIM``) with both sides covered
   (>= ``FULL``): **paraphrase**.
5. Everything else that is linked: **rewrite** (reworded, condensed or extended with own
   material).

Score. The score is the label's confidence: the pair's similarity (how sure the alignment
is that the texts correspond) times a factor for how far the deciding feature lies from the
threshold that decided the label:

    score = sim × (0.5 + 0.5 × min(1, |feature − threshold| / 0.3))

with the deciding feature source coverage vs ``KEEP`` for translation and cross-language
rewrite, overlap vs ``VERBATIM`` for copy and paraphrase, source coverage vs ``MINORITY``
for excerpt; a mashup scores ``0.5 + 0.5 × sim`` (being on two stories' pages is not a
matter of degree) and a same-language rewrite ``0.75 × sim`` (it is the fallback, no single
threshold decided it). A label decided at a border scores about half the similarity, one
0.3 or more past its threshold the full similarity. Thresholds and spread were set by hand
against the 13 gold links of ``examples/`` and the seed corpus (too few to fit a
probability to). All 13 get the right label; their scores are 0.90 to 0.99 for translations
(a full translation is 0.3 or more past ``KEEP``), 0.89 for the excerpt, 1.0 for the copy and
the mashup, 0.86 for the paraphrase and 0.55 to 0.88 for rewrites (the abridged rewrite
keeps 59% of its source, right at the ``KEEP`` border, hence 0.72). Read a score below 0.6
as "the label is a judgement call between two neighbours", not as a probability.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Source coverage a translation keeps at least.
KEEP = 0.6
#: Target coverage a translation has at least (most of it is the source's).
MOSTLY = 0.6
#: Mean bigram containment from which the wording counts as kept.
VERBATIM = 0.6
#: Coverage from which a side counts as fully covered (copy, paraphrase, an excerpt's target).
FULL = 0.8
#: Source coverage below which a same-language target is an excerpt.
MINORITY = 0.6
#: Distance from a threshold at which the score's margin factor saturates.
SPREAD = 0.3


@dataclass(frozen=True, slots=True)
class PairFeatures:
    """What :func:`label` decides on, for one source → target pair (module docstring)."""

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
    return min(1.0, abs(value - threshold) / SPREAD)


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
