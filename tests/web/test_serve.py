"""The read-only viewer (``storytrace serve``) through Starlette's TestClient."""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("starlette", reason="the viewer needs the web extra")
from starlette.testclient import TestClient

import storytrace.web.app as web_app
from storytrace.cli import main
from storytrace.errors import StoreError
from storytrace.link.run import STORIES
from storytrace.store import open_store
from storytrace.web import create_app
from storytrace.web.catalog import Catalog, ReadOnlySQLiteStore
from tests.report.test_html import malicious_store, parse

BASE = "http://127.0.0.1"


@pytest.fixture(scope="module")
def evil_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db, _ = malicious_store(tmp_path_factory.mktemp("evil"))
    return db


@pytest.fixture(scope="module")
def client(evil_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(evil_db), base_url=BASE) as c:
        yield c


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_safe_page(html: str) -> None:
    p = parse(html)
    assert not p.errors
    assert [n for n, _ in p.tags].count("script") == 1
    for name, attrs in p.tags:
        assert name not in ("img", "iframe", "textarea"), name
        assert not any(k.startswith("on") for k in attrs), (name, attrs)
        if name == "script":
            assert attrs == {"src": "/static/viewer.js"}
        for key in ("href", "src", "action"):
            value = attrs.get(key)
            if value is not None:
                assert value.startswith(("/", "https://", "data:,")), value


def test_story_list_search_and_escaping(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert_safe_page(r.text)
    assert "&lt;script&gt;window.__pwned=10&lt;/script&gt;Storm" in r.text
    assert 'href="/story/S1"' in r.text

    def hits(**params: str) -> list[str]:
        page = client.get("/", params=params)
        assert page.status_code == 200
        assert_safe_page(page.text)
        return list(dict.fromkeys(re.findall(r'<td><a href="/story/([^"]+)">', page.text)))

    assert hits(q="wednesday") == ["S1"]  # only in a document's text
    assert hits(q="STORM") == ["S1"]  # case-folded title
    assert hits(q="no such words") == []
    assert hits(lang="en") == ["S1"]
    assert hits(lang="xx") == ["S1"]  # an unknown language is ignored, not an error
    assert hits(**{"from": "2024-03-06", "to": "2024-03-31"}) == ["S1"]
    assert hits(**{"from": "2025-01-01"}) == []
    assert hits(**{"from": "<script>", "page": "-3"}) == ["S1"]  # bad values ignored


def test_story_and_link_pages(client: TestClient) -> None:
    story = client.get("/story/S1")
    assert story.status_code == 200
    assert_safe_page(story.text)
    assert '<svg class="forest"' in story.text
    assert 'href="/story/S1/link/0"' in story.text
    # the https URL becomes an escaped link, the javascript: one stays text
    assert 'href="https://example.org/a?b=&#34;&gt;&lt;script&gt;' in story.text
    assert 'href="javascript:' not in story.text

    link = client.get("/story/S1/link/0")
    assert link.status_code == 200
    assert_safe_page(link.text)
    src, tgt = link.text.split('<div class="col tgt">')
    for side, value in ((src, "4,500"), (tgt, "4,400")):
        assert re.search(
            rf'<mark class="change" data-kind="number" data-ch="0"[^>]*>{value}<', side
        )
        assert 'data-al="0"' in side and 'data-al="1"' in side
    # a hostile kind becomes "other" in the attribute, the note is escaped in the tooltip
    assert 'data-kind="other" data-ch="1"' in src
    assert "&#34;&gt;&lt;img src=x onerror=window.__pwned=11&gt;" in src
    assert '<span class="added"' in tgt and '<span class="dropped"' in src


@pytest.mark.parametrize(
    "path",
    [
        "/story/S2",
        "/story/S1/link/1",
        "/story/S1/link/-1",
        "/static/../pyproject.toml",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static/..%2f..%2fpyproject.toml",
        "/static/html.py",
        "/static/",
        "/templates/base.html",
        "/etc/passwd",
        "/story/<script>alert(1)</script>",
    ],
)
def test_only_its_own_routes(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert "<script>alert" not in r.text
    assert r.headers["content-security-policy"].startswith("default-src 'none'")


def test_static_assets(client: TestClient) -> None:
    css = client.get("/static/viewer.css")
    js = client.get("/static/viewer.js")
    assert css.status_code == js.status_code == 200
    assert css.headers["content-type"].startswith("text/css")
    assert js.headers["content-type"].startswith("text/javascript")


def test_security_headers_on_every_response(client: TestClient) -> None:
    for r in (client.get("/"), client.get("/nope"), client.post("/")):
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
    assert client.post("/").status_code == 405


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example", "localhost.evil"])
def test_unknown_host_header_rejected(client: TestClient, host: str) -> None:
    r = client.get("/", headers={"host": host})
    assert r.status_code == 400
    assert r.headers["x-content-type-options"] == "nosniff"


def test_known_hosts_with_port(client: TestClient) -> None:
    for host in ("localhost:8000", "127.0.0.1:8123", "localhost"):
        assert client.get("/", headers={"host": host}).status_code == 200


def test_store_is_never_written(tmp_path: Path) -> None:
    db, _ = malicious_store(tmp_path)
    before = digest(db)
    with TestClient(create_app(db), base_url=BASE) as c:
        for path in ("/", "/story/S1", "/story/S1/link/0", "/?q=storm"):
            assert c.get(path).status_code == 200
    assert digest(db) == before
    ro = ReadOnlySQLiteStore(db)
    with pytest.raises(StoreError):
        ro.put_state("x", {"a": 1})
    ro.close()
    assert digest(db) == before


def test_refuses_what_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        Catalog(tmp_path / "missing.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError):
        Catalog(junk)
    assert not (tmp_path / "missing.db").exists()


def test_story_cache_is_bounded(
    evil_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "two.db"
    shutil.copyfile(evil_db, db)
    with open_store(db) as store:  # a second story, so that one must be evicted
        store.put_state(STORIES, {"S2": {"title": "Second", "documents": ["evil_a"]}})
    assert web_app.CACHE_STORIES == 64
    monkeypatch.setattr(web_app, "CACHE_STORIES", 1)
    app = create_app(db)
    catalog, parts = app.state.catalog, app.state.story_parts
    assert sorted(catalog.entries) == ["S1", "S2"]
    first = parts("S1")
    assert parts("S1") is first
    parts("S2")
    assert parts("S1") is not first  # evicted by S2
    info = parts.cache_info()
    assert info.maxsize == 1 and info.currsize == 1
    assert catalog.story_report("nope") is None
    catalog.close()


def test_serve_command_help_and_missing_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    r = runner.invoke(main, ["serve", "--help"])
    assert r.exit_code == 0 and "127.0.0.1" in r.output and "read-only" in r.output
    r = runner.invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 1 and "no store at" in r.output
    monkeypatch.chdir(tmp_path)  # --db defaults to ./storytrace.db, as for stories and show
    r = runner.invoke(main, ["serve"])
    assert r.exit_code == 1 and "no store at storytrace.db" in r.output
