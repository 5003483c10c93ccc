"""How fast the HTML report opens and the viewer answers.

1. **Seeds report**: trace the seeds (or reuse ``--seeds-db``), build the report, time
   ``render_html`` in Python, then open the file in headless Debian chromium (Playwright,
   ``executable_path``) and time navigation to the ``load`` event and the click path
   index -> story -> side-by-side.
2. **Viewer on a 10k-document store**: generate 10k documents with ``corpusgen.py``, ingest
   them for real, and write the stories of the generator's ``truth.json`` into the store with
   *synthetic* derivation links (truth links; sentence i aligned with sentence i; added and
   dropped tails; a ``number`` change where the first numbers of an aligned pair differ).
   Linking 10k documents is out of reach on 2 cores (``link_bench.py`` estimates 12,000 s),
   and the viewer's cost depends on how much it reads and renders, not on how links were
   found. Then ``storytrace serve``'s app runs under uvicorn on loopback and every timed
   request is a real HTTP GET: story pages cold (first request) and warm, link pages, the
   list and a text search.

Results are printed and appended to ``results/viewer.jsonl``. ``--screenshot PATH`` also
saves the side-by-side view of the seeds' first link (the README's picture).

    .venv/bin/python benchmarks/viewer_bench.py --work /tmp/viewerbench
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(HERE))

import benchrecord  # noqa: E402
from storytrace.ingest.run import ingest_inputs  # noqa: E402
from storytrace.link.run import DERIVED, STORIES  # noqa: E402
from storytrace.models import Segment  # noqa: E402
from storytrace.options import Options  # noqa: E402
from storytrace.pipeline import trace_inputs, trace_report  # noqa: E402
from storytrace.report.html import render_html  # noqa: E402
from storytrace.store import open_store  # noqa: E402

SEEDS = Path(os.environ.get("STORYTRACE_SHARED", REPO.parent / "shared")) / "corpus" / "seeds"
NUMBER = re.compile(r"\d[\d,.\u202f]*\d|\d")


def chromium_version() -> str:
    """``chromium --version``, or ``""`` without chromium."""
    chromium = shutil.which("chromium")
    if not chromium:
        return ""
    out = subprocess.run([chromium, "--version"], capture_output=True, text=True, check=False)
    return out.stdout.strip()


def ms(values: list[float]) -> dict[str, float]:
    xs = sorted(values)
    return {
        "n": len(xs),
        "p50": round(statistics.median(xs) * 1000, 1),
        "p95": round(xs[min(len(xs) - 1, int(0.95 * len(xs)))] * 1000, 1),
        "max": round(xs[-1] * 1000, 1),
    }


# --- 1. the seeds' report in chromium ---------------------------------------------------------


def seeds_report(db: Path) -> dict[str, Any]:
    if not db.exists():
        print(f"tracing the seeds into {db} …", flush=True)
        with open_store(db) as store:
            trace_inputs([SEEDS / "input"], options=Options(db=str(db)), store=store)
    with open_store(db) as store:
        return trace_report(store, store.ids())


def bench_seeds(db: Path, work: Path, repeat: int, screenshot: Path | None) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    report = seeds_report(db)
    render_html(report)  # compile the templates once, as a long-running process would
    renders = []
    for _ in range(repeat):
        t = time.perf_counter()
        html = render_html(report)
        renders.append(time.perf_counter() - t)
    path = work / "seeds.html"
    path.write_text(html, encoding="utf-8")
    k = next((i for i, s in enumerate(report["stories"]) if s["links"]), 0)
    loads, nav, clicks = [], [], []
    with sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            tempfile.mkdtemp(prefix="chromium-", dir=work),
            executable_path=shutil.which("chromium"),
            headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu"],
            viewport={"width": 1400, "height": 1000},
        )
        for _ in range(repeat):
            page = ctx.new_page()
            t = time.perf_counter()
            page.goto(path.as_uri(), wait_until="load")
            loads.append(time.perf_counter() - t)
            entry = page.evaluate(
                "() => { const e = performance.getEntriesByType('navigation')[0];"
                " return [e.domContentLoadedEventEnd, e.loadEventEnd]; }"
            )
            nav.append(entry[1] / 1000)
            t = time.perf_counter()
            page.click(f'#index a[href="#s{k}"]')
            page.click(f'#s{k} a.open-link[href="#s{k}-l0"]')
            page.locator(f"#s{k}-l0 .sbs").wait_for(state="visible")
            clicks.append(time.perf_counter() - t)
            if screenshot is not None:
                page.locator(f"#s{k}-l0 .col.src [data-al]").nth(1).hover()
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshot))
                screenshot = None
            page.close()
        ctx.close()
    return {
        "documents": len(report["documents"]),
        "stories": len(report["stories"]),
        "links": sum(len(s["links"]) for s in report["stories"]),
        "html_bytes": len(html.encode()),
        "render_ms": ms(renders),
        "open_to_load_ms": ms(loads),
        "navigation_load_event_ms": ms(nav),
        "index_to_side_by_side_ms": ms(clicks),
    }


# --- 2. the viewer on a 10k-document store ----------------------------------------------------


def build_store(db: Path, corpus: Path, docs: int) -> dict[str, Any]:
    if not (corpus / "truth.json").exists():
        import corpusgen

        corpusgen.generate(corpus, corpusgen.Params(docs=docs, seed=1))
    t = time.perf_counter()
    with open_store(db) as store:
        run = ingest_inputs([corpus / "input"], options=Options(db=str(db)), store=store)
    ingest_s = time.perf_counter() - t
    with open_store(db) as store:
        synthesized = synthesize(store, corpus)
    return {"ingested": len(run.ids), "ingest_s": round(ingest_s, 1), **synthesized}


def synthesize(store: Any, corpus: Path) -> dict[str, Any]:
    """:func:`synthesize_stories` from the corpus's ``truth.json``, timed."""
    t = time.perf_counter()
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    n_links = synthesize_stories(store, truth)
    return {"synthesize_s": round(time.perf_counter() - t, 1), "synthetic_links": n_links}


def synthesize_stories(store: Any, truth: dict[str, Any]) -> int:
    """Stories of the truth with sentence-by-sentence links (see the module docstring)."""
    stored = set(store.ids())
    stories: dict[str, Any] = {}
    owner: dict[str, str] = {}
    for k, s in enumerate(truth["stories"], 1):
        members = [d for d in s["documents"] if d in stored]
        if members:
            sid = f"S{k}"
            stories[sid] = (s, members)
            for d in members:
                owner.setdefault(d, sid)
    docs = {}
    for doc in store.documents(sorted(owner)):
        sid = owner[doc.id]
        segs = [
            Segment(g.start, g.end, "story", story=sid) if g.kind == "unassigned" else g
            for g in doc.segments
        ]
        store.update_segments(doc.id, segs)
        spans = [
            (x.start, x.end)
            for x in doc.sentences
            if segs[x.segment].kind == "story" and segs[x.segment].story == sid
        ]
        docs[doc.id] = (doc.text, spans, sid)
    derived: dict[str, Any] = {}
    n_links = 0
    for sid, (s, members) in stories.items():
        links = []
        for lk in s.get("links", []):
            a, b = docs.get(lk["source"]), docs.get(lk["target"])
            if a is None or b is None or a[2] != sid or b[2] != sid:
                continue
            links.append(synthetic_link(lk, a, b))
        n_links += len(links)
        derived[sid] = {"origin": s.get("origin") or members[0], "links": links}
    store.delete_state(STORIES)
    store.put_state(
        STORIES, {sid: {"title": s["title"], "documents": m} for sid, (s, m) in stories.items()}
    )
    store.delete_state(DERIVED)
    store.put_state(DERIVED, derived)
    return n_links


def synthetic_link(lk: dict[str, Any], a: tuple[Any, ...], b: tuple[Any, ...]) -> dict[str, Any]:
    (ta, sa, _), (tb, sb, _) = a, b
    n = min(len(sa), len(sb))
    alignments, changes = [], []
    for (x0, x1), (y0, y1) in zip(sa[:n], sb[:n], strict=True):
        alignments.append({"source": [x0, x1], "target": [y0, y1], "score": 0.9})
        ma, mb = NUMBER.search(ta, x0, x1), NUMBER.search(tb, y0, y1)
        if ma and mb and ma.group() != mb.group():
            changes.append(
                {
                    "kind": "number",
                    "source": [ma.start(), ma.end()],
                    "target": [mb.start(), mb.end()],
                    "source_text": ma.group(),
                    "target_text": mb.group(),
                    "note": "synthetic",
                }
            )

    def share(spans: list[tuple[int, int]], k: int) -> float:
        total = sum(e - s for s, e in spans) or 1
        return round(sum(e - s for s, e in spans[:k]) / total, 4)

    return {
        "source": lk["source"],
        "target": lk["target"],
        "relation": lk["relation"],
        "tree": True,
        "score": 0.9,
        "coverage": {"source": share(sa, n), "target": share(sb, n)},
        "alignments": alignments,
        "changes": changes,
        "added": [list(x) for x in sb[n:]],
        "dropped": [list(x) for x in sa[n:]],
    }


def bench_server(db: Path, sample: int) -> dict[str, Any]:
    import uvicorn

    from storytrace.web import create_app

    t = time.perf_counter()
    app = create_app(db)
    startup = time.perf_counter() - t
    catalog = app.state.catalog
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    conn = http.client.HTTPConnection("127.0.0.1", port)

    def get(path: str) -> float:
        t = time.perf_counter()
        conn.request("GET", path, headers={"Host": "127.0.0.1"})
        r = conn.getresponse()
        body = r.read()
        took = time.perf_counter() - t
        assert r.status == 200, (path, r.status, body[:200])
        return took

    entries = list(catalog.entries.values())
    biggest = sorted(entries, key=lambda e: -e.row.n_docs)[:20]
    rng = random.Random(1)
    picked = biggest + rng.sample(entries, min(sample, len(entries)))
    cold, warm, link_pages = [], [], []
    for e in picked:
        cold.append(get(f"/story/{e.row.id}"))
        warm.append(get(f"/story/{e.row.id}"))
        if e.row.n_links:
            link_pages.append(get(f"/story/{e.row.id}/link/0"))
    big_cold = cold[: len(biggest)]
    lists = [get("/") for _ in range(5)] + [get("/?page=20") for _ in range(5)]
    words = ("harbour", "Kherson", "völlig", "zzzz", "2025")
    searches = [get("/?q=" + urllib.parse.quote(w)) for w in words]
    conn.close()
    server.should_exit = True
    thread.join(timeout=10)
    return {
        "documents": catalog.n_docs,
        "stories": len(entries),
        "largest_story_docs": biggest[0].row.n_docs if biggest else 0,
        "startup_s": round(startup, 2),
        "story_cold_ms": ms(cold),
        "story_cold_20_largest_ms": ms(big_cold),
        "story_warm_ms": ms(warm),
        "link_page_ms": ms(link_pages),
        "list_ms": ms(lists),
        "text_search_ms": ms(searches),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "viewerbench")
    ap.add_argument("--seeds-db", type=Path, default=None, help="a traced seeds store to reuse")
    ap.add_argument("--store", type=Path, default=None, help="a 10k viewer store to reuse")
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument(
        "--corpus", type=Path, default=None, help="generated corpus (default WORK/corpus-DOCS)"
    )
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--sample", type=int, default=100, help="random stories to request")
    ap.add_argument("--screenshot", type=Path, default=None)
    ap.add_argument("--skip-seeds", action="store_true")
    ap.add_argument("--skip-server", action="store_true")
    ap.add_argument("--results", type=Path, default=HERE / "results" / "viewer.jsonl")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    record: dict[str, Any] = {
        **benchrecord.header("viewer", chromium=chromium_version()),
        "params": {k: str(v) for k, v in vars(args).items()},
    }
    if not args.skip_seeds:
        db = args.seeds_db or args.work / "seeds.db"
        record["seeds"] = bench_seeds(db, args.work, args.repeat, args.screenshot)
        print(json.dumps({"seeds": record["seeds"]}, indent=1), flush=True)
    if not args.skip_server:
        store = args.store or args.work / f"viewer-{args.docs}.db"
        corpus = args.corpus or args.work / f"corpus-{args.docs}"
        if not store.exists():
            print(f"building {store} from {args.docs} generated documents …", flush=True)
            record["build"] = build_store(store, corpus, args.docs)
            print(json.dumps({"build": record["build"]}), flush=True)
        else:
            with open_store(store) as st:
                if not st.get_state(STORIES):  # ingested elsewhere (storytrace ingest)
                    record["build"] = synthesize(st, corpus)
        record["server"] = bench_server(store, args.sample)
        print(json.dumps({"server": record["server"]}, indent=1), flush=True)
    record["machine"]["load_avg_end"] = [round(x, 2) for x in os.getloadavg()]
    benchrecord.append_record(args.results, record)
    print(json.dumps(record["machine"]))


if __name__ == "__main__":
    main()
