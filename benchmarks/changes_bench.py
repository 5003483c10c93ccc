"""Fact-change benchmark: precision and recall of ``storytrace.diff.compare_sentences``.

A generated set (``changes_pool.py``: nine news frames written in en, de, no, ru, uk, fr, es)
of aligned sentence pairs, the same language or a translation (source and target language
drawn at random):

* ``planted`` pairs (``--planted``): the target carries exactly one changed number (a count
  that lost its thousands or changed, a percentage, an amount in millions), date (day or
  month, a relative date such as "this year" -> "last year", a narrative "two days later"
  replaced by an absolute date, a weekday added) or name (city or speaker replaced);
* ``controls`` (``--controls``): the same facts, each value in a format native to the
  target language, chosen at random among that language's variants ("22,000" / "22 000" /
  "22.000" / "22 тысячи", "Feb. 24" / "24. Februar" / "24 февраля");
* ``artefacts`` (``--artefacts``): German or Norwegian source, English target that kept
  the source's formats ("22.000", "on 24. February"); these must give a "format only"
  note and never a changed value.

A reported change is a true positive when its kind is the planted kind and one of its spans
overlaps the planted slot (a "format only" note never counts as one); every other reported
change, of any kind, is a false positive. Scores are per kind and per target language.
Names are planted only when ``storytrace.diff.names`` provides a comparer.

Run from the repository root: ``nice -n 10 python benchmarks/changes_bench.py``; the run is
appended to ``benchmarks/results/changes.jsonl`` (machine, commit, date, figures).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(HERE))

import benchrecord  # noqa: E402
import changes_pool as pool  # noqa: E402
from storytrace.diff.compare import DEFAULT_COMPARERS, compare_sentences  # noqa: E402
from storytrace.diff.model import Change, Side  # noqa: E402

RESULTS = HERE / "results" / "changes.jsonl"
KINDS = ("number", "date", "name")
#: The frame slots (``changes_pool``) where a change of each kind can be planted.
SLOTS_OF = {"number": {"N", "P", "M", "O", "G"}, "date": {"D", "R", "X", "W"}, "name": {"C", "S"}}


@dataclass
class Case:
    """One aligned pair and what was planted in it (``kind`` ``None``: a control)."""

    src: Side
    tgt: Side
    kind: str | None
    slot: str
    src_span: tuple[int, int]
    tgt_span: tuple[int, int]
    what: str
    group: str  # planted | control | artefact


def _facts(rng: random.Random) -> pool.Facts:
    count = rng.choice(
        [rng.randint(5, 999), rng.randint(1, 99) * 1000, rng.randint(1000, 99_999),
         rng.randint(100, 999) * 1000, rng.randint(1, 9) * 1_000_000]
    )  # fmt: skip
    return pool.Facts(
        speaker=rng.randrange(len(pool.PEOPLE)),
        city=rng.randrange(len(pool.CITIES)),
        count=count,
        percent=rng.choice([float(rng.randint(2, 60)), round(rng.uniform(1, 20), 1)]),
        millions=rng.choice([float(rng.randint(2, 900)), round(rng.uniform(1, 20), 1)]),
        day=rng.randint(2, 28),
        month=rng.randint(1, 12),
        year=rng.choice([None, None, 2021, 2022]),
        relative=rng.choice(list(pool.RELATIVE)),
        narrative=rng.choice([None, "day+2", "day+1"]),
        weekday=None,
        ordinal=rng.randint(1, 160),
        range_=(lo := rng.randint(1, 15) * 5, lo + rng.randint(1, 6) * 5),
    )


def _plant(
    f: pool.Facts, slots: set[str], kinds: list[str], rng: random.Random
) -> tuple[pool.Facts, pool.Facts, str, str, str]:
    """Source facts, target facts, kind, slot and a label of the planted change."""
    kind = rng.choice([k for k in kinds if SLOTS_OF[k] & slots])
    slot = rng.choice(sorted(SLOTS_OF[kind] & slots))
    src, tgt = f, replace(f)
    if slot == "N":
        n = f.count
        if n >= 1000 and n % 1000 == 0 and rng.random() < 0.5:
            tgt.count, what = n // 1000, "count lost its thousands"
        else:
            tgt.count = n + rng.choice([1, -1]) * rng.randint(1, max(1, n // 3))
            what = "count changed"
    elif slot == "P":
        tgt.percent = f.percent + rng.choice([1, 2, 5, -1]) * (1 if f.percent > 5 else 0.5)
        what = "percentage changed"
    elif slot == "M":
        tgt.millions = round(f.millions * rng.choice([2, 10, 0.5]), 1)
        what = "amount changed"
    elif slot == "O":
        tgt.ordinal = f.ordinal + rng.choice([1, -1, 10])
        what = "ordinal changed"
    elif slot == "G":
        lo, hi = f.range_
        tgt.range_ = (lo, hi + 5) if rng.random() < 0.5 else (lo - 5 if lo > 5 else lo + 1, hi)
        what = "range changed"
    elif slot == "D":
        if rng.random() < 0.6:
            tgt.day = rng.choice(
                [d for d in (f.day - 2, f.day - 1, f.day + 1, f.day + 2) if 1 <= d <= 28]
            )
            what = "day changed"
        else:
            tgt.month = f.month % 12 + 1
            what = "month changed"
    elif slot == "R":
        tgt.relative = rng.choice([k for k in pool.RELATIVE if k != f.relative])
        what = f"relative {f.relative} -> {tgt.relative}"
    elif slot == "X":
        if f.narrative is None:
            tgt.day = f.day - 1 if f.day > 1 else f.day + 1
            what = "absolute date changed"
        else:
            tgt.narrative = None
            what = "narrative date replaced by an absolute one"
    elif slot == "W":
        if rng.random() < 0.5:
            src = replace(f, weekday=None)
            tgt.weekday, what = 6, "weekday added"
        else:
            src = replace(f, weekday=6)
            tgt.weekday, what = rng.choice([5, 1]), "weekday changed"
    elif slot == "C":
        tgt.city = (f.city + rng.randint(1, len(pool.CITIES) - 1)) % len(pool.CITIES)
        what = "city replaced"
    else:
        tgt.speaker = (f.speaker + rng.randint(1, len(pool.PEOPLE) - 1)) % len(pool.PEOPLE)
        what = "speaker replaced"
    return src, tgt, kind, slot, what


def _langs(rng: random.Random) -> tuple[str, str]:
    src = rng.choice(pool.LANGS)
    if rng.random() < 0.35:
        return src, src
    return src, rng.choice([lang for lang in pool.LANGS if lang != src])


def _published(rng: random.Random) -> tuple[date, date | None]:
    pub = date(2022, rng.randint(1, 12), rng.randint(1, 28))
    return pub, (None if rng.random() < 0.1 else pub)


def generate(planted: int, controls: int, artefacts: int, seed: int, names: bool) -> list[Case]:
    """The benchmark set (module docstring)."""
    rng = random.Random(seed)
    kinds = list(KINDS) if names else ["number", "date"]
    cases: list[Case] = []
    for i in range(planted + controls):
        frame = rng.choice(pool.FRAMES)
        sl, tl = _langs(rng)
        facts = _facts(rng)
        pub, tpub = _published(rng)
        if i < planted:
            sf, tf, kind, slot, what = _plant(facts, pool.slots(frame), kinds, rng)
        else:
            sf, tf, kind, slot, what = facts, facts, None, "", "same facts"
        if i >= planted and "W" in pool.slots(frame) and rng.random() < 0.5:
            sf = tf = replace(facts, weekday=rng.choice([6, 5, 1]))
        st, ss = pool.render(frame, sl, sf, rng)
        tt, ts = pool.render(frame, tl, tf, rng)
        cases.append(
            Case(
                Side(st, sl, 0, pub),
                Side(tt, tl, 0, tpub),
                kind,
                slot,
                ss.get(slot, (0, 0)),
                ts.get(slot, (0, 0)),
                what,
                "planted" if kind else "control",
            )
        )
    for _ in range(artefacts):
        frame = rng.choice([f for f in pool.FRAMES if {"N", "D"} <= pool.slots(f)])
        facts = replace(_facts(rng), count=rng.randint(1, 99) * 1000 + rng.randint(0, 999))
        sl = rng.choice(["de", "no"])
        pub, _ = _published(rng)
        st, _ss = pool.render(frame, sl, facts, rng)
        tt, ts = pool.render(frame, "en", facts, rng)
        month = pool.MONTHS["en"][facts.month - 1]
        for key, text in (
            ("D", f"on {facts.day}. {month}"),
            ("N", f"{facts.count:,}".replace(",", ".")),
        ):
            a, b = ts[key]
            tt = tt[:a] + text + tt[b:]
            grow = len(text) - (b - a)
            ts = {k: (x + grow * (x > a), y + grow * (y > a)) for k, (x, y) in ts.items()}
        cases.append(
            Case(
                Side(st, sl, 0, pub),
                Side(tt, "en", 0, pub),
                None,
                "",
                (0, 0),
                (0, 0),
                "foreign formats kept",
                "artefact",
            )
        )
    return cases


def _error(case: Case, wrong: list[Change], missed: bool) -> dict[str, Any]:
    return {
        "group": case.group,
        "planted": case.kind and f"{case.kind}:{case.what}",
        "src": f"[{case.src.lang}] {case.src.text}",
        "tgt": f"[{case.tgt.lang}] {case.tgt.text}",
        "missed": missed,
        "false": [f"{c.kind}: {c.note} ({c.score})" for c in wrong],
    }


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(cases: list[Case]) -> tuple[dict[str, Any], list[dict[str, Any]], float]:
    """Counts per kind and per target language, a sample of errors, and seconds spent."""
    tp: Counter[tuple[str, str]] = Counter()
    fp: Counter[tuple[str, str]] = Counter()
    planted: Counter[tuple[str, str]] = Counter()
    art = Counter[str]()
    errors: list[dict[str, Any]] = []
    spent = 0.0
    for case in cases:
        t0 = time.perf_counter()
        changes = compare_sentences(case.src, case.tgt)
        spent += time.perf_counter() - t0
        lang = case.tgt.lang or "?"
        if case.group == "artefact":
            fmt = [c for c in changes if c.note.startswith("format only")]
            other = [c for c in changes if not c.note.startswith("format only")]
            art["pairs"] += 1
            art["with_format_note"] += bool(fmt)
            art["value_changes"] += sum(c.kind in ("number", "date") for c in other)
            art["other_reports"] += sum(c.kind not in ("number", "date") for c in other)
            if other or not fmt:
                errors.append(_error(case, other, missed=not fmt))
            continue
        hit: Change | None = None
        if case.kind is not None:
            planted[(case.kind, lang)] += 1
            for c in changes:
                if (
                    c.kind == case.kind
                    and not c.note.startswith("format only")
                    and (_overlap(c.target, case.tgt_span) or _overlap(c.source, case.src_span))
                ):
                    hit = c
                    break
            if hit is not None:
                tp[(case.kind, lang)] += 1
        wrong = [c for c in changes if c is not hit]
        for c in wrong:
            fp[(c.kind, lang)] += 1
        if wrong or (case.kind and hit is None):
            errors.append(_error(case, wrong, missed=case.kind is not None and hit is None))
    langs = sorted({k[1] for k in planted} | {k[1] for k in fp})
    kinds = sorted({k[0] for k in planted} | {k[0] for k in fp}, key=_kind_order)

    def row(sel: Any) -> dict[str, Any]:
        p = sum(v for k, v in planted.items() if sel(k))
        t = sum(v for k, v in tp.items() if sel(k))
        f = sum(v for k, v in fp.items() if sel(k))
        return {
            "planted": p,
            "tp": t,
            "fp": f,
            "fn": p - t,
            "precision": round(t / (t + f), 4) if t + f else None,
            "recall": round(t / p, 4) if p else None,
        }

    out: dict[str, Any] = {
        "per_kind": {k: row(lambda key, k=k: key[0] == k) for k in kinds},
        "per_language": {g: row(lambda key, g=g: key[1] == g) for g in langs},
        "overall": row(lambda key: True),
        "overall_number_date": row(lambda key: key[0] in ("number", "date")),
        "artefacts": dict(art),
    }
    return out, errors, spent


def _kind_order(kind: str) -> tuple[int, str]:
    order = [*KINDS, "quote", "polarity", "other"]
    return (order.index(kind) if kind in order else len(order), kind)


def _fmt(v: float | None) -> str:
    return "   -  " if v is None else f"{v:6.3f}"


def _line(name: str, r: dict[str, Any]) -> str:
    return (
        f"{name:<10} {r['planted']:>7} {r['tp']:>5} {r['fp']:>5} {r['fn']:>5}"
        f" {_fmt(r['precision'])} {_fmt(r['recall'])}"
    )


def print_table(res: dict[str, Any]) -> None:
    head = f"{'':<10} {'planted':>7} {'TP':>5} {'FP':>5} {'FN':>5} {'prec.':>6} {'recall':>6}"
    for title, rows in (("kind", res["per_kind"]), ("target language", res["per_language"])):
        print(f"\nby {title}")
        print(head)
        for name, r in rows.items():
            print(_line(name, r))
    print(_line("overall", res["overall"]))
    print(_line("num+date", res["overall_number_date"]))
    a = res["artefacts"]
    if a:
        print(
            f"\nartefacts: {a.get('pairs', 0)} pairs, {a.get('with_format_note', 0)} with a"
            f" 'format only' note, {a.get('value_changes', 0)} number/date value changes"
            f" reported, {a.get('other_reports', 0)} reports of other kinds"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--planted", type=int, default=700, help="pairs with one planted change")
    ap.add_argument("--controls", type=int, default=700, help="format-only control pairs")
    ap.add_argument("--artefacts", type=int, default=100, help="foreign-format pairs (en)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--errors", type=int, default=0, help="print this many error examples")
    ap.add_argument("--errors-of", help="only errors of this group (planted/control/artefact)")
    ap.add_argument("--errors-kind", help="only errors that involve this change kind")
    ap.add_argument("--results", default=str(RESULTS), help="JSONL file to append the run to")
    ap.add_argument("--no-record", action="store_true", help="do not append to --results")
    args = ap.parse_args(argv)
    names = any(getattr(c, "__name__", "") == "compare_names" for c in DEFAULT_COMPARERS)
    head = benchrecord.header("changes")
    mach, commit, stamp = head["machine"], head["commit"], head["date"]
    comparers = [getattr(c, "__name__", repr(c)) for c in DEFAULT_COMPARERS]
    print(
        f"machine: {mach['cpu_count']} CPUs, {mach['cpu_model']}, Python {mach['python']};"
        f" commit {commit or 'unknown'}; {stamp}\ncomparers: {', '.join(comparers)}"
        f"{'' if names else '; names not measured (no storytrace.diff.names comparer)'}"
    )
    cases = generate(args.planted, args.controls, args.artefacts, args.seed, names)
    res, errors, spent = score(cases)
    n = len(cases)
    print(
        f"{n} pairs ({args.planted} planted, {args.controls} controls, {args.artefacts}"
        f" artefacts), {len({c.tgt.lang for c in cases})} target languages;"
        f" compare_sentences {spent:.2f} s ({n / spent:.0f} pairs/s)"
    )
    print_table(res)
    shown = [
        e
        for e in errors
        if (not args.errors_of or e["group"] == args.errors_of)
        and (
            not args.errors_kind
            or any(f.startswith(args.errors_kind) for f in e["false"])
            or (e["missed"] and str(e["planted"]).startswith(args.errors_kind))
        )
    ]
    for e in shown[: args.errors]:
        print(json.dumps(e, ensure_ascii=False))
    if not args.no_record:
        record = {
            **head,
            "params": vars(args) | {"names_measured": names, "comparers": comparers},
            "seconds": round(spent, 3),
            "pairs_per_s": round(n / spent, 1),
            **res,
        }
        benchrecord.append_record(args.results, record)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
