"""Story-level filters over the changes of all links of one story (siblings and consensus).

Contract:
    ``filter_story(entries, docs)`` takes every link of one story with its
    :class:`~storytrace.diff.model.Change` s (``(link, changes)`` pairs, links in the report
    shape) and the story's documents, and returns the changes to keep, link by link, in the
    same order. Two rules, both about versions derived from one source:

* **Common source.** A change on a link outside the derivation tree (``tree`` false: two
  siblings collated) between two sentences that are both aligned, through tree links, to one
  sentence of a common source is not reported there: each sibling's departure from that
  source is reported on its own tree link, where the reader sees which version changed.
  A sibling link keeps what the common source cannot explain (passages the source lacks).
* **Sibling consensus.** A meaning drift (``"meaning drift: 'a' -> 'b'"``) on a tree link
  S -> T is dropped when another version derived from S renders the same source sentence
  with the same words ``b`` (every content word of ``b``, by stem, is in that version's
  aligned sentence of the same language): two independent renderings agreeing on a word is
  an ordinary rendering ("details" -> "information"), not a slip of one translator. A
  substitution only one version makes ("officer" -> "official" where the other keeps
  "officer") is kept.
* **Said once.** A meaning drift on a sibling link that a tree link of the story already
  reports for the same document (the same words swapped the same way: a systematic
  "officer" -> "official" of one translation shows in every sentence it collates) is not
  reported again there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..models import Document
from .drift import content_words
from .model import Change, Span, alignment_pairs, is_drift, lang_base, overlaps

#: (this document's sentence, source document id, source sentence)
_Anc = tuple[Span, str, Span]


def _ancestry(links: Sequence[Mapping[str, Any]]) -> dict[str, list[_Anc]]:
    """For each document, its sentences aligned to a sentence of its tree source."""
    anc: dict[str, list[_Anc]] = {}
    for link in links:
        if not link.get("tree", True):
            continue
        for s, t in alignment_pairs(link):
            anc.setdefault(str(link["target"]), []).append((t, str(link["source"]), s))
            # the source's own sentence is its own ancestor (a link from a source to a
            # derived version collated as a sibling still shares the source sentence)
            anc.setdefault(str(link["source"]), []).append((s, str(link["source"]), s))
    return anc


def _common_source(c: Change, link: Mapping[str, Any], anc: Mapping[str, list[_Anc]]) -> bool:
    mine = [
        (d, s) for span, d, s in anc.get(str(link["source"]), ()) if overlaps(span, (c.source,))
    ]
    if not mine:
        return False
    theirs = [
        (d, s) for span, d, s in anc.get(str(link["target"]), ()) if overlaps(span, (c.target,))
    ]
    return any(da == db and overlaps(sa, (sb,)) for da, sa in mine for db, sb in theirs)


def _renders_alike(
    c: Change,
    link: Mapping[str, Any],
    others: Sequence[Mapping[str, Any]],
    docs: Mapping[str, Document],
) -> bool:
    """Does another version derived from the same source render ``c``'s source the same?"""
    target = docs.get(str(link["target"]))
    if target is None:
        return False
    wanted = {w.stem for w in content_words(c.target_text, target.lang)}
    if not wanted:
        return False
    for other in others:
        doc = docs.get(str(other["target"]))
        if doc is None or lang_base(doc.lang) != lang_base(target.lang):
            continue
        for s, t in alignment_pairs(other):
            if not overlaps(s, (c.source,)):
                continue
            stems = {w.stem for w in content_words(doc.text[t[0] : t[1]], doc.lang)}
            if wanted <= stems:
                return True
    return False


def _said(c: Change, link: Mapping[str, Any], said: set[tuple[str, str, str]]) -> bool:
    """Is this sibling drift a substitution a tree link reports for the same document?"""
    if not is_drift(c):
        return False
    a, b = c.source_text.casefold(), c.target_text.casefold()
    return (str(link["target"]), a, b) in said or (str(link["source"]), b, a) in said


def filter_story(
    entries: Sequence[tuple[Mapping[str, Any], list[Change]]], docs: Mapping[str, Document]
) -> list[list[Change]]:
    """The changes of each link worth reporting once the whole story is seen (module doc)."""
    links = [link for link, _ in entries]
    anc = _ancestry(links)
    said = {
        (str(link["target"]), c.source_text.casefold(), c.target_text.casefold())
        for link, changes in entries
        if link.get("tree", True)
        for c in changes
        if is_drift(c)
    }
    out: list[list[Change]] = []
    for link, changes in entries:
        if not link.get("tree", True):
            out.append(
                [
                    c
                    for c in changes
                    if not _common_source(c, link, anc) and not _said(c, link, said)
                ]
            )
            continue
        others = [
            o
            for o in links
            if o is not link and o.get("tree", True) and o["source"] == link["source"]
        ]
        out.append(
            [c for c in changes if not (is_drift(c) and _renders_alike(c, link, others, docs))]
        )
    return out
