"""Contextual confirmation of meaning drift: does swapping the words change the sentence?

Contract:
    ``confirm_drift(groups, similarity)`` keeps, in each group (the changes of one link),
    every change without ``probes`` and, of the word substitutions that carry them
    (:mod:`.drift`), those whose swap moves the sentence's meaning: the cosine between a
    passage and the same passage with the other version's words put in, the lower of the two
    directions, at the place where it is lowest, must be at most
    :data:`DRIFT_MAX_SIMILARITY` (a little more for a substitution that recurs).
    ``similarity`` maps two equally long lists of texts to the cosine of each pair;
    :func:`embedding_similarity` builds one from an embedder.
    ``similarity=None`` keeps every substitution unconfirmed (the pure kernels' behaviour);
    :data:`NO_CONTEXT` drops them all (what a run without a contextual embedder does).

Why: a back-translation swaps synonyms in nearly every sentence ("details" ->
"information", "losses" -> "casualties"), and the real slips are near-synonyms too ("rear"
-> "stern", "cabin" -> "cockpit"). Word vectors alone do not separate the two (measured on
the seed pile: true 0.79-0.95, false 0.85-0.97 for multilingual-e5's vectors of the words).
The sentence does: with the word swapped in, an honest synonym leaves the e5 vector of the
sentence where it was (cosine 0.985-1.0), a slip moves it (0.94-0.985). 0.985 was set on
the seed pile (keeps 8 of its 11 drifts the gold annotation lists, drops 26 of 39 it does
not; measured before the per-pair folding) and checked on the examples (their one false
drift, 'approved' -> 'scheme', is 0.988). Tense-only changes ("felt" -> "feels") stay
above the bar and are not reported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from .model import Change

#: A substitution whose swap leaves the sentence vector at least this close is a synonym.
DRIFT_MAX_SIMILARITY = 0.985
#: The bar rises by this much for each further place a substitution recurs in one link (up
#: to :data:`RECURRING_MAX_SIMILARITY`): one translator rendering a term the same odd way
#: in every sentence ("officer" -> "official", 0.985-0.993 each) is a systematic choice a
#: reader must know about, even where each single swap moves its sentence little.
RECURRING_STEP = 0.002
RECURRING_MAX_SIMILARITY = 0.99
#: Score of a confirmed drift at the bar; it rises to 0.5 as the swap moves the sentence.
_SCORE_AT_BAR = 0.4

#: ``similarity(a, b)[i]`` is the cosine of the meaning of ``a[i]`` and ``b[i]``.
Similarity = Callable[[Sequence[str], Sequence[str]], Sequence[float]]


def NO_CONTEXT(a: Sequence[str], b: Sequence[str]) -> list[float]:  # noqa: N802 - a constant
    """The similarity of a run without a contextual embedder: every swap looks harmless, so
    no meaning drift is reported (a bag-of-words vector cannot tell a slip from a synonym)."""
    return [1.0] * len(a)


def embedding_similarity(embed: Callable[[Sequence[str]], np.ndarray]) -> Similarity:
    """A :data:`Similarity` from ``embed(texts) -> unit rows`` (an embedder's ``embed``, or
    a cached lookup of it). Each distinct text is embedded once per call."""

    def similarity(a: Sequence[str], b: Sequence[str]) -> list[float]:
        texts = list(dict.fromkeys([*a, *b]))
        if not texts:
            return []
        rows = np.asarray(embed(texts), dtype=np.float32)
        at = {t: i for i, t in enumerate(texts)}
        return [float(rows[at[x]] @ rows[at[y]]) for x, y in zip(a, b, strict=True)]

    return similarity


def confirm_drift(
    groups: Sequence[Sequence[Change]], similarity: Similarity | None
) -> list[list[Change]]:
    """Each group's changes worth reporting once substitutions are checked in context (module
    doc); all groups (the links of one story) go to ``similarity`` in one batch.

    A kept substitution's score says how far the swap moved the sentence (0.4 at the bar,
    0.5 at cosine 0.935 or below) and its note gives the cosine."""
    if similarity is None:
        return [list(g) for g in groups]
    probes = [p for g in groups for c in g for p in c.probes]
    a = [x for p in probes for x in (p[0], p[2])]
    b = [x for p in probes for x in (p[1], p[3])]
    sims = iter(similarity(a, b) if probes else ())
    out: list[list[Change]] = []
    for g in groups:
        kept: list[Change] = []
        for c in g:
            if not c.probes:
                kept.append(c)
                continue
            # the lower of the two directions, at the place where the swap matters most
            sim = min(min(next(sims), next(sims)) for _ in c.probes)
            bar = DRIFT_MAX_SIMILARITY + RECURRING_STEP * (len(c.probes) - 1)
            if sim > min(bar, RECURRING_MAX_SIMILARITY):
                continue
            gain = min(1.0, (DRIFT_MAX_SIMILARITY - sim) / 0.05)
            kept.append(
                replace(
                    c,
                    score=round(max(c.score - 0.05, _SCORE_AT_BAR) + 0.1 * gain, 3),
                    note=f"{c.note} (the swap moves the sentence: cosine {sim:.3f})",
                )
            )
        out.append(kept)
    return out
