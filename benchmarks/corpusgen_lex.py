# ruff: noqa: E501
"""Compositional parallel lexicon for the synthetic news corpus (``corpusgen.py`` >= 2.0).

Why: the first generator built every story from ~60 fixed sentences and 24 people / 24
cities, so unrelated stories shared whole sentences and facts and no linker could be
measured on it. Here a sentence is a short, slot-dense *frame* (few words between slots)
filled from large, mostly generated lexicons, so two unrelated stories share few word
3-shingles while a translation keeps every fact:

* people: 20 + 20 first names x ~16k generated surnames (Latin and Cyrillic spellings made
  from one syllable table; German writes v as w, Spanish k as c, Ukrainian and Russian
  differ in i/и/і), drawn Zipf-like so a few names are common, as in real news;
* places and organisations: generated toponyms and brands (+ 10 sector words);
* roles (20, gendered per language), quantities (``{QTY:unit|unit}``: number + a CLDR unit
  with the right plural form from babel), numbers and dates;
* frames: 6 per news domain + 12 generic, every one with at least two slots; line *i*
  of each language block means the same. ``[m|f]`` agrees with ``{PERSON}``, ``<m|f>``
  with ``{PERSON2}``; organisations are bare names (quoted in Cyrillic), so they stay in
  the nominative, and Slavic verbs with an organisation subject use the masculine.

All text here was written by hand for this benchmark; the module checks on import that
every language has the same slots line by line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from corpusgen_frames import FRAMES_TEXT as _FRAMES

LANGS: tuple[str, ...] = ("en", "de", "ru", "no", "fr", "es", "uk")
DOMAINS: tuple[str, ...] = (
    "floods",
    "courts",
    "elections",
    "ports",
    "energy",
    "sports",
    "health",
    "tech",
)

# Roles: domain, then per language "masculine|feminine" (one form when they agree).
_ROLES = """\
floods|mayor|Bürgermeister|Bürgermeisterin|мэр|ordfører|le maire|la maire|el alcalde|la alcaldesa|мер
floods|rescue chief|Leiter des Rettungsdienstes|Leiterin des Rettungsdienstes|глава спасательной службы|redningssjef|le chef des secours|la cheffe des secours|el jefe de rescate|la jefa de rescate|голова рятувальної служби
courts|prosecutor|Staatsanwalt|Staatsanwältin|прокурор|aktor|le procureur|la procureure|el fiscal|la fiscal|прокурор|прокурорка
courts|defence lawyer|Verteidiger|Verteidigerin|адвокат|forsvarer|l'avocat de la défense|l'avocate de la défense|el abogado defensor|la abogada defensora|адвокат|адвокатка
elections|candidate|Kandidat|Kandidatin|кандидат|kandidat|le candidat|la candidate|el candidato|la candidata|кандидат|кандидатка
elections|party leader|Parteichef|Parteichefin|лидер партии|partileder|le chef du parti|la cheffe du parti|el líder del partido|la líder del partido|лідер партії
ports|union leader|Gewerkschaftschef|Gewerkschaftschefin|глава профсоюза|fagforeningsleder|le dirigeant syndical|la dirigeante syndicale|el líder sindical|la líder sindical|голова профспілки
ports|port director|Hafendirektor|Hafendirektorin|директор порта|havnedirektør|le directeur du port|la directrice du port|el director del puerto|la directora del puerto|директор порту|директорка порту
energy|energy minister|Energieminister|Energieministerin|министр энергетики|energiminister|le ministre de l'Énergie|la ministre de l'Énergie|el ministro de Energía|la ministra de Energía|міністр енергетики|міністерка енергетики
energy|grid chief|Netzchef|Netzchefin|глава сетевой компании|nettsjef|le patron du réseau|la patronne du réseau|el jefe de la red|la jefa de la red|голова мережевої компанії
sports|coach|Trainer|Trainerin|тренер|trener|l'entraîneur|l'entraîneuse|el entrenador|la entrenadora|тренер|тренерка
sports|team captain|Mannschaftskapitän|Mannschaftskapitänin|капитан команды|lagkaptein|le capitaine de l'équipe|la capitaine de l'équipe|el capitán del equipo|la capitana del equipo|капітан команди
health|chief physician|Chefarzt|Chefärztin|главный врач|overlege|le médecin-chef|la médecin-cheffe|el médico jefe|la médica jefa|головний лікар|головна лікарка
health|health minister|Gesundheitsminister|Gesundheitsministerin|министр здравоохранения|helseminister|le ministre de la Santé|la ministre de la Santé|el ministro de Sanidad|la ministra de Sanidad|міністр охорони здоров'я|міністерка охорони здоров'я
tech|chief executive|Vorstandschef|Vorstandschefin|генеральный директор|administrerende direktør|le PDG|la PDG|el consejero delegado|la consejera delegada|генеральний директор|генеральна директорка
tech|security researcher|Sicherheitsforscher|Sicherheitsforscherin|исследователь безопасности|sikkerhetsforsker|le chercheur en sécurité|la chercheuse en sécurité|el investigador de seguridad|la investigadora de seguridad|дослідник безпеки|дослідниця безпеки
generic|spokesperson|Sprecher|Sprecherin|представитель|talsperson|le porte-parole|la porte-parole|el portavoz|la portavoz|речник|речниця
generic|councillor|Stadtrat|Stadträtin|депутат горсовета|bystyremedlem|le conseiller municipal|la conseillère municipale|el concejal|la concejala|депутат міськради|депутатка міськради
generic|governor|Gouverneur|Gouverneurin|губернатор|fylkesordfører|le gouverneur|la gouverneure|el gobernador|la gobernadora|губернатор
generic|economist|Ökonom|Ökonomin|экономист|økonom|l'économiste|l'économiste|el economista|la economista|економіст|економістка
"""
# Per language: how many columns each role has (en, ru, no: one form; uk: one or two).
_ROLE_LANG_FORMS = {"en": 1, "de": 2, "ru": 1, "no": 1, "fr": 2, "es": 2, "uk": 0}  # 0: 1 or 2

# Sector words of organisation names (line i means the same in every language).
_SECTORS = """\
en|Group|Holding|Energy|Logistics|Foundation|Bank|Health|Media|Systems|Institute
de|Gruppe|Holding|Energie|Logistik|Stiftung|Bank|Gesundheit|Medien|Systeme|Institut
ru|Групп|Холдинг|Энерджи|Логистик|Фаундейшн|Банк|Хелс|Медиа|Системс|Институт
no|Gruppen|Holding|Energi|Logistikk|Stiftelsen|Bank|Helse|Medier|Systemer|Instituttet
fr|Groupe|Holding|Énergie|Logistique|Fondation|Banque|Santé|Médias|Systèmes|Institut
es|Grupo|Holding|Energía|Logística|Fundación|Banco|Salud|Medios|Sistemas|Instituto
uk|Груп|Холдинг|Енерджі|Логістик|Фаундейшн|Банк|Хелс|Медіа|Системс|Інститут
"""
# French and Spanish put the sector word first (Groupe Nordvik); the others after it.
_SECTOR_FIRST = frozenset({"fr", "es"})

# Syllables (Latin, Cyrillic) for generated surnames, toponyms and brands.
_SYL = [
    tuple(p.split("="))
    for p in (
        "ka=ка ro=ро vi=ви len=лен mar=мар to=то sa=са ni=ни bor=бор da=да lu=лу mi=ми "
        "ne=не go=го ra=ра vel=вел tan=тан sko=ско dar=дар li=ли ber=бер no=но ha=ха zo=зо "
        "ta=та per=пер mo=мо fi=фи gra=гра sel=сел dor=дор vin=вин ko=ко rel=рел po=по "
        "sta=ста mir=мир bel=бел ar=ар os=ос tru=тру"
    ).split()
]
_SURNAME_END = [
    tuple(p.split("="))
    for p in "enko=енко uk=юк sen=сен berg=берг mann=ман ez=ес ini=ини ard=ар ich=ич ek=ек".split()
]
_PLACE_END = [
    tuple(p.split("="))
    for p in "vik=вик grad=град burg=бург ovo=ово ino=ино stad=стад mont=монт heim=хейм pol=поль dal=даль".split()
]
_FIRST = {
    "m": [
        tuple(p.split("="))
        for p in (
            "Ivan=Иван Petro=Петро Anton=Антон Mark=Марк Oleg=Олег Daniel=Даниэль Viktor=Виктор "
            "Leon=Леон Pavel=Павел Sergei=Сергей Tomas=Томас Erik=Эрик Jonas=Йонас Lukas=Лукас "
            "Andrei=Андрей Mikhail=Михаил Felix=Феликс Hugo=Хуго Pablo=Пабло Marco=Марко"
        ).split()
    ],
    "f": [
        tuple(p.split("="))
        for p in (
            "Anna=Анна Olena=Олена Maria=Мария Sofia=София Ingrid=Ингрид Laura=Лаура Elena=Елена "
            "Nina=Нина Irina=Ирина Clara=Клара Marta=Марта Eva=Ева Lena=Лена Vera=Вера Julia=Юлия "
            "Alina=Алина Carmen=Кармен Nora=Нора Hanna=Ханна Ida=Ида"
        ).split()
    ],
}

_SLOT = re.compile(r"\{([A-Z0-9]+)(?::([a-z\-|]+))?\}")
SLOTS = frozenset(
    {"PERSON", "PERSON2", "ROLE", "ROLE2", "CITY", "CITY2", "ORG", "ORG2", "NUMBER", "NUMBER2"}
    | {"DATE", "QTY"}
)


def _parse_frames(block: str) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    lines = [x for x in block.splitlines() if x.strip()]
    width = 1 + len(LANGS)
    if len(lines) % width:
        raise ValueError("frame blocks must have a domain line and one line per language")
    domains: list[str] = []
    frames: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for start in range(0, len(lines), width):
        domains.append(lines[start])
        for lang, line in zip(LANGS, lines[start + 1 : start + width], strict=True):
            tag, _, text = line.partition("|")
            if tag != lang:
                raise ValueError(f"frame {start // width}: expected {lang}, got {tag!r}")
            frames[lang].append(text)
    return tuple(domains), {k: tuple(v) for k, v in frames.items()}


FRAME_DOMAINS, FRAMES = _parse_frames(_FRAMES)


def _parse_roles(block: str) -> tuple[tuple[str, ...], dict[str, tuple[tuple[str, str], ...]]]:
    domains: list[str] = []
    roles: dict[str, list[tuple[str, str]]] = {lang: [] for lang in LANGS}
    for line in block.splitlines():
        if not line.strip():
            continue
        cols = line.split("|")
        domains.append(cols[0])
        pos = 1
        for lang in LANGS:
            n = _ROLE_LANG_FORMS[lang]
            if n == 0:  # the last column(s): Ukrainian, one or two forms
                n = len(cols) - pos
            forms = cols[pos : pos + n]
            pos += n
            roles[lang].append((forms[0], forms[-1]))
        if pos != len(cols):
            raise ValueError(f"role line has {len(cols)} columns: {line!r}")
    return tuple(domains), {k: tuple(v) for k, v in roles.items()}


ROLE_DOMAINS, ROLES = _parse_roles(_ROLES)
SECTORS: dict[str, tuple[str, ...]] = {
    line.split("|")[0]: tuple(line.split("|")[1:]) for line in _SECTORS.splitlines() if line
}


def slots_of(template: str) -> list[str]:
    """Slot names of ``template`` in order (``QTY`` without its units)."""
    return [m.group(1) for m in _SLOT.finditer(template)]


def qty_units(template: str) -> tuple[tuple[str, ...], ...]:
    """The unit choices of each ``{QTY:...}`` slot of ``template``."""
    return tuple(tuple(m.group(2).split("|")) for m in _SLOT.finditer(template) if m.group(2))


def _check() -> None:
    n = len(FRAME_DOMAINS)
    if set(FRAME_DOMAINS) != {*DOMAINS, "generic"}:
        raise ValueError("every news domain needs frames, plus generic ones")
    for i in range(n):
        ref = FRAMES["en"][i]
        for lang in LANGS:
            text = FRAMES[lang][i]
            if sorted(slots_of(text)) != sorted(slots_of(ref)) or qty_units(text) != qty_units(ref):
                raise ValueError(f"frame {i} ({lang}) slots differ from English: {text!r}")
            if len(slots_of(text)) < 2:
                raise ValueError(f"frame {i} has fewer than two slots")
            if set(slots_of(text)) - SLOTS:
                raise ValueError(f"frame {i} ({lang}) has unknown slots")
    if set(ROLE_DOMAINS) - {*DOMAINS, "generic"} or any(
        len(v) != len(ROLE_DOMAINS) for v in ROLES.values()
    ):
        raise ValueError("roles are not parallel")
    if any(len(v) != len(SECTORS["en"]) for v in SECTORS.values()) or set(SECTORS) != set(LANGS):
        raise ValueError("sector words are not parallel")


_check()


def _to_uk(cyr: str) -> str:
    """Ukrainian spelling of a Russian-spelled generated name."""
    return (
        cyr.replace("и", "і")
        .replace("ы", "и")
        .replace("э", "е")
        .replace("Э", "Е")
        .replace("И", "І")
    )


def spell(latin: str, cyrillic: str, lang: str) -> str:
    """A generated name as ``lang`` writes it (each language has its house style)."""
    if lang == "ru":
        return cyrillic
    if lang == "uk":
        return _to_uk(cyrillic)
    if lang == "de":
        return latin.replace("v", "w").replace("V", "W")
    if lang == "es":
        return latin.replace("k", "c").replace("K", "C")
    return latin


def _cap(pair: tuple[str, str]) -> tuple[str, str]:
    return pair[0][:1].upper() + pair[0][1:], pair[1][:1].upper() + pair[1][1:]


def _two_syllables(ends: Sequence[tuple[str, str]], seed: str) -> tuple[tuple[str, str], ...]:
    """Two distinct syllables and an ending (Latin, Cyrillic), shuffled by ``seed``."""
    import random

    out = [
        _cap((a[0] + b[0] + e[0], a[1] + b[1] + e[1]))
        for a in _SYL
        for b in _SYL
        if a != b
        for e in ends
    ]
    random.Random(seed).shuffle(out)
    return tuple(out)


@cache
def surnames() -> tuple[tuple[str, str], ...]:
    """All generated surnames (Latin, Cyrillic), in a fixed shuffled order."""
    return _two_syllables(_SURNAME_END, "surnames")


@cache
def places() -> tuple[tuple[str, str], ...]:
    """All generated toponyms (Latin, Cyrillic), in a fixed shuffled order."""
    return _two_syllables(_PLACE_END, "places")


@cache
def brands() -> tuple[tuple[str, str], ...]:
    """All generated brand names (Latin, Cyrillic), in a fixed shuffled order."""
    import random

    out = [_cap((a[0] + b[0], a[1] + b[1])) for a in _SYL for b in _SYL if a != b]
    out += [
        _cap((a[0] + b[0] + c[0], a[1] + b[1] + c[1]))
        for a in _SYL[:12]
        for b in _SYL
        for c in _SYL[:12]
        if len({a, b, c}) == 3
    ]
    random.Random("brands").shuffle(out)
    return tuple(out)


#: gender x first name x surname: index = (gender * N_FIRST + first) * N_SURNAMES + surname
N_FIRST = len(_FIRST["m"])
N_SURNAMES = len(surnames())
N_PERSONS = 2 * N_FIRST * N_SURNAMES


def gender(index: int) -> str:
    """Gender "m"/"f" of generated person ``index``."""
    return "mf"[index // N_SURNAMES // N_FIRST % 2]


def person(index: int, lang: str) -> tuple[str, str]:
    """(name as ``lang`` writes it, gender "m"/"f") of generated person ``index``."""
    g = gender(index)
    fl, fc = _FIRST[g][index // N_SURNAMES % N_FIRST]
    sl, sc = surnames()[index % N_SURNAMES]
    return f"{spell(fl, fc, lang)} {spell(sl, sc, lang)}", g


def city(index: int, lang: str) -> str:
    latin, cyr = places()[index % len(places())]
    return spell(latin, cyr, lang)


def org(index: int, lang: str) -> str:
    """Brand + sector word, e.g. Nordvik Energy / Groupe Nordvik / «Нордвик Энерджи» (no
    quotes here: frames quote Cyrillic names)."""
    n_sec = len(SECTORS["en"])
    b, s = divmod(index, n_sec)
    latin, cyr = brands()[b % len(brands())]
    name, sector = spell(latin, cyr, lang), SECTORS[lang][s]
    return f"{sector} {name}" if lang in _SECTOR_FIRST else f"{name} {sector}"


N_CITIES = len(places())
N_ORGS = len(brands()) * len(SECTORS["en"])
