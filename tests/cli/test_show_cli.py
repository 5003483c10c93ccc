"""`storytrace show` end to end: one story in full from the store."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from storytrace.cli import main
from tests.cli.test_stories_cli import COPY, ORIGINAL, OTHER


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_show_prints_a_story_by_story_or_document_id(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "original.txt").write_text(ORIGINAL)
    (tmp_path / "in" / "copy.txt").write_text(COPY.replace("4,500", "4,700"))
    (tmp_path / "in" / "other.txt").write_text(OTHER)
    db = str(tmp_path / "st.db")
    code, out = invoke("trace", str(tmp_path / "in"), "--db", db, "-q")
    assert code == 0, out
    code, out = invoke("stories", "--db", db, "--json")
    stories = {tuple(sorted(s["documents"])): s["id"] for s in map(json.loads, out.splitlines())}
    story = stories[("copy", "original")]
    code, by_story = invoke("show", story, "--db", db)
    assert code == 0, by_story
    assert "Storm closes the harbour" in by_story
    assert "copy" in by_story and "original" in by_story
    assert "council" not in by_story.lower()
    code, by_doc = invoke("show", "copy", "--db", db, "--json")
    assert code == 0
    shown = json.loads(by_doc.splitlines()[0])
    assert shown["id"] == story
    assert [lk["relation"] for lk in shown["links"]] == ["copy"]


def test_show_unknown_story_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "other.txt").write_text(OTHER)
    db = str(tmp_path / "st.db")
    assert invoke("trace", str(tmp_path / "in"), "--db", db, "-q")[0] == 0
    code, out = invoke("show", "S99", "--db", db)
    assert code == 1 and "no story or document 'S99'" in out
    code, out = invoke("show", "S1", "--db", str(tmp_path / "missing.db"))
    assert code == 1 and "no store" in out
