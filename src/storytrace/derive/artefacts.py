"""Translation artefacts: traces a text carries when it went through another language.

Contract:
    ``artefacts(text, lang, boilerplate_reasons)`` returns the artefacts found (a list of
    short labels with their evidence) and ``artefact_rate`` their number per 1,000 words.
    A version with such artefacts is a translation of something (possibly a round trip back
    into its own language), so it is not the origin of a story whose other versions lack them.

Cues, all formats foreign to the text's language rather than strings of any corpus:
* an English text with day-first ordinal dates ("22. February", "on the 1. March") or
  ordinal numbers with a dot ("150. division"), as German and Norwegian write them;
* an English text with a dot as thousands separator ("1.000", "1.351");
* dialogue lines that open with a dash inside English prose (Russian, Ukrainian, Norwegian
  typography);
* a machine-translation disclaimer among the document's boilerplate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"
_ORDINAL_DATE = re.compile(rf"\b\d{{1,2}}\. (?:{_MONTHS_EN})\b")
_ORDINAL_NUMBER = re.compile(r"\b(?:the )?\d{1,3}\. (?=[a-z])")
_THOUSANDS_DOT = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,]*\d)")
_DIALOGUE_DASH = re.compile(r"(?:^|[.!?]\s)[-–—]\s[A-Z]", re.MULTILINE)
_WORDS = re.compile(r"\w+")


def artefacts(
    text: str, lang: str | None, boilerplate_reasons: Iterable[str | None] = ()
) -> list[str]:
    """The translation artefacts of one document (see the module docstring)."""
    found: list[str] = []
    if any(r == "translation-disclaimer" for r in boilerplate_reasons):
        found.append("machine-translation disclaimer")
    if lang == "en":
        found += [f"day-first ordinal date {m.group()!r}" for m in _ORDINAL_DATE.finditer(text)]
        found += [
            f"ordinal number with a dot {m.group().strip()!r}"
            for m in _ORDINAL_NUMBER.finditer(text)
            if not _ORDINAL_DATE.match(text, m.start())
        ]
        found += [
            f"dot as thousands separator {m.group()!r}" for m in _THOUSANDS_DOT.finditer(text)
        ]
        found += ["dialogue dash" for _ in _DIALOGUE_DASH.finditer(text)]
    return found


def artefact_rate(found: list[str], text: str) -> float:
    """Artefacts per 1,000 words (a disclaimer counts as five: it is explicit)."""
    words = max(1, len(_WORDS.findall(text)))
    weight = sum(5 if f.startswith("machine-translation") else 1 for f in found)
    return 1000.0 * weight / words
