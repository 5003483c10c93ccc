"""Lexical anchors: the parts of a sentence that survive translation and rewriting.

Contract (pure functions on strings):
    ``anchors(sentence)`` returns an :class:`Anchors` record: ``numbers`` (locale-normalised
    number keys), ``names`` (spelling-insensitive keys of proper names) and ``quotes`` (the
    first words of quoted fragments). ``anchor_similarity(a, b)`` is their weighted Jaccard
    similarity in ``[0, 1]``: the weight of the shared keys over the weight of all keys, each
    kind weighted by :data:`WEIGHTS`; two sentences with no anchors at all score 0.

Why these three: a translation rewrites every word, but it copies numbers (in the target
locale's format), transliterates names and keeps quoted speech recognisable, at least within
one language. Embeddings blur exactly these tokens (e5 puts "22,000 losses" and "22 losses"
close together), so anchors are the aligner's second, independent witness.

Normalisation rules:

* **Numbers.** A run of digit groups is read without its separators when the first group has
  one to three digits and every later group exactly three ("22,000", "22.000", "22 000" with
  U+00A0 or U+202F, "1.351" give ``22000`` / ``1351``): in one locale or another such a
  separator is a thousands separator, so the digit string is the only locale-free key. A
  single "." or "," followed by one, two or four or more digits is a decimal mark in every
  locale, so "1.8" and "1,8" both give ``1.8``. Ordinal dots ("12. März") and sentence-final
  dots are ignored.
* **Names.** A capitalised word that is not the first word of the sentence (nor the first
  word after an opening quote or a dash), and any all-capitals token of two or more letters,
  keyed by :func:`storytrace.link.cues.skeleton` so that Solberg / Сульберг and Kherson /
  Cherson meet. German capitalises every noun, so names are noisy there; the aligner
  therefore keeps, per document pair, only keys that occur on both sides.
* **Quotes.** The first two words (case-folded) of every fragment between quotation marks of
  at least three words; useful for same-language rewrites that keep a quotation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from storytrace.link.cues import skeleton

#: Weight of one shared key of each kind in :func:`anchor_similarity`. Numbers are the most
#: specific (a shared "1351" is rarely chance), names next; quote openings are weaker because
#: short quotes start with common words.
WEIGHTS: Mapping[str, float] = {"n": 2.0, "w": 1.0, "q": 1.0}

# Digit groups joined by one separator each: "," "." or a (no-break / narrow no-break) space.
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,\u00a0\u202f ]\d+)*")
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_QUOTE = re.compile(r"[“„«‹\"‘‚]([^“”„«»‹›\"]{3,400}?)[”“»›\"’‘]")
_OPENERS = frozenset("“„«‹\"'‘‚([—–-")
_SEPARATOR = re.compile(r"[.,\u00a0\u202f ]")
_POSSESSIVE = re.compile(r"[’']s$")


@dataclass(frozen=True, slots=True)
class Anchors:
    """A sentence's anchors, each a set of keys (see the module docstring)."""

    numbers: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    quotes: frozenset[str] = frozenset()

    def keys(self) -> frozenset[str]:
        """All keys, prefixed by kind (``n:``, ``w:``, ``q:``) so that kinds never collide."""
        return frozenset(
            [
                *("n:" + k for k in self.numbers),
                *("w:" + k for k in self.names),
                *("q:" + k for k in self.quotes),
            ]
        )

    def __bool__(self) -> bool:
        return bool(self.numbers or self.names or self.quotes)


def number_keys(text: str) -> set[str]:
    """Locale-free keys of the numbers in ``text``: digit strings, or ``a.b`` decimals."""
    out: set[str] = set()
    for match in _NUMBER.finditer(text):
        groups = _SEPARATOR.split(match.group())
        if len(groups) == 1:
            out.add(groups[0].lstrip("0") or "0")
        elif len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
            # thousands groups in some locale (or a three-decimal value in another): only
            # the digit string is the same in every locale
            out.add("".join(groups).lstrip("0") or "0")
        elif len(groups) == 2 and match.group()[len(groups[0])] in ".,":
            out.add(f"{groups[0].lstrip('0') or '0'}.{groups[1]}")
        else:
            # "9 10" (two numbers next to each other), a date "12.03.2024": each part alone
            out.update(g.lstrip("0") or "0" for g in groups)
    return out


def name_keys(text: str) -> set[str]:
    """Skeleton keys of proper names: capitalised non-initial words and all-caps tokens."""
    out: set[str] = set()
    initial = True  # the next word starts a sentence or a quotation: capitals prove nothing
    pos = 0
    for match in _WORD.finditer(text):
        between = text[pos : match.start()]
        pos = match.end()
        if any(ch in ".!?:…" for ch in between) or between.strip()[-1:] in _OPENERS:
            initial = True
        word = _POSSESSIVE.sub("", match.group()).strip("-’'")
        letters = [ch for ch in word if ch.isalpha()]
        caps = len(letters) >= 2 and all(ch.isupper() for ch in letters)
        if word and (caps or (not initial and word[0].isupper())):
            key = skeleton(word)
            if len(key) >= 2:
                out.add(key)
        initial = False
    return out


def quote_keys(text: str) -> set[str]:
    """The first two words (case-folded) of every quoted fragment of three or more words."""
    out: set[str] = set()
    for match in _QUOTE.finditer(text):
        words = _WORD.findall(match.group(1))
        if len(words) >= 3:
            out.add(" ".join(w.casefold() for w in words[:2]))
    return out


def anchors(sentence: str) -> Anchors:
    """The anchors of one sentence; see the module docstring for the rules."""
    return Anchors(
        numbers=frozenset(number_keys(sentence)),
        names=frozenset(name_keys(sentence)),
        quotes=frozenset(quote_keys(sentence)),
    )


def key_weight(key: str) -> float:
    """The weight of a prefixed key (see :meth:`Anchors.keys`)."""
    return WEIGHTS[key[0]]


def weighted_jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    """Weighted Jaccard of two sets of prefixed keys; 0.0 when both are empty."""
    sa, sb = set(a), set(b)
    union = sum(key_weight(k) for k in sa | sb)
    if union <= 0:
        return 0.0
    return sum(key_weight(k) for k in sa & sb) / union


def anchor_similarity(a: Anchors, b: Anchors) -> float:
    """Weighted Jaccard similarity of two sentences' anchors, in ``[0, 1]``."""
    return weighted_jaccard(a.keys(), b.keys())
