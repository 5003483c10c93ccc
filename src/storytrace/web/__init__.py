"""``storytrace serve``: a local, read-only web viewer over a store.

Needs the ``web`` extra (Starlette, uvicorn). The pages are those of the HTML report
(:mod:`storytrace.report.html`) plus a story list with search.
"""

from .app import DEFAULT_HOSTS, create_app

__all__ = ["DEFAULT_HOSTS", "create_app"]
