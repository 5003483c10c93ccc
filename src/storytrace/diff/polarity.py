"""Polarity: negations, and loaded words whose evaluation flips between aligned passages.

Contract:
    ``negations(text, lang)`` returns one ``Fact(kind="polarity", value="neg")`` per negated
    clause: English not / n't / never / no / nobody / nothing / none / neither / nor, German
    nicht / kein* / nie / niemals / niemand / nichts, Scandinavian ikke / ikkje / inte /
    aldri / aldrig / ingen / intet / ingenting, Russian не / нет / никогда, Ukrainian не / ні /
    ніколи / немає, French ne / n' … pas / jamais / rien / personne, Spanish no / nunca /
    jamás / nadie / nada. Languages with negative concord count a clause once ("никто не
    знает", "ne … jamais", "no … nunca"); "not only" / "nicht nur" / "не только" /
    "ikke bare" and litotes ("did not hide her relief", "не приховувала полегшення") are
    not negations. ``detail`` is the negator's language-free class
    (``not``, ``never``, ``none``).
    ``evaluations(text, lang)`` returns ``Fact(kind="polarity", value="+" or "-")`` for the
    words of a small lexicon of loaded (approving / pejorative) words, en, de, nb, ru, fr, es.
    ``compare_polarity`` is a :data:`~storytrace.diff.model.Comparer`: it reports a
    **negation** change when the parity of the negation counts differs and one passage has
    no negation at all (within one language
    the unmatched negators are located by aligning the words; across languages a difference
    that words with built-in negation such as "without", "unable", "impossible", "ohne",
    "без" could explain is not reported), and an **evaluation flip** when one passage uses
    only approving and the other only pejorative loaded words (e.g. "bombastic" -> "lofty").

Why parity: two negations cancel ("not unlike", "не мог не"), and a translation may move a
negation between words ("did not respond" / "schwieg") but seldom flips an odd count to an
even one unless the meaning flipped.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from .model import Change, Fact, Side, fact_span, lang_base, whole

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|n['’]t\b", re.IGNORECASE)

# negator -> class, per language
_NEG: dict[str, dict[str, str]] = {
    "en": {
        **dict.fromkeys("not cannot".split(), "not"), "never": "never",
        **dict.fromkeys("no nobody nothing none neither nowhere".split(), "none"),
    },
    "de": {
        "nicht": "not", **dict.fromkeys("nie niemals".split(), "never"),
        **dict.fromkeys(
            "kein keine keinen keinem keiner keines niemand nichts nirgends weder".split(),
            "none",
        ),
    },
    "nb": {
        **dict.fromkeys("ikke ikkje".split(), "not"), "aldri": "never",
        **dict.fromkeys("ingen intet ingenting verken hverken".split(), "none"),
    },
    "sv": {
        "inte": "not", "icke": "not", "aldrig": "never",
        **dict.fromkeys("ingen inget inga ingenting varken".split(), "none"),
    },
    "da": {
        "ikke": "not", "aldrig": "never",
        **dict.fromkeys("ingen intet ingenting hverken".split(), "none"),
    },
    "ru": {
        "не": "not", "нет": "none", "нету": "none", "никогда": "never",
        **dict.fromkeys("никто ничего ничто нигде никуда никакой никакая никакие".split(), "none"),
    },
    "uk": {
        "не": "not", "ні": "none", "немає": "none", "нема": "none", "ніколи": "never",
        **dict.fromkeys("ніхто нічого ніщо ніде нікуди жоден жодна жодного".split(), "none"),
    },
    "fr": {
        "ne": "not", "n": "not", "pas": "not", "jamais": "never",
        **dict.fromkeys("rien personne aucun aucune ni".split(), "none"),
    },
    "es": {
        "no": "not", **dict.fromkeys("nunca jamás".split(), "never"),
        **dict.fromkeys("nadie nada ninguno ninguna ningún tampoco ni".split(), "none"),
    },
}  # fmt: skip
_NEG["no"] = _NEG["nn"] = _NEG["nb"]
_NEGATOR_WORDS = frozenset(w for table in _NEG.values() for w in table) | {"n't", "n’t"}
# Negative concord: the verbal negator ("не", "ne", "no") and the n-words of one clause make
# one negation; in the other languages every negator negates on its own.
_CONCORD = frozenset({"ru", "uk", "fr", "es", "pt", "it"})
_FR_NEEDS_NE = frozenset({"personne", "rien", "aucun", "aucune", "ni"})
_NOT_ONLY = {
    "en": ("not", {"only", "just", "merely", "least"}),
    "de": ("nicht", {"nur", "bloß", "zuletzt"}),
    "nb": ("ikke", {"bare", "minst"}),
    "da": ("ikke", {"bare", "kun"}),
    "sv": ("inte", {"bara", "minst"}),
    "ru": ("не", {"только", "просто"}),
    "uk": ("не", {"тільки", "лише"}),
    "es": ("no", {"solo", "sólo", "solamente"}),
}
_NOT_ONLY["no"] = _NOT_ONLY["nn"] = _NOT_ONLY["nb"]

# Litotes: a negated verb of hiding, denying, hesitating or doubting states the positive
# ("did not hide her relief" = "was relieved", "не приховувала полегшення"), so a translation
# that says it plainly flips nothing. A negator with such a verb within two words after it or
# three before it (Norwegian and German put the negator after the verb) is not counted.
_LITOTES = re.compile(
    r"^(?:hid(?:e|es|ing|den)?|conceal\w*|hesitat\w*|doubt\w*"
    r"|verheimlich\w*|verhehl\w*|verberg\w*|verbirg\w*|verbarg\w*|zöger\w*|zweifel\w*"
    r"|skjul\w*|nøl\w*|tvil\w*|dölj\w*|dolde|tvek\w*"
    r"|скрыва\w*|скрыл\w*|скрыт\w*|утаива\w*|сомнева\w*|колеба\w*"
    r"|прихов\w*|сумніва\w*|вага\w*"
    r"|cach\w*|dissimul\w*|hésit\w*|dout\w*|ocult\w*|escond\w*|disimul\w*|vacil\w*|dud\w*)$",
    re.IGNORECASE,
)

# Words with a negation built in: a translation may render them with an explicit negator.
_IMPLICIT = re.compile(
    r"^(?:without|unable|impossible|unaware|unknown|unclear|lack\w*|fail\w*|refus\w*|den(?:y|ied)"
    r"|ohne|unmöglich|unbekannt|unklar|verweiger\w*|uten|umulig|ukjent|uklart|nekt\w*"
    r"|utan|omöjlig\w*|без|невозможно|нельзя|неизвестно|отказ\w*|неможливо|відмов\w*"
    r"|sans|impossible|inconnu\w*|refus\w*|sin|imposible|desconocid\w*|rechaz\w*|neg\w*)$",
    re.IGNORECASE,
)

# Loaded words: stem prefixes with their evaluation (+ approving, - pejorative). Small on
# purpose: only words whose connotation survives out of context.
_LEXICON: dict[str, dict[str, int]] = {
    "en": {
        **dict.fromkeys(
            "bombastic pompous grandiose boastful arrogant reckless notorious infamous brutal "
            "ruthless shameful disgraceful dubious cynical sinister fanatic regime propagand "
            "hysteric outrageous absurd delusion".split(),
            -1,
        ),
        **dict.fromkeys(
            "lofty noble heroic courageous brave bold admirable visionary glorious honourable "
            "honorable principled ambitious inspiring celebrated renowned legendary "
            "wise".split(),
            1,
        ),
    },
    "de": {
        **dict.fromkeys(
            "bombastisch pompös großspurig großmaul arrogant rücksichtslos berüchtigt brutal "
            "skrupellos schändlich zweifelhaft zynisch finster fanatisch regime propaganda "
            "hysterisch absurd hochtrabend".split(),
            -1,
        ),
        **dict.fromkeys(
            "erhaben edel nobel heldenhaft heroisch mutig tapfer kühn bewundernswert visionär "
            "glorreich ehrenhaft ehrgeizig gefeiert berühmt legendär weise hehr".split(),
            1,
        ),
    },
    "nb": {
        **dict.fromkeys(
            "bombastisk pompøs storslagen skrytende arrogant hensynsløs beryktet brutal "
            "skruppelløs skammelig tvilsom kynisk fanatisk regime propaganda hysterisk "
            "absurd".split(),
            -1,
        ),
        **dict.fromkeys(
            "opphøyd edel nobel heroisk modig tapper dristig beundringsverdig visjonær "
            "ærefull ambisiøs feiret berømt legendarisk klok".split(),
            1,
        ),
    },
    "ru": {
        **dict.fromkeys(
            "напыщен помпезн высокопарн хвастлив высокомерн безрассудн "
            "пресловут жесток безжалостн позорн сомнительн циничн фанатичн режим пропаганд "
            "истеричн абсурдн".split(),
            -1,
        ),
        **dict.fromkeys(
            "возвышенн благородн героическ смел храбр отважн достойн восхищен "
            "дальновидн славн честолюбив прославлен легендарн мудр".split(),
            1,
        ),
    },
    "fr": {
        **dict.fromkeys(
            "grandiloquent pompeu arrogant imprudent tristement brutal impitoyable honteu "
            "douteu cynique fanatique régime propagande hystérique absurde".split(),
            -1,
        ),
        **dict.fromkeys(
            "noble élevé héroïque courageu brave audacieu admirable visionnaire glorieu "
            "honorable ambitieu célèbre légendaire sage".split(),
            1,
        ),
    },
    "es": {
        **dict.fromkeys(
            "grandilocuente pomposo arrogante imprudente brutal despiadado vergonzoso dudoso "
            "cínico fanático régimen propaganda histérico absurdo".split(),
            -1,
        ),
        **dict.fromkeys(
            "noble elevado heroico valiente valeroso audaz admirable visionario glorioso "
            "honorable ambicioso célebre legendario sabio".split(),
            1,
        ),
    },
}
_LEXICON["no"] = _LEXICON["nn"] = _LEXICON["da"] = _LEXICON["nb"]
_MIN_PREFIX = 5  # a lexicon stem shorter than this must match the whole word


#: Least word agreement (Dice over case-folded words, negators left out) for a same-language
#: negation change: a flipped claim keeps the rest of its sentence. "The chamber welcomed
#: the decision" -> "The decision was not welcomed by the chamber" scores about 0.8; the
#: rewordings that produced false negation changes on real back-translations 0.2-0.45.
AGREEMENT = 0.5


def _agreement(a: str, b: str) -> float:
    """Dice similarity of the two texts' word sets, negation words excluded."""
    wa = {m.group().lower() for m in _words(a)} - _NEGATOR_WORDS
    wb = {m.group().lower() for m in _words(b)} - _NEGATOR_WORDS
    if not wa or not wb:
        return 0.0
    return 2 * len(wa & wb) / (len(wa) + len(wb))


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[re.Match[str], ...]:
    return tuple(_TOKEN.finditer(text))


def _neg_class(word: str, lang: str) -> str | None:
    low = word.casefold().replace("’", "'")
    if lang == "en" and low.endswith("n't"):
        return "not"
    if lang == "fr" and low.startswith("n'"):
        return "not"
    return _NEG.get(lang, _NEG["en"]).get(low)


def negations(text: str, lang: str | None) -> list[Fact]:
    """One fact per negated clause (see the module docstring)."""
    base = lang_base(lang, "en")
    words = _words(text)
    concord = base in _CONCORD
    not_only = _NOT_ONLY.get(base)
    facts: list[Fact] = []
    prev = -10  # word index of the previous negator
    for i, m in enumerate(words):
        word = m.group()
        cls = _neg_class(word, base)
        if cls is None:
            continue
        low = word.casefold()
        if (
            not_only
            and low == not_only[0]
            and i + 1 < len(words)
            and words[i + 1].group().casefold() in not_only[1]
        ):
            continue
        joined = (
            concord
            and i - prev <= 6
            and not re.search(r"[,;.!?:]", text[words[prev].end() : m.start()])
        )
        if joined:
            prev = i
            continue  # "ne … pas", "никто не", "no … nunca": one negation
        if base == "fr" and low in _FR_NEEDS_NE:
            continue  # "une personne", "plus de": negative only with "ne"
        if any(_LITOTES.match(w.group()) for w in words[max(0, i - 3) : i + 3]):
            prev = i
            continue  # "did not hide her relief": a positive statement
        prev = i
        facts.append(Fact("polarity", m.start(), m.end(), word, "neg", detail=cls))
    return facts


@lru_cache(maxsize=65536)
def _lexicon_value(word: str, lang: str) -> int:
    low = word.casefold()
    for stem, value in _LEXICON.get(lang, {}).items():
        if low == stem or (len(stem) >= _MIN_PREFIX and low.startswith(stem)):
            return value
    return 0


def evaluations(text: str, lang: str | None) -> list[Fact]:
    """Loaded words of the lexicon in ``text``, ``value`` "+" (approving) or "-" (pejorative)."""
    base = lang_base(lang, "en")
    out = []
    for m in _words(text):
        v = _lexicon_value(m.group(), base)
        if v:
            out.append(Fact("polarity", m.start(), m.end(), m.group(), "+" if v > 0 else "-"))
    return out


def loaded(word: str, lang: str | None) -> bool:
    """Is ``word`` a negator or a loaded word of the lexicon? (Used to keep drift quiet.)"""
    base = lang_base(lang, "en")
    return _neg_class(word, base) is not None or _lexicon_value(word, base) != 0


def _unmatched_negations(src: Side, tgt: Side, s: list[Fact], t: list[Fact]) -> tuple[
    list[Fact], list[Fact]
]:  # fmt: skip
    """Within one language: the negators on each side that the word alignment leaves alone."""
    s_words, t_words = _words(src.text), _words(tgt.text)
    sw = [m.group().casefold() for m in s_words]
    tw = [m.group().casefold() for m in t_words]
    s_pos = {m.start(): i for i, m in enumerate(s_words)}
    t_pos = {m.start(): i for i, m in enumerate(t_words)}
    matched_s: set[int] = set()
    matched_t: set[int] = set()
    for block in SequenceMatcher(a=sw, b=tw, autojunk=False).get_matching_blocks():
        matched_s.update(range(block.a, block.a + block.size))
        matched_t.update(range(block.b, block.b + block.size))
    return (
        [f for f in s if s_pos.get(f.start) not in matched_s],
        [f for f in t if t_pos.get(f.start) not in matched_t],
    )


def compare_polarity(src: Side, tgt: Side) -> list[Change]:
    """Negation parity changes and evaluation flips; see the module docstring.

    Scores: a negation change 0.8 within a language, 0.5 across languages; an evaluation flip
    0.6.
    """
    same_lang = lang_base(src.lang, "en") == lang_base(tgt.lang, "en")
    out: list[Change] = []
    s_neg, t_neg = negations(src.text, src.lang), negations(tgt.text, tgt.lang)
    # Only a negation that appears or disappears altogether is reported: between 1 and 2
    # (and higher) counts, coordination decides ("not naming X or including Y" / "does not
    # name X and does not include Y"), not meaning.
    if len(s_neg) % 2 != len(t_neg) % 2 and min(len(s_neg), len(t_neg)) == 0:
        explained = False
        if not same_lang:
            s_imp = sum(bool(_IMPLICIT.match(m.group())) for m in _words(src.text))
            t_imp = sum(bool(_IMPLICIT.match(m.group())) for m in _words(tgt.text))
            explained = bool(s_imp or t_imp)
        if same_lang and _agreement(src.text, tgt.text) < AGREEMENT:
            # The two sides say it in different words (a rewrite, or a merge the aligner
            # joined): a negation appearing there is rewording ("confused" -> "not sure"),
            # not a flipped claim.
            explained = True
        if not explained:
            extra_s, extra_t = (s_neg, t_neg)
            if same_lang:
                extra_s, extra_t = _unmatched_negations(src, tgt, s_neg, t_neg)
            s_span, s_text = whole(src)
            t_span, t_text = whole(tgt)
            fs = extra_s[0] if extra_s else None
            ft = extra_t[0] if extra_t else None
            note = (
                f"negation {'added' if len(t_neg) > len(s_neg) else 'removed'}: "
                f"{len(s_neg)} -> {len(t_neg)} negated clauses"
            )
            out.append(
                Change(
                    "polarity",
                    fact_span(src, fs) if fs else s_span,
                    fact_span(tgt, ft) if ft else t_span,
                    fs.text if fs else s_text,
                    ft.text if ft else t_text,
                    note,
                    score=0.8 if same_lang else 0.5,
                    source_value=str(len(s_neg)),
                    target_value=str(len(t_neg)),
                )
            )
    s_ev, t_ev = evaluations(src.text, src.lang), evaluations(tgt.text, tgt.lang)
    s_vals, t_vals = {f.value for f in s_ev}, {f.value for f in t_ev}
    if len(s_vals) == 1 and len(t_vals) == 1 and s_vals != t_vals:
        a, b = s_ev[0], t_ev[0]
        word = {"+": "approving", "-": "pejorative"}
        out.append(
            Change(
                "polarity",
                fact_span(src, a),
                fact_span(tgt, b),
                a.text,
                b.text,
                f"evaluation flipped: {word[a.value]} {a.text!r} -> {word[b.value]} {b.text!r}",
                score=0.6,
                source_value=a.value,
                target_value=b.value,
            )
        )
    return out
