"""Structure checks of truth files and reports: errors name the JSON path, warnings too."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storytrace.eval import load_truth, parse_truth, perfect_report
from storytrace.eval.changes import KINDS
from storytrace.eval.validate import (
    CHANGE_KINDS,
    InvalidInput,
    check_report,
    check_truth,
)

Mutation = Callable[[dict[str, Any]], object]


@pytest.fixture(scope="module")
def truth_data(examples_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((examples_dir / "truth.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def report_data(examples_dir: Path) -> dict[str, Any]:
    return perfect_report(load_truth(examples_dir / "truth.json"))


def mutated(data: dict[str, Any], change: Mutation) -> dict[str, Any]:
    out = copy.deepcopy(data)
    change(out)
    return out


def doc101(t: dict[str, Any]) -> dict[str, Any]:
    doc: dict[str, Any] = t["documents"]["101_harbour_en"]
    return doc


def aligned_link(r: dict[str, Any]) -> dict[str, Any]:
    """The first link of the report that has alignments (and its position)."""
    for s in r["stories"]:
        for ln in s["links"]:
            if ln["alignments"] and ln["changes"]:
                return ln  # type: ignore[no-any-return]
    raise AssertionError("no link with alignments and changes")


def test_clean_inputs_have_no_warnings(
    truth_data: dict[str, Any], report_data: dict[str, Any]
) -> None:
    assert check_truth(truth_data) == []
    assert check_report(report_data) == []


@pytest.mark.seeds
def test_seeds_truth_and_its_perfect_report_are_clean(seeds_dir: Path) -> None:
    path = seeds_dir / "truth.json"
    assert check_truth(json.loads(path.read_text(encoding="utf-8"))) == []
    assert check_report(perfect_report(load_truth(path))) == []


def test_change_kinds_agree_with_the_change_scorer() -> None:
    assert CHANGE_KINDS == KINDS


@pytest.mark.parametrize(
    ("change", "where", "problem"),
    [
        (lambda t: t["alignments"][0].update(pairs=[["a"]]), "alignments[0].pairs[0]",
         "expected [source sentence, target sentence], got [\"a\"]"),
        (lambda t: t["alignments"][0].update(pairs=[["a", 3]]), "alignments[0].pairs[0]",
         "expected [source sentence, target sentence]"),
        (lambda t: doc101(t)["segments"][0].update(lines=["a", 3]),
         'documents["101_harbour_en"].segments[0].lines', "expected [first, last] line numbers"),
        (lambda t: doc101(t)["segments"][0].update(lines=[3, 1]),
         'documents["101_harbour_en"].segments[0].lines', "1 <= first <= last"),
        (lambda t: doc101(t)["segments"][0].pop("story"),
         'documents["101_harbour_en"].segments[0].story', "expected a non-empty string"),
        (lambda t: doc101(t)["segments"][0].update(kind=None),
         'documents["101_harbour_en"].segments[0].kind', "expected a non-empty string"),
        (lambda t: doc101(t).update(segments={"a": 1}),
         'documents["101_harbour_en"].segments', "expected a list"),
        (lambda t: t.update(documents=7), "documents", "expected an object of documents"),
        (lambda t: t.update(documents=[{"id": "a"}, {"id": "a"}]), "documents[1].id",
         "duplicate document id 'a'"),
        (lambda t: t.update(stories="S1"), "stories", "expected a list"),
        (lambda t: t["stories"][0].pop("id"), "stories[0].id", "expected a non-empty string"),
        (lambda t: t["stories"][1].update(id="S1"), "stories[1].id", "duplicate story id 'S1'"),
        (lambda t: t["stories"][0]["links"][0].update(relation=3), "stories[0].links[0].relation",
         "expected a non-empty string, got 3"),
        (lambda t: t["stories"][0]["links"][0].update(tree="yes"), "stories[0].links[0].tree",
         "expected true or false"),
        (lambda t: t["changes"][0].pop("source"), "changes[0].source", "expected a non-empty"),
        (lambda t: t["changes"][0].update(source_text=["x"]), "changes[0].source_text",
         "expected a string"),
        (lambda t: t.update(schema="storytrace.seed-truth/2"), "schema",
         "expected 'storytrace.seed-truth/1'"),
    ],
)  # fmt: skip
def test_malformed_truth_names_the_place(
    truth_data: dict[str, Any], change: Mutation, where: str, problem: str
) -> None:
    bad = mutated(truth_data, change)
    with pytest.raises(InvalidInput) as info:
        check_truth(bad)
    assert info.value.where == where and problem in str(info.value)
    with pytest.raises(ValueError, match="^" + re.escape(where)):
        parse_truth(bad)  # the parser checks first: no IndexError or TypeError from deep inside


@pytest.mark.parametrize(
    ("change", "warning"),
    [
        (lambda t: t["stories"][0]["links"][0].update(relation="teleportation"),
         "stories[0].links[0].relation: unknown relation 'teleportation'"),
        (lambda t: doc101(t)["segments"][1].update(kind="adverts"),
         'documents["101_harbour_en"].segments[1].kind: unknown segment kind \'adverts\''),
        (lambda t: t["stories"][0]["documents"].append("999_nowhere"),
         "stories[0].documents[5]: '999_nowhere' is not a truth document"),
        (lambda t: t["stories"][0].update(origin="999_nowhere"),
         "stories[0].origin: '999_nowhere' is not a document of this story"),
        (lambda t: t["stories"][0]["links"][0].update(target="999_nowhere"),
         "stories[0].links[0].target: '999_nowhere' is not a document of this story"),
        (lambda t: doc101(t)["segments"][0].update(story="S99"),
         'documents["101_harbour_en"].segments[0].story: \'S99\' is not a truth story'),
        (lambda t: t["changes"][0].update(target="999_nowhere"),
         "changes[0].target: '999_nowhere' is not a truth document"),
        (lambda t: t["alignments"][0].update(source="999_nowhere"),
         "alignments[0].source: '999_nowhere' is not a truth document"),
        (lambda t: t["changes"][0].update(kind="numbr"), "changes[0].kind: unknown change kind"),
    ],
)  # fmt: skip
def test_suspicious_truth_is_a_warning(
    truth_data: dict[str, Any], change: Mutation, warning: str
) -> None:
    bad = mutated(truth_data, change)
    warnings = check_truth(bad)
    assert len(warnings) == 1 and warnings[0].startswith(warning), warnings
    assert parse_truth(bad).warnings == tuple(warnings)


def test_load_truth_accepts_a_byte_order_mark(examples_dir: Path, tmp_path: Path) -> None:
    raw = (examples_dir / "truth.json").read_bytes()
    path = tmp_path / "truth.json"
    path.write_bytes(b"\xef\xbb\xbf" + raw)
    assert load_truth(path, input_dir=examples_dir / "input") == load_truth(
        examples_dir / "truth.json"
    )


@pytest.mark.parametrize(
    ("change", "where", "problem"),
    [
        (lambda r: r["documents"][0]["segments"][0].update(start="a"),
         "documents[0].segments[0].start", 'expected an integer offset, got "a"'),
        (lambda r: r["documents"][0]["segments"][0].update(end=True),
         "documents[0].segments[0].end", "expected an integer offset, got true"),
        (lambda r: r["documents"][0]["segments"][0].update(start=5, end=2),
         "documents[0].segments[0]", "0 <= start <= end"),
        (lambda r: r["documents"][0]["segments"][-1].update(end=10**6),
         "documents[0].segments[", "beyond the text of '101_harbour_en'"),
        (lambda r: r["documents"][0].pop("text"), "documents[0].text",
         "expected the document's text (a string), got nothing (the field is missing)"),
        (lambda r: r["documents"][0].update(segments="all"), "documents[0].segments",
         "expected a list"),
        (lambda r: r["documents"][1].update(id="101_harbour_en"), "documents[1].id",
         "duplicate document id"),
        (lambda r: r["documents"].append(3), "documents[", "expected an object, got 3"),
        (lambda r: r["stories"][0].update(documents="abc"), "stories[0].documents",
         'expected a list, got "abc"'),
        (lambda r: r["stories"][0]["documents"].append("999_nowhere"), "stories[0].documents[5]",
         "unknown document '999_nowhere'"),
        (lambda r: r["stories"][0].update(origin="999_nowhere"), "stories[0].origin",
         "unknown document"),
        (lambda r: r["stories"][1].update(id="S1"), "stories[1].id", "duplicate story id"),
        (lambda r: r["stories"][0]["links"][0].update(source="999_nowhere"),
         "stories[0].links[0].source", "unknown document '999_nowhere'"),
        (lambda r: r["stories"][0]["links"][0].update(tree="no"), "stories[0].links[0].tree",
         "expected true or false"),
        (lambda r: r["stories"][0]["links"][0].update(score="high"),
         "stories[0].links[0].score", "expected a number"),
        (lambda r: r["stories"][0]["links"][0].update(score=float("nan")),
         "stories[0].links[0].score", "expected a number, got NaN"),
        (lambda r: r["stories"][0]["links"][0].pop("relation"), "stories[0].links[0].relation",
         "expected a non-empty string"),
        (lambda r: aligned_link(r)["alignments"][0].update(source=["a", 3]),
         ".alignments[0].source", 'expected [start, end] integers, got ["a", 3]'),
        (lambda r: aligned_link(r)["alignments"][0].update(target=[5, 10**6]),
         ".alignments[0].target", "end 1000000 is beyond the text of"),
        (lambda r: aligned_link(r)["alignments"].append("x"), ".alignments[",
         'expected an object, got "x"'),
        (lambda r: aligned_link(r)["changes"][0].update(target=[1, 2, 3]),
         ".changes[0].target", "expected [start, end] integers or null"),
        (lambda r: r.update(schema="storytrace.report/99"), "schema",
         "expected 'storytrace.report/1'"),
    ],
)  # fmt: skip
def test_malformed_report_names_the_place(
    report_data: dict[str, Any], change: Mutation, where: str, problem: str
) -> None:
    with pytest.raises(InvalidInput) as info:
        check_report(mutated(report_data, change))
    message = str(info.value)
    assert where in info.value.where and problem in message, message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("change", "warning"),
    [
        (lambda r: r["stories"][0]["links"][0].update(relation="teleportation"),
         "stories[0].links[0].relation: unknown relation 'teleportation'"),
        (lambda r: r["documents"][0]["segments"][0].update(kind="weird"),
         "documents[0].segments[0].kind: unknown segment kind 'weird'"),
        (lambda r: aligned_link(r)["changes"][0].update(kind="vibes"), "unknown change kind"),
        (lambda r: r["documents"][0]["segments"][0].update(story="S99"),
         "documents[0].segments[0].story: story 'S99' is not in stories[]"),
    ],
)  # fmt: skip
def test_suspicious_report_is_a_warning(
    report_data: dict[str, Any], change: Mutation, warning: str
) -> None:
    warnings = check_report(mutated(report_data, change))
    assert len(warnings) == 1 and warning in warnings[0], warnings


def test_null_change_side_and_empty_span_are_fine(report_data: dict[str, Any]) -> None:
    def change(r: dict[str, Any]) -> None:
        ln = aligned_link(r)
        ln["changes"][0]["source"] = None
        ln["alignments"][0]["source"] = [4, 4]

    assert check_report(mutated(report_data, change)) == []
