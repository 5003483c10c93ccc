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

Sentences are the hand-written parallel frames of ``corpusgen_lex.py`` (same index = same
meaning in en, de, ru, no, fr, es, uk), filled with generated names and locale-formatted
numbers, dates and quantities (``corpusgen_text.py``); page boilerplate comes from
``corpusgen_pool.py``.  A story is an original article of 6-14 sentences from one news domain
with story-specific facts (three people with roles, places and organisations, a date), and
derived documents: verbatim copies on other sites, excerpts (first 25-50 % of paragraphs),
translations (same sentences in another language, same facts), rewrites (one changed number /
date / name, or reordered paragraphs) and mashup pages (halves of two stories, listed in
both).  Most stories are singletons (distractors); a few report the same event as an earlier
story, written independently (hard negatives, ``same_event_as`` in truth.json).

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
import shutil
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import corpusgen_lex as lex
import corpusgen_pool as pool
from corpusgen_text import (
    _CYRILLIC,
    _FRAME_T,
    _FRAME_UNITS,
    _HEAD_HAS_NUMBER,
    _HEAD_T,
    Facts,
    Paragraph,
    Sentence,
    _draw_number,
    _finish,
    _original_paras,
    _Piece,
    _random_facts,
    _same_gender_person,
    _Values,
    _zipf,
    format_date,
    format_number,
    quantity,
    slugify,
)

LANGS = pool.LANGS
GENERATOR_VERSION = "2.1.0"
RELATIONS: tuple[str, ...] = ("copy", "translation", "excerpt", "mashup", "rewrite")
NEWS_DOMAINS: tuple[str, ...] = lex.DOMAINS


_SECTIONS: tuple[str, ...] = ("news", "world", "politics", "business", "society", "local")


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
    same_event_as: int | None = None  # index of the story whose event this one also reports


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
            sent = paras[pi][si]
            old = sent[1]
            new = max(10, old + rng.choice((-1, 1)) * rng.randrange(1, 20) * 10)
            new = new if new != old else old + 10
            para = (*paras[pi][:si], (sent[0], new, *sent[2:]), *paras[pi][si + 1 :])
            paras = (*paras[:pi], para, *paras[pi + 1 :])  # type: ignore[assignment]
            evidence = f"rewrite: one number changed {old:,} -> {new:,}"
        elif rng.random() < 0.5:
            day = facts.day + rng.choice((-2, -1, 1, 2))
            day = day if 1 <= day <= 28 else facts.day - 3 if facts.day > 3 else facts.day + 3
            facts = replace(facts, day=day)
            evidence = f"rewrite: date changed day {part.facts.day} -> {day}"
        else:
            old_p = facts.persons[0]
            new_p = _same_gender_person(rng, old_p)
            facts = replace(facts, persons=(new_p, *facts.persons[1:]))
            evidence = (
                f"rewrite: name changed {lex.person(old_p, 'en')[0]} -> "
                f"{lex.person(new_p, 'en')[0]}"
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
    #: Probability that a story reports the same event as an earlier one of its domain,
    #: written independently (shared people, places, organisation and date; other
    #: sentence frames and numbers): a hard negative that must stay a separate story.
    same_event_share: float = 0.02


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
        facts = _random_facts(rng, when, domain)
        twin: Story | None = None
        avoid: frozenset[int] = frozenset()  # the twin's frames: written independently
        if stories and rng.random() < params.same_event_share:
            twin = stories[rng.randrange(len(stories))]
            domain = twin.domain
            t = out[twin.origin]
            tf = t.parts[0].facts
            facts = replace(
                _random_facts(rng, when, domain),
                persons=(tf.persons[0], *facts.persons[1:]),
                roles=(tf.roles[0], *facts.roles[1:]),
                cities=(tf.cities[0], *facts.cities[1:]),
                orgs=(tf.orgs[0], *facts.orgs[1:]),
                month=tf.month,
                day=tf.day,
            )
            when = t.published + timedelta(minutes=rng.randint(10, 24 * 60))
            avoid = frozenset(s[0] for p in t.parts[0].paras for s in p)
        # A pool headline and its number, no longer rendered (the title is the lede's first
        # clause): still drawn, so a seed gives the same corpus as before.
        head = rng.choice([i for i, d in enumerate(pool.HEADLINE_DOMAINS) if d == domain])
        if _HEAD_HAS_NUMBER[head]:
            _draw_number(rng)
        origin = Doc(
            len(out),
            si,
            lang,
            (Part(facts, _original_paras(rng, domain, avoid)),),
            "origin",
            (),
            "original article",
            when,
            site=rng.choice(native[lang]),
        )
        out.append(origin)
        story = Story(
            si, domain, origin.key, [origin.key], same_event_as=twin.index if twin else None
        )
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
        self._values: dict[tuple[str, Facts], _Values] = {}
        self._titles: dict[int, str] = {}  # by Doc.key: pages, records and truth.json share it

    def _vals(self, lang: str, facts: Facts, keep: bool = True) -> _Values:
        key = (lang, facts)
        vals = self._values.get(key)
        if vals is None:
            people = [lex.person(i, lang) for i in facts.persons]
            roles = [
                lex.ROLES[lang][r][1 if g == "f" else 0]
                for r, (_, g) in zip(facts.roles, people, strict=True)
            ]
            vals = _Values(
                tuple(n for n, _ in people),
                tuple(g == "f" for _, g in people),
                tuple(roles),
                tuple(lex.city(i, lang) for i in facts.cities),
                tuple(lex.org(i, lang) for i in facts.orgs),
                format_date(facts.day, facts.month, lang),
            )
            if keep:
                self._values[key] = vals
        return vals

    def fill(
        self, pieces: tuple[_Piece, ...], lang: str, facts: Facts, number: int, keep: bool = True
    ) -> str:
        """A headline template filled with the story's main facts in ``lang`` (``keep``:
        cache the facts' spellings; not for one-off random headlines)."""
        v = self._vals(lang, facts, keep)
        org = f"«{v.orgs[0]}»" if lang in _CYRILLIC else v.orgs[0]
        vals = {"PERSON": v.persons[0], "CITY": v.cities[0], "ORG": org, "DATE": v.date}
        out: list[str] = []
        for kind, a, b in pieces:
            if kind == 0:
                out.append(a)
            elif kind == 1:
                out.append(format_number(number, lang) if a == "NUMBER" else vals[a])
            else:
                out.append(b if v.female[0] else a)
        return _finish("".join(out), lang)

    def sentence(self, lang: str, facts: Facts, sent: Sentence) -> str:
        """One sentence: its frame in ``lang`` filled with the story's facts."""
        frame, n1, n2, qty, (p, p2, c, c2, o, o2) = sent
        v = self._vals(lang, facts)
        out: list[str] = []
        q = 0
        for kind, a, b in _FRAME_T[lang][frame]:
            if kind == 0:
                out.append(a)
            elif kind == 2:
                out.append(b if v.female[p] else a)
            elif kind == 3:
                out.append(b if v.female[p2] else a)
            elif a == "QTY":
                n, unit = qty[q]
                out.append(quantity(n, _FRAME_UNITS[frame][q][unit], lang))
                q += 1
            else:
                out.append(
                    v.persons[p] if a == "PERSON" else v.persons[p2] if a == "PERSON2"
                    else v.roles[p] if a == "ROLE" else v.roles[p2] if a == "ROLE2"
                    else v.cities[c] if a == "CITY" else v.cities[c2] if a == "CITY2"
                    else v.orgs[o] if a == "ORG" else v.orgs[o2] if a == "ORG2"
                    else format_number(n1, lang) if a == "NUMBER"
                    else format_number(n2, lang) if a == "NUMBER2"
                    else v.date
                )  # fmt: skip
        return _finish("".join(out), lang)

    def title(self, doc: Doc) -> str:
        """The headline: the lede's first clause (a fixed headline per domain would give
        unrelated stories the same title line), made once per document of the corpus.
        Generic "read also" headlines of the boilerplate still come from the pool."""
        title = self._titles.get(doc.key)
        if title is None:
            title = self._titles[doc.key] = self._headline(doc)
        return title

    def _headline(self, doc: Doc) -> str:
        part = doc.parts[0]
        lede = self.sentence(doc.lang, part.facts, part.paras[0][0])
        head = lede.rstrip(".")
        for sep in (", ", " – ", ": "):
            cut = head.split(sep, 1)[0]
            if len(cut.split()) >= 4:
                head = cut
                break
        return head.strip("«»„“\"' ")

    def paragraphs(self, doc: Doc) -> list[str]:
        return [
            " ".join(self.sentence(doc.lang, part.facts, sent) for sent in para)
            for part in doc.parts
            for para in part.paras
        ]

    def random_headlines(self, rng: random.Random, lang: str, k: int) -> list[str]:
        when = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(days=rng.randrange(365))
        return [
            self.fill(
                _HEAD_T[lang][h],
                lang,
                _random_facts(rng, when, pool.HEADLINE_DOMAINS[h]),
                _draw_number(rng),
                keep=False,
            )
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
        author = lex.person(_zipf(rng, lex.N_PERSONS), lang)[0]
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
                **(
                    {"same_event_as": f"s{st.same_event_as:05d}"}
                    if st.same_event_as is not None
                    else {}
                ),
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
            "same_event_stories": sum(1 for st in corpus.stories if st.same_event_as is not None),
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
    for name in (
        "html_share",
        "jsonl_share",
        "mashup_share",
        "singleton_share",
        "same_event_share",
    ):
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
