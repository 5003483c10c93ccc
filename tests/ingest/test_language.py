from __future__ import annotations

import pytest

from storytrace.ingest.language import (
    LangGuess,
    detect,
    is_scandinavian_tie,
    normalise_code,
    resolve_scandinavian,
)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The mayor said the harbour would reopen on Monday after the storm."),
        ("de", "Der Bürgermeister sagte, der Hafen werde nach dem Sturm am Montag öffnen."),
        ("ru", "Мэр заявил, что порт откроется в понедельник после шторма."),
        ("uk", "Мер заявив, що порт відкриється в понеділок після шторму."),
        (
            "no",
            "Ordføreren sa at havna ville åpne igjen på mandag etter stormen, "
            "men at mange hus ble ødelagt.",
        ),
        ("fr", "Le maire a déclaré que le port rouvrirait lundi après la tempête."),
        ("es", "El alcalde dijo que el puerto reabriría el lunes después de la tormenta."),
    ],
)
def test_detects_main_languages(lang: str, text: str) -> None:
    assert detect(text).lang == lang


def test_too_short_is_unknown() -> None:
    assert detect("OK 12").lang is None


def test_codes_are_normalised() -> None:
    assert normalise_code("nb") == "no"
    assert normalise_code("en-GB") == "en"
    assert normalise_code("") is None


def test_scandinavian_tie_breaks_by_orthography() -> None:
    # Bokmål-only forms (ble, hadde, noen, fikk) decide a near tie in favour of "no".
    g = detect("Noen av dem ble igjen, men de fikk ikke hjelp og hadde ingen mat.")
    assert g.lang == "no"


def test_corpus_rule_needs_confident_support() -> None:
    nb = LangGuess("no", 0.99, (("no", 0.99),))
    da = LangGuess("da", 0.98, (("da", 0.98),))
    unsure = LangGuess("da", 0.5, (("da", 0.5), ("no", 0.4)))
    assert is_scandinavian_tie(unsure)
    assert not is_scandinavian_tie(nb)
    assert resolve_scandinavian([nb, unsure]) == "no"
    assert resolve_scandinavian([da, unsure]) == "da"
    assert resolve_scandinavian([nb, da, unsure]) is None
    assert resolve_scandinavian([unsure]) is None
