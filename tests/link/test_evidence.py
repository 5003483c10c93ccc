from __future__ import annotations

import numpy as np

from storytrace.link.evidence import DocLink, compare, longest_increasing
from storytrace.link.passages import Passage
from storytrace.options import EvidenceConfig

DIM = 64
BASIS = np.eye(DIM, dtype=np.float32)


def ps(doc: str, texts: list[str]) -> list[Passage]:
    out, pos = [], 0
    for i, t in enumerate(texts):
        out.append(Passage(doc, i, pos, pos + len(t), 0, 1, 0, i, t))
        pos += len(t) + 1
    return out


def near(i: int, cos: float, noise: int) -> np.ndarray:
    v = cos * BASIS[i] + np.sqrt(1 - cos**2) * BASIS[noise]
    return (v / np.linalg.norm(v)).astype(np.float32)


A_TEXTS = [f"Sentence number {i} about the harbour and the storm in the night." for i in range(6)]


def test_copies_link_and_round_trip_json() -> None:
    va = BASIS[:6]
    link = compare(ps("a", A_TEXTS), ps("b", A_TEXTS), va, va.copy(), same_language=True)
    assert link is not None
    assert [(m.a, m.b) for m in link.matches] == [(i, i) for i in range(6)]
    assert DocLink.from_json(link.to_json()) == DocLink.from_json(link.to_json())
    assert 0 < link.score <= 1


def test_same_language_needs_shared_wording_unless_very_close() -> None:
    other = [f"Completely different words number {i} on another topic entirely." for i in range(6)]
    vb = np.stack([near(i, 0.93, 40 + i) for i in range(6)])
    assert compare(ps("a", A_TEXTS), ps("b", other), BASIS[:6], vb, same_language=True) is None
    vb = np.stack([near(i, 0.97, 40 + i) for i in range(6)])
    assert compare(ps("a", A_TEXTS), ps("b", other), BASIS[:6], vb, same_language=True)


def test_cross_language_needs_several_ordered_matches() -> None:
    other = [f"Ein ganz anderer deutscher Satz Nummer {i} über den Hafen." for i in range(6)]
    vb = np.stack([near(i, 0.88, 40 + i) for i in range(6)])
    link = compare(ps("a", A_TEXTS), ps("b", other), BASIS[:6], vb, same_language=False)
    assert link is not None and len(link.matches) == 6
    # only one matching passage: one shared sentence never links two documents
    vb1 = np.stack([near(0, 0.88, 40)] + [BASIS[50 + i] for i in range(5)])
    assert compare(ps("a", A_TEXTS), ps("b", other), BASIS[:6], vb1, same_language=False) is None
    # below the calibrated cosine
    vb2 = np.stack([near(i, 0.80, 40 + i) for i in range(6)])
    assert compare(ps("a", A_TEXTS), ps("b", other), BASIS[:6], vb2, same_language=False) is None


def test_scattered_order_is_rejected() -> None:
    cfg = EvidenceConfig(min_ordered=3)
    other = [f"Ein ganz anderer deutscher Satz Nummer {i} über den Hafen." for i in range(3)]
    vb = np.stack([near(2, 0.9, 40), near(1, 0.9, 41), near(0, 0.9, 42)])
    assert (
        compare(ps("a", A_TEXTS[:3]), ps("b", other), BASIS[:3], vb, same_language=False, cfg=cfg)
        is None
    )


def test_longest_increasing() -> None:
    assert longest_increasing([3, 1, 2, 5, 4]) == 3
    assert longest_increasing([]) == 0


def test_same_frame_other_facts_is_not_a_match() -> None:
    """Formulaic sentences recur across stories; the names and figures tell them apart."""
    a = [
        f"Residents of Rotterdam were invited on {10 + i} May to a public meeting in Delft."
        for i in range(4)
    ]
    b = [
        f"Residents of Sevilla were invited on {20 + i} June to a public meeting in Cádiz."
        for i in range(4)
    ]
    va = BASIS[:4]
    vb = np.stack([near(i, 0.97, 40 + i) for i in range(4)])
    assert compare(ps("a", a), ps("b", b), va, vb, same_language=True) is None
    # the same facts in other words still match
    c = [
        f"On {10 + i} May, people from Rotterdam were asked to come to a meeting in Delft."
        for i in range(4)
    ]
    assert compare(ps("a", a), ps("c", c), va, vb, same_language=True) is not None


def test_links_record_shared_facts_and_old_links_pass_rarity() -> None:
    from storytrace.link.evidence import strong_enough

    texts = [
        f"Anna Berg of Nordvik paid {1000 + i} euros in Harbourtown, Reuters said."
        for i in range(4)
    ]
    va = BASIS[:4]
    link = compare(ps("a", texts), ps("b", texts), va, va.copy(), same_language=True)
    assert link is not None and link.facts and "n:1000" in link.facts
    again = DocLink.from_json(link.to_json())
    assert again.facts == link.facts
    cfg = EvidenceConfig()
    assert strong_enough(link, {}, cfg)  # facts never counted: rare
    common = dict.fromkeys(link.facts, 10_000)
    assert not strong_enough(link, common, cfg)  # everything is common: nothing confirmed
    legacy = DocLink.from_json({k: v for k, v in link.to_json().items() if k != "facts"})
    assert legacy.facts is None and strong_enough(legacy, common, cfg)


def test_a_one_passage_document_can_match_once() -> None:
    text = "Anna Berg of Nordvik said 4,500 people had left Harbourtown by Monday night."
    long_doc = [text, *A_TEXTS[:3]]
    va = np.stack([BASIS[0], BASIS[1], BASIS[2], BASIS[3]])
    link = compare(ps("a", long_doc), ps("b", [text]), va, BASIS[:1].copy(), same_language=True)
    assert link is not None and len(link.matches) == 1
    two = [text, "A second paragraph of the teaser with other words in it entirely."]
    vb = np.stack([BASIS[0], BASIS[50]])
    assert compare(ps("a", long_doc), ps("b", two), va, vb, same_language=True) is None


def test_cross_language_fact_matches_when_vectors_are_weak() -> None:
    en = [
        "Anna Berg said 4,500 residents of Harbourtown left on Monday.",
        "Nordvik Energy paid 12,340 euros to Olaf Lind in Harbourtown.",
        "The council of Harbourtown met Anna Berg and Olaf Lind.",
    ]
    de = [
        "Anna Berg sagte, 4.500 Einwohner von Harbourtown gingen am Montag.",
        "Nordvik Energy zahlte 12.340 Euro an Olaf Lind in Harbourtown.",
        "Der Rat von Harbourtown traf Anna Berg und Olaf Lind.",
    ]
    weak = np.stack([near(i, 0.2, 30 + i) for i in range(3)])  # vectors see nothing
    off = EvidenceConfig()
    on = EvidenceConfig(fact_match=0.5)
    assert compare(ps("a", en), ps("b", de), BASIS[:3], weak, same_language=False, cfg=off) is None
    link = compare(ps("a", en), ps("b", de), BASIS[:3], weak, same_language=False, cfg=on)
    assert link is not None and {(m.a, m.b) for m in link.matches} == {(0, 0), (1, 1)}


def test_many_weak_facts_do_not_add_up_to_a_rare_one() -> None:
    from storytrace.link.evidence import strong_enough

    weak = DocLink("a", "b", (), 1.0, ("w:plz", "w:urtl", "w:brfng", "w:spl"))
    df = dict.fromkeys(weak.facts or (), 120)  # each in 120 of 1,000 documents
    cfg = EvidenceConfig()
    assert not strong_enough(weak, df, cfg, n_docs=1000)
    rare = DocLink("a", "b", (), 1.0, (*(weak.facts or ()), "w:kvlnk"))
    assert strong_enough(rare, df | {"w:kvlnk": 2}, cfg, n_docs=1000)
