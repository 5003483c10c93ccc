#!/usr/bin/env python3
"""Quality gate: trace the gold corpora, score them, fail below the pinned floors.

usage: python tests/quality/gate.py [--floors tests/quality/floors.json] [--pin]

For each corpus in floors.json it checks the SHA-256 of the truth file and the inputs (an
edited corpus fails the gate until the digests are re-pinned with --pin, so the edit is
visible in review), runs the whole trace in a fresh in-memory store, scores the report with
`storytrace.eval` and compares every floored metric. The seed corpus lives in ../shared and is
skipped, with a message, where it is absent (a user's clone); CI has it.
Exit status: 0 all floors met, 1 a floor missed or a digest changed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))

from storytrace import MemoryStore, Options  # noqa: E402
from storytrace.eval.gate import check_floors, corpus_digest  # noqa: E402
from storytrace.eval.report import score_report  # noqa: E402
from storytrace.eval.truth import load_truth  # noqa: E402
from storytrace.pipeline import trace_inputs, trace_report  # noqa: E402


def resolve(path: str) -> Path:
    return (REPO / path).resolve()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--floors", default=str(REPO / "tests/quality/floors.json"))
    ap.add_argument("--pin", action="store_true", help="record the current corpus digests")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    floors_path = Path(args.floors)
    config = json.loads(floors_path.read_text(encoding="utf-8"))
    failed = False
    for name, corpus in config["corpora"].items():
        truth_path, input_dir = resolve(corpus["truth"]), resolve(corpus["input"])
        if not truth_path.exists():
            print(f"[{name}] skipped: {truth_path} not present (it ships beside the repo in CI)")
            continue
        digests = {
            "truth": corpus_digest([truth_path]),
            "input": corpus_digest(p for p in input_dir.iterdir() if p.is_file()),
        }
        if args.pin:
            corpus["sha256"] = digests
        elif corpus.get("sha256") != digests:
            print(
                f"[{name}] FAIL: the corpus changed (sha256 {digests} != pinned "
                f"{corpus.get('sha256')}); review the edit, then re-pin with --pin"
            )
            failed = True
            continue
        started = time.perf_counter()
        store = MemoryStore()
        result = trace_inputs([input_dir], options=Options(workers=1), store=store)
        report = trace_report(store, result.ingest.ids)
        scores = score_report(load_truth(truth_path, input_dir=input_dir), report).to_dict()
        shortfalls = check_floors(scores, corpus["floors"])
        took = time.perf_counter() - started
        print(f"[{name}] {len(result.ingest.ids)} documents traced and scored in {took:.1f} s")
        for metric, floor in corpus["floors"].items():
            mark = "FAIL" if any(s.metric == metric for s in shortfalls) else "ok  "
            print(f"  {mark} {metric:32s} {(scores.get(metric) or 0.0):.3f}  (floor {floor:.3f})")
        failed = failed or bool(shortfalls)
    if args.pin:
        floors_path.write_text(
            json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"pinned digests in {floors_path}")
        return 0
    print("quality gate:", "FAILED" if failed else "passed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
