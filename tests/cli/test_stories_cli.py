"""`storytrace add` and `storytrace stories` end to end."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from storytrace.cli import main

ORIGINAL = (
    "Storm closes the harbour in Havnvik\n\n"
    "Flood waters rose in the harbour town of Havnvik on Tuesday night, the mayor said.\n\n"
    "About 4,500 residents left their homes before the storm reached the coast.\n\n"
    "The ferry terminal will stay closed until the sea wall has been inspected.\n"
)
COPY = "Republished from the Havnvik Times.\n\n" + ORIGINAL
OTHER = (
    "Council approves new budget for schools\n\n"
    "The city council approved a budget of 12 million kroner for school repairs on Monday.\n\n"
    "Teachers had asked for new roofs and better heating in three older buildings.\n\n"
    "Work will start in June and should be finished before the winter term.\n"
)


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_add_links_new_documents_into_existing_stories(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "original.txt").write_text(ORIGINAL)
    (first / "other.txt").write_text(OTHER)
    (second / "copy.txt").write_text(COPY)
    db = str(tmp_path / "st.db")
    code, out = invoke("add", str(first), "--db", db)
    assert code == 0, out
    code, out = invoke("add", str(second), "--db", db)
    assert code == 0, out
    assert "1 added" in out
    code, out = invoke("stories", "--db", db, "--json")
    assert code == 0, out
    stories = [json.loads(line) for line in out.splitlines()]
    assert sorted(sorted(s["documents"]) for s in stories) == [["copy", "original"], ["other"]]
    assert all(s["languages"] == ["en"] for s in stories)
    # each line is the story as the report has it: origin and links included
    pair = next(s for s in stories if len(s["documents"]) == 2)
    assert pair["origin"] in ("original", "copy")  # the same text: either may come first
    assert [{lk["source"], lk["target"]} for lk in pair["links"]] == [{"original", "copy"}]
    code, out = invoke("show", pair["id"], "--db", db, "--json")
    assert code == 0, out
    shown = json.loads(out)
    assert {k: v for k, v in pair.items() if k not in ("languages", "dates")} == shown
    code, out = invoke("stories", "--db", db)
    assert code == 0 and "Storm closes the harbour" in out


def test_stories_without_a_store(tmp_path: Path) -> None:
    code, out = invoke("stories", "--db", str(tmp_path / "missing.db"))
    assert code == 1
    assert "no store" in out


def test_reading_commands_never_write_the_store(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    for command in (["stories"], ["show", "S1"]):
        code, out = invoke(*command, "--db", str(empty))
        assert code == 1 and "is empty, not a storytrace store" in out
    assert empty.read_bytes() == b""  # not turned into a store
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "original.txt").write_text(ORIGINAL)
    db = tmp_path / "st.db"
    assert invoke("add", str(folder), "--db", str(db))[0] == 0
    before = db.read_bytes()
    assert invoke("stories", "--db", str(db))[0] == 0
    assert invoke("show", "original", "--db", str(db))[0] == 0
    assert db.read_bytes() == before
