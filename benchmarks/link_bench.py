"""Linking benchmark: storytrace's ingest + story linking on synthetic corpora, story quality
against the generated truth, and a plain MinHash-only baseline on the same documents.

Per size: a ``corpusgen.py`` corpus (7 languages, HTML + text + JSONL) is traced with
``trace_inputs`` into a fresh SQLite store in a child process (its process tree's RSS sampled),
then the same-language MinHash candidates and the vector range search are re-timed on the
same passages with the same kernels (``link_store`` times them as one ``candidates`` stage),
the report is scored with ``storytrace.eval.stories`` and the baseline runs: document-level
word-3-shingle MinHash LSH (rensa via ``storytrace.link.shingles``), components as stories.
Sizes whose estimated time (from the previous size or a calibration run) does not fit the
remaining ``--time-budget`` are skipped and recorded with the estimate.
``--seeds-distractors N`` traces the five seed documents with N generated distractors and
checks that the seeds' officer story holds exactly the seeds.  See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import corpusgen
import ingest_bench as ib

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from storytrace.eval.truth import Truth
    from storytrace.link.passages import Passage
    from storytrace.models import Document
    from storytrace.options import LinkOptions

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "link.jsonl"
SEEDS = ib.REPO.parent / "shared" / "corpus" / "seeds"
OFFICER = "000_a64f1f5a5150dbb5"  # a document of the seeds' officer story (S1)
TARGET_DOCS, TARGET_SECONDS = 100_000, 900.0
# Stages of a child run, and how each grows with the corpus when only one size was measured:
# the vector range search and (on these corpora) the candidate pairs grow with the square.
STAGES_ALL = tuple("ingest passages embed candidates compare stories retime eval baseline".split())
LINK_STAGES = ("passages", "embed", "candidates", "compare", "stories", "derive")
GROWTH = {"candidates": 2.0, "compare": 2.0, "retime": 2.0, "eval": 2.0, "probe": 0.0}


def _progress(stage: str, done: int, total: int | None) -> None:
    if done % 50_000 == 0:  # link_store reports every 500 comparisons
        print(f"  [link] {stage} {done:,}/{total or 0:,}", file=sys.stderr, flush=True)


def _cpu_seconds() -> float:
    who = (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    return sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, who))


def components(ids: Sequence[str], pairs: Iterable[tuple[int, int]]) -> list[list[str]]:
    """Connected components of rows ``ids`` joined by index ``pairs`` (union-find)."""
    parent = list(range(len(ids)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[str]] = {}
    for i, d in enumerate(ids):
        groups.setdefault(find(i), []).append(d)
    return list(groups.values())


def minhash_stage(
    ids: Sequence[str],
    plist: Mapping[str, Sequence[Passage]],
    lang: Mapping[str, str | None],
    opts: LinkOptions,
) -> tuple[dict[str, float], set[tuple[str, str]]]:
    """Step (1) of ``link.run.candidate_pairs`` (every document new, as in a fresh store), with
    the same kernels on the same passages, each kernel timed; returns document pairs."""
    from storytrace.link.shingles import lsh_pairs, shingles, signatures, tokens

    secs = dict.fromkeys(("tokens", "shingles", "signatures", "lsh"), 0.0)
    flat = [(d, p) for d in ids for p in plist[d]]
    by_lang: dict[str | None, list[int]] = {}
    for k, (d, _) in enumerate(flat):
        by_lang.setdefault(lang[d], []).append(k)
    pairs: set[tuple[str, str]] = set()
    for members in by_lang.values():
        if len(members) < 2:
            continue
        t0 = time.perf_counter()
        toks = [tokens(flat[k][1].text) for k in members]
        t1 = time.perf_counter()
        sets = [shingles(t) for t in toks]
        t2 = time.perf_counter()
        sigs = signatures(sets, num_perm=opts.num_perm)
        t3 = time.perf_counter()
        found = lsh_pairs([str(k) for k in members], sigs, opts.minhash_threshold, opts.num_perm)
        t4 = time.perf_counter()
        for key, (a, b) in zip(secs, ((t0, t1), (t1, t2), (t2, t3), (t3, t4)), strict=True):
            secs[key] += b - a
        for i, j in found:
            x, y = flat[members[i]][0], flat[members[j]][0]
            if x != y:
                pairs.add((x, y) if x < y else (y, x))
    secs["total"] = sum(secs.values())
    return secs, pairs


def vector_stage(
    ids: Sequence[str], vecs: Mapping[str, NDArray[np.float32]], opts: LinkOptions
) -> tuple[float, set[tuple[str, str]], float]:
    """Step (2) of ``candidate_pairs``: exact range search, ``block`` rows against all.
    Returns seconds, document pairs and the size (MB) of one similarity block."""
    import numpy as np

    t0 = time.perf_counter()
    owner = np.concatenate([np.full(len(vecs[d]), i, np.int64) for i, d in enumerate(ids)])
    matrix = np.vstack([vecs[d] for d in ids if len(vecs[d])]).astype(np.float32)
    pairs: set[tuple[str, str]] = set()
    for s in range(0, len(matrix), opts.block):
        sim = matrix[s : s + opts.block] @ matrix.T
        hit_r, hit_c = np.nonzero(sim >= opts.candidate_cos)
        for r, c in zip(hit_r.tolist(), hit_c.tolist(), strict=True):
            a, b = int(owner[s + r]), int(owner[c])
            if a != b:
                pairs.add((ids[a], ids[b]) if ids[a] < ids[b] else (ids[b], ids[a]))
    block_mb = min(opts.block, len(matrix)) * len(matrix) * 4 / 2**20
    return time.perf_counter() - t0, pairs, block_mb


def embed_probe(embedder: Any, texts: Sequence[str], n: int = 96) -> dict[str, float]:
    """Embed ``n`` of ``texts`` (evenly spaced, no cache) for wall and CPU time per passage:
    CPU time hardly moves when other jobs share the cores, so it gives an idle-machine rate."""
    pick = [texts[i * len(texts) // n] for i in range(min(n, len(texts)))]
    embedder.embed(pick[:2])  # load the model outside the measurement
    wall, cpu = time.perf_counter(), time.process_time()
    embedder.embed(pick)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    cores = len(os.sched_getaffinity(0))
    chars = sum(map(len, pick)) / max(1, len(pick))
    out = dict(passages=len(pick), wall_per_s=len(pick) / wall, cpu_seconds=cpu, cores=cores)
    return out | {"idle_per_s": len(pick) * cores / max(cpu, 1e-9), "mean_chars": chars}


def restrict(truth: Truth, keep: set[str]) -> Truth:
    """The truth with only the documents in ``keep`` (e.g. those the store holds)."""
    stories = [(s, tuple(x for x in s.documents if x in keep)) for s in truth.stories]
    docs = tuple(d for d in truth.documents if d.id in keep)
    kept = tuple(dataclasses.replace(s, documents=d) for s, d in stories)
    return dataclasses.replace(truth, documents=docs, stories=kept)


def quality(truth: Truth, report: Mapping[str, Any], stored: set[str]) -> dict[str, Any]:
    """Pairwise P/R/F1 and ARI against all truth documents and against the stored ones only
    (documents whose cleaned text duplicates another's are stored once, under the other id)."""
    from storytrace.eval.stories import score_stories

    keys = ("precision", "recall", "f1", "ari", "tp", "fp", "fn", "stories", "truth_stories")
    out: dict[str, Any] = {}
    for name, t in (("all", truth), ("stored", restrict(truth, stored))):
        s = score_stories(t, report)
        values: tuple[float, ...] = (s.pairwise_precision, s.pairwise_recall, s.pairwise_f1)
        values += (s.ari, s.pairs.tp, s.pairs.fp, s.pairs.fn, s.predicted_stories, len(t.stories))
        out[name] = dict(zip(keys, values, strict=True))
    return out


def baseline(
    docs: Sequence[Document], truth: Truth, threshold: float, num_perm: int, verify: bool
) -> dict[str, Any]:
    """Document-level word-3-shingle MinHash LSH over the stored texts, components = stories."""
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


def child_size(p: dict[str, Any]) -> dict[str, Any]:
    """Child body for one size: trace, re-time the candidate kernels, score, baseline."""
    started = time.perf_counter()
    from storytrace import Options, open_store
    from storytrace.eval.truth import parse_truth
    from storytrace.link.embed import E5Embedder, embed_cached
    from storytrace.link.passages import passages
    from storytrace.pipeline import trace_inputs, trace_report

    out: dict[str, Any] = {"import_seconds": time.perf_counter() - started}
    options = Options(db=p["db"], workers=p["workers"])
    with open_store(p["db"]) as store:
        t0 = time.perf_counter()
        res = trace_inputs([p["corpus"]], options=options, store=store, link_progress=_progress)
        out["trace_seconds"] = time.perf_counter() - t0
        out["trace_cpu_seconds"] = _cpu_seconds()
        if res.link is None:
            raise RuntimeError("nothing was linked")
        link = res.link
        stage = {"ingest": res.ingest.seconds, **link.seconds}
        docs = list(store.documents())
        by_id = {d.id: d for d in docs}
        ids = sorted(by_id)
        t0 = time.perf_counter()
        plist = {d: passages(by_id[d]) for d in ids}
        texts = [x.text for d in ids for x in plist[d]]
        matrix = embed_cached(E5Embedder(), texts, store)  # all cached: nothing is embedded
        vecs, pos = {}, 0
        for d in ids:
            vecs[d], pos = matrix[pos : pos + len(plist[d])], pos + len(plist[d])
        out["reload_seconds"] = time.perf_counter() - t0
        lang = {d: by_id[d].lang for d in ids}
        mh_secs, mh_pairs = minhash_stage(ids, plist, lang, options.link)
        vec_secs, vec_pairs, block_mb = vector_stage(ids, vecs, options.link)
        stage["retime"], t0 = time.perf_counter() - t0, time.perf_counter()
        out["embed_probe"] = embed_probe(E5Embedder(), sorted(set(texts)))
        stage["probe"], t0 = time.perf_counter() - t0, time.perf_counter()
        report = trace_report(store, res.ingest.ids)
    truth = parse_truth(json.loads((Path(p["corpus"]).parent / "truth.json").read_text("utf-8")))
    out["quality"] = quality(truth, report, set(ids))
    stage["eval"] = time.perf_counter() - t0
    bl = baseline(docs, truth, p["threshold"], options.link.num_perm, p["verify"])
    stage["baseline"] = bl["total_seconds"] + bl["eval_seconds"]
    union = mh_pairs | vec_pairs
    reasons: dict[str, int] = {}
    for prob in res.ingest.problems:
        reasons[prob.reason] = reasons.get(prob.reason, 0) + 1
    ing = res.ingest
    out.update(docs=len(ing.ids), stored=len(ids), added=len(ing.added), problems=reasons)
    out.update(existing=len(ing.existing), passages=link.passages, passages_retimed=len(texts))
    out.update(distinct_passages=len(set(texts)), stage_seconds=stage)
    out.update(link_seconds=sum(link.seconds.values()), minhash=mh_secs | {"pairs": len(mh_pairs)})
    out["vector"] = {"seconds": vec_secs, "pairs": len(vec_pairs), "block_mb": round(block_mb, 1)}
    out.update(candidate_pairs=len(union), candidate_pairs_both_sources=len(mh_pairs & vec_pairs))
    out["candidate_pairs_same_lang"] = sum(1 for a, b in union if lang[a] == lang[b])
    out.update(compared=link.newly_compared, links=link.links, stories=len(link.stories))
    out["multi_doc_stories"] = sum(1 for s in link.stories if len(s.documents) > 1)
    out.update(baseline=bl, cpu_seconds=_cpu_seconds(), child_seconds=time.perf_counter() - started)
    out["package"] = str(Path(sys.modules["storytrace"].__file__ or "?").parent)
    return out


def child_seeds(p: dict[str, Any]) -> dict[str, Any]:
    """Child body for ``--seeds-distractors``: trace seeds + distractors, check story S1."""
    from storytrace import Options, open_store
    from storytrace.pipeline import trace_inputs, trace_report

    with open_store(p["db"]) as store:
        t0 = time.perf_counter()
        options = Options(db=p["db"], workers=p["workers"])
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
    return out | {"cpu_seconds": _cpu_seconds()}


def launch(payload: dict[str, Any], src: Path) -> dict[str, Any]:
    """Run one child (fresh store) and sample the RSS of its process tree."""
    db = Path(payload["db"])
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", json.dumps(payload)]
    load = os.getloadavg()[0]
    started = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=ib._child_env(src))
    sampler = ib.TreeSampler(child.pid)
    sampler.start()
    out, _ = child.communicate()  # the child's stderr (progress, errors) goes to ours
    sampler.stop()
    if child.returncode != 0:
        raise RuntimeError(f"child failed (exit {child.returncode}); see its stderr above")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result.update(wall_seconds=time.perf_counter() - started, load_before=round(load, 2))
    result.update(
        peak_rss_tree_mb=round(sampler.peak_mb, 1), load_after=round(os.getloadavg()[0], 2)
    )
    return result


def estimate(refs: Sequence[dict[str, Any]], size: int) -> dict[str, float]:
    """Seconds per stage at ``size`` docs, scaled from the largest measured run: with two
    measured sizes each stage's exponent is fitted (clamped to 1-2), else ``GROWTH``; the
    embedding probe is a fixed cost."""
    a = refs[-1]
    out: dict[str, float] = {}
    for stage in {**dict.fromkeys(STAGES_ALL), **a["stage_seconds"]}:  # and any new stage
        ta = a["stage_seconds"].get(stage, 0.0)
        exp = GROWTH.get(stage, 1.0)
        if len(refs) >= 2 and exp > 0:  # a fixed cost (exponent 0) stays fixed
            tb = refs[-2]["stage_seconds"].get(stage, 0.0)
            if ta >= 0.5 and tb > 0 and a["docs"] != refs[-2]["docs"]:
                fitted = math.log(ta / tb) / math.log(a["docs"] / refs[-2]["docs"])
                exp = min(2.0, max(1.0, fitted))
        out[stage] = ta * (size / a["docs"]) ** exp
    out["total"] = sum(out.values()) + a["import_seconds"]
    return out


def _f(x: float) -> str:
    return f"{x:,.1f}" if x < 100 else f"{x:,.0f}"


def speed_table(rows: Sequence[dict[str, Any]]) -> str:
    head = (
        "| docs | passages (distinct) | ingest s (docs/s) | same-lang MinHash s | embed s "
        "(passages/s) | vector search s | candidates s (stage) | compare s (pairs) | stories s"
        " | derive s | total s (trace) | peak RSS MB | load |"
    )
    lines = [head, "|---" * 13 + "|"]
    for r in rows:
        s = r["stage_seconds"]
        lines.append(
            f"| {r['docs']:,} | {r['passages']:,} ({r['distinct_passages']:,}) | "
            f"{_f(s['ingest'])} ({r['docs'] / s['ingest']:.0f}) | {_f(r['minhash']['total'])} | "
            f"{_f(s['embed'])} ({r['distinct_passages'] / max(s['embed'], 1e-9):.1f}) | "
            f"{_f(r['vector']['seconds'])} | {_f(s['candidates'])} | "
            f"{_f(s['compare'])} ({r['compared']:,}) | {_f(s['stories'])} | "
            f"{_f(s.get('derive', 0))} | {_f(r['trace_seconds'])} | {r['peak_rss_tree_mb']:.0f} | "
            f"{r['load_before']:.1f}-{r['load_after']:.1f} |"
        )
    return "\n".join(lines)


def quality_table(rows: Sequence[dict[str, Any]]) -> str:
    head = (
        "| docs | system | seconds | stories (multi-doc) | P | R | F1 | ARI "
        "| P / R / F1 on stored docs |"
    )
    lines = [head, "|---" * 9 + "|"]
    for r in rows:
        bl = r["baseline"]
        for name, secs, q, n, multi in (
            ("storytrace", r["trace_seconds"], r["quality"], r["stories"], r["multi_doc_stories"]),
            ("MinHash baseline", bl["total_seconds"], bl["quality"], bl["stories"],
             bl["multi_doc_stories"]),
        ):  # fmt: skip
            a, st = q["all"], q["stored"]
            lines.append(
                f"| {r['docs']:,} | {name} | {_f(secs)} | {n:,} ({multi:,}) | "
                f"{a['precision']:.3f} | {a['recall']:.3f} | {a['f1']:.3f} | {a['ari']:.3f} | "
                f"{st['precision']:.3f} / {st['recall']:.3f} / {st['f1']:.3f} |"
            )
    return "\n".join(lines)


def describe(r: dict[str, Any]) -> list[str]:
    """The per-stage numbers of one run, each saying what it covers."""
    s, m, v, n = r["stage_seconds"], r["minhash"], r["vector"], r["distinct_passages"]
    p = r["embed_probe"]
    top = max(LINK_STAGES, key=lambda k: s.get(k, 0.0))
    return [
        f"ingest: {r['docs']:,} docs ({r['stored']:,} stored; {r['existing']} had the cleaned "
        f"text of another) in {s['ingest']:.1f} s = {r['docs'] / s['ingest']:.0f} docs/s",
        f"passages: {r['passages']:,} ({n:,} distinct) in {s['passages']:.1f} s (store read too)",
        f"same-language stage (MinHash LSH over passage word 3-shingles per language; kernels "
        f"re-timed): {m['total']:.2f} s = tokens {m['tokens']:.2f} + shingles "
        f"{m['shingles']:.2f} + signatures {m['signatures']:.2f} + LSH {m['lsh']:.2f}; "
        f"{m['pairs']:,} document pairs",
        f"cross-language stage: embedding {s['embed']:.1f} s ({n / max(s['embed'], 1e-9):.1f} "
        f"distinct passages/s, vector cache writes included) + vector range search "
        f"{v['seconds']:.1f} s (re-timed; {v['pairs']:,} document pairs, {v['block_mb']:.0f} MB "
        f"per similarity block) + comparisons {s['compare']:.1f} s "
        f"= {s['embed'] + v['seconds'] + s['compare']:.1f} s",
        f"link_store 'candidates' (both sources, as run) {s['candidates']:.1f} s: "
        f"{r['candidate_pairs']:,} pairs ({r['candidate_pairs_same_lang']:,} same language, "
        f"{r['candidate_pairs_both_sources']:,} from both sources), {r['compared']:,} compared "
        f"(all sources; timed as 'compare'), {r['links']:,} links",
        f"story formation (form_stories + writing segments): {s['stories']:.1f} s -> "
        f"{r['stories']:,} stories ({r['multi_doc_stories']:,} with 2+ documents); derivation "
        f"(origins, forests, labelled links; when link_store has it) {s.get('derive', 0):.1f} s",
        f"total trace_inputs {r['trace_seconds']:.1f} s (ingest {s['ingest']:.1f} + link "
        f"{r['link_seconds']:.1f}; largest link stage {top} {s.get(top, 0):.1f} s = "
        f"{s.get(top, 0) / r['trace_seconds']:.0%}); child {r['wall_seconds']:.0f} s with "
        f"re-timing, scoring, baseline; peak RSS (tree) {r['peak_rss_tree_mb']:.0f} MB; CPU "
        f"{r['cpu_seconds']:.0f} s; 1-min load {r['load_before']} -> {r['load_after']:.2f}",
        f"embedding probe ({p['passages']} passages of {p['mean_chars']:.0f} chars, no cache): "
        f"{p['wall_per_s']:.1f} passages/s wall now; {p['idle_per_s']:.1f}/s on {p['cores']} "
        "idle cores (from CPU time)",
    ]


def target_note(refs: Sequence[dict[str, Any]]) -> tuple[str, dict[str, float]]:
    """The 100k-document / 15-minute target against an estimate from the measured sizes."""
    est = estimate(refs, TARGET_DOCS)
    a = refs[-1]
    trace = sum(est.get(k, 0.0) for k in ("ingest", *LINK_STAGES))
    top = max(LINK_STAGES, key=lambda k: est.get(k, 0.0))
    passages = a["passages"] * TARGET_DOCS / a["docs"]
    block_gb = min(2048, passages) * passages * 4 / 2**30
    idle = a["distinct_passages"] * TARGET_DOCS / a["docs"] / a["embed_probe"]["idle_per_s"]
    return (
        f"target {TARGET_DOCS:,} docs in {TARGET_SECONDS / 60:.0f} min: estimated trace "
        f"{trace / 3600:.1f} h ({trace / TARGET_SECONDS:.0f}x the target) from the "
        f"{a['docs']:,}-doc run; largest stage {top} {est[top] / 3600:.1f} h "
        f"({est[top] / trace:.0%}); ~{passages:,.0f} passages, one similarity block "
        f"{block_gb:.1f} GB; embedding alone on idle cores (probe rate) {idle / 3600:.1f} h",
        est,
    )


def run_sizes(args: argparse.Namespace, work: Path, src: Path) -> dict[str, Any]:
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    langs = tuple(x.strip() for x in args.langs.split(",") if x.strip())
    start = time.perf_counter()
    refs: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    skipped: list[dict[str, Any]] = []
    calibration: dict[str, Any] | None = None

    def one(size: int) -> dict[str, Any]:
        corpus, gen_s = ib.ensure_corpus(work, size, args.seed, langs, args.html_share)
        db = str(work / f"link-{size}.db")
        payload = dict(mode="size", corpus=str(corpus), db=db, workers=args.workers)
        payload |= {"threshold": args.baseline_threshold, "verify": args.baseline_verify}
        note = f"generated in {gen_s:.1f} s" if gen_s is not None else "reused"
        print(f"[{size:,} docs] corpus {corpus} ({note}); tracing ...", flush=True)
        runs = [launch(payload, src) for _ in range(max(1, args.repeat))]
        r = sorted(runs, key=lambda x: x["trace_seconds"])[len(runs) // 2]
        r.update(size=size, corpus_generation_seconds=gen_s)
        r["runs_trace_seconds"] = [round(x["trace_seconds"], 1) for x in runs]
        return r

    for size in sizes:
        if not refs and size > args.calibration_docs:
            calibration = one(args.calibration_docs)
            refs.append(calibration)
            print(f"calibration ({args.calibration_docs} docs):")
            print("\n".join("  " + line for line in describe(calibration)))
        left = args.time_budget - (time.perf_counter() - start)
        est = estimate(refs, size) if refs else {}
        if est and est["total"] > left:
            top = max(set(est) - {"total"}, key=lambda k: est[k])
            reason = f"estimated {est['total']:,.0f} s > {left:,.0f} s left of the "
            reason += f"{args.time_budget:.0f} s budget; largest stage {top} {est[top]:,.0f} s"
            reason += f" (scaled from the {refs[-1]['docs']:,}-doc run)"
            print(f"[{size:,} docs] SKIPPED: {reason}", flush=True)
            skipped.append({"size": size, "estimate_seconds": est, "reason": reason})
            continue
        if est:
            print(f"[{size:,} docs] estimate {est['total']:,.0f} s (fits {left:,.0f} s left)")
        r = one(size) | {"estimated_seconds": est or None}
        print("\n".join(f"[{size:,} docs] {line}" for line in describe(r)), flush=True)
        rows.append(r)
        refs.append(r)
    if rows:
        print("\n" + speed_table(rows) + "\n\n" + quality_table(rows) + "\n")
    note, target_est = target_note(refs) if refs else ("no measurement", {})
    print(note)
    return {
        "params": vars(args) | {"generator": corpusgen.GENERATOR_VERSION},
        "calibration": calibration,
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
    ap.add_argument("--repeat", type=int, default=1, help="runs per size (median reported)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--langs", default=",".join(corpusgen.LANGS))
    ap.add_argument("--html-share", type=float, default=0.5)
    ap.add_argument("--time-budget", type=float, default=1800.0, help="seconds (default 1800)")
    ap.add_argument("--calibration-docs", type=int, default=200)
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
        body = child_seeds if payload["mode"] == "seeds" else child_size
        print(json.dumps(body(payload)))
        return 0
    work = Path(args.corpus_dir or tempfile.mkdtemp(prefix="storytrace-link-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    mach, commit = ib.machine(), ib._git_commit()
    src = ib.REPO / "src" if args.live_src else work / "src-snapshot-link"
    src_digest = None if args.live_src else ib.snapshot_src(src)
    date = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
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
        record: dict[str, Any] = dict(
            benchmark="link", mode=mode, date=date, commit=commit, src_digest=src_digest
        )
        record |= {"machine": mach, **body_out}
        path = Path(args.results)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"appended to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
