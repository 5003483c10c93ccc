"""Names of people, places and organisations, and how they change between aligned passages.

Contract:
    ``names(text, lang)`` returns ``Fact(kind="name")`` records, one per name (a multiword run
    such as "Vladimir Putin" is one fact); ``value`` is :func:`name_key` of the span and
    ``detail`` is ``"acronym"``, ``"demonym"`` (English "Russian", "Ukrainians") or ``""``.
    ``name_key(s)`` folds a name to lower-case ASCII: Cyrillic transliterated, diacritics
    dropped, possessive "'s" removed; it is invariant under case.
    ``same_name(a, b)`` says whether two surface forms may name one referent, across scripts,
    transliterations and inflection (Kherson / Cherson / Херсон / Херсоні, Aleksei / Alexey /
    Алексей, Kyiv / Kiev / Kiew / Київ); a shorter multiword form matches a longer one whose
    words it covers ("Putin" / "Vladimir Putin"). Words are compared by their readings
    under the spelling conventions of :mod:`.translit` (German, Scandinavian, French,
    Spanish, English, Ukrainian/Russian/Bulgarian Cyrillic) and a similarity of the
    phonetic forms with the same consonant skeleton (``translit.MIN_SIMILARITY``).
    ``compare_names`` is a :data:`~storytrace.diff.model.Comparer`: it reports names that were
    replaced, respelled (same language, Latin script), added or dropped, flipped gendered
    pronouns ("Her organization" / "His organization") and an opening subject pronoun of
    another person ("They wrote" / "You have written"), the last two in one language only.
    An aligned pair
    whose names all meet reports nothing.
    Helpers shared with :mod:`.quotes` and :mod:`.drift`: ``WORD`` (the word pattern) and
    ``tokens(text)`` (words with offsets and a sentence-initial flag).

How names are found (light, offline, no gazetteer): a capitalised word that is not the first
word of a sentence, quotation or dialogue line; an all-capitals token of two or more letters
(GCHQ, CNN); a sentence-initial capitalised word only when it starts a multiword run, ends in
a possessive, or appears capitalised elsewhere in the passage. Particles (de, von, van der, bin)
join runs between two capitalised words; leading titles (President, Präsident) are cut off.

German capitalises every noun. There a capitalised word counts only when it is not preceded
by an article, determiner or inflected adjective, has no typical noun suffix (-ung, -heit,
-keit, -schaft, ...) and is not a frequent news noun. What that costs: names after an article
("in der Ukraine", "der Kreml") are missed on the German side (the other side's name still
meets German words, because counterparts are searched among *all* words, not only names), and
nouns without an article that escape the filters ("Soldaten weigerten sich") still pass.

Why counterparts are searched among all words: a name in one text often appears in the other
in a position where capitals prove nothing (sentence start, or a lower-case adjective such as
Norwegian "russiske"), and a missing counterpart is the only thing that can cause a report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .model import Change, Fact, Side, lang_base, one_sided, paired
from .translit import fold, phon, readings, similar

# A word: letters, with inner apostrophes or hyphens ("O'Brien", "Jean-Claude", "don't").
WORD = re.compile(r"[^\W\d_](?:[\w’'\-]*[^\W\d_])?")
_POSSESSIVE = re.compile(r"[’']s$|[’']$")
_SENTENCE_END = re.compile(r"[.!?…:;\n]")
# Separators inside a number ("8.000.000", "3,5", "14:30") end no sentence.
_IN_NUMBER = re.compile(r"(?<=\d)[.,:](?=\d)")
# A count right before a word ("572 Menschen", "8.000.000 Fahrzeuge"): German nouns only.
_COUNT_BEFORE = re.compile(r"\d[\s\u00a0\u202f]*$")
_OPENERS = frozenset("“„«‹»\"'‘‚([—–-")

# Capitalised words that are not names in any language we handle.
_NOT_NAMES = frozenset(
    """
    i i'm i'll i've i'd mr mrs ms dr prof st sir madam
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    jan feb mar apr jun jul aug sep sept oct nov dec mär okt dez
    januar februar märz mai juni juli oktober dezember montag dienstag mittwoch donnerstag
    freitag samstag sonntag herr frau sie ihr ihre ihnen ihren ihrem ihrer
    """.split()
)

# Titles cut from the front of a run ("Russian President Vladimir Putin" -> "Vladimir Putin").
_TITLES = frozenset(
    """
    president präsident presidente président prime minister premier premierminister
    chancellor kanzler bundeskanzler chancellier general gen colonel col captain capt
    lieutenant lt major sergeant sgt commander king queen prince princess pope
    senator governor mayor ambassador secretary director chief
    presidenten statsminister kong dronning
    """.split()
)

# Words that start sentences in front of a name; a sentence-initial capitalised word outside
# this list that is followed by a name is taken as a given name ("Jeremy Fleming said").
_OPENER_WORDS = frozenset(
    """
    the a an in on at to for from by with of as and but or so if when while after before
    since until then later now today yesterday tomorrow meanwhile also still yet this that
    these those there here his her their its our my some many most all both every each no
    last next earlier according asked speaking unlike like despite during under over
    der die das den dem des ein eine im am um und aber auch als wenn nach vor seit laut
    heute gestern morgen dann später
    den det de et en ei og men i på til fra med for etter før da nå også ifølge
    le la les un une et mais dans sur pour selon après avant hier aujourd
    el los las unos unas y pero en con según después antes ayer hoy
    в на по у и но а с к о из за после до вчера сегодня также однако
    """.split()
)
_PARTICLES = frozenset(
    "de da di do dos das du des del della van von der den ter zu af al el bin ibn ben la le".split()
)

# German: determiners and contracted prepositions that announce a common noun.
_DE_DETERMINERS = frozenset(
    """
    der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner
    keines dieser diese dieses diesen diesem jener jene jenes jeder jede jedes jeden jedem
    alle allen aller mein meine meinen sein seine seinen seinem seiner ihr ihre ihren ihrem
    unser unsere unseren euer zur zum beim im am ins vom viele vielen einige einigen mehrere
    mehreren beide beiden zwei drei vier fünf zehn hundert tausend
    """.split()
)
_DE_PREPOSITIONS = frozenset("gegen zwischen wegen trotz neben hinter unter über".split())
_DE_ARTICLE_PREPOSITIONS = frozenset(
    "mit von aus bei nach zu in an auf für gegen über unter vor ohne durch seit".split()
)
_DE_BEFORE_ADJECTIVE = _DE_DETERMINERS | _DE_ARTICLE_PREPOSITIONS
_DE_NOUN_SUFFIX = re.compile(
    r"(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|tät|täten|ismus|nis|"
    r"nisse|tum|ment|mente|chen|lein|ling|linge|ei|eien|ur|uren|ik|er|ern|en)$"
)
_DE_COMMON_NOUNS = frozenset(
    """
    jahr jahre jahren zeit menschen leute soldaten soldat krieg kriege land länder regierung
    mann männer kinder kind stadt städte tag tage tagen woche wochen monat monate prozent
    millionen milliarden euro dollar leben welt ende seite teil fall grund frage angaben armee
    militär polizei offizier offiziere kommandeur befehl befehle truppen front familie
    nachrichten bericht berichte interview lage ukrainer russen angriff angriffe
    """.split()
)

# English demonyms and adjectives of place are capitalised only in English.
_DEMONYM = re.compile(r"(?:ian|ians|ean|eans|ese|ish)$")

# Inflectional and derivational endings (of keys, i.e. after transliteration) that one form of
# a name may add: Russian/Ukrainian cases (Херсона, Херсоні, Путину, Зеленского), genitive -s
# (Putins), demonyms and adjectives of place (Ukraine/Ukrainian, Russland/russische).
_ENDINGS = tuple(
    sorted(
        """
        s es n ns en an ans ian ians e a i u y o ia iu ya yu ei oi ii om em im ym ogo ego omu
        emu aia uiu ikh ykh ami iami akh iakh er ern ens ese ish isch ische ischen ischer
        isches isk iske sk ske skii skaia skogo skoi ska skiy skyi
        """.split(),
        key=len,
        reverse=True,
    )
)
_MIN_STEM = 4

# Words of organisation names that are translated rather than transliterated ("Defense
# Ministry" / "Verteidigungsministerium"): across languages a name with one of them is
# neither reported as added, dropped nor replaced.
_ORG_WORDS = frozenset(
    """
    ministry minister department cybersecurity agency service services union committee
    committees council office court party republic federation bank university institute organization
    organisation army forces force navy guard directorate intelligence security defense
    defence foreign interior national state staff general mothers soldiers house sea river
    parliament government commission association movement front command news media
    cross crescent nations police church hospital museum fund foundation
    """.split()
)

# Exonyms of places frequent in the news: translations replace these rather than
# transliterate them (Germany / Deutschland / Tyskland / Германия). Members are key prefixes
# (at least four letters) or whole keys; this is the only gazetteer-like table here.
_EXONYMS: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        "germany german deutsch tyskland tysk germani nimechchin nemets nemet nimets allemagne "
        "allemand alemania aleman",
        "uk britain british britis britan velikobritan grossbritann storbritann royaume "
        "england englis engelsk angli",
        "us usa america amerik amerique estados soedinennye shtaty",
        "russia russian russisch russland russisk rossii rossiia rossiis russie russe rusia "
        "ruso rosiia rosiis",
        "ukraine ukrain ukraina ukrainy ukraini ukrainsk ukrayin ukrania ucrania ucrani",
        "moscow moskau moskva moskvy moscou moscu",
        "warsaw warschau warszawa varsjava varshava varsovie varsovia",
        "vienna wien vena viden vienne viena",
        "norway norwegian norwegen norweg norge norsk norvegi norveg noruega",
        "sweden swedish schweden sverige svensk shveci shvec suede suecia",
        "china chinese kitai kitaisk kina kinesisk chine chinois",
        "poland polish polen polsk polsha polshi pologne polonia",
        "belarus belarusian weissrussland hviterussland belorussi bilorus bielorussie",
        "nato otan",
        "eu european europ evropeisk evrosoiuz ievrosoiuz",
        "un united nations vereinte fn oon",
        "crimea krim krym crimee",
        "kremlin kreml",
        "black sea schwarz svartehav chernoe chorne",
    )
)


@lru_cache(maxsize=65536)
def name_key(s: str, lang: str | None = None) -> str:
    """The folded key of a name: transliterated, case- and diacritic-free, no possessive.

    Words are joined by single spaces; particles are kept ("ursula von der leyen").
    """
    words = [_POSSESSIVE.sub("", w) for w in s.split()]
    return fold(" ".join(words), lang)


@lru_cache(maxsize=65536)
def _stems(word: str) -> frozenset[str]:
    """The word and every stem left after removing one known ending (stem >= 4 letters)."""
    out = {word}
    for end in _ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= _MIN_STEM:
            out.add(word[: -len(end)])
    return frozenset(out)


@lru_cache(maxsize=65536)
def _word_level(a: str, b: str) -> int:
    """2: one word up to inflection; 1: a spelling variant of it; 0: different words.

    ``a`` and ``b`` are folded single words.
    """
    if a == b:
        return 2
    if len(a) < 2 or len(b) < 2:
        return 0
    if _stems(a) & _stems(b):
        return 2
    if _exonym_groups(a) & _exonym_groups(b):
        return 2
    fa, fb = _forms(a), _forms(b)
    if fa & fb or any(similar(x, y) for x in fa for y in fb):
        return 1
    return 0


@lru_cache(maxsize=65536)
def _forms(word: str) -> frozenset[str]:
    """Phonetic forms of a folded word: every reading, every stem (:mod:`.translit`)."""
    return frozenset(phon(stem) for r in readings(word) for stem in _stems(r))


@lru_cache(maxsize=65536)
def _exonym_groups(word: str) -> frozenset[int]:
    """Indices of the :data:`_EXONYMS` groups holding ``word`` or a prefix of it (4+ letters)."""
    return frozenset(
        i
        for i, group in enumerate(_EXONYMS)
        if word in group or any(len(p) >= 4 and word.startswith(p) for p in group)
    )


def _content_words(key: str) -> list[str]:
    words = key.split()
    kept = [w for w in words if w not in _PARTICLES]
    return kept or words


def _name_level(a: str, b: str) -> int:
    """Like :func:`_word_level` for folded multiword keys: every word of the shorter name
    must meet a distinct word of the longer one, in order; the level is the weakest match."""
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb:
        return 0
    if len(wa) > len(wb):
        wa, wb = wb, wa
    level, j = 2, 0
    for w in wa:
        while j < len(wb) and _word_level(w, wb[j]) == 0:
            j += 1
        if j == len(wb):
            return 0
        level = min(level, _word_level(w, wb[j]))
        j += 1
    return level


def same_name(a: str, b: str) -> bool:
    """Whether two surface forms may name the same referent (see the module docstring)."""
    return _name_level(name_key(a), name_key(b)) > 0


# --- extraction ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    initial: bool  # first word of a sentence, quotation or dialogue line


def tokens(text: str) -> list[Token]:
    """Word tokens of ``text`` with their offsets and a sentence-initial flag."""
    return list(_tokens(text))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[Token, ...]:
    out: list[Token] = []
    pos = 0
    for m in WORD.finditer(text):
        between = text[pos : m.start()]
        initial = (
            not out
            or bool(_SENTENCE_END.search(_IN_NUMBER.sub("", between)))
            or between.strip()[-1:] in _OPENERS
        )
        out.append(Token(m.start(), m.end(), m.group(), initial))
        pos = m.end()
    return tuple(out)


def _is_acronym(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return 2 <= len(letters) <= 8 and all(ch.isupper() for ch in letters)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.casefold() not in _NOT_NAMES


def _german_noun(tokens_: Sequence[Token], i: int) -> bool:
    """Does the capitalised German word at ``i`` look like a common noun?"""
    word = _POSSESSIVE.sub("", tokens_[i].text)
    low = word.casefold()
    if low in _DE_COMMON_NOUNS or _DE_NOUN_SUFFIX.search(low):
        return True
    if i > 0 and tokens_[i - 1].end >= tokens_[i].start - 1:
        prev = tokens_[i - 1].text
        plow = prev.casefold()
        if (prev[:1].islower() or tokens_[i - 1].initial) and plow in _DE_DETERMINERS:
            return True  # "die Preise", and "Die Preise" opening the sentence
        if (
            prev[:1].islower()
            and len(plow) >= 4
            and plow not in _DE_PREPOSITIONS
            and plow.endswith(("e", "er", "es", "em"))
            and not plow.endswith("te")  # a past tense: "sagte Putin", "traf"
        ):
            return True  # an inflected adjective before a noun: "russische Soldaten"
        if plow.endswith("en") and i > 1 and tokens_[i - 2].text.casefold() in _DE_BEFORE_ADJECTIVE:
            return True  # "den russischen Soldaten", "mit schweren Waffen"
    return False


def _candidate(text: str, tokens_: Sequence[Token], i: int, lang: str | None) -> bool:
    word = _POSSESSIVE.sub("", tokens_[i].text)
    if len(word) < 2 or not _capitalised(word):
        return False
    if _is_acronym(word):
        return True
    if lang != "de":
        return True
    return not (
        _german_noun(tokens_, i)
        or _COUNT_BEFORE.search(text[max(0, tokens_[i].start - 24) : tokens_[i].start])
    )


def names(text: str, lang: str | None) -> list[Fact]:
    """Names in ``text`` (one sentence or passage), in order; see the module docstring."""
    return list(_names(text, lang))


@lru_cache(maxsize=4096)
def _names(text: str, lang: str | None) -> tuple[Fact, ...]:
    toks = _tokens(text)
    cand = [_candidate(text, toks, i, lang) for i in range(len(toks))]
    # A capitalised form seen in a position where capitals are informative.
    attested = {
        _POSSESSIVE.sub("", t.text) for t, c in zip(toks, cand, strict=True) if c and not t.initial
    }
    facts: list[Fact] = []
    i = 0
    while i < len(toks):
        if not cand[i]:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(toks) and not _POSSESSIVE.search(toks[run[-1]].text):
            gap = text[toks[j - 1].end : toks[j].start]
            if gap not in (" ", "\u00a0", "-"):
                break
            if cand[j] and not toks[j].initial:
                run.append(j)
                j += 1
                continue
            # particles between two capitalised words: "Ursula von der Leyen"; in German
            # only "von" (der/den/des are articles there)
            k = j
            while k < len(toks) and toks[k].text in _PARTICLES and k - j < 3:
                k += 1
            particles_ok = lang != "de" or toks[j].text in ("von", "zu")
            if j < k < len(toks) and _capitalised(toks[k].text) and particles_ok:
                run.extend(range(j, k + 1))
                j = k + 1
                continue
            break
        i = j
        # cut leading titles and what qualifies them: "Russian President Vladimir Putin"
        titled = [n for n, x in enumerate(run[:-1]) if toks[x].text.casefold() in _TITLES]
        if titled:
            run = run[titled[-1] + 1 :]
        # A sentence-initial function word or opener before a name ("The Kremlin", "Later
        # Petrenko") is not part of it.
        if len(run) > 1 and toks[run[0]].initial:
            head = _POSSESSIVE.sub("", toks[run[0]].text)
            if head.casefold() in _OPENER_WORDS:
                run = run[1:]
                while run and toks[run[0]].text in _PARTICLES:
                    run = run[1:]
        if not run:
            continue
        first = toks[run[0]]
        word = _POSSESSIVE.sub("", first.text)
        if len(run) == 1 and first.text.casefold() in _TITLES:
            continue
        if (
            len(run) == 1
            and first.initial
            and not _is_acronym(word)
            and word not in attested
            and not _POSSESSIVE.search(first.text)
        ):
            continue  # a capitalised sentence start proves nothing
        last = toks[run[-1]]
        end = last.start + len(_POSSESSIVE.sub("", last.text))
        span = text[first.start : end]
        detail = ""
        if len(run) == 1 and _is_acronym(word):
            detail = "acronym"
        elif len(run) == 1 and lang in (None, "en") and _DEMONYM.search(word.casefold()):
            detail = "demonym"
        key = name_key(span, lang)
        if key:
            facts.append(Fact("name", first.start, end, span, key, detail=detail))
    return tuple(facts)


# --- comparison ---------------------------------------------------------------------------

_GENDER: dict[str, dict[str, str]] = {
    "en": {**dict.fromkeys("he him his himself".split(), "m"),
           **dict.fromkeys("she her hers herself".split(), "f")},
    "de": {**dict.fromkeys("er ihn ihm sein seine seinen seinem seiner seines".split(), "m"),
           **dict.fromkeys("sie ihr ihre ihren ihrem ihrer ihres".split(), "f")},
    "nb": {**dict.fromkeys("han ham hans".split(), "m"),
           **dict.fromkeys("hun henne hennes".split(), "f")},
    "da": {**dict.fromkeys("han ham hans".split(), "m"),
           **dict.fromkeys("hun hende hendes".split(), "f")},
    "sv": {**dict.fromkeys("han honom hans".split(), "m"),
           **dict.fromkeys("hon henne hennes".split(), "f")},
    "ru": {**dict.fromkeys("он его ему нём него нему".split(), "m"),
           **dict.fromkeys("она её ее ей ней неё нее ею нею".split(), "f")},
    "uk": {**dict.fromkeys("він його йому ньому нього ним".split(), "m"),
           **dict.fromkeys("вона її їй ній неї нею".split(), "f")},
    "fr": {"il": "m", "elle": "f"},
    "es": {"él": "m", "ella": "f"},
}  # fmt: skip
_GENDER["no"] = _GENDER["nn"] = _GENDER["nb"]

_GENDER_LABEL = {"m": "male", "f": "female"}
# German "sie"/"ihr" is also "they"/"their"/"you": only flips between singular forms count.
_DE_AMBIGUOUS = frozenset(w for w, g in _GENDER["de"].items() if g == "f")


def _same_language(a: Side, b: Side) -> bool:
    return lang_base(a.lang) == lang_base(b.lang)


def _latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch < "\u0250" for ch in letters)


def _meets(value: str, keys: Iterable[str], same_lang: bool) -> bool:
    """Does some word of the other side carry this name (up to inflection)?

    Within one language every word of the name must (else a respelled given name goes
    unseen); across languages the last word (surname, head) is enough and a spelling variant
    of it will do (Kherson in English meets Cherson in German).
    """
    words = _content_words(value)
    pool = list(keys)
    if same_lang:
        return all(any(_word_level(w, k) == 2 for k in pool) for w in words)
    return any(_word_level(words[-1], k) >= 1 for k in pool)


def _translated(fact: Fact) -> bool:
    """Names that translations render with other words: never compared across languages."""
    return fact.detail == "demonym" or any(w in _ORG_WORDS for w in fact.value.split())


def _rendered(facts: list[Fact], translated: Sequence[int]) -> list[Fact]:
    """``facts`` less those that may render the other side's translated names (organisations
    whose words a translation translates: "Red Cross" / "Красный Крест"): for each such name
    (its word count given), one unmatched name of this side, of the same length if there is
    one, is taken to be its rendering."""
    left = list(facts)
    for n in translated:
        pick = next((f for f in left if len(f.value.split()) == n), left[0] if left else None)
        if pick is not None:
            left.remove(pick)
    return left


def _counterpart(fact: Fact, others: Sequence[Fact]) -> tuple[int, Fact | None]:
    """The best-matching name among ``others`` and its :func:`_name_level`."""
    best: tuple[int, Fact | None] = (0, None)
    for other in others:
        level = _name_level(fact.value, other.value)
        if level > best[0]:
            best = (level, other)
    return best


def _strong(fact: Fact) -> bool:
    """Names specific enough to report as added or dropped across languages."""
    return fact.detail == "acronym" or len(_content_words(fact.value)) >= 2


def _gender_changes(src: Side, tgt: Side) -> list[Change]:
    lang = lang_base(src.lang) or "en"
    table = _GENDER.get(lang)
    if table is None:
        return []

    def seq(side: Side) -> list[tuple[str, Token]]:
        return [
            (table[t.text.casefold()], t) for t in _tokens(side.text) if t.text.casefold() in table
        ]

    s, t = seq(src), seq(tgt)
    if not s or not t:
        return []
    pairs: list[tuple[tuple[str, Token], tuple[str, Token]]] = []
    if len(s) == len(t):
        pairs = [(a, b) for a, b in zip(s, t, strict=True) if a[0] != b[0]]
    elif len({g for g, _ in s}) == 1 and len({g for g, _ in t}) == 1 and s[0][0] != t[0][0]:
        pairs = [(s[0], t[0])]
    out = []
    for (ga, ta), (gb, tb) in pairs:
        if (
            lang == "de"
            and (ta.text.casefold() in _DE_AMBIGUOUS or tb.text.casefold() in _DE_AMBIGUOUS)
            and ta.text[:1].isupper() != tb.text[:1].isupper()
        ):
            continue  # "Sie" (you/they) against "er": not a gender flip
        note = f"gender of referent flipped: {ta.text} -> {tb.text}"
        note += f" ({_GENDER_LABEL[ga]} -> {_GENDER_LABEL[gb]})"
        out.append(paired("name", src, tgt, ta, tb, note, 0.7, ga, gb))
    return out


# Subject pronouns by grammatical person: "1s", "1p", "2", "3s", "3p" (the second person's
# number is left open: English "you" has none). German "sie"/"Sie" (she, they, you) and
# Norwegian "det" (it, there) are left out: they are the very ambiguity that misleads.
_PERSON: dict[str, dict[str, str]] = {
    "en": {"i": "1s", "we": "1p", "you": "2", "he": "3s", "she": "3s", "it": "3s",
           "they": "3p"},
    "de": {"ich": "1s", "wir": "1p", "du": "2", "ihr": "2", "er": "3s", "es": "3s"},
    "nb": {"jeg": "1s", "vi": "1p", "du": "2", "dere": "2", "han": "3s", "hun": "3s",
           "de": "3p"},
    "ru": {"я": "1s", "мы": "1p", "ты": "2", "вы": "2", "он": "3s", "она": "3s", "оно": "3s",
           "они": "3p"},
    "uk": {"я": "1s", "ми": "1p", "ти": "2", "ви": "2", "він": "3s", "вона": "3s",
           "воно": "3s", "вони": "3p"},
    "fr": {"je": "1s", "nous": "1p", "tu": "2", "vous": "2", "il": "3s", "elle": "3s",
           "ils": "3p", "elles": "3p"},
    "es": {"yo": "1s", "nosotros": "1p", "tú": "2", "vosotros": "2", "él": "3s",
           "ella": "3s", "ellos": "3p", "ellas": "3p"},
}  # fmt: skip
_PERSON["no"] = _PERSON["nn"] = _PERSON["nb"]
_PERSON_LABEL = {"1s": "first person singular", "1p": "first person plural",
                 "2": "second person", "3s": "third person singular",
                 "3p": "third person plural"}  # fmt: skip
# What reported speech does to a quotation ("I don't know" -> "he doesn't know"): not a change.
_REPORTED = frozenset({frozenset({"1s", "3s"}), frozenset({"1p", "3p"})})


def _person_changes(src: Side, tgt: Side) -> list[Change]:
    """The subject pronoun that opens both passages, changed in person or number ("They
    wrote a report" -> "You have written a report": German "Sie" read the wrong way)."""
    table = _PERSON.get(lang_base(src.lang) or "en")
    if table is None:
        return []
    a, b = _tokens(src.text)[:1], _tokens(tgt.text)[:1]
    if not a or not b:
        return []
    pa, pb = table.get(a[0].text.casefold()), table.get(b[0].text.casefold())
    if pa is None or pb is None or pa == pb or frozenset({pa, pb}) in _REPORTED:
        return []
    if pa == "3s" == pb:
        return []  # he / she: the gender comparer's business
    note = f"subject changed: {a[0].text} -> {b[0].text} ({_PERSON_LABEL[pa]} -> "
    note += f"{_PERSON_LABEL[pb]})"
    return [paired("name", src, tgt, a[0], b[0], note, 0.6, pa, pb)]


def compare_names(src: Side, tgt: Side) -> list[Change]:
    """Names replaced, respelled, added or dropped between two aligned passages.

    Scores: a replaced name 0.7 (0.6 across languages), a gender flip 0.7, the person of an
    opening subject pronoun changed 0.6, a respelling 0.4,
    an added or dropped name 0.4. Across languages a name counts as met when a spelling
    variant of it occurs anywhere in the other passage, and only multiword names and
    acronyms are reported as added or dropped (demonyms never are).
    """
    same_lang = _same_language(src, tgt)
    s_facts = names(src.text, src.lang)
    t_facts = names(tgt.text, tgt.lang)
    s_keys = {name_key(t.text, src.lang) for t in _tokens(src.text)} - {""}
    t_keys = {name_key(t.text, tgt.lang) for t in _tokens(tgt.text)} - {""}
    changes: list[Change] = []
    used: set[int] = set()  # target facts consumed by a respelling

    unmatched_s: list[Fact] = []
    for f in s_facts:
        if _meets(f.value, t_keys, same_lang):
            continue
        level, other = _counterpart(f, t_facts)
        if level == 2:
            continue  # a shorter or longer form of the same name ("Putin" / "Vladimir Putin")
        if other is None and same_lang and _meets(f.value.split()[-1], t_keys, same_lang):
            continue  # the surname is there, a given name or qualifier was left out
        if other is not None:
            used.add(id(other))
            if same_lang and _latin(f.text + other.text):
                kind = "person" if len(_content_words(f.value)) > 1 else "name"
                note = f"spelling: {f.text} -> {other.text} (same {kind})"
                changes.append(paired("name", src, tgt, f, other, note, 0.4, f.value, other.value))
            continue
        unmatched_s.append(f)
    unmatched_t = [
        f
        for f in t_facts
        if id(f) not in used
        and not _meets(f.value, s_keys, same_lang)
        and _counterpart(f, s_facts)[1] is None
    ]
    if not same_lang:
        s_words = [len(f.value.split()) for f in unmatched_s if _translated(f)]
        t_words = [len(f.value.split()) for f in unmatched_t if _translated(f)]
        unmatched_s = _rendered([f for f in unmatched_s if not _translated(f)], t_words)
        unmatched_t = _rendered([f for f in unmatched_t if not _translated(f)], s_words)

    for a, b in zip(unmatched_s, unmatched_t, strict=False):
        note = f"name changed: {a.text} -> {b.text}"
        score = 0.7 if same_lang else 0.6
        changes.append(paired("name", src, tgt, a, b, note, score, a.value, b.value))
    n = min(len(unmatched_s), len(unmatched_t))
    for a in unmatched_s[n:]:
        if same_lang or _strong(a):
            note = f"name dropped: {a.text}"
            changes.append(one_sided("name", src, tgt, a, True, note, 0.4, a.value))
    for b in unmatched_t[n:]:
        if same_lang or _strong(b):
            note = f"name added: {b.text}"
            changes.append(one_sided("name", src, tgt, b, False, note, 0.4, b.value))
    if same_lang:
        changes.extend(_gender_changes(src, tgt))
        changes.extend(_person_changes(src, tgt))
    return changes
