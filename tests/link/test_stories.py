from __future__ import annotations

import numpy as np

from storytrace.link.evidence import DocLink, PassageMatch
from storytrace.link.stories import _tile_boundaries, consistent_links
from storytrace.options import StoryConfig


def link(a: str, b: str, n: int) -> DocLink:
    return DocLink(a, b, tuple(PassageMatch(i, i, 0.9, 0.1, 0.0) for i in range(n)), 0.8)


def test_weak_cross_language_link_vetoed_by_rejected_same_language_pair() -> None:
    lang = {"en_orig": "en", "de_transl": "de", "en_other": "en"}
    links = [link("de_transl", "en_orig", 10), link("de_transl", "en_other", 3)]
    compared = {("de_transl", "en_orig"), ("de_transl", "en_other"), ("en_orig", "en_other")}
    kept = consistent_links(links, compared, lang, StoryConfig())
    assert [(lk.a, lk.b) for lk in kept] == [("de_transl", "en_orig")]
    # if en_orig and en_other were never compared, there is no evidence against the link
    kept = consistent_links(links, compared - {("en_orig", "en_other")}, lang, StoryConfig())
    assert len(kept) == 2


def test_tiling_finds_a_topic_shift() -> None:
    rng = np.random.default_rng(0)
    topic_a, topic_b = rng.normal(size=32), rng.normal(size=32)
    rows = [topic_a + 0.3 * rng.normal(size=32) for _ in range(5)]
    rows += [topic_b + 0.3 * rng.normal(size=32) for _ in range(5)]
    vecs = np.array([r / np.linalg.norm(r) for r in rows], dtype=np.float32)
    assert _tile_boundaries(vecs, StoryConfig()) == [5]
    same = np.array([topic_a / np.linalg.norm(topic_a)] * 10, dtype=np.float32)
    assert _tile_boundaries(same, StoryConfig()) == []
