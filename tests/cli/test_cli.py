"""End-to-end through the CLI: commands, help, exit codes, the report file."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from storytrace.cli import main

ARTICLE_EN = (
    "Storm closes the harbour\n\n"
    "Flood waters rose in the harbour town on Tuesday, the mayor said.\n\n"
    "About 4,500 residents left their homes before the storm reached the coast.\n\n"
    "Read also:\n\nNew bridge opens in the north\n\nCouncil approves budget\n"
)
ARTICLE_DE = (
    "Sturm schließt den Hafen\n\n"
    "Das Hochwasser stieg am Dienstag in der Hafenstadt, sagte der Bürgermeister.\n\n"
    "Rund 4.500 Einwohner verließen ihre Häuser, bevor der Sturm die Küste erreichte.\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "en.txt").write_text(ARTICLE_EN)
    (folder / "de.txt").write_text(ARTICLE_DE, encoding="cp1252")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "pic.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    return folder


def invoke(*args: str, stdin: bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)
    return result.exit_code, result.output


@pytest.mark.parametrize("command", [[], ["ingest"], ["trace"]])
def test_help_on_every_command(command: list[str]) -> None:
    code, out = invoke(*command, "--help")
    assert code == 0
    assert "Usage:" in out


def test_every_command_has_help_text() -> None:
    for name, cmd in main.commands.items():
        assert cmd.help, f"{name} has no help"


def test_trace_writes_report_and_table(corpus: Path, tmp_path: Path) -> None:
    db, out_json = tmp_path / "st.db", tmp_path / "report.json"
    code, out = invoke("trace", str(corpus), "--db", str(db), "--json", str(out_json))
    assert code == 0, out
    assert "empty.txt: empty file" in out
    assert "pic.txt: binary file" in out
    assert "Traceback" not in out
    report = json.loads(out_json.read_text())
    assert report["schema"] == "storytrace.report/1"
    docs = {d["id"]: d for d in report["documents"]}
    assert set(docs) == {"en", "de"}
    assert docs["de"]["lang"] == "de" and docs["en"]["lang"] == "en"
    assert "Bürgermeister" in docs["de"]["text"]
    for doc in docs.values():  # segments cover the text, in order, without overlaps
        segs = doc["segments"]
        assert segs[0]["start"] == 0 and segs[-1]["end"] == len(doc["text"])
        assert all(a["end"] == b["start"] for a, b in itertools.pairwise(segs))
    en = docs["en"]
    bp = [en["text"][s["start"] : s["end"]] for s in en["segments"] if s["kind"] == "boilerplate"]
    assert any("Read also" in b for b in bp)
    assert en["title"] == "Storm closes the harbour"


def test_strict_fails_on_any_problem(corpus: Path, tmp_path: Path) -> None:
    code, _ = invoke("ingest", str(corpus), "--db", str(tmp_path / "a.db"), "--strict")
    assert code == 1


def test_nothing_ingested_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out = invoke("ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "b.db"))
    assert code == 1
    assert "empty file" in out


def test_reingest_adds_nothing(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    invoke("ingest", str(corpus), "--db", db, "-q")
    code, out = invoke("ingest", str(corpus), "--db", db)
    assert code == 0
    assert "0 added, 2 already stored" in out


def test_jsonl_on_stdin(tmp_path: Path) -> None:
    line = json.dumps({"id": "s1", "text": ARTICLE_EN, "url": "https://example.org/s1"})
    code, out = invoke(
        "trace",
        "-",
        "--db",
        str(tmp_path / "d.db"),
        "--json",
        str(tmp_path / "r.json"),
        stdin=(line + "\n{oops\n").encode(),
    )
    assert code == 0, out
    assert "<stdin>:2: invalid JSONL line" in out
    assert json.loads((tmp_path / "r.json").read_text())["documents"][0]["id"] == "s1"


def test_quiet_prints_nothing_on_success(corpus: Path, tmp_path: Path) -> None:
    (corpus / "empty.txt").unlink()
    (corpus / "pic.txt").unlink()
    code, out = invoke("trace", str(corpus), "--db", str(tmp_path / "e.db"), "-q")
    assert code == 0
    assert out == ""


def test_quiet_still_reports_failed_inputs_on_stderr(corpus: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["ingest", str(corpus), "--db", str(tmp_path / "q.db"), "-q"], catch_exceptions=False
    )
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "empty.txt" in result.stderr and "pic.txt" in result.stderr


def test_missing_input_says_why_once(tmp_path: Path) -> None:
    code, out = invoke("ingest", str(tmp_path / "nothere.txt"), "--db", str(tmp_path / "m.db"))
    assert code == 1
    assert "nothere.txt: no such file or directory\n" in out


def test_not_a_database(tmp_path: Path, corpus: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_text("this is not sqlite " * 100)
    code, out = invoke("ingest", str(corpus), "--db", str(bogus))
    assert code == 1
    assert "not a storytrace database" in out
    assert "Traceback" not in out


def test_python_dash_m() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "storytrace", "--help"], capture_output=True, text=True, check=True
    )
    assert "trace" in out.stdout and "ingest" in out.stdout


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("bogus_field = 1\n", "unknown option 'bogus_field'"),
        ("workers = \n", "cannot read options file"),
        ('workers = "many"\n', "workers must be int"),
        ("[link]\nderive = 1\n", "derive must be bool"),
    ],
)
def test_bad_config_file_is_a_usage_error(
    corpus: Path, tmp_path: Path, toml: str, message: str
) -> None:
    config = tmp_path / "opts.toml"
    config.write_text(toml)
    db = tmp_path / "st.db"
    code, out = invoke("ingest", str(corpus), "--db", str(db), "--config", str(config))
    assert code == 2 and message in out and "--config" in out
    assert "Traceback" not in out
    assert not db.exists()  # refused before anything ran


def test_unwritable_report_path_is_refused_before_the_run(corpus: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    db = tmp_path / "st.db"
    for flag in ("--json", "--html"):
        code, out = invoke("trace", str(corpus), "--db", str(db), flag, str(blocker / "r.out"))
        assert code == 2 and f"{blocker} is a file, not a folder" in out, out
        assert "Traceback" not in out
        assert not db.exists()


def test_report_file_has_the_umask_mode(corpus: Path, tmp_path: Path) -> None:
    report = tmp_path / "new" / "report.json"
    saved = os.umask(0o022)
    try:
        code, out = invoke(
            "trace", str(corpus), "--db", str(tmp_path / "st.db"), "--json", str(report)
        )
    finally:
        os.umask(saved)
    assert code == 0, out
    assert report.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600


def test_a_report_is_written_through_a_symlink_and_never_onto_a_device(
    corpus: Path, tmp_path: Path
) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    db = str(tmp_path / "st.db")
    code, out = invoke("trace", str(corpus), "--db", db, "--json", str(link), "-q")
    assert code == 0, out
    assert link.is_symlink() and json.loads(real.read_text())["schema"] == "storytrace.report/1"
    code, out = invoke("trace", str(corpus), "--db", db, "--json", "/dev/null")
    assert code == 2 and "not a regular file" in out
    assert Path("/dev/null").is_char_device()
