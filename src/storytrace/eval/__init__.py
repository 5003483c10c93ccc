"""Scoring storytrace's output against gold annotations (the seeds truth format)."""

from storytrace.eval.boilerplate import BoilerplateScore, Counts, score_boilerplate
from storytrace.eval.truth import Truth, load_truth, parse_truth

__all__ = ["BoilerplateScore", "Counts", "Truth", "load_truth", "parse_truth", "score_boilerplate"]
