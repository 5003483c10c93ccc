"""Line-level boilerplate segmentation of a cleaned article text.

Contract:
    ``segment(text, lang=..., line_langs=..., line_info=..., site_lines=...)`` returns
    :class:`~storytrace.models.Segment` runs of whole lines covering all of ``text`` in order
    without overlap: ``boilerplate`` (``reason`` from
    :data:`storytrace.models.BOILERPLATE_REASONS`) or ``unassigned`` (prose; the linking stage
    turns it into ``story``). Blank lines join the preceding segment (the following one at the
    start); adjacent segments of the same kind and reason are merged. ``line_langs`` and
    ``line_info`` are indexed like ``text.split("\\n")`` (a length mismatch raises
    ``ValueError``); ``site_lines`` maps :func:`normalise_line` output to the number of *other*
    documents of the same site containing that line.

How it decides (per-line features, then a small procedure with context):
    1. Phrase cues from the multilingual tables below (en, de, fr, es, no, da, sv, ru, uk),
       anchored at the start of a line unless the phrase cannot occur in news prose.
    2. Zones: the first and last prose line in the document language split the text into a
       top edge, a body and a tail. Disclaimers and foreign-language lines count only at the
       edges (or next to a disclaimer): the same words inside the body are news.
    3. Structure: headlines after a "Read also" lead-in, headlines printed twice, body
       headlines whose content words the article does not use (low lexical cohesion), and
       punctuation-free keyword lines in the tail (tags).
    4. Tail propagation: once boilerplate starts after the last prose paragraph, the remaining
       short lines take the reason of the block before them.
    Precision matters as much as recall: quotes (a line starting with a quotation mark or a
    dialogue dash), 1-3 word subheads and subheads whose words recur are story text.

Speed: anchored regexes per line, gated phrase searches and substring look-ups for cohesion;
about 1 ms per 10 KB document (language detection is the caller's and excluded).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from storytrace.ingest.language import normalise_code
from storytrace.models import Segment

# --- Vocabulary tables ----------------------------------------------------------------------
# "xx: phrase; phrase; ..." in normalise_line() form (casefolded, quotes ' and ", dashes -).
# Keep them short: every entry is a phrase that, with the anchoring its rule gives it, does
# not occur in ordinary news prose.


def _table(spec: str) -> tuple[str, ...]:
    """Parse a vocabulary table: ";"-separated entries, optionally tagged "xx:" with their
    language (documentation only)."""
    entries = (
        re.sub(r"^\s*[a-z]{2,4}:\s", "", e).strip() for e in spec.replace("\n", " ").split(";")
    )
    return tuple(e for e in entries if e)


#: Phrases saying a text was machine-translated or left unedited (edge lines only).
DISCLAIMER_PHRASES = _table("""en: automatically translated; machine translated;
machine-translated; machine translation; translated by google; google translate; deepl;
has not been edited; was not edited; de: automatisch übersetzt; maschinell übersetzt;
maschinelle übersetzung; nicht redigiert; fr: traduit automatiquement; traduction automatique;
es: traducido automáticamente; traducción automática; no: maskinoversatt; automatisk oversatt;
ikke redigert; da: maskinoversat; automatisk oversat; sv: maskinöversatt; automatiskt översatt;
ru: автоматически переведен; машинный перевод; автоматический перевод; не редактировался;
uk: автоматично перекладено; машинний переклад; автоматично здійснено; без подальшого редагування
""")
#: "translat-" stems: a foreign line next to a disclaimer that has one is a disclaimer too.
TRANSLATION_STEMS = _table("translat; übersetz; tradu; oversat; oversett; översatt; перев; перекл")
#: Caption/credit prefixes ("Photo: AFP"), followed by ":" "|" or "©".
CAPTION_PREFIXES = _table("""en: photo; photos; photograph; photo credit; image; picture;
illustration; credit; de: foto; fotos; bild; no: bilde; bildet; da: billede; es: imagen;
ru: фото; фотография; снимок; иллюстрация; uk: світлина; ілюстрація""")
#: Photo and news agencies as they appear in credits.
AGENCIES = _table("""afp; reuters; ap; ap photo; associated press; getty images; getty;
shutterstock; epa; epa-efe; efe; anadolu; imago; xinhua; alamy; istock; sipa; bloomberg;
sputnik; de: dpa; picture alliance; picture-alliance; keystone; no: ntb; ntb scanpix; scanpix;
da: ritzau; sv: tt nyhetsbyrån; ru: tass; ria novosti; риа новости; тасс; uk: ukrinform;
укрінформ; уніан""")
#: In-text caption phrasing (a one-sentence line between paragraphs describing a picture).
CAPTION_PHRASES = _table("""en: seen here; shown here; pictured; photographed; in the photo;
in this photo; de: hier zu sehen; im bild; auf dem bild; no: på bildet; da: på billedet;
sv: på bilden; fr: sur la photo; es: en la imagen; en la foto; ru: на фото; на снимке;
на фотографии; uk: на світлині""")
#: Lead-ins of related-link blocks ("Read also: <headline>", or a lead-in then headlines).
RELATED_LEADINS = _table("""en: read also; also read; read more; see also; related;
related articles; related stories; related coverage; on the subject; on this topic;
more on this; more on this topic; more on this story; further reading; recommended;
don't miss; must read; de: lesen sie auch; lies auch; mehr zum thema; auch interessant;
siehe auch; weitere artikel; fr: lire aussi; à lire aussi; a lire aussi; voir aussi;
sur le même sujet; es: lea también; lee también; ver también; te recomendamos;
noticias relacionadas; no: les også; les mer; se også; relaterte saker; da: læs også;
læs mere; sv: läs också; läs mer; se även; relaterat; ru: читайте также; читайте еще;
также читайте; по теме; еще по теме; смотрите также; материалы по теме; новости по теме;
uk: читайте також; також читайте; дивіться також; по темі; за темою; більше на тему""")
#: Links to the rest of the article elsewhere ("Read the full story at ...").
CONTINUATION_LINKS = _table("""en: read the full story; read the full article; continue reading;
full story; de: weiterlesen; lesen sie weiter; fr: lire la suite; es: leer más; seguir leyendo;
no: les hele saken; da: læs hele artiklen; sv: läs hela artikeln; ru: читать далее;
читать полностью; uk: читати далі; читати повністю""")
#: Attribution labels of a copied article ("Source: <outlet>"), followed by a colon.
SOURCE_LABELS = _table("""en: source; via; de: quelle; fr: source; es: fuente; no: kilde;
da: kilde; sv: källa; ru: источник; uk: джерело""")
#: A short line that is only one of these labels is an ad slot.
AD_LABELS = _table("""en: advertisement; advertising; ad; sponsored; sponsored content;
partner content; paid content; promoted; de: anzeige; werbung; fr: publicité;
es: publicidad; no: annonse; sponset; da: annonce; sponsoreret; sv: annons; ru: реклама;
на правах рекламы; партнерский материал; uk: на правах реклами; партнерський матеріал""")
#: Promo prompts at the start of a line.
AD_PROMPTS = _table("""en: you may be interested in; you might be interested in;
you might also like; you may also like; recommended for you; sponsored by;
de: das könnte sie auch interessieren; das könnte sie interessieren; fr: vous aimerez aussi;
vous pourriez aussi aimer; es: te puede interesar; también te puede interesar;
no: du vil kanskje også like; da: måske vil du også synes om; sv: du kanske också gillar;
ru: вам может быть интересно; вас может заинтересовать; uk: вас може зацікавити;
вам може бути цікаво""")
#: Imperative subscribe/follow prompts at the start of a line.
SUBSCRIBE_STARTS = _table("""en: subscribe; follow us; sign up; join our; join us;
get our newsletter; de: abonnieren sie; abonniere; folgen sie uns; folge uns;
fr: abonnez-vous; suivez-nous; inscrivez-vous; es: suscríbete; suscríbase; síguenos; únete;
no: abonner; følg oss; da: abonnér; følg os; sv: prenumerera; följ oss; ru: подпишитесь;
подписывайтесь; присоединяйтесь; uk: підпишіться; підписуйтесь; приєднуйтесь""")
#: Subscribe prompts inside a longer promo paragraph (first-person-plural object).
SUBSCRIBE_ANYWHERE = _table("""en: subscribe to our; subscribe to us; follow us on;
join us on; join our channel; de: abonnieren sie unseren; folgen sie uns auf;
fr: abonnez-vous à notre; suivez-nous sur; es: suscríbete a nuestro; síguenos en;
no: abonner på vår; følg oss på; da: følg os på; sv: följ oss på; ru: подпишитесь на наш;
подписывайтесь на наш; uk: підпишіться на наш; підписуйтесь на наш""")
#: Social networks: with a prompt verb (below) a line naming one is a subscribe prompt.
SOCIAL_NETWORKS = _table("""telegram; facebook; google news; twitter; instagram; whatsapp;
youtube; tiktok; linkedin; viber; threads; vk; vkontakte; вконтакте""")
#: Prompt verbs (at the start of a line, or followed by us/our in the supported languages).
PROMPT_VERBS = _table("""en: subscribe; follow; join; read us; find us; like us;
de: abonn; folg; suiv; følg; sv: följ; es: sigue; sígu; suscr; ru: подпис; присоедин;
читайте нас; uk: підпис; приєдн""")
#: A short line that is only a share label (optionally followed by network names).
SHARE_LABELS = _table("""en: share; share this; share this article; share this story;
share on; de: teilen; artikel teilen; fr: partager; partager cet article; es: compartir;
compartir en; no: del; del artikkelen; del saken; sv: dela; ru: поделиться; uk: поділитися""")
#: Comment-form labels (a whole short line, optionally with a count or "*"); form fields
#: need their "*" or ":" (a bare "Name" could be a subhead).
COMMENT_FIELDS = _table("name; email; e-mail; website; de: webseite; no: navn; e-post; ru: имя")
COMMENT_LABELS = _table("""en: leave a reply; leave a comment; post comment; add comment;
add a comment; write a comment; comments; comment;
de: kommentar; kommentare; kommentieren; kommentar schreiben; schreibe einen kommentar;
hinterlasse einen kommentar; fr: laisser un commentaire; laissez un commentaire;
commentaires; es: deja un comentario; dejar un comentario; comentarios; publicar comentario;
no: kommentarer; skriv en kommentar; legg igjen en kommentar; sv: lämna en kommentar;
ru: оставить комментарий; оставьте комментарий; добавить комментарий; комментарии;
комментарий; uk: залишити коментар; залиште коментар; коментарі""")
#: Comment-form notices anywhere in a line (WordPress-style, with their translations).
COMMENT_PHRASES = _table("""en: your email address will not be published;
required fields are marked; save my name, email;
de: ihre e-mail-adresse wird nicht veröffentlicht; erforderliche felder sind;
fr: votre adresse e-mail ne sera pas publiée; les champs obligatoires sont indiqués;
es: tu dirección de correo electrónico no será publicada; los campos obligatorios están;
no: din e-postadresse vil ikke bli publisert; e-postadressen din vil ikke bli publisert;
da: din e-mailadresse vil ikke blive publiceret; sv: din e-postadress kommer inte att
publiceras; ru: ваш адрес email не будет опубликован; ваш e-mail не будет опубликован;
обязательные поля помечены; uk: ваша адреса електронної пошти не буде опублікована;
обов'язкові поля позначені""")
#: Byline openers ("By admin", "Von Anna Muster", "Av Ola Nordmann").
BYLINE_WORDS = _table("by; von; av; af; par; por; door")
#: Publication-metadata labels ("Posted on 22 May 2022").
POSTED_WORDS = _table("""en: posted; published; updated; author; de: veröffentlicht;
aktualisiert; autor; fr: publié; mis à jour; auteur; es: publicado; actualizado;
no: publisert; oppdatert; da: publiceret; opdateret; sv: publicerad; uppdaterad;
ru: опубликовано; обновлено; автор; uk: опубліковано; оновлено""")
#: Copyright / rights-reserved footers.
FOOTER_PHRASES = _table("""©; en: all rights reserved; de: alle rechte vorbehalten;
fr: tous droits réservés; es: todos los derechos reservados; no: alle rettigheter reservert;
da: alle rettigheder forbeholdes; sv: alla rättigheter förbehållna; ru: все права защищены;
uk: усі права захищені; всі права захищені""")
#: Tag-list prefixes ("Tags: a, b, c").
TAG_PREFIXES = _table("""en: tags; tagged; topics; de: schlagwörter; schlagworte;
stichwörter; fr: mots-clés; étiquettes; es: etiquetas; no: emner; stikkord; da: stikord;
sv: taggar; ämnen; ru: теги; тэги; метки; uk: мітки""")


def _words(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


#: Function words per language: used to tell a foreign line (none of the document language's
#: function words) and to keep only content words for lexical cohesion.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _words("""the a an and or but of to in on at for with from by as is are was were be
    been has have had it its he she they we you i his her their our this that these those there
    not no will would can could should said says also more than then when which who what about
    after before into over other some such only very just like where while because here must"""),
    "de": _words("""der die das den dem des ein eine einen einem und oder aber von zu im in an
    auf für mit aus bei ist sind war waren wird werden hat haben er sie es wir ihr ich nicht kein
    auch dass als wie nach über unter noch schon nur sich sein seine"""),
    "fr": _words("""le la les un une des et ou mais de du au aux en dans sur pour avec par est
    sont était été a ont il elle ils nous vous je ne pas que qui ce cette ces son sa ses leur
    plus aussi comme"""),
    "es": _words("""el la los las un una unos y o pero de del al en con por para es son era fue
    ha han él ella ellos nosotros yo no que quien este esta estos su sus más también como"""),
    "no": _words("""og i på til av for med som er var har hadde en et ei den det de han hun vi
    jeg ikke at om fra men så seg sin sine etter eller ble blir kan skal vil også nå når hva"""),
    "da": _words("""og i på til af for med som er var har havde en et den det de han hun vi jeg
    ikke at om fra men så sig sin sine efter eller blev bliver kan skal vil også nu når hvad"""),
    "sv": _words("""och i på till av för med som är var har hade en ett den det de han hon vi
    jag inte att om från men så sig sin sina efter eller blev blir kan ska vill också nu när"""),
    "ru": _words("""и в во на с со по к о об от до за из у не что как это он она они мы вы я
    его её их был была были быть есть но а же ли бы для при также который которые так"""),
    "uk": _words("""і й та в у на з із по до про від за що як це він вона вони ми ви я його її
    їх був була були бути є але а же чи б для при також який які так не"""),
}
_ALL_FUNCTION_WORDS: frozenset[str] = frozenset().union(*FUNCTION_WORDS.values())

#: Languages a detector confuses with each other; a line in a sibling is not "foreign".
_SIBLINGS = {"nn": "no", "da": "no"}

#: Reasons that describe a block (and so may spread over the rest of the tail); other tail
#: boilerplate spreads as "footer".
_SPREADING = _words("""related-links comment-form subscribe-prompt share-prompt navigation
tags footer ad repeated""")

# Thresholds (why these values: see the tests and the seed scores in the module's test file).
_PROSE_WORDS = 8  # a prose paragraph has at least this many words and a sentence mark
_HEADLINE_MAX_WORDS = 25  # longer unpunctuated lines are run-on prose, not headlines
_SUBHEAD_MIN_WORDS = 4  # 1-3 word subheads are story text unless another cue fires
_COHESION_MIN = 0.35  # mean content-word recurrence below which a body headline is a link
_WINDOW = 3  # "following paragraph" = next three body lines
_FOREIGN_MIN_LETTERS = 25  # shorter lines are too short for a language guess to mean much
_RUN_MAX = 12  # longest related-links run after a lead-in

# --- Compiled patterns -----------------------------------------------------------------------


def _alt(words: Iterable[str]) -> str:
    # Longest first so that "related articles" wins over "related".
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_LEAD = r"^[\s\-*>•·▪►‣◦|»›]*"  # bullets/arrows a site puts before a lead-in or label
_END = r"\s*[:.!*\-|»›>]*\s*$"


def _starts(table: Iterable[str], tail: str = "", head: str = "") -> re.Pattern[str]:
    """A pattern for a line that starts (after bullets) with one of ``table``'s phrases."""
    return re.compile(f"{_LEAD}{head}(?:{_alt(table)}){tail}")


_DISCLAIMER_RE = re.compile(_alt(DISCLAIMER_PHRASES))
_AUTO_RE = re.compile(r"automat|maschinell|machine|maskin|автомат|машинн")
_TRANSLATE_RE = re.compile(_alt(TRANSLATION_STEMS))
_CAPTION_PREFIX_RE = _starts(CAPTION_PREFIXES, r"\s*[:|©]")
_AGENCY = r"(?<![\w])(?:" + _alt(AGENCIES) + r")(?![\w])"
_AGENCY_RE = re.compile(_AGENCY)
_CREDIT_PAREN_RE = re.compile(r"\(([^()]{2,90})\)\s*\.?$")
# "<caption sentence>. Photo: <name/agency>" - the credit closes the line.
_CREDIT_TAIL_RE = re.compile(rf"[.!?)]\s+(?:{_alt(CAPTION_PREFIXES)})\s*[:|©]\s*[^.!?]{{2,80}}$")
_PHOTO_WORD_RE = re.compile(r"(?<![\w])(?:photo|foto|фото)(?![\w])")
_CREDIT_SLASH_RE = re.compile(_AGENCY + r"\s*/\s*\w|\w\s*/\s*" + _AGENCY)
_CAPTION_PHRASE_RE = re.compile(
    r"(?<![\w])(?:" + _alt(CAPTION_PHRASES) + r")(?![\w])"
    r"|\b(?:is|are) seen (?:\w+ing|here|during|at|near|outside|inside)\b"
    r"|\((?:left|right|centre|center)\)"
)
_LEADIN_RE = re.compile(
    _LEAD + r"(?:" + _alt(RELATED_LEADINS) + r")"
    r"(?:\s+(?:on|at|in|from|auf|bei|на|в|на сайте|på|sur|en)\s+[^:]{1,40}?)?"
    r"\s*(?:[:|»›>\-]\s*(?P<rest>.*)|(?:\.\.\.)?\s*)$"
)
_AD_LABEL_RE = _starts(AD_LABELS, _END)
_AD_PREFIX_RE = _starts([*AD_PROMPTS, *(f"{label}:" for label in AD_LABELS if len(label) > 2)])
_SUBSCRIBE_START_RE = _starts(SUBSCRIBE_STARTS, r"(?![\w])")
_SUBSCRIBE_ANY_RE = re.compile(_alt(SUBSCRIBE_ANYWHERE))
_SOCIAL_RE = re.compile(r"(?<![\w])(?:" + _alt(SOCIAL_NETWORKS) + r")(?![\w])")
_PROMPT_RE = re.compile(
    r"^[\s\-*>•·▪►]*(?:" + _alt(PROMPT_VERBS) + r")"
    r"|(?:" + _alt(PROMPT_VERBS) + r")\w*\s+(?:to\s+)?(?:us|our|uns|unser\w*|oss|vår|vårt|"
    r"våre|nous|notre|nos|nuestr\w*|нас|наш\w*)(?![\w])"
)
# A share label and/or only network names ("Share: Facebook | X | E-mail").
_SHARE_RE = _starts(
    ["", *SHARE_LABELS],
    rf"\s*[:|]?\s*(?:(?:{_alt(SOCIAL_NETWORKS)}|e-?mail|x|print|copy link)\s*[,|/·•]?\s*)*{_END}",
    r"(?=.*\w)",
)
_COMMENT_LABEL_RE = _starts(COMMENT_LABELS, r"\s*(?:\(\d+\)|\d+)?\s*[:*]*\s*$", r"(?:\d+\s+)?")
_COMMENT_FIELD_RE = _starts(COMMENT_FIELDS, r"\s*[:*]+\s*$")
_COMMENT_PHRASE_RE = re.compile(_alt(COMMENT_PHRASES))
_BYLINE_RE = re.compile(
    r"^(?:" + _alt(BYLINE_WORDS) + r")\s*:?\s+[^\s.!?:;]+(?:\s+[^\s.!?:;]+){0,2}\s*$"
)
_POSTED_RE = re.compile(r"^(?:" + _alt(POSTED_WORDS) + r")(?![\w])")
_SOURCE_RE = _starts(SOURCE_LABELS, r"\s*:")
_CONTINUATION_RE = _starts(
    CONTINUATION_LINKS, r"(?:\s+(?:at|on|in|auf|bei|на|в|på|sur|en)\s.{1,60})?\W*$"
)
_FOOTER_RE = re.compile(_alt(FOOTER_PHRASES) + r"|^copyright\b|\(c\)\s*(?:19|20)\d\d")
_TIMING_RE = re.compile(
    r"\b\d+\s*(?:requests?|queries|db queries|sql queries|запрос\w*|запит\w*|abfragen|"
    r"spørringer|forespørsler|requêtes|consultas)\s+(?:in|за|en|på|i)\s+\d+(?:[.,]\d+)?\s*"
    r"(?:s|sec|secs|seconds?|ms|сек\w*|sekunden|sekunder|secondes|segundos)\b"
    r"|\b(?:generated|generiert|сгенерирована|создана|згенерована|згенеровано|generert|"
    r"genereret|genererad|générée|generada)\s+(?:in|за|på|i|en)\s+\d+(?:[.,]\d+)?\s*\w*"
    r"|время генерации|час генерації|execution time|page load time"
)
_TAG_PREFIX_RE = _starts(TAG_PREFIXES, r"\s*:")
_NAV_SEP_RE = re.compile(r"\s(?:\||·|•|›|»|>|/)\s")
_DATE_RE = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}:\d{2}\b")

_QUOTE_START = frozenset("\"'“”„‟«»‹›‘’‚「『")
_DIALOGUE_RE = re.compile(r"^[\-–—―]\s")
_BULLET_RE = re.compile(r"^[•·▪►‣◦*●○■□➤→]\s*")
_TRAILING_CLOSERS = "\"'”’»›)]}」』"
_SENTENCE_MARK_RE = re.compile(r"[.!?…](?:[\s\"'”’»)]|$)")
_PUNCT_RE = re.compile(r"[^\w\s]")
_TOKEN_RE = re.compile(r"[^\w\s]*\w\S*")  # a whitespace token with a letter or digit
_WORD_RE = re.compile(r"[^\W\d_]+")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")

_FOLD_CHARS = {c: "'" for c in "‘’‚‛′`´‹›"} | {c: '"' for c in "“”„‟«»″〝〞＂"}
_FOLD_CHARS |= {c: "-" for c in "‐‑‒–—―−⁃"}
# One regex pass with a lookup is ~5x faster than str.translate on non-ASCII text.
_FOLD_RE = re.compile("[" + "".join(_FOLD_CHARS) + "]")


#: A gate is a cheap pre-test for a phrase regex (alternations are slow per character): the
#: longest word of each phrase, tested against a short line's word set, and the words' first
#: five letters, tested as substrings of a long line.
_Gate = tuple[frozenset[str], tuple[str, ...]]


def _gate(*tables: Iterable[str]) -> _Gate:
    words = {max(_WORD_RE.findall(p), key=len) for t in tables for p in t if _WORD_RE.search(p)}
    return frozenset(words), tuple(sorted({w[:5] for w in words}))


_DISCLAIMER_GATE = _gate(DISCLAIMER_PHRASES)
_COMMENT_GATE = _gate(COMMENT_PHRASES)
_SUBSCRIBE_GATE = _gate(SUBSCRIBE_ANYWHERE)
_SOCIAL_GATE = _gate(SOCIAL_NETWORKS)
_CAPTION_GATE = _gate(CAPTION_PHRASES, ["seen", "left", "right", "centre", "center"])
_FOOTER_GATE = _gate(FOOTER_PHRASES, ["copyright", "c"])
_TIMING_GATE = _gate(
    _words("""requests request queries query abfragen spørringer forespørsler
requêtes consultas запросов запроса запросы запитів запити generated generiert generert genereret
genererad générée generada сгенерирована создана згенерована згенеровано время час execution
load""")
)


def normalise_line(line: str) -> str:
    """Fold a line for repetition checks and cue matching: NFKC (NBSP and narrow NBSP become
    spaces, ``…`` three dots), casefold, quotes and apostrophes to ``'``/``"``, dashes to ``-``,
    runs of whitespace to one space, stripped."""
    folded = unicodedata.normalize("NFKC", line).casefold()
    return " ".join(_FOLD_RE.sub(lambda m: _FOLD_CHARS[m.group()], folded).split())


@dataclass(frozen=True, slots=True)
class LineInfo:
    """Optional per-line evidence from the HTML stage: ``link_density`` is the share of the
    line's characters inside ``<a>`` in the source HTML, ``tag`` the enclosing block element
    (``"h2"``, ``"li"``, ``"figcaption"``, ``"footer"``, ``"nav"``, ``"aside"``...)."""

    link_density: float = 0.0
    tag: str | None = None


@dataclass(slots=True)
class _Line:
    """Features of one non-blank line, and the decision taken on it."""

    idx: int
    raw: str
    fold: str
    words: int
    quote: bool
    headline: bool
    prose: bool
    lang: str | None
    info: LineInfo | None
    vocab: frozenset[str] | None  # folded words; None for long lines (not worth the scan)
    reason: str | None = None
    leadin: bool = False  # a lead-in with nothing after it: the headlines follow
    _stems: frozenset[str] | None = None
    _foreign: bool | None = None
    _disclaimer: bool | None = None

    def may(self, gate: _Gate) -> bool:
        """Whether a phrase behind ``gate`` may be in the line (False: skip its regex)."""
        if self.vocab is not None:
            return not self.vocab.isdisjoint(gate[0])
        return any(map(self.fold.__contains__, gate[1]))

    @property
    def stems(self) -> frozenset[str]:
        # Crude prefix stemming (5 letters) is enough to match inflected forms
        # ("report"/"reports", "bridge"/"bridges") across the languages we support.
        if self._stems is None:
            words = self.vocab if self.vocab is not None else _WORD_RE.findall(self.fold)
            self._stems = frozenset(
                w[:5] for w in words if len(w) >= 4 and w not in _ALL_FUNCTION_WORDS
            )
        return self._stems

    @property
    def disclaimer(self) -> bool:
        """Disclaimer wording (it only counts at the edges of a document)."""
        if self._disclaimer is None:
            f, plain = self.fold, self.reason is None and not self.quote and self.words <= 60
            phrase = self.may(_DISCLAIMER_GATE) and _DISCLAIMER_RE.search(f)
            self._disclaimer = plain and bool(
                phrase or (_AUTO_RE.search(f) and _TRANSLATE_RE.search(f))
            )
        return self._disclaimer


def _make_line(idx: int, raw: str, lang: str | None, info: LineInfo | None) -> _Line:
    fold = normalise_line(raw)
    quote = raw[0] in _QUOTE_START or bool(_DIALOGUE_RE.match(raw))
    body = _BULLET_RE.sub("", raw)  # a bulleted line is judged by its text
    # Exact token counts only matter for short lines; long ones are prose whatever the count.
    words = fold.count(" ") + 1
    if words <= 12:  # don't count a lone dash or bullet as a word
        words = len(_TOKEN_RE.findall(fold))
    tail = body.rstrip(_TRAILING_CLOSERS + " ")
    ends_open = bool(tail) and (tail[-1].isalnum() or tail[-1] in "?!")
    headline = ends_open and words <= _HEADLINE_MAX_WORDS and len(body) <= 200
    has_mark = bool(_SENTENCE_MARK_RE.search(body))
    prose = (words >= _PROSE_WORDS and has_mark and not headline) or words > _HEADLINE_MAX_WORDS
    vocab = frozenset(_WORD_RE.findall(fold)) if words <= 30 else None
    return _Line(idx, raw, fold, words, quote, headline, prose, lang, info, vocab)


# --- Per-line phrase cues --------------------------------------------------------------------


_TAG_REASONS = {"nav": "navigation", "footer": "footer", "figcaption": "image-caption"}


def _info_reason(ln: _Line) -> str | None:
    """Reason from the HTML stage's evidence: the block element, or a link-dense aside."""
    if ln.info is None:
        return None
    tag = (ln.info.tag or "").lower()
    if tag == "aside" and ln.info.link_density >= 0.3:
        return "related-links"
    return _TAG_REASONS.get(tag)


def _caption(ln: _Line) -> bool:
    fold = ln.fold
    if _CAPTION_PREFIX_RE.match(fold):
        return True
    if ln.quote or ln.words > 60:
        return False
    if ln.words <= 40 and _CREDIT_TAIL_RE.search(fold):
        return True
    paren = _CREDIT_PAREN_RE.search(fold)
    if paren:
        inner = paren.group(1)
        if "/" in inner or " via " in inner or _AGENCY_RE.search(inner):
            return True
    if ln.words <= 10 and _AGENCY_RE.search(fold):  # short line: the scan is cheap
        # A short line naming an agency is a credit when it has credit shape.
        slash = _CREDIT_SLASH_RE.search(fold) or _PHOTO_WORD_RE.search(fold)
        if slash or " via " in fold or ln.words <= 3:
            return True
    # Caption phrasing: one sentence, no quotation, not a run-on paragraph.
    if ln.words <= 45 and ln.may(_CAPTION_GATE) and _CAPTION_PHRASE_RE.search(fold):
        sentences = len(_SENTENCE_MARK_RE.findall(ln.raw.rstrip()))
        return sentences <= 1 and '"' not in fold
    return False


def _phrase_reason(ln: _Line) -> str | None:
    """Reason for a line from its own wording alone (None: no phrase cue)."""
    fold = ln.fold
    short = ln.words <= 12
    if ln.quote:
        # A quoted line is somebody's speech: only unmistakable form notices count.
        hit = ln.may(_COMMENT_GATE) and _COMMENT_PHRASE_RE.search(fold)
        return "comment-form" if hit else None
    if ln.words <= 20 and ln.may(_TIMING_GATE) and _TIMING_RE.search(fold):
        return "server-timing"
    if ln.words <= 40 and ("©" in fold or ln.may(_FOOTER_GATE)) and _FOOTER_RE.search(fold):
        return "footer"
    # Comment notices are short lines (not worth scanning every paragraph for).
    notice = ln.words <= 30 and ln.may(_COMMENT_GATE) and _COMMENT_PHRASE_RE.search(fold)
    if notice or (short and (_COMMENT_LABEL_RE.match(fold) or _COMMENT_FIELD_RE.match(fold))):
        return "comment-form"
    if _AD_PREFIX_RE.match(fold) or (short and _AD_LABEL_RE.match(fold)):
        return "ad"
    if short and _SHARE_RE.match(fold):
        return "share-prompt"
    # An imperative prompt, or a network named in a prompt ("follow us on"), not in news.
    prompt = ln.may(_SUBSCRIBE_GATE) and _SUBSCRIBE_ANY_RE.search(fold)
    social = ln.words <= 30 and ln.may(_SOCIAL_GATE) and _SOCIAL_RE.search(fold)
    if prompt or _SUBSCRIBE_START_RE.match(fold) or (social and _PROMPT_RE.search(fold)):
        return "subscribe-prompt"
    if ln.words <= 15 and _CONTINUATION_RE.match(fold):
        return "related-links"
    m = _LEADIN_RE.match(fold)
    if m and ln.words <= _HEADLINE_MAX_WORDS + 5:
        ln.leadin = not _WORD_RE.search(m.group("rest") or "")
        return "related-links"
    if _caption(ln):
        return "image-caption"
    if ln.words <= 4 and not ln.prose and _BYLINE_RE.match(fold) and ln.raw[:1].isupper():
        return "byline"
    if short and not ln.prose and (_POSTED_RE.match(fold) or _SOURCE_RE.match(fold)):
        return "byline"
    if short and _TAG_PREFIX_RE.match(fold):
        return "tags"
    if short and not ln.prose and _NAV_SEP_RE.search(fold):
        items = _NAV_SEP_RE.split(fold)
        if len(items) >= 3 and all(it.count(" ") <= 3 for it in items):
            return "navigation"
    return None


# --- Document-level decisions ----------------------------------------------------------------


def _is_foreign(ln: _Line, doc_lang: str | None) -> bool:
    """Whether a line is confidently in another language than the document."""
    if doc_lang is None or ln.quote:
        return False
    if ln.lang is not None and _SIBLINGS.get(ln.lang, ln.lang) == _SIBLINGS.get(doc_lang, doc_lang):
        return False  # the detector agrees with the document
    words = _WORD_RE.findall(ln.fold)
    letters = sum(len(w) for w in words)
    if letters < _FOREIGN_MIN_LETTERS:
        return False
    doc_cyr = doc_lang in ("ru", "uk", "bg", "sr", "mk", "be")
    if doc_cyr != (len(_CYRILLIC_RE.findall(ln.fold)) * 2 > letters):
        return True  # another script is as confident as it gets
    if ln.lang is None:
        return False
    # Only a language code, no probability: ask for the confidence a bare code cannot give,
    # few of the document language's function words and some of the line language's (or,
    # for a language without a table, a long line).
    own, other = FUNCTION_WORDS.get(doc_lang), FUNCTION_WORDS.get(ln.lang)
    if own is not None and sum(1 for w in words if w in own) * 5 >= len(words):
        return False
    return any(w in other for w in words) if other else letters >= 2 * _FOREIGN_MIN_LETTERS


def _occurrences(stem: str, text: str) -> int:
    """Words of ``text`` starting with ``stem`` (a stem under 5 letters is a whole word)."""
    n, whole, size = 0, len(stem) < 5, len(stem)
    i = text.find(stem)
    while i >= 0:
        j = i + size
        starts = i == 0 or not text[i - 1].isalnum()
        n += starts and not (whole and j < len(text) and text[j].isalnum())
        i = text.find(stem, j)
    return n


class _Doc:
    """The decision procedure over one document's non-blank lines."""

    def __init__(self, lines: list[_Line], doc_lang: str | None) -> None:
        self.lines = lines
        self.doc_lang = doc_lang
        self.first = 0  # list index of the first prose line in the document language
        self.last = -1  # ... and of the last one
        self._body: str | None = None

    def foreign(self, ln: _Line) -> bool:
        if ln._foreign is None:
            ln._foreign = _is_foreign(ln, self.doc_lang)
        return ln._foreign

    def _doc_prose(self, ln: _Line) -> bool:
        return ln.prose and ln.reason is None and not ln.disclaimer and not self.foreign(ln)

    def zones(self) -> None:
        """Find the first/last prose line in the document language (lazily: from each end)."""
        n = len(self.lines)
        self.first = next((k for k in range(n) if self._doc_prose(self.lines[k])), n)
        self.last = next((k for k in range(n - 1, -1, -1) if self._doc_prose(self.lines[k])), -1)

    def _adjacent(self, k: int, reason: str) -> bool:
        # Adjacent = previous/next non-blank line with at most one blank line between.
        for j in (k - 1, k + 1):
            near = 0 <= j < len(self.lines) and abs(self.lines[j].idx - self.lines[k].idx) <= 2
            if near and self.lines[j].reason == reason:
                return True
        return False

    def edges(self) -> None:
        self.zones()
        edge = [k for k in range(len(self.lines)) if k < self.first or k > self.last]
        for k in range(self.first + 1, self.last):  # "By/Von/Av <words>" in the body: subhead
            if self.lines[k].reason == "byline" and _BYLINE_RE.match(self.lines[k].fold):
                self.lines[k].reason = None
        for k in edge:
            if self.lines[k].disclaimer:
                self.lines[k].reason = "translation-disclaimer"
        # Grow disclaimer blocks over adjacent foreign lines (other-language versions of the
        # same notice), then take the remaining foreign lines at the edges (a wrapper in
        # another language). A foreign line inside the body may be a quote: it stays.
        changed = True
        while changed:
            changed = False
            for k in edge:
                ln = self.lines[k]
                grow = ln.reason is None and self.foreign(ln)
                if grow and self._adjacent(k, "translation-disclaimer"):
                    named = bool(_TRANSLATE_RE.search(ln.fold)) or ln.may(_DISCLAIMER_GATE)
                    ln.reason = "translation-disclaimer" if named else "foreign-language"
                    changed = True
        for k in edge:
            if self.lines[k].reason is None and self.foreign(self.lines[k]):
                self.lines[k].reason = "foreign-language"

    def link_dense(self) -> None:
        """Short lines that are mostly links: related links in the body, else navigation."""
        for k, ln in enumerate(self.lines):
            dense = ln.info is not None and ln.info.link_density >= 0.5
            if dense and ln.reason is None and ln.words <= 15 and not ln.prose:
                body = self.first < k < self.last and ln.words >= _SUBHEAD_MIN_WORDS
                ln.reason = "related-links" if body else "navigation"

    def related_runs(self) -> None:
        """Headlines after a bare lead-in ("Read also:"). The run ends at a non-headline, at a
        wider gap than the one after the lead-in (a list is evenly spaced) or at a subhead
        (a line whose words the following paragraphs take up)."""
        for k, ln in enumerate(self.lines):
            if not ln.leadin or k + 1 >= len(self.lines):
                continue
            gap = self.lines[k + 1].idx - ln.idx
            for j in range(k + 1, min(k + 1 + _RUN_MAX, len(self.lines))):
                nxt = self.lines[j]
                if nxt.reason is not None or not nxt.headline or nxt.words < 2:
                    break
                wider = nxt.idx - self.lines[j - 1].idx > gap
                if wider or self.cohesion(j, window_only=True) > 0.5:
                    break
                # A keyword line right after the links at the end of the page is the tag list.
                tags = j > self.last and self._tags_shaped(nxt)
                nxt.reason = "tags" if tags else "related-links"

    def duplicates(self) -> None:
        """A headline printed twice in one document is a link to another article."""
        heads = [x for x in self.lines if x.reason is None and x.headline and not x.quote]
        counts = Counter(x.fold for x in heads if x.words >= 2)
        for ln in heads:
            ln.reason = "related-links" if counts[ln.fold] > 1 else None

    @staticmethod
    def _substantive(ln: _Line) -> bool:
        return ln.reason is None and ln.words >= 6

    def _elsewhere(self, stem: str, ln: _Line) -> bool:
        """Whether ``stem`` occurs in the story lines other than ``ln``."""
        if self._body is None:  # built once, after the cue passes that remove lines from it
            self._body = "\n".join(x.fold for x in self.lines if self._substantive(x))
        own = _occurrences(stem, ln.fold) if self._substantive(ln) else 0
        return _occurrences(stem, self._body) > own

    def cohesion(self, k: int, *, window_only: bool = False) -> float:
        """Mean recurrence of line k's content words: 1 in the next paragraphs, 0.5 elsewhere
        (unless ``window_only``)."""
        ln = self.lines[k]
        if not ln.stems:
            return 1.0
        window: list[str] = []
        for nxt in self.lines[k + 1 :]:
            if len(window) >= _WINDOW:
                break
            if nxt.reason is None and not nxt.headline and nxt.words >= 4:
                window.append(nxt.fold)
        following = "\n".join(window)
        score = 0.0
        for s in ln.stems:
            if _occurrences(s, following):
                score += 1.0
            elif not window_only and self._elsewhere(s, ln):
                score += 0.5
        return score / len(ln.stems)

    def low_cohesion_headlines(self) -> None:
        """Body headlines (not the title, not quotes) whose words the article does not use."""
        self._body = None  # the story lines as they are now
        for k, ln in enumerate(self.lines):
            subhead = ln.headline and not ln.quote and ln.words >= _SUBHEAD_MIN_WORDS
            if subhead and ln.reason is None and self.first < k < self.last:
                ln.reason = "related-links" if self.cohesion(k) < _COHESION_MIN else None

    def _tags_shaped(self, ln: _Line) -> bool:
        """A punctuation-free keyword line: the article's own words, or Capitalised Words."""
        if not (3 <= ln.words <= 15) or ln.quote or _PUNCT_RE.search(ln.fold):
            return False
        # Keywords, not a sentence: few function words ("in", "den", "the"...).
        function_words, words = FUNCTION_WORDS.get(self.doc_lang or "", ()), ln.fold.split()
        if sum(1 for w in words if w in function_words) * 5 >= len(words):
            return False
        toks = ln.raw.split()
        capitalised = sum(1 for t in toks if t[:1].isupper()) / len(toks)
        stems = ln.stems
        recurring = sum(1 for s in stems if self._elsewhere(s, ln)) / len(stems) if stems else 0
        return recurring >= 0.5 or capitalised >= 0.75

    def tail(self) -> None:
        """Tags, dates and spreading of boilerplate after the last prose paragraph."""
        started: str | None = None
        for ln in self.lines[self.last + 1 :]:
            if ln.reason is None and started is not None and self._tags_shaped(ln):
                ln.reason = "tags"
            elif ln.reason is None and ln.words <= 6 and _DATE_RE.search(ln.fold):
                # A date (at most a month name and a label besides the numbers).
                ln.reason = "byline" if len(_WORD_RE.findall(ln.fold)) <= 3 else None
            if ln.reason is not None:
                started = ln.reason
            elif started is not None and not ln.quote and not ln.prose:
                ln.reason = started if started in _SPREADING else "footer"


def segment(
    text: str,
    *,
    lang: str | None,
    line_langs: Sequence[str | None] | None = None,
    line_info: Sequence[LineInfo | None] | None = None,
    site_lines: Mapping[str, int] | None = None,
) -> list[Segment]:
    """Split ``text`` into line-level ``boilerplate``/``unassigned`` segments (see the module
    docstring for the contract). ``lang`` is the document language; ``None`` takes the majority
    of ``line_langs`` weighted by line length. A line that ``site_lines`` says is on other pages
    of the site is boilerplate with reason ``repeated`` unless a more specific cue fires.
    """
    raw_lines = text.split("\n")
    for name, seq in (("line_langs", line_langs), ("line_info", line_info)):
        if seq is not None and len(seq) != len(raw_lines):
            raise ValueError(f"{name} has {len(seq)} entries for {len(raw_lines)} lines")
    if not text:
        return []
    doc_lang = normalise_code(lang) or _majority_lang(raw_lines, line_langs)

    lines: list[_Line] = []
    for i, raw in enumerate(raw_lines):
        stripped = raw.strip()
        if not stripped:
            continue
        ll = normalise_code(line_langs[i]) if line_langs is not None else None
        ln = _make_line(i, stripped, ll, line_info[i] if line_info is not None else None)
        ln.reason = _info_reason(ln) or _phrase_reason(ln)
        # A short line on other pages of the site is template; a whole paragraph must be on
        # several before we call it that (a follow-up story may repeat one paragraph).
        elsewhere = site_lines.get(ln.fold, 0) if site_lines and ln.reason is None else 0
        if elsewhere >= (3 if ln.prose else 1):
            ln.reason = "repeated"
        lines.append(ln)

    doc = _Doc(lines, doc_lang)
    doc.edges()
    doc.link_dense()
    doc.related_runs()
    doc.duplicates()
    doc.low_cohesion_headlines()
    doc.tail()
    return _to_segments(text, raw_lines, {ln.idx: ln.reason for ln in lines})


def _majority_lang(raw_lines: list[str], line_langs: Sequence[str | None] | None) -> str | None:
    weight: Counter[str] = Counter()
    for raw, code in zip(raw_lines, line_langs or (), strict=False):
        weight[normalise_code(code) or ""] += len(raw)
    weight.pop("", None)
    return weight.most_common(1)[0][0] if weight else None


def _to_segments(
    text: str, raw_lines: list[str], reasons: Mapping[int, str | None]
) -> list[Segment]:
    """Turn per-line decisions (non-blank line index -> reason or None) into merged,
    gap-free segments over ``text``."""
    starts: list[int] = []
    ends: list[int] = []
    labels: list[str | None] = []
    pos = 0
    for i, raw in enumerate(raw_lines):
        end = pos + len(raw) + (1 if i < len(raw_lines) - 1 else 0)
        if i not in reasons:  # blank: joins the preceding segment (or the first one)
            if ends:
                ends[-1] = end
        elif labels and labels[-1] == reasons[i]:
            ends[-1] = end
        else:
            starts.append(pos if starts else 0)  # leading blank lines join the first segment
            ends.append(end)
            labels.append(reasons[i])
        pos = end
    if not starts:  # only blank lines
        return [Segment(0, len(text), "unassigned")]
    return [
        Segment(a, b, "unassigned") if r is None else Segment(a, b, "boilerplate", r)
        for a, b, r in zip(starts, ends, labels, strict=True)
    ]
