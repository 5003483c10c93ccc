"""Fact changes between aligned passages: numbers, dates, names, quotes, polarity, drift.

Extractors (:mod:`.numbers`, :mod:`.dates`, :mod:`.names`, :mod:`.quotes`,
:mod:`.polarity`) turn one sentence into :class:`~storytrace.diff.model.Fact` records with
normalised values; :mod:`.compare` pairs the facts of two aligned sentences and reports a
:class:`~storytrace.diff.model.Change` only where a normalised value differs.
"""
