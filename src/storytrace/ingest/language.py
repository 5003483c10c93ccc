"""Language identification per document and per line (py3langid).

Contract:
    ``detect(text)`` returns a :class:`LangGuess` (ISO 639-1 code or ``None`` when the text
    has too few letters to tell) with the normalised probability of the winner and the
    runners-up. ``resolve_scandinavian`` applies the corpus-level rule for Norwegian Bokmål
    versus Danish.

Norwegian is reported as ``no`` everywhere (py3langid's label and the gold annotations'
code; ``nb`` input is mapped to it), Nynorsk as ``nn``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

#: Codes we normalise on input (JSONL ``lang`` fields, user options).
ALIASES = {
    "nb": "no",
    "nob": "no",
    "nor": "no",
    "nno": "nn",
    "eng": "en",
    "deu": "de",
    "ger": "de",
    "rus": "ru",
    "ukr": "uk",
    "fra": "fr",
    "fre": "fr",
    "spa": "es",
}

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)

# Orthographic markers that separate Bokmål from Danish (they share most function words).
# Bokmål: ble/hadde/noen/fikk/sier/nå/hva/gikk/mye/av; Danish: blev/havde/nogen/fik/siger/
# nu/hvad/gik/meget/af. Used only to break a near-tie between the two.
_NB_MARKERS = frozenset(
    [
        "ble",
        "hadde",
        "noen",
        "fikk",
        "sier",
        "nå",
        "hva",
        "gikk",
        "mye",
        "av",
        "etter",
        "ikkje",
        "seinere",
        "kommer",
        "hvordan",
        "dere",
    ]
)
_DA_MARKERS = (
    frozenset(
        [
            "blev",
            "havde",
            "nogen",
            "fik",
            "siger",
            "nu",
            "hvad",
            "gik",
            "meget",
            "af",
            "efter",
            "hvordan",
            "jer",
            "også",
        ]
    )
    - _NB_MARKERS
)
_WORD = re.compile(r"\w+", re.UNICODE)
_SAMPLE = 3000


@dataclass(frozen=True, slots=True)
class LangGuess:
    lang: str | None
    prob: float
    ranking: tuple[tuple[str, float], ...] = ()

    def prob_of(self, code: str) -> float:
        return next((p for c, p in self.ranking if c == code), 0.0)


def normalise_code(code: str | None) -> str | None:
    """Map a user- or file-supplied language code (or English language name: "German",
    "Norwegian Bokmål") to storytrace's canonical code; check it with :func:`known_code`."""
    if not code:
        return None
    named = _language_names().get(code.strip().casefold())
    c = named or code.strip().lower().replace("_", "-").split("-")[0]
    return ALIASES.get(c, c) or None


@lru_cache(maxsize=1)
def _language_names() -> dict[str, str]:
    from babel import Locale

    return {str(name).casefold(): str(code) for code, name in Locale("en").languages.items()}


@lru_cache(maxsize=1)
def _known_codes() -> frozenset[str]:
    from babel import Locale

    codes = (str(c) for c in Locale("en").languages)
    return frozenset(c for c in codes if c.isalpha() and len(c) in (2, 3))


def known_code(code: str) -> bool:
    """Whether ``code`` (canonical, from :func:`normalise_code`) is an ISO 639 language code."""
    return code in _known_codes() or code in ALIASES.values()


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def letter_count(text: str) -> int:
    return len(_LETTER.findall(text))


def detect_line(text: str) -> str | None:
    """The language of one line; repeated lines (site furniture) are answered from a cache."""
    if len(text) > 300:
        return detect(text).lang
    return _detect_short(text)


@lru_cache(maxsize=65536)
def _detect_short(text: str) -> str | None:
    return detect(text).lang


def detect(text: str, *, min_letters: int = 12) -> LangGuess:
    """Guess the language of ``text``; ``lang`` is ``None`` below ``min_letters`` letters."""
    if letter_count(text) < min_letters:
        return LangGuess(None, 0.0)
    if len(text) > _SAMPLE:
        # py3langid's cost grows with length; beginning, middle and end decide as well.
        third = _SAMPLE // 3
        mid = len(text) // 2
        text = text[:third] + "\n" + text[mid : mid + third] + "\n" + text[-third:]
    ranked = _identifier().rank(text)[:4]
    ranking = tuple((normalise_code(c) or c, float(p)) for c, p in ranked)
    lang, prob = ranking[0]
    if lang in ("da", "no"):
        lang = _break_scandinavian_tie(text, ranking) or lang
        prob = next(p for c, p in ranking if c == lang) if lang in dict(ranking) else prob
    return LangGuess(lang, prob, ranking)


def _break_scandinavian_tie(text: str, ranking: tuple[tuple[str, float], ...]) -> str | None:
    probs = dict(ranking)
    no, da = probs.get("no", 0.0), probs.get("da", 0.0)
    if min(no, da) < 0.05 * max(no, da):  # not a tie: keep the model's answer
        return None
    words = [w.lower() for w in _WORD.findall(text)]
    nb = sum(w in _NB_MARKERS for w in words)
    dk = sum(w in _DA_MARKERS for w in words)
    if nb > dk:
        return "no"
    if dk > nb:
        return "da"
    return None


def resolve_scandinavian(guesses: Iterable[LangGuess]) -> str | None:
    """Corpus-level rule: which of ``no``/``da`` uncertain documents should lean to.

    Returns ``"no"`` when the corpus holds confident Norwegian documents and no confident
    Danish ones, ``"da"`` in the mirror case, else ``None`` (leave each document alone).
    """
    confident = {g.lang for g in guesses if g.lang in ("no", "da") and g.prob >= 0.9}
    if confident == {"no"}:
        return "no"
    if confident == {"da"}:
        return "da"
    return None


def is_scandinavian_tie(g: LangGuess) -> bool:
    """True when a guess is ``no`` or ``da`` with the other close behind."""
    if g.lang not in ("no", "da"):
        return False
    other = "da" if g.lang == "no" else "no"
    return g.prob < 0.9 and g.prob_of(other) >= 0.1 * g.prob
