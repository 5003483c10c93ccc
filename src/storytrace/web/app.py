"""The read-only web viewer: a Starlette app over one store.

Contract:
    ``create_app(db, allowed_hosts=...)`` opens the store read-only (:class:`Catalog`) and
    returns an ASGI app with exactly these routes, all GET/HEAD:

    * ``/`` story list with search (``q`` text, ``lang``, ``from``/``to`` dates, ``page``);
    * ``/story/{id}`` story page; ``/story/{id}/link/{n}`` side-by-side view of link ``n``;
    * ``/static/viewer.css`` and ``/static/viewer.js`` (served from memory; no file paths).

    Pages are rendered by the templates and view models of :mod:`storytrace.report.html`,
    so the viewer shows what the self-contained report shows. The index and view of the
    last :data:`CACHE_STORIES` stories asked for are kept (``app.state.story_parts``, LRU):
    the one in-memory cache of story data.

Security: Jinja2 autoescapes everything; requests whose Host header is not in
``allowed_hosts`` get 400 (DNS-rebinding protection for a loopback server); every response
carries a strict Content-Security-Policy (scripts and styles only from the app itself, no
inline code), ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer`` and
``X-Frame-Options: DENY``.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..report.html import (
    ReportIndex,
    StoryView,
    Urls,
    environment,
    link_view,
    static_text,
    story_view,
)
from .catalog import Catalog

DEFAULT_HOSTS = ("localhost", "127.0.0.1")
#: Stories whose index and view (documents in full, forest drawn) stay in memory.
CACHE_STORIES = 64
PAGE_SIZE = 100
MAX_QUERY = 200

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)
STATIC = {"viewer.css": "text/css; charset=utf-8", "viewer.js": "text/javascript; charset=utf-8"}
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every HTTP response, errors too."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(db: str | Path, *, allowed_hosts: Sequence[str] = DEFAULT_HOSTS) -> Starlette:
    """The viewer of the store at ``db`` (opened now, read-only; see the module docstring)."""
    catalog = Catalog(db)
    urls = Urls(single_file=False)
    env = environment()

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(name).render(urls=urls, inline=False, **context)
        return HTMLResponse(html, status_code=status)

    def index(request: Request) -> Response:
        params = request.query_params
        q = params.get("q", "")[:MAX_QUERY]
        lang = params.get("lang", "")
        lang = lang if lang in catalog.langs else ""
        date_from = _day(params.get("from", ""))
        date_to = _day(params.get("to", ""))
        number = _page_number(params.get("page", "1"))
        first = (number - 1) * PAGE_SIZE
        found = catalog.search(q, lang, date_from, date_to, offset=first, limit=PAGE_SIZE)
        keep = {"q": q, "lang": lang, "from": date_from, "to": date_to}

        def at(n: int) -> str:
            return "/?" + urlencode({**{k: v for k, v in keep.items() if v}, "page": n})

        return page(
            "index.html",
            rows=found.rows,
            total=found.total,
            first=first,
            n_stories=len(catalog.entries),
            n_docs=catalog.n_docs,
            langs=catalog.langs,
            q=q,
            lang=lang,
            date_from=date_from,
            date_to=date_to,
            prev_url=at(number - 1) if number > 1 else None,
            next_url=at(number + 1) if first + PAGE_SIZE < found.total else None,
        )

    @lru_cache(maxsize=CACHE_STORIES)
    def story_parts(sid: str) -> tuple[ReportIndex, StoryView]:
        # The store is a snapshot, so a story's index and view (with its forest) are built
        # once; its link pages reuse them instead of redrawing the forest per request.
        report = catalog.story_report(sid)
        assert report is not None
        index = ReportIndex(report)
        return index, story_view(index, index.by_id[sid], urls)

    def story(request: Request) -> Response:
        sid = request.path_params["sid"]
        if sid not in catalog.entries:
            raise HTTPException(404, "There is no such story in this store.")
        return page("story.html", sv=story_parts(sid)[1])

    def link(request: Request) -> Response:
        sid, n = request.path_params["sid"], request.path_params["n"]
        lv = None
        if sid in catalog.entries:
            index, sv = story_parts(sid)
            lv = link_view(index, index.by_id[sid], n, urls, sv)
        if lv is None:
            raise HTTPException(404, "There is no such link in this store.")
        return page("link.html", lv=lv)

    def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC:
            raise HTTPException(404, "Not found.")
        return Response(
            static_text(name),
            media_type=STATIC[name],
            headers={"cache-control": "no-cache"},
        )

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        status, detail = exc.status_code, exc.detail
        if status == 405:
            return Response("Method not allowed.", 405, headers={"allow": "GET, HEAD"})
        return page("error.html", status, code=status, message=detail)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        catalog.close()

    app = Starlette(
        routes=[
            Route("/", index),
            Route("/story/{sid}", story),
            Route("/story/{sid}/link/{n:int}", link),
            Route("/static/{name}", static),
        ],
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts)),
        ],
        exception_handlers={HTTPException: http_error},
        lifespan=lifespan,
    )
    app.state.catalog = catalog
    app.state.story_parts = story_parts
    return app


def _day(value: str) -> str:
    return value if _DAY.fullmatch(value) else ""


def _page_number(value: str) -> int:
    return int(value) if value.isdigit() and 0 < len(value) < 7 and int(value) > 0 else 1
