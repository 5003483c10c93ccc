"""Alignment benchmark: how fast ``storytrace.align.align`` and the derivation stage are.

* ``synthetic``: a 40 x 40-sentence pair (``--sentences``) of e5-like 384-d vectors (unrelated
  sentences at cosine ~0.78, translations ~0.92), with a shuffled quarter, aligned
  ``--repeat`` times with and without lexical anchors: the time to align a 40-sentence pair
  with cached vectors (target <= 50 ms).
* ``corpus``: the documents of ``--corpus`` (default: the seed corpus when present, else the
  bundled examples) are ingested; each gold document pair of its ``truth.json`` is aligned
  with vectors cached (``warm``: scoring and DP only) and cold (``cold``: e5 embedding of
  both documents' sentences included, no cache). Throughput is reported as aligned sentence
  pairs per second (pairs the aligner output) and as document pairs per second.
* ``trace``: a full ``storytrace trace`` of ``--trace-input`` (default: the seeds) from a cold
  start: a new Python process, an empty SQLite store, the model loaded from disk (target
  <= 30 s on 2 cores). The load average before and after is recorded, since the machine
  may be shared.

Prints machine information first (CPU, BLAS threads, load), because the numbers depend on it:
on a loaded 2-core machine OpenBLAS' threads fight each other and a 100 x 384 matrix product
can take 70 ms instead of 1 ms; set ``OPENBLAS_NUM_THREADS=1`` for small matrices. Each run
appends one JSON line (date, commit, machine, results) to ``benchmarks/results/align.jsonl``
unless ``--no-record``.

Run from the repository root: ``python benchmarks/align_bench.py [--json out.json]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
RESULTS = HERE / "results" / "align.jsonl"
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(HERE))

import numpy as np  # noqa: E402

import benchrecord  # noqa: E402
from storytrace.align import align, anchors, config_for  # noqa: E402


def header() -> dict[str, Any]:
    """The record's first keys (:func:`benchrecord.header`); the machine with its BLAS
    thread settings and numpy's version."""
    return benchrecord.header(
        "align",
        openblas_threads=os.environ.get("OPENBLAS_NUM_THREADS"),
        omp_threads=os.environ.get("OMP_NUM_THREADS"),
        numpy=np.__version__,
    )


def synthetic_pair(n: int, seed: int = 0, dim: int = 384) -> tuple[np.ndarray, np.ndarray]:
    """A source of ``n`` sentences and a translation whose paragraphs (4 sentences) are
    shuffled, in an e5-like vector space."""
    rng = np.random.default_rng(seed)

    def unit(size: tuple[int, ...]) -> np.ndarray:
        v = rng.normal(size=size)
        return np.asarray(v / np.linalg.norm(v, axis=-1, keepdims=True))

    common, meanings = unit((dim,)), unit((n, dim))

    def say(idx: np.ndarray) -> np.ndarray:
        mixed = (
            np.sqrt(0.78) * common
            + np.sqrt(0.14) * meanings[idx]
            + np.sqrt(0.08) * unit((len(idx), dim))
        )
        return np.asarray(mixed)

    paragraphs = [list(range(p, min(p + 4, n))) for p in range(0, n, 4)]
    order = rng.permutation(len(paragraphs))
    tgt_idx = np.array([i for p in order for i in paragraphs[p]])
    return say(np.arange(n)), say(tgt_idx)


def time_it(fn: Any, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def bench_synthetic(n: int, repeat: int) -> dict[str, Any]:
    src, tgt = synthetic_pair(n)
    fake = [anchors(f"Sentence {i} about Havnvik, {i * 100} people.") for i in range(n)]
    align(src, tgt)  # warm numpy's code paths
    plain = time_it(lambda: align(src, tgt), repeat)
    with_anchors = time_it(lambda: align(src, tgt, src_anchors=fake, tgt_anchors=fake), repeat)
    pairs = len(align(src, tgt).pairs())
    return {
        "sentences": n,
        "median_ms": round(1000 * statistics.median(plain), 2),
        "min_ms": round(1000 * min(plain), 2),
        "median_ms_with_anchors": round(1000 * statistics.median(with_anchors), 2),
        "pairs_aligned": pairs,
        "target_ms": 50.0,
    }


def bench_corpus(corpus: Path, repeat: int) -> dict[str, Any]:
    from storytrace import MemoryStore, Options, ingest_inputs
    from storytrace.link.embed import E5Embedder

    store = MemoryStore()
    report = ingest_inputs([str(corpus / "input")], options=Options(workers=1), store=store)
    docs: dict[str, tuple[list[str], str | None]] = {}
    for doc in store.documents(report.ids):
        boiler = {i for i, seg in enumerate(doc.segments) if seg.kind == "boilerplate"}
        texts = [doc.text[s.start : s.end] for s in doc.sentences if s.segment not in boiler]
        docs[Path(doc.source).stem] = (texts, doc.lang)
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    links = [(a["source"], a["target"]) for a in truth["alignments"]]
    embedder = E5Embedder()
    embedder.embed(["warm up the model"])

    cold_seconds, pairs_out, sentences = 0.0, 0, 0
    vectors: dict[str, np.ndarray] = {}
    for source, target in links:
        start = time.perf_counter()
        sv = embedder.embed(docs[source][0])  # no cache: every pair pays its embeddings
        tv = embedder.embed(docs[target][0])
        al = align(
            sv,
            tv,
            src_anchors=[anchors(t) for t in docs[source][0]],
            tgt_anchors=[anchors(t) for t in docs[target][0]],
            cfg=config_for(docs[source][1], docs[target][1]),
        )
        cold_seconds += time.perf_counter() - start
        vectors[source], vectors[target] = sv, tv
        pairs_out += len(al.pairs())
        sentences += len(sv) + len(tv)

    # Warm: what the derivation stage does on a rerun with vectors cached. Anchors are
    # computed once per document there too (they are part of the version).
    anchor_of = {d: [anchors(t) for t in texts] for d, (texts, _) in docs.items()}

    def warm() -> None:
        for source, target in links:
            align(
                vectors[source],
                vectors[target],
                src_anchors=anchor_of[source],
                tgt_anchors=anchor_of[target],
                cfg=config_for(docs[source][1], docs[target][1]),
            )

    warm_seconds = statistics.median(time_it(warm, repeat))
    # A real 40-sentence pair: the first 40 sentences of the first gold pair's documents.
    source, target = links[0]
    k = 40

    def forty() -> None:
        align(
            vectors[source][:k],
            vectors[target][:k],
            src_anchors=anchor_of[source][:k],
            tgt_anchors=anchor_of[target][:k],
            cfg=config_for(docs[source][1], docs[target][1]),
        )

    forty_times = time_it(forty, max(5, repeat * 4))
    return {
        "real_40_pair": f"{source} -> {target}, first {k} sentences each",
        "real_40_median_ms": round(1000 * statistics.median(forty_times), 2),
        "real_40_target_ms": 50.0,
        "corpus": str(corpus),
        "document_pairs": len(links),
        "sentences_embedded_cold": sentences,
        "pairs_aligned": pairs_out,
        "warm_seconds": round(warm_seconds, 4),
        "warm_pairs_per_s": round(pairs_out / warm_seconds, 1),
        "warm_doc_pairs_per_s": round(len(links) / warm_seconds, 1),
        "cold_seconds": round(cold_seconds, 3),
        "cold_pairs_per_s": round(pairs_out / cold_seconds, 1),
        "cold_doc_pairs_per_s": round(len(links) / cold_seconds, 2),
    }


def bench_trace(inputs: Path) -> dict[str, Any]:
    """Wall time of ``storytrace trace INPUTS`` in a fresh process with an empty store."""
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), HF_HUB_OFFLINE="1")
    load_before = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "storytrace", "trace", str(inputs), "--db"]
        cmd += [str(Path(tmp) / "bench.db"), "--json", str(Path(tmp) / "report.json"), "-q"]
        start = time.perf_counter()
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"trace failed ({done.returncode}): {done.stderr[-2000:]}")
    return {
        "input": str(inputs),
        "seconds": round(took, 2),
        "target_s": 30.0,
        "load_before": load_before,
        "load_after": [round(x, 2) for x in os.getloadavg()],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sentences", type=int, default=40, help="synthetic pair size")
    parser.add_argument("--repeat", type=int, default=20, help="timing repetitions")
    default_corpus = SEEDS if (SEEDS / "truth.json").exists() else REPO / "examples"
    parser.add_argument("--corpus", type=Path, default=default_corpus)
    parser.add_argument("--no-corpus", action="store_true", help="synthetic timing only")
    parser.add_argument("--trace-input", type=Path, default=default_corpus / "input")
    parser.add_argument("--no-trace", action="store_true", help="skip the cold-start trace")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--no-record", action="store_true", help=f"do not append to {RESULTS}")
    args = parser.parse_args(argv)

    result: dict[str, Any] = header()
    print("machine:", json.dumps(result["machine"]), "commit:", result["commit"])
    result["synthetic"] = bench_synthetic(args.sentences, args.repeat)
    print("synthetic:", json.dumps(result["synthetic"]))
    if not args.no_corpus:
        result["corpus"] = bench_corpus(args.corpus, max(1, args.repeat // 4))
        print("corpus:", json.dumps(result["corpus"]))
    if not args.no_trace:
        result["trace"] = bench_trace(args.trace_input)
        print("trace:", json.dumps(result["trace"]))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if not args.no_record:
        benchrecord.append_record(RESULTS, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
