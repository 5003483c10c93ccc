"""Quotations: quoted spans, their speakers, and how they change between aligned passages.

Contract:
    ``quotes(text, lang)`` returns ``Fact(kind="quote")`` records for the spans between
    quotation marks of any style (“…” „…“ «…» »…« ‹…› ‘…’ "…" '…') and for dialogue lines
    opened by a dash ("– Vi er lei, sier han."). Offsets cover the words inside the marks;
    ``value`` is the folded words of the span (English contractions expanded), ``detail`` the
    speaker when the same sentence states one ("…, he said", "said Putin", "Putin said: …",
    "сказал он", "sagte er", "sier han", "a-t-il dit", "dijo"), else ``""``. Quotes nested
    in a longer quote are not reported on their own.
    ``compare_quotes`` is a :data:`~storytrace.diff.model.Comparer`. Within one language it
    pairs the quotes of two aligned passages by word similarity and reports a quote
    **reworded** (similarity below :data:`REWORD_BAR`), **cut short** (the target keeps a
    contiguous part of the source's words), **unquoted** (the words survive as narration) or
    **removed**, and, in any language pair, a quote **attributed to someone else** (both
    speakers stated and different) or one that **lost its attribution**. Across languages the
    wording is never compared (a translation rewords every quote).

Why speakers are compared only when both are of one sort (two names, two pronouns, two noun
phrases in one language): "Putin said" and "he said" routinely stand for one another, so a
name against a pronoun proves nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from .model import Change, Fact, Side, fact_span, lang_base, one_sided, paired
from .names import WORD, names, same_name

#: Word-level similarity (difflib ratio over folded words, plural endings and hyphens
#: ignored) under which a paired quote counts as reworded within one language. Quotes are
#: verbatim by convention, but two machine translations of one quote differ in a word or two
#: ("a radio receiver and could hear" / "a radio and we could listen"): on the seeds' back-
#: translations such pairs scored 0.71-0.85 while rewordings that changed the sense scored
#: 0.00-0.73 (one at 0.86): a word or two changed in a long quote passes, a tense or a noun
#: changed in a short one ("were dying" / "died", 0.73) does not.
REWORD_BAR = 0.75
#: A target quote no longer than this share of its source's words, all of them found in order
#: in the source, is reported as cut short.
CUT_SHARE = 0.85
#: How the note of a quotation the target no longer quotes starts (a rewrite's retelling).
RETOLD_NOTE = "quotation removed or turned into reported speech"

# Pairs of marks, inner span at most 800 characters. Apostrophes inside words ("didn’t",
# "Peter's") are not closing marks: a closing ’ or ' must not be followed by a letter.
_PAIRS = [
    re.compile(r"“([^“”]{1,800}?)[”“]"),
    re.compile(r"„([^„“”]{1,800}?)[“”]"),
    re.compile(r"‹([^‹›]{1,800}?)›"),
    re.compile(r"(?<!\w)‘((?:[^‘’]|’(?=\w)){1,800}?)’(?!\w)"),
    re.compile(r'"([^"]{1,800}?)"'),
    re.compile(r"(?<![\w'])'(?=\S)((?:[^'\n]|(?<=\w)'(?=\w)){1,800}?)(?<=\S)'(?![\w'])"),
]
_GUILLEMETS = re.compile(r"«([^«»]{1,800}?)»")
_GUILLEMETS_DE = re.compile(r"»([^»«]{1,800}?)«")
_MARKS = "“”„«»‹›‘’\"'"
_DIALOGUE = re.compile(r"(?m)^[ \t]*[–—―-][ \t\u00a0]+(?=\S)(.+)$")

_VERBS: dict[str, str] = {
    "en": "said|says|say|told|tells|added|adds|recalled|recalls|explained|explains|wrote|"
    "writes|asked|asks|stated|states|noted|notes|claimed|claims|insisted|insists|continued|"
    "replied|replies|shouted|screamed|warned|warns|argued|argues|admitted|admits|recalls saying"
    "|remembers|remembered|continues|tweeted|posted",
    "de": "sagte|sagt|sagten|erklärte|erklärt|betonte|betont|fügte|schrieb|schreibt|meinte|"
    "meint|erzählt|erzählte|berichtet|berichtete|erinnert sich|erinnerte sich|erinnert|"
    "erinnerte|so|warnte|fragte|antwortete",
    "nb": "sier|sa|sagde|forteller|fortalte|skriver|skrev|la til|legger til|mener|mente|"
    "uttalte|hevder|hevdet|påpeker|påpekte|understreker|svarer|svarte|minnes|husker",
    "ru": "сказал|сказала|сказали|говорит|говорят|говорил|говорила|заявил|заявила|заявили|"
    "отметил|отметила|добавил|добавила|рассказал|рассказала|рассказывает|вспоминает|"
    "вспоминал|пишет|написал|написала|пояснил|пояснила|подчеркнул|подчеркнула|сообщил|"
    "сообщила|признался|признаётся|ответил",
    "uk": "сказав|сказала|сказали|каже|кажуть|говорить|заявив|заявила|заявили|зазначив|"
    "зазначила|додав|додала|розповів|розповіла|розповідає|пише|написав|написала|пояснив|"
    "згадує|наголосив|повідомив",
    "fr": "a dit|dit|déclare|a déclaré|explique|a expliqué|affirme|a affirmé|ajoute|"
    "a ajouté|raconte|a raconté|souligne|a souligné|"
    "se souvient",
    "es": "dijo|dice|afirmó|afirma|declaró|declara|explicó|explica|añadió|añade|señaló|"
    "señala|aseguró|asegura|contó|cuenta|relató|recuerda|recordó|escribió|escribe",
}
_VERBS["no"] = _VERBS["nn"] = _VERBS["da"] = _VERBS["nb"] + "|sagde|siger|fortæller"
_VERBS["sv"] = _VERBS["nb"] + "|säger|sade|berättar|berättade|skriver"
_ACCORDING = {
    "en": r"according to",
    "de": r"laut|nach Angaben von|zufolge",
    "nb": r"ifølge",
    "ru": r"по словам|как сообщил",
    "uk": r"за словами",
    "fr": r"selon|d'après",
    "es": r"según",
}
_ACCORDING["no"] = _ACCORDING["nn"] = _ACCORDING["da"] = _ACCORDING["sv"] = _ACCORDING["nb"]

# Pronoun speakers by sort: m(ale) / f(emale) singular, plural, first person.
_PRONOUNS: dict[str, str] = {
    **dict.fromkeys("he er han il él он він".split(), "m"),
    **dict.fromkeys("she hun hon elle ella она вона".split(), "f"),
    **dict.fromkeys("they ils elles ellos ellas они вони".split(), "pl"),
    **dict.fromkeys("i ich jeg jag je yo я".split(), "1s"),
    **dict.fromkeys("we wir vi nous nosotros мы ми".split(), "1p"),
}
# "sie" (she / they / you) and "de" (they, Norwegian) are left ambiguous on purpose.
_AMBIGUOUS_PRONOUNS = frozenset({"sie", "de", "dem"})
_DETERMINERS = (
    "the|a|an|his|her|their|one|der|die|das|den|ein|eine|einer|le|la|les|un|une|el|los|las|"
    "uno|una|en|et|ei"
)
_DETERMINER_HEAD = re.compile(rf"(?:{_DETERMINERS})\s", re.IGNORECASE)
_POSSESSIVE_S = re.compile(r"'s$")
_PRONOUN_RE = "|".join(sorted(set(_PRONOUNS) | _AMBIGUOUS_PRONOUNS, key=len, reverse=True))
_CAP = r"(?-i:[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w’'\-]*)"
_SPEAKER = (
    rf"(?P<spk>(?:{_PRONOUN_RE})\b|{_CAP}(?:\s+(?:{_CAP}))?(?:\s+{_CAP})?"
    rf"|(?:{_DETERMINERS})\s+[\w\-]+(?:\s+[\w\-]+)?)"
)


@lru_cache(maxsize=64)
def _attribution(lang: str | None) -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str]]:
    """Patterns for a speaker after a quote, and before it (each with a group ``spk``)."""
    base = lang_base(lang, "en")
    verbs = _VERBS.get(base) or "|".join(_VERBS.values())  # unknown language: try them all
    verb = rf"(?:{verbs})"
    lead = r"^[\s,.!?…]*(?:[–—]\s*)?"
    after = (
        re.compile(rf"{lead}{verb}\s+{_SPEAKER}", re.IGNORECASE),
        re.compile(rf"{lead}{_SPEAKER}\s+(?:\w+\s+)?{verb}\b", re.IGNORECASE),
        re.compile(rf"(?:{_ACCORDING.get(base, _ACCORDING['en'])})\s+{_SPEAKER}", re.IGNORECASE),
        # French inversion: "a-t-il dit", "dit-elle", "explique-t-il"
        re.compile(rf"{lead}(?:\w+\s)?\w+(?:-t)?-(?P<spk>il|elle|ils|elles)\b", re.IGNORECASE),
    )
    before = re.compile(
        rf"(?:{_SPEAKER}\s+(?:\w+\s+)?{verb}(?:\s+\w+)?\s*[:,]?\s*$)"
        rf"|(?:(?:{_ACCORDING.get(base, _ACCORDING['en'])})\s+{_SPEAKER.replace('spk', 'acc')}"
        r"\s*,?\s*$)",
        re.IGNORECASE,
    )
    return after, before


_CONTRACTIONS = [
    (re.compile(r"\bcan['’]t\b", re.I), "can not"),
    (re.compile(r"\bwon['’]t\b", re.I), "will not"),
    (re.compile(r"n['’]t\b", re.I), " not"),
    (re.compile(r"['’]re\b", re.I), " are"),
    (re.compile(r"['’]ll\b", re.I), " will"),
    (re.compile(r"['’]ve\b", re.I), " have"),
    (re.compile(r"['’]m\b", re.I), " am"),
    (re.compile(r"['’]d\b", re.I), " would"),
]


def fold_words(text: str) -> list[str]:
    """Case-folded words of a quoted span, English contractions expanded."""
    for pattern, repl in _CONTRACTIONS:
        text = pattern.sub(repl, text)
    return [w.casefold().replace("’", "'").replace("-", "") for w in WORD.findall(text)]


def _light(word: str) -> str:
    """A word without an English plural or possessive ending ("Nazis" / "Nazi")."""
    w = _POSSESSIVE_S.sub("", word)
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def _spans(text: str) -> list[tuple[int, int]]:
    """Inner spans of quotations, outermost only, in order."""
    found: list[tuple[int, int]] = []
    patterns = list(_PAIRS)
    first_open = min((i for i in (text.find("«"), text.find("»")) if i >= 0), default=-1)
    if first_open >= 0:
        patterns.append(_GUILLEMETS if text[first_open] == "«" else _GUILLEMETS_DE)
    for pattern in patterns:
        for m in pattern.finditer(text):
            found.append((m.start(1), m.end(1)))
    for m in _DIALOGUE.finditer(text):
        found.append((m.start(1), m.end(1)))
    found.sort(key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int]] = []
    for start, end in found:
        if out and start < out[-1][1]:
            continue  # nested in (or overlapping) an earlier, longer quote
        out.append((start, end))
    return out


def _dialogue_cut(text: str, start: int, end: int, lang: str | None) -> tuple[int, str]:
    """A dialogue line ends where its attribution starts ("…, sier han." / "…, — сказал он")."""
    line = text[start:end]
    after, _ = _attribution(lang)
    for m in re.finditer(r"(?:,|[.!?]?\s[–—])\s*", line):
        tail = line[m.start() :]
        for pattern in after[:2]:
            a = pattern.match(tail)
            if a:
                return start + m.start(), a.group("spk")
    return end, ""


def _speaker(text: str, start: int, end: int, lang: str | None) -> str:
    """The speaker stated around the quote ``text[start:end]`` within its sentence."""
    after, before = _attribution(lang)
    tail = text[end : end + 120].lstrip(_MARKS + " ,;:\u00a0\u202f")
    tail = re.split(r"(?<=[.!?])\s|\n", tail, maxsplit=1)[0]
    for pattern in (after[0], after[1], after[3]):
        m = pattern.match(tail)
        if m:
            return m.group("spk")
    head = text[max(0, start - 120) : start].rstrip(_MARKS + " ")
    head = re.split(r"[.!?]\s|\n", head)[-1]
    m = before.search(head)
    if m:
        return m.group("spk") or m.group("acc")
    m = after[2].search(tail)
    return m.group("spk") if m else ""


def quotes(text: str, lang: str | None) -> list[Fact]:
    """Quotations in ``text`` in order; see the module docstring for the contract."""
    return list(_quotes(text, lang))


@lru_cache(maxsize=4096)
def _quotes(text: str, lang: str | None) -> tuple[Fact, ...]:
    facts: list[Fact] = []
    dialogue = {(m.start(1), m.end(1)) for m in _DIALOGUE.finditer(text)}
    for first, last in _spans(text):
        start, end, speaker = first, last, ""
        if (start, end) in dialogue:
            end, speaker = _dialogue_cut(text, start, end, lang)
        span = text[start:end].strip().rstrip(",;:–— ")
        if not span:
            continue
        start += len(text[start:end]) - len(text[start:end].lstrip())
        end = start + len(span)
        words = fold_words(span)
        if not words:
            continue
        if not speaker:
            speaker = _speaker(text, start, end, lang)
        facts.append(Fact("quote", start, end, span, " ".join(words), detail=speaker))
    return tuple(facts)


# --- comparison ---------------------------------------------------------------------------


def _sort(speaker: str) -> tuple[str, str]:
    """A speaker as (sort, key): ("pron", "m"), ("name", text) or ("np", folded words)."""
    low = speaker.casefold()
    if low in _PRONOUNS:
        return "pron", _PRONOUNS[low]
    if low in _AMBIGUOUS_PRONOUNS:
        return "unknown", low
    if speaker[:1].isupper() and not _DETERMINER_HEAD.match(speaker):
        return "name", speaker
    return "np", " ".join(fold_words(speaker))


def _different_speakers(a: str, b: str, same_lang: bool) -> bool:
    sa, sb = _sort(a), _sort(b)
    if sa[0] != sb[0] or sa[0] == "unknown":
        return False
    if sa[0] == "pron":
        return sa[1] != sb[1]
    if sa[0] == "name":
        # Titles are translated ("Mayor" / "Bürgermeisterin"), so two speakers whose last
        # names meet are the same person even when the whole phrases do not.
        last_a, last_b = sa[1].split()[-1], sb[1].split()[-1]
        return not (same_name(sa[1], sb[1]) or same_name(last_a, last_b))
    if not same_lang:
        return False
    wa, wb = set(sa[1].split()), set(sb[1].split())
    content_a, content_b = {w[:5] for w in wa if len(w) > 3}, {w[:5] for w in wb if len(w) > 3}
    return bool(content_a and content_b) and not content_a & content_b


def _ratio(a: Sequence[str], b: Sequence[str]) -> float:
    return SequenceMatcher(a=[_light(w) for w in a], b=[_light(w) for w in b],
                           autojunk=False).ratio()  # fmt: skip


def _pair(
    s: Sequence[Fact], t: Sequence[Fact], same_lang: bool
) -> list[tuple[Fact | None, Fact | None]]:
    """Pairs of quotes: by similarity within a language, by order across languages."""
    if not same_lang:
        if len(s) != len(t):
            return [(f, None) for f in s] if not t else []
        return list(zip(s, t, strict=True))
    if len(s) == 1 and len(t) == 1:
        return [(s[0], t[0])]
    scored = sorted(
        ((_ratio(a.value.split(), b.value.split()), i, j) for i, a in enumerate(s)
         for j, b in enumerate(t)),
        reverse=True,
    )  # fmt: skip
    used_s: set[int] = set()
    used_t: set[int] = set()
    pairs: list[tuple[Fact | None, Fact | None]] = []
    for score, i, j in scored:
        if score < 0.3 or i in used_s or j in used_t:
            continue
        used_s.add(i)
        used_t.add(j)
        pairs.append((s[i], t[j]))
    pairs.extend((f, None) for i, f in enumerate(s) if i not in used_s)
    return pairs


def _cut(sw: Sequence[str], tw: Sequence[str]) -> str | None:
    """The words a shortened quote lost, when ``tw`` is a contiguous part of ``sw``."""
    if not tw or len(tw) > CUT_SHARE * len(sw):
        return None
    m = SequenceMatcher(a=list(sw), b=list(tw), autojunk=False)
    blocks = [b for b in m.get_matching_blocks() if b.size]
    if sum(b.size for b in blocks) < 0.9 * len(tw):
        return None
    first, last = blocks[0], blocks[-1]
    lost = [*sw[: first.a], *sw[last.a + last.size :]]
    return " ".join(lost) if lost else None


#: A cut of at most this many words, each of at most four letters, loses no content.
MINOR_CUT_WORDS = 2


def _minor_cut(lost: str) -> bool:
    """Whether a quote cut lost only a short function-word frame ("this is", "and")."""
    words = lost.split()
    return len(words) <= MINOR_CUT_WORDS and all(len(w) <= 4 for w in words)


def _gendered(speaker: str) -> bool:
    """A he/she pronoun: within one language :mod:`.names` reports the gender flip."""
    return _sort(speaker) in (("pron", "m"), ("pron", "f"))


def _speaker_span(side: Side, fact: Fact) -> tuple[int, int]:
    """The document span of a quote's stated speaker (the quote's own span if not found)."""
    after = side.text.find(fact.detail, fact.end, fact.end + 140)
    if after >= 0:
        return (side.offset + after, side.offset + after + len(fact.detail))
    before = side.text.rfind(fact.detail, max(0, fact.start - 140), fact.start)
    if before >= 0:
        return (side.offset + before, side.offset + before + len(fact.detail))
    return fact_span(side, fact)


def _unquoted(fact: Fact, other: Side) -> bool:
    """Do most of a quote's words occur in the other passage outside quotation marks?"""
    words = [w for w in fact.value.split() if len(w) > 2]
    if len(words) < 3:
        return False
    pool = {w[:5] for w in fold_words(other.text)}
    return sum(w[:5] in pool for w in words) >= 0.7 * len(words)


def _named(side: Side, speaker: str) -> bool:
    """Does the passage name ``speaker`` (a name) anywhere, as in "Councillor Natarajan called
    it “…”", where the speaker comes first in a form the attribution patterns do not read?"""
    return any(same_name(f.text, speaker) for f in names(side.text, side.lang))


def compare_quotes(src: Side, tgt: Side) -> list[Change]:
    """Quotes reworded, cut, unquoted, removed or re-attributed; see the module docstring.

    Scores: another speaker 0.8 (spans and texts are the two speakers; a he/she flip within
    one language is left to :func:`storytrace.diff.names.compare_names`), cut short 0.7,
    reworded 0.6, attribution lost 0.5, unquoted 0.5, removed 0.4.
    """
    same_lang = lang_base(src.lang) == lang_base(tgt.lang)
    s_quotes, t_quotes = quotes(src.text, src.lang), quotes(tgt.text, tgt.lang)
    out: list[Change] = []
    for a, b in _pair(s_quotes, t_quotes, same_lang):
        if a is None:
            continue
        if b is None:
            if t_quotes or len(a.value.split()) < 3:
                continue  # the target quotes something else: a pairing doubt, not a change
            if same_lang and _unquoted(a, tgt):
                note = f"quote marks dropped: {a.text!r} now reads as narration"
                out.append(one_sided("quote", src, tgt, a, True, note, 0.5, a.value))
            else:
                note = f"{RETOLD_NOTE}: {a.text!r}"
                out.append(one_sided("quote", src, tgt, a, True, note, 0.4, a.value))
            continue
        if (
            a.detail
            and b.detail
            and _different_speakers(a.detail, b.detail, same_lang)
            and not (same_lang and _gendered(a.detail) and _gendered(b.detail))
        ):
            note = f"quote attributed to someone else: {a.detail} -> {b.detail}"
            out.append(Change("quote", _speaker_span(src, a), _speaker_span(tgt, b), a.detail,
                              b.detail, note, 0.8, a.detail, b.detail))  # fmt: skip
        elif (
            same_lang
            and a.detail
            and not b.detail
            and _sort(a.detail)[0] != "unknown"
            and not _named(tgt, a.detail)
        ):
            # across languages the speaker often follows a dialogue dash or a verb-first
            # clause ("sa ordfører ...") that the attribution patterns miss: not reported
            note = f"quote lost its attribution (was: {a.detail})"
            out.append(paired("quote", src, tgt, a, b, note, 0.5, a.detail, None))
        if not same_lang:
            continue
        sw, tw = a.value.split(), b.value.split()
        if sw == tw:
            continue
        lost = _cut(sw, tw)
        if lost is not None and _minor_cut(lost):
            continue  # "This is the most important ..." quoted as "the most important ..."
        if lost is not None:
            note = f"quote cut short: lost {lost!r}"
            out.append(paired("quote", src, tgt, a, b, note, 0.7, a.value, b.value))
            continue
        ratio = _ratio(sw, tw)
        if ratio < REWORD_BAR and _cut(tw, sw) is None:
            note = f"quote reworded (word similarity {ratio:.2f})"
            out.append(paired("quote", src, tgt, a, b, note, 0.6, a.value, b.value))
    return out
