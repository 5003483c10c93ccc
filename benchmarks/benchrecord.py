"""What every benchmark records with its figures: the commit it ran, and one JSON line.

Contract: ``git_commit()`` is the short commit of the working tree with ``-dirty`` when
tracked files differ (``None`` outside git); ``cpu_model()`` the CPU's model name from
``/proc/cpuinfo`` (``None`` where there is none); ``append_record(path, record)`` appends
``record`` as one JSON line to ``path`` (creating folders) and says where it went.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def git_commit() -> str | None:
    """Short commit of the working tree, with ``-dirty`` when tracked files changed."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            check=True,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=REPO,
            check=False,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
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
