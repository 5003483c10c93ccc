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
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
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


def minhash(report: Report, threshold: float = 0.5, num_perm: int = 128) -> dict[str, Any]:
    from ..link.shingles import lsh_pairs, shingles, signatures, tokens

    docs = list(report.get("documents", []))
    sigs = signatures([shingles(tokens(_prose(d))) for d in docs], num_perm=num_perm)
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in lsh_pairs([d["id"] for d in docs], sigs, threshold, num_perm=num_perm):
        parent[max(find(i), find(j))] = min(find(i), find(j))
    return _with_stories(report, {d["id"]: f"B-{docs[find(k)]['id']}" for k, d in enumerate(docs)})


BASELINES: dict[str, Callable[[Report], dict[str, Any]]] = {
    "alone": alone,
    "minhash": minhash,
    "per-language": per_language,
}
