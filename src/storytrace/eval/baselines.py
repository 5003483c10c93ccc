"""Baselines scored beside storytrace, so every number has a floor to be read against.

Contract:
    Each function takes a trace report (``storytrace.report/1``: documents with ``text``,
    ``lang`` and ``segments``) and returns a copy whose ``stories`` and story segments come
    from a trivial method instead; boilerplate segments are kept, so only the story metrics
    differ. The report itself is not modified.

* ``alone`` — every document is a story of its own (what you get without linking);
* ``minhash`` — the common text-dedup approach: document-level MinHash over word
  3-shingles with LSH at a Jaccard threshold, connected components as stories;
* ``per_language`` — one story per language (topic-blind clustering's degenerate case).

``components(ids, pairs)`` is the union-find behind ``minhash`` (``benchmarks/link_bench.py``
uses it too).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

Report = Mapping[str, Any]


def _with_stories(report: Report, story_of: Mapping[str, str]) -> dict[str, Any]:
    out = copy.deepcopy(dict(report))
    members: dict[str, list[str]] = {}
    for doc in out.get("documents", []):
        sid = story_of[doc["id"]]
        members.setdefault(sid, []).append(doc["id"])
        for seg in doc.get("segments", []):
            if seg.get("kind") in ("story", "unassigned"):
                seg["kind"], seg["story"] = "story", sid
    out["stories"] = [
        {"id": sid, "title": sid, "documents": sorted(docs), "origin": None, "links": []}
        for sid, docs in sorted(members.items())
    ]
    return out


def alone(report: Report) -> dict[str, Any]:
    return _with_stories(report, {d["id"]: f"B-{d['id']}" for d in report.get("documents", [])})


def per_language(report: Report) -> dict[str, Any]:
    return _with_stories(
        report, {d["id"]: f"B-{d.get('lang') or 'unknown'}" for d in report.get("documents", [])}
    )


def _prose(doc: Mapping[str, Any]) -> str:
    text = str(doc.get("text", ""))
    return " ".join(
        text[s["start"] : s["end"]]
        for s in doc.get("segments", [])
        if s.get("kind") != "boilerplate"
    )


def components(ids: Sequence[str], pairs: Iterable[tuple[int, int]]) -> list[list[str]]:
    """Connected components of ``ids`` joined by ``pairs`` of indexes into ``ids``.

    Components come in the order of their first member, members in the order of ``ids``.
    """
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


def minhash(report: Report, threshold: float = 0.5, num_perm: int = 128) -> dict[str, Any]:
    from ..link.shingles import lsh_pairs, shingles, signatures, tokens

    docs = list(report.get("documents", []))
    ids = [d["id"] for d in docs]
    sigs = signatures([shingles(tokens(_prose(d))) for d in docs], num_perm=num_perm)
    pairs = lsh_pairs(ids, sigs, threshold, num_perm=num_perm)
    # A component is named after its first document.
    return _with_stories(report, {d: f"B-{c[0]}" for c in components(ids, pairs) for d in c})


BASELINES: dict[str, Callable[[Report], dict[str, Any]]] = {
    "alone": alone,
    "minhash": minhash,
    "per-language": per_language,
}
