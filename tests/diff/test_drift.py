"""Meaning drift: smallest runs of content words without counterpart in same-language
aligned sentences; nothing across languages or for rewrites; false positives measured on
honest paraphrases."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.diff.drift import compare_drift, content_words, stem
from storytrace.diff.model import Side


def _cmp(a: str, b: str, lang: str = "en") -> list[tuple[str, str, str]]:
    return [
        (c.note, c.source_text, c.target_text) for c in compare_drift(Side(a, lang), Side(b, lang))
    ]


def test_replaced_run_is_the_smallest_span() -> None:
    src = Side("They spent weeks sleeping on boxes of shells in a cold barn.", "en", offset=30)
    tgt = Side("They spent weeks sleeping on cushions in a cold barn.", "en", offset=300)
    (change,) = compare_drift(src, tgt)
    assert change.kind == "other"
    assert change.score <= 0.5
    assert (change.source_text, change.target_text) == ("boxes of shells", "cushions")
    assert change.source == (30 + 29, 30 + 29 + len("boxes of shells"))
    assert change.target == (300 + 29, 300 + 29 + len("cushions"))
    assert change.note == "meaning drift: 'boxes of shells' -> 'cushions'"


@pytest.mark.parametrize(
    ("a", "b", "lang", "pair"),
    [
        (
            "The unit was moved back to the rear to guard damaged trucks.",
            "The unit was moved back to the stern to guard damaged trucks.",
            "en",
            ("rear", "stern"),
        ),
        (
            "He climbed into the cabin of the lorry and waited.",
            "He climbed into the cockpit of the lorry and waited.",
            "en",
            ("cabin", "cockpit"),
        ),
        (
            "Die Soldaten schliefen wochenlang auf Kisten im Keller.",
            "Die Soldaten schliefen wochenlang auf Kissen im Keller.",
            "de",
            ("Kisten", "Kissen"),
        ),
        (
            "Soldatene sov i flere uker på kasser i kjelleren.",
            "Soldatene sov i flere uker på puter i kjelleren.",
            "nb",
            ("kasser", "puter"),
        ),
        (
            "Солдаты неделями спали на ящиках в холодном подвале.",
            "Солдаты неделями спали на подушках в холодном подвале.",
            "ru",
            ("ящиках", "подушках"),
        ),
    ],
)
def test_single_word_drift_per_language(a: str, b: str, lang: str, pair: tuple[str, str]) -> None:
    changes = _cmp(a, b, lang)
    assert [(s, t) for _, s, t in changes] == [pair]


def test_dropped_qualifier() -> None:
    changes = _cmp(
        "The president launched his renewed offensive against the eastern towns.",
        "The president launched his offensive against the eastern towns.",
    )
    assert [c[0] for c in changes] == ["dropped: 'renewed'"]


def test_moved_words_are_not_drift() -> None:
    assert (
        _cmp(
            "The council approved new shelters on Monday.",
            "On Monday, the council approved new shelters.",
        )
        == []
    )


def test_rewrite_is_not_drift() -> None:
    assert (
        _cmp(
            "The troops left the city on Monday.", "The soldiers withdrew from the town on Monday."
        )
        == []
    )


def test_nothing_across_languages() -> None:
    assert compare_drift(Side("The rear.", "en"), Side("Das Heck.", "de")) == []


def test_names_numbers_negations_and_quotes_are_left_to_their_comparers() -> None:
    words = content_words(
        "Then Kovalenko said “we are cold” and did not count 40 bombastic trucks.", "en"
    )
    assert [w.text for w in words] == ["count", "trucks"]


def test_stem() -> None:
    assert stem("grenades", "en") == stem("grenade", "en")
    assert stem("Soldaten", "de") == "soldat"
    assert stem("ящиках", "ru") == stem("ящики", "ru")


# Honest paraphrases (same meaning, other words or order), written for this test.
HONEST: list[tuple[str, str, str]] = [
    (
        "The council approved new shelters on Monday.",
        "On Monday the council approved new shelters.",
        "en",
    ),
    (
        "Officials said the bridge would reopen in June.",
        "The bridge will reopen in June, officials said.",
        "en",
    ),
    ("The troops left the city on Monday.", "The soldiers withdrew from the town on Monday.", "en"),
    ("Two villages were shelled overnight.", "Overnight, two villages came under shelling.", "en"),
    (
        "The mayor asked residents to stay indoors.",
        "Residents were asked by the mayor to stay indoors.",
        "en",
    ),
    ("Prices for bread rose sharply last month.", "Last month bread prices rose sharply.", "en"),
    (
        "The company cut its workforce by a third.",
        "The firm reduced its workforce by a third.",
        "en",
    ),
    ("He said the talks had been useful.", "The talks were useful, he said.", "en"),
    (
        "The hospital treated dozens of injured people.",
        "Dozens of injured people were treated at the hospital.",
        "en",
    ),
    (
        "Heavy rain flooded the main road into the city.",
        "The main road into the city was flooded by heavy rain.",
        "en",
    ),
    (
        "The minister resigned after the scandal.",
        "After the scandal, the minister stepped down.",
        "en",
    ),
    (
        "Volunteers delivered food to the front line.",
        "Food was delivered to the front line by volunteers.",
        "en",
    ),
    ("The school reopened after repairs.", "After repairs, the school opened again.", "en"),
    (
        "Die Stadt hat neue Schutzräume gebaut.",
        "Neue Schutzräume wurden von der Stadt gebaut.",
        "de",
    ),
    (
        "Die Preise für Brot stiegen im letzten Monat stark.",
        "Im letzten Monat stiegen die Brotpreise stark.",
        "de",
    ),
    (
        "Der Bürgermeister bat die Bewohner, zu Hause zu bleiben.",
        "Die Bewohner wurden vom Bürgermeister gebeten, zu Hause zu bleiben.",
        "de",
    ),
    (
        "Zwei Dörfer wurden in der Nacht beschossen.",
        "In der Nacht wurden zwei Dörfer beschossen.",
        "de",
    ),
    ("Kommunen har bygget nye tilfluktsrom.", "Nye tilfluktsrom er bygget av kommunen.", "nb"),
    (
        "Prisene på brød steg kraftig forrige måned.",
        "Forrige måned steg brødprisene kraftig.",
        "nb",
    ),
    ("To landsbyer ble beskutt i natt.", "I natt ble to landsbyer beskutt.", "nb"),
    (
        "Ordføreren ba innbyggerne holde seg innendørs.",
        "Innbyggerne ble bedt av ordføreren om å holde seg innendørs.",
        "nb",
    ),
    ("Город построил новые укрытия.", "Новые укрытия были построены городом.", "ru"),
    (
        "Цены на хлеб резко выросли в прошлом месяце.",
        "В прошлом месяце цены на хлеб резко выросли.",
        "ru",
    ),
    ("Два села были обстреляны ночью.", "Ночью обстреляли два села.", "ru"),
    ("Мэр попросил жителей оставаться дома.", "Жителей попросил мэр оставаться дома.", "ru"),
    ("Місто збудувало нові укриття.", "Нові укриття збудувало місто.", "uk"),
    (
        "La ville a construit de nouveaux abris.",
        "De nouveaux abris ont été construits par la ville.",
        "fr",
    ),
    (
        "Los precios del pan subieron mucho el mes pasado.",
        "El mes pasado los precios del pan subieron mucho.",
        "es",
    ),
    ("The officer told CNN he felt guilty.", "He felt guilty, the officer told CNN.", "en"),
    (
        "The army says the road is open again.",
        "According to the army, the road is open again.",
        "en",
    ),
]

# Planted drift (same language), written for this test.
DRIFT: list[tuple[str, str, str]] = [
    ("They slept on boxes of shells for weeks.", "They slept on cushions for weeks.", "en"),
    (
        "The unit moved back to the rear for repairs.",
        "The unit moved back to the stern for repairs.",
        "en",
    ),
    ("He sat in the cabin of the truck.", "He sat in the cockpit of the truck.", "en"),
    (
        "The brigade rotated out of the region for rest.",
        "The brigade rotated out of the region for holidays.",
        "en",
    ),
    ("Shops are closing across the region.", "Businesses are closing across the region.", "en"),
    (
        "Two soldiers who had quit the army spoke to reporters.",
        "Two soldiers who had retired from the army spoke to reporters.",
        "en",
    ),
    (
        "He launched his renewed offensive in the east.",
        "He launched his new offensive in the east.",
        "en",
    ),
    (
        "Die Soldaten schliefen auf Kisten im Keller.",
        "Die Soldaten schliefen auf Kissen im Keller.",
        "de",
    ),
    ("Soldatene sov på kasser i kjelleren.", "Soldatene sov på puter i kjelleren.", "nb"),
    ("Солдаты спали на ящиках в подвале.", "Солдаты спали на подушках в подвале.", "ru"),
]


# Written after the rules were settled and never tuned on: an honest estimate.
HONEST_HELD_OUT: list[tuple[str, str, str]] = [
    (
        "Police arrested three men after the protest.",
        "After the protest, three men were arrested by police.",
        "en",
    ),
    (
        "The government will raise taxes next year.",
        "Taxes will be raised by the government next year.",
        "en",
    ),
    (
        "Fighting continued near the river throughout the night.",
        "Throughout the night, fighting went on near the river.",
        "en",
    ),
    ("The ceasefire collapsed within hours.", "Within hours the ceasefire broke down.", "en"),
    (
        "The aid convoy reached the town on Friday.",
        "On Friday the aid convoy arrived in the town.",
        "en",
    ),
    (
        "The court sentenced him to five years in prison.",
        "He was sentenced by the court to five years in prison.",
        "en",
    ),
    (
        "Many families fled the area before the attack.",
        "Before the attack, many families left the area.",
        "en",
    ),
    (
        "Engineers restored power to most homes.",
        "Power was restored to most homes by engineers.",
        "en",
    ),
    ("The factory stopped production last week.", "Last week the factory halted production.", "en"),
    (
        "The general visited troops at the border.",
        "Troops at the border were visited by the general.",
        "en",
    ),
    ("The new law takes effect in January.", "The new law enters into force in January.", "en"),
    (
        "Residents complained about the noise from the base.",
        "Residents complained about noise coming from the base.",
        "en",
    ),
    (
        "Die Polizei nahm drei Männer fest.",
        "Drei Männer wurden von der Polizei festgenommen.",
        "de",
    ),
    (
        "Die Kämpfe gingen die ganze Nacht weiter.",
        "Die ganze Nacht gingen die Kämpfe weiter.",
        "de",
    ),
    (
        "Die Regierung erhöht nächstes Jahr die Steuern.",
        "Nächstes Jahr erhöht die Regierung die Steuern.",
        "de",
    ),
    (
        "Politiet arresterte tre menn etter protesten.",
        "Etter protesten ble tre menn arrestert av politiet.",
        "nb",
    ),
    ("Kampene fortsatte hele natten.", "Hele natten fortsatte kampene.", "nb"),
    (
        "Полиция задержала трёх мужчин после протеста.",
        "После протеста полиция задержала трёх мужчин.",
        "ru",
    ),
    ("Бои продолжались всю ночь.", "Всю ночь продолжались бои.", "ru"),
    ("Суд приговорил его к пяти годам.", "Его приговорили к пяти годам по решению суда.", "ru"),
]
DRIFT_HELD_OUT: list[tuple[str, str, str]] = [
    (
        "The mayor praised the rescue workers for their courage.",
        "The mayor thanked the rescue workers for their courage.",
        "en",
    ),
    (
        "The bridge was damaged by artillery fire on Sunday.",
        "The bridge was damaged by rocket fire on Sunday.",
        "en",
    ),
    (
        "He escorted vehicles that needed repair to the depot.",
        "He escorted vehicles that needed paint to the depot.",
        "en",
    ),
    (
        "The soldiers were ordered into the forest at dawn.",
        "The soldiers were drafted into the forest at dawn.",
        "en",
    ),
    ("The refugees crossed the border by train.", "The refugees crossed the border by boat.", "en"),
    (
        "Die Soldaten bekamen Befehl, die Fahrzeuge zu waschen.",
        "Die Soldaten bekamen Befehl, die Fahrzeuge zu bemalen.",
        "de",
    ),
    (
        "Soldatene fikk ordre om å vaske kjøretøyene.",
        "Soldatene fikk ordre om å male kjøretøyene.",
        "nb",
    ),
    ("Солдатам приказали помыть машины.", "Солдатам приказали покрасить машины.", "ru"),
    (
        "The officer felt guilty about the invasion.",
        "The official felt guilty about the invasion.",
        "en",
    ),
    (
        "Businesses in the city reported heavy losses.",
        "Shops in the city reported heavy losses.",
        "en",
    ),
]


def rates(
    honest: list[tuple[str, str, str]], drift: list[tuple[str, str, str]]
) -> tuple[float, float, list[tuple[str, str]]]:
    """False-positive rate on ``honest``, recall on ``drift``, and the honest pairs reported."""
    fps = [(a, b) for a, b, lang in honest if _cmp(a, b, lang)]
    found = sum(bool(_cmp(a, b, lang)) for a, b, lang in drift)
    return len(fps) / len(honest), found / len(drift), fps


def test_false_positives_and_recall() -> None:
    fp_rate, recall, fps = rates(HONEST, DRIFT)
    # Measured (the rules were tuned here): false positives 0.033 (1/30, the synonym swap
    # "cut" / "reduced" in place), recall 1.0 (10/10).
    assert fp_rate <= 0.1, fps
    assert recall >= 0.9


def test_false_positives_and_recall_held_out() -> None:
    fp_rate, recall, fps = rates(HONEST_HELD_OUT, DRIFT_HELD_OUT)
    # Measured: false positives 0.10 (2/20: "takes effect" / "enters into force", and
    # "coming" added), recall 1.0 (10/10).
    assert fp_rate <= 0.15, fps
    assert recall >= 0.8


@given(
    st.sampled_from([(a, lang) for a, _, lang in HONEST + DRIFT]),
    st.integers(min_value=0, max_value=1000),
)
def test_a_side_compared_with_itself_reports_nothing(sample: tuple[str, str], off: int) -> None:
    side = Side(sample[0], sample[1], offset=off)
    assert compare_drift(side, side) == []


# Neutral nouns whose stems stay apart under the English, German and Russian rules (no common
# prefix, no compounds of each other): one swapped for another is always drift.
NOUNS = (
    "harbour bridge station market garden tractor window pillow cabinet village printer "
    "blanket kitchen ladder engine carpet bottle museum forest tunnel"
).split()
FILLERS = ["", "the", "of", "and", "in", "on", "with", "at"]
Sample = tuple[str, str, str | None, tuple[str, str] | None]


@st.composite
def swapped_nouns(draw: st.DrawFn) -> Sample:
    """A line of nouns between fillers, the same line with one noun swapped for a noun it
    lacks, a language, and the swapped (old, new) pair."""
    *words, new = draw(st.lists(st.sampled_from(NOUNS), min_size=3, max_size=9, unique=True))
    fill = draw(st.lists(st.sampled_from(FILLERS), min_size=len(words), max_size=len(words)))
    k = draw(st.integers(min_value=0, max_value=len(words) - 1))
    lang = draw(st.sampled_from(["en", "de", "ru", None]))

    def line(ws: list[str]) -> str:
        return " ".join(f"{f} {w}".strip() for f, w in zip(fill, ws, strict=True)) + "."

    return line(words), line([*words[:k], new, *words[k + 1 :]]), lang, (words[k], new)


def plain(context: str) -> bool:
    """Text without words, digits or quotation marks: nothing that could hide a drift."""
    return not any(
        ch.isalnum() or ch in "\"'‹›«»„“”‘’" or unicodedata.category(ch) in ("Pi", "Pf")
        for ch in context
    )


@given(
    st.one_of(swapped_nouns(), st.sampled_from([(a, b, lang, None) for a, b, lang in DRIFT])),
    st.text(max_size=30),
    st.text(max_size=30),
)
def test_scores_and_spans_hold_for_any_text(sample: Sample, before: str, after: str) -> None:
    line_a, line_b, lang, pair = sample
    a, b = f"{before}\n{line_a}\n{after}", f"{before}\n{line_b}\n{after}"
    src, tgt = Side(a, lang, offset=5), Side(b, lang, offset=500)
    changes = compare_drift(src, tgt)
    for change in changes:
        assert change.kind == "other" and change.score <= 0.5
        assert a[change.source[0] - 5 : change.source[1] - 5] == change.source_text
        assert b[change.target[0] - 500 : change.target[1] - 500] == change.target_text
    if plain(before + after):  # the drift cannot hide: it is found
        assert changes, (a, b)
        if pair is not None:
            assert [(c.source_text, c.target_text) for c in changes] == [pair], changes


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # thousands separators: the noun after the count must be read alike on both sides
        (
            "Die Stadt erhielt 4 000 000 Impfdosen und verteilte sie schnell.",
            "Die Stadt erhielt 4.000.000 Impfdosen und verteilte sie schnell.",
        ),
        (
            "Die Firma verkaufte 12.500 Traktoren und baute neue Hallen.",
            "Die Firma verkaufte 12\u00a0500 Traktoren und baute neue Hallen.",
        ),
    ],
)
def test_format_only_number_change_is_not_drift(a: str, b: str) -> None:
    assert _cmp(a, b, "de") == []


def test_a_word_facing_a_name_is_left_to_the_name_comparer() -> None:
    # German capitals hide "Bremen" among the nouns; opposite it stands the name "Lutsk"
    a = "Der Minister besuchte Lutsk am Montag und versprach neue Schulen."
    b = "Der Minister besuchte Bremen am Montag und versprach neue Schulen."
    assert _cmp(a, b, "de") == []


def test_words_quoted_on_one_side_only_are_still_compared() -> None:
    # the source's quotation opened in the sentence before; the target quotes it here
    src = Side("I was a part of it, the officer told CNN.", "en")
    tgt = Side("'I was a part of it,' the official told CNN.", "en")
    notes = [c.note for c in compare_drift(src, tgt)]
    assert notes == ["meaning drift: 'officer' -> 'official'"], notes
