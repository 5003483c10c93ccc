"""Lexical anchors: locale-free numbers, transliteration-insensitive names, quote openings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.align.anchors import (
    WEIGHTS,
    Anchors,
    anchor_similarity,
    anchors,
    name_keys,
    number_keys,
    quote_keys,
    weighted_jaccard,
)


@pytest.mark.parametrize(
    "text",
    [
        "forcing 4,500 residents",
        "4.500 Einwohner",
        "4 500 жителей",
        "4\u00a0500 beboere",
        "4\u202f500 habitants",
    ],
)
def test_thousands_separators_of_every_locale_give_one_key(text: str) -> None:
    assert number_keys(text) == {"4500"}


@pytest.mark.parametrize("text", ["rose 1.8 metres", "auf 1,8 Meter", "на 1,8 метра"])
def test_decimal_marks_give_the_value(text: str) -> None:
    assert number_keys(text) == {"1.8"}


def test_numbers_edge_cases() -> None:
    assert number_keys("am 12. März 2024.") == {"12", "2024"}  # ordinal and final dots
    assert number_keys("1.000.000 and 0.25%") == {"1000000", "0.25"}
    assert number_keys("12.03.2024") == {"12", "3", "2024"}  # a date: each part
    assert number_keys("in 1978 200 people") == {"1978", "200"}  # not 1978200
    assert number_keys("1,351 and 1.351 and 1351") == {"1351"}
    assert number_keys("no digits here") == set()


def test_names_survive_transliteration_and_skip_sentence_starts() -> None:
    en = name_keys("Mayor Ingrid Solberg visited Kherson.")
    ru = name_keys("Мэр Ингрид Сульберг посетила Херсон.")
    de = name_keys("Die Bürgermeisterin Ingrid Solberg besuchte Cherson.")
    assert {"ingrd", "slbrg", "hrsn"} <= en & ru
    assert {"ingrd", "slbrg", "hrsn"} <= de
    assert "mr" not in ru  # "Мэр" starts the sentence
    assert name_keys("The officer left. Nobody knew.") == set()  # both capitals start sentences


def test_all_caps_tokens_are_names_even_at_the_start() -> None:
    assert "ghk" in name_keys("GCHQ said so")
    assert "nt" in name_keys("NATO and the UK")
    assert name_keys("“Some guys refused,” he said.") == set()  # after an opening quote


def test_quote_keys_take_the_first_two_words() -> None:
    assert quote_keys("“We have never seen the sea come this far,” she said.") == {"we have"}
    assert quote_keys("«Никто не пострадал серьёзно», сказала она.") == {"никто не"}
    assert quote_keys("He said “no way” twice.") == set()  # fewer than three words


def test_anchors_record_and_keys() -> None:
    a = anchors("Mayor Solberg said 4,500 people left, “all of them at night”.")
    assert a.numbers == {"4500"}
    assert "slbrg" in a.names
    assert a.quotes == {"all of"}
    assert a.keys() == {"n:4500", "w:slbrg", "q:all of"}
    assert a
    assert not Anchors()


def test_translation_pair_shares_its_anchors() -> None:
    en = anchors("The water rose 1.8 metres in Havnvik, 4,500 residents left.")
    de = anchors("In Havnvik stieg das Wasser um 1,8 Meter, 4.500 Einwohner gingen.")
    other = anchors("The 2.4-kilometre wall was built in 1978.")
    assert anchor_similarity(en, de) > 0.5
    assert anchor_similarity(en, other) == 0.0


def test_similarity_is_weighted_jaccard() -> None:
    a = Anchors(numbers=frozenset({"1"}), names=frozenset({"x"}))
    b = Anchors(numbers=frozenset({"1"}), names=frozenset({"y"}))
    n, w = WEIGHTS["n"], WEIGHTS["w"]
    assert anchor_similarity(a, b) == pytest.approx(n / (n + 2 * w))
    assert anchor_similarity(a, a) == 1.0
    assert anchor_similarity(Anchors(), Anchors()) == 0.0
    assert anchor_similarity(a, Anchors()) == 0.0


_keys = st.frozensets(st.sampled_from(["1", "2", "22000", "1.8"]), max_size=3)
_names = st.frozensets(st.sampled_from(["slbrg", "hrsn", "kn"]), max_size=3)
_anchor_sets = st.builds(Anchors, numbers=_keys, names=_names, quotes=_names)


@given(_anchor_sets, _anchor_sets)
def test_similarity_is_symmetric_and_bounded(a: Anchors, b: Anchors) -> None:
    s = anchor_similarity(a, b)
    assert 0.0 <= s <= 1.0
    assert s == anchor_similarity(b, a)
    assert anchor_similarity(a, a) == (1.0 if a else 0.0)
    assert s == weighted_jaccard(a.keys(), b.keys())


@given(st.text(max_size=200))
def test_anchors_never_fail_on_any_text(text: str) -> None:
    a = anchors(text)
    assert all(k for k in a.numbers)
    assert all(len(k) >= 2 for k in a.names)
