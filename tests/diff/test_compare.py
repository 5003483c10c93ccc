"""Comparison of aligned passages: changed values only, format artefacts apart, any language."""

from __future__ import annotations

import importlib.util
from datetime import date
from decimal import Decimal

import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.diff import compare as cmp
from storytrace.diff.compare import (
    DEFAULT_COMPARERS,
    SCORE_FORMAT,
    compare_dates,
    compare_numbers,
    compare_sentences,
)
from storytrace.diff.model import Change, Side
from tests.diff.helpers import BABEL

PUB = date(2022, 5, 21)
FACTS = (compare_numbers, compare_dates)


def diff(
    src: str, sl: str | None, tgt: str, tl: str | None, pub: date | None = PUB
) -> list[Change]:
    return compare_sentences(Side(src, sl, 0, pub), Side(tgt, tl, 0, pub), FACTS)


def test_lost_thousands_is_a_changed_value() -> None:
    (c,) = diff("Officials counted 22,000 losses.", "en", "Offisielt ble 22 tap telt.", "no")
    assert (c.kind, c.source_text, c.target_text, c.note) == ("number", "22,000", "22",
                                                              "value 22000 -> 22")  # fmt: skip
    assert (c.source_value, c.target_value, c.score, c.major) == ("22000", "22", 1.0, True)


@pytest.mark.parametrize(
    ("tgt", "tl"),
    [
        ("Officials counted 22,000 losses on Feb 24.", "en"),
        ("Offisielt ble 22 000 tap telt 24. februar.", "no"),
        ("Offiziell wurden am 24. Februar 22.000 Verluste gezählt.", "de"),
        ("Offiziell wurden am 24. Februar 22\u00a0000 Verluste gezählt.", "de"),
        ("24 февраля официально насчитали 22 тысячи потерь.", "ru"),
        ("Le 24 février, on a compté officiellement 22\u202f000 pertes.", "fr"),
        ("El 24 de febrero se contaron oficialmente 22.000 bajas.", "es"),
    ],
)
def test_native_formats_of_the_same_facts_report_nothing(tgt: str, tl: str) -> None:
    assert diff("Officials counted 22,000 losses on 24 February.", "en", tgt, tl) == []


def test_relative_year_changed_is_resolved() -> None:
    (c,) = diff("Prices rose this year.", "en", "Die Preise stiegen im vergangenen Jahr.", "de")
    assert (c.kind, c.note, c.major) == ("date", "resolved 2022 -> 2021", True)


def test_relative_year_matches_the_year_it_stands_for() -> None:
    assert diff("Prices rose this year.", "en", "Prisene steg i 2022.", "no") == []
    assert diff("Prices rose in 2021.", "en", "Цены выросли в прошлом году.", "ru") == []


def test_narrative_date_replaced_by_an_absolute_one() -> None:
    (c,) = diff("Two days later the bridge fell.", "en", "23. februar falt brua.", "no")
    assert c.kind == "date" and c.note.startswith("relative narrative date replaced")
    assert (c.source_text, c.target_text, c.target_value) == (
        "Two days later",
        "23. februar",
        "2022-02-23",
    )


def test_narrative_date_checked_against_the_passage_timeline() -> None:
    src = "On 21 February the city fell. Two days later the bridge fell."
    assert (
        diff(src, "en", "Am 21. Februar fiel die Stadt. Am 23. Februar fiel die Brücke.", "de")
        == []
    )
    (c,) = diff(src, "en", "Am 21. Februar fiel die Stadt. Am 24. Februar fiel die Brücke.", "de")
    assert (c.source_value, c.target_value, c.major) == ("2022-02-23", "2022-02-24", True)


def test_weekday_added_spans_the_whole_other_passage() -> None:
    src = Side("  The army withdrew.  ", "en", 100, PUB)
    tgt = Side("Hæren trakk seg ut lørdag.", "no", 500, PUB)
    (c,) = compare_sentences(src, tgt, FACTS)
    assert c.kind == "date" and "added" in c.note
    assert (c.source, c.source_text) == ((102, 120), "The army withdrew.")
    assert (c.target, c.target_text) == ((519, 525), "lørdag")
    assert c.score < 1.0 and c.source_value is None and c.target_value == "2022-05-21"


@pytest.mark.parametrize("pub", [PUB, None])
def test_weekday_changed(pub: date | None) -> None:
    (c,) = diff("The army left on Saturday.", "en", "Die Armee zog am Freitag ab.", "de", pub)
    assert (c.kind, c.source_text, c.target_text) == ("date", "Saturday", "Freitag")


def test_relative_dates_of_different_reach_differ_even_when_they_overlap() -> None:
    # 2022-05-21 is a Saturday: "yesterday" lies in "this week", still a different statement
    (c,) = diff("He arrived yesterday.", "en", "Il est arrivé cette semaine.", "fr")
    assert (c.source_value, c.target_value) == ("2022-05-20", "2022-W20")


def test_spans_are_document_offsets() -> None:
    src = Side("About 500 homes burned.", "en", 1000, PUB)
    tgt = Side("Rund 600 Häuser brannten.", "de", 40, PUB)
    (c,) = compare_sentences(src, tgt, FACTS)
    assert (c.source, c.target) == ((1006, 1009), (45, 48))


@pytest.mark.parametrize(
    ("src", "sl", "tgt", "tl", "why", "value"),
    [
        ("More than 1,000 houses burned.", "en", "More than 1.000 houses burned.", "en",
         "dot as thousands separator", "1000"),
        ("They lost 1351 tanks.", "en", "They lost 1.351 tanks.", "en",
         "dot as thousands separator", "1351"),
        ("The 150th brigade withdrew.", "en", "The 150. brigade withdrew.", "en",
         "ordinal with a dot", "150th"),
        ("The city fell on February 22.", "en", "The city fell on 22. February.", "en",
         "day-first date", "2022-02-22"),
        ("It lasted 2,383 seconds.", "en", "Es dauerte 2,383 Sekunden.", "de",
         "kept in a format that reads differently in de", "2383"),
    ],
)  # fmt: skip
def test_format_artefacts_are_never_changed_values(
    src: str, sl: str, tgt: str, tl: str, why: str, value: str
) -> None:
    (c,) = diff(src, sl, tgt, tl)
    assert c.note.startswith("format only: ") and why in c.note
    assert c.note.endswith(f"value {value} unchanged")
    assert c.score <= 0.5 and c.score == SCORE_FORMAT and not c.major


def test_a_translation_into_the_targets_own_format_is_not_a_format_artefact() -> None:
    changes = diff("Die 150. Brigade zog ab.", "de", "The 150th brigade withdrew at 1.000 m.", "en")
    assert [c.note for c in changes if c.source_text == "150."] == []
    # the only change is the number the target added
    (c,) = changes
    assert (c.kind, c.target_text, c.target_value) == ("number", "1.000", "1000")
    assert c.note.startswith("number added")


def test_inherited_foreign_format_is_not_reported_again() -> None:
    assert diff("They lost 1.351 tanks.", "en", "They lost 1.351 tanks in all.", "en") == []


@pytest.mark.parametrize(
    ("src", "sl", "tgt"),
    [
        ("Mehr als 85.000 Euro fehlen.", "de", "More than 85.000 euros are missing."),
        ("Die Tat geschah am 3. Mai.", "de", "The act happened on 3. May."),
        ("Die 12. Kompanie zog ab.", "de", "The 12. company withdrew."),
    ],
)
def test_a_form_copied_from_the_source_is_the_sources_format_not_a_change(
    src: str, sl: str, tgt: str
) -> None:
    """A translation that keeps the source's own surface shape made no change in this link."""
    assert diff(src, sl, tgt, "en") == []


def test_same_locale_format_differences_report_nothing() -> None:
    assert diff("Some 22,000 fled on Feb 24.", "en", "Some 22000 fled on 24 February.", "en") == []
    assert diff("Über 1.500 flohen.", "de", "Über 1\u00a0500 flohen.", "de") == []


def test_values_are_paired_before_positions() -> None:
    """A number that moved within the sentence did not change; the one that did is named."""
    (c,) = diff("Of 500 soldiers, 20 were hurt.", "en", "20 of the 400 soldiers were hurt.", "en")
    assert (c.source_value, c.target_value) == ("500", "400")


def test_a_number_word_meets_its_digits_and_is_never_reported_alone() -> None:
    assert diff("Three soldiers died.", "en", "3 Soldaten starben.", "de") == []
    assert diff("Three soldiers died.", "en", "Soldaten starben.", "de") == []


def test_ordinal_word_meets_its_digits() -> None:
    assert (
        diff(
            "It was the 3rd attack in 24 hours.",
            "en",
            "Det var det tredje angrepet på 24 timer.",
            "no",
        )
        == []
    )
    (c,) = diff("It was the 3rd attack.", "en", "Det var det fjerde angrepet.", "no")
    assert (c.source_value, c.target_value) == ("3rd", "4th")


def test_a_dropped_number_is_reported_with_the_whole_target() -> None:
    (c,) = diff("Some 22,000 people fled.", "en", "Viele Menschen flohen.", "de")
    assert (c.kind, c.target_text, c.score) == ("number", "Viele Menschen flohen.", 0.5)
    assert "dropped" in c.note


def test_year_written_as_a_bare_number_meets_the_date() -> None:
    assert diff("The 2022 budget was cut.", "en", "Das Budget für 2022 wurde gekürzt.", "de") == []


def test_missing_publication_on_one_side_borrows_the_other() -> None:
    src = Side("Prices rose last year.", "en", 0, PUB)
    tgt = Side("Prisene steg i 2021.", "no", 0, None)
    assert compare_sentences(src, tgt, FACTS) == []


def test_merge_keeps_one_change_per_span_pair() -> None:
    def dup(src: Side, tgt: Side) -> list[Change]:
        return [Change("other", (0, 3), (0, 3), "a", "b", "weak", score=0.2),
                Change("quote", (0, 3), (0, 3), "a", "b", "strong", score=0.8)]  # fmt: skip

    (c,) = compare_sentences(Side("abc", "en"), Side("abd", "en"), [dup])
    assert c.note == "strong"


def test_merge_drops_a_name_that_is_part_of_a_date() -> None:
    def name(src: Side, tgt: Side) -> list[Change]:
        return [Change("name", (10, 18), (0, 6), "Saturday", "lørdag", "name changed")]

    src = Side("They left Saturday.", "en", 0, PUB)
    tgt = Side("lørdag dro de.", "no", 0, PUB)
    assert compare_sentences(src, tgt, [name]) == []


def test_default_comparers_include_the_sibling_modules_that_exist() -> None:
    names = [c.__name__ for c in DEFAULT_COMPARERS]
    assert names[:2] == ["compare_numbers", "compare_dates"]
    for module, fn in [("names", "compare_names"), ("quotes", "compare_quotes"),
                       ("polarity", "compare_polarity"), ("drift", "compare_drift")]:  # fmt: skip
        present = importlib.util.find_spec(f"storytrace.diff.{module}") is not None
        assert (fn in names) == present
    assert cmp._optional("no_such_module", "compare_nothing") is None


SENTENCES = {
    "en": "On {d} the council approved {n} new homes, {p} more than planned.",
    "de": "Am {d} bewilligte der Rat {n} neue Wohnungen, {p} mehr als geplant.",
    "no": "{d} vedtok rådet {n} nye boliger, {p} mer enn planlagt.",
    "ru": "{d} совет одобрил строительство домов числом {n}, на {p} больше плана.",
    "uk": "{d} рада схвалила будівництво будинків числом {n}, на {p} більше плану.",
    "fr": "Le {d}, le conseil a approuvé {n} logements, {p} de plus que prévu.",
    "es": "El {d} el consejo aprobó {n} viviendas, un {p} más de lo previsto.",
}
DATES = {
    "en": "{day} {M}", "de": "{day}. {M}", "no": "{day}. {M}", "ru": "{day} {M}",
    "uk": "{day} {M}", "fr": "{day} {M}", "es": "{day} de {M}",
}  # fmt: skip
MONTHS = {
    "en": "March", "de": "März", "no": "mars", "ru": "марта", "uk": "березня", "fr": "mars",
    "es": "marzo",
}  # fmt: skip


def render(lang: str, day: int, n: int, pct: Decimal) -> str:
    loc = BABEL[lang]
    pct_text = format_decimal(pct, locale=loc, decimal_quantization=False)
    return SENTENCES[lang].format(
        d=DATES[lang].format(day=day, M=MONTHS[lang]),
        n=format_decimal(n, locale=loc),
        p=pct_text + ("%" if lang == "en" else "\u00a0%"),
    )


facts_strategy = {
    "day": st.integers(min_value=1, max_value=28),
    "n": st.integers(min_value=1, max_value=10**8),
    "pct": st.decimals(min_value=1, max_value=99, places=1),
}


@settings(max_examples=150, deadline=None)
@given(sl=st.sampled_from(sorted(SENTENCES)), tl=st.sampled_from(sorted(SENTENCES)),
       **facts_strategy)  # fmt: skip
def test_translations_with_the_same_facts_report_nothing(
    sl: str, tl: str, day: int, n: int, pct: Decimal
) -> None:
    src, tgt = render(sl, day, n, pct), render(tl, day, n, pct)
    assert diff(src, sl, tgt, tl) == [], (src, tgt)


@settings(max_examples=100, deadline=None)
@given(sl=st.sampled_from(sorted(SENTENCES)), tl=st.sampled_from(sorted(SENTENCES)),
       delta=st.integers(min_value=1, max_value=999), **facts_strategy)  # fmt: skip
def test_a_changed_count_is_found_in_any_language_pair(
    sl: str, tl: str, delta: int, day: int, n: int, pct: Decimal
) -> None:
    src, tgt = render(sl, day, n, pct), render(tl, day, n + delta, pct)
    (c,) = diff(src, sl, tgt, tl)
    assert (c.kind, c.source_value, c.target_value) == ("number", str(n), str(n + delta))


@settings(max_examples=100, deadline=None)
@given(lang=st.sampled_from(sorted(SENTENCES)), **facts_strategy)
def test_a_sentence_compared_with_itself_reports_nothing(
    lang: str, day: int, n: int, pct: Decimal
) -> None:
    text = render(lang, day, n, pct)
    assert compare_sentences(Side(text, lang, 7, PUB), Side(text, lang, 99, PUB)) == []


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=120), lang=st.sampled_from([*sorted(SENTENCES), None]))
def test_any_text_compared_with_itself_reports_nothing(text: str, lang: str | None) -> None:
    assert diff(text, lang, text, lang) == []


def test_a_weekday_and_its_date_changed_together_are_one_change() -> None:
    (c,) = diff("The dam broke on Friday evening, 8 April.", "en",
                "Dammen brast lørdag kveld 9. april.", "no")  # fmt: skip
    assert c.kind == "date"
    assert (c.source_text, c.target_text) == ("Friday evening, 8 April", "lørdag kveld 9. april")


def _texts_are_their_spans(src: Side, tgt: Side, changes: list[Change]) -> None:
    for c in changes:
        if c.source is not None:
            assert src.text[c.source[0] - src.offset : c.source[1] - src.offset] == c.source_text
        if c.target is not None:
            assert tgt.text[c.target[0] - tgt.offset : c.target[1] - tgt.offset] == c.target_text


@settings(max_examples=100, deadline=None)
@given(sl=st.sampled_from(sorted(SENTENCES)), tl=st.sampled_from(sorted(SENTENCES)),
       delta=st.integers(min_value=1, max_value=40), at=st.integers(0, 10**6),
       **facts_strategy)  # fmt: skip
def test_a_changes_texts_are_the_text_of_its_spans(
    sl: str, tl: str, delta: int, at: int, day: int, n: int, pct: Decimal
) -> None:
    # changed day, count and share: joined and folded changes must keep the invariant too
    src = Side(render(sl, day, n, pct), sl, at, PUB)
    tgt = Side(render(tl, min(28, day + delta), n + delta, pct + delta), tl, at // 2, PUB)
    changes = compare_sentences(src, tgt)
    assert changes
    _texts_are_their_spans(src, tgt, changes)


def test_joined_weekday_and_date_texts_are_their_spans() -> None:
    src = Side("The dam broke on Friday evening, 8 April.", "en", 500, PUB)
    tgt = Side("Dammen brast lørdag kveld 9. april.", "no", 70, PUB)
    _texts_are_their_spans(src, tgt, compare_sentences(src, tgt, FACTS))


def test_a_clock_hour_is_not_a_number() -> None:
    assert diff("Water rose shortly after 9 p.m.", "en", "Vannet steg like etter klokka 21.",
                "no") == []  # fmt: skip


def test_a_vote_count_is_not_a_range() -> None:
    assert diff("Councillors voted 40 to 9 in favour.", "en",
                "The plan passed by 40 votes to 9.", "en") == []  # fmt: skip


def test_a_season_relative_to_publication_can_change() -> None:
    (c,) = diff("Building starts next summer.", "en", "Building starts this summer.", "en")
    assert (c.kind, c.source_value, c.target_value) == ("date", "2023-summer", "2022-summer")


def test_format_notes_of_one_kind_in_a_passage_are_one_note() -> None:
    src = Side("The 150th division and the 8th army moved north.", "en", offset=100)
    tgt = Side("The 150. division and the 8. army moved north.", "en", offset=500)
    notes = [c for c in compare_sentences(src, tgt) if c.note.startswith("format only")]
    assert len(notes) == 1, notes
    (note,) = notes
    assert note.kind == "number"
    assert note.target_text == "150. division and the 8."
    assert tgt.text[note.target[0] - 500 : note.target[1] - 500] == note.target_text
    assert "2 numbers" in note.note
