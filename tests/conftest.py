"""Shared fixtures. The seed corpus lives in ../shared beside the repository (CI and
developer checkouts); a user's clone has none, and tests that need it skip with a reason."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STORYTRACE_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
EXAMPLES = REPO / "examples"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not (SEEDS / "input").is_dir():
        pytest.skip(f"seed corpus not present at {SEEDS} (it ships beside the repo in CI only)")
    return SEEDS


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES
