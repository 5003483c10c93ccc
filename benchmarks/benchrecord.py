"""What every benchmark records with its figures: the commit it ran, and one JSON line.

Contract: ``git_commit()`` is the short commit of the working tree with ``-dirty`` when
tracked files differ (``None`` outside git); ``cpu_model()`` the CPU's model name from
``/proc/cpuinfo`` (``None`` where there is none); ``machine(**extra)`` the machine a run is
on (CPUs, model, memory, load, Python, OS) with a benchmark's ``extra`` keys;
``header(name, **extra)`` the keys every record starts with (``benchmark``, UTC ``date``,
``commit``, ``machine``, the latter with ``extra``); ``append_record(path, record)`` appends
``record`` as one JSON line to ``path`` (creating folders) and says where it went;
``markdown_table(headers, rows)`` is the Markdown table the benchmarks print (cells as
``str``).
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def _git(*args: str, check: bool) -> str:
    return subprocess.run(
        ["git", *args], cwd=REPO, check=check, capture_output=True, text=True, timeout=10
    ).stdout.strip()


def git_commit() -> str | None:
    """Short commit of the working tree, with ``-dirty`` when tracked files changed."""
    try:
        head = _git("rev-parse", "--short", "HEAD", check=True)
        dirty = _git("status", "--porcelain", "--untracked-files=no", check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return head + ("-dirty" if dirty else "") if head else None


def cpu_model() -> str | None:
    """The ``model name`` of the first CPU in ``/proc/cpuinfo``, or None."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def machine(**extra: Any) -> dict[str, Any]:
    """CPU count (and how many this process may use), CPU model, memory, load, Python and OS;
    then ``extra`` (a benchmark's own keys, such as library versions)."""
    info: dict[str, Any] = {
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "cpu_model": cpu_model() or platform.processor() or None,
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "load_avg": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
    }
    try:
        import psutil

        info["memory_gb"] = round(psutil.virtual_memory().total / 2**30, 1)
    except ImportError:
        pass
    return info | extra


def header(name: str, **extra: Any) -> dict[str, Any]:
    """The first keys of benchmark ``name``'s record: ``benchmark``, ``date`` (UTC, now),
    ``commit`` (:func:`git_commit`) and ``machine`` (:func:`machine` with ``extra``)."""
    return {
        "benchmark": name,
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "commit": git_commit(),
        "machine": machine(**extra),
    }


def append_record(path: str | Path, record: Mapping[str, Any]) -> None:
    """Append ``record`` to the JSONL results file ``path``."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"appended to {out}")


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """``headers`` and ``rows`` as a Markdown table, one line each."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(x) for x in row) + " |" for row in rows]
    return "\n".join(lines)
