"""Tokens, shingles, MinHash signatures and LSH pairs."""

from __future__ import annotations

import random
import re
from importlib import metadata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.link import shingles as sh
from storytrace.link.shingles import (
    EMPTY_SLOT,
    MINHASH_VERSION,
    exact_jaccard,
    jaccard_estimate,
    lsh_bands,
    lsh_pairs,
    minhash_version,
    shingles,
    signatures,
    tokens,
)

# --- tokens -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices ROSE, sharply!", ["prices", "rose", "sharply"]),
        (
            "Цены выросли на 4,5% — до 12 000 руб.",
            ["цены", "выросли", "на", "4,5", "до", "12", "000", "руб"],
        ),
        ("Don’t stop; it’s l’Europe", ["don't", "stop", "it's", "l'europe"]),
        ("п’ять, пʼять and п'ять", ["п'ять", "п'ять", "and", "п'ять"]),
        ("«Quoted» “words” 'single'", ["quoted", "words", "single"]),
        (
            "On 24.02.2022 at 4.5 km/h, 1,000 people",
            ["on", "24.02.2022", "at", "4.5", "km", "h", "1,000", "people"],
        ),
        ("Ёлка и елка; ЁЖ", ["елка", "и", "елка", "еж"]),
        ("ﬁnance Ｆｕｌｌ １２３", ["finance", "full", "123"]),  # NFKC
        ("STRASSE Straße", ["strasse", "strasse"]),  # casefold
        ("soft\u00adhyphen zero\u200bwidth", ["softhyphen", "zerowidth"]),
        ("ударе\u0301ние", ["ударение"]),  # a stress mark does not split the word
        ("snake_case COVID-19 e-mail", ["snake", "case", "covid", "19", "e", "mail"]),
        ("", []),
        ("  ...  — ", []),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


# --- shingles ---------------------------------------------------------------------------------


def test_shingles() -> None:
    toks = ["a", "b", "c", "d", "a", "b", "c"]
    assert shingles(toks) == ["a b c", "b c d", "c d a", "d a b", "a b c"]
    assert shingles(toks, n=1) == toks
    assert shingles(["a", "b"]) == ["a b"]  # shorter than n: the whole sequence
    assert shingles(["a", "b", "c"]) == ["a b c"]
    assert shingles([]) == []
    with pytest.raises(ValueError):
        shingles(toks, n=0)


spaces = st.sampled_from([" ", "  ", "\t", "\n", "\r\n", "\u00a0", " \u2003 ", "\n\n"])
words = st.sampled_from(["The", "court", "ruled", "4.5", "суд", "п'ять", "don’t", "ЁЖ", "x"])


@settings(max_examples=150, database=None)
@given(
    parts=st.lists(words, min_size=0, max_size=12),
    seps=st.lists(spaces, min_size=13, max_size=13),
    lead=spaces,
)
def test_shingles_are_stable_under_whitespace_changes(
    parts: list[str], seps: list[str], lead: str
) -> None:
    plain = " ".join(parts)
    spaced = lead + "".join(p + s for p, s in zip(parts, seps, strict=False))
    assert tokens(spaced) == tokens(plain)
    assert shingles(tokens(spaced)) == shingles(tokens(plain))


@settings(max_examples=150, database=None)
@given(st.text())
def test_tokens_are_normalised_and_idempotent(text: str) -> None:
    toks = tokens(text)
    assert all(t and not any(c.isspace() for c in t) for t in toks)
    assert tokens(" ".join(toks)) == toks


# --- signatures -------------------------------------------------------------------------------


def test_version_names_the_algorithm() -> None:
    assert minhash_version(128, 1) == MINHASH_VERSION
    assert f"rensa-{metadata.version('rensa')}" in MINHASH_VERSION
    assert re.search(r"/perm128/seed1/tok\d+$", MINHASH_VERSION)
    assert minhash_version(64, 7).endswith(f"/perm64/seed7/tok{sh.TOKENIZER_VERSION}")


def test_signatures_match_rensa_and_are_deterministic() -> None:
    import rensa

    sets = [["a b c", "b c d"], ["x"], [], ["a b c", "b c d", "a b c"]]
    sigs = signatures(sets, num_perm=64, seed=3)
    assert len(sigs) == 4 and all(len(s) == 64 for s in sigs)
    mh = rensa.RMinHash(64, 3)
    mh.update(["a b c", "b c d"])
    assert sigs[0] == list(mh.digest())
    assert sigs[3] == sigs[0]  # repeats do not matter
    assert sigs[2] == [EMPTY_SLOT] * 64
    assert signatures(sets, num_perm=64, seed=3) == sigs
    assert signatures(sets, num_perm=64, seed=4) != sigs
    assert signatures([]) == []
    with pytest.raises(ValueError):
        signatures(sets, num_perm=0)


def test_jaccard_estimate_tracks_exact_jaccard() -> None:
    rng = random.Random(5)
    vocab = [f"w{i}" for i in range(400)]
    for _ in range(20):
        a = set(rng.sample(vocab, 120))
        b = set(rng.sample(sorted(a), rng.randint(20, 120))) | set(rng.sample(vocab, 30))
        sa, sb = signatures([sorted(a), sorted(b)], num_perm=256)
        assert abs(jaccard_estimate(sa, sb) - exact_jaccard(a, b)) < 0.12
    assert jaccard_estimate([1, 2, 3, 4], [1, 2, 0, 0]) == 0.5
    empty = [EMPTY_SLOT] * 4
    assert jaccard_estimate(empty, empty) == 0.0  # empty texts are not alike
    assert exact_jaccard(set(), set()) == 0.0
    assert exact_jaccard({"a"}, {"a", "b"}) == 0.5
    with pytest.raises(ValueError):
        jaccard_estimate([1], [1, 2])


# --- LSH --------------------------------------------------------------------------------------


def test_lsh_bands() -> None:
    assert lsh_bands(0.9) < lsh_bands(0.7) < lsh_bands(0.3) + 1
    for t in (0.2, 0.5, 0.8):
        assert 128 % lsh_bands(t) == 0
    with pytest.raises(ValueError):
        lsh_bands(1.0)


def corpus(n: int = 600, seed: int = 2) -> tuple[list[list[int]], set[tuple[int, int]]]:
    """Random 60-word texts; every 10th is a copy of the previous one with one word changed."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(5000)]
    texts: list[list[str]] = []
    planted = set()
    for i in range(n):
        if i % 10 == 9:
            words_ = list(texts[-1])
            words_[rng.randrange(60)] = "changed"
            planted.add((i - 1, i))
        else:
            words_ = rng.choices(vocab, k=60)
        texts.append(words_)
    texts.append([])  # empty texts are never paired
    texts.append([])
    return signatures([shingles(t) for t in texts]), planted


@pytest.mark.parametrize("engine", ["auto", "rensa", "numpy"])
def test_lsh_pairs_find_planted_near_duplicates(engine: str) -> None:
    sigs, planted = corpus()
    keys = [f"p{i}" for i in range(len(sigs))]
    pairs = lsh_pairs(keys, sigs, 0.7, engine=engine)
    assert planted <= pairs
    assert all(i < j for i, j in pairs)
    assert all(i < 600 and j < 600 for i, j in pairs)
    verified = lsh_pairs(keys, sigs, 0.7, engine=engine, verify=True)
    assert verified == planted


def test_engines_agree() -> None:
    sigs, _ = corpus(400, seed=9)
    # low threshold: many bands of few rows, so there are plenty of chance candidates too
    keys = [str(i) for i in range(len(sigs))]
    assert lsh_pairs(keys, sigs, 0.3, engine="rensa") == lsh_pairs(keys, sigs, 0.3, engine="numpy")


def test_rensa_objects_rebuild_exactly_from_digests() -> None:
    import numpy as np
    import rensa

    prefix = sh._state_prefix(128)
    assert prefix is not None, "rensa's pickle layout changed: lsh_pairs falls back to numpy"
    mh = rensa.RMinHash(128, 1)
    mh.update(["a b c", "d e f"])
    rebuilt = sh._minhashes_from_digests(prefix, np.asarray([mh.digest()], dtype=np.uint32), 128)
    assert rebuilt[0].digest() == mh.digest()
    assert rebuilt[0].__getstate__() == mh.__getstate__()


def test_lsh_pairs_validation() -> None:
    with pytest.raises(ValueError, match="keys"):
        lsh_pairs(["a"], [], 0.5)
    with pytest.raises(ValueError, match="values"):
        lsh_pairs(["a"], [[1, 2]], 0.5)
    with pytest.raises(ValueError, match="32-bit"):
        lsh_pairs(["a"], [[-1] * 128], 0.5)
    with pytest.raises(ValueError, match="engine"):
        lsh_pairs(["a"], [[1] * 128], 0.5, engine="faiss")
    assert lsh_pairs([], [], 0.5) == set()
    assert lsh_pairs(["a", "b"], [[1] * 128, [1] * 128], 0.5) == {(0, 1)}
