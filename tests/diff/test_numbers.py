"""Numbers read with the rules of their language: locale traps, words, ranges, ordinals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.diff.numbers import canon, decimal_mark, norm_lang, numbers, ordinal, tags
from tests.diff.helpers import BABEL


def one(text: str, lang: str | None) -> tuple[str, str, bool]:
    """The single number fact of ``text``: (surface, value, foreign)."""
    found = numbers(text, lang)
    assert len(found) == 1, found
    f = found[0]
    assert text[f.start : f.end] == f.text
    return f.text, f.value, f.foreign


@pytest.mark.parametrize(
    ("lang", "text", "surface", "value", "foreign"),
    [
        # thousands separators in each locale
        ("en", "More than 22,000 troops.", "22,000", "22000", False),
        ("de", "Mehr als 22.000 Soldaten.", "22.000", "22000", False),
        ("no", "Over 22.000 soldater.", "22.000", "22000", False),
        ("no", "Over 1 500 soldater.", "1 500", "1500", False),
        ("no", "Over 10\u00a0000 soldater.", "10\u00a0000", "10000", False),
        ("fr", "Plus de 10\u202f000 soldats.", "10\u202f000", "10000", False),
        ("ru", "Более 1\u00a0500 солдат.", "1\u00a0500", "1500", False),
        ("es", "Más de 1.500 soldados.", "1.500", "1500", False),
        ("de", "Ein Etat von 1.234.567,5 Euro.", "1.234.567,5", "1234567.5", False),
        # German thousands in English: foreign, value kept
        ("en", "Some 1.000 homes burned.", "1.000", "1000", True),
        ("en", "They lost 1.351 tanks.", "1.351", "1351", True),
        ("en", "They lost 1.351.000 rounds.", "1.351.000", "1351000", True),
        # decimals
        ("de", "Die Quote liegt bei 1,8.", "1,8", "1.8", False),
        ("fr", "Le taux est de 1,8.", "1,8", "1.8", False),
        ("ru", "Показатель составил 1,8.", "1,8", "1.8", False),
        ("en", "The rate is 1.8 now.", "1.8", "1.8", False),
        ("de", "Die Quote liegt bei 1,351.", "1,351", "1.351", False),
        ("de", "Die Quote liegt bei 1.8 Punkten.", "1.8", "1.8", True),
        ("en", "The rate was 1,8 then.", "1,8", "1.8", True),
        # a decimal dot before a scale word is English, not a thousands dot
        ("en", "A budget of 1.351 billion.", "1.351 billion", "1351000000", False),
    ],
)
def test_locale_formats(lang: str, text: str, surface: str, value: str, foreign: bool) -> None:
    assert one(text, lang) == (surface, value, foreign)


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "It rose 60% to 70% this time.", "60-70%"),
        ("de", "Es waren 60-70 % der Stimmen.", "60-70%"),
        ("ru", "Это 60–70 % голосов.", "60-70%"),
        ("en", "Between 60 and 70 percent voted.", "60-70%"),
        ("es", "Entre 60 y 70 por ciento votó.", "60-70%"),
        ("fr", "Environ 12,5 % des voix.", "12.5%"),
        ("no", "Hele 45 prosent stemte.", "45%"),
        ("uk", "Проголосували 45 відсотків.", "45%"),
        ("de", "Es kostet 2-3 Millionen Euro.", "2000000-3000000"),
    ],
)
def test_percentages_and_ranges(lang: str, text: str, value: str) -> None:
    assert one(text, lang)[1] == value


def test_from_a_to_b_is_two_values_sharing_the_unit() -> None:
    """ "from 60 to 70 percent" reports a change of value, not a range."""
    assert [f.value for f in numbers("It rose from 60 to 70 percent.", "en")] == ["60%", "70%"]
    assert [f.value for f in numbers("Sie stieg von 60 auf 70 Prozent.", "de")] == ["60%", "70%"]


@pytest.mark.parametrize(
    ("lang", "text", "surface", "value", "foreign"),
    [
        ("en", "The 150th brigade moved.", "150th", "150th", False),
        ("en", "The 150. brigade moved.", "150.", "150th", True),
        ("de", "Die 150. Brigade zog ab.", "150.", "150th", False),
        ("no", "Den 3. brigaden trakk seg.", "3.", "3rd", False),
        ("ru", "8-й батальон отступил.", "8-й", "8th", False),
        ("uk", "5-та бригада відступила.", "5-та", "5th", False),
        ("fr", "Le 1er régiment est parti.", "1er", "1st", False),
        ("es", "El 2.º batallón se retiró.", "2.º", "2nd", False),
    ],
)
def test_ordinals(lang: str, text: str, surface: str, value: str, foreign: bool) -> None:
    assert one(text, lang) == (surface, value, foreign)


def test_sentence_final_number_is_not_an_ordinal() -> None:
    assert one("Die Zahl der Toten stieg auf 150. Danach kam Ruhe.", "de")[1] == "150"


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "Thousands fled the city.", "~1000s"),
        ("en", "Hundreds of homes burned.", "~100s"),
        ("en", "Dozens were hurt.", "~10s"),
        ("en", "Tens of thousands fled.", "~10000s"),
        ("en", "Two dozen were hurt.", "24"),
        ("en", "A million people fled.", "1000000"),
        ("en", "Half a million people fled.", "500000"),
        ("de", "Tausende flohen.", "~1000s"),
        ("de", "Zwei Dutzend wurden verletzt.", "24"),
        ("no", "Tusenvis flyktet.", "~1000s"),
        ("ru", "Тысячи людей бежали.", "~1000s"),
        ("ru", "Несколько тысяч человек бежали.", "~1000s"),
        ("ru", "Бежали 22 тысячи человек.", "22000"),
        ("ru", "Ущерб составил 1,5 млн рублей.", "1500000"),
        ("uk", "Тисячі людей утекли.", "~1000s"),
        ("uk", "Утекли 22 тисячі людей.", "22000"),
        ("fr", "Des milliers ont fui.", "~1000s"),
        ("es", "Miles huyeron.", "~1000s"),
        ("es", "Huyeron 22 mil personas.", "22000"),
        ("es", "Costó 1,5 millones.", "1500000"),
        ("es", "Costó 3 mil millones.", "3000000000"),
        ("ru", "Бюджет составил 1,2 трлн рублей.", "1200000000000"),
        ("de", "Die Schulden betragen 2 Billionen Euro.", "2000000000000"),
    ],
)
def test_number_words(lang: str, text: str, value: str) -> None:
    assert one(text, lang)[1] == value


def test_small_number_words_are_weak() -> None:
    (fact,) = numbers("Three soldiers died.", "en")
    assert (fact.value, "word" in tags(fact)) == ("3", True)
    (fact,) = numbers("Погибли трое военных.", "ru")
    assert fact.value == "3"
    # "a"/"one" alone is an article, not a fact
    assert numbers("A soldier and one officer died.", "en") == []


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "It was the third attack.", "3rd"),
        ("de", "Es war der dritte Angriff.", "3rd"),
        ("no", "Det var det tredje angrepet.", "3rd"),
        ("ru", "Это был третий удар.", "3rd"),
        ("uk", "Це була п’ята атака.", "5th"),
        ("fr", "C'était la troisième attaque.", "3rd"),
        ("es", "Fue el tercer ataque.", "3rd"),
    ],
)
def test_ordinal_words_are_weak_ordinals(lang: str, text: str, value: str) -> None:
    (f,) = numbers(text, lang)
    assert (f.value, "word" in tags(f), "ord" in tags(f)) == (value, True, True)


def test_a_weekday_is_not_an_ordinal_word() -> None:
    assert numbers("Во вторник он ушёл.", "ru") == []  # not "второй"


def test_years_are_tagged() -> None:
    facts = numbers("In 2022 some 2022 people left.", "en")
    assert [f.value for f in facts] == ["2022", "2022"]
    assert all("year" in tags(f) for f in facts)
    assert "year" not in tags(numbers("Some 2,022 people left.", "en")[0])


def test_clock_times_and_model_names_are_not_quantities() -> None:
    assert numbers("Es begann um 10.30 Uhr.", "de") == []
    assert numbers("Det startet kl. 10.30 i dag.", "no") == []
    assert numbers("It began at 10:30.", "en") == []
    assert numbers("An Su-25 jet crashed.", "en") == []


def test_ambiguous_groups_carry_the_other_reading() -> None:
    (de,) = numbers("Es dauerte 2,383 Sekunden.", "de")
    assert (de.value, tags(de)["alt"]) == ("2.383", "2383")
    (en,) = numbers("It lasted 2,383 seconds.", "en")
    assert (en.value, tags(en)["alt"]) == ("2383", "2.383")


def test_offsets_are_code_points_of_the_text() -> None:
    text = "Über 1 500 Häuser — und 60 % mehr."
    for f in numbers(text, "de"):
        assert text[f.start : f.end] == f.text


def test_unknown_language_reads_digits_without_foreign_flags() -> None:
    facts = numbers("22,000 and 1.000 and 45%", None)
    assert [f.value for f in facts] == ["22000", "1000", "45%"]
    assert not any(f.foreign for f in facts)


def test_helpers() -> None:
    assert (norm_lang("nb"), norm_lang("en-GB"), norm_lang(None)) == ("no", "en", None)
    assert (decimal_mark("en"), decimal_mark("de"), decimal_mark("no")) == (".", ",", ",")
    assert decimal_mark("xx-not-a-locale") is None
    assert (canon(Decimal("22000.0")), canon(Decimal("1.80"))) == ("22000", "1.8")
    assert [ordinal(n) for n in (1, 2, 3, 11, 12, 13, 21, 150)] == [
        "1st", "2nd", "3rd", "11th", "12th", "13th", "21st", "150th",
    ]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    lang=st.sampled_from(sorted(BABEL)),
    n=st.integers(min_value=0, max_value=10**9),
    cents=st.integers(min_value=0, max_value=99),
    with_decimals=st.booleans(),
)
def test_native_rendering_reads_back(lang: str, n: int, cents: int, with_decimals: bool) -> None:
    """A number written by babel in each locale's own format reads back to its value.

    Decimals have at most two fraction digits: "1.351" is read as a thousands dot in
    English by design (see the module docstring)."""
    value = Decimal(n) + (Decimal(cents) / 100 if with_decimals else 0)
    rendered = format_decimal(value, locale=BABEL[lang], decimal_quantization=False)
    text = f"Es sind {rendered} Stück." if lang == "de" else f"= {rendered} ="
    found = numbers(text, lang)
    assert [f.value for f in found] == [canon(value)], (rendered, found)
    assert not found[0].foreign


def test_a_number_word_with_a_sharp_s_is_read() -> None:
    # the values are looked up by casefold, which turns "ß" into "ss"
    (fact,) = numbers("Er ist dreißig Jahre alt.", "de")
    assert fact.value == "30" and fact.text == "dreißig"
