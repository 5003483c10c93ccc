"""Polarity: negations per language (negative concord counted once), the parity comparer
within and across languages, evaluation flips of loaded words, and false positives measured
on honest translations and paraphrases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.diff.model import Side
from storytrace.diff.polarity import compare_polarity, evaluations, negations


@pytest.mark.parametrize(
    ("text", "lang", "count"),
    [
        ("He did not know and never asked; nobody cared.", "en", 3),
        ("I don’t know why.", "en", 1),
        ("Not only soldiers but also officers refused.", "en", 0),
        ("Er wusste es nicht, und keiner fragte.", "de", 2),
        ("Nicht nur Soldaten weigerten sich.", "de", 0),
        ("Han visste det ikke, og ingen spurte.", "nb", 2),
        ("Никто не знает, почему он не пришёл.", "ru", 2),
        ("Он никогда не был там.", "ru", 1),
        ("Не только солдаты отказались.", "ru", 0),
        ("Він не знав, і ніхто не питав.", "uk", 2),
        ("Il ne sait pas. Il n'a jamais vu personne.", "fr", 2),
        ("Une personne est venue.", "fr", 0),
        ("No lo he visto nunca.", "es", 1),
        ("Nadie sabe nada.", "es", 1),
        ("The war goes on.", "en", 0),
        ("She did not hide her relief after the verdict.", "en", 0),
        ("Директорка музею не приховувала полегшення.", "uk", 0),
        ("Hun skjulte ikke lettelsen, og ingen spurte.", "nb", 1),
        ("Sie verheimlichte ihre Erleichterung nicht.", "de", 0),
    ],
)
def test_negation_counts(text: str, lang: str, count: int) -> None:
    facts = negations(text, lang)
    assert len(facts) == count, [f.text for f in facts]
    for f in facts:
        assert f.kind == "polarity" and f.value == "neg"
        assert text[f.start : f.end] == f.text


def _cmp(a: str, la: str, b: str, lb: str) -> list[str]:
    return [c.note for c in compare_polarity(Side(a, la), Side(b, lb))]


def test_negation_removed_in_one_language_points_at_the_word() -> None:
    src = Side("He was not the only soldier who was worried.", "en", offset=7)
    tgt = Side("He was the only soldier who was worried.", "en", offset=70)
    (change,) = compare_polarity(src, tgt)
    assert change.kind == "polarity"
    assert change.note == "negation removed: 1 -> 0 negated clauses"
    assert change.source == (7 + 7, 7 + 10)
    assert change.source_text == "not"
    assert change.target_text == "He was the only soldier who was worried."
    assert change.score == 0.8


def test_negation_added_across_languages_scores_lower() -> None:
    (change,) = compare_polarity(
        Side("The bridge was repaired in May.", "en"),
        Side("Brua ble ikke reparert i mai.", "nb"),
    )
    assert change.note == "negation added: 0 -> 1 negated clauses"
    assert change.target_text == "ikke"
    assert change.score == 0.5


def test_implicit_negation_explains_a_difference_across_languages() -> None:
    assert (
        _cmp(
            "They were cut off without their phones.",
            "en",
            "Они были отрезаны, у них не было телефонов.",
            "ru",
        )
        == []
    )


def test_double_negation_keeps_parity() -> None:
    assert _cmp("It is not impossible.", "en", "It is not unlikely.", "en") == []


def test_evaluations_lexicon() -> None:
    assert [(f.text, f.value) for f in evaluations("the bombastic and lofty claims", "en")] == [
        ("bombastic", "-"),
        ("lofty", "+"),
    ]
    assert [f.value for f in evaluations("die hochtrabenden Behauptungen", "de")] == ["-"]
    assert [f.value for f in evaluations("напыщенные заявления", "ru")] == ["-"]


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        ("the bombastic claims of the minister", "en", "the minister's lofty claims", "en"),
        ("the bombastic claims of the minister", "en", "die erhabenen Worte des Ministers", "de"),
        ("a reckless decision", "en", "en modig beslutning", "nb"),
        ("a heroic defence of the city", "en", "une défense brutale de la ville", "fr"),
    ],
)
def test_evaluation_flip(a: str, la: str, b: str, lb: str) -> None:
    notes = _cmp(a, la, b, lb)
    assert len(notes) == 1 and notes[0].startswith("evaluation flipped"), notes


# Honest translations and paraphrases (written for this test). None should be reported.
HONEST: list[tuple[str, str, str, str]] = [
    ("He did not respond to the request.", "en", "Er reagierte nicht auf die Anfrage.", "de"),
    ("He did not respond to the request.", "en", "Han svarte ikke på forespørselen.", "nb"),
    ("He did not respond to the request.", "en", "Он не ответил на запрос.", "ru"),
    ("He did not respond to the request.", "en", "Він не відповів на запит.", "uk"),
    ("He did not respond to the request.", "en", "Il n'a pas répondu à la demande.", "fr"),
    ("He did not respond to the request.", "en", "No respondió a la solicitud.", "es"),
    ("Nobody knows where they are.", "en", "Никто не знает, где они.", "ru"),
    ("Nobody knows where they are.", "en", "Niemand weiß, wo sie sind.", "de"),
    ("Nobody knows where they are.", "en", "Nadie sabe dónde están.", "es"),
    ("Nobody knows where they are.", "en", "Personne ne sait où ils sont.", "fr"),
    ("They never came back.", "en", "De kom aldri tilbake.", "nb"),
    ("They never came back.", "en", "Они так и не вернулись.", "ru"),
    ("They never came back.", "en", "Sie kamen nie zurück.", "de"),
    ("It was impossible to refuse.", "en", "Es war nicht möglich, abzulehnen.", "de"),
    ("He was unaware of the plan.", "en", "Он не знал о плане.", "ru"),
    ("They had no phones.", "en", "De hadde ingen telefoner.", "nb"),
    ("They had no phones.", "en", "У них не было телефонов.", "ru"),
    ("They had no phones.", "en", "Sie hatten keine Telefone.", "de"),
    ("I don't know what will happen.", "en", "I do not know what will happen.", "en"),
    ("He refused to fight.", "en", "Он отказался воевать.", "ru"),
    ("He refused to fight.", "en", "Er weigerte sich zu kämpfen.", "de"),
    ("Not only the soldiers were tired.", "en", "Nicht nur die Soldaten waren müde.", "de"),
    ("The officer was brave and honest.", "en", "Offiseren var modig og ærlig.", "nb"),
    ("The claims were pompous.", "en", "Die Behauptungen waren bombastisch.", "de"),
    ("The ambitious plan failed.", "en", "Der ehrgeizige Plan scheiterte.", "de"),
    ("The regime lied.", "en", "Режим лгал.", "ru"),
    ("He called the decision absurd.", "en", "Он назвал решение абсурдным.", "ru"),
    ("The army left without a fight.", "en", "Die Armee zog ohne Kampf ab.", "de"),
    ("The army left without a fight.", "en", "Армия ушла без боя.", "ru"),
    ("No one was hurt.", "en", "Ingen ble skadet.", "nb"),
    ("No one was hurt.", "en", "Никто не пострадал.", "ru"),
    ("No one was hurt.", "en", "Ніхто не постраждав.", "uk"),
    ("No one was hurt.", "en", "Nadie resultó herido.", "es"),
    ("No one was hurt.", "en", "Personne n'a été blessé.", "fr"),
    ("It is not clear why.", "en", "Es ist unklar, warum.", "de"),
    ("It is not clear why.", "en", "Det er uklart hvorfor.", "nb"),
    ("The soldiers could not go home.", "en", "Die Soldaten konnten nicht nach Hause.", "de"),
    ("The soldiers could not go home.", "en", "Солдаты не могли уехать домой.", "ru"),
    ("Neither side commented.", "en", "Keine der Seiten äußerte sich.", "de"),
    ("The noble aim was peace.", "en", "Das edle Ziel war Frieden.", "de"),
]


def false_positive_rate() -> tuple[float, list[tuple[str, str]]]:
    """Share of honest pairs with any polarity change, and those pairs."""
    hits = [(a, b) for a, la, b, lb in HONEST if _cmp(a, la, b, lb)]
    return len(hits) / len(HONEST), hits


def test_false_positives_on_honest_pairs() -> None:
    rate, hits = false_positive_rate()
    # Measured 0.00 (0/40); the bar leaves room for the odd translation that moves a
    # negation into a word ("unclear", "refused") outside the implicit-negation list.
    assert rate <= 0.1, hits


@given(
    st.sampled_from(
        [
            ("He did not know and never asked.", "en"),
            ("Никто не знает, почему.", "ru"),
            ("the bombastic claims", "en"),
            ("Il ne sait pas.", "fr"),
        ]
    ),
    st.integers(min_value=0, max_value=1000),
)
def test_a_side_compared_with_itself_reports_nothing(sample: tuple[str, str], off: int) -> None:
    side = Side(sample[0], sample[1], offset=off)
    assert compare_polarity(side, side) == []


@given(st.text(max_size=60), st.sampled_from(["en", "de", "ru", "fr", "es", None]))
def test_any_text_compared_with_itself_reports_nothing(text: str, lang: str | None) -> None:
    assert compare_polarity(Side(text, lang), Side(text, lang)) == []


def test_a_negation_inside_a_rewording_is_not_a_flipped_claim() -> None:
    # Same language, different words: "undecided" became "not sure"; nothing was negated.
    src = Side("Several of the drivers were undecided and stayed at the depot.", "en")
    tgt = Side("Some drivers were not sure what to do, the union said.", "en")
    assert not [c for c in compare_polarity(src, tgt) if "negation" in c.note]
    # The same claim with a negation added, the rest of the sentence kept: reported.
    flipped = Side("The depot was not closed after the drivers stayed at home.", "en")
    kept = Side("The depot was closed after the drivers stayed at home.", "en")
    assert [c.note for c in compare_polarity(kept, flipped)] == [
        "negation added: 0 -> 1 negated clauses"
    ]
