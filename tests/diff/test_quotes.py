"""Quotes: spans in every quotation style, speakers per language, and the quote comparer
(reworded, cut short, unquoted, re-attributed, attribution lost; wording never across
languages)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.diff.model import Side
from storytrace.diff.quotes import compare_quotes, fold_words, quotes


@pytest.mark.parametrize(
    ("text", "lang", "span", "speaker"),
    [
        ("“We are tired,” he said.", "en", "We are tired", "he"),
        ("“We are tired,” the colonel told reporters.", "en", "We are tired", "the colonel"),
        ("Halyna Sobko said: “We are tired.”", "en", "We are tired.", "Halyna Sobko"),
        ("“We are tired,” said Sobko.", "en", "We are tired", "Sobko"),
        ("According to Sobko, “the roads are closed”.", "en", "the roads are closed", "Sobko"),
        ("„Wir sind müde“, sagte er.", "de", "Wir sind müde", "er"),
        ("»Wir sind müde«, sagte Sobko.", "de", "Wir sind müde", "Sobko"),
        ("«Vi er slitne», sier hun.", "nb", "Vi er slitne", "hun"),
        ("– Vi er slitne, sier han.", "nb", "Vi er slitne", "han"),
        ("— Мы устали, — сказал он.", "ru", "Мы устали", "он"),
        ("«Мы устали», — заявила Собко.", "ru", "Мы устали", "Собко"),
        ("«Ми втомилися», — каже вона.", "uk", "Ми втомилися", "вона"),
        ("« Nous sommes fatigués », a-t-il dit.", "fr", "Nous sommes fatigués", "il"),
        ("“Estamos cansados”, dijo el alcalde.", "es", "Estamos cansados", "el alcalde"),
        ("'We are tired,' he said.", "en", "We are tired", "he"),
        ('"We are tired," she said.', "en", "We are tired", "she"),
        ("“We are tired.”", "en", "We are tired.", ""),
    ],
)
def test_quote_spans_and_speakers(text: str, lang: str, span: str, speaker: str) -> None:
    (fact,) = quotes(text, lang)
    assert fact.kind == "quote"
    assert fact.text == span
    assert text[fact.start : fact.end] == span
    assert fact.detail == speaker


def test_apostrophes_are_not_quotes() -> None:
    assert quotes("He didn’t go to Petro's house, and we don't know why.", "en") == []


def test_nested_quotes_are_one_quote() -> None:
    text = "“They told us about ‘the enemy’ every day,” he said."
    (fact,) = quotes(text, "en")
    assert fact.text == "They told us about ‘the enemy’ every day"


def test_value_is_folded_words_with_contractions_expanded() -> None:
    (fact,) = quotes("“I don’t know, and I can't say,” he said.", "en")
    assert fact.value == "i do not know and i can not say"
    assert fold_words("We’re HERE") == ["we", "are", "here"]


def _cmp(a: str, la: str, b: str, lb: str) -> list[str]:
    return [c.note for c in compare_quotes(Side(a, la), Side(b, lb))]


def test_reworded_quote_in_one_language() -> None:
    src = Side("“The people around us were dying,” he said.", "en", offset=40)
    tgt = Side("“The people around us died,” he said.", "en", offset=900)
    (change,) = compare_quotes(src, tgt)
    assert change.kind == "quote"
    assert change.note.startswith("quote reworded")
    assert change.source == (41, 41 + len("The people around us were dying"))
    assert change.target == (901, 901 + len("The people around us died"))


def test_one_word_quote_reworded() -> None:
    notes = _cmp('There were "countless" refusals.', "en", 'There were "some" refusals.', "en")
    assert notes == ["quote reworded (word similarity 0.00)"]


def test_quote_cut_short() -> None:
    notes = _cmp(
        "“I never wanted any part of it, but I was a part of it,” she said.",
        "en",
        "“I never wanted any part of it, but I was,” she said.",
        "en",
    )
    assert notes == ["quote cut short: lost 'a part of it'"]


def test_small_differences_pass_the_bar() -> None:
    # a dropped article and different quotation marks: not a rewording
    assert (
        _cmp(
            "“We drove for ten hours without a single stop on the road,” he said.",
            "en",
            '"We drove for ten hours without single stop on the road," he said.',
            "en",
        )
        == []
    )


def test_another_speaker_in_one_language() -> None:
    src = Side("“We will stay,” Sobko said.", "en", offset=10)
    tgt = Side("“We will stay,” Hrytsenko said.", "en", offset=100)
    (change,) = compare_quotes(src, tgt)
    assert change.note == "quote attributed to someone else: Sobko -> Hrytsenko"
    assert (change.source_text, change.target_text) == ("Sobko", "Hrytsenko")
    assert change.source == (10 + 16, 10 + 21)
    assert change.target == (100 + 16, 100 + 25)


def test_he_she_flip_is_left_to_the_name_comparer() -> None:
    assert _cmp("“We will stay,” he said.", "en", "“We will stay,” she said.", "en") == []
    # across languages the name comparer does not look at pronouns: the quote comparer does
    assert _cmp("“We will stay,” he said.", "en", "„Wir bleiben“, sagte sie.", "de") == []
    notes = _cmp("“We will stay,” he said.", "en", "«Мы останемся», — сказала она.", "ru")
    assert notes == ["quote attributed to someone else: he -> она"]


def test_another_named_speaker_across_languages() -> None:
    notes = _cmp("“We will stay,” Sobko said.", "en", "„Wir bleiben“, sagte Hrytsenko.", "de")
    assert notes == ["quote attributed to someone else: Sobko -> Hrytsenko"]


def test_speaker_across_scripts_meets() -> None:
    assert _cmp("“We will stay,” Sobko said.", "en", "«Мы останемся», — сказала Собко.", "ru") == []


def test_name_against_pronoun_is_no_change() -> None:
    assert _cmp("“We will stay,” Sobko said.", "en", "„Wir bleiben“, sagte sie.", "de") == []


def test_wording_is_not_compared_across_languages() -> None:
    assert _cmp("“We will stay,” he said.", "en", "„Wir gehen“, sagte er.", "de") == []


def test_attribution_lost() -> None:
    notes = _cmp("“We will stay here,” he said.", "en", "“We will stay here.”", "en")
    assert notes == ["quote lost its attribution (was: he)"]


def test_quote_marks_dropped_reads_as_narration() -> None:
    notes = _cmp(
        "The commander said: “Nobody leaves this base before the winter.”",
        "en",
        "Nobody leaves this base before the winter.",
        "en",
    )
    assert len(notes) == 1
    assert notes[0].startswith("quote marks dropped")


def test_quote_removed_across_languages() -> None:
    notes = _cmp(
        "“We will never sign this paper,” the mayor said.",
        "en",
        "Der Bürgermeister lehnte die Unterschrift ab.",
        "de",
    )
    assert len(notes) == 1
    assert notes[0].startswith("quotation removed")


PAIRS = [
    ("“We will stay,” he said. “Nobody leaves.”", "en"),
    ("„Wir bleiben“, sagte er.", "de"),
    ("— Мы останемся, — сказал он.", "ru"),
    ("«Vi blir», sier hun.", "nb"),
]


@given(st.sampled_from(PAIRS), st.integers(min_value=0, max_value=10_000))
def test_a_side_compared_with_itself_reports_nothing(sample: tuple[str, str], off: int) -> None:
    side = Side(sample[0], sample[1], offset=off)
    assert compare_quotes(side, side) == []


@given(st.text(alphabet=st.sampled_from(list("ab ,.“”„«»'\"‘’—–\n")), max_size=60))
def test_spans_are_exact_substrings(text: str) -> None:
    for fact in quotes(text, "en"):
        assert text[fact.start : fact.end] == fact.text
        assert fact.text
    assert compare_quotes(Side(text, "en"), Side(text, "en")) == []


def test_a_quote_cut_to_its_core_loses_no_content() -> None:
    assert _cmp("“This is a fair deal for the town.”", "en",
                "It was “a fair deal for the town”.", "en") == []  # fmt: skip


def test_attribution_is_not_judged_across_languages() -> None:
    """A speaker after a dialogue dash or a verb-first clause escapes the patterns."""
    src = "“The dykes held,” the engineer said."
    tgt = "– Dikene holdt, sa ingeniøren på møtet."
    assert [n for n in _cmp(src, "en", tgt, "no") if "attribution" in n] == []


def test_hyphens_and_plural_endings_do_not_reword_a_quote() -> None:
    assert _cmp('They would be "de-Nazified".', "en", 'They would be "denazified".', "en") == []
    assert _cmp('Fighting "the Baltic pirates"', "en", 'Fighting "the Baltic pirate"', "en") == []


def test_two_renderings_differing_in_one_word_of_a_long_quote_are_not_reworded() -> None:
    a = "“We had a radio and could hear the news every evening,” he said."
    b = "“We had a radio and could listen to the news every evening,” he said."
    assert _cmp(a, "en", b, "en") == []


def test_a_translated_title_does_not_make_another_speaker() -> None:
    src = Side("“We will rebuild the wall,” said Mayor Ingrid Solberg.", "en")
    tgt = Side("„Wir bauen die Mauer wieder auf“, sagte Bürgermeisterin Ingrid Solberg.", "de")
    assert not [c for c in compare_quotes(src, tgt) if "someone else" in c.note]
    other = Side("„Wir bauen die Mauer wieder auf“, sagte Bürgermeister Lars Haugen.", "de")
    assert [c for c in compare_quotes(src, other) if "someone else" in c.note]


def test_a_speaker_named_before_the_quote_keeps_the_attribution() -> None:
    a = "“This is the most important decision in a generation,” said Councillor Priya Natarajan."
    named = "Councillor Priya Natarajan called it “the most important decision in a generation”."
    bare = "The council called it “the most important decision in a generation”."
    assert compare_quotes(Side(a, "en"), Side(named, "en")) == []
    notes = [c.note for c in compare_quotes(Side(a, "en"), Side(bare, "en"))]
    assert notes == ["quote lost its attribution (was: Councillor Priya Natarajan)"]
