"""Input walking and bad input: every problem is named, the rest of the run goes on."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from storytrace.ingest.clean import process_unit
from storytrace.ingest.sources import FileUnit, iter_units
from storytrace.models import Problem, RawDocument
from storytrace.options import IngestOptions

OPTS = IngestOptions()
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(64)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256))
ARTICLE = (
    "Flood waters rose in the harbour town on Tuesday, the mayor said.\n\n"
    "About 4,500 residents left their homes before the storm reached the coast.\n"
)


def results(
    inputs: list[str | Path], **kw: object
) -> tuple[list[RawDocument | FileUnit], list[Problem]]:
    units, problems = [], []
    for unit in iter_units(inputs, OPTS, **kw):  # type: ignore[arg-type]
        if isinstance(unit, Problem):
            problems.append(unit)
            continue
        res = process_unit(unit, OPTS)
        problems.extend(p for p in res.problems if p.fatal)
        if res.documents:
            units.append(unit)
    return units, problems


def reasons(problems: list[Problem]) -> dict[str, str]:
    return {Path(p.source.split(":")[0]).name: p.reason for p in problems}


def test_folder_walk_reads_known_formats_recursively(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(ARTICLE)
    (tmp_path / "a" / "two.md").write_text("# Title\n\n" + ARTICLE)
    (tmp_path / "three.html").write_text(
        f"<html><body><article><p>{ARTICLE}</p></article></body></html>"
    )
    (tmp_path / "skip.bin").write_bytes(b"\x00\x01")
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    units, problems = results([tmp_path])
    assert problems == []
    ids = sorted(u.id for u in units)
    assert ids == ["one", "three", "two"]


@pytest.mark.parametrize(
    ("name", "data", "reason_part"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \t\n", "empty"),
        ("image.txt", PNG, "PNG"),
        ("paper.txt", PDF, "PDF"),
        ("archive.txt", gzip.compress(ARTICLE.encode() * 20), "gzip"),
    ],
)
def test_bad_files_are_reported_by_name_and_reason(
    tmp_path: Path, name: str, data: bytes, reason_part: str
) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / name).write_bytes(data)
    units, problems = results([tmp_path])
    assert [u.id for u in units] == ["good"]
    assert len(problems) == 1
    assert problems[0].source.endswith(name)
    assert reason_part.lower() in str(problems[0]).lower()


def test_symlink_loop_and_broken_link(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "sub").mkdir()
    os.symlink(tmp_path, tmp_path / "sub" / "back")  # folder loop
    os.symlink(tmp_path / "loop2.txt", tmp_path / "loop1.txt")  # file loop
    os.symlink(tmp_path / "loop1.txt", tmp_path / "loop2.txt")
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    units, problems = results([tmp_path])
    assert [u.id for u in units] == ["good"]
    found = reasons(problems)
    assert found["back"] == "symbolic link loop"
    assert found["loop1.txt"] == "symbolic link loop"
    assert found["dangling.txt"] == "broken symbolic link"


def test_explicit_missing_path_and_symlink_loop(tmp_path: Path) -> None:
    os.symlink(tmp_path / "b", tmp_path / "a")
    os.symlink(tmp_path / "a", tmp_path / "b")
    _, problems = results([tmp_path / "nope.txt", tmp_path / "a"])
    assert reasons(problems) == {"nope.txt": "no such file or directory", "a": "symbolic link loop"}


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "secret.txt"
    target.write_text(ARTICLE)
    (tmp_path / "good.txt").write_text(ARTICLE)
    real = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    # Root reads any file whatever its mode, so the OS error is simulated.
    monkeypatch.setattr(Path, "read_bytes", deny)
    units, problems = results([tmp_path])
    assert [u.id for u in units] == ["good"]
    assert reasons(problems) == {"secret.txt": "permission denied"}


def test_jsonl_bad_line_keeps_the_others(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": ARTICLE, "lang": "en", "url": "https://x.example/a1"}),
        '{"id": "broken", "text": ',
        json.dumps(
            {
                "id": "a2",
                "html": f"<html><body><article><p>{ARTICLE}</p></article></body></html>",
                "title": "Two",
            }
        ),
        json.dumps({"id": "a3", "title": "no text here"}),
        json.dumps(["not", "an", "object"]),
        "",
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines))
    units, problems = results([path])
    assert [u.id for u in units if isinstance(u, RawDocument)] == ["a1", "a2"]
    assert sorted((p.source.rsplit(":", 1)[1], p.reason) for p in problems) == [
        ("2", "invalid JSONL line"),
        ("4", "record has no text"),
        ("5", "invalid record"),
    ]


def test_json_array_and_pretty_object(tmp_path: Path) -> None:
    (tmp_path / "many.json").write_text(
        json.dumps([{"id": "x", "text": ARTICLE}, {"text": ARTICLE + " More."}])
    )
    (tmp_path / "one.json").write_text(json.dumps({"id": "y", "text": ARTICLE}, indent=2))
    units, problems = results([tmp_path])
    assert problems == []
    assert sorted(u.id for u in units) == ["many:2", "x", "y"]


def test_jsonl_on_stdin() -> None:
    data = (json.dumps({"id": "s1", "text": ARTICLE}) + "\nnot json\n").encode()
    units, problems = results(["-"], stdin=io.BytesIO(data))
    assert [u.id for u in units] == ["s1"]
    assert [(p.source, p.reason) for p in problems] == [("<stdin>:2", "invalid JSONL line")]


def test_html_that_is_only_navigation(tmp_path: Path) -> None:
    nav = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(30))
    (tmp_path / "nav.html").write_text(f"<html><body><nav><ul>{nav}</ul></nav></body></html>")
    _, problems = results([tmp_path])
    assert reasons(problems) == {"nav.html": "no main text found"}


def test_large_text_file_is_split_into_parts(tmp_path: Path) -> None:
    para = "A long paragraph about the harbour and the storm that came in the night. " * 6
    path = tmp_path / "big.txt"
    path.write_text((para + "\n\n") * 400)  # ~180 KB
    opts = IngestOptions(max_doc_bytes=50_000)
    parts = [u for u in iter_units([path], opts) if isinstance(u, RawDocument)]
    assert len(parts) >= 3
    assert all(len(p.text or "") <= 50_000 for p in parts)
    assert "".join(p.text or "" for p in parts) == path.read_text()
    assert [p.id for p in parts][:2] == ["big#part1", "big#part2"]
