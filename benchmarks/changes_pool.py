"""Template pool of the fact-change benchmark (``changes_bench.py``): written for it.

Each frame is one news sentence written in en, de, no, ru, uk, fr and es, with slots:
``{S}`` speaker, ``{C}`` city, ``{N}`` a count, ``{P}`` a percentage, ``{M}`` an amount in
millions, ``{D}`` an absolute date with its preposition, ``{R}`` a date relative to the
publication, ``{X}`` a narrative date opening the sentence, ``{W}`` an optional weekday, ``{O}`` an
ordinal, ``{G}`` a range of percentages. The
renderers below write each value in a format *native* to the language, choosing among the
native variants at random, so that two renderings of one value differ only in format.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from corpusgen_pool import MONTHS  # month names (genitive in ru/uk), by language

LANGS = ("en", "de", "no", "ru", "uk", "fr", "es")

FRAMES: list[dict[str, str]] = [
    {
        "en": "{S} said that {N} people had been evacuated from {C} {D}.",
        "de": "{S} sagte, dass {N} Menschen {D} aus {C} evakuiert worden seien.",
        "no": "{S} sa at {N} mennesker ble evakuert fra {C} {D}.",
        "ru": "{S} заявил, что {D} число эвакуированных из города {C} составило {N}.",
        "uk": "{S} заявив, що {D} кількість евакуйованих з міста {C} склала {N}.",
        "fr": "{S} a déclaré que {N} personnes avaient été évacuées de {C} {D}.",
        "es": "{S} dijo que {N} personas habían sido evacuadas de {C} {D}.",
    },
    {
        "en": "Prices in {C} rose by {P} {R}, the statistics office reported.",
        "de": "Die Preise in {C} stiegen {R} um {P}, meldete das Statistikamt.",
        "no": "Prisene i {C} steg med {P} {R}, melder statistikkbyrået.",
        "ru": "Цены в городе {C} {R} выросли на {P}, сообщило статистическое ведомство.",
        "uk": "Ціни в місті {C} {R} зросли на {P}, повідомило статистичне відомство.",
        "fr": "Les prix à {C} ont augmenté de {P} {R}, a indiqué l'office statistique.",
        "es": "Los precios en {C} subieron un {P} {R}, informó la oficina de estadística.",
    },
    {
        "en": "The government approved {M} euros in aid for {C} {D}.",
        "de": "Die Regierung hat {D} Hilfen von {M} Euro für {C} bewilligt.",
        "no": "Regjeringen vedtok {M} euro i støtte til {C} {D}.",
        "ru": "Правительство {D} одобрило помощь городу {C} в размере {M} евро.",
        "uk": "Уряд {D} схвалив допомогу місту {C} у розмірі {M} євро.",
        "fr": "Le gouvernement a approuvé {D} une aide de {M} euros pour {C}.",
        "es": "El gobierno aprobó {D} una ayuda de {M} euros para {C}.",
    },
    {
        "en": "{X} the bridge near {C} was destroyed, {S} said.",
        "de": "{X} wurde die Brücke bei {C} zerstört, sagte {S}.",
        "no": "{X} ble brua ved {C} ødelagt, sa {S}.",
        "ru": "{X} мост возле города {C} был разрушен, сказал {S}.",
        "uk": "{X} міст біля міста {C} було зруйновано, сказав {S}.",
        "fr": "{X} le pont près de {C} a été détruit, a déclaré {S}.",
        "es": "{X} el puente cerca de {C} fue destruido, dijo {S}.",
    },
    {
        "en": "The army withdrew from {C}{W}, leaving {N} vehicles behind.",
        "de": "Die Armee zog sich{W} aus {C} zurück und ließ {N} Fahrzeuge zurück.",
        "no": "Hæren trakk seg{W} ut av {C} og etterlot {N} kjøretøy.",
        "ru": "Армия{W} покинула город {C}, оставив там технику в количестве {N} единиц.",
        "uk": "Армія{W} залишила місто {C}, покинувши техніку в кількості {N} одиниць.",
        "fr": "L'armée s'est retirée de {C}{W}, laissant {N} véhicules sur place.",
        "es": "El ejército se retiró de {C}{W} y dejó {N} vehículos.",
    },
    {
        "en": "According to {S}, unemployment in {C} fell to {P} {R}.",
        "de": "Laut {S} sank die Arbeitslosigkeit in {C} {R} auf {P}.",
        "no": "Ifølge {S} falt arbeidsledigheten i {C} til {P} {R}.",
        "ru": "По словам {S}, безработица в городе {C} {R} снизилась до {P}.",
        "uk": "За словами {S}, безробіття в місті {C} {R} знизилося до {P}.",
        "fr": "Selon {S}, le chômage à {C} est tombé à {P} {R}.",
        "es": "Según {S}, el desempleo en {C} bajó al {P} {R}.",
    },
    {
        "en": "{S} visited {C} {D} and promised {N} new homes.",
        "de": "{S} besuchte {C} {D} und versprach {N} neue Wohnungen.",
        "no": "{S} besøkte {C} {D} og lovet {N} nye boliger.",
        "ru": "{S} {D} посетил город {C} и пообещал построить новые дома числом {N}.",
        "uk": "{S} {D} відвідав місто {C} і пообіцяв звести нові будинки числом {N}.",
        "fr": "{S} s'est rendu à {C} {D} et a promis {N} nouveaux logements.",
        "es": "{S} visitó {C} {D} y prometió {N} viviendas nuevas.",
    },
    {
        "en": "{S} arrived in {C} {R} with a delegation of {N} experts.",
        "de": "{S} kam {R} mit einer Delegation von {N} Fachleuten in {C} an.",
        "no": "{S} kom til {C} {R} med en delegasjon på {N} eksperter.",
        "ru": "{S} {R} прибыл в город {C} с делегацией, в которую вошли {N} экспертов.",
        "uk": "{S} {R} прибув до міста {C} з делегацією, до якої увійшли {N} експертів.",
        "fr": "{S} est arrivé à {C} {R} avec une délégation de {N} experts.",
        "es": "{S} llegó a {C} {R} con una delegación de {N} expertos.",
    },
    {
        "en": "The {O} brigade lost {G} of its vehicles near {C}.",
        "de": "Die {O} Brigade verlor bei {C} {G} ihrer Fahrzeuge.",
        "no": "Den {O} brigaden mistet {G} av kjøretøyene sine ved {C}.",
        "ru": "{O} бригада потеряла под городом {C} {G} своей техники.",
        "uk": "{O} бригада втратила біля міста {C} {G} своєї техніки.",
        "fr": "La {O} brigade a perdu {G} de ses véhicules près de {C}.",
        "es": "La {O} brigada perdió {G} de sus vehículos cerca de {C}.",
    },
]

#: Speakers: (en, de, no, ru, uk, fr, es).
PEOPLE = [
    ("Ivan Petrenko", "Iwan Petrenko", "Ivan Petrenko", "Иван Петренко", "Іван Петренко",
     "Ivan Petrenko", "Iván Petrenko"),
    ("Maria Kovalenko", "Maria Kowalenko", "Maria Kovalenko", "Мария Коваленко",
     "Марія Коваленко", "Maria Kovalenko", "María Kovalenko"),
    ("Oleksandr Tkachenko", "Oleksandr Tkatschenko", "Oleksandr Tkatsjenko",
     "Александр Ткаченко", "Олександр Ткаченко", "Oleksandr Tkatchenko", "Oleksandr Tkachenko"),
    ("Anna Berg", "Anna Berg", "Anna Berg", "Анна Берг", "Анна Берг", "Anna Berg", "Anna Berg"),
    ("Pierre Laurent", "Pierre Laurent", "Pierre Laurent", "Пьер Лоран", "П'єр Лоран",
     "Pierre Laurent", "Pierre Laurent"),
    ("Carlos Romero", "Carlos Romero", "Carlos Romero", "Карлос Ромеро", "Карлос Ромеро",
     "Carlos Romero", "Carlos Romero"),
    ("Dmitry Volkov", "Dmitri Wolkow", "Dmitrij Volkov", "Дмитрий Волков", "Дмитро Волков",
     "Dmitri Volkov", "Dmitri Vólkov"),
    ("Olena Shevchuk", "Olena Schewtschuk", "Olena Sjevtsjuk", "Елена Шевчук", "Олена Шевчук",
     "Olena Chevtchouk", "Olena Shevchuk"),
    ("Jonas Lie", "Jonas Lie", "Jonas Lie", "Йонас Ли", "Йонас Лі", "Jonas Lie", "Jonas Lie"),
    ("Viktor Melnyk", "Viktor Melnyk", "Viktor Melnyk", "Виктор Мельник", "Віктор Мельник",
     "Viktor Melnyk", "Víktor Melnyk"),
]  # fmt: skip

#: Cities: (en, de, no, ru, uk, fr, es).
CITIES = [
    ("Kherson", "Cherson", "Kherson", "Херсон", "Херсон", "Kherson", "Jersón"),
    ("Kharkiv", "Charkiw", "Kharkiv", "Харьков", "Харків", "Kharkiv", "Járkov"),
    ("Odesa", "Odessa", "Odesa", "Одесса", "Одеса", "Odessa", "Odesa"),
    ("Mariupol", "Mariupol", "Mariupol", "Мариуполь", "Маріуполь", "Marioupol", "Mariúpol"),
    ("Bergen", "Bergen", "Bergen", "Берген", "Берген", "Bergen", "Bergen"),
    ("Tromsø", "Tromsø", "Tromsø", "Тромсё", "Тромсе", "Tromsø", "Tromsø"),
    ("Dnipro", "Dnipro", "Dnipro", "Днепр", "Дніпро", "Dnipro", "Dnipró"),
    ("Poltava", "Poltawa", "Poltava", "Полтава", "Полтава", "Poltava", "Poltava"),
    ("Sumy", "Sumy", "Sumy", "Сумы", "Суми", "Soumy", "Sumy"),
    ("Chernihiv", "Tschernihiw", "Tsjernihiv", "Чернигов", "Чернігів", "Tchernihiv",
     "Chernígov"),
]  # fmt: skip

_SP = (" ", "\u00a0")

WEEKDAYS = {  # (ISO weekday 6 = Saturday, ...) phrase as it sits in the frame's {W}
    "en": {6: " on Saturday", 5: " on Friday", 1: " on Monday"},
    "de": {6: " am Samstag", 5: " am Freitag", 1: " am Montag"},
    "no": {6: " lørdag", 5: " fredag", 1: " mandag"},
    "ru": {6: " в субботу", 5: " в пятницу", 1: " в понедельник"},
    "uk": {6: " у суботу", 5: " у п'ятницю", 1: " у понеділок"},
    "fr": {6: " samedi", 5: " vendredi", 1: " lundi"},
    "es": {6: " el sábado", 5: " el viernes", 1: " el lunes"},
}
#: Relative dates: key -> phrase per language.
RELATIVE = {
    "year+0": {"en": "this year", "de": "in diesem Jahr", "no": "i år", "ru": "в этом году",
               "uk": "цього року", "fr": "cette année", "es": "este año"},
    "year-1": {"en": "last year", "de": "im vergangenen Jahr", "no": "i fjor",
               "ru": "в прошлом году", "uk": "минулого року", "fr": "l'année dernière",
               "es": "el año pasado"},
    "day-1": {"en": "yesterday", "de": "gestern", "no": "i går", "ru": "вчера", "uk": "вчора",
              "fr": "hier", "es": "ayer"},
    "day+0": {"en": "today", "de": "heute", "no": "i dag", "ru": "сегодня", "uk": "сьогодні",
              "fr": "aujourd'hui", "es": "hoy"},
    "week-1": {"en": "last week", "de": "letzte Woche", "no": "forrige uke",
               "ru": "на прошлой неделе", "uk": "минулого тижня", "fr": "la semaine dernière",
               "es": "la semana pasada"},
}  # fmt: skip
#: Narrative dates opening a sentence.
NARRATIVE = {
    "day+2": {"en": "Two days later", "de": "Zwei Tage später", "no": "To dager senere",
              "ru": "Через два дня", "uk": "Через два дні", "fr": "Deux jours plus tard,",
              "es": "Dos días después"},
    "day+1": {"en": "The next day", "de": "Am nächsten Tag", "no": "Dagen etter",
              "ru": "На следующий день", "uk": "Наступного дня", "fr": "Le lendemain,",
              "es": "Al día siguiente"},
}  # fmt: skip


def _group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


def _plural(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def render_count(n: int, lang: str, rng: random.Random) -> str:
    """A count in one of ``lang``'s native formats."""
    small = n < 10_000
    if lang == "en":
        return rng.choice([_group(n, ","), str(n)] if small else [_group(n, ",")])
    if lang in ("de", "es"):
        opts = [_group(n, "."), _group(n, "\u00a0")] + ([str(n)] if small else [])
        return rng.choice(opts)
    if lang == "no":
        return rng.choice([_group(n, rng.choice(_SP)), _group(n, ".")])
    if lang == "fr":
        return _group(n, rng.choice((*_SP, "\u202f")))
    opts = [_group(n, rng.choice(_SP))]
    if n % 1000 == 0 and n >= 1000:
        k = n // 1000
        word = (
            _plural(k, "тысяча", "тысячи", "тысяч")
            if lang == "ru"
            else _plural(k, "тисяча", "тисячі", "тисяч")
        )
        opts += [f"{k} {word}", f"{k} {'тыс.' if lang == 'ru' else 'тис.'}"]
    return rng.choice(opts)


def render_percent(value: float, lang: str, rng: random.Random) -> str:
    text = f"{value:g}"
    if lang != "en":
        text = text.replace(".", ",")
    words = {"en": ["%", " percent", " per cent"], "de": ["\u00a0%", " %", " Prozent"],
             "no": [" prosent", "\u00a0%"], "ru": ["%", " процента" if "," in text else "%"],
             "uk": ["%", " відсотка" if "," in text else "%"], "fr": ["\u00a0%", " pour cent"],
             "es": ["\u00a0%", " por ciento"]}  # fmt: skip
    return text + rng.choice(words[lang])


def render_millions(value: float, lang: str, rng: random.Random) -> str:
    text = f"{value:g}"
    if lang == "en":
        return rng.choice([f"{text} million", _group(round(value * 1e6), ",")])
    dec = text.replace(".", ",")
    opts = {"de": [f"{dec} Millionen", f"{dec} Mio."], "no": [f"{dec} millioner", f"{dec} mill."],
            "ru": [f"{dec} млн", f"{dec} миллиона"], "uk": [f"{dec} млн", f"{dec} мільйона"],
            "fr": [f"{dec} millions"], "es": [f"{dec} millones"]}[lang]  # fmt: skip
    return rng.choice(opts)


def render_date(day: int, month: int, year: int | None, lang: str, rng: random.Random) -> str:
    """A date with its preposition ("on 24 February", "am 24. Februar 2022")."""
    m = MONTHS[lang][month - 1]
    y = f" {year}" if year else ""
    if lang == "en":
        return rng.choice(
            [f"on {m} {day}{',' + y if y else ''}", f"on {day} {m}{y}", f"on {m[:3]}. {day}{y}"]
            if month != 5
            else [f"on {m} {day}{',' + y if y else ''}", f"on {day} {m}{y}"]
        )
    if lang == "de":
        opts = [f"am {day}. {m}{y}"] + ([f"am {day:02d}.{month:02d}.{year}"] if year else [])
        return rng.choice(opts)
    if lang == "no":
        return rng.choice([f"den {day}. {m}{y}", f"{day}. {m}{y}"])
    if lang == "ru":
        return f"{day} {m}{y + ' года' if y else ''}"
    if lang == "uk":
        return f"{day} {m}{y + ' року' if y else ''}"
    if lang == "fr":
        return f"le {'1er' if day == 1 else day} {m}{y}"
    return f"el {day} de {m}{' de ' + str(year) if year else ''}"


def render_ordinal(n: int, lang: str) -> str:
    if lang == "en":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    return {"de": f"{n}.", "no": f"{n}.", "ru": f"{n}-я", "uk": f"{n}-та", "fr": f"{n}e",
            "es": f"{n}.ª"}[lang]  # fmt: skip


def render_range(lo: int, hi: int, lang: str, rng: random.Random) -> str:
    """A percentage range, dash or word form ("60-70 %", "60 bis 70 Prozent")."""
    dash = rng.choice(["-", "–"])
    opts = {
        "en": [f"{lo}{dash}{hi}%", f"{lo}% to {hi}%", f"{lo} to {hi} percent"],
        "de": [f"{lo}{dash}{hi}\u00a0%", f"{lo} bis {hi} Prozent"],
        "no": [f"{lo}{dash}{hi} prosent", f"{lo} til {hi} prosent"],
        "ru": [f"{lo}{dash}{hi}%", f"от {lo} до {hi}%"],
        "uk": [f"{lo}{dash}{hi}%", f"від {lo} до {hi}%"],
        "fr": [f"{lo}{dash}{hi}\u00a0%", f"{lo} à {hi}\u00a0%"],
        "es": [f"{lo}{dash}{hi}\u00a0%", f"del {lo} al {hi}\u00a0%"],
    }[lang]
    return rng.choice(opts)


@dataclass
class Facts:
    """The values one rendering of a frame carries (the slots' language-free content)."""

    speaker: int
    city: int
    count: int
    percent: float
    millions: float
    day: int
    month: int
    year: int | None
    relative: str
    narrative: str | None  # a NARRATIVE key, or None for an absolute date (day, month)
    weekday: int | None
    ordinal: int = 150
    range_: tuple[int, int] = (60, 70)


def render(
    frame: dict[str, str], lang: str, f: Facts, rng: random.Random
) -> tuple[str, dict[str, tuple[int, int]]]:
    """The sentence and the character span of every slot it filled."""
    values = {
        "S": PEOPLE[f.speaker][LANGS.index(lang)],
        "C": CITIES[f.city][LANGS.index(lang)],
        "N": render_count(f.count, lang, rng),
        "P": render_percent(f.percent, lang, rng),
        "M": render_millions(f.millions, lang, rng),
        "D": render_date(f.day, f.month, f.year, lang, rng),
        "R": RELATIVE[f.relative][lang],
        "W": WEEKDAYS[lang][f.weekday] if f.weekday else "",
        "O": render_ordinal(f.ordinal, lang),
        "G": render_range(*f.range_, lang, rng),
    }
    if f.narrative:
        values["X"] = NARRATIVE[f.narrative][lang]
    else:
        date = render_date(f.day, f.month, None, lang, rng)
        values["X"] = date[0].upper() + date[1:] + ("," if lang == "fr" else "")
    template = frame[lang]
    out: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    pos = 0
    i = 0
    while i < len(template):
        if template[i] == "{" and template[i + 2] == "}":
            key = template[i + 1]
            text = values[key]
            lead = len(text) - len(text.lstrip())
            spans[key] = (pos + lead, pos + len(text))
            out.append(text)
            pos += len(text)
            i += 3
        else:
            out.append(template[i])
            pos += 1
            i += 1
    return "".join(out), spans


def slots(frame: dict[str, str]) -> set[str]:
    """The slot letters of a frame."""
    t = frame["en"]
    return {t[i + 1] for i in range(len(t) - 2) if t[i] == "{" and t[i + 2] == "}"}
