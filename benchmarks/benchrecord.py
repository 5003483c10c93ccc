"""What every benchmark records with its figures: the commit it ran, and one JSON line.

Contract: ``git_commit()`` is the short commit of the working tree with ``-dirty`` when
tracked files differ (``None`` outside git); ``cpu_model()`` the CPU's model name from
``/proc/cpuinfo`` (``None`` where there is none); ``append_record(path, record)`` appends
``record`` as one JSON line to ``path`` (creating folders) and says where it went;
``markdown_table(headers, rows)`` is the Markdown table the benchmarks print (cells as
``str``).
"""

from __future__ import annotations

import json
import subprocess
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
