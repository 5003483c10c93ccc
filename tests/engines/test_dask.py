"""The Dask engine on a real LocalCluster (two worker processes), and storytrace end to end
through it: the same documents, segments and stories as the serial engine.

Run with ``make test-dask`` (``pytest -m dask``); skipped when the [dask] extra is missing.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from storytrace.cli import main
from storytrace.engines import DaskEngine, make_engine
from storytrace.errors import StorytraceError
from storytrace.store import open_store

pytestmark = pytest.mark.dask


def _require_dask() -> None:
    pytest.importorskip(
        "distributed", reason="the [dask] extra is not installed: pip install -e '.[dask]'"
    )


@pytest.fixture(scope="module")
def engine() -> Iterator[DaskEngine]:
    """One LocalCluster of two worker processes for the unit tests of this module."""
    _require_dask()
    eng = DaskEngine(workers=2, max_in_flight=3)
    yield eng
    eng.close()


def scheduler_tasks(eng: DaskEngine) -> int:
    def count(dask_scheduler: Any) -> int:
        return len(dask_scheduler.tasks)

    return int(eng.client.run_on_scheduler(count))


def wait_until_idle(eng: DaskEngine, timeout: float = 10.0) -> int:
    """Tasks still known to the scheduler once it has settled (0 = nothing left behind)."""
    deadline = time.monotonic() + timeout
    while (left := scheduler_tasks(eng)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


# Kernels: top-level, so workers import them from this module.
def slow_square(x: int) -> int:
    time.sleep(0.002 * (x % 7))  # uneven durations: later chunks often finish first
    return x * x


def with_pid(x: int) -> tuple[int, int]:
    time.sleep(0.01)
    return x, os.getpid()


def fail_on_13(x: int) -> int:
    if x == 13:
        raise ValueError("bad item 13")
    return x


def test_results_in_input_order(engine: DaskEngine) -> None:
    assert list(engine.map(slow_square, range(300), chunksize=7)) == [x * x for x in range(300)]
    assert wait_until_idle(engine) == 0  # results are released once consumed


def test_chunks_are_tasks_on_two_worker_processes(
    engine: DaskEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    sizes: list[int] = []
    submit = engine._submit

    def spy(fn: Any, chunk: list[Any], *, key: str) -> Any:
        sizes.append(len(chunk))
        return submit(fn, chunk, key=key)

    monkeypatch.setattr(engine, "_submit", spy)
    out = list(engine.map(with_pid, range(43), chunksize=5))
    assert [x for x, _ in out] == list(range(43))
    assert sizes == [5] * 8 + [3]
    chunk_pids = [{pid for _, pid in out[i : i + 5]} for i in range(0, 43, 5)]
    assert all(len(p) == 1 for p in chunk_pids)  # a chunk runs as one task
    pids = set().union(*chunk_pids)
    assert len(pids) == 2 and os.getpid() not in pids


def test_back_pressure_bounds_what_is_read_ahead(engine: DaskEngine) -> None:
    """Only ``max_in_flight`` chunks beyond the one being consumed are ever read."""
    pulled = 0

    def source() -> Iterator[int]:
        nonlocal pulled
        for i in range(400):
            pulled += 1
            yield i

    chunksize, window = 4, engine.max_in_flight
    assert window == 3
    ahead = []
    for consumed, _ in enumerate(engine.map(slow_square, source(), chunksize=chunksize), 1):
        ahead.append(pulled - consumed)
    assert max(ahead) <= (window + 1) * chunksize
    assert max(ahead) >= window * chunksize  # it does work ahead, up to the bound
    assert engine.peak_in_flight == window


def test_endless_input_and_early_stop_cancel_the_rest(engine: DaskEngine) -> None:
    results = engine.map(slow_square, itertools.count(), chunksize=10)
    assert list(itertools.islice(results, 25)) == [x * x for x in range(25)]
    results.close()  # the caller stops: queued chunks are cancelled
    assert wait_until_idle(engine) == 0


def test_kernel_exception_propagates_with_its_chunk(engine: DaskEngine) -> None:
    with pytest.raises(ValueError, match="bad item 13") as info:
        list(engine.map(fail_on_13, range(40), chunksize=4))
    notes = " ".join(getattr(info.value, "__notes__", []))
    assert "Dask worker" in notes and "chunk 3 (items 12-15" in notes
    assert wait_until_idle(engine) == 0
    assert list(engine.map(fail_on_13, range(5))) == list(range(5))  # still usable


def test_close_stops_its_own_cluster_and_leaves_the_environment() -> None:
    _require_dask()
    environ = dict(os.environ)
    eng = DaskEngine(workers=1)
    assert dict(os.environ) == environ  # Dask's OMP_NUM_THREADS=1 etc. do not leak
    pids = list(eng.client.run(os.getpid).values())
    assert list(eng.map(slow_square, range(10), chunksize=3)) == [x * x for x in range(10)]
    eng.close()
    eng.close()  # idempotent
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(p) for p in pids)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_client_passed_in_is_not_closed(engine: DaskEngine) -> None:
    borrowed = DaskEngine(client=engine.client)
    assert list(borrowed.map(slow_square, range(5))) == [0, 1, 4, 9, 16]
    borrowed.close()
    assert list(engine.map(slow_square, range(3))) == [0, 1, 4]


def test_connects_to_a_scheduler_address(engine: DaskEngine) -> None:
    address = engine.client.scheduler.address
    assert address.startswith("tcp://")
    remote = make_engine("auto", address=address)  # an address alone selects Dask
    try:
        assert isinstance(remote, DaskEngine)
        assert list(remote.map(slow_square, range(20), chunksize=3)) == [x * x for x in range(20)]
    finally:
        remote.close()
    assert list(engine.map(slow_square, range(3))) == [0, 1, 4]  # its cluster lives on


def test_unreachable_scheduler_is_a_clear_error() -> None:
    _require_dask()
    with pytest.raises(StorytraceError, match="cannot connect to the Dask scheduler"):
        DaskEngine("tcp://127.0.0.1:9", connect_timeout=1)


# -- storytrace end to end ------------------------------------------------------------------


def cli(*args: str) -> str:
    result = CliRunner().invoke(main, [*args, "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def stored(db: Path) -> list[Any]:
    with open_store(str(db)) as store:
        return sorted(store.documents(), key=lambda d: d.id)


def test_ingest_on_dask_stores_what_serial_stores(examples_dir: Path, tmp_path: Path) -> None:
    _require_dask()
    inputs = str(examples_dir / "input")
    cli("ingest", inputs, "--db", str(tmp_path / "serial.db"), "--engine", "serial")
    cli("ingest", inputs, "--db", str(tmp_path / "dask.db"), "--engine", "dask", "--workers", "2")
    serial, dask = stored(tmp_path / "serial.db"), stored(tmp_path / "dask.db")
    assert len(serial) == len(list((examples_dir / "input").iterdir()))
    assert sum(len(d.segments) for d in serial) > len(serial)
    assert [d.id for d in dask] == [d.id for d in serial]
    for a, b in zip(serial, dask, strict=True):
        assert a == b, a.id  # text, segments, sentences, language, problems


def test_trace_on_dask_gives_the_serial_stories(
    examples_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _require_dask()
    import storytrace.link.run as link_run

    used: list[str] = []

    def spy(name: str = "auto", **kwargs: Any) -> Any:
        eng = make_engine(name, **kwargs)
        used.append(eng.name)
        return eng

    monkeypatch.setattr(link_run, "make_engine", spy)
    reports = {}
    for name in ("serial", "dask"):
        out = tmp_path / f"{name}.json"
        cli("trace", str(examples_dir / "input"), "--db", str(tmp_path / f"{name}.db"),
            "--engine", name, "--workers", "2", "--json", str(out))  # fmt: skip
        reports[name] = json.loads(out.read_text(encoding="utf-8"))
    assert used == ["serial", "dask"]  # the comparisons really ran on the cluster
    stories = {
        name: sorted(tuple(s["documents"]) for s in rep["stories"]) for name, rep in reports.items()
    }
    assert stories["dask"] == stories["serial"]
    assert math.comb(5, 2) <= sum(math.comb(len(s), 2) for s in stories["serial"])
    assert reports["dask"] == reports["serial"]  # and every segment, link and relation
