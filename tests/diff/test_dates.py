"""Dates found by per-language patterns, resolved against publication or the story."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.diff.dates import dates, parts, same_date, shift
from storytrace.diff.model import Fact
from storytrace.diff.numbers import tags

PUB = date(2022, 2, 27)  # a Sunday
PUB_DT = datetime(PUB.year, PUB.month, PUB.day)


def one(text: str, lang: str | None, pub: date | None = PUB) -> Fact:
    found = dates(text, lang, pub)
    assert len(found) == 1, found
    f = found[0]
    assert text[f.start : f.end] == f.text
    return f


@pytest.mark.parametrize(
    ("lang", "text", "surface", "value"),
    [
        ("en", "Troops crossed on February 24, 2022, officials said.", "February 24, 2022",
         "2022-02-24"),
        ("en", "Troops crossed on 24 February 2022.", "24 February 2022", "2022-02-24"),
        ("en", "Troops crossed on Feb. 24.", "Feb. 24", "2022-02-24"),
        ("de", "Die Truppen kamen am 24. Februar 2022.", "24. Februar 2022", "2022-02-24"),
        ("de", "Die Truppen kamen am 24.02.2022 an.", "24.02.2022", "2022-02-24"),
        ("no", "Styrkene kom 24. februar.", "24. februar", "2022-02-24"),
        ("ru", "Войска вошли 24 февраля 2022 года.", "24 февраля 2022 года", "2022-02-24"),
        ("uk", "Війська увійшли 24 лютого 2022 року.", "24 лютого 2022 року", "2022-02-24"),
        ("fr", "Les troupes sont entrées le 24 février.", "24 février", "2022-02-24"),
        ("fr", "Les troupes sont entrées le 1er mars 2021.", "1er mars 2021", "2021-03-01"),
        ("es", "Las tropas entraron el 24 de febrero de 2022.", "24 de febrero de 2022",
         "2022-02-24"),
        ("en", "Prices peaked in March 2021.", "March 2021", "2021-03"),
        ("ru", "Цены выросли в феврале.", "феврале", "2022-02"),
        ("de", "Seit 2014 gilt das Gesetz.", "2014", "2014"),
        ("ru", "Закон действует с 2014 года.", "2014 года", "2014"),
    ],
)  # fmt: skip
def test_absolute_dates(lang: str, text: str, surface: str, value: str) -> None:
    f = one(text, lang)
    assert (f.text, f.value, f.foreign) == (surface, value, False)


def test_day_first_ordinal_date_is_foreign_in_english() -> None:
    f = one("The city fell on 22. February.", "en")
    assert (f.text, f.value, f.foreign, tags(f)["fmt"]) == (
        "22. February",
        "2022-02-22",
        True,
        "day-first-dot",
    )
    assert not one("Die Stadt fiel am 22. Februar.", "de").foreign


def test_partial_values_without_publication() -> None:
    assert one("Troops crossed on 24 February.", "en", None).value == "--02-24"
    assert one("Prices rose in March.", "en", None).value == "--03"
    assert one("Prices rose last year.", "en", None).value == "rel:year-1"
    assert one("Prices rose on Saturday.", "en", None).value == "rel:wd6"


def test_missing_year_is_the_nearest_day_past_preferred() -> None:
    assert one("It happened on 20 December.", "en", date(2022, 1, 10)).value == "2021-12-20"
    assert one("It happens on 5 January.", "en", date(2021, 12, 28)).value == "2022-01-05"
    assert "inferred" in tags(one("It happened on 20 December.", "en"))


@pytest.mark.parametrize(
    ("lang", "text", "value", "rel"),
    [
        ("en", "Prices rose this year.", "2022", "year+0"),
        ("en", "Prices rose last year.", "2021", "year-1"),
        ("en", "Prices will rise next year.", "2023", "year+1"),
        ("en", "He arrived yesterday.", "2022-02-26", "day-1"),
        ("en", "He arrives today.", "2022-02-27", "day+0"),
        ("en", "He arrived a week ago.", "2022-02-20", "day-7"),
        ("en", "He arrived last week.", "2022-W07", "week-1"),
        ("de", "Die Preise stiegen im vergangenen Jahr.", "2021", "year-1"),
        ("de", "Er kam vor zwei Tagen an.", "2022-02-25", "day-2"),
        ("no", "Prisene steg i fjor.", "2021", "year-1"),
        ("no", "Han kom i går.", "2022-02-26", "day-1"),
        ("no", "Han kom for en uke siden.", "2022-02-20", "day-7"),
        ("ru", "Цены выросли в прошлом году.", "2021", "year-1"),
        ("ru", "Он приехал неделю назад.", "2022-02-20", "day-7"),
        ("uk", "Ціни зросли торік.", "2021", "year-1"),
        ("uk", "Він приїхав вчора.", "2022-02-26", "day-1"),
        ("fr", "Les prix ont augmenté l'année dernière.", "2021", "year-1"),
        ("fr", "Il est arrivé il y a trois jours.", "2022-02-24", "day-3"),
        ("es", "Los precios subieron el año pasado.", "2021", "year-1"),
        ("es", "Llegó hace una semana.", "2022-02-20", "day-7"),
    ],
)
def test_relative_to_publication(lang: str, text: str, value: str, rel: str) -> None:
    f = one(text, lang)
    assert (f.value, tags(f)["rel"], tags(f)["anchor"]) == (value, rel, "pub")


@pytest.mark.parametrize(
    ("lang", "text", "rel"),
    [
        ("en", "Two days later the bridge fell.", "day+2"),
        ("en", "The next day the bridge fell.", "day+1"),
        ("en", "A week later the bridge fell.", "day+7"),
        ("de", "Zwei Tage später fiel die Brücke.", "day+2"),
        ("no", "To dager senere falt brua.", "day+2"),
        ("ru", "Через два дня мост рухнул.", "day+2"),
        ("uk", "Наступного дня міст упав.", "day+1"),
        ("fr", "Le lendemain, le pont est tombé.", "day+1"),
        ("es", "Dos días después cayó el puente.", "day+2"),
        ("ru", "Накануне мост закрыли.", "day-1"),
        ("ru", "Годом ранее мост закрыли.", "year-1"),
        ("uk", "Роком раніше міст закрили.", "year-1"),
        ("en", "A year earlier the bridge closed.", "year-1"),
    ],
)
def test_narrative_dates_are_never_resolved_against_publication(
    lang: str, text: str, rel: str
) -> None:
    f = one(text, lang)
    assert (f.value, tags(f)["anchor"]) == (f"rel:{rel}", "story")


def test_narrative_date_resolves_against_an_earlier_date_in_the_text() -> None:
    first, later = dates("On 22 February the city fell. Two days later it burned.", "en", PUB)
    assert (first.value, later.value) == ("2022-02-22", "2022-02-24")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "wd"),
    [
        ("en", "The army left on Saturday.", "Saturday", 6),
        ("de", "Die Armee zog am Samstag ab.", "Samstag", 6),
        ("no", "Hæren trakk seg ut lørdag.", "lørdag", 6),
        ("ru", "Армия ушла в субботу.", "субботу", 6),
        ("uk", "Армія пішла у п'ятницю.", "п'ятницю", 5),
        ("ru", "Свет обещали вернуть к четвергу.", "четвергу", 4),
        ("uk", "Світло обіцяли повернути до четверга.", "четверга", 4),
        ("fr", "L'armée est partie samedi.", "samedi", 6),
        ("es", "El ejército se fue el sábado.", "sábado", 6),
    ],
)
def test_weekdays_resolve_to_the_last_such_day(lang: str, text: str, surface: str, wd: int) -> None:
    f = one(text, lang)
    assert (f.text, tags(f)["wd"]) == (surface, str(wd))
    day = date.fromisoformat(f.value)
    assert day.isoweekday() == wd and timedelta(0) <= PUB - day < timedelta(days=7)


def test_weekday_joins_the_date_next_to_it() -> None:
    f = one("Am Samstag, 26. Februar, zog die Armee ab.", "de")
    assert (f.text, f.value, tags(f)["wd"]) == ("Samstag, 26. Februar", "2022-02-26", "6")
    assert one("Hæren trakk seg ut lørdag 26. februar.", "no").text == "lørdag 26. februar"


def test_lowercase_english_may_is_not_a_month_and_counts_are_not_years() -> None:
    assert dates("They may 24 times refuse.", "en", PUB) == []
    assert dates("Some 2000 soldiers left.", "en", PUB) == []
    assert dates("Rund 2000 Soldaten zogen ab.", "de", PUB) == []


def test_numeric_day_month_needs_a_preposition() -> None:
    assert dates("Die Quote lag bei 1.8.", "de", PUB) == []
    assert one("Das gilt ab 1.8. für alle.", "de").value == "2021-08-01"


def test_same_date() -> None:
    def f(value: str, detail: str = "") -> Fact:
        return Fact("date", 0, 1, "x", value, False, detail)

    assert same_date(f("2022-02-24"), f("--02-24"))
    assert same_date(f("2022-02-24"), f("2022"))
    assert not same_date(f("2022"), f("--02-24"))  # nothing in common
    assert not same_date(f("2022-02-24"), f("2022-02-23"))
    # a year inferred from publication is not a stated year
    assert same_date(f("2022-02-24", "inferred"), f("2021-02-24"))
    assert same_date(f("rel:wd4", "wd=4 rel=wd4 anchor=pub"), f("2022-02-24"))  # a Thursday
    assert not same_date(f("rel:wd6", "wd=6 rel=wd6 anchor=pub"), f("2022-02-24"))
    assert same_date(f("2022-W08"), f("2022-02-24"))
    # "today" and "this year" overlap but are different statements
    assert not same_date(
        f("2022-02-27", "rel=day+0 anchor=pub"), f("2022", "rel=year+0 anchor=pub")
    )
    assert same_date(f("2022", "rel=year+0 anchor=pub"), f("2022"))


def test_parts_and_shift() -> None:
    assert parts("2022-02-24") == (2022, 2, 24)
    assert parts("--02-24") == (None, 2, 24)
    assert parts("2022-02") == (2022, 2, None)
    assert parts("rel:day+2") is None
    assert shift(PUB, "month", -2) == "2021-12"
    assert shift(PUB, "week", 0) == "2022-W08"


NATIVE = {
    "en": ["{M} {d}, {y}", "{d} {M} {y}"],
    "de": ["{d}. {M} {y}"],
    "no": ["{d}. {M} {y}"],
    "ru": ["{d} {M} {y} года"],
    "uk": ["{d} {M} {y} року"],
    "fr": ["le {d} {M} {y}"],
    "es": ["el {d} de {M} de {y}"],
}
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "no": "januar februar mars april mai juni juli august september oktober november desember",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
}


@settings(max_examples=200, deadline=None)
@given(
    lang=st.sampled_from(sorted(NATIVE)),
    day=st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)),
    pattern=st.integers(min_value=0, max_value=1),
)
def test_native_dates_read_back(lang: str, day: date, pattern: int) -> None:
    """A date written in a language's own format reads back to its ISO day."""
    fmt = NATIVE[lang][pattern % len(NATIVE[lang])]
    month = MONTHS[lang].split()[day.month - 1]
    text = "Es geschah " + fmt.format(d=day.day, M=month, y=day.year) + ", sagte er."
    assert [f.value for f in dates(text, lang, PUB)] == [day.isoformat()]


def test_dateparser_agrees_on_absolute_spans() -> None:
    """Cross-check of our tables against dateparser on spans only (its intended use)."""
    import dateparser

    settings_ = {"RELATIVE_BASE": PUB_DT, "PREFER_DATES_FROM": "past"}
    for lang, dp_lang, text in [
        ("no", "nb", "Det skjedde 24. februar 2022."),
        ("ru", "ru", "Это случилось 24 февраля 2022 года."),
        ("uk", "uk", "Це сталося 24 лютого 2022 року."),
        ("es", "es", "Ocurrió el 24 de febrero de 2022."),
        ("fr", "fr", "C'est arrivé le 1er mars 2022."),
    ]:
        (f,) = dates(text, lang, PUB)
        parsed = dateparser.parse(f.text, languages=[dp_lang], settings=settings_)
        assert parsed is not None and parsed.date().isoformat() == f.value, (text, parsed)


def test_german_weekday_compounds_with_a_part_of_the_day() -> None:
    found = dates("Der Zug fiel am Dienstagabend aus.", "de", date(2024, 3, 14))
    assert [(f.text, f.value) for f in found] == [("Dienstagabend", "2024-03-12")]
    assert dates("Der Montagmorgen war ruhig.", "de", date(2024, 3, 14))[0].value == "2024-03-11"


def test_a_span_counted_with_a_sharp_s_word_keeps_its_count() -> None:
    (fact,) = dates("dreißig Jahre später", "de")
    assert fact.value == "rel:year+30"
