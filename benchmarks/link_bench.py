"""Linking benchmark: storytrace's linking on synthetic corpora with known stories, story
quality against the generated truth, and a plain MinHash-only baseline on the same documents.

Per size: a ``corpusgen.py`` corpus (7 languages, HTML + text + JSONL) is generated once
(``--corpus-dir`` keeps it) and ingested once into ``ingested-N.db`` in a child process
(reused by later runs with ``--reuse-ingest``: ingest is measured when it runs and its
record is kept beside the store). Linking then runs in another child on a copy of that
store, with the embedder tier of ``--embedder`` (default ``auto``: e5 for small piles,
static vectors above), its process tree's RSS and the load sampled; per stage seconds,
docs/s for the same-language stage (MinHash candidates + same-language comparisons) and
the cross-language stage (facts, static fit and vectors, fact and vector candidates,
cross-language comparisons), candidate counts per source, then pairwise P/R/F1/ARI of
``storytrace.eval.stories`` and the baseline: document-level word-3-shingle MinHash LSH
(rensa via ``storytrace.link.shingles``), components as stories. Sizes whose estimate
does not fit the remaining ``--time-budget`` are skipped and recorded with the estimate.
``--seeds-distractors N`` traces the five seed documents with N generated distractors and
checks that the seeds' officer story holds exactly the seeds. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import benchrecord
import corpusgen
import ingest_bench as ib

if TYPE_CHECKING:
    from storytrace.eval.truth import Truth
    from storytrace.models import Document

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "link.jsonl"
SEEDS = ib.REPO.parent / "shared" / "corpus" / "seeds"
OFFICER = "000_a64f1f5a5150dbb5"  # a document of the seeds' officer story (S1)
TARGET_DOCS, TARGET_SECONDS = 100_000, 900.0
# link_store's stages (LinkReport.seconds) without its totals, in order; and how they split
# into the same-language stage and the cross-language stage (facts serve both; they are
# the cross-language stage's candidate signal, so they are counted there).
LINK_STAGES = (
    "passages facts fit embed candidates_minhash candidates_facts candidates_vectors "
    "compare_same compare_cross store_pairs stories derive"
).split()
SAME_STAGES = ("candidates_minhash", "compare_same")
# The static fit embeds a vocabulary capped at LinkOptions.static_max_vocab words: a cold
# store pays it once whatever its size, so it does not grow with the corpus.
FIXED = {"fit": 0.0}
CROSS_STAGES = ("facts", "fit", "embed", "candidates_facts", "candidates_vectors", "compare_cross")


def _progress(stage: str, done: int, total: int | None) -> None:
    if done % 50_000 == 0:  # link_store reports every 500 comparisons
        print(f"  [link] {stage} {done:,}/{total or 0:,}", file=sys.stderr, flush=True)


def _cpu_seconds() -> float:
    who = (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    return sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, who))


def pair_scores(
    truth_groups: Sequence[Sequence[str]], pred_groups: Sequence[Sequence[str]], keep: set[str]
) -> dict[str, Any]:
    """Pairwise story P/R/F1 and ARI of document groupings, in time linear in the documents.

    Pairs are unordered document pairs sharing a story (``score_stories``' definition),
    restricted to ``keep``. A predicted story of more than 2,000 documents is not expanded:
    its pairs are counted (C(n, 2)) and its true pairs found among the truth pairs. ARI
    labels each document with one story on each side (the first truth story; the largest
    predicted one) — mashup pages, in two stories, are 1 % of the documents.
    ``storytrace.eval.stories.score_stories`` gives the same pairs but compares every
    predicted story with every truth story (quadratic: minutes at 10k documents).
    """
    from storytrace.eval.stories import adjusted_rand_index, co_membership_pairs

    t_pairs = co_membership_pairs([d for d in g if d in keep] for g in truth_groups)
    small: list[set[str]] = []
    big_pairs = big_tp = 0
    for g in pred_groups:
        members = {d for d in g if d in keep}
        if len(members) > 2000:
            big_pairs += len(members) * (len(members) - 1) // 2
            big_tp += sum(1 for a, b in t_pairs if a in members and b in members)
        else:
            small.append(members)
    p_pairs = co_membership_pairs(small)
    tp = len(t_pairs & p_pairs) + big_tp
    fp = len(p_pairs - t_pairs) + big_pairs - big_tp
    fn = len(t_pairs) - tp
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    t_label: dict[str, int] = {}
    for i, g in enumerate(truth_groups):
        for d in g:
            if d in keep:
                t_label.setdefault(d, i)
    size: dict[str, int] = {}
    p_label: dict[str, int] = {}
    for i, g in enumerate(pred_groups):
        for d in g:
            if d in keep and len(g) > size.get(d, 0):
                size[d], p_label[d] = len(g), i
    docs = sorted(t_label)
    ari = adjusted_rand_index(
        [str(t_label[d]) for d in docs], [str(p_label.get(d, f"single:{d}")) for d in docs]
    )
    return dict(
        precision=precision, recall=recall, f1=f1, ari=ari, tp=tp, fp=fp, fn=fn,
        stories=len(pred_groups), truth_stories=len(truth_groups),
    )  # fmt: skip


def quality(truth: Truth, report: Mapping[str, Any], stored: set[str]) -> dict[str, Any]:
    """Pairwise P/R/F1 and ARI (:func:`pair_scores`) against all truth documents and
    against the stored ones only (documents whose cleaned text duplicates another's are
    stored once, under the other id, and are missing from the report)."""
    truth_groups = [list(s.documents) for s in truth.stories]
    known = {d.id for d in truth.documents} | {d for g in truth_groups for d in g}
    pred = [list(s["documents"]) for s in report["stories"]]
    return {
        "all": pair_scores(truth_groups, pred, known),
        "stored": pair_scores(truth_groups, pred, known & stored),
    }


def baseline(
    docs: Sequence[Document], truth: Truth, threshold: float, num_perm: int, verify: bool
) -> dict[str, Any]:
    """Document-level word-3-shingle MinHash LSH over the stored texts, components = stories."""
    from storytrace.eval.baselines import components
    from storytrace.link.shingles import lsh_pairs, shingles, signatures, tokens

    t0 = time.perf_counter()
    ids = [d.id for d in docs]
    sets = [shingles(tokens(d.text), 3) for d in docs]
    t1 = time.perf_counter()
    sigs = signatures(sets, num_perm=num_perm)
    t2 = time.perf_counter()
    pairs = lsh_pairs(ids, sigs, threshold, num_perm, verify=verify)
    t3 = time.perf_counter()
    comps = components(ids, pairs)
    t4 = time.perf_counter()
    stories = [{"id": f"b{i}", "documents": c} for i, c in enumerate(comps)]
    laps = dict(
        zip(
            ("shingles", "signatures", "lsh", "components"),
            (t1 - t0, t2 - t1, t3 - t2, t4 - t3),
            strict=True,
        )
    )
    return {
        "seconds": laps,
        "total_seconds": t4 - t0,
        "candidate_pairs": len(pairs),
        "stories": len(comps),
        "multi_doc_stories": sum(1 for c in comps if len(c) > 1),
        "quality": quality(truth, {"documents": [], "stories": stories}, set(ids)),
        "eval_seconds": time.perf_counter() - t4,
    }


def child_ingest(p: dict[str, Any]) -> dict[str, Any]:
    """Child body: ingest the corpus into ``p["db"]`` (no linking)."""
    started = time.perf_counter()
    from storytrace import Options, open_store
    from storytrace.pipeline import trace_inputs

    with open_store(p["db"]) as store:
        t0 = time.perf_counter()
        options = Options(db=p["db"], workers=p["workers"])
        res = trace_inputs([p["corpus"]], options=options, store=store, link=False)
        seconds = time.perf_counter() - t0
        stored = len(store)
    reasons: dict[str, int] = {}
    for prob in res.ingest.problems:
        reasons[prob.reason] = reasons.get(prob.reason, 0) + 1
    return {
        "docs": len(res.ingest.ids),
        "stored": stored,
        "existing": len(res.ingest.existing),
        "problems": reasons,
        "seconds": seconds,
        "report_seconds": res.ingest.seconds,
        "cpu_seconds": _cpu_seconds(),
        "child_seconds": time.perf_counter() - started,
    }


def child_link(p: dict[str, Any]) -> dict[str, Any]:
    """Child body: link the (copied, ingested) store, score it, run the baseline."""
    started = time.perf_counter()
    from storytrace import open_store
    from storytrace.eval.truth import parse_truth
    from storytrace.link.run import link_store, load_stories
    from storytrace.options import LinkOptions

    out: dict[str, Any] = {"import_seconds": time.perf_counter() - started}
    opts = dataclasses.replace(LinkOptions(), embedder=p["embedder"], derive=p["derive"])
    with open_store(p["db"]) as store:
        t0, cpu0 = time.perf_counter(), _cpu_seconds()
        link = link_store(store, options=opts, progress=_progress, workers=p["workers"])
        out["link_seconds"] = time.perf_counter() - t0
        out["link_cpu_seconds"] = _cpu_seconds() - cpu0
        # peak RSS of this process alone (the tree figure counts forked pages per worker)
        out["maxrss_self_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        docs = list(store.documents())
        ids = sorted(d.id for d in docs)
        # the stories as the report lists them (the full report is not needed to score)
        stories = [{"id": s.id, "documents": list(s.documents)} for s in load_stories(store)]
        report = {"stories": stories}
    truth = parse_truth(json.loads((Path(p["corpus"]).parent / "truth.json").read_text("utf-8")))
    t0 = time.perf_counter()
    out["quality"] = quality(truth, report, set(ids))
    out["eval_seconds"] = time.perf_counter() - t0
    out["baseline"] = baseline(docs, truth, p["threshold"], opts.num_perm, p["verify"])
    out.update(stored=len(ids), passages=link.passages, tier=link.tier)
    out.update(stage_seconds=dict(link.seconds), candidates=dict(link.candidates))
    out.update(compared=link.newly_compared, links=link.links, weak_links=link.weak_links)
    out.update(stories=len(link.stories))
    out["multi_doc_stories"] = sum(1 for s in link.stories if len(s.documents) > 1)
    out.update(cpu_seconds=_cpu_seconds(), child_seconds=time.perf_counter() - started)
    out["package"] = str(Path(sys.modules["storytrace"].__file__ or "?").parent)
    return out


def child_seeds(p: dict[str, Any]) -> dict[str, Any]:
    """Child body for ``--seeds-distractors``: trace seeds + distractors, check story S1."""
    from storytrace import Options, open_store
    from storytrace.options import LinkOptions
    from storytrace.pipeline import trace_inputs, trace_report

    with open_store(p["db"]) as store:
        t0 = time.perf_counter()
        link = dataclasses.replace(LinkOptions(), embedder=p["embedder"])
        options = Options(db=p["db"], workers=p["workers"], link=link)
        res = trace_inputs(p["inputs"], options=options, store=store, link_progress=_progress)
        seconds = time.perf_counter() - t0
        report = trace_report(store, res.ingest.ids)
    seeds = sorted(p["seeds"])
    holding = [s for s in report["stories"] if OFFICER in s["documents"]]
    story = sorted(holding[0]["documents"]) if holding else []
    heads = {d["id"]: d.get("title") or d["text"][:80] for d in report["documents"]}
    stories = report["stories"]
    out: dict[str, Any] = {"passed": len(holding) == 1 and story == seeds}
    out |= {"story_id": holding[0]["id"] if holding else None, "stories_holding": len(holding)}
    out["docs"] = len(res.ingest.ids)
    out |= {"story_documents": [[d, heads.get(d)] for d in story], "stories": len(stories)}
    out["seed_memberships"] = {
        d: [[s["id"], len(s["documents"])] for s in stories if d in s["documents"]] for d in seeds
    }
    out.update(seeds_ingested=sorted(set(seeds) & set(res.ingest.ids)), seconds=seconds)
    out["stage_seconds"] = {"ingest": res.ingest.seconds} | (res.link.seconds if res.link else {})
    out["tier"] = res.link.tier if res.link else None
    return out | {"cpu_seconds": _cpu_seconds()}


def launch(payload: dict[str, Any], src: Path, *, fresh: bool = True) -> dict[str, Any]:
    """Run one child (on a fresh store unless ``fresh`` is false) and sample the RSS of its
    process tree and the machine's load."""
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{payload['db']}{suffix}").unlink(missing_ok=True)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", json.dumps(payload)]
    load = os.getloadavg()[0]
    started = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=ib._child_env(src))
    sampler = ib.TreeSampler(child.pid)
    sampler.start()
    loads: list[float] = []
    while child.poll() is None and len(loads) < 100_000:  # the machine is shared: log load
        loads.append(os.getloadavg()[0])
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            continue
    out, _ = child.communicate()  # the child's stderr (progress, errors) goes to ours
    sampler.stop()
    if child.returncode != 0:
        raise RuntimeError(f"child failed (exit {child.returncode}); see its stderr above")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result.update(wall_seconds=time.perf_counter() - started, load_before=round(load, 2))
    result.update(
        peak_rss_tree_mb=round(sampler.peak_mb, 1), load_after=round(os.getloadavg()[0], 2)
    )
    if loads:
        result["load_during"] = {"mean": round(sum(loads) / len(loads), 2), "max": max(loads)}
    return result


def estimate(refs: Sequence[dict[str, Any]], size: int) -> dict[str, float]:
    """Seconds per stage (ingest and link stages) at ``size`` docs, scaled from the largest
    measured run: with two measured sizes each stage's exponent is fitted (clamped to
    1-2), else linear (the candidate stages keep the partners per document bounded); the
    static fit (capped vocabulary) is a fixed cost."""
    a = refs[-1]
    out: dict[str, float] = {}
    for stage, ta in a["stage_seconds"].items():
        if stage in ("candidates", "compare"):  # totals of sub-stages
            continue
        exp = FIXED.get(stage, 1.0)
        if len(refs) >= 2:
            tb = refs[-2]["stage_seconds"].get(stage, 0.0)
            if exp and ta >= 0.5 and tb > 0 and a["docs"] != refs[-2]["docs"]:
                fitted = math.log(ta / tb) / math.log(a["docs"] / refs[-2]["docs"])
                exp = min(2.0, max(1.0, fitted))
        out[stage] = ta * (size / a["docs"]) ** exp
    out["total"] = sum(out.values())
    return out


def _f(x: float) -> str:
    return f"{x:,.1f}" if x < 100 else f"{x:,.0f}"


def _sum(r: dict[str, Any], keys: Sequence[str]) -> float:
    return sum(r["stage_seconds"].get(k, 0.0) for k in keys)


_SPEED_HEAD = (
    "docs", "passages", "tier", "ingest s (docs/s)", "same-lang stage s (docs/s)",
    "cross-lang stage s (docs/s)", "of which fit s", "candidates m/f/v", "compared",
    "stories s", "derive s", "link s", "ingest+link s", "peak RSS MB (ingest / link)", "load",
)  # fmt: skip


def _speed_row(r: dict[str, Any]) -> tuple[object, ...]:
    s, c, n = r["stage_seconds"], r["candidates"], r["docs"]
    same, cross = _sum(r, SAME_STAGES), _sum(r, CROSS_STAGES)
    ing = r["ingest"]["seconds"]
    return (
        f"{n:,}",
        f"{r['passages']:,}",
        r["tier"],
        f"{_f(ing)} ({n / ing:.0f})",
        f"{_f(same)} ({n / max(same, 1e-9):,.0f})",
        f"{_f(cross)} ({n / max(cross, 1e-9):,.0f})",
        _f(s.get("fit", 0.0)),
        f"{c.get('minhash', 0):,} / {c.get('facts', 0):,} / {c.get('vectors', 0):,}",
        f"{r['compared']:,}",
        _f(s["stories"]),
        _f(s.get("derive", 0.0)),
        _f(r["link_seconds"]),
        _f(ing + r["link_seconds"]),
        f"{r['ingest'].get('peak_rss_tree_mb') or 0:.0f} / {r['peak_rss_tree_mb']:.0f}",
        f"{r['load_before']:.1f}-{r.get('load_during', {}).get('max', r['load_after']):.1f}",
    )


def speed_table(rows: Sequence[dict[str, Any]]) -> str:
    return benchrecord.markdown_table(_SPEED_HEAD, map(_speed_row, rows))


def quality_table(rows: Sequence[dict[str, Any]]) -> str:
    head = (
        "docs", "system", "seconds", "stories (multi-doc)", "P", "R", "F1", "ARI",
        "P / R / F1 on stored docs",
    )  # fmt: skip
    out: list[tuple[object, ...]] = []
    for r in rows:
        bl = r["baseline"]
        for name, secs, q, n, multi in (
            ("storytrace", r["link_seconds"], r["quality"], r["stories"], r["multi_doc_stories"]),
            ("MinHash baseline", bl["total_seconds"], bl["quality"], bl["stories"],
             bl["multi_doc_stories"]),
        ):  # fmt: skip
            a, st = q["all"], q["stored"]
            out.append(
                (
                    f"{r['docs']:,}",
                    name,
                    _f(secs),
                    f"{n:,} ({multi:,})",
                    *(f"{a[k]:.3f}" for k in ("precision", "recall", "f1", "ari")),
                    f"{st['precision']:.3f} / {st['recall']:.3f} / {st['f1']:.3f}",
                )
            )
    return benchrecord.markdown_table(head, out)


def describe(r: dict[str, Any]) -> list[str]:
    """The per-stage numbers of one run, each saying what it covers."""
    s, n, ing = r["stage_seconds"], r["docs"], r["ingest"]
    same, cross = _sum(r, SAME_STAGES), _sum(r, CROSS_STAGES)
    q, b = r["quality"]["stored"], r["baseline"]["quality"]["stored"]
    return [
        f"ingest: {n:,} docs ({r['stored']:,} stored) in {ing['seconds']:.1f} s = "
        f"{n / ing['seconds']:.0f} docs/s, CPU {ing['cpu_seconds']:.0f} s, peak RSS "
        f"{ing.get('peak_rss_tree_mb') or 0:.0f} MB{' (reused)' if ing.get('reused') else ''}",
        f"link ({r['tier']} tier): {r['link_seconds']:.1f} s, CPU {r['link_cpu_seconds']:.0f} s;"
        " stages " + ", ".join(f"{k} {s[k]:.1f}" for k in LINK_STAGES if k in s),
        f"same-language stage (MinHash candidates + same-language comparisons): {same:.1f} s "
        f"= {n / max(same, 1e-9):,.0f} docs/s",
        f"cross-language stage (facts, static fit + vectors, fact + vector candidates, "
        f"cross-language comparisons): {cross:.1f} s = {n / max(cross, 1e-9):,.0f} docs/s",
        f"candidates {r['candidates']}, {r['compared']:,} compared, {r['links']:,} links "
        f"({r['weak_links']:,} dropped: only common facts), {r['stories']:,} stories "
        f"({r['multi_doc_stories']:,} multi-document)",
        f"quality on stored docs: storytrace P {q['precision']:.3f} R {q['recall']:.3f} F1 "
        f"{q['f1']:.3f}; MinHash baseline P {b['precision']:.3f} R {b['recall']:.3f} F1 "
        f"{b['f1']:.3f}",
        f"peak RSS (link child tree) {r['peak_rss_tree_mb']:.0f} MB (the link process "
        f"alone {r['maxrss_self_mb']:.0f} MB); 1-min load "
        f"{r['load_before']} -> {r['load_after']} (during: {r.get('load_during')})",
    ]


def target_note(refs: Sequence[dict[str, Any]]) -> tuple[str, dict[str, float]]:
    """The 100k-document / 15-minute target against the measured or estimated run."""
    a = refs[-1]
    if a["docs"] >= TARGET_DOCS:
        total = a["ingest"]["seconds"] + a["link_seconds"]
        return (
            f"target {TARGET_DOCS:,} docs in {TARGET_SECONDS / 60:.0f} min: measured "
            f"{total / 60:.1f} min (ingest {a['ingest']['seconds'] / 60:.1f} + link "
            f"{a['link_seconds'] / 60:.1f}), {total / TARGET_SECONDS:.2f}x the target",
            {},
        )
    est = estimate(refs, TARGET_DOCS)
    ing = a["ingest"]["seconds"] * TARGET_DOCS / a["docs"]
    total = est["total"] + ing
    return (
        f"target {TARGET_DOCS:,} docs in {TARGET_SECONDS / 60:.0f} min: estimated "
        f"{total / 60:.1f} min from the {a['docs']:,}-doc run (ingest {ing / 60:.1f} min, "
        f"linear; link {est['total'] / 60:.1f} min)",
        est,
    )


def _ingested(
    args: argparse.Namespace, work: Path, src: Path, size: int, corpus: Path
) -> dict[str, Any]:
    """The ingested store of a corpus: reused (with its recorded figures) or made now."""
    db, meta = work / f"ingested-{size}.db", work / f"ingested-{size}.json"
    manifest = json.loads((corpus.parent / "manifest.json").read_text("utf-8"))
    key = {"version": manifest["version"], "params": manifest["params"]}
    if args.reuse_ingest and db.exists() and meta.exists():
        rec: dict[str, Any] = json.loads(meta.read_text("utf-8"))
        if rec.get("corpus") == key:
            return rec | {"reused": True}
    payload = dict(mode="ingest", corpus=str(corpus), db=str(db), workers=args.workers)
    print(f"[{size:,} docs] ingesting {corpus} ...", flush=True)
    rec = launch(payload, src) | {"corpus": key}
    meta.write_text(json.dumps(rec), encoding="utf-8")
    return rec


def run_sizes(args: argparse.Namespace, work: Path, src: Path) -> dict[str, Any]:
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    langs = tuple(x.strip() for x in args.langs.split(",") if x.strip())
    start = time.perf_counter()
    refs: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    skipped: list[dict[str, Any]] = []
    for size in sizes:
        left = args.time_budget - (time.perf_counter() - start)
        est = estimate(refs, size) if refs else {}
        if est and est["total"] > left:
            reason = f"estimated link {est['total']:,.0f} s > {left:,.0f} s left of the "
            reason += f"{args.time_budget:.0f} s budget (from the {refs[-1]['docs']:,}-doc run)"
            print(f"[{size:,} docs] SKIPPED: {reason}", flush=True)
            skipped.append({"size": size, "estimate_seconds": est, "reason": reason})
            continue
        corpus, gen_s = ib.ensure_corpus(work, size, args.seed, langs, args.html_share)
        note = f"generated in {gen_s:.1f} s" if gen_s is not None else "reused"
        print(f"[{size:,} docs] corpus {corpus} ({note})", flush=True)
        ingest = _ingested(args, work, src, size, corpus)
        db, ingested = work / f"link-{size}.db", work / f"ingested-{size}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
            if Path(f"{ingested}{suffix}").exists():
                shutil.copyfile(f"{ingested}{suffix}", f"{db}{suffix}")
        payload = dict(mode="link", corpus=str(corpus), db=str(db), workers=args.workers)
        payload |= {"threshold": args.baseline_threshold, "verify": args.baseline_verify}
        payload |= {"embedder": args.embedder, "derive": not args.no_derive}
        print(f"[{size:,} docs] linking ({args.embedder}) ...", flush=True)
        r = launch(payload, src, fresh=False)
        r.update(size=size, docs=ingest["docs"], ingest=ingest, corpus_generation_seconds=gen_s)
        r["estimated_seconds"] = est or None
        print("\n".join(f"[{size:,} docs] {line}" for line in describe(r)), flush=True)
        rows.append(r)
        refs.append(r)
    if rows:
        print("\n" + speed_table(rows) + "\n\n" + quality_table(rows) + "\n")
    note, target_est = target_note(refs) if refs else ("no measurement", {})
    print(note)
    return {
        "params": vars(args) | {"generator": corpusgen.GENERATOR_VERSION},
        "results": rows,
        "skipped": skipped,
        "target": {"note": note, "estimate_seconds": target_est},
    }


def run_seeds(args: argparse.Namespace, work: Path, src: Path) -> dict[str, Any] | None:
    seeds_in = SEEDS / "input"
    if not seeds_in.is_dir():
        print(f"seed corpus not found at {seeds_in}: skipping --seeds-distractors")
        return None
    langs = tuple(x.strip() for x in args.langs.split(",") if x.strip())
    n = args.seeds_distractors
    corpus, _ = ib.ensure_corpus(work, n, args.seed, langs, args.html_share)
    seeds = sorted(p.stem for p in seeds_in.iterdir() if p.is_file())
    inputs, db = [str(seeds_in), str(corpus)], str(work / f"seeds-{n}.db")
    payload = dict(mode="seeds", inputs=inputs, db=db, workers=args.workers, seeds=seeds)
    payload["embedder"] = args.embedder
    print(f"tracing {len(seeds)} seed documents + {n:,} distractors ({corpus}) ...", flush=True)
    r = launch(payload, src)
    verdict = "PASS" if r["passed"] else "FAIL"
    print(
        f"{verdict}: the story holding {OFFICER} ({r['story_id']}) has "
        f"{len(r['story_documents'])} documents (expected the {len(seeds)} seeds):"
    )
    for doc, title in r["story_documents"]:
        print(f"  {doc}  {title}")
    if not r["passed"]:
        print(f"seed memberships (story, size): {r['seed_memberships']}")
    print(
        f"{r['docs']:,} documents, {r['stories']:,} stories in {r['seconds']:.1f} s "
        f"({r['tier']} tier) "
        f"(stages {', '.join(f'{k} {v:.1f}' for k, v in r['stage_seconds'].items())}); "
        f"peak RSS {r['peak_rss_tree_mb']:.0f} MB; load {r['load_before']} -> {r['load_after']}"
    )
    return {"params": vars(args) | {"generator": corpusgen.GENERATOR_VERSION}, "seeds": r}


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--sizes", default="1000", help="corpus sizes, e.g. 1000,10000,100000")
    ap.add_argument("--workers", type=int, default=0, help="ingest workers (0 = one per core)")
    ap.add_argument("--corpus-dir", help="keep/reuse generated corpora here (docs-N-seedS/)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--langs", default=",".join(corpusgen.LANGS))
    ap.add_argument("--html-share", type=float, default=0.5)
    ap.add_argument("--time-budget", type=float, default=3600.0, help="seconds (default 3600)")
    tiers = "embedder tier: auto (default), e5, static or hash (see link/tiers.py)"
    ap.add_argument(
        "--embedder", default="auto", choices=("auto", "e5", "static", "hash"), help=tiers
    )
    ap.add_argument("--no-derive", action="store_true", help="skip the derivation stage")
    reuse = "reuse WORK/ingested-N.db (and its recorded ingest figures) when the corpus matches"
    ap.add_argument("--reuse-ingest", action="store_true", help=reuse)
    ap.add_argument("--baseline-threshold", type=float, default=0.5, help="baseline LSH threshold")
    verify = "baseline keeps only LSH pairs whose estimated Jaccard reaches the threshold"
    ap.add_argument("--baseline-verify", action="store_true", help=verify)
    seeds = "instead: trace the 5 seed documents with N generated distractors; check S1"
    ap.add_argument("--seeds-distractors", type=int, metavar="N", help=seeds)
    ap.add_argument("--results", default=str(RESULTS), help="JSONL file to append the run to")
    ap.add_argument("--no-record", action="store_true", help="do not append to --results")
    ap.add_argument("--live-src", action="store_true", help="run src/ in place, no snapshot")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        payload = json.loads(args.child)
        bodies = {"seeds": child_seeds, "ingest": child_ingest, "link": child_link}
        body = bodies[payload["mode"]]
        print(json.dumps(body(payload)))
        return 0
    work = Path(args.corpus_dir or tempfile.mkdtemp(prefix="storytrace-link-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    head = benchrecord.header("link")
    mach, commit, date = head["machine"], head["commit"], head["date"]
    src = ib.REPO / "src" if args.live_src else work / "src-snapshot-link"
    src_digest = None if args.live_src else ib.snapshot_src(src)
    print(
        f"machine: {mach['cpu_count']} CPUs ({mach['cpus_usable']} usable), {mach['cpu_model']},"
        f" {mach.get('memory_gb')} GB RAM, Python {mach['python']}; commit {commit or 'unknown'}"
        f" (src snapshot {src_digest or 'off'}), {date}, work dir {work}"
    )
    if args.seeds_distractors is not None:
        body_out = run_seeds(args, work, src)
        if body_out is None:
            return 0
        mode = "seeds-distractors"
    else:
        body_out = run_sizes(args, work, src)
        mode = "sizes"
    if not args.no_record:
        record: dict[str, Any] = {**head, "mode": mode, "src_digest": src_digest, **body_out}
        benchrecord.append_record(args.results, record)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
