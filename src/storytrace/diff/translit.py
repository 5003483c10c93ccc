"""Transliteration and spelling conventions behind :mod:`.names`' cross-script name matching.

Contract:
    ``fold(text, lang)`` is the lower-case ASCII form of a name (what ``name_key`` returns):
    Cyrillic transliterated by the conventions of ``lang`` (Russian by default; Ukrainian
    for ``uk`` or for a word with і ї є ґ; Bulgarian for ``bg``), the Slavic Latin letters
    š ž č written as the digraphs sh zh ch, other diacritics dropped.
    ``readings(word)`` is the set of readings of one folded word under every spelling
    convention below; :func:`phon` reduces each to a phonetic form, and two words that share
    a form, or whose forms are :func:`similar`, may be one name.

Why every convention for every word: a transliterated name is spelled by the conventions of
the text's language (Norwegian "Tsjernihiv", German "Tschernihiw", French "Tchernihiv",
Spanish "Járkov"), but a name of foreign origin keeps its own spelling in any text ("Pierre
Laurent" in a German sentence) and Russian or Ukrainian spell it by its pronunciation
("Пьер Лоран"). The language of a text therefore does not tell which convention a Latin
name follows, so each word is read under all of them; a reading only adds a chance to
*meet*, and the near-misses that must stay apart are measured in ``tests/diff/test_names``.

The conventions (applied to the folded word):

* German: tsch = ch, sch = sh, ch = kh, w = v, j = y, z = ts (Tschernihiw, Schewtschuk,
  Charkiw, Jewgeni, Donezk);
* Scandinavian: tsj / tj = ch, skj / sj = sh, zj = zh, j = y (Tsjernihiv, Sjevtsjuk);
* French: tch = ch, ch = sh, j = zh, ou = u (Tchernihiv, Chevtchouk, Jytomyr, Oujhorod),
  and French *pronunciation* for French names written in Cyrillic: silent final consonants
  and e, au / eau = o, nasal en = an, ier = ye, oi = ua (Laurent / Лоран, Renaud / Рено,
  Barnier / Барнье, François / Франсуа);
* Spanish: j = kh, ll = y (Jersón, Járkov, Jodorkovski);
* English: j = dzh (Johnson / Джонсон);
* Ukrainian against Russian forms: i in a closed last syllable = o (Lviv / Lvov);
* diacritics dropped: sh zh ch = s z c (a Czech or Lithuanian "Ševčuk" printed as "Sevcuk").

:func:`phon` then merges what transliterations disagree on: ш ж щ (sh, zh, shch), х and the
Ukrainian г (kh, h, g), ц з с (ts, z, s), и і ы й (i, y, j), doubled letters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..link.cues import CYRILLIC

# Russian and Ukrainian Cyrillic, then Belarusian ў, Serbian Cyrillic, Latin letters that
# NFKD does not reduce to ASCII, and the Slavic š ž č as digraphs.
_CYR = {
    **CYRILLIC,
    "ў": "u", "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz", "ß": "ss",
    "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    "š": "sh", "ž": "zh", "č": "ch",
}  # fmt: skip

# Ukrainian и is [y], г is [h]; Bulgarian щ is [sht], ъ is [a].
_CYR_UK = {**_CYR, "и": "y", "г": "h"}
_CYR_BG = {**_CYR, "щ": "sht", "ъ": "a"}
_UK_LETTERS = re.compile("[іїєґ]")
# A soft or hard sign (Ukrainian apostrophe) before е, ё or и is a [j] glide: Пьер = Pyer,
# Барнье = Barnye, Воробьев = Vorobyev (before є ю я ї the glide is in the vowel's letters).
_GLIDE = re.compile("[ьъ’'](?=[еёи])")


def _table(word: str, lang: str | None) -> dict[str, str]:
    if lang == "bg":
        return _CYR_BG
    if lang == "uk" or (lang is None and _UK_LETTERS.search(word)):
        return _CYR_UK
    return _CYR


_NOT_LETTERS = re.compile(r"[^a-z]+")
_VOWELS = re.compile(r"[aeiou]")
_DOUBLED = re.compile(r"(.)\1+")


def fold(text: str, lang: str | None = None) -> str:
    """Lower-case ASCII transliteration of ``text`` (spaces and letters only)."""
    s = unicodedata.normalize("NFKC", text).casefold()
    s = _GLIDE.sub("y", s)
    s = " ".join("".join(_table(w, lang).get(ch, ch) for ch in w) for w in s.split())
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = _NOT_LETTERS.sub(" ", s)
    return " ".join(s.split())


def _rules(*pairs: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p), r) for p, r in zip(pairs[::2], pairs[1::2], strict=True))


# Readings of a folded word: each convention is a list of ordered regex rewrites.
_CONVENTIONS: tuple[tuple[tuple[re.Pattern[str], str], ...], ...] = (
    # German
    _rules(
        "tsch", "C", "sch", "S", "ch", "kh", "w", "v", "j", "y", "z", "ts", "C", "ch", "S", "sh"
    ),
    # Scandinavian
    _rules("ts?j", "C", "skj|sj", "S", "zj", "zh", "kj", "C", "j", "y", "C", "ch", "S", "sh"),
    # French transliteration
    _rules("tch", "C", "ch", "sh", "dj", "J", "j", "zh", "ou", "u", "C", "ch", "J", "dzh"),
    # French pronunciation
    _rules(
        "ier$", "ye", "(?<=au)lt$", "", "(?<=[aeiou])[tdsxzp]$|(?<=[nr])[tdsxz]$|(?<=..)e$", "",
        "eau|au", "o", "oi", "ua", "ch", "sh", "qu", "k", "c(?=[eiy])", "s", "ou", "u",
        "(?<=.)[ae][nm](?=[^aeiou]|$)", "an", "j", "zh", "g(?=[ei])", "zh",
        "(?<=[aeiou])s(?=[aeiou])", "z",
    ),
    # Spanish
    _rules("j", "kh", "ll", "y", "qu", "k", "g(?=[ei])", "kh"),
    # English
    _rules("dg|j", "dzh"),
    # Ukrainian i in a closed last syllable is Russian o / e (Lviv / Lvov, Kharkiv / Kharkov)
    _rules("(?<=[^aeiouy])i(?=[^aeiouy]$)", "o"),
    # Slavic diacritics dropped
    _rules("(?<![st])ch", "c", "(?<!s)sh", "s", "zh", "z"),
)  # fmt: skip

_PHON = _rules(
    "shch|sht", "S", "tsch|tch|cz|ch", "C", "sch|sz|zh|sh", "S", "kh|h|g", "H", "ck", "k",
    "ph", "f", "th", "t", "tz|ts|z", "s", "c|q", "k", "x", "ks", "w", "v", "[yj]", "i",
    "ou", "u", "ie", "i", r"(.)\1+", r"\1",
)  # fmt: skip


@lru_cache(maxsize=65536)
def phon(word: str) -> str:
    """A spelling-insensitive form of one folded word (upper case marks merged sounds:
    S = sh zh shch, C = ch tsch, H = kh h g)."""
    w = word
    for pattern, repl in _PHON:
        w = pattern.sub(repl, w)
    return w


@lru_cache(maxsize=65536)
def readings(word: str) -> frozenset[str]:
    """The folded word and its readings under each convention (module docstring)."""
    out = {word}
    for rules in _CONVENTIONS:
        w = word
        for pattern, repl in rules:
            w = pattern.sub(repl, w)
        if w:
            out.add(w)
    return frozenset(out)


@lru_cache(maxsize=65536)
def skeleton(p: str) -> str:
    """First letter plus consonants of a :func:`phon` form, doubled letters merged."""
    return _DOUBLED.sub(r"\1", p[:1] + _VOWELS.sub("", p[1:]))


def distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


#: Least similarity (1 - distance / longer length) of two phonetic forms with the same
#: skeleton for them to count as one name; measured on the labelled lists of
#: ``tests/diff/test_names.py`` (see the sweep there).
MIN_SIMILARITY = 0.8


def similar(a: str, b: str, threshold: float = MIN_SIMILARITY) -> bool:
    """Two :func:`phon` forms: same skeleton and similar enough; short words (five letters
    or fewer) must also end alike (Sumy / Summa, Oleg / Olga stay apart)."""
    if a == b:
        return True
    if len(a) < 3 or len(b) < 3 or skeleton(a) != skeleton(b):
        return False
    longest = max(len(a), len(b))
    if longest <= 5 and a[-1] != b[-1]:
        return False
    return 1 - distance(a, b) / longest >= threshold
