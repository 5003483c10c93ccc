"""A 50 MB text file is ingested in parts, streamed, with bounded memory (slow)."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = """
import json, resource, sys
from storytrace import Options, SQLiteStore, ingest_inputs
with SQLiteStore(sys.argv[2]) as store:
    run = ingest_inputs([sys.argv[1]], options=Options(workers=1), store=store)
    chars = sum(len(d.text) for d in store.documents(run.ids))
print(json.dumps({"ids": run.ids, "failed": len(run.failed), "chars": chars,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


@pytest.mark.slow
def test_fifty_megabytes_streamed_with_bounded_memory(tmp_path: Path) -> None:
    rng = random.Random(7)
    words = (
        "harbour storm council mayor said residents water rose town night police road "
        "ferry terminal ships anchor outside flood wall sea"
    ).split()
    path = tmp_path / "huge.txt"
    size = 0
    with path.open("w", encoding="utf-8") as fh:
        while size < 50_000_000:
            para = " ".join(rng.choice(words) for _ in range(rng.randint(20, 60))) + ".\n\n"
            fh.write(para.capitalize())
            size += len(para)
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(tmp_path / "st.db")],
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["failed"] == 0
    assert len(result["ids"]) >= 10  # cut into parts at paragraph breaks
    assert result["chars"] == len(path.read_text(encoding="utf-8"))  # nothing lost
    assert result["rss_mb"] < 700, result
