"""End to end in headless Chromium: the seeds' HTML report, hostile documents, the viewer.

Runs with ``make test-browser`` (``pytest -m browser``). Drives Debian's ``chromium`` through
Playwright with ``executable_path`` (Playwright never downloads a browser here), with
``--headless --no-sandbox --disable-gpu`` and a fresh user-data-dir per session. Screenshots
go to ``artifacts/screenshots/`` (gitignored; CI prints their paths).
"""

from __future__ import annotations

import json
import re
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from storytrace.link.run import DERIVED
from storytrace.options import Options
from storytrace.pipeline import trace_inputs, trace_report
from storytrace.report.html import write_html
from storytrace.store import open_store
from tests.conftest import REPO
from tests.report.test_html import inject_change, malicious_store

pytestmark = pytest.mark.browser

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="needs the browser extra: pip install -e '.[browser]'"
)
uvicorn = pytest.importorskip("uvicorn", reason="needs the web extra")

SHOTS = REPO / "artifacts" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu"]


@pytest.fixture(scope="session")
def chromium() -> str:
    path = shutil.which("chromium")
    if path is None:
        pytest.skip("no system chromium (apt-get install chromium chromium-driver)")
    return path


@pytest.fixture(scope="session")
def context(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    profile = tmp_path_factory.mktemp("chromium-profile")  # a fresh user-data-dir
    SHOTS.mkdir(parents=True, exist_ok=True)
    with playwright_api.sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=chromium,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000},
        )
        yield ctx
        ctx.close()


@dataclass
class Watched:
    """A page with its console errors, uncaught exceptions and dialogs recorded."""

    page: Any
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return self.errors + [f"dialog: {d}" for d in self.dialogs]


@pytest.fixture
def watched(context: Any) -> Iterator[Watched]:
    page = context.new_page()
    w = Watched(page)
    page.on("console", lambda m: w.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: w.errors.append(f"pageerror: {exc}"))

    def on_dialog(dialog: Any) -> None:
        w.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield w
    page.close()


@dataclass(frozen=True)
class SeedTrace:
    db: Path
    report: dict[str, Any]


@pytest.fixture(scope="session")
def seeds_trace(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> SeedTrace:
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with open_store(db) as store:
        result = trace_inputs([seeds_dir / "input"], options=Options(db=str(db)), store=store)
        report = trace_report(store, result.ingest.ids)
    return SeedTrace(db, report)


def story_with_links(report: dict[str, Any]) -> int:
    return next(i for i, s in enumerate(report["stories"]) if s["links"])


def assert_change_highlighted(page: Any, scope: str) -> None:
    """Changed facts are marked on both sides, coloured, and hovering one lights its partner."""
    src = page.locator(f"{scope} .col.src mark.change")
    tgt = page.locator(f"{scope} .col.tgt mark.change")
    assert src.count() >= 1 and tgt.count() >= 1
    first = src.first
    n = first.get_attribute("data-ch")
    partner = page.locator(f'{scope} .col.tgt mark.change[data-ch="{n}"]').first
    for mark in (first, partner):
        mark.scroll_into_view_if_needed()
        assert mark.is_visible()
        assert mark.get_attribute("title")  # the note as a tooltip
        bg = mark.evaluate("el => getComputedStyle(el).backgroundColor")
        assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    first.hover()
    # assertions that retry: the page reacts to events after the action returns
    playwright_api.expect(partner).to_have_class(re.compile(r"\bhl\b"))


@pytest.mark.seeds
def test_seeds_report_story_link_side_by_side(
    seeds_trace: SeedTrace, watched: Watched, tmp_path: Path
) -> None:
    report = json.loads(json.dumps(seeds_trace.report))
    k = story_with_links(report)
    if not any(lk.get("changes") for lk in report["stories"][k]["links"][:1]):
        inject_change(report, story=k, link=0)  # links[].changes not filled in yet
    html_path = tmp_path / "seeds.html"
    write_html(html_path, report)
    page = watched.page
    started = time.perf_counter()
    page.goto(html_path.as_uri())
    page.wait_for_load_state("load")
    print(f"seeds report loaded in {time.perf_counter() - started:.2f} s")
    assert page.locator("#index").is_visible()
    page.screenshot(path=str(SHOTS / "report-index.png"))

    page.click(f'#index a[href="#s{k}"]')
    story = page.locator(f"#s{k}")
    # the page switches on "hashchange", which fires after the click returns: wait for it
    story.wait_for(state="visible")
    page.locator("#index").wait_for(state="hidden")
    assert story.locator("svg.forest .node").count() == len(report["stories"][k]["documents"])
    page.screenshot(path=str(SHOTS / "report-story.png"), full_page=True)

    page.click(f'#s{k} a.open-link[href="#s{k}-l0"]')
    scope = f"#s{k}-l0"
    page.locator(scope).wait_for(state="visible")
    story.wait_for(state="hidden")
    assert_change_highlighted(page, scope)
    aligned = page.locator(f"{scope} .col.src [data-al]").first
    aligned.scroll_into_view_if_needed()
    aligned.hover()
    playwright_api.expect(page.locator(f"{scope} .col.tgt .al.hl")).not_to_have_count(0)
    page.locator(f"{scope} .col.src mark.change").first.hover()
    page.screenshot(path=str(SHOTS / "report-side-by-side.png"))
    assert watched.problems() == []


def test_hostile_documents_run_no_script(watched: Watched, tmp_path: Path) -> None:
    db, ids = malicious_store(tmp_path)
    with open_store(db) as store:
        report = trace_report(store, ids)
    html_path = tmp_path / "evil.html"
    write_html(html_path, report)
    page = watched.page
    page.goto(html_path.as_uri())
    page.click('#index a[href="#s0"]')
    page.click('#s0 a.open-link[href="#s0-l0"]')
    page.locator("#s0-l0").wait_for(state="visible")  # switched on "hashchange", after the click
    for el in page.locator("#s0-l0 mark.change, #s0-l0 [data-al]").all():
        el.hover()
    page.locator("#s0-l0 button.goto").first.click()
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#s0-l0 img, #s0-l0 textarea, #s0-l0 svg[onload]").count() == 0
    page.screenshot(path=str(SHOTS / "report-hostile.png"))
    assert watched.problems() == []


@pytest.fixture
def served(request: pytest.FixtureRequest) -> Iterator[Any]:
    """``serve(db)`` runs the viewer under uvicorn in a thread; yields its base URL."""
    from storytrace.web import create_app

    servers: list[tuple[Any, threading.Thread]] = []

    def serve(db: Path) -> str:
        config = uvicorn.Config(create_app(db), host="127.0.0.1", port=0, log_level="warning")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        servers.append((server, thread))
        port = server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    yield serve
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.mark.seeds
def test_served_viewer(
    seeds_trace: SeedTrace, served: Any, watched: Watched, tmp_path: Path
) -> None:
    db = tmp_path / "viewer.db"
    shutil.copyfile(seeds_trace.db, db)  # closed, so checkpointed: the file is the store
    with open_store(db) as dst:
        # one injected change in the copy (links[].changes is filled by another stage)
        derived = dst.get_state(DERIVED)
        report = trace_report(dst, dst.ids())
        k = story_with_links(report)
        sid = report["stories"][k]["id"]
        if not any(lk.get("changes") for lk in derived[sid]["links"][:1]):
            derived[sid]["links"][0]["changes"] = [inject_change(report, story=k, link=0)]
            dst.put_state(DERIVED, {sid: derived[sid]})
    base = served(db)
    page = watched.page
    page.goto(base + "/")
    assert page.locator("table.stories tbody tr").count() == len(report["stories"])
    page.fill('input[name="q"]', "officer")
    page.click('form.search button[type="submit"]')
    page.wait_for_load_state("load")
    assert "q=officer" in page.url
    page.screenshot(path=str(SHOTS / "viewer-search.png"))
    page.click(f'table.stories a[href="/story/{sid}"] >> nth=0')
    page.wait_for_load_state("load")
    assert page.locator("svg.forest").is_visible()
    page.screenshot(path=str(SHOTS / "viewer-story.png"), full_page=True)
    page.click(f'a.open-link[href="/story/{sid}/link/0"]')
    page.wait_for_load_state("load")
    assert_change_highlighted(page, "section.view")
    page.screenshot(path=str(SHOTS / "viewer-side-by-side.png"))
    assert watched.problems() == []


def test_served_hostile_store_runs_no_script(served: Any, watched: Watched, tmp_path: Path) -> None:
    db, _ = malicious_store(tmp_path)
    base = served(db)
    page = watched.page
    for path in ("/", "/story/S1", "/story/S1/link/0", "/?q=%3Cscript%3E"):
        page.goto(base + path)
        for el in page.locator("mark.change, [data-al]").all():
            el.hover()
        assert page.evaluate("window.__pwned") is None
    assert watched.problems() == []
