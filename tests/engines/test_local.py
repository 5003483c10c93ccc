"""The local engines and engine selection: order, laziness, errors, and how the choice
travels from the CLI and the options file to the kernels' callers (no Dask needed)."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from storytrace import MemoryStore
from storytrace.cli import main
from storytrace.engines import DaskEngine, Engine, ProcessEngine, SerialEngine, make_engine
from storytrace.errors import EngineUnavailable, StorytraceError
from storytrace.options import Options
from storytrace.pipeline import trace_inputs


def square(x: int) -> int:
    return x * x


def fail_on_seven(x: int) -> int:
    if x == 7:
        raise ValueError("bad item 7")
    return x


@pytest.fixture(params=[SerialEngine, lambda: ProcessEngine(2)], ids=["serial", "process"])
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """Each local engine in turn, closed after the test."""
    eng = request.param()
    yield eng
    eng.close()


def test_map_keeps_input_order(engine: Engine) -> None:
    assert list(engine.map(square, range(100), chunksize=3)) == [x * x for x in range(100)]


def test_map_is_lazy_over_an_endless_input(engine: Engine) -> None:
    first = list(itertools.islice(engine.map(square, itertools.count(), chunksize=4), 10))
    assert first == [x * x for x in range(10)]


def test_kernel_exception_reaches_the_caller(engine: Engine) -> None:
    with pytest.raises(ValueError, match="bad item 7"):
        list(engine.map(fail_on_seven, range(20), chunksize=2))


def test_process_engine_close_is_idempotent() -> None:
    engine = ProcessEngine(2)
    assert list(engine.map(square, [3])) == [9]
    engine.close()
    engine.close()


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"name": "serial"}, SerialEngine),
        ({"name": "process", "workers": 2}, ProcessEngine),
        ({"name": "auto", "n_items": 3, "parallel_min_inputs": 64}, SerialEngine),
        ({"name": "auto", "workers": 1}, SerialEngine),
        ({"name": "auto", "n_items": 1000, "workers": 2}, ProcessEngine),
        ({"name": "auto"}, ProcessEngine),  # size unknown: parallel
        ({"name": "serial", "address": "tcp://127.0.0.1:1"}, SerialEngine),  # address unused
    ],
)
def test_make_engine_choice(kwargs: dict[str, Any], expected: type) -> None:
    engine = make_engine(**kwargs)
    try:
        assert isinstance(engine, expected)
    finally:
        engine.close()


def test_make_engine_rejects_unknown_names() -> None:
    with pytest.raises(StorytraceError, match="unknown engine 'spark'"):
        make_engine("spark")


def test_dask_without_the_extra_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now fails
    with pytest.raises(EngineUnavailable, match=r"pip install 'storytrace\[dask\]'"):
        make_engine("dask")
    with pytest.raises(EngineUnavailable):
        DaskEngine("tcp://127.0.0.1:8786")


def test_options_file_sets_engine_and_scheduler(tmp_path: Path) -> None:
    path = tmp_path / "opts.toml"
    path.write_text('engine = "dask"\nscheduler = "tcp://10.0.0.5:8786"\n')
    opts = Options.from_toml(path)
    assert (opts.engine, opts.scheduler) == ("dask", "tcp://10.0.0.5:8786")
    assert (Options().engine, Options().scheduler) == ("auto", None)


class Recorder:
    """Stands in for ``make_engine`` where a module calls it; runs everything serially."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str | None]] = []

    def __call__(self, name: str = "auto", **kwargs: Any) -> SerialEngine:
        self.calls.append((name, kwargs.get("address")))
        return SerialEngine()


@pytest.fixture
def recorders(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Recorder]]:
    rec = {"ingest": Recorder(), "link": Recorder()}
    monkeypatch.setattr("storytrace.ingest.run.make_engine", rec["ingest"])
    monkeypatch.setattr("storytrace.link.run.make_engine", rec["link"])
    yield rec


@pytest.fixture
def hash_config(tmp_path: Path) -> Path:
    path = tmp_path / "hash.toml"
    path.write_text('engine = "process"\n[link]\nembedder = "hash"\n')
    return path


def test_cli_flags_reach_ingest_and_link(
    recorders: dict[str, Recorder], examples_dir: Path, tmp_path: Path, hash_config: Path
) -> None:
    args = ["trace", str(examples_dir / "input"), "--db", str(tmp_path / "st.db")]
    args += ["--config", str(hash_config), "--engine", "dask", "--scheduler", "tcp://h:8786"]
    result = CliRunner().invoke(main, [*args, "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert recorders["ingest"].calls == [("dask", "tcp://h:8786")]
    assert recorders["link"].calls == [("dask", "tcp://h:8786")]


@pytest.mark.parametrize("command", ["ingest", "add"])
def test_config_engine_applies_when_no_flag(
    command: str,
    recorders: dict[str, Recorder],
    examples_dir: Path,
    tmp_path: Path,
    hash_config: Path,
) -> None:
    args = [command, str(examples_dir / "input" / "301_tram_en.txt")]
    args += ["--db", str(tmp_path / "st.db"), "--config", str(hash_config), "-q"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert recorders["ingest"].calls == [("process", None)]


def test_engine_flag_is_validated(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--engine", "spark"])
    assert result.exit_code == 2
    assert "'spark' is not one of" in result.output


def test_library_options_reach_link(recorders: dict[str, Recorder], examples_dir: Path) -> None:
    opts = Options(engine="serial").overlay({"link": {"embedder": "hash"}})
    trace_inputs([examples_dir / "input"], options=opts, store=MemoryStore())
    assert recorders["ingest"].calls == [("serial", None)]
    assert recorders["link"].calls == [("serial", None)]
