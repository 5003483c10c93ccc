"""From confirmed passage links to stories, and the story of every passage.

Contract:
    ``form_stories(docs, passages, vectors, links, compared)`` is deterministic and depends
    only on its arguments. It returns the stories (id, title, documents) and, per document,
    the story id of each of its passages (``None``: prose that joins no story).

How (each step says why):

1. **Consistency.** A weak cross-language link is dropped when a strong link on one side
   leads to a document in the other side's language that was compared with the other side
   and rejected: if the German translation of A matches B only as well as an independent
   report would, and A itself (same language as B) does not match B, B is not derived
   from A.
2. **Components.** Passages joined by supporting matches form components (union-find);
   because a document pair needs several ordered matches to be confirmed, one generic
   sentence cannot chain two stories.
3. **Gaps.** Unlinked passages between two passages of one story belong to it (a version
   keeps material its linked siblings dropped). Unlinked passages at the edge of a story
   join it when nothing marks an article start there, no name is spelled differently, and
   they read like the rest of that story in this document (cohesion).
4. **Leftovers** are the rest of a page: they are cut into articles at article-start cues
   (datelines, highlight bullets, cut-off fragments, a headline after boilerplate) and, on
   pages that already carry several stories, at topic shifts (TextTiling over passage
   vectors); fragments of one article that the page separated join again when they read
   alike and spell names the same way.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..models import Document
from ..options import StoryConfig
from .cues import BULLETED as _BULLETED
from .cues import article_start, is_headline, name_forms, spelling_conflicts
from .evidence import DocLink
from .passages import Passage

if TYPE_CHECKING:
    from numpy.typing import NDArray

Key = tuple[str, int]


@dataclass(frozen=True, slots=True)
class StoryInfo:
    id: str
    title: str
    documents: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Stories:
    stories: tuple[StoryInfo, ...]
    passage_story: Mapping[str, tuple[str | None, ...]]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Key, Key] = {}

    def find(self, x: Key) -> Key:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Key, b: Key) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def consistent_links(
    links: Sequence[DocLink],
    compared: set[tuple[str, str]],
    lang: Mapping[str, str | None],
    cfg: StoryConfig,
) -> list[DocLink]:
    """Step 1 of the module docstring."""
    linked = {(lk.a, lk.b) for lk in links} | {(lk.b, lk.a) for lk in links}
    strong: dict[str, set[str]] = defaultdict(set)
    for lk in links:
        if len(lk.matches) >= cfg.weak_cross_support:
            strong[lk.a].add(lk.b)
            strong[lk.b].add(lk.a)

    def rejected(x: str, y: str) -> bool:
        return ((x, y) in compared or (y, x) in compared) and (x, y) not in linked

    kept = []
    for lk in links:
        if lang[lk.a] == lang[lk.b] or len(lk.matches) >= cfg.weak_cross_support:
            kept.append(lk)
            continue
        veto = any(
            lang[z] == lang[y] and rejected(z, y)
            for x, y in ((lk.a, lk.b), (lk.b, lk.a))
            for z in strong[x]
            if z != y
        )
        if not veto:
            kept.append(lk)
    return kept


def _cohesion(va: NDArray[np.float32], vb: NDArray[np.float32]) -> float:
    if not len(va) or not len(vb):
        return 0.0
    sim = va @ vb.T
    return float((sim.max(axis=1).mean() + sim.max(axis=0).mean()) / 2)


def _tile_boundaries(vecs: NDArray[np.float32], cfg: StoryConfig) -> list[int]:
    """Indices ``g`` (cut before passage g) where similarity dips deeply (TextTiling)."""
    n, w = len(vecs), cfg.tile_window
    if n < 2 * w:
        return []
    scores = []
    for g in range(1, n):
        left, right = vecs[max(0, g - w) : g].mean(0), vecs[g : g + w].mean(0)
        scores.append(float(left @ right / (np.linalg.norm(left) * np.linalg.norm(right))))
    cuts = []
    for k, s in enumerate(scores):
        if 0 < k < len(scores) - 1 and not (s <= scores[k - 1] and s <= scores[k + 1]):
            continue
        depth = (max(scores[: k + 1]) - s) + (max(scores[k:]) - s)
        if depth >= cfg.tile_depth and w <= k + 1 <= n - w:
            cuts.append(k + 1)
    return cuts


def form_stories(
    docs: Mapping[str, Document],
    passages: Mapping[str, Sequence[Passage]],
    vectors: Mapping[str, NDArray[np.float32]],
    links: Sequence[DocLink],
    compared: set[tuple[str, str]],
    cfg: StoryConfig | None = None,
) -> Stories:
    """See the module docstring."""
    cfg = cfg or StoryConfig()
    lang = {d: docs[d].lang for d in docs}
    uf = _UnionFind()
    partners: dict[Key, set[str]] = defaultdict(set)
    for lk in consistent_links(links, compared, lang, cfg):
        for m in lk.matches:
            uf.union((lk.a, m.a), (lk.b, m.b))
            partners[(lk.a, m.a)].add(lk.b)
            partners[(lk.b, m.b)].add(lk.a)
    # Within a document, nearby linked passages are one story when they are linked to a
    # common document; a page that glues two linked stories keeps them apart. "Nearby":
    # any of the previous three linked passages, so that one passage matched only in a
    # third version (an excerpt that kept it) does not cut the story in two.
    for doc_id in sorted(passages):
        recent: list[Key] = []
        for p in passages[doc_id]:
            key = (doc_id, p.idx)
            if key not in partners:
                continue
            for prev in recent:
                if partners[prev] & partners[key]:
                    uf.union(prev, key)
            recent = [*recent[-2:], key]
    labels: dict[str, list[Key | None]] = {}
    for doc_id in sorted(passages):
        labels[doc_id] = [
            uf.find((doc_id, p.idx)) if (doc_id, p.idx) in uf.parent else None
            for p in passages[doc_id]
        ]
    leftovers: dict[str, list[list[int]]] = {}
    for doc_id, labs in labels.items():
        leftovers[doc_id] = _fill_gaps(docs[doc_id], passages[doc_id], vectors[doc_id], labs, cfg)
    for doc_id, runs in leftovers.items():
        groups = _cut_leftovers(
            docs[doc_id],
            passages[doc_id],
            vectors[doc_id],
            runs,
            mashup=any(lab is not None for lab in labels[doc_id]),
            cfg=cfg,
        )
        for group in groups:
            chars = sum(len(passages[doc_id][i].text) for i in group)
            if chars < cfg.min_story_chars and len(group) < 2:
                continue
            root: Key = (doc_id, group[0])
            for i in group:
                labels[doc_id][i] = root
    return _name_stories(docs, passages, labels)


def _runs(labs: Sequence[Key | None]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i, lab in enumerate(labs):
        if lab is None:
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
    return runs


def _fill_gaps(
    doc: Document,
    ps: Sequence[Passage],
    vecs: NDArray[np.float32],
    labs: list[Key | None],
    cfg: StoryConfig,
) -> list[list[int]]:
    """Step 3; returns the runs of passages that stay unlabelled."""
    left_over = []
    for run in _runs(labs):
        before = labs[run[0] - 1] if run[0] > 0 else None
        after = labs[run[-1] + 1] if run[-1] + 1 < len(labs) else None
        if before is not None and before == after:
            for i in run:
                labs[i] = before
            continue
        if all(_is_heading(ps[i]) for i in run) and (after or before) is not None:
            # A headline introduces what follows it (or closes a story at the end).
            for i in run:
                labs[i] = after if after is not None else before
            continue
        text = " ".join(ps[i].text for i in run)
        target = None
        for side, lab in (("before", before), ("after", after)):
            if lab is None:
                continue
            members = [i for i, x in enumerate(labs) if x == lab]
            starts_new = (
                article_start(ps[run[0]].text)
                if side == "before"
                else article_start(ps[run[-1] + 1].text)
            )
            if starts_new:
                continue
            if spelling_conflicts(
                name_forms(text), name_forms(" ".join(ps[i].text for i in members))
            ):
                continue
            if _cohesion(vecs[run], vecs[members]) >= cfg.attach_cohesion:
                target = lab
                break
        if target is not None:
            for i in run:
                labs[i] = target
        else:
            left_over.append(run)
    return left_over


def _is_heading(p: Passage) -> bool:
    return is_headline(p.text) or bool(_BULLETED.match(p.text))


def _boilerplate_between(doc: Document, a: Passage | None, b: Passage) -> bool:
    lo = a.end if a is not None else 0
    return any(s.kind == "boilerplate" and s.start < b.start and s.end > lo for s in doc.segments)


def _cut_leftovers(
    doc: Document,
    ps: Sequence[Passage],
    vecs: NDArray[np.float32],
    runs: list[list[int]],
    *,
    mashup: bool,
    cfg: StoryConfig,
) -> list[list[int]]:
    """Step 4: articles of a page's unlinked prose, as lists of passage indices."""
    pieces: list[list[int]] = []
    for run in runs:
        piece: list[int] = []
        for i in run:
            prev = ps[i - 1] if i > 0 else None
            header_only = all(_is_heading(ps[k]) for k in piece)
            if (
                piece
                and not header_only
                and article_start(
                    ps[i].text, after_boilerplate=_boilerplate_between(doc, prev, ps[i])
                )
            ):
                pieces.append(piece)
                piece = []
            piece.append(i)
        pieces.append(piece)
    several = mashup or len(pieces) > 1
    if several:  # topic shifts only where the page already shows it is a composite
        tiled: list[list[int]] = []
        for piece in pieces:
            found = _tile_boundaries(vecs[piece], cfg)
            # A section's heading goes with the text after it, not before.
            found = [g - 1 if g > 1 and _is_heading(ps[piece[g - 1]]) else g for g in found]
            cuts = [0, *sorted(set(found)), len(piece)]
            tiled.extend(piece[a:b] for a, b in itertools.pairwise(cuts) if b > a)
        pieces = tiled
    # Rejoin separated fragments of one article: greedy, best pair first, never neighbours.
    groups = [list(p) for p in pieces]
    forms = [name_forms(" ".join(ps[i].text for i in g)) for g in groups]
    while len(groups) > 1:
        best, pair = cfg.rejoin_cohesion, None
        for x in range(len(groups)):
            for y in range(x + 1, len(groups)):
                if groups[y][0] == groups[x][-1] + 1 or groups[x][0] == groups[y][-1] + 1:
                    continue
                if spelling_conflicts(forms[x], forms[y]):
                    continue
                c = _cohesion(vecs[groups[x]], vecs[groups[y]])
                if c >= best:
                    best, pair = c, (x, y)
        if pair is None:
            break
        x, y = pair
        groups[x] = sorted(groups[x] + groups[y])
        forms[x] |= forms[y]
        del groups[y], forms[y]
    return groups


def _name_stories(
    docs: Mapping[str, Document],
    passages: Mapping[str, Sequence[Passage]],
    labels: Mapping[str, list[Key | None]],
) -> Stories:
    members: dict[Key, list[tuple[str, int]]] = defaultdict(list)
    for doc_id in sorted(labels):
        for i, lab in enumerate(labels[doc_id]):
            if lab is not None:
                members[lab].append((doc_id, i))
    # Deterministic ids: by first (document, passage) in sorted order.
    order = sorted(members, key=lambda k: min(members[k]))
    ids = {root: f"S{n}" for n, root in enumerate(order, 1)}
    stories = []
    for root in order:
        mem = members[root]
        doc_ids = tuple(sorted({d for d, _ in mem}))
        stories.append(StoryInfo(ids[root], _title(docs, passages, mem), doc_ids))
    passage_story = {
        d: tuple(ids[lab] if lab is not None else None for lab in labs)
        for d, labs in labels.items()
    }
    return Stories(tuple(stories), passage_story)


def _title(
    docs: Mapping[str, Document],
    passages: Mapping[str, Sequence[Passage]],
    mem: list[tuple[str, int]],
) -> str:
    """A short label: a headline the story's passages share, else the fullest version's
    title, else the opening of its first passage."""
    per_doc: dict[str, list[int]] = defaultdict(list)
    for d, i in mem:
        per_doc[d].append(i)
    # A headline carried by several versions (copies keep it) names the story best.
    headlines: dict[str, int] = defaultdict(int)
    for d, idxs in per_doc.items():
        for i in idxs:
            text = " ".join(passages[d][i].text.split())
            if is_headline(text) and len(text.split()) >= 3:
                headlines[text.strip("•*· ")] += 1
    shared = [h for h, n in headlines.items() if n >= 2]
    if shared:
        return max(sorted(shared), key=lambda h: headlines[h])
    best = max(sorted(per_doc), key=lambda d: len(per_doc[d]))
    doc, first = docs[best], min(per_doc[best])
    if doc.title and first == 0:
        return doc.title.strip("•*· ")
    text = " ".join(passages[best][first].text.split()).strip("•*· ")
    return text if len(text) <= 90 else text[:87].rsplit(" ", 1)[0] + "…"
