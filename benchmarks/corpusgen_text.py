"""Sentences of the synthetic corpus (``corpusgen.py``): story facts, sentence plans, and
their rendering in each language (frames of ``corpusgen_lex``, locale numbers and dates,
CLDR quantities from babel, French elision). Split from ``corpusgen.py`` to keep modules
small; ``corpusgen`` re-exports what its callers and tests use.
"""

from __future__ import annotations

import functools
import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import corpusgen_lex as lex
import corpusgen_pool as pool

LANGS = pool.LANGS
_FR_ELISION = re.compile(r"\b([dDlLjJ]|[qQ]u)e (?=[AEIOUYÉÈÊÀ])")
_TOKEN = re.compile(r"\{([A-Z]+)\}|\[([^|\]]*)\|([^\]]*)\]")

# A compiled template: literal text, a slot name, or a masculine/feminine pair (2: agreeing
# with PERSON, 3: with PERSON2; frames only).
_Piece = tuple[int, str, str]  # (0, text, "") | (1, slot, "") | (2|3, masculine, feminine)

# Frames (corpusgen_lex): literal text, a slot (name, QTY position), or a gendered pair
# agreeing with PERSON ("[m|f]", which 1) or PERSON2 ("<m|f>", which 2).
_FRAME_TOKEN = re.compile(
    r"\{([A-Z0-9]+)(?::[a-z\-|]+)?\}|\[([^|\]]*)\|([^\]]*)\]|<([^|>]*)\|([^>]*)>"
)


def _compile(template: str, token: re.Pattern[str] = _TOKEN) -> tuple[_Piece, ...]:
    """``template`` cut by ``token`` (:data:`_TOKEN` for headlines and pool sentences,
    :data:`_FRAME_TOKEN` for frames)."""
    pieces: list[_Piece] = []
    pos = 0
    for m in token.finditer(template):
        if m.start() > pos:
            pieces.append((0, template[pos : m.start()], ""))
        if m.group(1):
            pieces.append((1, m.group(1), ""))
        elif m.group(2) is not None:
            pieces.append((2, m.group(2), m.group(3)))
        else:
            pieces.append((3, m.group(4), m.group(5)))
        pos = m.end()
    if pos < len(template):
        pieces.append((0, template[pos:], ""))
    return tuple(pieces)


_HEAD_T = {lang: tuple(_compile(t) for t in pool.HEADLINES[lang]) for lang in LANGS}
_HEAD_HAS_NUMBER = tuple("{NUMBER}" in t for t in pool.HEADLINES["en"])
_FRAME_T = {lang: tuple(_compile(t, _FRAME_TOKEN) for t in lex.FRAMES[lang]) for lang in LANGS}
_FRAME_SLOTS = tuple(frozenset(lex.slots_of(t)) for t in lex.FRAMES["en"])
_FRAME_UNITS = tuple(lex.qty_units(t) for t in lex.FRAMES["en"])
_BABEL_LOCALE = {"no": "nb"}


def format_number(n: int, lang: str) -> str:
    """4,500 (en) / 4.500 (de, es) / 4 500 with U+202F (ru, uk, fr, no)."""
    s = f"{n:,}"
    if lang == "en":
        return s
    return s.replace(",", "." if lang in ("de", "es") else "\u202f")


def format_date(day: int, month: int, lang: str) -> str:
    """Day and month as a newspaper in ``lang`` writes them."""
    name = pool.MONTHS[lang][month - 1]
    if lang == "en":
        return f"{name} {day}"
    if lang in ("de", "no"):
        return f"{day}. {name}"
    if lang == "es":
        return f"{day} de {name}"
    if lang == "fr" and day == 1:
        return f"1er {name}"
    return f"{day} {name}"


@dataclass(frozen=True, slots=True)
class Facts:
    """The facts of one story: indices into the generated lexicons (``corpusgen_lex``).

    Three people (each with a role), three places and three organisations; every sentence
    names some of them, so the facts recur through the story and rarely elsewhere.
    """

    persons: tuple[int, int, int]
    roles: tuple[int, int, int]
    cities: tuple[int, int, int]
    orgs: tuple[int, int, int]
    month: int
    day: int


#: One sentence: (frame, NUMBER, NUMBER2, QTY numbers and unit choices, entity picks
#: (person, person2, city, city2, org, org2) as positions in the story's Facts).
Sentence = tuple[int, int, int, tuple[tuple[int, int], ...], tuple[int, int, int, int, int, int]]
Paragraph = tuple[Sentence, ...]


def _draw_number(rng: random.Random) -> int:
    # Multiples of ten, so Slavic plural forms after the number are always right.
    if rng.random() < 0.35:
        return rng.randrange(2, 100) * 10
    return rng.randrange(100, 10000) * 10


#: Ranks drawn Zipf-like are spread over each lexicon by this multiplier (coprime with
#: every lexicon size), so common names are not all one first name or one syllable.
_SCRAMBLE = 7919
_ZIPF = 2.5  # rank = size * u**_ZIPF: about 3 % of draws fall on the 0.1 % commonest


def _zipf(rng: random.Random, size: int) -> int:
    rank = min(size - 1, int(size * rng.random() ** _ZIPF))
    return rank * _SCRAMBLE % size


def _distinct(rng: random.Random, size: int, k: int) -> tuple[int, ...]:
    out: list[int] = []
    while len(out) < k:
        x = _zipf(rng, size)
        if x not in out:
            out.append(x)
    return tuple(out)


def _roles_for(domain: str) -> tuple[list[int], list[int]]:
    own = [i for i, d in enumerate(lex.ROLE_DOMAINS) if d == domain]
    return own, own + [i for i, d in enumerate(lex.ROLE_DOMAINS) if d == "generic"]


def _random_facts(rng: random.Random, when: datetime, domain: str) -> Facts:
    event = when - timedelta(days=rng.randrange(4))
    own, wider = _roles_for(domain)
    p = _distinct(rng, lex.N_PERSONS, 3)
    c = _distinct(rng, lex.N_CITIES, 3)
    o = _distinct(rng, lex.N_ORGS, 3)
    roles = (rng.choice(own), rng.choice(wider), rng.choice(wider))
    return Facts(p, roles, c, o, event.month, event.day)  # type: ignore[arg-type]


def _pick_pair(rng: random.Random) -> tuple[int, int]:
    first = rng.choices((0, 1, 2), (0.6, 0.25, 0.15))[0]
    return first, rng.choice([x for x in (0, 1, 2) if x != first])


def _sentence(rng: random.Random, frame: int) -> Sentence:
    slots = _FRAME_SLOTS[frame]
    n1 = _draw_number(rng) if "NUMBER" in slots else 0
    n2 = _draw_number(rng) if "NUMBER2" in slots else 0
    qty = tuple(
        (
            rng.randint(2, 40) if units[0].startswith("duration") else _draw_number(rng),
            rng.randrange(len(units)),
        )
        for units in _FRAME_UNITS[frame]
    )
    ents = (*_pick_pair(rng), *_pick_pair(rng), *_pick_pair(rng))
    return frame, n1, n2, qty, ents  # type: ignore[return-value]


def _original_paras(
    rng: random.Random, domain: str, avoid: frozenset[int] = frozenset()
) -> tuple[Paragraph, ...]:
    """6-14 sentences: the lede and 2-5 more from the domain's frames, the rest generic.

    Frames in ``avoid`` are used only when nothing else is left (a same-event story written
    independently of another one uses other sentence frames).
    """
    own = [i for i, d in enumerate(lex.FRAME_DOMAINS) if d == domain]
    generic = [i for i, d in enumerate(lex.FRAME_DOMAINS) if d == "generic"]

    def pick(pool_: list[int], k: int) -> list[int]:
        fresh = [i for i in pool_ if i not in avoid]
        first = rng.sample(fresh, min(k, len(fresh)))
        rest = [i for i in pool_ if i in avoid]
        return first + rng.sample(rest, min(len(rest), k - len(first)))

    target = rng.randint(6, 14)
    chosen = pick(own, rng.randint(3, min(6, target)))
    rest = chosen[1:] + pick(generic, target - len(chosen))
    rng.shuffle(rest)
    sents = [_sentence(rng, i) for i in [chosen[0], *rest]]
    paras: list[Paragraph] = []
    pos = 0
    while pos < len(sents):
        size = 1 if pos == 0 and rng.random() < 0.5 else rng.randint(1, 3)
        paras.append(tuple(sents[pos : pos + size]))
        pos += size
    return tuple(paras)


def _same_gender_person(rng: random.Random, index: int) -> int:
    """Another generated person of the same gender (rewrites change a name)."""
    while True:
        other = _zipf(rng, lex.N_PERSONS)
        if other != index and lex.gender(other) == lex.gender(index):
            return other


_CYRILLIC = frozenset({"ru", "uk"})


@dataclass(frozen=True, slots=True)
class _Values:
    """A story's facts as one language writes them (cached per language and facts)."""

    persons: tuple[str, ...]
    female: tuple[bool, ...]
    roles: tuple[str, ...]
    cities: tuple[str, ...]
    orgs: tuple[str, ...]
    date: str


def _finish(text: str, lang: str) -> str:
    """French elision (de Anna -> d'Anna) and a capital first letter (roles are lower case)."""
    if lang == "fr":
        text = _FR_ELISION.sub(r"\1'", text)
    return text[:1].upper() + text[1:]


@functools.cache
def _unit_pattern(unit: str, lang: str, form: str) -> str:
    from babel.numbers import format_decimal
    from babel.units import format_unit

    locale = _BABEL_LOCALE.get(lang, lang)
    sample = {"one": 1, "few": 3, "many": 5, "other": 7}.get(form, 7)
    text = format_unit(sample, unit, locale=locale).replace("\xa0", " ")
    return text.replace(format_decimal(sample, locale=locale), "{0}", 1)


def quantity(n: int, unit: str, lang: str) -> str:
    """``n`` with a CLDR unit in ``lang``'s plural form: 4,500 tonnes / 4 500 тонн."""
    form = _plural_form(_BABEL_LOCALE.get(lang, lang), n)
    return _unit_pattern(unit, lang, form).replace("{0}", format_number(n, lang))


@functools.cache
def _locale(code: str) -> Any:
    from babel import Locale

    return Locale.parse(code)


def _plural_form(code: str, n: int) -> str:
    return str(_locale(code).plural_form(n))


_TRANSLIT = str.maketrans(pool.TRANSLIT)
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, limit: int = 60) -> str:
    """ASCII URL slug (Cyrillic transliterated)."""
    return _NON_SLUG.sub("-", text.lower().translate(_TRANSLIT)).strip("-")[:limit].strip("-")
