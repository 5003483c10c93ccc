"""Numbers in one sentence, read with the rules of its language, as ``number`` facts.

Contract:
    ``numbers(text, lang)`` returns the :class:`~storytrace.diff.model.Fact` s of kind
    ``"number"`` in ``text``, sorted by ``start``, never overlapping. ``value`` is language
    free (see :mod:`storytrace.diff.model`): ``"22000"``, ``"1.8"``, ``"60%"``,
    ``"60-70%"``, ``"150th"``, ``"~1000s"`` ("thousands", "тысячи", "Tausende"). ``detail``
    is a space-separated list of tags the comparer reads (:func:`tags`):

    * ``year``: a bare four-digit 1900-2099 (dates take precedence over such numbers);
    * ``word``: a small cardinal or an ordinal up to 10th written as a word ("three",
      "drei", "tredje", "третий"); it pairs with digits but is weak on its own;
    * ``vague``: an order of magnitude ("thousands"), ``ord``: an ordinal, ``pct``, ``range``;
    * ``alt=V``: the value of the other reading of an ambiguous group ("1.351" is 1351 with
      a thousands dot, 1.351 with a decimal point): the comparer treats a pair that only
      agrees under the other reading as a format artefact, not as a changed value;
    * ``fmt=K``: why the surface form is foreign to ``lang`` (``foreign`` is then true):
      ``dot-thousands``, ``comma-thousands``, ``comma-decimal``, ``dot-decimal``,
      ``dot-ordinal``.

Locale rules. The decimal mark of a language comes from babel's CLDR data
(:func:`decimal_mark`: ``.`` for en, ``,`` for de, no, ru, uk, fr, es). The other mark is
the thousands separator; spaces (U+0020, U+00A0, U+202F) group thousands everywhere.
A single ``.``/``,`` followed by exactly three digits ("1.351", "22,000") is ambiguous:

* in a comma-decimal language, a dot groups thousands (German, Norwegian "1.000") and a
  comma is a decimal mark ("1,351" is 1.351, with ``alt=1351``);
* in English a comma groups thousands, and a dot before three digits is read as a German
  thousands dot in text translated from German (``1.000`` → ``1000``, ``foreign``),
  unless a scale word follows ("1.351 billion" is a decimal).

Why not ``babel.numbers.parse_decimal`` for the reading itself: measured, it reads ``"1.000"``
in ``nb`` as 1 (non-strict) and rejects ``"1 500"`` with an ordinary space (strict), while
Norwegian news writes both for 1,000 and 1,500; it also cannot report *which* reading it
chose. babel supplies the locale's marks; the grouping rules above are ours.

Limits: number words beyond the small tables (compound cardinals such as "twenty-three",
"dreiundzwanzig", Russian case forms beyond the common ones) are not read; "from 60 to 70"
(after en "from", de "von", no "fra", ru "с", uk "з", fr/es "de") is two values, so a
translation that writes it as a range ("60-70", Russian "от 60 до 70") differs; an English
decimal with exactly three fraction digits and no scale word ("1.351") is read as German
thousands by design; units and currencies are not part of the value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..ingest.language import normalise_code
from .model import Fact, overlaps

_SPACES = " \u00a0\u202f"
# Digit groups: "1.000.000,5", "22 000", "1,8", "2022". Not after a letter, a mark or a colon
# ("10:30", "F-16" stay out), not followed by more digits or a mark and a digit.
_NUM = re.compile(
    r"(?<![\w.,:/])(?<![^\W\d]-)"
    r"(?:\d{1,3}(?P<g>[.,\u00a0\u202f ])\d{3}(?:(?P=g)\d{3})*(?:(?!(?P=g))[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?)"
    r"(?!\d|[.,:/]\d)"
)
_PCT = re.compile(
    r"[ \u00a0\u202f]?(?:%|‰|per[ \u00a0]?cent\b|percent\b|prozent\b|prosent\b|"
    r"процент\w*|відсот\w*|pour[ \u00a0]?cent\b|por[ \u00a0]?ciento\b)",
    re.IGNORECASE,
)
_ORD_SUFFIX = {
    "en": re.compile(r"(?:st|nd|rd|th)\b"),
    "ru": re.compile(r"-(?:й|я|е|го|му|м|х|ю|ой|ий|ая|ое|ые|ых|ым|ого|ому)\b"),
    "uk": re.compile(r"-(?:й|а|е|го|му|м|х|ї|і|та|те|ті|ий|ого|ому|ої)\b"),
    "fr": re.compile(r"(?:er|re|e|ème|eme|ᵉ|ᵉʳ)\b"),
    "es": re.compile(r"\.?[ºª]"),
}
_NEXT_WORD = re.compile(r"\. ([^\W\d_][\w-]*)")
_PREV_WORD = re.compile(r"([^\W\d_]+)\s+$")
# Words before a German or Norwegian ordinal ("am 150. Tag", "den 3. brigaden").
_ORD_ARTICLES = frozenset(
    "der die das den dem des am im zum zur vom beim seit ab bis ihr ihre ihrem seinem "
    "seiner det de en ei et hans hennes sin sitt sine the".split()
)
_TIME_BEFORE = re.compile(r"(?:\bkl\.?|\bklokka|\bklokken|\bum|\bgegen|\bat|\bà|\bvers)\s*$")
_CLOCK_BEFORE = re.compile(r"(?:\bkl\.?|\bklokka|\bklokken)\s*$")
_TIME_AFTER = re.compile(r"\s*(?:uhr\b|h\b|a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE)
_CLOCK_TIME = re.compile(r"\d{1,2}\.\d{2}")  # "10.30"
_HOUR = re.compile(r"\d{1,2}")
_INTEGER = re.compile(r"\d+")
_DASH = re.compile(r"-|\s*[–—]\s*")

# Scale words after a number; the longest alternative first ("mil millones" before "mil").
_SCALES: dict[str, dict[str, int]] = {
    "en": {"thousand": 10**3, "million": 10**6, "millions": 10**6, "mln": 10**6,
           "billion": 10**9, "billions": 10**9, "bn": 10**9, "trillion": 10**12,
           "dozen": 12},
    "de": {"tausend": 10**3, "million": 10**6, "millionen": 10**6, "mio": 10**6,
           "milliarde": 10**9, "milliarden": 10**9, "mrd": 10**9, "billion": 10**12,
           "billionen": 10**12, "dutzend": 12},
    "no": {"tusen": 10**3, "million": 10**6, "millioner": 10**6, "mill": 10**6,
           "mln": 10**6, "milliard": 10**9, "milliarder": 10**9, "mrd": 10**9,
           "billion": 10**12, "billioner": 10**12, "dusin": 12},
    "ru": {"тысяча": 10**3, "тысячи": 10**3, "тысяч": 10**3, "тыс": 10**3,
           "миллион": 10**6, "миллиона": 10**6, "миллионов": 10**6, "млн": 10**6,
           "миллиард": 10**9, "миллиарда": 10**9, "миллиардов": 10**9, "млрд": 10**9,
           "триллион": 10**12, "триллиона": 10**12, "триллионов": 10**12, "трлн": 10**12,
           "дюжины": 12, "дюжина": 12},
    "uk": {"тисяча": 10**3, "тисячі": 10**3, "тисяч": 10**3, "тис": 10**3,
           "мільйон": 10**6, "мільйона": 10**6, "мільйони": 10**6, "мільйонів": 10**6,
           "млн": 10**6, "мільярд": 10**9, "мільярди": 10**9, "мільярда": 10**9,
           "мільярдів": 10**9, "млрд": 10**9, "трильйон": 10**12, "трильйона": 10**12,
           "трильйони": 10**12, "трильйонів": 10**12, "трлн": 10**12},
    "fr": {"mille": 10**3, "million": 10**6, "millions": 10**6, "milliard": 10**9,
           "milliards": 10**9, "billion": 10**12, "billions": 10**12, "douzaine": 12,
           "douzaines": 12},
    "es": {"mil millones": 10**9, "mil": 10**3, "millón": 10**6, "millones": 10**6,
           "millardo": 10**9, "millardos": 10**9, "billón": 10**12, "billones": 10**12,
           "docena": 12, "docenas": 12},
}  # fmt: skip

# Small cardinals as words; 1 ("a", "one", "ein") only counts before a scale word.
_ONES = {
    "en": "a an one",
    "de": "ein eine einen einer",
    "no": "en ei ett",
    "ru": "один одна одну",
    "uk": "один одна одну",
    "fr": "un une",
    "es": "un una uno",
}
_WORDS: dict[str, list[str]] = {
    "en": "- two three four five six seven eight nine ten eleven twelve".split()
    + "twenty thirty forty fifty sixty seventy eighty ninety hundred".split(),
    "de": "- zwei drei vier fünf sechs sieben acht neun zehn elf zwölf".split()
    + "zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig hundert".split(),
    "no": "- to tre fire fem seks sju åtte ni ti elleve tolv".split()
    + "tjue tretti førti femti seksti sytti åtti nitti hundre".split(),
    "ru": "- два|две|двух|двое|двоих три|трёх|трех|трое|троих четыре|четырёх|четырех|четверо"
    " пять|пяти|пятеро шесть|шести семь|семи восемь|восьми девять|девяти десять|десяти"
    " одиннадцать двенадцать|двенадцати".split()
    + "двадцать|двадцати тридцать|тридцати сорок|сорока пятьдесят|пятидесяти".split()
    + "шестьдесят семьдесят восемьдесят девяносто сто|ста".split(),
    "uk": "- два|дві|двох|двоє три|трьох|троє чотири|чотирьох|четверо п'ять|п'яти|п'ятеро"
    " шість|шести сім|семи вісім|восьми дев'ять|дев'яти десять|десяти одинадцять"
    " дванадцять|дванадцяти".split()
    + "двадцять|двадцяти тридцять|тридцяти сорок|сорока п'ятдесят|п'ятдесяти".split()
    + "шістдесят сімдесят вісімдесят дев'яносто сто|ста".split(),
    "fr": "- deux trois quatre cinq six sept huit neuf dix onze douze".split()
    + "vingt trente quarante cinquante soixante soixante-dix quatre-vingts"
    " quatre-vingt-dix cent".split(),
    "es": "- dos tres cuatro cinco seis siete ocho nueve diez once doce".split()
    + "veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa cien|ciento".split(),
}
_TENS = [20, 30, 40, 50, 60, 70, 80, 90, 100]

# Ordinals 1-10 as words: (stem alternatives, endings). Words that are also common other
# words are left out ("second", Norwegian "andre" = "other", Spanish "cuarto" = "room").
_ORD_WORDS: dict[str, tuple[list[str], str]] = {
    "en": ("first - third fourth fifth sixth seventh eighth ninth tenth".split(), ""),
    "de": ("erst zweit dritt viert fünft sechst sieb|siebt acht neunt zehnt".split(),
           "e|en|er|es|em"),
    "no": ("første - tredje fjerde femte sjette sjuende|syvende åttende niende tiende".split(),
           ""),
    "ru": ("перв втор трет|треть четвёрт|четверт пят шест седьм восьм девят десят".split(),
           "ый|ой|ий|ая|ое|ые|ого|ому|ым|ом|ую|ых|ья|ье|ьего|ьей|ьем|ью|ьи|ей"),
    "uk": ("перш - трет|трет' четверт п'ят|п’ят шост сьом восьм дев'ят|дев’ят десят".split(),
           "ий|ій|а|я|е|є|ого|ього|ої|ьої|ому|ьому|у|ю|і|их|іх"),
    "fr": ("premier|première|premiers|premières|1re - troisième quatrième cinquième sixième "
           "septième huitième neuvième dixième".split(), ""),
    "es": ("primer|primero|primera - tercer|tercero|tercera - quinto|quinta sexto|sexta "
           "séptimo|séptima octavo|octava noveno|novena décimo|décima".split(), ""),
}  # fmt: skip

# Orders of magnitude and fixed phrases that carry a number without digits.
_VAGUE: dict[str, list[tuple[str, str]]] = {
    "en": [("tens of thousands", "~10000s"), ("hundreds of thousands", "~100000s"),
           ("half a million", "500000"), ("thousands", "~1000s"), ("hundreds", "~100s"),
           ("dozens", "~10s"), ("millions", "~1000000s")],
    "de": [("zehntausende", "~10000s"), ("hunderttausende", "~100000s"),
           ("eine halbe million", "500000"), ("tausende", "~1000s"), ("hunderte", "~100s"),
           ("dutzende", "~10s"), ("millionen", "~1000000s")],
    "no": [("titusenvis", "~10000s"), ("hundretusenvis", "~100000s"),
           ("en halv million", "500000"), ("tusenvis", "~1000s"), ("hundrevis", "~100s"),
           ("dusinvis", "~10s"), ("titalls", "~10s"), ("millioner", "~1000000s")],
    "ru": [("десятки тысяч", "~10000s"), ("десятков тысяч", "~10000s"),
           ("сотни тысяч", "~100000s"), ("сотен тысяч", "~100000s"),
           ("полмиллиона", "500000"), ("тысячи", "~1000s"), ("тысяч", "~1000s"),
           ("сотни", "~100s"), ("сотен", "~100s"), ("десятки", "~10s"), ("десятков", "~10s"),
           ("миллионы", "~1000000s"), ("миллионов", "~1000000s"), ("тысяча", "1000"),
           ("миллион", "1000000"), ("миллиард", "1000000000")],
    "uk": [("десятки тисяч", "~10000s"), ("десятків тисяч", "~10000s"),
           ("сотні тисяч", "~100000s"), ("сотень тисяч", "~100000s"),
           ("півмільйона", "500000"), ("тисячі", "~1000s"), ("тисяч", "~1000s"),
           ("сотні", "~100s"), ("сотень", "~100s"), ("десятки", "~10s"), ("десятків", "~10s"),
           ("мільйони", "~1000000s"), ("мільйонів", "~1000000s"), ("тисяча", "1000"),
           ("мільйон", "1000000"), ("мільярд", "1000000000")],
    "fr": [("dizaines de milliers", "~10000s"), ("centaines de milliers", "~100000s"),
           ("un demi-million", "500000"), ("milliers", "~1000s"), ("centaines", "~100s"),
           ("dizaines", "~10s"), ("douzaines", "~10s"), ("millions", "~1000000s")],
    "es": [("decenas de miles", "~10000s"), ("cientos de miles", "~100000s"),
           ("medio millón", "500000"), ("miles", "~1000s"), ("cientos", "~100s"),
           ("centenares", "~100s"), ("decenas", "~10s"), ("docenas", "~10s"),
           ("millones", "~1000000s")],
}  # fmt: skip

# Range connectors between two numbers ("60-70", "60 to 70"); "between A and B" forms.
_RANGE_WORDS = {"en": "to", "de": "bis", "no": "til", "ru": "до", "uk": "до", "fr": "à",
                "es": "a|al"}  # fmt: skip
_BETWEEN = {
    "en": ("between", "and"), "de": ("zwischen", "und"), "no": ("mellom", "og"),
    "ru": ("между", "и"), "uk": ("між", "і|та"), "fr": ("entre", "et"), "es": ("entre", "y"),
}  # fmt: skip
# "from 60 to 70" is a change, not a range: after these words the two stay separate facts
# (Russian "от 60 до 70" and Ukrainian "від 60 до 70" are ranges, "с 60 до 70" changes).
_FROM = {"en": "from", "de": "von", "no": "fra", "ru": "с|со", "uk": "з|із",
         "fr": "de", "es": "de|desde"}  # fmt: skip
_CHANGE_TO = {"en": "to", "de": "auf|bis", "no": "til", "ru": "до|на", "uk": "до|на",
              "fr": "à", "es": "a|hasta"}  # fmt: skip


def norm_lang(lang: str | None) -> str | None:
    """``"nb"``/``"nn"``/``"no-NO"`` → ``"no"``, ``"en-GB"`` → ``"en"``; ``None`` stays."""
    code = normalise_code(lang)
    return "no" if code == "nn" else code


@lru_cache(maxsize=64)
def decimal_mark(lang: str | None) -> str | None:
    """The decimal mark of ``lang`` from babel's CLDR data, or ``None`` when unknown."""
    code = norm_lang(lang)
    if code is None:
        return None
    from babel.core import UnknownLocaleError
    from babel.numbers import get_decimal_symbol

    try:
        mark = str(get_decimal_symbol("nb" if code == "no" else code))
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    return mark if mark in ".," else None


def canon(value: Decimal) -> str:
    """Canonical decimal string: ``Decimal("22000.0")`` → ``"22000"``, 1.80 → ``"1.8"``."""
    if value == value.to_integral_value():
        return str(int(value))
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def ordinal(n: int) -> str:
    """``150`` → ``"150th"``, ``1`` → ``"1st"``, ``12`` → ``"12th"``."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def tags(fact: Fact) -> dict[str, str]:
    """The ``detail`` tags of a fact as a dict (flags map to ``""``)."""
    return tags_of(fact.detail)


def tags_of(detail: str) -> dict[str, str]:
    """Space-separated ``key=value`` tags (or bare flags) as a dict, as :func:`tags`."""
    out: dict[str, str] = {}
    for item in detail.split():
        key, _, val = item.partition("=")
        out[key] = val
    return out


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    value: Decimal
    alt: Decimal | None = None
    fmt: str = ""
    pct: bool = False
    ord: bool = False
    word: bool = False
    year: bool = False
    scaled: bool = False
    factor: int = 1


def alternation(words: list[str]) -> str:
    """A regex alternation of the distinct ``words``, longest first (so the longest wins)."""
    return "|".join(re.escape(w) for w in sorted(dict.fromkeys(words), key=len, reverse=True))


@lru_cache(maxsize=32)
def _scale_re(lang: str | None) -> re.Pattern[str]:
    table = _SCALES.get(lang or "", {})
    words = list(table) or [w for t in _SCALES.values() for w in t if len(w) > 3]
    if lang != "en":
        words += ["million", "billion"]  # English scale words survive in any text
    alt = alternation(sorted(words))
    return re.compile(rf"[ \u00a0\u202f]?(?:{alt})(?!\w)\.?", re.IGNORECASE)


def _scale_of(lang: str | None, word: str) -> int:
    key = word.casefold().rstrip(".").replace("\u00a0", " ").strip()
    for table in ([_SCALES[lang]] if lang in _SCALES else []) + list(_SCALES.values()):
        if key in table:
            return table[key]
    return 1


@lru_cache(maxsize=32)
def _word_re(lang: str) -> tuple[re.Pattern[str], dict[str, int]]:
    """One regex for the number words of ``lang`` and their (case-folded) values."""
    values: dict[str, int] = {w: 1 for w in _ONES[lang].split()}
    for i, forms in enumerate(_WORDS[lang][1:12], start=2):
        values.update({f: i for f in forms.split("|")})
    for n, forms in zip(_TENS, _WORDS[lang][12:], strict=True):
        values.update({f: n for f in forms.split("|")})
    variants = dict(values)
    for w, n in values.items():
        if "'" in w:
            variants[w.replace("'", "’")] = n
    pattern = re.compile(rf"(?<!\w)(?:{alternation(list(variants))})(?!\w)", re.IGNORECASE)
    # callers look a match up by its casefold: "dreißig" folds to "dreissig"
    return pattern, variants | {w.casefold(): n for w, n in variants.items()}


@lru_cache(maxsize=32)
def word_values(lang: str | None) -> dict[str, int]:
    """Small cardinal words of ``lang`` (1-12, tens, hundred; 1 includes articles) → value."""
    code = norm_lang(lang)
    return dict(_word_re(code)[1]) if code in _WORDS else {}


@lru_cache(maxsize=32)
def _ord_word_re(lang: str) -> tuple[re.Pattern[str], list[int]]:
    """One regex for the ordinal words of ``lang``; group ``o<i>`` holds ordinal ``n``."""
    stems, endings = _ORD_WORDS[lang]
    groups: list[str] = []
    values: list[int] = []
    for n, alts in enumerate(stems, start=1):
        if alts == "-":
            continue
        body = "|".join(re.escape(a) for a in alts.split("|"))
        tail = f"(?:{endings})" if endings else ""
        groups.append(f"(?P<o{len(values)}>(?:{body}){tail})")
        values.append(n)
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(groups)})(?!\w)", re.IGNORECASE)
    return pattern, values


@lru_cache(maxsize=32)
def _vague_re(lang: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<!\w)(?:{alternation([p for p, _ in _VAGUE[lang]])})(?!\w)", re.IGNORECASE
    )


_VAGUE_VALUES = {lang: dict(pairs) for lang, pairs in _VAGUE.items()}
# fixed phrases ("half a million") keep their words from being read one by one
_VAGUE_EXACT = {
    lang: frozenset(p for p, v in pairs if not v.startswith("~")) for lang, pairs in _VAGUE.items()
}


def _read_digits(tok: str, g: str | None, mark: str | None, scaled: bool) -> _Tok:
    """Value, other reading and foreign format of one digit token (module docstring)."""
    t = _Tok(0, len(tok), Decimal(0))
    if g is None:
        sep = next((c for c in tok if c in ".,"), None)
        if sep is None:
            t.value = Decimal(tok)
            t.year = len(tok) == 4 and 1900 <= int(tok) <= 2099
            return t
        t.value = Decimal(tok.replace(sep, "."))
        if mark is not None and sep != mark:
            t.fmt = "comma-decimal" if sep == "," else "dot-decimal"
        return t
    head, _, frac = tok.partition(next((c for c in tok[::-1] if c in ".," and c != g), "\0"))
    groups = head.split(g)
    thousands = Decimal("".join(groups) + ("." + frac if frac else ""))
    if g in _SPACES:
        t.value = thousands
        return t
    if len(groups) > 2 or frac:
        t.value = thousands
        if mark == "." and g == ".":
            t.fmt = "dot-thousands"
        elif mark == "," and g == ",":
            t.fmt = "comma-thousands"
        return t
    decimal = Decimal(groups[0] + "." + groups[1])
    if mark == "." and g == "." and scaled:
        t.value, t.alt = decimal, thousands
    elif mark == "." and g == ".":
        t.value, t.alt, t.fmt = thousands, decimal, "dot-thousands"
    elif mark == "," and g == ",":
        t.value, t.alt = decimal, thousands
    else:
        t.value, t.alt = thousands, decimal
    return t


def _digit_tokens(text: str, lang: str | None) -> list[_Tok]:
    mark = decimal_mark(lang)
    scale_re = _scale_re(lang)
    out: list[_Tok] = []
    for m in _NUM.finditer(text):
        start, end = m.span()
        raw = m.group()
        after = text[end:]
        sm = scale_re.match(after)
        tok = _read_digits(raw, m.group("g"), mark, sm is not None)
        tok.start, tok.end = start, end
        if _CLOCK_TIME.fullmatch(raw) and int(raw[-2:]) < 60:
            before = text[max(0, start - 12) : start].casefold()
            if _TIME_BEFORE.search(before) or _TIME_AFTER.match(after):
                continue  # a clock time "kl. 10.30", "10.30 Uhr": not a quantity
        if (
            sm is None
            and _HOUR.fullmatch(raw)
            and int(raw) <= 24
            and (_CLOCK_BEFORE.search(text[max(0, start - 12) : start].casefold())
                 or _TIME_AFTER.match(after))
        ):  # fmt: skip
            continue  # an hour "9 p.m.", "klokka 21", "20 Uhr": a time of day, not a quantity
        if sm is not None:
            factor = _scale_of(lang, sm.group())
            tok.value *= factor
            tok.alt = tok.alt * factor if tok.alt is not None else None
            tok.end += len(sm.group().rstrip("."))
            tok.scaled, tok.year, tok.factor = True, False, factor
            after = text[tok.end :]
        if pm := _PCT.match(after):
            tok.pct, tok.year = True, False
            tok.end += len(pm.group())
        elif _INTEGER.fullmatch(raw) and not tok.scaled:
            _ordinal_suffix(text, tok, lang)
        out.append(tok)
    return out


def _ordinal_suffix(text: str, tok: _Tok, lang: str | None) -> None:
    """Mark ``tok`` as an ordinal when a suffix or an ordinal dot follows it."""
    after = text[tok.end :]
    suffix = _ORD_SUFFIX.get(lang or "")
    if suffix is not None and (sm := suffix.match(after)):
        tok.ord, tok.year = True, False
        tok.end += len(sm.group())
        return
    if lang not in ("en", "de", "no") or len(text[tok.start : tok.end]) > 3:
        return
    nm = _NEXT_WORD.match(after)
    if nm is None:
        return
    pm = _PREV_WORD.search(text, 0, tok.start)
    prev = pm.group(1).casefold() if pm else ""
    nxt = nm.group(1)
    if nxt[0].islower() or prev in _ORD_ARTICLES:
        tok.ord, tok.year = True, False
        tok.end += 1
        if lang == "en":
            tok.fmt = "dot-ordinal"


def _word_tokens(text: str, lang: str, taken: list[tuple[int, int]]) -> list[_Tok]:
    pattern, values = _word_re(lang)
    scale_re = _scale_re(lang)
    out: list[_Tok] = []
    for m in pattern.finditer(text):
        if overlaps(m.span(), taken):
            continue
        n = values[m.group().casefold()]
        tok = _Tok(m.start(), m.end(), Decimal(n), word=True)
        sm = scale_re.match(text, m.end())
        if sm is not None and not overlaps(sm.span(), taken):
            tok.factor = _scale_of(lang, sm.group())
            tok.value *= tok.factor
            tok.end = sm.end() - (1 if sm.group().endswith(".") else 0)
            tok.word, tok.scaled = False, True
        elif n == 1:
            continue  # "a", "one", "ein": an article far more often than a fact
        if pm := _PCT.match(text, tok.end):
            tok.pct = True
            tok.end = pm.end()
        out.append(tok)
    return out


@dataclass(frozen=True, slots=True)
class _RangeRes:
    """The connector patterns of :func:`_merge_ranges` for one language."""

    to: re.Pattern[str]  # the gap of "60 to 70"
    between: tuple[re.Pattern[str], re.Pattern[str]] | None  # "between" before, "and" gap
    frm: re.Pattern[str]  # "from" before A
    change_to: re.Pattern[str]  # the gap of "from 60 to 70"


@lru_cache(maxsize=32)
def _range_res(lang: str | None) -> _RangeRes:
    key = lang or ""

    def gap(words: str) -> re.Pattern[str]:
        return re.compile(rf"\s+(?:{words})\s+", re.IGNORECASE)

    def before(words: str) -> re.Pattern[str]:  # matched against case-folded text
        return re.compile(rf"(?<!\w)(?:{words})\s+$")

    between = _BETWEEN.get(key)
    return _RangeRes(
        gap(_RANGE_WORDS.get(key, "to")),
        (before(between[0]), gap(between[1])) if between else None,
        before(_FROM.get(key, "from")),
        gap(_CHANGE_TO.get(key, "to")),
    )


def _merge_ranges(text: str, toks: list[_Tok], lang: str | None) -> list[tuple[_Tok, _Tok | None]]:
    """Join ``A <to> B`` into ranges; after "from" keep both, giving A the unit of B."""
    res = _range_res(lang)
    out: list[tuple[_Tok, _Tok | None]] = []
    i = 0
    while i < len(toks):
        a = toks[i]
        b = toks[i + 1] if i + 1 < len(toks) else None
        if b is None or a.ord or b.ord or a.year or b.year or (a.word and b.word):
            out.append((a, None))
            i += 1
            continue
        gap = text[a.end : b.start]
        head = text[max(0, a.start - 16) : a.start].casefold()
        dash = _DASH.fullmatch(gap) is not None
        ranged = dash or res.to.fullmatch(gap) is not None
        if res.between and res.between[0].search(head):
            ranged = ranged or res.between[1].fullmatch(gap) is not None
        after_from = res.frm.search(head) is not None
        changed = after_from and res.change_to.fullmatch(gap) is not None
        if ranged and not dash and a.value > b.value:
            ranged = False  # "voted 31 to 12": a count against a count, ranges go up
        if not (ranged or changed):
            out.append((a, None))
            i += 1
            continue
        # the unit and scale written once apply to both ends: "60 to 70 %", "2-3 million"
        a.pct = a.pct or b.pct
        if b.factor > 1 and a.factor == 1:
            a.value *= b.factor
            a.alt = a.alt * b.factor if a.alt is not None else None
            a.factor = b.factor
        if after_from and not dash:
            out.extend([(a, None), (b, None)])
        else:
            out.append((a, b))
        i += 2
    return out


def _value(tok: _Tok) -> str:
    if tok.ord:
        return ordinal(int(tok.value))
    return canon(tok.value) + ("%" if tok.pct else "")


def _fact(text: str, a: _Tok, b: _Tok | None) -> Fact:
    tg: list[str] = []
    if b is None:
        value = _value(a)
        end = a.end
        for flag, on in (("year", a.year), ("word", a.word), ("ord", a.ord), ("pct", a.pct)):
            if on:
                tg.append(flag)
        if a.alt is not None and not a.ord:
            tg.append(f"alt={canon(a.alt)}{'%' if a.pct else ''}")
        fmt = a.fmt
    else:
        pct = a.pct or b.pct
        value = f"{canon(a.value)}-{canon(b.value)}{'%' if pct else ''}"
        end = b.end
        tg.append("range")
        if pct:
            tg.append("pct")
        fmt = a.fmt or b.fmt
        if a.alt is not None or b.alt is not None:
            alt = f"{canon(a.alt or a.value)}-{canon(b.alt or b.value)}{'%' if pct else ''}"
            tg.append(f"alt={alt}")
    if fmt:
        tg.append(f"fmt={fmt}")
    return Fact("number", a.start, end, text[a.start : end], value, bool(fmt), " ".join(tg))


def numbers(text: str, lang: str | None) -> list[Fact]:
    """The number facts of ``text`` read with the rules of ``lang`` (module docstring)."""
    code = norm_lang(lang)
    toks = _digit_tokens(text, code)
    vague = list(_vague_re(code).finditer(text)) if code in _VAGUE else []
    if code in _WORDS:
        taken = [(t.start, t.end) for t in toks]
        exact = _VAGUE_EXACT.get(code, frozenset())
        taken += [m.span() for m in vague if m.group().casefold() in exact]
        toks += _word_tokens(text, code, taken)
        pattern, ords = _ord_word_re(code)
        for m in pattern.finditer(text):
            if not overlaps(m.span(), taken):
                n = ords[int(str(m.lastgroup)[1:])]  # the group "o<i>" that matched
                toks.append(_Tok(m.start(), m.end(), Decimal(n), ord=True, word=True))
        toks.sort(key=lambda t: t.start)
    facts = [_fact(text, a, b) for a, b in _merge_ranges(text, toks, code)]
    if code in _VAGUE:
        taken = [(f.start, f.end) for f in facts]
        values = _VAGUE_VALUES[code]
        for m in vague:
            if overlaps(m.span(), taken):
                continue
            val = values[re.sub(r"\s+", " ", m.group().casefold())]
            tag = "vague" if val.startswith("~") else ""
            facts.append(Fact("number", m.start(), m.end(), m.group(), val, False, tag))
    facts.sort(key=lambda f: f.start)
    return facts


def parse_number(value: str) -> Decimal | None:
    """The decimal of a plain canonical value (``"22000"``, ``"1.8"``), else ``None``."""
    try:
        return Decimal(value)
    except InvalidOperation:
        return None
