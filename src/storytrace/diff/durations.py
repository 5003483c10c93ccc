"""Durations in months: "18 months" and "a year and a half" state one fact.

Contract:
    ``durations(text, lang)`` returns the set of durations the text states, in months
    (rounded to 0.01): a number of :mod:`.numbers` followed by a unit of years or months
    ("18 months", "zwei Jahre", "три года"), and the fixed phrases for one and a half years
    and half a year that carry no digit ("a year and a half", "anderthalb Jahre",
    "halvannet år", "полтора года", "півтора року", "un an et demi", "un año y medio").
    en, de, nb/no, ru, uk, fr and es.

Why: a paraphrase that writes "a year and a half of roadworks" for "18 months of roadworks"
drops no number; the link filter asks this module before reporting a number as dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .model import lang_base
from .numbers import numbers, parse_number

# unit words (lower case, whole words) -> months
_UNITS: dict[str, dict[str, float]] = {
    "en": {"year": 12, "years": 12, "month": 1, "months": 1},
    "de": {"jahr": 12, "jahre": 12, "jahren": 12, "jahres": 12, "monat": 1, "monate": 1,
           "monaten": 1, "monats": 1},
    "nb": {"år": 12, "året": 12, "årene": 12, "måned": 1, "måneder": 1, "måneden": 1,
           "månedene": 1},
    "ru": {"год": 12, "года": 12, "лет": 12, "годы": 12, "месяц": 1, "месяца": 1,
           "месяцев": 1, "месяцы": 1},
    "uk": {"рік": 12, "роки": 12, "років": 12, "року": 12, "місяць": 1, "місяці": 1,
           "місяців": 1, "місяця": 1},
    "fr": {"an": 12, "ans": 12, "année": 12, "années": 12, "mois": 1},
    "es": {"año": 12, "años": 12, "mes": 1, "meses": 1},
}  # fmt: skip
_UNITS["no"] = _UNITS["nn"] = _UNITS["da"] = _UNITS["nb"]

_PHRASES: dict[str, list[tuple[str, float]]] = {
    "en": [(r"(?:a|one) year and a half|one and a half years|(?:a )?year-and-a-half", 18),
           (r"half a year", 6)],
    "de": [(r"(?:anderthalb|eineinhalb) jahren?", 18), (r"(?:ein(?:em)? )?halbes? jahre?s?", 6)],
    "nb": [(r"halvannet år", 18), (r"(?:et )?halvt år", 6)],
    "ru": [(r"полтора года|полутора лет", 18), (r"полгода|пол года", 6)],
    "uk": [(r"півтора року|півтора роки", 18), (r"півроку|пів року", 6)],
    "fr": [(r"un an et demi|une année et demie", 18), (r"six mois|un demi-an", 6)],
    "es": [(r"un año y medio", 18), (r"medio año", 6)],
}  # fmt: skip
_PHRASES["no"] = _PHRASES["nn"] = _PHRASES["da"] = _PHRASES["nb"]
_PHRASE_RES: dict[str, list[tuple[re.Pattern[str], float]]] = {
    lang: [(re.compile(rf"(?<!\w)(?:{p})(?!\w)"), months) for p, months in phrases]
    for lang, phrases in _PHRASES.items()
}
_NEXT_WORD = re.compile(r"[\s\u00a0\u202f]+([^\W\d_]+)")


@lru_cache(maxsize=4096)
def durations(text: str, lang: str | None) -> frozenset[float]:
    """Durations stated in ``text``, in months (module docstring)."""
    base = lang_base(lang, "en")
    units = _UNITS.get(base, _UNITS["en"])
    out: set[float] = set()
    for f in numbers(text, lang):
        m = _NEXT_WORD.match(text, f.end)
        value = parse_number(f.value)
        if m is None or value is None:
            continue
        unit = units.get(m.group(1).casefold())
        if unit is not None:
            out.add(round(float(value) * unit, 2))
    low = text.casefold()
    for pattern, months in _PHRASE_RES.get(base, _PHRASE_RES["en"]):
        if pattern.search(low):
            out.add(float(months))
    return frozenset(out)
