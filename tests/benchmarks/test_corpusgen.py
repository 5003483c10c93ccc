"""Tests for the synthetic corpus generator (benchmarks/corpusgen.py): small and fast."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import corpusgen  # noqa: E402
import corpusgen_pool  # noqa: E402

DOCS = 200


def _tree_digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    corpusgen.generate(out, corpusgen.Params(docs=DOCS, seed=7))
    return out


@pytest.fixture(scope="module")
def truth(corpus_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((corpus_dir / "truth.json").read_text("utf-8"))
    return data


def _input_ids(corpus_dir: Path) -> Iterator[str]:
    for path in sorted((corpus_dir / "input").iterdir()):
        if path.suffix in (".html", ".txt"):
            yield path.stem
        elif path.suffix == ".jsonl":
            for line in path.read_text("utf-8").splitlines():
                yield json.loads(line)["id"]


def test_pool_is_parallel() -> None:
    n = len(corpusgen_pool.SENTENCE_DOMAINS)
    assert 40 <= n <= 60
    for lang in corpusgen_pool.LANGS:
        assert len(corpusgen_pool.SENTENCES[lang]) == n
        assert len(corpusgen_pool.HEADLINES[lang]) == len(corpusgen_pool.HEADLINE_DOMAINS)


def test_locale_formatting() -> None:
    assert corpusgen.format_number(4500, "en") == "4,500"
    assert corpusgen.format_number(4500, "de") == "4.500"
    assert corpusgen.format_number(4500, "fr") == "4\u202f500"
    assert corpusgen.format_date(3, 3, "ru") == "3 марта"
    assert corpusgen.format_date(3, 3, "de") == "3. März"


def test_deterministic_for_a_seed(corpus_dir: Path, tmp_path: Path) -> None:
    corpusgen.generate(tmp_path, corpusgen.Params(docs=DOCS, seed=7))
    assert _tree_digest(tmp_path) == _tree_digest(corpus_dir)
    other = tmp_path / "other"
    corpusgen.generate(other, corpusgen.Params(docs=DOCS, seed=8))
    assert _tree_digest(other) != _tree_digest(corpus_dir)


def test_document_count_and_manifest(corpus_dir: Path, truth: dict[str, Any]) -> None:
    ids = list(_input_ids(corpus_dir))
    assert len(ids) == len(set(ids)) == DOCS
    manifest = json.loads((corpus_dir / "manifest.json").read_text("utf-8"))
    assert manifest["seed"] == 7
    assert manifest["counts"]["documents"] == DOCS
    assert sum(manifest["counts"]["per_format"].values()) == DOCS
    assert set(truth["documents"]) == set(ids)


def test_stories_cover_every_document(corpus_dir: Path, truth: dict[str, Any]) -> None:
    ids = set(_input_ids(corpus_dir))
    docs = truth["documents"]
    covered: set[str] = set()
    relations: set[str] = set()
    for story in truth["stories"]:
        members = set(story["documents"])
        assert story["origin"] in members
        assert members <= ids
        covered |= members
        linked = {story["origin"]}
        for link in story["links"]:
            assert link["relation"] in corpusgen.RELATIONS
            assert link["source"] in members and link["target"] in members
            linked |= {link["source"], link["target"]}
            relations.add(link["relation"])
        assert linked == members  # every member is reached by a link
        for doc_id in members:
            assert story["id"] in docs[doc_id]["stories"]
    assert covered == ids
    mashups = [d for d, meta in docs.items() if meta["relation"] == "mashup"]
    assert mashups and all(len(docs[d]["stories"]) == 2 for d in mashups)
    assert relations == set(corpusgen.RELATIONS)
    singletons = sum(1 for s in truth["stories"] if len(s["documents"]) == 1)
    assert singletons > len(truth["stories"]) / 2


def test_translations_keep_sentences(truth: dict[str, Any]) -> None:
    docs = truth["documents"]
    pairs = [
        (link["source"], link["target"])
        for story in truth["stories"]
        for link in story["links"]
        if link["relation"] == "translation"
    ]
    assert pairs
    for src, dst in pairs:
        assert docs[src]["lang"] != docs[dst]["lang"]
        assert docs[src]["n_sentences"] == docs[dst]["n_sentences"]
    # Rendered text: same paragraphs, and the same numbers once the locale's thousands
    # separators (4,500 / 4.500 / 4 500) are removed (word order moves them around).
    corpus = corpusgen.build_corpus(corpusgen.Params(docs=DOCS, seed=7))
    renderer = corpusgen.Renderer(corpus)
    checked = 0
    for doc in corpus.docs:
        if doc.relation != "translation":
            continue
        parent = corpus.docs[doc.parents[0]]
        mine, theirs = renderer.paragraphs(doc), renderer.paragraphs(parent)
        assert len(mine) == len(theirs) and mine != theirs
        assert sorted(_numbers(" ".join(mine))) == sorted(_numbers(" ".join(theirs)))
        checked += 1
    assert checked == len(pairs)


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d+", re.sub(r"(?<=\d)[,.\u202f](?=\d{3})", "", text))


def test_html_pages_parse(corpus_dir: Path) -> None:
    pages = sorted((corpus_dir / "input").glob("*.html"))
    assert pages
    for page in pages:
        tree = lxml.html.fromstring(page.read_bytes())
        assert tree.find(".//title") is not None
        assert tree.find(".//article/h1") is not None
        assert len(tree.findall(".//article/p")) >= 1
        assert tree.find(".//meta[@property='article:published_time']") is not None
    texts = sorted((corpus_dir / "input").glob("*.txt"))
    assert texts
    for text in texts[:20]:
        body = text.read_text("utf-8")
        assert "\n\n" in body and body.endswith("\n")


def test_every_language_appears(truth: dict[str, Any]) -> None:
    langs = {meta["lang"] for meta in truth["documents"].values()}
    assert langs == set(corpusgen_pool.LANGS)
    assert {meta["format"] for meta in truth["documents"].values()} == {"html", "txt", "jsonl"}


def test_frames_are_parallel_and_slot_dense() -> None:
    import corpusgen_lex as lex

    assert len(lex.FRAMES["en"]) >= 60
    for lang in lex.LANGS:
        assert len(lex.FRAMES[lang]) == len(lex.FRAME_DOMAINS)
    assert all(len(lex.slots_of(t)) >= 2 for t in lex.FRAMES["en"])
    # Large generated lexicons, so unrelated stories rarely share a name.
    assert min(lex.N_PERSONS, lex.N_CITIES, lex.N_ORGS) > 10_000


def test_quantities_agree_in_number() -> None:
    assert corpusgen.quantity(4500, "mass-tonne", "ru") == "4\u202f500 тонн"
    assert corpusgen.quantity(21, "duration-day", "ru") == "21 день"
    assert corpusgen.quantity(3, "duration-year", "de") == "3 Jahre"


def _shingle_set(text: str) -> set[str]:
    words = re.findall(r"\w+", text.casefold())
    return {" ".join(words[i : i + 3]) for i in range(len(words) - 2)}


def test_unrelated_stories_share_few_shingles() -> None:
    """Two originals of one domain and language share little wording and no sentence."""
    corpus = corpusgen.build_corpus(corpusgen.Params(docs=600, seed=3))
    renderer = corpusgen.Renderer(corpus)
    groups: dict[tuple[str, str], list[list[str]]] = {}
    for doc in corpus.docs:
        if doc.relation == "origin":
            key = (corpus.stories[doc.story].domain, doc.lang)
            facts = doc.parts[0].facts
            sents = [renderer.sentence(doc.lang, facts, s) for p in doc.parts[0].paras for s in p]
            groups.setdefault(key, []).append(sents)
    jaccards: list[float] = []
    for docs in groups.values():
        for i in range(len(docs)):
            for j in range(i + 1, min(len(docs), i + 6)):
                a, b = _shingle_set(" ".join(docs[i])), _shingle_set(" ".join(docs[j]))
                jaccards.append(len(a & b) / len(a | b))
                assert not set(docs[i]) & set(docs[j])
    assert len(jaccards) > 100
    assert sum(jaccards) / len(jaccards) < 0.12
    assert max(jaccards) < 0.35


def test_same_event_stories_are_hard_negatives() -> None:
    """Independent reports of one event: shared people, place, date; other frames."""
    corpus = corpusgen.build_corpus(corpusgen.Params(docs=2000, seed=5, same_event_share=0.05))
    twins = [st for st in corpus.stories if st.same_event_as is not None]
    assert twins
    for st in twins:
        mine = corpus.docs[st.origin].parts[0]
        other = corpus.stories[st.same_event_as]  # type: ignore[index]
        theirs = corpus.docs[other.origin].parts[0]
        assert st.domain == other.domain and st.index != other.index
        assert mine.facts.persons[0] == theirs.facts.persons[0]
        assert mine.facts.cities[0] == theirs.facts.cities[0]
        assert (mine.facts.month, mine.facts.day) == (theirs.facts.month, theirs.facts.day)
        assert set(st.docs).isdisjoint(other.docs) or any(
            corpus.docs[k].relation == "mashup" for k in set(st.docs) & set(other.docs)
        )
