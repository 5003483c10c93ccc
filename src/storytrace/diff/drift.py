"""Meaning drift: aligned sentences of one language whose content words part ways.

Contract:
    ``compare_drift`` is a :data:`~storytrace.diff.model.Comparer` that reports kind
    ``"other"`` changes with a low score (at most 0.5). It looks only at passages of the
    **same language**: it keeps each side's content words (stopwords, names, negators, loaded
    words of :mod:`.polarity` and words inside quotation marks are left to their own
    comparers), matches them by a light per-language stem or a long common prefix, aligns the
    two sequences, and reports the smallest runs of words with no counterpart ("crates of
    grenades" -> "pillows", "rear" -> "stern", "further" dropped), but only when the rest of
    the passage agrees well (:data:`MIN_AGREEMENT`) and keeps its order; otherwise the pair is
    a rewrite or a restructured paraphrase and nothing is reported.
    ``content_words(text, lang)`` exposes the word selection and ``stem(word, lang)`` the
    stemmer.

Why own stoplists: the stoplists shipped with justext (already installed through
trafilatura) are frequency lists that include content words ("army", "war", "left", "new"),
exactly the words whose drift we want to see. The lists below hold function words, auxiliary
verbs, verbs of saying and number words only (numbers are :mod:`.numbers`' business).

Limits: a synonym swap in an honest paraphrase ("announced" -> "unveiled") looks like drift
to a word-level check; the low score says so.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from .model import DRIFT_NOTE, Change, Side, lang_base, whole
from .names import names, tokens
from .polarity import loaded
from .quotes import quotes

#: Share of content words (2 * matched / total) both sides must agree on before the words
#: that do not agree are reported as drift rather than dismissed as a rewrite.
MIN_AGREEMENT = 0.5
#: A run longer than this (content words, on either side) is a rewrite, not a drift.
MAX_RUN = 3
#: Words added or dropped are reported only when the rest agrees at least this well (and a
#: dropped or added word has at least five letters: short ones are mostly rephrasing).
MIN_AGREEMENT_GAP = 0.8
#: More differing runs than this in one pair: a rewrite.
MAX_RUNS = 3

_STOP: dict[str, frozenset[str]] = {
    "en": frozenset(
        """
        a an the and or but if then than that this these those there here it its it's
        i me my we us our you your he him his she her they them their who whom whose which
        what when where why how all any both each few more most other some such only own
        same so too very just also even still yet again already now then once ever
        of to in on at by for with from into onto about as up down out off over under
        after before between through during against among around without within upon
        is am are was were be been being have has had having do does did doing will would
        shall should can could may might must ought 's 'd 'll 're 've
        said says say saying told tells tell according added adds
        not no nor never
        one two three four five six seven eight nine ten eleven twelve twenty thirty forty
        fifty hundred thousand thousands million millions dozen dozens first second
        mr mrs ms while because since though although whether however
        myself yourself himself herself itself ourselves themselves another well lot lots
        really way thing things something anything nothing get gets got go goes going gone
        come comes came make makes made like
        """.split()
    ),
    "de": frozenset(
        """
        der die das den dem des ein eine einen einem einer eines und oder aber wenn dann als
        dass daß dies diese dieser dieses diesen diesem jene es sich ich mich mir wir uns
        du dich dir ihr euch er ihn ihm sie ihnen sein seine seinen seinem seiner ihre ihren
        ihrem ihrer unser unsere wer wen wem was wann wo warum wie alle alles jede jeder
        jedes mehr viel viele einige andere so sehr auch noch schon nun jetzt bereits immer
        wieder nur sogar doch ja von zu in im ins an am auf aus bei mit nach seit vom zum
        zur für über unter vor hinter neben zwischen durch gegen ohne um bis während wegen
        ist bin sind war waren sei seien wäre wären sein gewesen hat habe haben hatte hatten
        hätte hätten wird werden wurde wurden worden würde würden kann können konnte
        konnten muss müssen musste mussten soll sollen sollte darf dürfen mag möchte
        sagte sagt sagten laut nicht kein keine nie
        eins zwei drei vier fünf sechs sieben acht neun zehn hundert tausend tausende
        dutzend erste zweite weil da obwohl ob jedoch man
        """.split()
    ),
    "nb": frozenset(
        """
        en ei et den det de dem og eller men hvis så enn at som denne dette disse der her
        jeg meg min mitt mine vi oss vår vårt våre du deg din ditt dine han ham hans hun
        henne hennes seg sin sitt sine hvem hva når hvor hvorfor hvordan alle alt hver
        hvert mer mest noen annen annet andre slik bare også enda fortsatt igjen allerede
        nå da aldri av til i på ved for med fra inn om opp ned ut over under etter før
        mellom gjennom mot uten innen rundt er var være vært har hadde ha blir ble bli
        blitt vil ville skal skulle kan kunne må måtte bør sier sa sagt ifølge ikke ingen
        to tre fire fem seks sju syv åtte ni ti hundre tusen tusenvis dusin første
        fordi selv mens
        """.split()
    ),
    "ru": frozenset(
        """
        и а но или если то что это этот эта эти тот та те там тут здесь я меня мне мы нас
        нам ты тебя вы вас он его ему она её ее ей они их им кто какой который которая
        которые которое когда где почему как все всё весь вся каждый более больше самый
        такой только тоже также ещё еще уже теперь сейчас снова даже же ли бы в во на с со
        к ко по о об от из у за под над перед после между через для без при про до была
        было были быть есть будет будут был могут может мог могла должен сказал сказала
        сказали говорит заявил словам не нет ни один два три четыре пять шесть семь
        восемь девять десять сто тысяча тысяч первый потому так чтобы хотя себя свой своя
        свои своих
        """.split()
    ),
    "uk": frozenset(
        """
        і й та а але або якщо то що це цей ця ці той там тут я мене мені ми нас нам ти вас
        ви він його йому вона її їй вони їх їм хто який яка які яке коли де чому як всі все
        весь кожен більше найбільш такий тільки лише також теж ще вже тепер знову навіть
        же б би в у на з із зі до по про від за під над перед після між через для без при
        був була було були бути є буде будуть може можуть міг повинен сказав сказала
        каже заявив словами не ні один два три чотири п'ять шість сім вісім дев'ять
        десять сто тисяча тисяч перший тому щоб хоча себе свій своя свої
        """.split()
    ),
    "fr": frozenset(
        """
        le la les l un une des du de d et ou mais si alors que qu qui quoi ce cet cette ces
        il elle ils elles on je j me m moi nous vous tu te t se s lui leur leurs son sa ses
        mon ma mes notre nos votre vos dont où quand comment pourquoi tout tous toute toutes
        plus très aussi encore déjà maintenant même seulement à au aux en dans sur sous
        par pour avec sans entre vers chez après avant depuis pendant contre est sont était
        étaient être été a ont avait avaient avoir eu sera seront peut peuvent pouvait doit
        dit déclaré selon ne pas jamais deux trois quatre cinq six sept huit neuf dix
        cent mille milliers premier parce comme
        """.split()
    ),
    "es": frozenset(
        """
        el la los las un una unos unas lo al del de y e o u pero si entonces que qué quien
        cual este esta estos estas ese esa esos esas aquel yo me mi mis nosotros nos tú te
        ti usted ustedes él ella ellos ellas le les se su sus nuestro cuando donde cómo por
        porqué todo todos toda todas más muy también aún todavía ya ahora incluso solo sólo
        a en con sin sobre entre hacia desde hasta durante contra tras para es son era eran
        ser sido fue fueron está están estaba estar ha han había haber habían será puede
        pueden podía debe dijo dice según no nunca uno dos tres cuatro cinco seis siete ocho
        nueve diez cien mil miles primer primero porque como
        """.split()
    ),
}
_STOP["no"] = _STOP["nn"] = _STOP["da"] = _STOP["sv"] = _STOP["nb"]

# Light suffix stripping, longest first; a stem keeps at least three letters.
_SUFFIXES: dict[str, tuple[str, ...]] = {
    "en": ("ings", "ing", "ied", "ies", "ed", "es", "s", "ly", "e"),
    "de": ("ungen", "ern", "en", "er", "es", "em", "e", "n", "s"),
    "nb": ("ene", "ende", "ert", "er", "en", "et", "a", "e", "s"),
    "ru": (
        "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ах", "ях", "ам", "ям", "ов",
        "ев", "ей", "ой", "ий", "ый", "ая", "яя", "ое", "ее", "ие", "ые", "ую", "юю", "ом",
        "ем", "ет", "ит", "ут", "ют", "ла", "ло", "ли", "ть", "ти", "а", "я", "о", "е", "и",
        "ы", "у", "ю", "ь", "й",
    ),
    "uk": (
        "ями", "ами", "ого", "ому", "ими", "ах", "ях", "ам", "ям", "ів", "ей", "ой", "ий",
        "ій", "ая", "ою", "ею", "ом", "ем", "ує", "ють", "ла", "ло", "ли", "ти", "а", "я",
        "о", "е", "и", "і", "у", "ю", "ь", "й",
    ),
    "fr": ("ements", "ement", "ées", "és", "ée", "es", "er", "ez", "é", "e", "s"),
    "es": ("mente", "aron", "ados", "adas", "ado", "ada", "os", "as", "es", "ó", "o", "a", "s"),
}  # fmt: skip
_SUFFIXES["no"] = _SUFFIXES["nn"] = _SUFFIXES["da"] = _SUFFIXES["sv"] = _SUFFIXES["nb"]


_POSSESSIVE_S = re.compile(r"'s$")
_CLAUSE_BREAK = re.compile(r"[,;:.!?()“”„«»\"]")


@lru_cache(maxsize=65536)
def stem(word: str, lang: str | None) -> str:
    """A light stem of a word: folded, the longest known suffix removed, three letters kept."""
    w = word.casefold().replace("’", "'").replace("-", "")
    w = _POSSESSIVE_S.sub("", w)
    for suffix in _SUFFIXES.get(lang_base(lang, "en"), _SUFFIXES["en"]):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


@dataclass(frozen=True, slots=True)
class Word:
    """A content word: its offsets in the passage, surface text and stem."""

    start: int
    end: int
    text: str
    stem: str


def content_words(text: str, lang: str | None, skip_quoted: bool = True) -> list[Word]:
    """The words drift compares: no stopwords, names, negators, loaded words, nor (with
    ``skip_quoted``) words inside quotation marks."""
    stop = _STOP.get(lang_base(lang, "en"), _STOP["en"])
    covered = [(f.start, f.end) for f in names(text, lang)]
    if skip_quoted:
        covered += [(f.start, f.end) for f in quotes(text, lang)]
    out = []
    for t in tokens(text):
        low = t.text.casefold().replace("’", "'")
        if len(low) < 2 or low in stop or _POSSESSIVE_S.sub("", low) in stop:
            continue
        if any(a <= t.start < b for a, b in covered) or loaded(t.text, lang):
            continue
        out.append(Word(t.start, t.end, t.text, stem(t.text, lang)))
    return out


def _same(a: str, b: str) -> bool:
    """One word up to its ending: a common prefix of four letters and 75 % of the shorter
    stem (invading / invasion, west / western; not officer / official, Kisten / Kissen)."""
    if a == b:
        return True
    n = 0
    for ca, cb in zip(a, b, strict=False):
        if ca != cb:
            break
        n += 1
    return n >= 4 and n >= 0.75 * min(len(a), len(b))


_COMPOUNDING = frozenset({"de", "nb", "no", "nn", "da", "sv", "nl"})


def _compound_of(word: str, others: Sequence[str]) -> bool:
    """Does ``word`` contain two stems of ``others`` (four letters or more) as parts?"""
    parts = [o for o in others if len(o) >= 4 and o != word and o in word]
    return len(parts) >= 2 or (len(parts) == 1 and len(parts[0]) >= 0.6 * len(word))


def _keys(s: Sequence[Word], t: Sequence[Word]) -> tuple[list[str], list[str]]:
    """Stems, with a target stem renamed to a source stem it matches by a long prefix."""
    s_keys = [w.stem for w in s]
    known = set(s_keys)
    t_keys = []
    for w in t:
        if w.stem in known:
            t_keys.append(w.stem)
            continue
        t_keys.append(next((k for k in s_keys if _same(k, w.stem)), w.stem))
    return s_keys, t_keys


def _compact(text: str, words: Sequence[Word], run: Sequence[int]) -> bool:
    """Is a run of content words free of clause breaks, quotation marks and skipped names?"""
    if not run:
        return True
    inner = text[words[run[0]].start : words[run[-1]].end]
    if _CLAUSE_BREAK.search(inner):
        return False
    return all(w.start >= words[run[-1]].end or w.end <= words[run[0]].start or i in run
               for i, w in enumerate(words))  # fmt: skip


def _gap_names(text: str, lang: str | None, words: Sequence[Word], j: int) -> bool:
    """Is there a name between content words ``j - 1`` and ``j`` (the place where a
    one-sided run of the other side would sit)?"""
    lo = words[j - 1].end if j > 0 else 0
    hi = words[j].start if j < len(words) else len(text)
    return any(lo <= f.start and f.end <= hi for f in names(text, lang))


def _run(side: Side, words: Sequence[Word], i: int, j: int) -> tuple[tuple[int, int], str]:
    start, end = words[i].start, words[j - 1].end
    return (side.offset + start, side.offset + end), side.text[start:end]


def _swap(side: Side, span: tuple[int, int], words: str) -> str:
    """``side.text`` with the document span ``span`` replaced by ``words``."""
    a, b = span[0] - side.offset, span[1] - side.offset
    return side.text[:a] + words + side.text[b:]


def compare_drift(src: Side, tgt: Side) -> list[Change]:
    """Runs of content words without counterpart in two same-language aligned passages.

    Scores: a replaced run 0.45, a dropped or added run 0.3. Nothing is reported across
    languages, for passages with fewer than four content words in all, when the content
    words agree less than :data:`MIN_AGREEMENT`, or when more than :data:`MAX_RUNS` runs
    differ.
    """
    lang = lang_base(src.lang, "en")
    if lang != lang_base(tgt.lang, "en"):
        return []
    # Quoted words are the quote comparer's business when both sides quote; when only one
    # does (a quotation opened in the sentence before, marks lost in translation), skipping
    # them would leave one side's words without their counterparts.
    both = bool(quotes(src.text, src.lang)) and bool(quotes(tgt.text, tgt.lang))
    s = content_words(src.text, src.lang, skip_quoted=both)
    t = content_words(tgt.text, tgt.lang, skip_quoted=both)
    if len(s) + len(t) < 4:
        return []
    s_keys, t_keys = _keys(s, t)
    matcher = SequenceMatcher(a=s_keys, b=t_keys, autojunk=False)
    # Agreement is order-free: a word moved elsewhere in the sentence still agrees.
    common = Counter(s_keys) & Counter(t_keys)
    agreement = 2 * sum(common.values()) / (len(s) + len(t))
    if agreement < MIN_AGREEMENT or agreement == 1.0:
        return []
    in_order = sum(b.size for b in matcher.get_matching_blocks())
    if in_order < sum(common.values()):
        # Shared words in another order: a paraphrase restructured the sentence, and its
        # unmatched words are mostly rephrasing ("resigned" / "stepped down"). A translation
        # error or a slipped word leaves the order alone, so drift is looked for only there.
        return []
    ops = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        # trim words that occur elsewhere on the other side (moved, not changed)
        si = [i for i in range(i1, i2) if s_keys[i] not in common]
        tj = [j for j in range(j1, j2) if t_keys[j] not in common]
        if lang in _COMPOUNDING:
            # a compound on one side made of words of the other ("Brotpreise" / "Preise für
            # Brot") is a rephrasing
            si = [i for i in si if not _compound_of(s_keys[i], t_keys)]
            tj = [j for j in tj if not _compound_of(t_keys[j], s_keys)]
        if si and not tj and _gap_names(tgt.text, tgt.lang, t, j1):
            continue  # a word facing a name on the other side ("Dnipro" / "Bergen", where
        if tj and not si and _gap_names(src.text, src.lang, s, i1):
            continue  # German capitals hide the name): the name comparer's business
        if si or tj:
            ops.append((si, tj))
    if len(ops) > MAX_RUNS:
        return []
    out: list[Change] = []
    for si, tj in ops:
        if len(si) > MAX_RUN or len(tj) > MAX_RUN:
            continue
        if not (_compact(src.text, s, si) and _compact(tgt.text, t, tj)):
            continue  # the run straddles a clause, a quote or a name: a rewrite, not a slip
        if (
            not (si and tj)
            and max(len(w.text) for w in [*(s[i] for i in si), *(t[j] for j in tj)]) < 5
        ):
            continue
        if si and tj:
            s_span, s_text = _run(src, s, si[0], si[-1] + 1)
            t_span, t_text = _run(tgt, t, tj[0], tj[-1] + 1)
            note = f"{DRIFT_NOTE}{s_text!r} -> {t_text!r}"
            probe = (src.text, _swap(src, s_span, t_text), tgt.text, _swap(tgt, t_span, s_text))
            out.append(Change("other", s_span, t_span, s_text, t_text, note, 0.45, probes=(probe,)))
        elif agreement >= MIN_AGREEMENT_GAP and si:
            s_span, s_text = _run(src, s, si[0], si[-1] + 1)
            t_span, t_text = whole(tgt)  # one-sided: the other span is the aligned passage
            out.append(Change("other", s_span, t_span, s_text, t_text,
                              f"dropped: {s_text!r}", 0.3))  # fmt: skip
        elif agreement >= MIN_AGREEMENT_GAP and tj:
            s_span, s_text = whole(src)
            t_span, t_text = _run(tgt, t, tj[0], tj[-1] + 1)
            out.append(Change("other", s_span, t_span, s_text, t_text,
                              f"added: {t_text!r}", 0.3))  # fmt: skip
    return out
