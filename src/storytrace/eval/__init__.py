"""Scoring storytrace's output against gold annotations (the seeds truth format)."""

from storytrace.eval.alignments import AlignmentScore, score_alignments
from storytrace.eval.boilerplate import BoilerplateScore, Counts, score_boilerplate
from storytrace.eval.changes import ChangeScore, score_changes
from storytrace.eval.links import LinkScore, score_links
from storytrace.eval.report import EvalScore, perfect_report, score_report
from storytrace.eval.stories import StoryScore, map_stories, score_stories
from storytrace.eval.truth import Truth, load_truth, locate_text, parse_truth

__all__ = [
    "AlignmentScore",
    "BoilerplateScore",
    "ChangeScore",
    "Counts",
    "EvalScore",
    "LinkScore",
    "StoryScore",
    "Truth",
    "load_truth",
    "locate_text",
    "map_stories",
    "parse_truth",
    "perfect_report",
    "score_alignments",
    "score_boilerplate",
    "score_changes",
    "score_links",
    "score_report",
    "score_stories",
]
