"""``storytrace eval``: table, JSON, --run, and clean errors for bad files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

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
