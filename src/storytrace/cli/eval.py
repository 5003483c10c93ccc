"""``storytrace eval``: score a trace report against a truth file.

Contract:
    ``storytrace eval TRUTH.json REPORT.json`` scores an existing report;
    ``storytrace eval TRUTH.json --run INPUT_DIR`` traces ``INPUT_DIR`` first with
    :func:`storytrace.pipeline.trace_inputs` (in memory, no database file; ``--no-link`` stops
    after ingest) and scores that. Exactly one of REPORT and ``--run`` is required.
    The scores are printed as a table (``storytrace.eval.report.EvalScore.rows``); ``--json``
    alone prints them as flat JSON (``EvalScore.to_dict``) instead, ``--json FILE`` writes the
    JSON there and still prints the table. A metric with nothing to score (no truth items of
    its kind) is ``n/a`` in the table and ``null`` in the JSON, never a perfect 1.0.

Errors: a missing file is a usage error (exit 2). A file that is not JSON (UTF-8, a byte-order
mark is fine), not a truth/report object, or malformed where the scorers read it exits 1 with
one line naming the file and the JSON path (:mod:`storytrace.eval.validate`), e.g.
``report.json: stories[0].links[2].alignments[5].source: expected [start, end] integers, got
["a", 3]``. What can be scored but looks wrong (an unknown relation label counts as wrong, an
unknown segment kind is scored as unassigned, truth ids naming no truth document) is printed
as ``! file: path: ...`` warnings beside the scorer's notes (on stderr with ``--json`` alone).
Any other failure while scoring still ends in one line, never a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click
from rich.table import Table
from rich.text import Text

from ..errors import StorytraceError
from ..eval.baselines import BASELINES
from ..eval.report import EvalScore, Value, format_value, score_report
from ..eval.truth import Truth, load_truth
from ..eval.validate import InvalidInput, check_report
from ..options import Options
from ..report.json import SCHEMA
from ..report.terminal import plain
from .common import build_options, config_option, console, progress_bar, workers_option

STDOUT = "-"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _read_json(path: Path, what: str) -> Mapping[str, Any]:
    try:
        # utf-8-sig: a byte-order mark (as some Windows editors write) is dropped, not an error.
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError, RecursionError) as exc:  # ValueError: bad JSON, bad UTF-8
        raise click.ClickException(f"cannot read {what} {path}: {_one_line(exc)}") from exc
    if not isinstance(data, Mapping):
        raise click.ClickException(f"{what} {path} is not a JSON object")
    return data


def _read_report(path: Path) -> tuple[Mapping[str, Any], list[str]]:
    """The report and the warnings of its structure check (``file: path: message``)."""
    data = _read_json(path, "report")
    if data.get("schema") != SCHEMA:
        found = data.get("schema")
        what = "no schema" if found is None else f"schema {found!r}"
        raise click.ClickException(
            f"{path} is not a storytrace report: it has {what}, {SCHEMA!r} expected"
            " (write one with `storytrace trace --json`)"
        )
    if not isinstance(data.get("documents"), list) or not isinstance(data.get("stories"), list):
        raise click.ClickException(f"{path} is not a storytrace report: no documents or stories")
    try:
        warnings = check_report(data)
    except InvalidInput as exc:
        raise click.ClickException(f"{path}: {exc}") from exc
    return data, [f"{path}: {w}" for w in warnings]


def _load_truth(path: Path, run: Path | None) -> Truth:
    _read_json(path, "truth file")  # a clean message for bad JSON before the parser runs
    # Input texts (for documents a report leaves out) sit in <truth dir>/input; with --run the
    # traced folder is the next best place.
    input_dir = run if run is not None and not (path.parent / "input").is_dir() else None
    try:
        truth = load_truth(path, input_dir=input_dir)
    except InvalidInput as exc:
        raise click.ClickException(f"{path}: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:  # an input text (the JSON was read above)
        raise click.ClickException(f"cannot read the inputs of {path}: {_one_line(exc)}") from exc
    except Exception as exc:  # last resort: the check should have caught it
        raise click.ClickException(
            f"{path} is not a truth file: {type(exc).__name__}: {_one_line(exc)}"
        ) from exc
    if not truth.documents:
        raise click.ClickException(f"{path} is not a truth file: it lists no documents")
    return truth


def _ignore_progress(done: int, total: int | None) -> None:
    return None


def _trace(inputs: Path, options: Options, quiet: bool, link: bool) -> dict[str, Any]:
    """Trace ``inputs`` with the library (ingest, then link unless ``link`` is false) in a
    throw-away in-memory store, and return the report dict."""
    from ..pipeline import trace_inputs, trace_report
    from ..store import open_store

    with open_store(None) as store, progress_bar(quiet, "tracing") as bar:
        # A progress callback (even a silent one) makes ingest count the inputs first, so a
        # small truth corpus runs in-process instead of paying for a worker pool.
        result = trace_inputs(
            [inputs], options=options, store=store, progress=bar or _ignore_progress, link=link
        )
        if not result.ingest.ids:
            raise click.ClickException(f"nothing could be ingested from {inputs}")
        return trace_report(store, result.ingest.ids)


def scores_table(score: EvalScore) -> Table:
    """The scores as a rich table, one section per metric family."""
    table = Table(title="Evaluation", title_justify="left", header_style="bold")
    table.add_column("metric", no_wrap=True)
    table.add_column("value", justify="right", no_wrap=True)
    table.add_column("support", style="dim", no_wrap=True)
    family = None
    for name, value, support in score.rows():
        head = name.split(".", 1)[0]
        if family is not None and head != family:
            table.add_section()
        family = head
        table.add_row(name, _value_text(value), support)
    return table


def _value_text(value: Value) -> Text:
    if value is None:
        return Text(format_value(value), style="dim")  # nothing to score
    style = "green" if value >= 0.9 else "yellow" if value >= 0.5 else "red"
    return Text(format_value(value), style=style)


BASELINE_METRICS = (
    "stories.pairwise_precision",
    "stories.pairwise_recall",
    "stories.pairwise_f1",
    "stories.ari",
    "segments.story_accuracy",
)


def baselines_table(ours: Mapping[str, Value], others: Mapping[str, Mapping[str, Value]]) -> Table:
    """storytrace's story metrics beside each baseline's, on the same documents."""
    table = Table(title="Against baselines", title_justify="left", header_style="bold")
    table.add_column("metric", no_wrap=True)
    table.add_column("storytrace", justify="right")
    for name in others:
        table.add_column(name, justify="right")
    for metric in BASELINE_METRICS:
        table.add_row(
            metric,
            format_value(ours.get(metric)),
            *(format_value(others[n].get(metric)) for n in others),
        )
    return table


def _score(
    truth: Truth, report: Mapping[str, Any], baselines: bool
) -> tuple[EvalScore, dict[str, dict[str, Value]]]:
    """The report's scores and, with ``baselines``, each baseline's."""
    score = score_report(truth, report)
    others = {
        name: score_report(truth, make(report)).to_dict()
        for name, make in (BASELINES.items() if baselines else ())
    }
    return score, others


@click.command("eval")
@click.argument(
    "truth_path", metavar="TRUTH", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.argument(
    "report_path",
    metavar="[REPORT]",
    required=False,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option(
    "--run",
    "run_dir",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="Trace this input folder (in memory) and score the result instead of a REPORT.",
)
@click.option(
    "--json",
    "json_out",
    is_flag=False,
    flag_value=STDOUT,
    default=None,
    metavar="[FILE]",
    help="Scores as flat JSON: alone, printed instead of the table; with FILE, written there "
    "beside the table. A metric with nothing to score is null (n/a in the table).",
)
@click.option("--no-link", is_flag=True, help="With --run: only ingest and segment, no stories.")
@workers_option("With --run: ")
@config_option("With --run: ")
@click.option(
    "--baselines/--no-baselines",
    default=True,
    show_default=True,
    help="Also score trivial baselines (every document alone, MinHash near-duplicates, one "
    "story per language) on the same documents.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors (and --json output).")
def eval_cmd(
    truth_path: Path,
    report_path: Path | None,
    run_dir: Path | None,
    json_out: str | None,
    no_link: bool,
    workers: int | None,
    config: Path | None,
    baselines: bool,
    quiet: bool,
) -> None:
    """Score a trace REPORT (or a fresh trace of --run INPUT_DIR) against TRUTH.

    TRUTH is a gold annotation in the seeds format (storytrace.seed-truth/1); REPORT a trace
    report (storytrace.report/1). Prints story clustering, story segments, boilerplate,
    origins, links, sentence alignments and fact changes as precision/recall/accuracy; a
    metric with nothing to score is n/a. A malformed TRUTH or REPORT is refused with the JSON
    path of the problem; what is scorable but suspect (an unknown relation label counts as
    wrong) is printed as a '!' warning.
    """
    if (report_path is None) == (run_dir is None):
        raise click.UsageError("give exactly one of REPORT and --run INPUT_DIR")
    truth = _load_truth(truth_path, run_dir)
    warnings = [f"{truth_path}: {w}" for w in truth.warnings]
    if run_dir is not None:
        try:
            opts = build_options(None, workers, config)
            report: Mapping[str, Any] = _trace(run_dir, opts, quiet, link=not no_link)
        except StorytraceError as exc:
            raise click.ClickException(str(exc)) from exc
        try:
            warnings += [f"trace of {run_dir}: {w}" for w in check_report(report)]
        except InvalidInput as exc:
            raise click.ClickException(f"trace of {run_dir} (a storytrace bug): {exc}") from exc
    else:
        assert report_path is not None
        report, report_warnings = _read_report(report_path)
        warnings += report_warnings
    try:
        score, base_scores = _score(truth, report, baselines)
    except Exception as exc:  # last resort: the structure checks should have caught it
        raise click.ClickException(
            f"cannot score {report_path or run_dir} against {truth_path}: "
            f"{type(exc).__name__}: {_one_line(exc)}"
        ) from exc
    ours = score.to_dict()
    flat = dict(ours)
    for name, scores in base_scores.items():
        flat.update(
            {
                f"baseline.{name}.{k}": v
                for k, v in scores.items()
                if k.startswith(("stories.", "segments."))
            }
        )
    data = json.dumps(flat, indent=2)
    if json_out == STDOUT:
        for warning in warnings if not quiet else ():
            click.echo("! " + warning, err=True)  # stdout holds nothing but the JSON
        click.echo(data)
        return
    out = console(quiet)
    out.print(scores_table(score))
    if base_scores:
        out.print(baselines_table(ours, base_scores))
    for note in [*warnings, *score.notes()]:
        out.print(Text("! " + note, style="yellow"))
    if json_out is not None:
        try:
            Path(json_out).write_text(data + "\n", encoding="utf-8")
        except OSError as exc:
            raise click.ClickException(f"cannot write {json_out}: {exc}") from exc
        out.print(plain(f"wrote scores to {json_out}"))
