"""``Options``: TOML overlays are checked key by key and type by type."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.errors import StorytraceError
from storytrace.options import Options


def test_overlay_sets_scalars_and_nested_tables() -> None:
    opts = Options().overlay(
        {
            "workers": 2,
            "ingest": {"boilerplate": False},
            "link": {"candidate_cos": 1, "static_dims": 128, "evidence": {"same_cos": 0.8}},
        }
    )
    assert opts.workers == 2 and opts.ingest.boilerplate is False
    assert opts.link.candidate_cos == 1.0 and isinstance(opts.link.candidate_cos, float)
    assert opts.link.static_dims == 128 and opts.link.evidence.same_cos == 0.8
    assert opts.link.evidence.cross_cos == Options().link.evidence.cross_cos  # untouched


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"bogus": 1}, "unknown option 'bogus'"),
        ({"link": {"bogus": 1}}, "unknown option(s) ['bogus']"),
        ({"link": 3}, "[link] must be a table"),
        ({"workers": "many"}, "workers must be int, not str"),
        ({"workers": True}, "workers must be int, not bool"),
        ({"ingest": {"min_chars": 1.5}}, "min_chars must be int, not float"),
        ({"link": {"derive": 1}}, "derive must be bool, not int"),
        ({"link": {"static_dims": "x"}}, "static_dims must be int, not str"),
        ({"link": {"evidence": 0.9}}, "evidence must be EvidenceConfig"),
        ({"scheduler": 8786}, "scheduler must be str, not int"),
    ],
)
def test_overlay_refuses_unknown_keys_and_wrong_types(data: dict[str, Any], message: str) -> None:
    with pytest.raises(StorytraceError) as info:
        Options().overlay(data, origin="opts.toml")
    assert str(info.value).startswith("opts.toml: ") and message in str(info.value)


def test_from_toml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "opts.toml"
    path.write_text("workers = \n")
    with pytest.raises(StorytraceError, match="cannot read options file"):
        Options.from_toml(path)
    path.write_text('engine = "serial"\n[link]\nembedder = "hash"\n')
    opts = Options.from_toml(path)
    assert (opts.engine, opts.link.embedder) == ("serial", "hash")


@given(
    workers=st.integers(min_value=0, max_value=512),
    cos=st.floats(min_value=0, max_value=1),
    dims=st.integers(min_value=1, max_value=4096),
)
def test_overlay_keeps_every_well_typed_value(workers: int, cos: float, dims: int) -> None:
    opts = Options().overlay(
        {"workers": workers, "link": {"candidate_cos": cos, "static_dims": dims}}
    )
    assert (opts.workers, opts.link.candidate_cos, opts.link.static_dims) == (workers, cos, dims)
