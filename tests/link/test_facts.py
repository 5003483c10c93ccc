"""Facts, their rarity, and candidate pairs from rare shared facts (link/facts.py)."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.link.facts import (
    document_frequencies,
    fact_candidates,
    fact_keys,
    fact_mass,
    facts_task,
    rarity,
)


def test_numbers_are_locale_free_and_names_script_free() -> None:
    en = fact_keys("Mayor Olena Kovalenko said 4,500 people left Kherson.")
    de = fact_keys("Bürgermeisterin Olena Kowalenko sagte, 4.500 Menschen verließen Cherson.")
    ru = fact_keys("Мэр Олена Коваленко сообщила, что 4\u202f500 человек покинули Херсон.")
    for keys in (en, de, ru):
        assert {"n:4500", "w:hrsn"} <= keys
    assert "w:kvlnk" in en and "w:kvlnk" in ru and "w:kvlnk" in de


def test_sentence_initial_capitals_are_not_names() -> None:
    keys = fact_keys("Rain fell. Police said NATO helped.")
    assert "w:rn" not in keys and "w:pl" not in keys  # Rain, Police start sentences
    assert "w:nt" in keys  # all caps counts anywhere


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_rarity_is_a_falling_weight(a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    assert 0.0 <= rarity(hi) <= rarity(lo) <= 1.0
    assert rarity(1) == 1.0 and rarity(300) == 0.0


def test_fact_mass_ignores_common_facts() -> None:
    df = {"w:ptn": 5000, "w:kvlnk": 2, "n:4500": 4}
    assert fact_mass({"w:ptn"}, df) == 0.0
    assert fact_mass({"w:kvlnk", "n:4500", "w:ptn"}, df) > 1.5
    assert fact_mass({"w:new"}, df) == 1.0  # unseen: as rare as can be


def test_facts_task_keeps_shape() -> None:
    out = facts_task([["A text by Anna Berg.", "Nothing here"], []])
    assert len(out) == 2 and len(out[0]) == 2 and out[1] == ()


def _brute(
    docs: list[str], facts: dict[str, set[str]], min_mass: float, max_df: int
) -> set[tuple[str, str]]:
    df = document_frequencies(facts.values())
    out = set()
    for a, b in itertools.combinations(sorted(docs), 2):
        shared = {f for f in facts[a] & facts[b] if df[f] <= max_df}
        if shared and fact_mass(shared, df) >= min_mass - 1e-9:
            out.add((a, b))
    return out


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from([f"d{i}" for i in range(12)]),
        st.sets(st.sampled_from([f"w:f{i}" for i in range(15)]), max_size=6),
        min_size=2,
    ),
    st.sampled_from([0.5, 1.0, 2.0]),
)
def test_fact_candidates_match_brute_force(facts: dict[str, set[str]], min_mass: float) -> None:
    docs = sorted(facts)
    df = document_frequencies(facts.values())
    got = fact_candidates(docs, facts, df, min_mass=min_mass, max_df=8, top_k=100)
    assert got == _brute(docs, facts, min_mass, 8)
    assert all(a < b for a, b in got)


def test_fact_candidates_bound_partners_and_respect_new() -> None:
    facts = {f"d{i:02d}": {"w:shared", "w:also", f"w:own{i}"} for i in range(10)}
    df = document_frequencies(facts.values())
    docs = sorted(facts)
    all_pairs = fact_candidates(docs, facts, df, min_mass=1.0, max_df=20, top_k=100)
    assert len(all_pairs) == 45
    capped = fact_candidates(docs, facts, df, min_mass=1.0, max_df=20, top_k=2)
    assert all(sum(d in p for p in capped) <= 2 + 9 for d in docs)  # top_k per end
    assert len(capped) < 45
    only_new = fact_candidates(docs, facts, df, new={"d03"}, min_mass=1.0, max_df=20, top_k=100)
    assert only_new and all("d03" in p for p in only_new)
    # Facts in more than max_df documents are not indexed at all.
    assert fact_candidates(docs, facts, df, min_mass=0.1, max_df=5, top_k=100) == set()


def test_rarity_scale_grows_with_the_store() -> None:
    from storytrace.link.facts import rarity_bounds

    assert rarity_bounds(14) == (3, 300)  # small piles: the floors
    assert rarity_bounds(100_000, 3, 300, 1 / 2000, 1 / 100) == (50, 1000)
    rare, common = rarity_bounds(100_000, 3, 300, 1 / 2000, 1 / 100)
    assert rarity(40, rare, common) == 1.0 and rarity(1000, rare, common) == 0.0
