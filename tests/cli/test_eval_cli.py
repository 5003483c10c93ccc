"""``storytrace eval``: table, JSON, --run, and clean errors for bad files."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from storytrace.cli import main
from storytrace.eval import load_truth, perfect_report

METRICS = ("stories.pairwise_f1", "boilerplate.precision", "alignments.f1", "changes.recall.number")


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture
def files(tmp_path: Path, examples_dir: Path) -> tuple[Path, Path]:
    """The examples truth (with its inputs beside it) and its perfect report."""
    shutil.copytree(examples_dir / "input", tmp_path / "input")
    truth = tmp_path / "truth.json"
    shutil.copy(examples_dir / "truth.json", truth)
    report = tmp_path / "report.json"
    report.write_text(json.dumps(perfect_report(load_truth(truth))), encoding="utf-8")
    return truth, report


def test_table(files: tuple[Path, Path]) -> None:
    code, out = invoke("eval", *map(str, files), "--no-baselines")
    assert code == 0, out
    assert "Evaluation" in out
    assert all(m in out for m in METRICS)
    assert "1.000" in out and "0.000" not in out
    assert "Against baselines" not in out


def test_baselines_beside_the_scores(files: tuple[Path, Path]) -> None:
    code, out = invoke("eval", *map(str, files))
    assert code == 0, out
    assert "Against baselines" in out
    assert all(name in out for name in ("alone", "minhash", "per-language"))


def test_json_to_stdout(files: tuple[Path, Path]) -> None:
    code, out = invoke("eval", *map(str, files), "--json")
    assert code == 0, out
    scores = json.loads(out)  # nothing but the JSON on stdout
    assert all(scores[m] == 1.0 for m in METRICS)


def test_json_to_file_and_table(files: tuple[Path, Path], tmp_path: Path) -> None:
    target = tmp_path / "scores.json"
    code, out = invoke("eval", *map(str, files), "--json", str(target))
    assert code == 0, out
    assert "Evaluation" in out and f"wrote scores to {target}" in out
    assert json.loads(target.read_text(encoding="utf-8"))["alignments.f1"] == 1.0


def test_quiet_prints_nothing(files: tuple[Path, Path]) -> None:
    code, out = invoke("eval", *map(str, files), "-q")
    assert (code, out) == (0, "")


def test_run_traces_the_inputs_first(examples_dir: Path) -> None:
    truth, inputs = examples_dir / "truth.json", examples_dir / "input"
    code, out = invoke("eval", str(truth), "--run", str(inputs), "--no-link", "--json")
    assert code == 0, out
    scores = json.loads(out)
    assert scores["boilerplate.recall"] > 0.5  # the ingest stage did its part
    assert scores["stories.pairwise_f1"] == 0.0  # --no-link: no stories to score


@pytest.mark.slow
def test_run_with_linking(examples_dir: Path) -> None:
    truth, inputs = examples_dir / "truth.json", examples_dir / "input"
    code, out = invoke("eval", str(truth), "--run", str(inputs), "--json")
    assert code == 0, out
    assert json.loads(out)["stories.pairwise_f1"] > 0.0


def test_missing_file_is_a_usage_error(files: tuple[Path, Path], tmp_path: Path) -> None:
    truth, _ = files
    code, out = invoke("eval", str(truth), str(tmp_path / "nope.json"))
    assert code == 2 and "does not exist" in out and "Traceback" not in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "cannot read"),
        ("[1, 2]", "not a JSON object"),
        (b"\xff\xfe\x00garbage", "cannot read"),
    ],
)
def test_malformed_report_exits_1(
    files: tuple[Path, Path], tmp_path: Path, content: str | bytes, message: str
) -> None:
    truth, _ = files
    bad = tmp_path / "bad.json"
    if isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        bad.write_text(content, encoding="utf-8")
    code, out = invoke("eval", str(truth), str(bad))
    assert code == 1 and message in out and "Traceback" not in out


@pytest.mark.parametrize(
    "content",
    ["{not json", '"a string"', '{"documents": [{"no_id": 1}]}', '{"schema": "x"}'],
)
def test_malformed_truth_exits_1(files: tuple[Path, Path], tmp_path: Path, content: str) -> None:
    _, report = files
    bad = tmp_path / "truth_bad.json"
    bad.write_text(content, encoding="utf-8")
    code, out = invoke("eval", str(bad), str(report))
    assert code == 1 and "Error:" in out and "Traceback" not in out


def test_report_and_run_are_exclusive(files: tuple[Path, Path], examples_dir: Path) -> None:
    truth, report = files
    assert invoke("eval", str(truth))[0] == 2
    code, out = invoke("eval", str(truth), str(report), "--run", str(examples_dir / "input"))
    assert code == 2 and "exactly one of REPORT and --run" in out


def test_help() -> None:
    code, out = invoke("eval", "--help")
    assert code == 0 and "--run" in out and "--json" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{}", "it has no schema"),
        ('{"schema": "storytrace.seed-truth/1"}', "it has schema 'storytrace.seed-truth/1'"),
        ('{"schema": "storytrace.report/1", "documents": {}}', "no documents or stories"),
    ],
)
def test_what_is_not_a_report_exits_1(
    files: tuple[Path, Path], tmp_path: Path, content: str, message: str
) -> None:
    truth, _ = files
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    code, out = invoke("eval", str(truth), str(bad))
    assert code == 1 and "not a storytrace report" in out and message in out
    assert "Traceback" not in out


def test_truth_given_as_report_exits_1(files: tuple[Path, Path]) -> None:
    truth, _ = files
    code, out = invoke("eval", str(truth), str(truth))
    assert code == 1 and "not a storytrace report" in out and "Traceback" not in out


def invoke_split(*args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr apart."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def rewrite(path: Path, change: Callable[[dict[str, Any]], object]) -> Path:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def first_aligned_link(report: dict[str, Any]) -> dict[str, Any]:
    return next(ln for s in report["stories"] for ln in s["links"] if ln["alignments"])


def one_line_error(code: int, out: str) -> str:
    assert code == 1 and "Traceback" not in out, out
    lines = out.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), out
    return lines[0]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t["alignments"][0].update(pairs=[["a"]]),
         "truth.json: alignments[0].pairs[0]: expected [source sentence, target sentence]"),
        (lambda t: t["documents"]["101_harbour_en"]["segments"][0].update(lines=["a", 3]),
         'truth.json: documents["101_harbour_en"].segments[0].lines: expected [first, last]'),
        (lambda t: t["stories"][0].update(links={"source": "x"}),
         "truth.json: stories[0].links: expected a list"),
        (lambda t: t.update(schema="storytrace.report/1"),
         "truth.json: schema: expected 'storytrace.seed-truth/1'"),
    ],
)  # fmt: skip
def test_malformed_truth_names_file_and_place(
    files: tuple[Path, Path], change: Callable[[dict[str, Any]], object], message: str
) -> None:
    truth, report = files
    line = one_line_error(*invoke("eval", str(rewrite(truth, change)), str(report)))
    assert message in line


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r["documents"][0]["segments"][0].update(start="a"),
         "report.json: documents[0].segments[0].start: expected an integer offset, got \"a\""),
        (lambda r: first_aligned_link(r)["alignments"][5].update(source=["a", 3]),
         ".alignments[5].source: expected [start, end] integers, got [\"a\", 3]"),
        (lambda r: r["stories"][0]["links"][0].update(target="999_nowhere"),
         "report.json: stories[0].links[0].target: unknown document '999_nowhere'"),
        (lambda r: r["stories"][0]["documents"].append("999_nowhere"),
         "report.json: stories[0].documents[5]: unknown document '999_nowhere'"),
        (lambda r: r["stories"][0].update(documents="abc"),
         "report.json: stories[0].documents: expected a list, got \"abc\""),
        (lambda r: r["stories"][0]["links"][0].update(score="0.9"),
         "report.json: stories[0].links[0].score: expected a number"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("baselines", ["--baselines", "--no-baselines"])
def test_malformed_report_names_file_and_place(
    files: tuple[Path, Path],
    change: Callable[[dict[str, Any]], object],
    message: str,
    baselines: str,
) -> None:
    truth, report = files
    line = one_line_error(*invoke("eval", str(truth), str(rewrite(report, change)), baselines))
    assert message in line


def test_unknown_relation_is_a_warning_and_counts_as_wrong(files: tuple[Path, Path]) -> None:
    truth, report = files
    rewrite(report, lambda r: r["stories"][0]["links"][0].update(relation="teleportation"))
    code, out = invoke("eval", str(truth), str(report), "--no-baselines")
    assert code == 0, out
    assert "! " in out and "stories[0].links[0].relation: unknown relation 'teleportation'" in out
    code, stdout, stderr = invoke_split("eval", str(truth), str(report), "--json")
    assert code == 0 and json.loads(stdout)["links.relation_accuracy"] == pytest.approx(8 / 9)
    assert "unknown relation 'teleportation'" in stderr
    assert invoke("eval", str(truth), str(report), "-q") == (0, "")


def test_unknown_segment_kind_is_a_warning(files: tuple[Path, Path]) -> None:
    truth, report = files
    rewrite(report, lambda r: r["documents"][0]["segments"][0].update(kind="weird"))
    code, out = invoke("eval", str(truth), str(report), "--no-baselines")
    assert code == 0 and "segments[0].kind: unknown segment kind 'weird'" in out


def test_truth_id_of_no_document_is_a_warning(files: tuple[Path, Path]) -> None:
    truth, report = files
    rewrite(truth, lambda t: t["changes"][0].update(target="999_nowhere"))
    code, out = invoke("eval", str(truth), str(report), "--no-baselines")
    assert code == 0 and "changes[0].target: '999_nowhere' is not a truth document" in out


def test_nothing_to_score_is_not_applicable(files: tuple[Path, Path]) -> None:
    truth, report = files

    def no_segments(t: dict[str, Any]) -> None:
        for doc in t["documents"].values():
            doc["segments"] = []

    rewrite(truth, no_segments)
    code, out = invoke("eval", str(truth), str(report))
    assert code == 0, out
    row = next(ln for ln in out.splitlines() if "segments.story_accuracy" in ln)
    assert "n/a" in row and "1.000" not in row
    code, out = invoke("eval", str(truth), str(report), "--json")
    scores = json.loads(out)
    assert scores["segments.story_accuracy"] is None and scores["boilerplate.recall"] is None
    assert scores["baseline.alone.segments.story_accuracy"] is None
    assert scores["boilerplate.precision"] == 0.0  # boilerplate predicted, none in the truth


def test_byte_order_mark_is_accepted(files: tuple[Path, Path]) -> None:
    truth, report = files
    for path in (truth, report):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    code, out = invoke("eval", str(truth), str(report), "--json")
    assert code == 0, out
    assert json.loads(out)["alignments.f1"] == 1.0


def test_deeply_nested_json_is_a_clean_error(files: tuple[Path, Path], tmp_path: Path) -> None:
    truth, _ = files
    bad = tmp_path / "deep.json"
    bad.write_text("[" * 100_000, encoding="utf-8")
    assert "cannot read report" in one_line_error(*invoke("eval", str(truth), str(bad)))


def test_unreadable_input_text_names_the_inputs(files: tuple[Path, Path]) -> None:
    truth, report = files
    (truth.parent / "input" / "101_harbour_en.txt").write_bytes(b"\xff\xfe\x00 not utf-8")
    line = one_line_error(*invoke("eval", str(truth), str(report)))
    assert f"cannot read the inputs of {truth}" in line


def test_a_scorer_bug_still_ends_in_one_line(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import storytrace.cli.eval as eval_cli

    def broken(*_: object) -> None:
        raise IndexError("list index out of range\nsecond line")

    monkeypatch.setattr(eval_cli, "score_report", broken)
    line = one_line_error(*invoke("eval", *map(str, files)))
    assert "cannot score" in line and "IndexError: list index out of range second line" in line
