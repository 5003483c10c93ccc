"""Tests of storytrace.store."""
