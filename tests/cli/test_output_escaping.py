"""Data prints literally: rich markup in titles, ids and file names is neither parsed (no
MarkupError, no vanished ``[draft]``) nor obeyed, and control characters show escaped."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from storytrace.cli import main
from tests.cli.test_stories_cli import COPY, ORIGINAL, OTHER


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def hash_config(tmp_path: Path) -> str:
    path = tmp_path / "hash.toml"
    path.write_text('[link]\nembedder = "hash"\n')
    return str(path)


def test_markup_in_titles_and_ids_prints_literally(tmp_path: Path) -> None:
    records = [
        {"id": "t1", "title": "Breaking [/] news", "text": OTHER},
        {"id": "odd [/] id", "title": "[VIDEO] Flood in town", "text": ORIGINAL},
        {"id": "copy [b]", "title": "Copy :smile: [bold]", "text": COPY.replace("4,500", "4,700")},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records))
    db, report = str(tmp_path / "st.db"), tmp_path / "report.json"
    config = hash_config(tmp_path)
    code, out = run("trace", str(src), "--db", db, "--config", config, "--json", str(report))
    assert code == 0, out
    assert report.exists()  # written after the tables that used to crash
    for shown in ("Breaking [/] news", "odd [/] id", "[VIDEO] Flood in town", "copy [b]"):
        assert shown in out
    assert "Copy :smile: [bold]" in out  # no emoji code either

    code, out = run("stories", "--db", db)
    assert code == 0, out
    assert "Breaking [/] news" in out

    code, out = run("show", "t1", "--db", db)
    assert code == 0, out
    assert out.count("Breaking [/] news") == 2  # the rule over the story and its table

    code, out = run("show", "odd [/] id", "--db", db)
    assert code == 0, out
    assert "[VIDEO] Flood in town" in out
    assert "Changes copy [b] → odd [/] id" in out or "Changes odd [/] id → copy [b]" in out


def test_bracketed_file_names_keep_their_brackets(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "résumé #1 [draft].txt").write_text(ORIGINAL)
    db = str(tmp_path / "st.db")
    code, out = run("trace", str(tmp_path / "in"), "--db", db, "--config", hash_config(tmp_path))
    assert code == 0, out
    assert "résumé #1 [draft]" in out
    code, out = run("show", "résumé #1 [draft]", "--db", db)
    assert code == 0, out
    assert "résumé #1 [draft]" in out


def test_control_characters_in_file_names_print_escaped(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "red\x1b[31mname.txt").write_text(OTHER)
    (tmp_path / "in" / "empty\nline.txt").write_text("")  # a failed input: a problem line
    db = str(tmp_path / "st.db")
    code, out = run("trace", str(tmp_path / "in"), "--db", db, "--config", hash_config(tmp_path))
    assert code == 0, out
    assert "\x1b" not in out
    assert "red\\x1b[31mname" in out
    # the problem stays on one line, with the newline shown as \n
    assert any(line.endswith("empty\\nline.txt: empty file") for line in out.splitlines())
    code, out = run("ingest", str(tmp_path / "in"), "--db", db)
    assert "\x1b" not in out
    assert any(line.endswith("empty\\nline.txt: empty file") for line in out.splitlines())
