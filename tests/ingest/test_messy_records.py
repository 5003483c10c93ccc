"""Messy records and files: each is kept or reported on its own, never sinking the batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.errors import StorytraceError
from storytrace.ingest.clean import normalise_published, process_unit
from storytrace.ingest.language import known_code, normalise_code
from storytrace.ingest.sources import iter_units
from storytrace.models import Problem, RawDocument
from storytrace.options import IngestOptions, Options

OPTS = IngestOptions()
TEXT = "The council of Ostford approved a budget of 12 million for school repairs on Monday."


def raws(path: Path, opts: IngestOptions = OPTS) -> list[RawDocument | Problem]:
    return [u for u in iter_units([path], opts) if isinstance(u, RawDocument | Problem)]


def test_a_lone_surrogate_is_replaced_and_noted_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    good = json.dumps({"id": "ok", "text": TEXT})
    path.write_text(
        good + '\n{"id": "s", "title": "A \\udc80 b", "text": "Lone \\ud800 x. ' + TEXT + '"}\n'
    )
    ok, bad = raws(path)
    assert isinstance(ok, RawDocument) and isinstance(bad, RawDocument)
    assert bad.text is not None and "\ud800" not in bad.text and "\ufffd" in bad.text
    assert bad.title == "A \ufffd b"
    assert bad.notes == ("2 lone surrogate(s) replaced by U+FFFD (not valid Unicode)",)
    bad.text.encode("utf-8")  # a store and a UTF-8 report can hold it


@pytest.mark.parametrize(
    "layout",
    [
        '\n{"id": "p1",\n "text": "%s"}\n',
        '{"id": "p1",\n  "text": "%s"\n}',
        '{"id": "p1", "text": "%s"}\n\n{\n "id": "p2", "text": "%s"\n}\n',
    ],
)
def test_a_json_file_of_objects_in_any_layout_is_read(tmp_path: Path, layout: str) -> None:
    path = tmp_path / "pretty.json"
    path.write_text(layout.replace("%s", TEXT))
    units = raws(path)
    assert all(isinstance(u, RawDocument) for u in units), units
    assert [u.id for u in units if isinstance(u, RawDocument)][:1] == ["p1"]
    assert len(units) == layout.count('"id"')


def test_a_json_file_with_one_bad_line_keeps_the_good_lines(tmp_path: Path) -> None:
    path = tmp_path / "lines.json"
    path.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n{broken\n")
    units = raws(path)
    assert [type(u).__name__ for u in units] == ["RawDocument", "Problem"]


def test_a_huge_record_is_cut_into_parts_and_loses_nothing(tmp_path: Path) -> None:
    body = "\n\n".join(f"Paragraph {i}. {TEXT}" for i in range(400))
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"id": "big", "text": body}) + "\n")
    parts = raws(path, IngestOptions(max_doc_bytes=5_000))
    assert all(isinstance(p, RawDocument) for p in parts) and len(parts) > 5
    docs = [p for p in parts if isinstance(p, RawDocument)]
    assert [d.id for d in docs[:2]] == ["big#part1", "big#part2"]
    assert all(len(d.text or "") <= 5_000 for d in docs)
    assert "".join(d.text or "" for d in docs) == body
    assert "split into parts" in docs[0].notes[-1] and docs[1].notes == ()


def test_huge_html_in_a_record_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "h.jsonl"
    path.write_text(json.dumps({"id": "h", "html": "<p>" + TEXT * 50 + "</p>"}) + "\n")
    (p,) = raws(path, IngestOptions(max_html_bytes=1_000))
    assert isinstance(p, Problem) and p.reason == "record too large"


@pytest.mark.parametrize(
    ("given", "code"),
    [("English", "en"), ("german", "de"), ("Norwegian Bokmål", "no"), ("nb_NO", "no"),
     ("de-AT", "de"), ("eng", "en")],
)  # fmt: skip
def test_language_names_and_codes_normalise(given: str, code: str) -> None:
    assert normalise_code(given) == code and known_code(code)


def test_an_unknown_language_code_is_ignored_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "k.jsonl"
    path.write_text(json.dumps({"id": "k", "lang": "klingon-XX", "text": TEXT * 3}) + "\n")
    (raw,) = raws(path)
    assert isinstance(raw, RawDocument)
    (doc,) = process_unit(raw, OPTS).documents
    assert doc.lang == "en"
    assert any(p.reason == "unknown language code" for p in doc.problems)


@pytest.mark.parametrize(
    ("value", "published"),
    [("2022-05-21", "2022-05-21"), ("2022-05-21T10:00:00Z", "2022-05-21T10:00:00Z"),
     ("21 May 2022", "2022-05-21"), ("Sat, 21 May 2022 10:00:00 GMT", "2022-05-21"),
     ("0001-01-01", None), ("9999-12-31", None), ("2022-02-30", None), ("yesterday", None),
     ("not a date", None), ("", None)],
)  # fmt: skip
def test_publication_dates_are_dates_or_nothing(value: str, published: str | None) -> None:
    got, why = normalise_published(value)
    assert got == published
    assert (why is None) == (published is not None or value == "")


def test_a_placeholder_date_never_breaks_the_run(tmp_path: Path) -> None:
    # .NET's empty date on a translation pair used to overflow the date arithmetic
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "d", "published": "0001-01-01", "text": TEXT}) + "\n")
    (raw,) = raws(path)
    assert isinstance(raw, RawDocument)
    (doc,) = process_unit(raw, OPTS).documents
    assert doc.published is None
    assert any(p.reason == "bad publication date" for p in doc.problems)


@pytest.mark.parametrize(
    "data",
    [{"ingest": {"max_doc_bytes": 0}}, {"ingest": {"max_html_bytes": -1}}, {"workers": -3},
     {"link": {"num_perm": 0}}],
)  # fmt: skip
def test_option_values_out_of_range_are_refused(data: dict[str, object]) -> None:
    with pytest.raises(StorytraceError, match="must be at least"):
        Options().overlay(data, origin="opts.toml")


def test_an_ascii_head_does_not_decide_the_encoding_of_a_streamed_file() -> None:
    from storytrace.ingest.decode import IncrementalDecoder

    head = ("An English paragraph about the harbour and the storm.\n" * 50).encode()
    tail = "Шторм закрыл гавань в Хавнвике во вторник вечером.\n".encode("cp1251") * 50
    dec = IncrementalDecoder(head, source="mixed.txt")
    text = dec.feed(head) + dec.feed(tail) + dec.feed(b"", final=True)
    assert "Шторм закрыл гавань" in text and "\ufffd" not in text
    assert dec.encoding == "cp1251" and any("cp1251" in n for n in dec.notes)


def test_notes_found_late_in_a_split_file_reach_a_part(tmp_path: Path) -> None:
    para = (
        "A long paragraph about the harbour and the storm that came in the night. " * 6
    ).encode()
    path = tmp_path / "big.txt"
    path.write_bytes((para + b"\n\n") * 3000 + b"broken end \xe2\x82")  # cut inside a character
    opts = IngestOptions(max_doc_bytes=100_000)
    parts = [u for u in iter_units([path], opts) if isinstance(u, RawDocument)]
    assert len(parts) > 3
    notes = [n for p in parts for n in p.notes]
    assert sum("split into parts" in n for n in notes) == 1  # said once, on part 1
    assert any("truncated UTF-8" in n for n in notes)
