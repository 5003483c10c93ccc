"""Derivation of every story: alignments, origin, derivation forest and relation labels.

Contract:
    ``derive_stories(docs, stories, linked, embedder, cache)`` aligns the sentences of every
    pair of versions inside each story of two to :data:`ALL_PAIRS_UP_TO` documents (only
    the ``linked`` pairs in larger stories), picks the story's origin, builds a derivation
    forest (each version has at most one parent), labels each link
    (:mod:`storytrace.derive.relations`) and returns, per story id, ``origin`` and
    ``links[]`` in the shape of ``report-schema.md``. Sentence vectors come from the store's
    cache (each sentence is embedded once), and so do pair alignments
    (:func:`align_pairs`: keyed by the two versions' sentences, languages, embedder and
    aligner version), so a ``trace``/``add`` run only aligns pairs it has not seen. An
    embedder with ``cacheable = False`` (the static tier's, whose name changes with every
    fit) uses neither cache: its vectors are rounded to float16 as a store would keep them.

Origin. The origin is the version that is most *central* (closest to all the others: in a
star of derivations the source sits in the middle, and two translations of it are further
from each other than from it), carries no translation artefacts
(:mod:`storytrace.derive.artefacts`), has little material no other version shares (a
rewrite adds its own), is in the language most versions share, and was published first when
dates are known. When two candidates score alike, the origin is ``None``.

Forest. Versions join the tree from the origin outwards, each under the version already in
the tree that explains it best (similarity times the share of it that the parent covers),
with a small preference for the origin (a star unless a chain is clearly closer: a
back-translation is closer to its intermediate than to the original) and a penalty for a
parent with more artefacts than the child. Pairs of versions that share passages their
parents lack (a truncated origin) are compared too and reported with ``tree: false``; such a
collation link carries only the aligned pairs the tree does not explain (neither sentence is
aligned to its own version's parent), so a passage that both versions took from the origin is
reported once, under the tree links.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np

from ..align.aligner import ALIGNER_VERSION, Alignment, align, config_for
from ..align.anchors import Anchors, anchors
from ..diff.confirm import NO_CONTEXT, embedding_similarity
from ..diff.links import attach_changes
from ..link.cues import starts_mid_sentence
from ..link.embed import Embedder, embed_cached
from ..link.evidence import bigrams, containment
from ..models import Document, content_hash
from .artefacts import artefact_rate, artefacts
from .relations import PairFeatures, label

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from ..link.embed import VectorCache
    from ..link.stories import StoryInfo


#: ``Store`` state kind under which pair alignments are cached (see :func:`align_pairs`).
ALIGNMENTS = "derive.alignments"
#: Stories with at most this many versions align every pair of versions (66 pairs at 12),
#: larger ones only the pairs the link stage confirmed.
ALL_PAIRS_UP_TO = 12


@runtime_checkable
class StateStore(Protocol):
    """The part of :class:`~storytrace.store.base.Store` the alignment cache needs."""

    def get_state(self, kind: str, keys: Sequence[str] | None = None) -> dict[str, Any]: ...

    def put_state(self, kind: str, items: Mapping[str, Any]) -> None: ...


@dataclass(frozen=True, slots=True)
class Version:
    """A document's part in one story: its story sentences, vectors and traits."""

    doc: str
    lang: str | None
    published: str | None
    text: str
    spans: tuple[tuple[int, int], ...]
    vecs: NDArray[np.float32]
    anchors: tuple[Anchors, ...]
    artefacts: float
    stories: int
    truncated: bool

    @property
    def lengths(self) -> list[int]:
        return [e - s for s, e in self.spans]


@dataclass(frozen=True, slots=True)
class Pair:
    """An alignment seen from ``src`` to ``tgt`` (sentence indices into each version)."""

    src: str
    tgt: str
    pairs: tuple[tuple[int, int, float], ...]
    coverage_src: float
    coverage_tgt: float
    src_unaligned: tuple[int, ...]
    tgt_unaligned: tuple[int, ...]

    def reverse(self) -> Pair:
        return Pair(
            self.tgt,
            self.src,
            tuple((j, i, s) for i, j, s in self.pairs),
            self.coverage_tgt,
            self.coverage_src,
            self.tgt_unaligned,
            self.src_unaligned,
        )

    @property
    def similarity(self) -> float:
        return float(np.mean([s for _, _, s in self.pairs])) if self.pairs else 0.0


def _version(
    doc: Document,
    vecs: NDArray[np.float32],
    n_stories: int,
    spans: list[tuple[int, int]],
) -> Version:
    reasons = [s.reason for s in doc.segments if s.kind == "boilerplate"]
    found = artefacts(doc.text, doc.lang, reasons)
    first = doc.text[spans[0][0] : spans[0][1]] if spans else ""
    return Version(
        doc.id,
        doc.lang,
        doc.published,
        doc.text,
        tuple(spans),
        vecs,
        tuple(anchors(doc.text[s:e]) for s, e in spans),
        artefact_rate(found, doc.text),
        n_stories,
        starts_mid_sentence(first),
    )


def story_spans(doc: Document, story: str) -> list[tuple[int, int]]:
    """The document's sentences that lie in segments of ``story``."""
    segs = {i for i, s in enumerate(doc.segments) if s.kind == "story" and s.story == story}
    return [(s.start, s.end) for s in doc.sentences if s.segment in segs]


def alignment_key(a: Version, b: Version, embedder: str) -> str:
    """The cache key of ``a``'s alignment to ``b``: a digest of everything the result depends
    on. Documents' content hashes alone would not do, because the same text can be split
    into other story spans when the stories change; so the key covers the two versions'
    sentence texts, their languages (which pick the configuration), the configuration
    itself, the embedder's name (the vectors) and :data:`ALIGNER_VERSION` (the algorithm)."""
    parts: list[Any] = [ALIGNER_VERSION, embedder, repr(config_for(a.lang, b.lang))]
    for v in (a, b):
        parts += [v.lang, [v.text[s:e] for s, e in v.spans]]
    return content_hash(json.dumps(parts, ensure_ascii=False))


def _pair_json(p: Pair) -> dict[str, Any]:
    return {
        "pairs": [[i, j, round(sc, 6)] for i, j, sc in p.pairs],
        "coverage": [p.coverage_src, p.coverage_tgt],
        "unaligned": [list(p.src_unaligned), list(p.tgt_unaligned)],
    }


def _pair_from_json(src: str, tgt: str, raw: Mapping[str, Any]) -> Pair:
    return Pair(
        src,
        tgt,
        tuple((int(i), int(j), float(sc)) for i, j, sc in raw["pairs"]),
        float(raw["coverage"][0]),
        float(raw["coverage"][1]),
        tuple(int(i) for i in raw["unaligned"][0]),
        tuple(int(j) for j in raw["unaligned"][1]),
    )


def align_pairs(
    todo: Sequence[tuple[Version, Version]], cache: object, embedder: str
) -> list[Pair]:
    """``a``'s alignment to ``b`` for every ``(a, b)`` of ``todo``, in order.

    When ``cache`` keeps state (a :class:`StateStore`, as every ``Store`` does), results are
    looked up under :func:`alignment_key` (kind :data:`ALIGNMENTS`) and only the misses are
    aligned and stored; otherwise everything is aligned. Results are the same either way
    (scores are rounded to 6 decimals in both). Entries of pairs that no longer occur are not
    deleted; they are small (a few KB per pair) and a changed document gets new keys.
    """
    if not isinstance(cache, StateStore):
        return [_pair_from_json(a.doc, b.doc, _pair_json(_align(a, b))) for a, b in todo]
    keys = [alignment_key(a, b, embedder) for a, b in todo]
    stored = cache.get_state(ALIGNMENTS, list(dict.fromkeys(keys)))
    out: list[Pair] = []
    fresh: dict[str, Any] = {}
    for key, (a, b) in zip(keys, todo, strict=True):
        raw = stored.get(key) or fresh.get(key)
        if raw is None:
            p = _align(a, b)
            fresh[key] = _pair_json(p)
            raw = fresh[key]
        # a fresh result goes through the same rounding, so cached and fresh runs agree
        out.append(_pair_from_json(a.doc, b.doc, raw))
    if fresh:
        cache.put_state(ALIGNMENTS, fresh)
    return out


def _align(a: Version, b: Version) -> Pair:
    al: Alignment = align(
        a.vecs,
        b.vecs,
        src_anchors=a.anchors,
        tgt_anchors=b.anchors,
        src_lengths=a.lengths,
        tgt_lengths=b.lengths,
        cfg=config_for(a.lang, b.lang),
    )
    pairs = tuple(
        (i, j, float(bead.score)) for bead in al.beads for i in bead.src for j in bead.tgt
    )
    return Pair(
        a.doc, b.doc, pairs, al.coverage_src, al.coverage_tgt, al.src_unaligned, al.tgt_unaligned
    )


def _features(p: Pair, versions: Mapping[str, Version]) -> PairFeatures:
    s, t = versions[p.src], versions[p.tgt]
    overlaps = [
        containment(bigrams(s.text[slice(*s.spans[i])]), bigrams(t.text[slice(*t.spans[j])]))
        for i, j, _ in p.pairs
    ]
    return PairFeatures(
        same_language=s.lang == t.lang,
        coverage_source=p.coverage_src,
        coverage_target=p.coverage_tgt,
        overlap=float(np.mean(overlaps)) if overlaps else 0.0,
        similarity=p.similarity,
        target_artefacts=t.artefacts,
        source_artefacts=s.artefacts,
        target_stories=t.stories,
        source_truncated=s.truncated,
    )


def choose_origin(
    versions: Mapping[str, Version], pairs: Mapping[tuple[str, str], Pair]
) -> str | None:
    """The origin of a story (see the module docstring), or None when it is a toss-up.

    Score: how much of the other versions this one contains (completeness), how close it is
    to them (centrality), minus its own material no other version has, minus a heavy
    penalty for translation artefacts (a version that went through another language is not
    the original, however complete: a truncated original beats its full back-translation),
    plus the majority language and, when dates are known, being first.
    """
    langs = [v.lang for v in versions.values()]
    clean = any(v.artefacts < 1.0 for v in versions.values())
    dated = sorted((v.published, d) for d, v in versions.items() if v.published)
    scores: dict[str, float] = {}
    for d, v in versions.items():
        mine = [p for (a, _), p in pairs.items() if a == d]
        if not mine:
            scores[d] = -1.0
            continue
        completeness = float(np.mean([p.coverage_tgt for p in mine]))
        central = float(np.mean([p.similarity for p in mine]))
        aligned: set[int] = {i for p in mine for i, _, _ in p.pairs}
        chars = sum(v.lengths) or 1
        own = sum(n for i, n in enumerate(v.lengths) if i not in aligned) / chars
        majority = langs.count(v.lang) / len(langs)
        score = completeness + 0.5 * central - 0.5 * own + 0.1 * majority
        # Copies flatten typography (curly quotes and no-break spaces become plain), never
        # the reverse: a small tie-breaker between otherwise identical versions.
        score += 0.02 * typography(v.text)
        if clean and v.artefacts >= 1.0:
            score -= 1.0 + 0.02 * min(v.artefacts, 10.0)
        if len(dated) >= 2 and dated[0][1] == d and dated[0][0] != dated[1][0]:
            score += 0.3
        scores[d] = score
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < 0.002:
        return None
    return ranked[0][0]


def typography(text: str) -> float:
    """Share of quote marks and spaces that are typographic (curly, guillemets, NBSP)."""
    fancy = sum(text.count(c) for c in "“”‘’«»„\u00a0\u202f")
    plain = text.count('"') + text.count("'")
    return fancy / (fancy + plain) if fancy + plain else 0.0


def build_forest(
    origin: str, versions: Mapping[str, Version], pairs: Mapping[tuple[str, str], Pair]
) -> list[tuple[str, str]]:
    """Tree edges (parent, child), from the origin outwards (see the module docstring)."""
    tree = {origin}
    edges: list[tuple[str, str]] = []
    rest = set(versions) - tree
    while rest:
        best: tuple[float, str, str] | None = None
        for parent in sorted(tree):
            for child in sorted(rest):
                p = pairs.get((parent, child))
                if p is None:
                    continue
                # How much of the child the parent explains; a truncated parent (a scrape
                # that lost its tail) is judged by how much of it the child contains.
                cover = (
                    max(p.coverage_src, p.coverage_tgt)
                    if versions[parent].truncated
                    else p.coverage_tgt
                )
                weight = p.similarity * cover
                weight += 0.1 if parent == origin else 0.0
                if versions[parent].artefacts > versions[child].artefacts + 1.0:
                    weight -= 0.2
                if best is None or weight > best[0]:
                    best = (weight, parent, child)
        if best is None:  # versions not aligned to the tree: no parent to give them
            break
        _, parent, child = best
        edges.append((parent, child))
        tree.add(child)
        rest.discard(child)
    return edges


def _spans_of(v: Version, idx: Sequence[int]) -> list[list[int]]:
    """Character spans of runs of consecutive sentence indices, cut where text that is not
    this story's (boilerplate, another story of a mash-up page) lies between two of them."""
    out: list[list[int]] = []
    for _, group in itertools.groupby(enumerate(sorted(idx)), key=lambda t: t[1] - t[0]):
        run = [i for _, i in group]
        start = v.spans[run[0]][0]
        for a, b in itertools.pairwise(run):
            if v.text[v.spans[a][1] : v.spans[b][0]].strip():
                out.append([start, v.spans[a][1]])
                start = v.spans[b][0]
        out.append([start, v.spans[run[-1]][1]])
    return out


def link_json(p: Pair, versions: Mapping[str, Version], *, tree: bool) -> dict[str, Any]:
    s, t = versions[p.src], versions[p.tgt]
    relation, score = label(_features(p, versions))
    return {
        "source": p.src,
        "target": p.tgt,
        "relation": relation,
        "tree": tree,
        "score": score,
        "coverage": {"source": round(p.coverage_src, 4), "target": round(p.coverage_tgt, 4)},
        "alignments": [
            # a bead's score carries a small anchor bonus above the cosine; the contract's
            # scores lie in [0, 1]
            {
                "source": list(s.spans[i]),
                "target": list(t.spans[j]),
                "score": round(min(1.0, max(0.0, sc)), 4),
            }
            for i, j, sc in sorted(p.pairs, key=lambda x: x[1])
        ],
        "changes": [],
        "added": _spans_of(t, p.tgt_unaligned),
        "dropped": _spans_of(s, p.src_unaligned),
    }


def _collations(
    edges: list[tuple[str, str]],
    versions: Mapping[str, Version],
    pairs: Mapping[tuple[str, str], Pair],
) -> list[Pair]:
    """Sibling pairs that share sentences their parents do not have."""
    parent = {c: p for p, c in edges}
    in_tree = {frozenset(e) for e in edges}
    out = []
    for a, b in itertools.combinations(sorted(versions), 2):
        p = pairs.get((a, b))
        if p is None or frozenset((a, b)) in in_tree:
            continue

        def covered(doc: str) -> set[int]:
            up = parent.get(doc)
            q = pairs.get((doc, up)) if up else None
            return {i for i, _, _ in q.pairs} if q else set()

        ca, cb = covered(a), covered(b)
        fresh = tuple(x for x in p.pairs if x[0] not in ca and x[1] not in cb)
        if len(fresh) >= 3 and len(fresh) >= 0.1 * min(
            len(versions[a].spans), len(versions[b].spans)
        ):
            # Only the pairs the tree does not explain: a pair whose two sentences both came
            # through the parents is already aligned there, and repeating it here would
            # report every shared passage twice (and its changes twice).
            p = dataclasses.replace(p, pairs=fresh)
            # The more faithful version (fewer artefacts) is the source of the collation.
            if versions[b].artefacts < versions[a].artefacts:
                p = p.reverse()
            out.append(p)
    return out


def derive_stories(
    docs: Mapping[str, Document],
    stories: Sequence[StoryInfo],
    linked: set[frozenset[str]],
    embedder: Embedder,
    cache: VectorCache,
) -> dict[str, dict[str, Any]]:
    """Origin and links of every story with two or more documents (module docstring)."""
    multi = [s for s in stories if len(s.documents) >= 2]
    # An embedder whose name changes with every fit (the static tier's) would only leave
    # dead vectors and alignments behind, so it gets no cache.
    kept: VectorCache | None = cache if getattr(embedder, "cacheable", True) else None

    def vectors(texts: Sequence[str]) -> NDArray[np.float32]:
        got = embed_cached(embedder, texts, kept)
        # Without a store, the float16 round trip a store gives vectors (store.linkdata),
        # so that results do not depend on the cache.
        return got if kept is not None else got.astype(np.float16).astype(np.float32)

    # Meaning drift is confirmed in context by the same embedder (diff/confirm.py); a
    # bag-of-words embedder cannot tell a slip from a synonym, so without e5 none is reported.
    drift_check = (
        embedding_similarity(vectors) if getattr(embedder, "contextual", False) else NO_CONTEXT
    )
    per_doc_stories: dict[str, int] = {}
    for s in stories:
        for d in s.documents:
            per_doc_stories[d] = per_doc_stories.get(d, 0) + 1
    spans = {(s.id, d): story_spans(docs[d], s.id) for s in multi for d in s.documents}
    texts = [docs[d].text[a:b] for (_, d), sp in spans.items() for a, b in sp]
    matrix = vectors(texts) if texts else np.zeros((0, embedder.dim))
    out: dict[str, dict[str, Any]] = {}
    pos = 0
    vec_of: dict[tuple[str, str], NDArray[np.float32]] = {}
    for key, sp in spans.items():
        vec_of[key] = matrix[pos : pos + len(sp)].astype(np.float32)
        pos += len(sp)
    for story in multi:
        versions = {
            d: _version(docs[d], vec_of[(story.id, d)], per_doc_stories[d], spans[(story.id, d)])
            for d in story.documents
            if spans[(story.id, d)]
        }
        pairs: dict[tuple[str, str], Pair] = {}
        # A small story aligns all its pairs: being in one story already says two versions
        # are related, and the forest needs every candidate parent, whatever evidence bar the
        # link stage applied to the pair itself. A large one aligns its linked pairs only.
        every = len(versions) <= ALL_PAIRS_UP_TO
        todo = [
            (versions[a], versions[b])
            for a, b in itertools.combinations(sorted(versions), 2)
            if every or frozenset((a, b)) in linked
        ]
        for p in align_pairs(todo, kept, embedder.name):
            pairs[(p.src, p.tgt)], pairs[(p.tgt, p.src)] = p, p.reverse()
        origin = choose_origin(versions, pairs) if pairs else None
        root = origin or (choose_origin_fallback(versions, pairs) if pairs else None)
        edges = build_forest(root, versions, pairs) if root else []
        links = [link_json(pairs[e], versions, tree=True) for e in edges]
        links += [link_json(p, versions, tree=False) for p in _collations(edges, versions, pairs)]
        attach_changes(links, docs, drift_check)  # facts that differ between aligned passages
        out[story.id] = {"origin": origin, "links": links}
    return out


def choose_origin_fallback(
    versions: Mapping[str, Version], pairs: Mapping[tuple[str, str], Pair]
) -> str:
    """A root for the forest when the origin is a toss-up: the most central version."""

    def central(d: str) -> float:
        mine = [p.similarity for (a, _), p in pairs.items() if a == d]
        return float(np.mean(mine)) if mine else 0.0

    return max(sorted(versions), key=central)
