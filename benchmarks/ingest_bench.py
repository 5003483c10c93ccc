"""Ingest benchmark: storytrace's ingest on synthetic corpora of 1k and 10k documents.

For each size the corpus comes from ``corpusgen.py`` (7 languages, HTML + text + a JSONL
feed) and is ingested into a fresh SQLite store in a separate child process, so each size
gets its own peak memory.  The parent samples the resident memory of the child and all its
worker processes (psutil, every 50 ms); the child also reports ``ru_maxrss`` of itself and of
its reaped workers.  Prints one table (docs, seconds, docs/s, per-doc ms, peak RSS, workers,
problems), the machine, git commit and date, the targets next to the measurements, and appends
the run as one JSON line to ``benchmarks/results/ingest.jsonl``.

Usage::

    .venv/bin/python benchmarks/ingest_bench.py --sizes 1000,10000
    .venv/bin/python benchmarks/ingest_bench.py --sizes 1000 --workers 2 --corpus-dir /tmp/corpora
    .venv/bin/python benchmarks/ingest_bench.py --profile 500      # cProfile, workers=1, top 25
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import benchrecord
import corpusgen

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results" / "ingest.jsonl"
TARGET_DOCS_PER_S = 150.0  # on 2 cores
TARGET_PEAK_RSS_MB = 1024.0
TARGET_FLAT_RATIO = 1.25  # per-doc ms at the largest size / at the smallest


def snapshot_src(dest: Path) -> str:
    """Copy the package sources to ``dest`` (the tree may change during a long run, e.g. by
    commits); return a short digest of its *.py files."""
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(REPO / "src", dest, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    digest = hashlib.sha256()
    for path in sorted(dest.rglob("*.py")):
        digest.update(str(path.relative_to(dest)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def _child_env(src_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    src = str(src_dir)
    parts = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    if src not in parts:
        env["PYTHONPATH"] = os.pathsep.join([src, *parts])
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("TRANSFORMERS_OFFLINE", "1")
    return env


def ingest_entry_point() -> Callable[..., Any]:
    """storytrace's ingest function: ``ingest_inputs`` (public name), else the older
    ``storytrace.ingest.run.ingest`` (``storytrace.ingest`` itself is the subpackage)."""
    import storytrace

    fn = getattr(storytrace, "ingest_inputs", None)
    if callable(fn):
        return fn  # type: ignore[no-any-return]
    from storytrace.ingest import run

    found = getattr(run, "ingest_inputs", None) or getattr(run, "ingest", None)
    if not callable(found):
        raise RuntimeError("storytrace has neither ingest_inputs nor ingest.run.ingest")
    return found  # type: ignore[no-any-return]


def run_child(corpus: str, db: str, workers: int) -> dict[str, Any]:
    """Body of the child process: one ingest into a fresh store; returns the measurements."""
    started = time.perf_counter()
    from storytrace import Options, open_store

    ingest = ingest_entry_point()
    imported = time.perf_counter()
    options = Options(db=db, workers=workers)
    with open_store(db) as store:
        report = ingest([corpus], options=options, store=store)
    wall = time.perf_counter() - imported
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    reasons: dict[str, int] = {}
    for p in report.problems:
        reasons[p.reason] = reasons.get(p.reason, 0) + 1
    return {
        "docs": len(report.ids),
        "added": len(report.added),
        "existing": len(report.existing),
        "problems": len(report.problems),
        "fatal": sum(1 for p in report.problems if p.fatal),
        "problem_reasons": dict(sorted(reasons.items(), key=lambda kv: -kv[1])[:10]),
        "seconds": report.seconds,
        "wall_seconds": wall,
        "import_seconds": imported - started,
        "workers": options.effective_workers,
        "package": str(Path(sys.modules["storytrace"].__file__ or "?").parent),
        "maxrss_self_mb": me.ru_maxrss / 1024,
        "maxrss_children_mb": kids.ru_maxrss / 1024,
        # CPU time of the whole run (imports included) and of the reaped worker processes:
        # unlike wall time it hardly changes when other jobs compete for the cores.
        "cpu_seconds": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
        "cpu_children_seconds": kids.ru_utime + kids.ru_stime,
    }


class TreeSampler(threading.Thread):
    """Peak of the summed RSS of a process and all its descendants (sampled)."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_mb = 0.0
        self.peak_procs = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        try:
            import psutil
        except ImportError:
            return
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop_event.is_set():
            total, procs = 0, 0
            try:
                family = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            for proc in family:
                try:
                    total += proc.memory_info().rss
                    procs += 1
                except psutil.Error:
                    continue
            if total / 2**20 > self.peak_mb:
                self.peak_mb, self.peak_procs = total / 2**20, procs
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def measure(corpus: Path, db: Path, workers: int, src: Path) -> dict[str, Any]:
    """Run one ingest in a child process and sample its process tree."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        str(corpus),
        str(db),
        str(workers),
    ]
    child = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_child_env(src)
    )
    sampler = TreeSampler(child.pid)
    sampler.start()
    out, err = child.communicate()
    sampler.stop()
    if child.returncode != 0:
        raise RuntimeError(f"ingest failed (exit {child.returncode}):\n{err[-4000:]}")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_tree_mb"] = round(sampler.peak_mb, 1)
    result["peak_rss_tree_processes"] = sampler.peak_procs
    result["db_mb"] = round(sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 2**20, 1)
    return result


def ensure_corpus(
    root: Path, size: int, seed: int, langs: tuple[str, ...], html_share: float
) -> tuple[Path, float | None]:
    """A corpus of ``size`` documents under ``root`` (reused when its manifest matches)."""
    folder = root / f"docs-{size}-seed{seed}"
    params = corpusgen.Params(docs=size, seed=seed, html_share=html_share, langs=langs)
    manifest = folder / "manifest.json"
    if manifest.exists():
        old = json.loads(manifest.read_text("utf-8"))
        if old.get("version") == corpusgen.GENERATOR_VERSION and old.get("params") == {
            **dataclasses.asdict(params),
            "langs": list(langs),
        }:
            return folder / "input", None
        shutil.rmtree(folder)
    started = time.perf_counter()
    corpusgen.generate(folder, params)
    return folder / "input", time.perf_counter() - started


_TABLE_HEAD = (
    "docs", "seconds", "docs/s", "per-doc ms", "peak RSS tree MB", "maxrss self / workers MB",
    "CPU ms/doc", "workers", "problems (fatal)", "stored new / dup", "all runs (s)",
)  # fmt: skip


def _table(rows: list[dict[str, Any]]) -> str:
    return benchrecord.markdown_table(
        _TABLE_HEAD,
        (
            (
                f"{r['docs']:,}",
                f"{r['seconds']:.1f}",
                f"{r['docs_per_s']:.0f}",
                f"{r['per_doc_ms']:.2f}",
                f"{r['peak_rss_tree_mb']:.0f}",
                f"{r['maxrss_self_mb']:.0f} / {r['maxrss_children_mb']:.0f}",
                f"{r.get('cpu_ms_per_doc', float('nan')):.2f}",
                r["workers"],
                f"{r['problems']} ({r['fatal']})",
                f"{r['added']:,} / {r['existing']:,}",
                ", ".join(f"{x:.1f}" for x in r.get("runs_seconds", [r["seconds"]])),
            )
            for r in rows
        ),
    )


def _targets(rows: list[dict[str, Any]], cores: int | None) -> list[str]:
    out = []
    worst = min(rows, key=lambda r: r["docs_per_s"])
    verdict = "met" if worst["docs_per_s"] >= TARGET_DOCS_PER_S else "NOT met"
    each = ", ".join(f"{r['docs']:,}: {r['docs_per_s']:.0f}" for r in rows)
    out.append(
        f"throughput: target >= {TARGET_DOCS_PER_S:.0f} docs/s on 2 cores; measured {each} "
        f"docs/s on {cores} usable cores ({verdict} at every size)"
        if verdict == "met"
        else f"throughput: target >= {TARGET_DOCS_PER_S:.0f} docs/s on 2 cores; measured {each} "
        f"docs/s on {cores} usable cores (NOT met at {worst['docs']:,} docs)"
    )
    if all("cpu_ms_per_doc" in r for r in rows):
        each = ", ".join(f"{r['docs']:,}: {2000 / r['cpu_ms_per_doc']:.0f}" for r in rows)
        out.append(
            f"CPU-bound estimate for 2 idle cores (2000 / CPU ms per doc): {each} docs/s "
            "(independent of other load; assumes the 2 workers stay busy)"
        )
    peak = max(r["peak_rss_tree_mb"] for r in rows)
    verdict = "met" if peak <= TARGET_PEAK_RSS_MB else "NOT met"
    out.append(
        f"memory: target peak RSS <= {TARGET_PEAK_RSS_MB:.0f} MB (process tree); "
        f"measured {peak:.0f} MB ({verdict})"
    )
    if len(rows) >= 2:
        small, large = rows[0], rows[-1]
        ratio = large["per_doc_ms"] / small["per_doc_ms"]
        verdict = "flat" if ratio <= TARGET_FLAT_RATIO else "NOT flat"
        out.append(
            f"scaling: per-doc ms {large['docs']:,} / {small['docs']:,} = "
            f"{ratio:.2f} (target <= {TARGET_FLAT_RATIO}: {verdict})"
        )
        if "cpu_ms_per_doc" in small and "cpu_ms_per_doc" in large:
            cpu_ratio = large["cpu_ms_per_doc"] / small["cpu_ms_per_doc"]
            verdict = "flat" if cpu_ratio <= TARGET_FLAT_RATIO else "NOT flat"
            out.append(
                f"scaling (CPU time, robust to other load): CPU ms/doc {large['docs']:,} / "
                f"{small['docs']:,} = {cpu_ratio:.2f} ({verdict})"
            )
        extra = large["docs"] - small["docs"]
        if extra > 0 and large["seconds"] > small["seconds"]:
            marginal = 1000 * (large["seconds"] - small["seconds"]) / extra
            fixed = small["seconds"] - small["docs"] * marginal / 1000
            fixed_note = (
                f"implied fixed cost (startup) {fixed:.1f} s"
                if fixed >= 0
                else "per-document cost grew with size"
            )
            out.append(
                f"marginal cost {small['docs']:,} -> {large['docs']:,}: {marginal:.2f} ms/doc "
                f"({1000 / marginal:.0f} docs/s); {fixed_note}"
            )
    return out


def profile(size: int, seed: int, top: int = 25) -> None:
    """cProfile one in-process ingest (workers=1) of a ``size``-document corpus."""
    import cProfile
    import pstats

    with tempfile.TemporaryDirectory(prefix="storytrace-prof-") as tmp:
        print(f"src snapshot {snapshot_src(Path(tmp) / 'src')}")
        sys.path.insert(0, str(Path(tmp) / "src"))
        corpus, _ = ensure_corpus(Path(tmp), size, seed, corpusgen.LANGS, 0.5)
        from storytrace import Options, open_store

        ingest = ingest_entry_point()
        db = str(Path(tmp) / "prof.db")
        prof = cProfile.Profile()
        with open_store(db) as store:
            prof.enable()
            report = ingest([corpus], options=Options(db=db, workers=1), store=store)
            prof.disable()
        print(
            f"{len(report.ids)} docs in {report.seconds:.2f} s with workers=1 "
            f"({len(report.ids) / report.seconds:.0f} docs/s, profiler overhead included)"
        )
        pstats.Stats(prof).sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes (default 1000,10000)")
    ap.add_argument("--workers", type=int, default=0, help="ingest workers (0 = one per core)")
    ap.add_argument("--corpus-dir", help="keep/reuse generated corpora here (docs-N-seedS/)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary corpora and stores")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--repeat", type=int, default=1, help="runs per size; the median run is reported"
    )
    ap.add_argument("--langs", default=",".join(corpusgen.LANGS))
    ap.add_argument("--html-share", type=float, default=0.5)
    ap.add_argument("--results", default=str(RESULTS), help="JSONL file to append the run to")
    ap.add_argument("--no-record", action="store_true", help="do not append to --results")
    ap.add_argument(
        "--live-src", action="store_true", help="run src/ in place instead of a snapshot copy"
    )
    ap.add_argument(
        "--profile",
        type=int,
        metavar="DOCS",
        help="instead: cProfile an in-process ingest of DOCS documents, top 25",
    )
    ap.add_argument("--child", nargs=3, metavar=("CORPUS", "DB", "WORKERS"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        corpus, db, workers = args.child
        print(json.dumps(run_child(corpus, db, int(workers))))
        return 0
    if args.profile:
        profile(args.profile, args.seed)
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    langs = tuple(x.strip() for x in args.langs.split(",") if x.strip())
    work = (
        Path(args.corpus_dir)
        if args.corpus_dir
        else Path(tempfile.mkdtemp(prefix="storytrace-bench-"))
    )
    work.mkdir(parents=True, exist_ok=True)
    head = benchrecord.header("ingest")
    mach, commit, date = head["machine"], head["commit"], head["date"]
    src = REPO / "src" if args.live_src else work / "src-snapshot"
    src_digest = None if args.live_src else snapshot_src(src)
    print(
        f"machine: {mach['cpu_count']} CPUs ({mach['cpus_usable']} usable), "
        f"{mach['cpu_model']}, {mach.get('memory_gb')} GB RAM, Python {mach['python']}, "
        f"{mach['platform']}"
    )
    print(
        f"commit {commit or 'unknown'} (src snapshot {src_digest or 'off'}), {date}, "
        f"work dir {work}"
    )
    rows: list[dict[str, Any]] = []
    try:
        for size in sorted(sizes):
            corpus, gen_s = ensure_corpus(work, size, args.seed, langs, args.html_share)
            note = f"generated in {gen_s:.1f} s" if gen_s is not None else "reused"
            print(f"[{size:,} docs] corpus {corpus} ({note}); ingesting ...", flush=True)
            runs = []
            for _ in range(max(1, args.repeat)):
                load = os.getloadavg()[0]
                run = measure(corpus, work / f"ingest-{size}.db", args.workers, src)
                run["load_before"] = round(load, 2)
                runs.append(run)
            r = sorted(runs, key=lambda x: x["seconds"])[len(runs) // 2]  # the median run
            r["runs_seconds"] = [round(x["seconds"], 2) for x in runs]
            r["runs_load_before"] = [x["load_before"] for x in runs]
            r["size"] = size
            r["docs_per_s"] = r["docs"] / r["seconds"] if r["seconds"] else 0.0
            r["per_doc_ms"] = 1000 * r["seconds"] / max(1, r["docs"])
            r["cpu_ms_per_doc"] = 1000 * r["cpu_seconds"] / max(1, r["docs"])
            r["corpus_generation_seconds"] = gen_s
            rows.append(r)
            print(
                f"[{size:,} docs] runs {r['runs_seconds']} s (1-min load before "
                f"{r['runs_load_before']}); median {r['seconds']:.1f} s, "
                f"{r['docs_per_s']:.0f} docs/s, "
                f"peak RSS {r['peak_rss_tree_mb']:.0f} MB, problems {r['problems']}",
                flush=True,
            )
    finally:
        if not args.keep and not args.corpus_dir:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(_table(rows))
    print()
    for line in _targets(rows, mach["cpus_usable"]):
        print(line)
    if not args.no_record:
        record = {
            **head,
            "src_digest": src_digest,
            "params": {
                "sizes": sizes,
                "repeat": args.repeat,
                "workers": args.workers,
                "seed": args.seed,
                "langs": list(langs),
                "html_share": args.html_share,
                "generator": corpusgen.GENERATOR_VERSION,
            },
            "results": rows,
            "targets": _targets(rows, mach["cpus_usable"]),
        }
        benchrecord.append_record(args.results, record)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
