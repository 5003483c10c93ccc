#!/usr/bin/env python3
"""Validate examples/truth.json against examples/input/*.txt.

Self-contained structural check for the bundled example corpus (format
"storytrace.seed-truth/1"):

* every quoted string (segment first/last lines, additions, noise, change
  texts, alignment sentences) is an exact substring of its document;
* segments are ordered, start and end on non-blank lines, cover every
  non-blank line, and adjacent segments with the same kind and story/reason
  are merged; first_line/last_line are the first 60 characters of the line;
* ids, relations, segment kinds, boilerplate reasons, change kinds, causes
  and severities come from the allowed vocabularies;
* every link has exactly one alignment entry and vice versa, and aligned
  sentences / change texts lie inside story segments of the right story;
* input files are UTF-8 with LF line endings.

usage: python3 check_truth.py [truth.json] [input_dir]     exit 0 = pass
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RELATIONS = {"copy", "translation", "excerpt", "paraphrase", "mashup", "rewrite"}
KINDS = {"story", "boilerplate", "unassigned"}
REASONS = {"translation-disclaimer", "image-caption", "related-links", "ad", "tags",
           "subscribe-prompt", "comment-form", "byline", "footer", "server-timing"}
CHANGE_KINDS = {"number", "date", "name", "quote", "polarity", "negation", "other"}
CAUSES = {"translation-error", "editorial", "scrape-loss", "format"}
SEVERITIES = {"major", "minor"}


def main(argv: list[str]) -> int:
    truth_path = Path(argv[1]) if len(argv) > 1 else HERE / "truth.json"
    input_dir = Path(argv[2]) if len(argv) > 2 else HERE / "input"
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    errors: list[str] = []

    def need(ok: bool, msg: str) -> None:
        if not ok:
            errors.append(msg)

    need(truth.get("schema") == "storytrace.seed-truth/1", "schema must be storytrace.seed-truth/1")
    docs = truth["documents"]
    texts: dict[str, str] = {}
    for doc in docs:
        path = input_dir / f"{doc}.txt"
        if not path.exists():
            need(False, f"missing input file {path}")
            texts[doc] = ""
            continue
        raw = path.read_bytes()
        need(b"\r" not in raw, f"{doc}: CR characters (LF line endings required)")
        texts[doc] = raw.decode("utf-8")
    on_disk = {p.stem for p in input_dir.glob("*.txt")}
    need(on_disk == set(docs), f"input files {sorted(on_disk)} != documents {sorted(docs)}")

    def quoted(doc: str, s: object, where: str) -> None:
        need(isinstance(s, str) and bool(s) and s in texts.get(doc, ""),
             f"{where}: not an exact substring of {doc}: {str(s)[:80]!r}")

    # stories and links
    stories = {st["id"]: st for st in truth["stories"]}
    need(len(stories) == len(truth["stories"]), "duplicate story ids")
    links = []
    for sid, st in stories.items():
        need(bool(st.get("title")), f"{sid}: missing title")
        need(all(d in docs for d in st["documents"]), f"{sid}: unknown document")
        need(st.get("origin") in st["documents"], f"{sid}: origin not among its documents")
        for ln in st["links"]:
            need(ln["relation"] in RELATIONS, f"{sid}: bad relation {ln['relation']}")
            need(ln["source"] in st["documents"] and ln["target"] in st["documents"], f"{sid}: link outside story")
            need(bool(ln.get("evidence")), f"{sid}: link without evidence")
            links.append((ln["source"], ln["target"], sid))

    # documents and segments
    story_lines: dict[tuple[str, str], str] = {}
    for doc, info in docs.items():
        lines = texts[doc].split("\n")
        need(isinstance(info.get("lang"), str) and len(info["lang"]) == 2, f"{doc}: lang must be a 2-letter code")
        need(bool(info.get("apparent_pipeline")), f"{doc}: missing apparent_pipeline")
        covered: set[int] = set()
        prev_end, prev_key = 0, None
        seen_stories = set()
        for i, seg in enumerate(info["segments"]):
            where = f"{doc} segment {i}"
            a, b = seg["lines"]
            need(1 <= a <= b <= len(lines), f"{where}: bad range {seg['lines']}")
            if not 1 <= a <= b <= len(lines):
                continue
            need(a > prev_end, f"{where}: overlaps or out of order")
            need(lines[a - 1].strip() != "" and lines[b - 1].strip() != "", f"{where}: starts/ends on a blank line")
            need(seg["first_line"] == lines[a - 1][:60], f"{where}: first_line != first 60 chars of line {a}")
            need(seg["last_line"] == lines[b - 1][:60], f"{where}: last_line != first 60 chars of line {b}")
            need(seg["kind"] in KINDS, f"{where}: bad kind {seg['kind']}")
            if seg["kind"] == "story":
                need(seg.get("story") in stories, f"{where}: unknown story {seg.get('story')}")
                seen_stories.add(seg.get("story"))
                key = seg.get("story", "")
                story_lines[(doc, key)] = story_lines.get((doc, key), "") + "\n" + "\n".join(lines[a - 1:b])
            elif seg["kind"] == "boilerplate":
                need(seg.get("reason") in REASONS, f"{where}: bad reason {seg.get('reason')}")
            key = (seg["kind"], seg.get("story") or seg.get("reason"))
            gap_blank = all(not lines[n - 1].strip() for n in range(prev_end + 1, a))
            need(not (key == prev_key and gap_blank), f"{where}: should be merged with the previous segment")
            covered.update(range(a, b + 1))
            prev_end, prev_key = b, key
        missing = [n for n, l in enumerate(lines, 1) if l.strip() and n not in covered]
        need(not missing, f"{doc}: non-blank lines outside segments: {missing}")
        expected = {sid for sid, st in stories.items() if doc in st["documents"]}
        need(seen_stories == expected, f"{doc}: story segments {sorted(seen_stories)} != stories listing it {sorted(expected)}")
        for j, add in enumerate(info.get("additions", [])):
            quoted(doc, add["first_line"], f"{doc} addition {j} first_line")
            quoted(doc, add["last_line"], f"{doc} addition {j} last_line")
        for j, nz in enumerate(info.get("noise", [])):
            quoted(doc, nz["text"], f"{doc} noise {j}")

    def in_story(doc: str, sid: str | None, s: str) -> bool:
        if sid is not None:
            return s in story_lines.get((doc, sid), "")
        return any(s in v for (d, _), v in story_lines.items() if d == doc)

    # changes
    link_story = {(s, t): sid for s, t, sid in links}
    for i, ch in enumerate(truth["changes"]):
        where = f"change {i} ({ch['source']}->{ch['target']})"
        need(ch["kind"] in CHANGE_KINDS, f"{where}: bad kind {ch['kind']}")
        need(ch.get("cause") in CAUSES, f"{where}: bad cause {ch.get('cause')}")
        need(ch.get("severity") in SEVERITIES, f"{where}: bad severity {ch.get('severity')}")
        need(bool(ch.get("note")), f"{where}: missing note")
        need(ch["source_text"] != ch["target_text"], f"{where}: source_text == target_text")
        quoted(ch["source"], ch["source_text"], where + " source_text")
        quoted(ch["target"], ch["target_text"], where + " target_text")
        sid = link_story.get((ch["source"], ch["target"]))
        need(in_story(ch["source"], sid, ch["source_text"]), f"{where}: source_text outside story text")
        need(in_story(ch["target"], sid, ch["target_text"]), f"{where}: target_text outside story text")

    # alignments
    aligned = [(al["source"], al["target"]) for al in truth["alignments"]]
    need(sorted(aligned) == sorted((s, t) for s, t, _ in links), "alignments must correspond one-to-one to links")
    per: dict[str, int] = {}
    for al in truth["alignments"]:
        sid = link_story.get((al["source"], al["target"]))
        key = f"{al['source'][:3]}->{al['target'][:3]}"
        per[key] = len(al["pairs"])
        need(len(al["pairs"]) > 0, f"alignment {key}: no pairs")
        for k, (s, t) in enumerate(al["pairs"]):
            quoted(al["source"], s, f"alignment {key} pair {k} source")
            quoted(al["target"], t, f"alignment {key} pair {k} target")
            need(in_story(al["source"], sid, s) and in_story(al["target"], sid, t),
                 f"alignment {key} pair {k}: sentence outside story text")

    n_segments = sum(len(info["segments"]) for info in docs.values())
    print(f"documents={len(docs)} stories={len(stories)} links={len(links)} segments={n_segments} "
          f"changes={len(truth['changes'])} alignment_pairs={sum(per.values())} {per}")
    if errors:
        print(f"FAIL: {len(errors)} problem(s)")
        for e in errors:
            print("  -", e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
