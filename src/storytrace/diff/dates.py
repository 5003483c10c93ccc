"""Dates in one sentence, found by per-language patterns, as ``date`` facts.

Contract:
    ``dates(text, lang, published)`` returns the :class:`~storytrace.diff.model.Fact` s of
    kind ``"date"`` in ``text``, sorted by ``start``, never overlapping. ``value`` is:

    * ISO ``YYYY-MM-DD`` when the day is known (a missing year is inferred from
      ``published``: the nearest such day, the past preferred), ``YYYY-MM``, ``YYYY``, or a
      partial ``--MM-DD`` / ``--MM`` without ``published``; ``YYYY-Www`` for a week;
    * for a date relative to the publication ("yesterday", "last year", "a week ago",
      "on Saturday"): its resolution against ``published``, else a key ``rel:day-1``,
      ``rel:year-1``, ``rel:week-1``, ``rel:month+0``, ``rel:wd6`` (ISO weekday);
    * for a date relative to the story's own timeline ("two days later", "the next day",
      "la veille"): ``rel:day+2`` / ``rel:day+1`` / ``rel:day-1``, resolved only against a
      full date earlier in the same text, never against publication.

    ``detail`` tags (see :func:`storytrace.diff.numbers.tags`): ``rel=day-1`` and
    ``anchor=pub|story`` for relative dates, ``wd=N`` when a weekday is named, ``inferred``
    when the year came from ``published``, ``fmt=day-first-dot`` / ``fmt=numeric`` with
    ``foreign`` for a day-first ordinal date ("22. February") or a dotted numeric date in
    English text. :func:`same_date` says whether two date facts name the same day.

Spans: a weekday next to a date joins it ("Saturday, 26 February", "lørdag 26. februar"),
a year after a day and month joins them; prepositions stay outside except where they are
the phrase ("i fjor", "on Saturday" is just "Saturday").

Why our own arithmetic rather than ``dateparser.parse`` on the spans (measured on 23 spans
with ``languages=[...]`` and ``RELATIVE_BASE`` 2022-02-27, dateparser 1.5.0): it resolved
"two days later" against publication (2022-03-01), which is wrong for narrative dates; it
put "December 20" in the future (2022-12-20) where news means last December; it returned
``None`` for "у суботу" and "the next day"; it turns "this year" into a full day, losing the
granularity a comparison needs; and its first call per language costs 20-75 ms (0.5 ms
warm). The patterns below already capture day, month and year, so the rest is a table look-up
and ``datetime`` arithmetic (a few microseconds).

Limits: times of day, date ranges ("24-26 February": only the last day is a date), seasons
and holidays are not read; a weekday alone is resolved to the last such day on or before
publication (news of an announced event "on Saturday" points forward); a narrative date is
anchored only on a full date earlier in the same passage, not on the previous sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .model import Fact
from .numbers import alternation, norm_lang, tags, tags_of, word_values

_MONTHS: dict[str, dict[str, int]] = {}


def _months(lang: str, spec: str) -> None:
    table: dict[str, int] = {}
    for i, forms in enumerate(spec.split(), start=1):
        for form in forms.split("|"):
            table[form] = i
    _MONTHS[lang] = table


_months("en", "January|Jan February|Feb March|Mar April|Apr May June|Jun July|Jul "
        "August|Aug September|Sept|Sep October|Oct November|Nov December|Dec")  # fmt: skip
_months("de", "januar|jänner|jan februar|feber|feb märz|maerz|mär april|apr mai juni|jun "
        "juli|jul august|aug september|sept|sep oktober|okt november|nov dezember|dez")  # fmt: skip
_months("no", "januar|jan februar|feb mars april|apr mai juni juli august|aug "
        "september|sept oktober|okt november|nov desember|des")  # fmt: skip
_months("ru", "января|январь|январе февраля|февраль|феврале марта|март|марте "
        "апреля|апрель|апреле мая|май|мае июня|июнь|июне июля|июль|июле "
        "августа|август|августе сентября|сентябрь|сентябре октября|октябрь|октябре "
        "ноября|ноябрь|ноябре декабря|декабрь|декабре")  # fmt: skip
_months("uk", "січня|січень|січні лютого|лютий|лютому березня|березень|березні "
        "квітня|квітень|квітні травня|травень|травні червня|червень|червні "
        "липня|липень|липні серпня|серпень|серпні вересня|вересень|вересні "
        "жовтня|жовтень|жовтні листопада|листопад|листопаді грудня|грудень|грудні")  # fmt: skip
_months("fr", "janvier|janv février|fevrier|févr mars avril|avr mai juin juillet|juil "
        "août|aout septembre|sept octobre|oct novembre|nov décembre|decembre|déc")  # fmt: skip
_months("es", "enero febrero marzo abril mayo junio julio agosto "
        "septiembre|setiembre octubre noviembre diciembre")  # fmt: skip

_WEEKDAYS: dict[str, dict[str, int]] = {
    "en": {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
           "saturday": 6, "sunday": 7},
    "de": {"montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5,
           "samstag": 6, "sonnabend": 6, "sonntag": 7},
    "no": {"mandag": 1, "tirsdag": 2, "onsdag": 3, "torsdag": 4, "fredag": 5, "lørdag": 6,
           "søndag": 7},
    # accusative forms ("в субботу"), dative and genitive ("к четвергу", "до четверга");
    # "среда" (also "environment") only as "среду"
    "ru": {"понедельник": 1, "вторник": 2, "среду": 3, "четверг": 4, "пятницу": 5,
           "пятница": 5, "субботу": 6, "суббота": 6, "воскресенье": 7,
           "понедельнику": 1, "понедельника": 1, "вторнику": 2, "вторника": 2,
           "четвергу": 4, "четверга": 4, "пятнице": 5, "пятницы": 5, "субботе": 6,
           "субботы": 6, "воскресенью": 7, "воскресенья": 7},
    "uk": {"понеділок": 1, "вівторок": 2, "середу": 3, "четвер": 4, "п'ятницю": 5,
           "п’ятницю": 5, "п'ятниця": 5, "суботу": 6, "субота": 6, "неділю": 7, "неділя": 7,
           "понеділка": 1, "вівторка": 2, "четверга": 4, "п'ятниці": 5, "п’ятниці": 5,
           "суботи": 6, "неділі": 7},
    "fr": {"lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6,
           "dimanche": 7},
    "es": {"lunes": 1, "martes": 2, "miércoles": 3, "jueves": 4, "viernes": 5, "sábado": 6,
           "domingo": 7},
}  # fmt: skip

# Fixed relative phrases: (phrase regex, unit, offset, anchor).
_FIXED: dict[str, list[tuple[str, str, int, str]]] = {
    "en": [("the day before yesterday", "day", -2, "pub"), ("yesterday", "day", -1, "pub"),
           ("today", "day", 0, "pub"), ("tomorrow", "day", 1, "pub"),
           ("(?:earlier |later )?this year", "year", 0, "pub"), ("last year", "year", -1, "pub"),
           ("next year", "year", 1, "pub"), ("this week", "week", 0, "pub"),
           ("last week", "week", -1, "pub"), ("next week", "week", 1, "pub"),
           ("this month", "month", 0, "pub"), ("last month", "month", -1, "pub"),
           ("next month", "month", 1, "pub"),
           ("the (?:next|following) day|the day after", "day", 1, "story"),
           ("the (?:previous|preceding) day|the day before", "day", -1, "story")],
    "de": [("vorgestern", "day", -2, "pub"), ("gestern", "day", -1, "pub"),
           ("heute", "day", 0, "pub"), ("übermorgen", "day", 2, "pub"),
           ("(?<!am )(?<!heute )(?-i:morgen)", "day", 1, "pub"),
           ("(?:in )?diese[mns]? jahr(?:es)?", "year", 0, "pub"),
           ("(?:im )?(?:letzten|vergangenen|vorigen) jahr(?:es)?|letztes jahr|vergangenes jahr"
            "|voriges jahr|im vorjahr", "year", -1, "pub"),
           ("(?:im )?(?:nächsten|kommenden) jahr|nächstes jahr|kommendes jahr", "year", 1, "pub"),
           ("diese woche", "week", 0, "pub"),
           ("(?:in der )?(?:letzten|vergangenen|vorigen) woche|letzte woche|vergangene woche",
            "week", -1, "pub"),
           ("(?:in der )?(?:nächsten|kommenden) woche|nächste woche", "week", 1, "pub"),
           ("diesen monat|in diesem monat", "month", 0, "pub"),
           ("(?:im )?(?:letzten|vergangenen|vorigen) monat", "month", -1, "pub"),
           ("(?:im )?(?:nächsten|kommenden) monat", "month", 1, "pub"),
           ("am (?:nächsten|folgenden) tag|tags darauf|am tag danach", "day", 1, "story"),
           ("am vortag|am tag (?:zuvor|davor)", "day", -1, "story")],
    "no": [("i forgårs", "day", -2, "pub"), ("i går", "day", -1, "pub"),
           ("i dag", "day", 0, "pub"), ("i morges", "day", 0, "pub"),
           ("i overmorgen", "day", 2, "pub"), ("i morgen", "day", 1, "pub"),
           ("i år", "year", 0, "pub"), ("i fjor", "year", -1, "pub"),
           ("(?:til )?neste år", "year", 1, "pub"),
           ("(?:i )?denne uk(?:en|a)", "week", 0, "pub"),
           ("(?:i )?forrige uke|sist uke", "week", -1, "pub"),
           ("(?:i )?neste uke", "week", 1, "pub"),
           ("(?:i )?denne måneden", "month", 0, "pub"),
           ("(?:i )?forrige måned", "month", -1, "pub"),
           ("(?:i )?neste måned", "month", 1, "pub"),
           ("dagen etter|neste dag|dagen derpå", "day", 1, "story"),
           ("dagen før|dagen i forveien", "day", -1, "story")],
    "ru": [("позавчера", "day", -2, "pub"), ("вчера", "day", -1, "pub"),
           ("сегодня", "day", 0, "pub"), ("послезавтра", "day", 2, "pub"),
           ("завтра", "day", 1, "pub"),
           ("в (?:этом|текущем) году|этого года|текущего года", "year", 0, "pub"),
           ("в (?:прошлом|минувшем) году|прошлого года", "year", -1, "pub"),
           ("в (?:следующем|будущем) году|следующего года", "year", 1, "pub"),
           ("на этой неделе", "week", 0, "pub"), ("на прошлой неделе", "week", -1, "pub"),
           ("на следующей неделе", "week", 1, "pub"), ("в этом месяце", "month", 0, "pub"),
           ("в прошлом месяце", "month", -1, "pub"), ("в следующем месяце", "month", 1, "pub"),
           ("на следующий день|на другой день", "day", 1, "story"),
           ("накануне", "day", -1, "story"),
           ("годом (?:ранее|раньше)", "year", -1, "story"),
           ("месяцем (?:ранее|раньше)", "month", -1, "story"),
           ("неделей (?:ранее|раньше)", "day", -7, "story"),
           ("(?:днём|днем|сутками) (?:ранее|раньше)", "day", -1, "story"),
           ("годом (?:позже|позднее)", "year", 1, "story")],
    "uk": [("позавчора", "day", -2, "pub"), ("вчора|учора", "day", -1, "pub"),
           ("сьогодні", "day", 0, "pub"), ("післязавтра", "day", 2, "pub"),
           ("завтра", "day", 1, "pub"),
           ("цього року|(?:у|в) цьому році|поточного року", "year", 0, "pub"),
           ("минулого року|(?:у|в) минулому році|торік", "year", -1, "pub"),
           ("наступного року|(?:у|в) наступному році", "year", 1, "pub"),
           ("цього тижня|на цьому тижні", "week", 0, "pub"),
           ("минулого тижня|на минулому тижні", "week", -1, "pub"),
           ("наступного тижня|на наступному тижні", "week", 1, "pub"),
           ("цього місяця", "month", 0, "pub"), ("минулого місяця", "month", -1, "pub"),
           ("наступного місяця", "month", 1, "pub"),
           ("наступного дня|наступної доби", "day", 1, "story"),
           ("напередодні", "day", -1, "story"), ("роком раніше", "year", -1, "story"),
           ("місяцем раніше", "month", -1, "story"), ("тижнем раніше", "day", -7, "story"),
           ("(?:днем|добою) раніше", "day", -1, "story"), ("роком пізніше", "year", 1, "story")],
    "fr": [("avant-hier", "day", -2, "pub"), ("(?<!avant-)hier", "day", -1, "pub"),
           ("aujourd['’]hui", "day", 0, "pub"), ("après-demain", "day", 2, "pub"),
           ("(?<!après-)demain", "day", 1, "pub"), ("cette année", "year", 0, "pub"),
           ("l['’]année (?:dernière|passée)|l['’]an (?:dernier|passé)", "year", -1, "pub"),
           ("l['’]année prochaine|l['’]an prochain", "year", 1, "pub"),
           ("cette semaine", "week", 0, "pub"),
           ("la semaine (?:dernière|passée)", "week", -1, "pub"),
           ("la semaine prochaine", "week", 1, "pub"), ("ce mois-ci", "month", 0, "pub"),
           ("le mois (?:dernier|passé)", "month", -1, "pub"),
           ("le mois prochain", "month", 1, "pub"),
           ("le lendemain|le jour suivant", "day", 1, "story"),
           ("la veille|le jour précédent", "day", -1, "story")],
    "es": [("anteayer|antier", "day", -2, "pub"), ("ayer", "day", -1, "pub"),
           ("hoy", "day", 0, "pub"), ("pasado mañana", "day", 2, "pub"),
           ("(?<!la )(?<!esta )(?<!pasado )mañana", "day", 1, "pub"),
           ("este año", "year", 0, "pub"), ("el año pasado|el pasado año", "year", -1, "pub"),
           ("el (?:año )?próximo(?: año)?|el año que viene", "year", 1, "pub"),
           ("esta semana", "week", 0, "pub"), ("la semana pasada", "week", -1, "pub"),
           ("la (?:próxima semana|semana próxima|semana que viene)", "week", 1, "pub"),
           ("este mes", "month", 0, "pub"), ("el mes pasado", "month", -1, "pub"),
           ("el (?:próximo mes|mes próximo|mes que viene)", "month", 1, "pub"),
           ("al día siguiente|el día siguiente", "day", 1, "story"),
           ("el día anterior|la víspera", "day", -1, "story")],
}  # fmt: skip

#: Seasons relative to the publication: (language, this, last, next, {season: word}).
#: "next spring" -> ``YYYY-spring`` resolved, else ``rel:spring+1``. Not Norwegian: "i vår"
#: is also "in our".
_SEASON_WORDS: list[tuple[str, str, str, str, dict[str, str]]] = [
    ("en", "this", "last", "next",
     {"spring": "spring", "summer": "summer", "autumn": "autumn|fall", "winter": "winter"}),
    ("de", "(?:in )?diese[mns]?", "(?:im )?(?:letzten|vergangenen|vorigen)",
     "(?:im )?(?:nächsten|kommenden)",
     {"spring": "frühjahr|frühling", "summer": "sommer", "autumn": "herbst",
      "winter": "winter"}),
]  # fmt: skip
SEASONS = frozenset({"spring", "summer", "autumn", "winter"})
for _lang, _this, _last, _next, _words in _SEASON_WORDS:
    for _season, _w in _words.items():
        _FIXED[_lang] += [
            (f"{_this} (?:{_w})", _season, 0, "pub"),
            (f"{_last} (?:{_w})", _season, -1, "pub"),
            (f"{_next} (?:{_w})", _season, 1, "pub"),
        ]

# Units for "N units ago/later/earlier".
_UNITS: dict[str, dict[str, str]] = {
    "en": {"day": "days?", "week": "weeks?", "month": "months?", "year": "years?"},
    "de": {"day": "tag|tage|tagen", "week": "woche|wochen", "month": "monat|monate|monaten",
           "year": "jahr|jahre|jahren"},
    "no": {"day": "dag|dager|døgn", "week": "uke|uker", "month": "måned|måneder",
           "year": "år"},
    "ru": {"day": "день|дня|дней|сутки|суток", "week": "неделю|недели|недель",
           "month": "месяц|месяца|месяцев", "year": "год|года|лет"},
    "uk": {"day": "день|дні|днів|доби|діб", "week": "тиждень|тижні|тижнів",
           "month": "місяць|місяці|місяців", "year": "рік|роки|років"},
    "fr": {"day": "jours?", "week": "semaines?", "month": "mois", "year": "ans|années?"},
    "es": {"day": "días?", "week": "semanas?", "month": "mes|meses", "year": "años?"},
}  # fmt: skip

# Templates around "{n} {u}": (template, sign, anchor). "{n}" may be absent ("неделю назад").
_SPANS: dict[str, list[tuple[str, int, str]]] = {
    "en": [("{n} {u} ago", -1, "pub"), ("{n} {u} (?:later|after)", 1, "story"),
           ("{n} {u} (?:earlier|before)", -1, "story")],
    "de": [("vor {n} {u}", -1, "pub"), ("{n} {u} (?:später|danach)", 1, "story"),
           ("{n} {u} (?:zuvor|davor|früher)", -1, "story")],
    "no": [("for {n} {u} siden", -1, "pub"), ("{n} {u} (?:senere|etter|seinere)", 1, "story"),
           ("{n} {u} (?:før|tidligere)", -1, "story")],
    "ru": [("{n} {u} назад", -1, "pub"), ("(?:через|спустя) {n} {u}", 1, "story"),
           ("{n} {u} спустя", 1, "story"),
           ("за {n} {u} до (?:этого|того)", -1, "story")],
    "uk": [("{n} {u} тому", -1, "pub"), ("через {n} {u}", 1, "story"),
           ("{n} {u} потому", 1, "story"),
           ("за {n} {u} до (?:цього|того)", -1, "story")],
    "fr": [("il y a {n} {u}", -1, "pub"), ("{n} {u} (?:plus tard|après)", 1, "story"),
           ("{n} {u} (?:plus tôt|avant|auparavant)", -1, "story")],
    "es": [("hace {n} {u}", -1, "pub"), ("{n} {u} (?:después|más tarde)", 1, "story"),
           ("{n} {u} antes", -1, "story")],
}  # fmt: skip

# Words that make a bare four-digit number a year ("in 2022", "2022 года", "seit 2014").
_YEAR_BEFORE = (
    r"in|of|since|until|till|by|before|after|during|early|late|im|seit|bis|vor|nach|jahr|"
    r"jahres|anfang|ende|mitte|i|siden|til|fra|før|etter|året|в|во|с|до|после|к|у|з|від|"
    r"після|до|en|de|depuis|jusqu'en|avant|après|année|desde|hasta|año|del|durante|summer|"
    r"spring|autumn|fall|winter"
)
_YEAR_PRE = re.compile(
    rf"(?<!\w)(?:{_YEAR_BEFORE})\s+(?:(?:the\s+)?year\s+|jahr\s+|år\s+|del\s+año\s+)?$",
    re.IGNORECASE,
)
# A year after a day and month; "24. Februar 2 500" is a count, not the year 2500.
_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d|[.,]\d|[ \u00a0\u202f]\d{3}(?!\d))"
_YEAR_AFTER = r"\s*(?:года|году|год|г\.|року|році|рік|р\.|år)(?!\w)"
_PREP_MONTH = {
    "en": "in|since|until|by|early|late|mid-?", "de": "im|seit|bis|anfang|ende|mitte",
    "no": "i|siden|til|fra|innen|begynnelsen av|slutten av", "ru": "в|во|с|до|к|с начала",
    "uk": "у|в|з|до|із", "fr": "en|depuis|jusqu'en|début|fin|mi-",
    "es": "en|desde|hasta|a finales de",
}  # fmt: skip


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    prio: int
    value: str
    detail: str = ""
    foreign: bool = False


def _langs(lang: str | None) -> list[str]:
    """The languages whose tables apply to ``lang``: itself, or all when it has none."""
    return [lang] if lang is not None and lang in _MONTHS else list(_MONTHS)


@lru_cache(maxsize=16)
def _patterns(lang: str | None) -> dict[str, re.Pattern[str]]:
    """The compiled patterns of ``lang`` (``None``: every language's month names)."""
    langs = _langs(lang)
    months = [m for code in langs for m in _MONTHS[code]]
    wdays = [w for code in langs for w in _WEEKDAYS[code]]
    mon = alternation(months)
    wd = alternation(wdays)
    wd_pre = rf"(?:(?P<wd>{wd})(?:en)?,?\s+(?:(?:den|le|el)\s+)?)?"
    dmy = (
        rf"{wd_pre}(?P<d>\d{{1,2}})(?P<suf>\.|st|nd|rd|th|er|ᵉʳ|-?го|-?е)?(?:\s+of)?"
        rf"(?:\s+de)?[ \u00a0]+(?P<m>{mon})(?!\w)\.?"
        rf"(?:,?[ \u00a0]+(?:de\s+|del\s+)?{_YEAR}(?:{_YEAR_AFTER})?)?"
    )
    mdy = (
        rf"{wd_pre}(?P<m>{mon})\.?[ \u00a0]+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d.,]\d|\w)"
        rf"(?:,?[ \u00a0]+{_YEAR})?"
    )
    my = rf"(?P<m>{mon})(?!\w)\.?,?[ \u00a0]+(?:de\s+|del\s+)?{_YEAR}(?:{_YEAR_AFTER})?"
    preps = "|".join(_PREP_MONTH[c] for c in langs)
    month_only = rf"(?<!\w)(?:{preps})\s+(?P<m>{mon})(?!\w)"
    unit_words = {
        u: "|".join(_UNITS[c][u] for c in langs) for u in ("day", "week", "month", "year")
    }
    nums = alternation([w for c in langs for w in word_values(c)] + ["a", "an"])
    rel_fixed = "|".join(
        f"(?P<f{i}>{p})" for i, (p, *_r) in enumerate(r for c in langs for r in _FIXED[c])
    )
    spans: list[str] = []
    for c in langs:
        for tmpl, _sign, _anchor in _SPANS[c]:
            unit = "|".join(f"(?P<u_{u}_{len(spans)}>{w})" for u, w in unit_words.items())
            n = rf"(?:(?P<n{len(spans)}>\d{{1,3}}|{nums})\s+)?"
            body = tmpl.replace("{n} ", "{n}").format(n=n, u=f"(?:{unit})")
            spans.append(f"(?P<s{len(spans)}>{body})")
    return {
        "dmy": re.compile(rf"(?<![\w.,])(?:{dmy})", re.IGNORECASE),
        "mdy": re.compile(rf"(?<!\w)(?:{mdy})", re.IGNORECASE),
        "my": re.compile(rf"(?<!\w)(?:{my})", re.IGNORECASE),
        "month": re.compile(month_only, re.IGNORECASE),
        "numeric": re.compile(
            r"(?<![\w.,/])(?:(?P<y0>\d{4})-(?P<m0>\d{2})-(?P<d0>\d{2})"
            r"|(?P<d1>\d{1,2})\.(?P<m1>\d{1,2})\.(?P<y1>\d{4}|\d{2}(?!\d))?"
            r"|(?P<a2>\d{1,2})/(?P<b2>\d{1,2})/(?P<y2>\d{4}))(?![\d]|[.,/]\d)"
        ),
        # German joins a part of the day to the weekday ("Dienstagabend", "Montagmorgen").
        "weekday": re.compile(
            rf"(?<!\w)(?P<wd>{wd})(?:en|s|abends?|morgens?|(?:vor|nach)?mittags?|nachts?)?(?!\w)",
            re.IGNORECASE,
        ),
        "fixed": re.compile(rf"(?<!\w)(?:{rel_fixed})(?!\w)", re.IGNORECASE),
        "spans": re.compile(rf"(?<!\w)(?:{'|'.join(spans)})(?!\w)", re.IGNORECASE),
        # every span names a unit word: a cheap test that spares the long alternation above
        "units": re.compile(rf"(?<!\w)(?:{'|'.join(unit_words.values())})(?!\w)", re.I),
        "year": re.compile(
            r"(?<![\w.,\u00a0\u202f])(?P<y>(?:19|20)\d\d)(?!\w|[.,\u00a0\u202f]\d| \d{3})"
            rf"(?P<post>{_YEAR_AFTER})?",
            re.IGNORECASE,
        ),
    }


@lru_cache(maxsize=16)
def _fixed_table(lang: str | None) -> list[tuple[str, int, str]]:
    return [(u, k, a) for c in _langs(lang) for (_p, u, k, a) in _FIXED[c]]


@lru_cache(maxsize=16)
def _span_table(lang: str | None) -> list[tuple[int, str]]:
    return [(sign, anchor) for c in _langs(lang) for (_t, sign, anchor) in _SPANS[c]]


def _month_no(lang: str | None, word: str) -> int | None:
    """The month of a month name; English ones only capitalised ("may" is a verb)."""
    key = word.rstrip(".")
    for code in _langs(lang):
        if code == "en":
            if key[:1].isupper() and key.capitalize() in _MONTHS["en"]:
                return _MONTHS["en"][key.capitalize()]
        elif key.casefold() in _MONTHS[code]:
            return _MONTHS[code][key.casefold()]
    return None


def _weekday_no(lang: str | None, word: str) -> int | None:
    """The ISO weekday of a weekday name; English ones only capitalised."""
    key = word.casefold()
    for code in _langs(lang):
        if code == "en" and not word[:1].isupper():
            continue
        table = _WEEKDAYS[code]
        if key in table:
            return table[key]
    return None


def _nearest(published: date, month: int, day: int | None) -> date | None:
    """The day (or month start) nearest to ``published``, a past one twice as likely."""
    best: tuple[int, date] | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            cand = date(year, month, day or 1)
        except ValueError:
            continue
        gap = (published - cand).days
        cost = gap if gap >= 0 else -2 * gap
        if best is None or cost < best[0]:
            best = (cost, cand)
    return best[1] if best else None


def _absolute(
    y: int | None, m: int, d: int | None, published: date | None
) -> tuple[str, str] | None:
    """Value and tag of a (partly) known date; ``None`` when the day does not exist."""
    if y is not None:
        if d is None:
            return f"{y:04d}-{m:02d}", ""
        try:
            return date(y, m, d).isoformat(), ""
        except ValueError:
            return None
    if d is not None and not 1 <= d <= 31:
        return None
    if published is not None:
        cand = _nearest(published, m, d)
        if cand is not None:
            return (cand.isoformat() if d else cand.strftime("%Y-%m")), "inferred"
    return (f"--{m:02d}-{d:02d}" if d else f"--{m:02d}"), ""


def shift(published: date, unit: str, k: int) -> str:
    """``published`` moved by ``k`` units, at the unit's granularity (``rel:`` resolution)."""
    if unit in SEASONS:
        return f"{published.year + k:04d}-{unit}"
    if unit == "day":
        return (published + timedelta(days=k)).isoformat()
    if unit == "week":
        y, w, _ = (published + timedelta(weeks=k)).isocalendar()
        return f"{y:04d}-W{w:02d}"
    if unit == "month":
        idx = published.year * 12 + published.month - 1 + k
        return f"{idx // 12:04d}-{idx % 12 + 1:02d}"
    return f"{published.year + k:04d}"


def _rel(unit: str, k: int) -> str:
    return f"{unit}{k:+d}"


def _collect(text: str, lang: str | None, published: date | None) -> list[_Hit]:
    pats = _patterns(lang)
    hits: list[_Hit] = []
    for name, prio in (("dmy", 0), ("mdy", 0)):
        for m in pats[name].finditer(text):
            month = _month_no(lang, m.group("m"))
            if month is None:
                continue
            y = int(m.group("y")) if m.group("y") else None
            got = _absolute(y, month, int(m.group("d")), published)
            if got is None:
                continue
            tg = [got[1]] if got[1] else []
            if m.group("wd") and (wd := _weekday_no(lang, m.group("wd"))):
                tg.append(f"wd={wd}")
            foreign = name == "dmy" and lang == "en" and m.group("suf") == "."
            if foreign:
                tg.append("fmt=day-first-dot")
            hits.append(_Hit(m.start(), _end(m), prio, got[0], " ".join(tg), foreign))
    for m in pats["numeric"].finditer(text):
        _numeric(m, lang, published, hits)
    for m in pats["my"].finditer(text):
        month = _month_no(lang, m.group("m"))
        if month is not None:
            hits.append(_Hit(m.start(), _end(m), 2, f"{int(m.group('y')):04d}-{month:02d}"))
    for m in pats["month"].finditer(text):
        month = _month_no(lang, m.group("m"))
        got = _absolute(None, month, None, published) if month else None
        if got is not None:
            hits.append(_Hit(m.start("m"), m.end(), 3, got[0], got[1]))
    for m in pats["fixed"].finditer(text):
        unit, k, anchor = _fixed_table(lang)[int(str(m.lastgroup)[1:])]
        hits.append(_relative(m.start(), m.end(), unit, k, anchor, published))
    if pats["units"].search(text):
        for m in pats["spans"].finditer(text):
            _span_hit(m, lang, published, hits)
    for m in pats["weekday"].finditer(text):
        wd = _weekday_no(lang, m.group("wd"))
        if wd is None:
            continue
        if published is not None:
            back = (published.isoweekday() - wd) % 7
            value = (published - timedelta(days=back)).isoformat()
        else:
            value = f"rel:wd{wd}"
        hits.append(_Hit(m.start(), m.end(), 4, value, f"wd={wd} rel=wd{wd} anchor=pub"))
    for m in pats["year"].finditer(text):
        pre = _YEAR_PRE.search(text, max(0, m.start() - 30), m.start())
        if pre or m.group("post") or _year_alone(text, m.end("y")):
            hits.append(_Hit(m.start("y"), m.end(), 5, m.group("y")))
    return hits


def _end(m: re.Match[str]) -> int:
    """The end of a date match without a sentence-final dot after a full month name."""
    end = m.end()
    if m.string[end - 1] == "." and m.end("m") == end - 1 and len(m.group("m")) > 4:
        return end - 1
    return end


def _year_alone(text: str, end: int) -> bool:
    """A bare year ends a clause ("… in the war of 2022.", "2014-2022"), not a count."""
    rest = text[end : end + 3]
    return not rest.strip() or rest[0] in '.,;:)!?»”"' or bool(re.match(r"[-–]\d", rest))


_NUMERIC_PRE = re.compile(
    r"(?<!\w)(?:am|vom|zum|bis|seit|ab|den|fra|til|med|innen|с|по|до|на|з|від)\s+$", re.I
)


def _numeric(m: re.Match[str], lang: str | None, published: date | None, out: list[_Hit]) -> None:
    """ISO "2022-02-24", day-first "24.02.2022" / "am 1.8." and slashed "2/24/2022"."""
    y: int | None
    if m.group("y0"):
        y, mo, d = int(m.group("y0")), int(m.group("m0")), int(m.group("d0"))
        fmt = ""
    elif m.group("d1"):
        if m.group("y1") is None and not _NUMERIC_PRE.search(m.string, 0, m.start()):
            return  # "1.8." may end a sentence on a decimal; "am 1.8." is a date
        if lang not in ("de", "no", "ru", "uk", "en", None):
            return
        d, mo = int(m.group("d1")), int(m.group("m1"))
        yy = m.group("y1")
        y = (2000 + int(yy) if len(yy) == 2 else int(yy)) if yy else None
        fmt = "numeric" if lang == "en" else ""
    else:
        a, b = int(m.group("a2")), int(m.group("b2"))
        mo, d = (a, b) if lang == "en" and a <= 12 else (b, a)
        y, fmt = int(m.group("y2")), ""
    if not 1 <= mo <= 12:
        return
    got = _absolute(y, mo, d, published)
    if got is None:
        return
    tg = [t for t in (got[1], f"fmt={fmt}" if fmt else "") if t]
    out.append(_Hit(m.start(), m.end(), 1, got[0], " ".join(tg), bool(fmt)))


def _relative(start: int, end: int, unit: str, k: int, anchor: str, pub: date | None) -> _Hit:
    rel = _rel(unit, k)
    tg = f"rel={rel} anchor={anchor}"
    if anchor == "pub" and pub is not None:
        return _Hit(start, end, 6, shift(pub, unit, k), tg)
    return _Hit(start, end, 6, f"rel:{rel}", tg)


def _span_hit(m: re.Match[str], lang: str | None, pub: date | None, out: list[_Hit]) -> None:
    idx = int(str(m.lastgroup)[1:])  # the outermost group "s<idx>" closes last
    sign, anchor = _span_table(lang)[idx]
    unit = next(k.split("_")[1] for k, v in m.groupdict().items() if v and k.startswith("u_"))
    raw = m.group(f"n{idx}")
    if raw is None:
        n = 1
    elif raw.isdigit():
        n = int(raw)
    else:  # a number word of the first language that has it; "a", "an" (any language) are 1
        key = raw.casefold()
        n = next((v[key] for c in _langs(lang) if key in (v := word_values(c))), 1)
    if unit == "week":
        unit, n = "day", 7 * n
    out.append(_relative(m.start(), m.end(), unit, sign * n, anchor, pub))


def _story_anchor(hits: list[_Hit]) -> list[_Hit]:
    """Resolve "two days later" against the last full date before it in the same text."""
    last: date | None = None
    out: list[_Hit] = []
    for h in hits:
        tg = tags_of(h.detail)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", h.value) and "anchor" not in tg:
            last = date.fromisoformat(h.value)
        elif tg.get("anchor") == "story" and last is not None:
            rm = re.fullmatch(r"(day|month|year)([+-]\d+)", tg.get("rel", ""))
            if rm is not None:
                value = shift(last, rm.group(1), int(rm.group(2)))
                out.append(_Hit(h.start, h.end, h.prio, value, h.detail + " resolved", h.foreign))
                continue
        out.append(h)
    return out


def dates(text: str, lang: str | None, published: date | None = None) -> list[Fact]:
    """The date facts of ``text`` in ``lang``, resolved against ``published`` (docstring)."""
    code = norm_lang(lang)
    hits = _collect(text, code if code in _MONTHS else None, published)
    # Earlier-listed, longer matches win: a full date over the weekday or year inside it.
    hits.sort(key=lambda h: (h.prio, -(h.end - h.start), h.start))
    chosen: list[_Hit] = []
    for h in hits:
        if all(h.end <= c.start or c.end <= h.start for c in chosen):
            chosen.append(h)
    chosen.sort(key=lambda h: h.start)
    chosen = _story_anchor(chosen)
    return [
        Fact("date", h.start, h.end, text[h.start : h.end], h.value, h.foreign, h.detail.strip())
        for h in chosen
    ]


def parts(value: str) -> tuple[int | None, int | None, int | None] | None:
    """``(year, month, day)`` of an absolute date value, ``None`` parts unknown; ``None``
    for a relative key or a week."""
    if value.startswith("rel:") or "W" in value:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|--(\d{2})(?:-(\d{2}))?", value)
    if m is None:
        return None
    if m.group(1):
        return (
            int(m.group(1)),
            int(m.group(2)) if m.group(2) else None,
            int(m.group(3)) if m.group(3) else None,
        )
    return None, int(m.group(4)), int(m.group(5)) if m.group(5) else None


def _known(fact: Fact, tg: dict[str, str]) -> tuple[int | None, int | None, int | None] | None:
    """The parts the text states: a year inferred from publication is not stated."""
    p = parts(fact.value)
    if p is not None and "inferred" in tg:
        return None, p[1], p[2]
    return p


def same_date(a: Fact, b: Fact) -> bool:
    """Whether two date facts name the same time: equal values, the same relative key,
    a weekday that fits the other's day, or parts that agree where both are known (a
    missing year or day is no disagreement, but the two must share at least one part)."""
    if a.value == b.value:
        return True
    ta, tb = tags(a), tags(b)
    if ta.get("rel") and ta.get("rel") == tb.get("rel") and ta.get("anchor") == tb.get("anchor"):
        return True
    if ta.get("anchor") == tb.get("anchor") == "pub" and ta.get("rel") != tb.get("rel"):
        return False  # "today" and "this year" overlap but say different things
    for x, tx, y, ty in ((a, ta, b, tb), (b, tb, a, ta)):
        if tx.get("rel", "").startswith("wd"):  # a weekday alone: the other's must agree
            py = parts(y.value)
            if ty.get("wd"):
                return ty["wd"] == tx["wd"]
            if py is not None and py[0] and py[1] and py[2]:
                return date(py[0], py[1], py[2]).isoweekday() == int(tx["wd"])
            return False
        wk = re.fullmatch(r"(\d{4})-W(\d{2})", x.value)
        if wk is not None:
            py = parts(y.value)
            if py is None or not (py[0] and py[1] and py[2]):
                return False
            iso = date(py[0], py[1], py[2]).isocalendar()
            return (iso[0], iso[1]) == (int(wk.group(1)), int(wk.group(2)))
    pa, pb = _known(a, ta), _known(b, tb)
    if pa is None or pb is None:
        return False
    shared = [(x, y) for x, y in zip(pa, pb, strict=True) if x is not None and y is not None]
    return bool(shared) and all(x == y for x, y in shared)
