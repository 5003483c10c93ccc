"""Textual cues for cutting a page's unlinked prose into articles.

Contract (all pure functions on strings):
    ``article_start(text, after_boilerplate)`` says whether a passage looks like the first
    lines of an article glued onto a page: a dateline ("KYIV, May 22 (Reuters) –"), a block
    of bulleted highlights, a fragment that starts mid-sentence or mid-quote (the scraper cut
    the article's head off), or a headline straight after boilerplate.
    ``name_forms(text)`` collects capitalised name forms; ``spelling_conflicts(a, b)`` counts
    names that two texts spell differently (Zelensky / Zelenskiy, Severodonetsk /
    Sievierodonetsk): every outlet follows its own house style, so two fragments that spell
    the same name differently come from different articles.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DATELINE = re.compile(
    r"^\s*[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ .'\-]{1,40}"  # a city in capitals
    r"(?:,\s*[\w .]{2,20}?\d{1,2}(?:,\s*\d{4})?)?"  # , May 22 / , 22 May 2022
    r"\s*(?:\((?:Reuters|AP|AFP|dpa|DPA|NTB|TT|Ritzau|ANSA|EFE|Interfax|TASS|UNIAN|PAP|"
    r"Bloomberg|CNN|BBC|[A-Z]{2,6})\))?\s*[–—-]\s+\S"
)
_AGENCY_TAG = re.compile(r"^.{0,60}\((?:Reuters|AP|AFP|dpa|NTB|TT|EFE|Interfax|TASS)\)\s*[–—-]")
BULLETED = _BULLET = re.compile(r"^\s*[•●▪■◦‣∙·*]\s+\S")  # not - or –: dialogue dashes (no, ru)
_OPENERS = "“„«‹\"'‘‚"
_CLOSERS = "”»›\"'’"
_HEADLINE_END = re.compile(r"[.!?…:;,]\s*$")
_NAME = re.compile(r"\b[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w’'\-]{3,}", re.UNICODE)

#: Russian and Ukrainian Cyrillic letters in Latin (:mod:`storytrace.diff.translit` extends it).
CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i",
    "є": "ye", "ї": "yi", "ґ": "g",
}  # fmt: skip


def starts_mid_sentence(text: str) -> bool:
    """A lower-case start, or a closing quote before any opening one: a cut-off fragment."""
    s = text.lstrip()
    if not s:
        return False
    if s[0].islower():
        return True
    head = s[:200]
    first_close = min((head.find(c) for c in "”»›" if c in head), default=-1)
    first_open = min((head.find(c) for c in "“„«‹" if c in head), default=-1)
    return first_close >= 0 and (first_open < 0 or first_close < first_open)


def is_headline(text: str) -> bool:
    s = text.strip()
    return 0 < len(s) <= 120 and not _HEADLINE_END.search(s.rstrip(_CLOSERS)) and "\n" not in s


def article_start(text: str, *, after_boilerplate: bool = False) -> bool:
    """Does ``text`` (a passage) look like the start of an article glued onto a page?"""
    first = text.lstrip().split("\n", 1)[0]
    if _DATELINE.match(first) or _AGENCY_TAG.match(first) or _BULLET.match(first):
        return True
    if starts_mid_sentence(first):
        return True
    return after_boilerplate and is_headline(first)


def _ascii(word: str) -> str:
    out = "".join(CYRILLIC.get(ch, ch) for ch in word.casefold())
    return unicodedata.normalize("NFKD", out).encode("ascii", "ignore").decode()


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """A spelling-insensitive key: transliterated, vowels after the first letter dropped,
    kh/ch/h merged, doubled letters collapsed (Kherson, Cherson, Херсон → "hrsn")."""
    w = _ascii(word)
    w = re.sub(r"[^a-z]", "", w)
    w = w.replace("kh", "h").replace("ch", "h").replace("ck", "k").replace("c", "k")
    w = w.replace("ph", "f").replace("w", "v").replace("x", "ks").replace("q", "k")
    head, tail = w[:1], re.sub(r"[aeiouy]", "", w[1:])
    return re.sub(r"(.)\1+", r"\1", head + tail)


def name_forms(text: str) -> set[str]:
    """Capitalised word forms of four or more letters (possessive endings removed)."""
    return {re.sub(r"[’']s$", "", m.group()) for m in _NAME.finditer(text)}


def _edit_distance_at_most(a: str, b: str, limit: int) -> bool:
    if abs(len(a) - len(b)) > limit:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return False
        prev = cur
    return prev[-1] <= limit


def spelling_conflicts(a: set[str], b: set[str]) -> int:
    """Names spelled one way in ``a`` and another way in ``b``, never both ways on one side.

    Two forms are variants of one name when they share a skeleton of at least four letters
    and differ by at most two edits (which keeps Ukraine/Ukrainian apart).
    """
    by_key_a: dict[str, set[str]] = {}
    for form in a:
        key = skeleton(form)
        if len(key) >= 4:
            by_key_a.setdefault(key, set()).add(form)
    conflicts = 0
    seen: set[str] = set()
    for form in b:
        key = skeleton(form)
        if key in seen or key not in by_key_a or form in by_key_a[key]:
            continue
        others = by_key_a[key]
        if any(o in b for o in others):
            continue
        if any(_edit_distance_at_most(form.casefold(), o.casefold(), 2) for o in others):
            conflicts += 1
            seen.add(key)
    return conflicts
