"""Linking orchestration: passages → vectors (cached) → candidates → confirmed links → stories.

Contract:
    ``link_store(store, options=..., embedder=...)`` links every document in the store and
    writes the result back: story ids into the documents' segments, the stories and the
    compared document pairs into the store's link state. It is incremental by construction:
    document pairs compared in an earlier run are not compared again, vectors are never
    computed twice (cache keyed by model and text), and stories are re-formed from all
    confirmed links, which is cheap. A run after adding documents therefore gives the same
    stories as a full run on the union.

Candidates are cheap and pair-local confirmation is expensive, so the order is:
1. MinHash LSH over passage word shingles (rensa) finds near-verbatim pairs in one language;
2. an exact range search over passage vectors (blocked matrix products) finds pairs across
   languages and rewordings;
3. only those document pairs are compared (``evidence.compare``); the transformer is never
   run all against all: each passage is embedded once.
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
from .embed import E5Embedder, Embedder, embed_cached
from .evidence import DocLink, compare
from .passages import Passage, passages
from .shingles import lsh_pairs, shingles, signatures, tokens
from .stories import Stories, StoryInfo, form_stories

if TYPE_CHECKING:
    from numpy.typing import NDArray

PAIRS = "link.pairs"
STORIES = "link.stories"
LINKED = "link.docs"
DERIVED = "derive.stories"

ProgressFn = Callable[[str, int, int | None], None]


@dataclass(slots=True)
class LinkReport:
    stories: list[StoryInfo] = field(default_factory=list)
    compared: int = 0
    newly_compared: int = 0
    links: int = 0
    passages: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PairTask:
    """One document pair to compare: a plain, picklable record for any engine."""

    a: str
    b: str
    pa: Sequence[Passage]
    pb: Sequence[Passage]
    va: NDArray[np.float32]
    vb: NDArray[np.float32]
    same_language: bool
    cfg: EvidenceConfig


def compare_task(task: PairTask) -> tuple[str, dict[str, Any] | None]:
    """Engine kernel: compare one pair; the result is keyed for the link state."""
    link = compare(
        list(task.pa),
        list(task.pb),
        task.va,
        task.vb,
        same_language=task.same_language,
        cfg=task.cfg,
    )
    return _pair_key(task.a, task.b), (link.to_json() if link else None)


def _pair_key(a: str, b: str) -> str:
    return f"{a}\x00{b}"


def candidate_pairs(
    docs: Sequence[str],
    plist: dict[str, list[Passage]],
    vecs: dict[str, NDArray[np.float32]],
    lang: dict[str, str | None],
    opts: LinkOptions,
    *,
    new: set[str],
) -> set[tuple[str, str]]:
    """Document pairs worth comparing that involve at least one document of ``new``."""
    flat = [(d, p) for d in docs for p in plist[d]]
    if not flat:
        return set()
    index = {d: i for i, d in enumerate(docs)}
    owner = np.array([index[d] for d, _ in flat], dtype=np.int64)
    is_new = np.array([d in new for d, _ in flat], dtype=bool)
    matrix = np.vstack([vecs[d] for d in docs if len(vecs[d])]).astype(np.float32)
    pairs: set[tuple[str, str]] = set()
    # (2) vector range search: rows of new passages against all passages.
    rows = np.flatnonzero(is_new)
    for s in range(0, len(rows), opts.block):
        block = rows[s : s + opts.block]
        sim = matrix[block] @ matrix.T
        hit_r, hit_c = np.nonzero(sim >= opts.candidate_cos)
        for r, c in zip(hit_r.tolist(), hit_c.tolist(), strict=True):
            a, b = owner[block[r]], owner[c]
            if a != b:
                x, y = docs[a], docs[b]
                pairs.add((x, y) if x < y else (y, x))
    # (1) MinHash LSH within each language, for near-verbatim copies.
    by_lang: dict[str | None, list[int]] = {}
    for k, (d, _) in enumerate(flat):
        by_lang.setdefault(lang[d], []).append(k)
    for members in by_lang.values():
        if len(members) < 2:
            continue
        sigs = signatures(
            [shingles(tokens(flat[k][1].text)) for k in members], num_perm=opts.num_perm
        )
        for i, j in lsh_pairs(
            [str(k) for k in members], sigs, opts.minhash_threshold, num_perm=opts.num_perm
        ):
            x, y = flat[members[i]][0], flat[members[j]][0]
            if x != y and (x in new or y in new):
                pairs.add((x, y) if x < y else (y, x))
    return pairs


def link_store(
    store: Store,
    *,
    options: LinkOptions | None = None,
    embedder: Embedder | None = None,
    progress: ProgressFn | None = None,
    workers: int = 0,
    parallel_min_inputs: int = 64,
) -> LinkReport:
    """Link everything in ``store`` (see the module docstring)."""
    opts = options or LinkOptions()
    emb = embedder or E5Embedder()
    report = LinkReport()
    t0 = time.perf_counter()
    docs = {d.id: d for d in store.documents()}
    ids = sorted(docs)
    plist = {d: passages(docs[d]) for d in ids}
    report.passages = sum(len(v) for v in plist.values())
    t1 = time.perf_counter()
    texts = [p.text for d in ids for p in plist[d]]
    if progress:
        progress("embedding passages", 0, len(texts))
    matrix = embed_cached(emb, texts, store) if texts else np.zeros((0, emb.dim), np.float32)
    vecs: dict[str, NDArray[np.float32]] = {}
    pos = 0
    for d in ids:
        n = len(plist[d])
        vecs[d] = matrix[pos : pos + n]
        pos += n
    t2 = time.perf_counter()
    known: dict[str, Any] = store.get_state(PAIRS)
    # Documents linked by an earlier run keyed by content hash: a document whose text changed
    # under the same id is linked again.
    linked_before = store.get_state(LINKED)
    new = {d for d in ids if linked_before.get(d) != docs[d].content_sha256}
    if new:
        known = {k: v for k, v in known.items() if not set(k.split("\x00")) & new}
    lang = {d: docs[d].lang for d in ids}
    fresh = candidate_pairs(ids, plist, vecs, lang, opts, new=new)
    fresh = {p for p in fresh if _pair_key(*p) not in known}
    t3 = time.perf_counter()
    results: dict[str, Any] = {}
    tasks = (
        PairTask(a, b, plist[a], plist[b], vecs[a], vecs[b], lang[a] == lang[b], opts.evidence)
        for a, b in sorted(fresh)
    )
    # Comparisons are independent: a process pool runs them when there are many.
    engine = make_engine(
        "auto", workers=workers, n_items=len(fresh) // 50, parallel_min_inputs=parallel_min_inputs
    )
    try:
        for n_done, (key, value) in enumerate(engine.map(compare_task, tasks, chunksize=64), 1):
            results[key] = value
            if progress and n_done % 500 == 0:
                progress("comparing documents", n_done, len(fresh))
    finally:
        engine.close()
    store.put_state(PAIRS, results)
    store.put_state(LINKED, {d: docs[d].content_sha256 for d in new})
    known.update(results)
    t4 = time.perf_counter()
    links = [DocLink.from_json(v) for v in known.values() if v is not None]
    links = [lk for lk in links if lk.a in docs and lk.b in docs]
    compared = {tuple(k.split("\x00")) for k in known}
    stories = form_stories(
        docs,
        plist,
        vecs,
        links,
        compared,  # type: ignore[arg-type]
        opts.stories,
    )
    _write_stories(store, docs, plist, stories)
    t5 = time.perf_counter()
    _derive(store, stories, links, emb)
    t6 = time.perf_counter()
    report.stories = list(stories.stories)
    report.compared = len(known)
    report.newly_compared = len(fresh)
    report.links = len(links)
    report.seconds = {
        "passages": t1 - t0,
        "embed": t2 - t1,
        "candidates": t3 - t2,
        "compare": t4 - t3,
        "stories": t5 - t4,
        "derive": t6 - t5,
    }
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
