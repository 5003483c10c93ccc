"""storytrace: trace how one news story travels across sites, languages, translations,
rewrites and scraped mash-up pages.

The public API is the list below; everything else is private and may change.

Example::

    from storytrace import Options, open_store, render_html, trace_inputs, trace_report

    with open_store("storytrace.db") as store:
        result = trace_inputs(["articles/"], options=Options(), store=store)
        report = trace_report(store, result.ingest.ids)   # storytrace.report/1 as a dict
        html = render_html(report)                        # one self-contained page
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .errors import StorytraceError
    from .ingest.run import IngestReport, ingest_inputs
    from .models import Document, Problem, RawDocument, Segment, Sentence
    from .options import IngestOptions, Options
    from .pipeline import TraceResult, trace_inputs, trace_report
    from .report.html import render_html
    from .report.json import build_report, write_report
    from .store import MemoryStore, SQLiteStore, Store, open_store

# The ingest entry point is ``ingest_inputs``, not ``ingest``: ``storytrace.ingest`` is the
# subpackage, and importing any of its modules would rebind that attribute.
# Public names resolve lazily (PEP 562): importing storytrace loads no model or parser
# until one is used, so `storytrace --help` and `import storytrace` stay fast.
_LAZY = {
    "StorytraceError": ".errors",
    "IngestReport": ".ingest.run",
    "ingest_inputs": ".ingest.run",
    "Document": ".models",
    "Problem": ".models",
    "RawDocument": ".models",
    "Segment": ".models",
    "Sentence": ".models",
    "IngestOptions": ".options",
    "Options": ".options",
    "TraceResult": ".pipeline",
    "trace_inputs": ".pipeline",
    "trace_report": ".pipeline",
    "render_html": ".report.html",
    "build_report": ".report.json",
    "write_report": ".report.json",
    "MemoryStore": ".store",
    "SQLiteStore": ".store",
    "Store": ".store",
    "open_store": ".store",
}

__all__ = [
    "Document",
    "IngestOptions",
    "IngestReport",
    "MemoryStore",
    "Options",
    "Problem",
    "RawDocument",
    "SQLiteStore",
    "Segment",
    "Sentence",
    "Store",
    "StorytraceError",
    "TraceResult",
    "__version__",
    "build_report",
    "ingest_inputs",
    "open_store",
    "render_html",
    "trace_inputs",
    "trace_report",
    "write_report",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'storytrace' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
