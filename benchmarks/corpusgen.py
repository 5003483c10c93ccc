"""Synthetic multilingual news corpus with known stories, for storytrace benchmarks.

What it generates (deterministic for a given ``--seed``)::

    OUT_DIR/input/<id>.html     realistic article pages: <title>, <meta charset>,
                                article:published_time, nav menu, header, <article> with <h1>,
                                paragraphs, a <h2> subhead, <figure><figcaption> photo credit,
                                <aside> "Read also" links, comment form, footer, scripts/styles
    OUT_DIR/input/<id>.txt      plain-text pages: one paragraph per line, blank line between
                                paragraphs, plus boilerplate lines ("Read also:" + headlines,
                                subscribe prompt, "By admin", "1157 requests in 2,383 seconds.",
                                machine-translation disclaimer)
    OUT_DIR/input/feed.jsonl    optional records {id, url, title, text | html, published, lang}
    OUT_DIR/truth.json          the stories: id, title, documents, origin and links
                                [{source, target, relation, evidence}] with relation one of
                                copy / translation / excerpt / mashup / rewrite (the shape of the
                                ``stories`` list of ../shared/corpus/seeds/truth.json), plus a
                                ``documents`` table (language, format, site, relation, sentences)
    OUT_DIR/manifest.json       generator version, seed, parameters and counts per
                                language / relation / format

Text comes from the hand-written parallel sentence pool in ``corpusgen_pool.py`` (same index =
same meaning in en, de, ru, no, fr, es, uk).  A story is an original article of 8-20 sentences
from one news domain with story-specific facts (person, city, organisation, date, numbers
formatted per locale), and derived documents: verbatim copies on other sites, excerpts (first
25-50 % of paragraphs), translations (same sentence indices in another language, same facts),
rewrites (one changed number / date / name, or reordered paragraphs) and mashup pages (halves
of two stories, listed in both).  Most stories are singletons (distractors).

Usage::

    python benchmarks/corpusgen.py OUT_DIR --docs 10000 --seed 1 --html-share 0.5 \\
        --langs en,de,ru,no,fr,es,uk
"""

from __future__ import annotations

import argparse
import html
import json
import math
import random
import re
import shutil
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import corpusgen_pool as pool

LANGS = pool.LANGS
GENERATOR_VERSION = "1.0.0"
RELATIONS: tuple[str, ...] = ("copy", "translation", "excerpt", "mashup", "rewrite")
NEWS_DOMAINS: tuple[str, ...] = tuple(
    dict.fromkeys(d for d in pool.SENTENCE_DOMAINS if d != "generic")
)


_SECTIONS: tuple[str, ...] = ("news", "world", "politics", "business", "society", "local")
_TRANSLIT = str.maketrans(pool.TRANSLIT)
_CITY0, _ORG0 = pool.CITIES["en"], pool.ORGS["en"]
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_FR_ELISION = re.compile(r"\b([dDlLjJ]|[qQ]u)e (?=[AEIOUYÉÈÊÀ])")
_TOKEN = re.compile(r"\{([A-Z]+)\}|\[([^|\]]*)\|([^\]]*)\]")

# A compiled template: literal text, a slot name, or a masculine/feminine pair.
_Piece = tuple[int, str, str]  # (0, text, "") | (1, slot, "") | (2, masculine, feminine)


def _compile(template: str) -> tuple[_Piece, ...]:
    pieces: list[_Piece] = []
    pos = 0
    for m in _TOKEN.finditer(template):
        if m.start() > pos:
            pieces.append((0, template[pos : m.start()], ""))
        if m.group(1):
            pieces.append((1, m.group(1), ""))
        else:
            pieces.append((2, m.group(2), m.group(3)))
        pos = m.end()
    if pos < len(template):
        pieces.append((0, template[pos:], ""))
    return tuple(pieces)


_SENT_T = {lang: tuple(_compile(t) for t in pool.SENTENCES[lang]) for lang in LANGS}
_HEAD_T = {lang: tuple(_compile(t) for t in pool.HEADLINES[lang]) for lang in LANGS}
_HAS_NUMBER = tuple("{NUMBER}" in t for t in pool.SENTENCES["en"])
_HEAD_HAS_NUMBER = tuple("{NUMBER}" in t for t in pool.HEADLINES["en"])


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
    """The facts of one story (indices into the filler tables)."""

    person: int
    city: int
    org: int
    month: int
    day: int


Paragraph = tuple[tuple[int, int], ...]  # (sentence index, number for its {NUMBER} slot)


@dataclass(frozen=True, slots=True)
class Part:
    """A run of paragraphs told with one set of facts (mashups have two parts)."""

    facts: Facts
    paras: tuple[Paragraph, ...]


@dataclass(slots=True)
class Doc:
    """One generated document before rendering."""

    key: int
    story: int
    lang: str
    headline: int
    headline_num: int
    parts: tuple[Part, ...]
    relation: str  # "origin" or one of RELATIONS
    parents: tuple[int, ...]
    evidence: str
    published: datetime
    site: int = 0
    fmt: str = "txt"
    id: str = ""
    stories: list[int] = field(default_factory=list)

    @property
    def n_sentences(self) -> int:
        return sum(len(p) for part in self.parts for p in part.paras)

    @property
    def n_paragraphs(self) -> int:
        return sum(len(part.paras) for part in self.parts)


@dataclass(slots=True)
class Story:
    """A story: its origin document, all documents and the derivation links."""

    index: int
    domain: str
    origin: int
    docs: list[int] = field(default_factory=list)
    links: list[tuple[int, int, str, str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Site:
    """A publishing site and its page style."""

    name: str
    host: str
    lang: str | None  # None: an aggregator that republishes any language
    layout: int
    by_admin: bool
    timing: bool
    read_also_mid: bool
    date_line: bool


@dataclass(slots=True)
class Corpus:
    """Everything ``write_corpus`` needs."""

    params: Params
    docs: list[Doc]
    stories: list[Story]
    sites: list[Site]


def slugify(text: str, limit: int = 60) -> str:
    """ASCII URL slug (Cyrillic transliterated)."""
    return _NON_SLUG.sub("-", text.lower().translate(_TRANSLIT)).strip("-")[:limit].strip("-")


def _make_sites(rng: random.Random, langs: Sequence[str]) -> list[Site]:
    sites: list[Site] = []
    for lang in langs:
        tld, firsts, seconds = pool.SITE_WORDS[lang]
        names: list[str] = []
        while len(names) < 6:
            name = f"{rng.choice(firsts)} {rng.choice(seconds)}"
            if name not in names:
                names.append(name)
        for name in names:
            host = f"www.{slugify(name).replace('-', '')}.{tld}"
            flags = (rng.random() < p for p in (0.4, 0.3, 0.5, 0.5))
            sites.append(Site(name, host, lang, rng.randrange(3), *flags))
    for name in pool.SCRAPERS:
        flags = (rng.random() < p for p in (0.7, 0.7, 0.5, 0.3))
        sites.append(Site(name, f"{slugify(name)}.net", None, 2, *flags))
    return sites


def _draw_number(rng: random.Random) -> int:
    # Multiples of ten, so Slavic plural forms after the number are always right.
    if rng.random() < 0.35:
        return rng.randrange(2, 100) * 10
    return rng.randrange(100, 10000) * 10


def _random_facts(rng: random.Random, when: datetime) -> Facts:
    event = when - timedelta(days=rng.randrange(4))
    person, city, org = (rng.randrange(len(t)) for t in (pool.PERSON_GENDER, _CITY0, _ORG0))
    return Facts(person, city, org, event.month, event.day)


def _original_paras(rng: random.Random, domain: str) -> tuple[Paragraph, ...]:
    own = [i for i, d in enumerate(pool.SENTENCE_DOMAINS) if d == domain]
    generic = [i for i, d in enumerate(pool.SENTENCE_DOMAINS) if d == "generic"]
    target = rng.randint(8, 20)
    chosen = sorted(rng.sample(own, rng.randint(4, len(own))))
    rest = chosen[1:] + rng.sample(generic, min(len(generic), target - len(chosen)))
    if len(rest) + 1 < target:  # borrow from a neighbouring domain to reach 19-20 sentences
        other = rng.choice([d for d in NEWS_DOMAINS if d != domain])
        extra = [i for i, d in enumerate(pool.SENTENCE_DOMAINS) if d == other]
        rest += rng.sample(extra, target - len(rest) - 1)
    rng.shuffle(rest)
    order = [chosen[0], *rest]
    sents = [(i, _draw_number(rng) if _HAS_NUMBER[i] else 0) for i in order]
    paras: list[Paragraph] = []
    pos = 0
    while pos < len(sents):
        size = 1 if pos == 0 and rng.random() < 0.5 else rng.randint(1, 3)
        paras.append(tuple(sents[pos : pos + size]))
        pos += size
    return tuple(paras)


def _derive(
    rng: random.Random, parent: Doc, relation: str, *, langs: Sequence[str], used: list[str]
) -> Doc:
    """A document derived from ``parent``; ``relation`` may fall back to a feasible one."""
    part = parent.parts[0]
    paras = part.paras
    lang, facts, evidence = parent.lang, part.facts, "verbatim copy on another site"
    if relation == "translation":
        options = [x for x in langs if x != parent.lang]
        fresh = [x for x in options if x not in used]
        if options:
            lang = rng.choice(fresh or options)
            evidence = f"translation {parent.lang}->{lang}: same sentences and facts"
        else:
            relation = "copy"
    if relation == "excerpt":
        if len(paras) >= 2:
            k = max(1, round(len(paras) * rng.uniform(0.25, 0.5)))
            paras = paras[:k]
            evidence = f"excerpt: first {k} of {len(part.paras)} paragraphs"
        else:
            relation = "copy"
    if relation == "rewrite":
        numbered = [(pi, si) for pi, p in enumerate(paras) for si, s in enumerate(p) if s[1]]
        if len(paras) >= 4 and rng.random() < 0.4:
            tail = list(paras[1:])
            while tail == list(paras[1:]):
                rng.shuffle(tail)
            paras = (paras[0], *tail)
            evidence = "rewrite: paragraphs reordered (lead kept)"
        elif numbered and rng.random() < 0.5:
            pi, si = rng.choice(numbered)
            idx, old = paras[pi][si]
            new = max(10, old + rng.choice((-1, 1)) * rng.randrange(1, 20) * 10)
            new = new if new != old else old + 10
            para = (*paras[pi][:si], (idx, new), *paras[pi][si + 1 :])
            paras = (*paras[:pi], para, *paras[pi + 1 :])
            evidence = f"rewrite: one number changed {old:,} -> {new:,}"
        elif rng.random() < 0.5:
            day = facts.day + rng.choice((-2, -1, 1, 2))
            day = day if 1 <= day <= 28 else facts.day - 3 if facts.day > 3 else facts.day + 3
            facts = Facts(facts.person, facts.city, facts.org, facts.month, day)
            evidence = f"rewrite: date changed day {part.facts.day} -> {day}"
        else:
            same = [
                i
                for i, g in enumerate(pool.PERSON_GENDER)
                if g == pool.PERSON_GENDER[facts.person] and i != facts.person
            ]
            person = rng.choice(same)
            facts = Facts(person, facts.city, facts.org, facts.month, facts.day)
            evidence = (
                f"rewrite: name changed {pool.PERSONS['en'][part.facts.person]} -> "
                f"{pool.PERSONS['en'][person]}"
            )
    published = parent.published + timedelta(minutes=rng.randint(20, 72 * 60))
    parts = (Part(facts, paras),)
    return replace(
        parent,
        key=-1,
        lang=lang,
        parts=parts,
        relation=relation,
        stories=[],
        parents=(parent.key,),
        evidence=evidence,
        published=published,
    )


_DERIVED_WEIGHTS = (("copy", 0.28), ("translation", 0.32), ("excerpt", 0.17), ("rewrite", 0.23))


@dataclass(frozen=True, slots=True)
class Params:
    """Generator parameters (all recorded in manifest.json)."""

    docs: int = 1000
    seed: int = 1
    html_share: float = 0.5  # share of non-JSONL documents written as HTML (rest: text)
    jsonl_share: float = 0.05  # share of documents written as records of input/feed.jsonl
    mashup_share: float = 0.01  # share of documents that are mashups of two stories
    singleton_share: float = 0.7  # probability that a story has a single document
    langs: tuple[str, ...] = LANGS


def build_corpus(params: Params) -> Corpus:
    """Plan ``docs`` documents and their stories (no I/O)."""
    docs, seed, langs = params.docs, params.seed, tuple(dict.fromkeys(params.langs))
    unknown = [x for x in langs if x not in LANGS]
    if unknown or not langs:
        raise ValueError(f"unsupported languages {unknown}; choose from {','.join(LANGS)}")
    rng = random.Random(seed)
    sites = _make_sites(rng, langs)
    native = {lang: [i for i, s in enumerate(sites) if s.lang == lang] for lang in langs}
    scrapers = [i for i, s in enumerate(sites) if s.lang is None]
    n_mashups = int(docs * params.mashup_share) if docs >= 50 else 0
    budget = docs - n_mashups
    out: list[Doc] = []
    stories: list[Story] = []
    rel_names = [r for r, _ in _DERIVED_WEIGHTS]
    rel_weights = [w for _, w in _DERIVED_WEIGHTS]
    start = datetime(2024, 1, 1, tzinfo=UTC)
    while budget > 0:
        si = len(stories)
        size = (
            1 if rng.random() < params.singleton_share else 2 + min(14, int(rng.expovariate(1 / 3)))
        )
        size = min(size, budget)
        budget -= size
        domain = rng.choice(NEWS_DOMAINS)
        lang = langs[si] if si < len(langs) else rng.choice(langs)
        when = start + timedelta(minutes=rng.randrange(730 * 24 * 60))
        heads = [i for i, d in enumerate(pool.HEADLINE_DOMAINS) if d == domain]
        head = rng.choice(heads)
        origin = Doc(
            len(out),
            si,
            lang,
            head,
            _draw_number(rng) if _HEAD_HAS_NUMBER[head] else 0,
            (Part(_random_facts(rng, when), _original_paras(rng, domain)),),
            "origin",
            (),
            "original article",
            when,
            site=rng.choice(native[lang]),
        )
        out.append(origin)
        story = Story(si, domain, origin.key, [origin.key])
        used = [lang]
        for _ in range(size - 1):
            parent = origin if rng.random() < 0.65 else out[rng.choice(story.docs)]
            relation = rng.choices(rel_names, rel_weights)[0]
            d = _derive(rng, parent, relation, langs=langs, used=used)
            d.key = len(out)
            own = [i for i in native[d.lang] if i != parent.site]
            d.site = rng.choice(scrapers) if rng.random() < 0.3 or not own else rng.choice(own)
            used.append(d.lang)
            out.append(d)
            story.docs.append(d.key)
            story.links.append((parent.key, d.key, d.relation, d.evidence))
        stories.append(story)
    for _ in range(n_mashups):
        a_story, b_story = rng.sample(stories, 2)
        a = out[rng.choice([k for k in a_story.docs if out[k].relation != "mashup"])]
        same = [k for k in b_story.docs if out[k].lang == a.lang and out[k].relation != "mashup"]
        b = out[rng.choice(same)] if same else out[b_story.origin]
        pa, pb = a.parts[0], b.parts[0]
        first = pa.paras[: max(1, math.ceil(len(pa.paras) / 2))]
        second = pb.paras[len(pb.paras) // 2 :]
        note = "" if b.lang == a.lang else f" (second half rendered in {a.lang})"
        m = Doc(
            len(out),
            a_story.index,
            a.lang,
            a.headline,
            a.headline_num,
            (Part(pa.facts, first), Part(pb.facts, second)),
            "mashup",
            (a.key, b.key),
            f"mashup: first half of one story + second half of another{note}",
            max(a.published, b.published) + timedelta(hours=rng.randint(1, 96)),
            site=rng.choice(scrapers),
        )
        out.append(m)
        for st, src in ((a_story, a), (b_story, b)):
            st.docs.append(m.key)
            st.links.append((src.key, m.key, "mashup", m.evidence))
    for d in out:
        r, h = rng.random(), rng.random()
        d.fmt = "jsonl" if r < params.jsonl_share else "html" if h < params.html_share else "txt"
    for st in stories:
        for k in st.docs:
            out[k].stories.append(st.index)
    order = list(range(len(out)))
    rng.shuffle(order)
    width = max(5, len(str(len(out) - 1)))
    for pos, k in enumerate(order):
        out[k].id = f"{pos:0{width}d}_{rng.getrandbits(64):016x}"
    return Corpus(replace(params, langs=langs), out, stories, sites)


class Renderer:
    """Turns planned documents into text, HTML pages and JSONL records."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._values: dict[tuple[str, Facts], dict[str, str]] = {}

    def _vals(self, lang: str, facts: Facts) -> dict[str, str]:
        key = (lang, facts)
        vals = self._values.get(key)
        if vals is None:
            vals = {
                "PERSON": pool.PERSONS[lang][facts.person],
                "CITY": pool.CITIES[lang][facts.city],
                "ORG": pool.ORGS[lang][facts.org],
                "DATE": format_date(facts.day, facts.month, lang),
            }
            self._values[key] = vals
        return vals

    def fill(self, pieces: tuple[_Piece, ...], lang: str, facts: Facts, number: int) -> str:
        """One template filled with ``facts`` in ``lang``."""
        vals = self._vals(lang, facts)
        fem = pool.PERSON_GENDER[facts.person] == "f"
        out: list[str] = []
        for kind, a, b in pieces:
            if kind == 0:
                out.append(a)
            elif kind == 1:
                out.append(format_number(number, lang) if a == "NUMBER" else vals[a])
            else:
                out.append(b if fem else a)
        text = "".join(out)
        if lang == "fr":
            text = _FR_ELISION.sub(r"\1'", text)
        return text

    def title(self, doc: Doc) -> str:
        facts = doc.parts[0].facts
        return self.fill(_HEAD_T[doc.lang][doc.headline], doc.lang, facts, doc.headline_num)

    def paragraphs(self, doc: Doc) -> list[str]:
        templates = _SENT_T[doc.lang]
        return [
            " ".join(self.fill(templates[i], doc.lang, part.facts, n) for i, n in para)
            for part in doc.parts
            for para in part.paras
        ]

    def random_headlines(self, rng: random.Random, lang: str, k: int) -> list[str]:
        when = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(days=rng.randrange(365))
        return [
            self.fill(_HEAD_T[lang][h], lang, _random_facts(rng, when), _draw_number(rng))
            for h in rng.sample(range(len(pool.HEADLINE_DOMAINS)), k)
        ]

    def url(self, doc: Doc, title: str) -> str:
        site = self.corpus.sites[doc.site]
        p = doc.published
        section = _SECTIONS[doc.key % len(_SECTIONS)]
        return f"https://{site.host}/{section}/{p:%Y/%m/%d}/{slugify(title)}-{doc.key}.html"

    def text_page(self, doc: Doc, rng: random.Random) -> str:
        """Plain text: one paragraph per line, blank lines between, some boilerplate."""
        site, ui = self.corpus.sites[doc.site], pool.UI[doc.lang]
        title = self.title(doc)
        head = [title]
        if site.date_line:
            head.append(f"{doc.published:%Y-%m-%d %H:%M}")
        if site.by_admin:
            head.append(ui["by_admin"])
        blocks = ["\n".join(head), *self.paragraphs(doc)]
        read_also = "\n".join(
            [ui["read_also"], *self.random_headlines(rng, doc.lang, rng.randint(2, 3))]
        )
        if site.read_also_mid and len(blocks) > 4:
            blocks.insert(3, read_also)
        else:
            blocks.append(read_also)
        if doc.relation in ("copy", "mashup") and rng.random() < 0.5:
            blocks.append(
                f"{ui['source']}: {self.corpus.sites[rng.randrange(len(self.corpus.sites))].name}"
            )
        if doc.relation == "translation" and rng.random() < 0.7:
            blocks.append(ui["disclaimer"])
        blocks.append(ui["subscribe"])
        if site.timing:
            seconds = f"{rng.uniform(0.2, 4.0):.3f}".replace(".", ",")
            blocks.append(f"{rng.randint(300, 4000)} requests in {seconds} seconds.")
        return "\n\n".join(blocks) + "\n"

    def html_page(self, doc: Doc, rng: random.Random) -> str:
        """A full article page in one of three layouts."""
        site, ui, lang = self.corpus.sites[doc.site], pool.UI[doc.lang], doc.lang
        title = self.title(doc)
        e = html.escape
        iso = doc.published.isoformat(timespec="seconds")
        url = self.url(doc, title)
        asset = f"{rng.getrandbits(32):08x}"
        nav = "".join(
            f'<li><a href="/{_SECTIONS[i]}/">{e(item)}</a></li>'
            for i, item in enumerate(ui["nav"].split(";"))
        )
        related = "".join(
            f'<li><a href="/news/{slugify(h)}.html">{e(h)}</a></li>'
            for h in self.random_headlines(rng, lang, rng.randint(2, 3))
        )
        aside = f'<aside class="related"><h3>{e(ui["read_also"])}</h3><ul>{related}</ul></aside>'
        author = pool.PERSONS[lang][rng.randrange(len(pool.PERSON_GENDER))]
        credit = f"{author} / {rng.choice(pool.AGENCIES)}"
        figure = (
            f'<figure class="lead-image"><img src="/media/{doc.published:%Y/%m}/'
            f'{asset}.jpg" alt="{e(title)}" width="1200" height="675">'
            f"<figcaption>{e(ui['photo'])}: {e(credit)}</figcaption></figure>"
        )
        paras = [f"<p>{e(p)}</p>" for p in self.paragraphs(doc)]
        body: list[str] = [paras[0], figure, *paras[1:]]
        if len(paras) >= 3:
            body.insert(
                1 + (len(paras) + 1) // 2, f"<h2>{e(rng.choice(ui['subheads'].split(';')))}</h2>"
            )
        if site.layout == 1 and len(body) > 4:
            body.insert(3, aside)
        else:
            body.append(aside)
        if doc.relation == "translation" and rng.random() < 0.7:
            body.append(f'<p class="disclaimer"><em>{e(ui["disclaimer"])}</em></p>')
        byline = e(ui["by_admin"]) if site.by_admin else ""
        ad = '<div class="ad-slot" data-slot="top">Advertisement</div>' if site.layout == 2 else ""
        sidebar = ""
        if site.layout == 0:
            popular = "".join(
                f'<li><a href="/news/{slugify(h)}.html">{e(h)}</a></li>'
                for h in self.random_headlines(rng, lang, 4)
            )
            sidebar = f'<div class="sidebar"><h3>{e(ui["popular"])}</h3><ol>{popular}</ol></div>'
        footer_links = "".join(
            f'<a href="/page/{i}">{e(x)}</a> ' for i, x in enumerate(ui["footer"].split(";"))
        )
        return (
            f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{e(title)} | {e(site.name)}</title>\n"
            f'<meta property="og:title" content="{e(title)}">\n'
            f'<meta property="og:site_name" content="{e(site.name)}">\n'
            f'<meta property="article:published_time" content="{iso}">\n'
            f'<link rel="canonical" href="{e(url)}">\n'
            f'<link rel="stylesheet" href="/static/css/main.{asset}.css">\n'
            f"<style>body{{margin:0;font-family:Georgia,serif}}.main-nav li{{display:inline;"
            f"padding:0 8px}}.ad-slot{{min-height:90px}}</style>\n"
            f'<script async src="https://stats.{site.host.removeprefix("www.")}/t.js"></script>\n'
            f"<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push("
            f"arguments)}}gtag('js',new Date());gtag('config','UA-{asset}');</script>\n"
            f'</head>\n<body class="single-post layout-{site.layout}">\n'
            f'<header class="site-header"><a class="logo" href="/">{e(site.name)}</a>\n'
            f'<nav class="main-nav"><ul>{nav}</ul></nav></header>\n{ad}\n<main>\n'
            f'<article class="post">\n<h1 class="entry-title">{e(title)}</h1>\n'
            f'<div class="meta"><span class="author">{byline}</span> '
            f'<time datetime="{iso}">{doc.published:%d.%m.%Y %H:%M}</time></div>\n'
            + "\n".join(body)
            + f"\n</article>\n{sidebar}\n"
            f'<section class="comments"><h3>{e(ui["comment"])}</h3>'
            f'<form method="post" action="/wp-comments-post.php">'
            f'<label>{e(ui["name"])} <input name="author" required></label>'
            f'<label>{e(ui["email"])} <input name="email" type="email"></label>'
            f'<textarea name="comment" rows="6"></textarea>'
            f'<button type="submit">{e(ui["post"])}</button></form></section>\n</main>\n'
            f'<footer class="site-footer"><p>© {doc.published.year} {e(site.name)}. '
            f"{e(ui['rights'])}</p><p>{footer_links}</p></footer>\n"
            f'<script src="/static/js/app.{asset}.js" defer></script>\n</body>\n</html>\n'
        )

    def record(self, doc: Doc, rng: random.Random) -> dict[str, str]:
        """A JSONL record: half carry clean text, half a full HTML page."""
        title = self.title(doc)
        rec = {"id": doc.id, "url": self.url(doc, title), "title": title}
        if rng.random() < 0.5:
            rec["text"] = "\n\n".join(self.paragraphs(doc))
        else:
            rec["html"] = self.html_page(doc, rng)
        rec["published"] = doc.published.isoformat(timespec="seconds")
        rec["lang"] = doc.lang
        return rec


def _doc_rng(seed: int, doc: Doc) -> random.Random:
    return random.Random(f"corpusgen:{seed}:{doc.key}")


def write_corpus(corpus: Corpus, out_dir: str | Path) -> dict[str, Any]:
    """Write input/, truth.json and manifest.json under ``out_dir``; return the manifest."""
    out = Path(out_dir)
    inp = out / "input"
    inp.mkdir(parents=True, exist_ok=True)
    r = Renderer(corpus)
    records: list[str] = []
    docs = sorted(corpus.docs, key=lambda d: d.id)
    files: dict[str, str] = {}
    for d in docs:
        rng = _doc_rng(corpus.params.seed, d)
        if d.fmt == "jsonl":
            records.append(json.dumps(r.record(d, rng), ensure_ascii=False))
            files[d.id] = "input/feed.jsonl"
            continue
        text = r.html_page(d, rng) if d.fmt == "html" else r.text_page(d, rng)
        name = f"{d.id}.{d.fmt}"
        (inp / name).write_text(text, encoding="utf-8")
        files[d.id] = f"input/{name}"
    if records:
        (inp / "feed.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    by_key = corpus.docs
    stories = []
    for st in corpus.stories:
        origin = by_key[st.origin]
        stories.append(
            {
                "id": f"s{st.index:05d}",
                "title": r.title(origin),
                "documents": [by_key[k].id for k in st.docs],
                "origin": origin.id,
                "domain": st.domain,
                "links": [
                    {
                        "source": by_key[s].id,
                        "target": by_key[t].id,
                        "relation": rel,
                        "evidence": ev,
                    }
                    for s, t, rel, ev in st.links
                ],
            }
        )
    documents = {
        d.id: {
            "lang": d.lang,
            "title": r.title(d),
            "format": d.fmt,
            "file": files[d.id],
            "site": corpus.sites[d.site].name,
            "url": r.url(d, r.title(d)),
            "published": d.published.isoformat(timespec="seconds"),
            "relation": d.relation,
            "parents": [by_key[k].id for k in d.parents],
            "evidence": d.evidence,
            "stories": [f"s{i:05d}" for i in d.stories],
            "n_paragraphs": d.n_paragraphs,
            "n_sentences": d.n_sentences,
        }
        for d in docs
    }
    truth = {
        "schema": "storytrace.synthetic-truth/1",
        "corpus": f"synthetic: {len(docs)} documents in {len(corpus.stories)} stories "
        f"(benchmarks/corpusgen.py {GENERATOR_VERSION}, seed {corpus.params.seed})",
        "conventions": {
            "document_ids": "file stems of input/*.html and input/*.txt; the 'id' of records "
            "in input/feed.jsonl",
            "links": "source is the document the target was derived from; a mashup has one "
            "link in each of its two stories",
            "relations": list(RELATIONS),
        },
        "stories": stories,
        "documents": documents,
    }
    (out / "truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    manifest = make_manifest(corpus)
    (out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return manifest


def _counts(values: list[str]) -> dict[str, int]:
    return dict(sorted(Counter(values).items()))


def make_manifest(corpus: Corpus) -> dict[str, Any]:
    """Generator version, seed, parameters and counts (no timings: output is reproducible)."""
    docs = corpus.docs
    sizes = [len(st.docs) for st in corpus.stories]
    return {
        "generator": "benchmarks/corpusgen.py",
        "version": GENERATOR_VERSION,
        "seed": corpus.params.seed,
        "params": {**asdict(corpus.params), "langs": list(corpus.params.langs)},
        "counts": {
            "documents": len(docs),
            "stories": len(corpus.stories),
            "singleton_stories": sum(1 for s in sizes if s == 1),
            "largest_story": max(sizes, default=0),
            "links": sum(len(st.links) for st in corpus.stories),
            "sentences": sum(d.n_sentences for d in docs),
            "per_language": _counts([d.lang for d in docs]),
            "per_relation": _counts([d.relation for d in docs]),
            "per_format": _counts([d.fmt for d in docs]),
            "links_per_relation": _counts(
                [rel for st in corpus.stories for _, _, rel, _ in st.links]
            ),
        },
    }


def generate(out_dir: str | Path, params: Params) -> dict[str, Any]:
    """Plan and write a corpus; return its manifest."""
    return write_corpus(build_corpus(params), out_dir)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("out_dir", help="output folder (documents go to OUT_DIR/input)")
    ap.add_argument("--docs", type=int, default=1000, help="number of documents (default 1000)")
    ap.add_argument("--seed", type=int, default=1)
    defaults = Params()
    for name in ("html_share", "jsonl_share", "mashup_share", "singleton_share"):
        default = getattr(defaults, name)
        ap.add_argument(f"--{name.replace('_', '-')}", type=float, default=default)
    ap.add_argument("--langs", default=",".join(LANGS))
    ap.add_argument("--force", action="store_true", help="replace an existing OUT_DIR/input")
    args = ap.parse_args(argv)
    out = Path(args.out_dir)
    if (out / "input").exists():
        if not args.force:
            print(f"{out / 'input'} exists; use --force to replace it", file=sys.stderr)
            return 2
        shutil.rmtree(out / "input")
    started = time.perf_counter()
    langs = tuple(x.strip() for x in args.langs.split(",") if x.strip())
    shares = {k: v for k, v in vars(args).items() if k.endswith("_share")}
    manifest = generate(out, Params(args.docs, args.seed, langs=langs, **shares))
    seconds = time.perf_counter() - started
    c = manifest["counts"]
    print(
        f"{c['documents']} documents, {c['stories']} stories ({c['singleton_stories']} "
        f"singletons), {c['links']} links in {seconds:.2f} s "
        f"({c['documents'] / max(seconds, 1e-9):,.0f} docs/s) -> {out}"
    )
    print(
        f"languages {c['per_language']}\nrelations {c['per_relation']}\nformats {c['per_format']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
