"""Passages one version has and another lacks: added, dropped, replaced openings, and
passages in no other version of the story.

Contract:
    ``passage_changes(link, source, target, pairs)`` and ``opening_change(...)`` return the
    passage-level :class:`~storytrace.diff.model.Change` s of one link (kind ``other``);
    ``own_passages(entries, docs)`` takes every link of one story with its changes and
    returns, link by link, the passages of a version that no other version has, to add to
    the link where a complete version shows the surrounding text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..models import Document
from .confirm import Similarity
from .model import Change, Span, alignment_pairs, inside, overlaps, story_segments
from .numbers import numbers

#: Relations whose versions are expected to be complete: a sentence missing on either side
#: is a drop. Other tree links (rewrites) report only what the target added.
COMPLETE_RELATIONS = frozenset({"translation", "paraphrase"})
#: A passage shorter than this (words) is a subhead or a fragment, not reported.
MIN_PASSAGE_WORDS = 5
#: A run of more paragraphs than this is a section (a rewrite's own coverage), not reported
#: paragraph by paragraph.
MAX_PASSAGE_PARAGRAPHS = 3
SCORE_PASSAGE = 0.5
_WORDS = re.compile(r"[^\W\d_]+")


def _paragraphs(text: str, start: int, end: int) -> list[Span]:
    out: list[Span] = []
    pos = start
    for piece in text[start:end].split("\n"):
        a = pos + len(piece) - len(piece.lstrip())
        b = pos + len(piece.rstrip())
        if b > a:
            out.append((a, b))
        pos += len(piece) + 1
    return out


def sections(runs: Iterable[Sequence[int]], aligned: Sequence[Span]) -> list[Span]:
    """A link's ``added`` (``dropped``) runs, joined where no ``aligned`` sentence of that
    side lies between two of them: the runs stop at boilerplate or at another story's text,
    but the unaligned stretch of the story goes on, and its length is what tells a section
    from a passage."""
    out: list[Span] = []
    starts = sorted(a for a, _ in aligned)
    for a, b in sorted((int(r[0]), int(r[1])) for r in runs):
        if out and not any(out[-1][1] <= x < a for x in starts):
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _anchors(run: Span, mine: Sequence[tuple[Span, Span]]) -> tuple[Span | None, Span | None]:
    """The other side's sentences aligned to the nearest aligned sentences before and after
    ``run`` (``mine`` pairs this side's span with the other side's)."""
    before = [m for m in mine if m[0][1] <= run[0]]
    after = [m for m in mine if m[0][0] >= run[1]]
    return (
        max(before, key=lambda m: m[0])[1] if before else None,
        min(after, key=lambda m: m[0])[1] if after else None,
    )


def _passages(
    runs: Iterable[Sequence[int]],
    doc: Document,
    other: Document,
    mine: Sequence[tuple[Span, Span]],
    other_runs: Iterable[Sequence[int]],
    pieces: Sequence[Span] | None = None,
) -> list[tuple[Span, Span, Span | None]]:
    """``(passage, anchor, following anchor)`` spans of the runs worth reporting (see
    :func:`passage_changes`); ``other_runs`` are the other side's unaligned runs. With
    ``pieces``, only paragraphs inside one of them are passages (``runs`` are then
    :func:`sections`, and the text between their pieces is not the story's)."""
    if not mine:
        return []
    lo = min(m[0][0] for m in mine)
    hi = max(m[0][1] for m in mine)
    other_hi = max(m[1][1] for m in mine)
    # does the other version go on with unaligned text after its last aligned sentence?
    other_rest = any(int(r[0]) >= other_hi for r in other_runs)
    out: list[tuple[Span, Span, Span | None]] = []
    for run in runs:
        a, b = int(run[0]), int(run[1])
        if a < lo or (b > hi and not other_rest):
            continue  # the head, or a tail where the other version simply ends
        paras = _paragraphs(doc.text, a, b)
        if len(paras) > MAX_PASSAGE_PARAGRAPHS:
            continue
        for para in paras:
            text = doc.text[para[0] : para[1]]
            anchor, following = _anchors(para, mine)
            if anchor is None or len(_WORDS.findall(text)) < MIN_PASSAGE_WORDS:
                continue
            if pieces is not None and not inside(para, pieces):
                continue  # boilerplate inside the section
            if anchor[1] >= other_hi and not other_rest:
                continue  # past the other version's end: it stops, this one goes on
            mine_nums = {f.value for f in numbers(text, doc.lang)}
            near = {f.value for f in numbers(other.text[anchor[0] : anchor[1]], other.lang)}
            if mine_nums and mine_nums <= near:
                continue  # a sentence split off its aligned neighbour, facts and all
            out.append((para, anchor, following))
    return out


def passage_changes(
    link: Mapping[str, Any], source: Document, target: Document, pairs: Sequence[tuple[Span, Span]]
) -> list[Change]:
    """Whole passages one version has and the other lacks, inside the aligned region.

    A paragraph of at least :data:`MIN_PASSAGE_WORDS` words among the link's ``added``
    (``dropped``) sentences is reported as kind ``other`` when it lies between aligned
    sentences, or after the last one while the other version goes on with unaligned text
    (an editor who appends background, not an excerpt that ends). Added passages are
    reported for tree links and complete relations (:data:`COMPLETE_RELATIONS`), dropped
    ones for complete relations only: a rewrite abridges by design. A run of more than
    :data:`MAX_PASSAGE_PARAGRAPHS` paragraphs is a section of its own and is left to the
    link's ``added``/``dropped``; a paragraph whose numbers all stand in its anchor is a
    split sentence; a paragraph anchored on the other version's last aligned sentence, when
    nothing unaligned follows there, lies past that version's end (a truncated source). The
    other side's span is the anchor: the sentence aligned to the nearest aligned sentence
    before the passage.
    """
    relation = str(link.get("relation") or "")
    complete = relation in COMPLETE_RELATIONS
    tree = bool(link.get("tree", True))
    out: list[Change] = []
    added_runs = [(int(a), int(b)) for a, b in link.get("added", ())]
    dropped_runs = [(int(a), int(b)) for a, b in link.get("dropped", ())]
    added_sections = sections(added_runs, [t for _, t in pairs])
    dropped_sections = sections(dropped_runs, [s for s, _ in pairs])
    if complete or tree:
        t_mine = [(t, s) for s, t in pairs]
        added = _passages(
            added_sections, target, source, t_mine, dropped_sections, pieces=added_runs
        )
        for para, anchor, _ in added:
            text = target.text[para[0] : para[1]]
            out.append(
                Change(
                    "other", anchor, para, source.text[anchor[0] : anchor[1]], text,
                    f"passage added: {clip(text)!r} has no counterpart in the source",
                    score=SCORE_PASSAGE,
                )
            )  # fmt: skip
    if complete:
        dropped = _passages(
            dropped_sections, source, target, pairs, added_sections, pieces=dropped_runs
        )
        for para, anchor, _ in dropped:
            text = source.text[para[0] : para[1]]
            out.append(
                Change(
                    "other", para, anchor, text, target.text[anchor[0] : anchor[1]],
                    f"passage dropped: {clip(text)!r} has no counterpart in the target",
                    score=SCORE_PASSAGE,
                )
            )  # fmt: skip
    return out


def opening_change(
    link: Mapping[str, Any], source: Document, target: Document, pairs: Sequence[tuple[Span, Span]]
) -> list[Change]:
    """The opening one version replaced with its own: both versions of a complete relation
    (:data:`COMPLETE_RELATIONS`) start with text the other lacks before their first aligned
    sentences (a translation that carries the outlet's own headline instead of the original's
    lede). One change of kind ``other`` between the first paragraphs of the two openings.
    A rewrite reframes its opening by design and is left alone; an opening only one version
    has is a headline or a scrape's cut, not a replacement."""
    if str(link.get("relation") or "") not in COMPLETE_RELATIONS or not pairs:
        return []
    first_s = min(s[0] for s, _ in pairs)
    first_t = min(t[0] for _, t in pairs)

    def head(runs: Iterable[Sequence[int]], doc: Document, first: int) -> Span | None:
        for run in runs:
            a, b = int(run[0]), min(int(run[1]), first)
            paras = _paragraphs(doc.text, a, b) if a < first else []
            if paras and len(_WORDS.findall(doc.text[paras[0][0] : paras[0][1]])) >= 3:
                return paras[0]
        return None

    s_head = head(sections(link.get("dropped", ()), [s for s, _ in pairs]), source, first_s)
    t_head = head(sections(link.get("added", ()), [t for _, t in pairs]), target, first_t)
    if s_head is None or t_head is None:
        return []
    s_text = source.text[s_head[0] : s_head[1]]
    t_text = target.text[t_head[0] : t_head[1]]
    note = f"opening replaced: {clip(s_text)!r} -> {clip(t_text)!r}"
    return [Change("other", s_head, t_head, s_text, t_text, note, score=SCORE_PASSAGE)]


def clip(text: str, n: int = 80) -> str:
    """``text`` cut to ``n`` characters with an ellipsis."""
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


# --- passages in no other version of the story ----------------------------------------------


def _story_paragraphs(
    doc: Document, runs: Iterable[Sequence[int]], aligned: Sequence[Span]
) -> list[Span]:
    """Paragraphs of ``runs`` that lie in the story ``aligned`` belongs to
    (:func:`.model.story_segments`) and overlap no span of ``aligned``."""
    segs = story_segments(doc, aligned)
    return [
        para
        for run in runs
        for para in _paragraphs(doc.text, int(run[0]), int(run[1]))
        if (segs is None or inside(para, segs)) and not overlaps(para, aligned)
    ]


def _kept_in_other_words(
    text: str,
    gap: Span,
    other: Document,
    runs: Iterable[Sequence[int]],
    bar: float,
    similarity: Similarity,
) -> bool:
    """Does an unaligned sentence of ``other`` inside ``gap`` say what ``text`` says, as
    closely (cosine at least ``bar``) as a pair the aligner accepted?"""
    spans = [
        (s.start, s.end)
        for s in other.sentences
        if inside((s.start, s.end), [gap]) and inside((s.start, s.end), runs)
    ]
    if not spans:
        return False
    sims = similarity([text] * len(spans), [other.text[a:b] for a, b in spans])
    return max(sims) >= bar


def own_passages(
    entries: Sequence[tuple[Mapping[str, Any], Sequence[Change]]],
    docs: Mapping[str, Document],
    similarity: Similarity | None = None,
) -> list[list[Change]]:
    """Passages of a version that no other version of the story has, reported on the
    sibling link to a complete version, as changes to add link by link (same order).

    :func:`passage_changes` reports what a tree link's target added between aligned
    sentences. It cannot judge what a version tells of the part of the story a truncated
    source lost: that part is known only from the source's *complete* versions (their tree
    links a :data:`COMPLETE_RELATIONS` relation), which go on past the source's end. So for
    a document ``T`` with a tree source ``P``: a paragraph of ``T``'s ``added`` text on
    ``P -> T`` that no link of the story aligns and no change already covers is reported on
    the sibling link between ``T`` and the complete version of ``P`` it agrees with best
    (highest link score), anchored, as in :func:`passage_changes`, on that version's
    sentence aligned to the nearest aligned sentence before it, when that anchor lies past
    the end of ``P``'s text in the complete version. Anywhere else the tree link judges: a
    paragraph before the first aligned sentence, past the complete version's end, or
    within ``P``'s reach is left alone. Unaligned is not absent: a cross-language pair can sit
    below the aligner's bar. With a ``similarity``, a paragraph is not reported when a
    sentence of the complete version that no pair uses, between the anchors around the
    paragraph, is as similar to it as the link's weakest aligned pair."""
    links = [link for link, _ in entries]
    out: list[list[Change]] = [[] for _ in entries]
    # per document: its aligned sentences in any link, and the spans changes already cover
    aligned: dict[str, list[Span]] = {}
    covered: dict[str, list[Span]] = {}
    for link, changes in entries:
        src, tgt = str(link["source"]), str(link["target"])
        for s, t in alignment_pairs(link):
            aligned.setdefault(src, []).append(s)
            aligned.setdefault(tgt, []).append(t)
        for c in changes:
            covered.setdefault(src, []).append(c.source)
            covered.setdefault(tgt, []).append(c.target)
    for tree in links:
        if not tree.get("tree", True):
            continue
        parent, t_id = str(tree["source"]), str(tree["target"])
        doc = docs.get(t_id)
        if doc is None:
            continue
        # each complete version of the parent -> where the parent's text ends in it
        complete = {
            str(o["target"]): max((t[1] for _, t in alignment_pairs(o)), default=0)
            for o in links
            if o.get("tree", True)
            and str(o["source"]) == parent
            and str(o.get("relation") or "") in COMPLETE_RELATIONS
        }
        standins = [
            (float(o.get("score") or 0.0), i)
            for i, o in enumerate(links)
            if not o.get("tree", True)
            and t_id in (str(o["source"]), str(o["target"]))
            and ({str(o["source"]), str(o["target"])} - {t_id}) & complete.keys()
        ]
        if not standins:
            continue
        _, best = max(standins)
        link = links[best]
        mine_is_source = str(link["source"]) == t_id
        other_id = str(link["target"] if mine_is_source else link["source"])
        other = docs.get(other_id)
        if other is None:
            continue
        paras = [
            p
            for p in _story_paragraphs(doc, tree.get("added", ()), aligned.get(t_id, []))
            if not overlaps(p, covered.get(t_id, []))
        ]
        mine = [(s, t) if mine_is_source else (t, s) for s, t in alignment_pairs(link)]
        other_runs = sections(
            link.get("added" if mine_is_source else "dropped", ()), [m[1] for m in mine]
        )
        bar = min((float(a.get("score", 1.0)) for a in link.get("alignments", ())), default=1.0)
        for para, anchor, after in _passages(paras, doc, other, mine, other_runs):
            if anchor[0] < complete[other_id]:
                continue  # where the parent has text, the tree link judges (passage_changes)
            text = doc.text[para[0] : para[1]]
            gap = (
                (min(anchor[1], after[1]), max(anchor[0], after[0]))
                if after is not None
                else (anchor[1], len(other.text))
            )
            if similarity is not None and _kept_in_other_words(
                text, gap, other, other_runs, bar, similarity
            ):
                continue  # the complete version has it, in words the aligner did not pair
            note = f"passage only in {t_id}: {clip(text)!r}; no other version of the story has it"
            a_text = other.text[anchor[0] : anchor[1]]
            if mine_is_source:
                change = Change("other", para, anchor, text, a_text, note, score=SCORE_PASSAGE)
            else:
                change = Change("other", anchor, para, a_text, text, note, score=SCORE_PASSAGE)
            out[best].append(change)
    return out
