"""Derivation of every story: alignments, origin, derivation forest and relation labels.

Contract:
    ``derive_stories(store, stories, links, embedder)`` aligns the sentences of every
    confirmed document pair inside each story of two or more documents, picks the story's
    origin, builds a derivation forest (each version has at most one parent), labels each
    link (:mod:`storytrace.derive.relations`) and returns, per story id, ``origin`` and
    ``links[]`` in the shape of ``report-schema.md``. Sentence vectors come from the store's
    cache (each sentence is embedded once).

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
parents lack (a truncated origin) are compared too and reported with ``tree: false``.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..align.aligner import Alignment, align, config_for
from ..align.anchors import Anchors, anchors
from ..link.cues import starts_mid_sentence
from ..link.embed import Embedder, embed_cached
from ..link.evidence import bigrams, containment
from ..models import Document
from .artefacts import artefact_rate, artefacts
from .relations import PairFeatures, label

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from ..link.embed import VectorCache
    from ..link.stories import StoryInfo


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
    story: str,
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
    """Character spans of runs of consecutive sentence indices."""
    out: list[list[int]] = []
    for k, group in itertools.groupby(enumerate(sorted(idx)), key=lambda t: t[1] - t[0]):
        del k
        run = [i for _, i in group]
        out.append([v.spans[run[0]][0], v.spans[run[-1]][1]])
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
            {"source": list(s.spans[i]), "target": list(t.spans[j]), "score": round(sc, 4)}
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
        fresh = [(i, j) for i, j, _ in p.pairs if i not in ca and j not in cb]
        if len(fresh) >= 3 and len(fresh) >= 0.1 * min(
            len(versions[a].spans), len(versions[b].spans)
        ):
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
    per_doc_stories: dict[str, int] = {}
    for s in stories:
        for d in s.documents:
            per_doc_stories[d] = per_doc_stories.get(d, 0) + 1
    spans = {(s.id, d): story_spans(docs[d], s.id) for s in multi for d in s.documents}
    texts = [docs[d].text[a:b] for (_, d), sp in spans.items() for a, b in sp]
    matrix = embed_cached(embedder, texts, cache) if texts else np.zeros((0, embedder.dim))
    out: dict[str, dict[str, Any]] = {}
    pos = 0
    vec_of: dict[tuple[str, str], NDArray[np.float32]] = {}
    for key, sp in spans.items():
        vec_of[key] = matrix[pos : pos + len(sp)].astype(np.float32)
        pos += len(sp)
    for story in multi:
        versions = {
            d: _version(
                docs[d], story.id, vec_of[(story.id, d)], per_doc_stories[d], spans[(story.id, d)]
            )
            for d in story.documents
            if spans[(story.id, d)]
        }
        pairs: dict[tuple[str, str], Pair] = {}
        for a, b in itertools.combinations(sorted(versions), 2):
            if frozenset((a, b)) in linked:
                p = _align(versions[a], versions[b])
                pairs[(a, b)], pairs[(b, a)] = p, p.reverse()
        origin = choose_origin(versions, pairs) if pairs else None
        root = origin or (choose_origin_fallback(versions, pairs) if pairs else None)
        edges = build_forest(root, versions, pairs) if root else []
        links = [link_json(pairs[e], versions, tree=True) for e in edges]
        links += [link_json(p, versions, tree=False) for p in _collations(edges, versions, pairs)]
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
