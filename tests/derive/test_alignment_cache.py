"""The alignment cache of the derivation stage (``derive.run.align_pairs``): hits return what a
fresh alignment returns, misses are aligned once and stored, a key changes with everything the
result depends on, and the memory and SQLite stores behave alike."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from storytrace import MemoryStore, SQLiteStore
from storytrace.align.anchors import anchors
from storytrace.derive import run
from storytrace.derive.run import ALIGNMENTS, Pair, Version, align_pairs, alignment_key
from storytrace.store import Store


def version(doc: str, sentences: list[str], vecs: np.ndarray, lang: str = "en") -> Version:
    text, spans, pos = "", [], 0
    for s in sentences:
        spans.append((pos, pos + len(s)))
        text += s + " "
        pos += len(s) + 1
    return Version(
        doc,
        lang,
        None,
        text,
        tuple(spans),
        vecs.astype(np.float32),
        tuple(anchors(s) for s in sentences),
        0.0,
        1,
        False,
    )


def docs(seed: int = 0) -> tuple[Version, Version, Version]:
    """A six-sentence source, a translation of it, and an excerpt of its first half."""
    rng = np.random.default_rng(seed)
    common = rng.normal(size=64)
    common /= np.linalg.norm(common)
    meaning = rng.normal(size=(6, 64))
    meaning /= np.linalg.norm(meaning, axis=1, keepdims=True)

    def say(idx: list[int]) -> np.ndarray:
        noise = rng.normal(size=(len(idx), 64))
        noise /= np.linalg.norm(noise, axis=1, keepdims=True)
        return np.asarray(0.88 * common + 0.37 * meaning[idx] + 0.28 * noise)

    src = [f"Sentence {i} about Havnvik and {100 + i} homes." for i in range(6)]
    tgt = [f"Satz {i} über Havnvik und {100 + i} Häuser." for i in range(6)]
    return (
        version("a", src, say(list(range(6)))),
        version("b", tgt, say(list(range(6))), "de"),
        version("c", src[:3], say([0, 1, 2])),
    )


@pytest.fixture(params=["memory", "sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    made: Store = MemoryStore() if request.param == "memory" else SQLiteStore(tmp_path / "s.db")
    yield made
    made.close()


def counting(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    calls: list[tuple[str, str]] = []
    real: Callable[[Version, Version], Pair] = run._align

    def spy(a: Version, b: Version) -> Pair:
        calls.append((a.doc, b.doc))
        return real(a, b)

    monkeypatch.setattr(run, "_align", spy)
    return calls


def test_hits_equal_fresh_alignments_and_skip_the_aligner(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, c = docs()
    todo = [(a, b), (a, c), (b, c)]
    uncached = align_pairs(todo, None, "e5")  # no store: everything aligned
    calls = counting(monkeypatch)
    first = align_pairs(todo, store, "e5")
    assert calls == [("a", "b"), ("a", "c"), ("b", "c")]
    second = align_pairs(todo, store, "e5")
    assert len(calls) == 3  # all hits
    assert first == second == uncached
    assert first[0].pairs  # the translation aligned
    assert len(store.get_state(ALIGNMENTS)) == 3


def test_only_changed_pairs_are_aligned_again(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, c = docs()
    align_pairs([(a, b), (a, c)], store, "e5")
    calls = counting(monkeypatch)
    # document c edited: one word of a sentence, so its vectors change as well
    text = c.text.replace("Sentence 2", "Sentence two")
    changed = Version("c", "en", None, text, c.spans, docs(1)[2].vecs, c.anchors, 0.0, 1, False)
    align_pairs([(a, b), (a, changed)], store, "e5")
    assert calls == [("a", "c")]


def test_the_key_covers_what_the_result_depends_on() -> None:
    a, b, _ = docs()
    key = alignment_key(a, b, "e5")
    assert key == alignment_key(a, b, "e5")
    assert key != alignment_key(b, a, "e5")  # direction
    assert key != alignment_key(a, b, "other-model")  # vectors
    relabelled = Version(b.doc, "ru", None, b.text, b.spans, b.vecs, b.anchors, 0.0, 1, False)
    assert key != alignment_key(a, relabelled, "e5")  # language, hence configuration
    fewer = Version(
        "b", "de", None, b.text, b.spans[:-1], b.vecs[:-1], b.anchors[:-1], 0.0, 1, False
    )
    assert key != alignment_key(a, fewer, "e5")  # story spans
    monkey = pytest.MonkeyPatch()
    monkey.setattr(run, "ALIGNER_VERSION", "test")
    try:
        assert key != alignment_key(a, b, "e5")  # algorithm
    finally:
        monkey.undo()


def test_memory_and_sqlite_stores_keep_the_same_alignments(tmp_path: Path) -> None:
    a, b, c = docs()
    todo = [(a, b), (a, c), (c, b)]
    mem, sql = MemoryStore(), SQLiteStore(tmp_path / "s.db")
    try:
        assert align_pairs(todo, mem, "e5") == align_pairs(todo, sql, "e5")
        assert mem.get_state(ALIGNMENTS) == sql.get_state(ALIGNMENTS)
        assert align_pairs(todo, mem, "e5") == align_pairs(todo, sql, "e5")  # from the caches
    finally:
        mem.close()
        sql.close()


def test_a_collation_link_keeps_only_the_pairs_its_parents_do_not_explain() -> None:
    """A truncated origin ``o`` (first half of the story) with two complete children: the
    children's collation carries their second halves, not the first halves that both
    already align to ``o``."""
    rng = np.random.default_rng(3)
    vecs = rng.normal(size=(10, 8))
    o = version("o", [f"s{i}." for i in range(5)], vecs[:5])
    x = version("x", [f"x{i}." for i in range(10)], vecs)
    y = version("y", [f"y{i}." for i in range(10)], vecs)
    versions = {"o": o, "x": x, "y": y}

    def pair(a: str, b: str, n: int, total: int) -> Pair:
        return Pair(a, b, tuple((i, i, 0.9) for i in range(n)), 1.0, n / total, (), ())

    pairs = {("o", "x"): pair("o", "x", 5, 10), ("o", "y"): pair("o", "y", 5, 10)}
    pairs[("x", "y")] = pair("x", "y", 10, 10)
    for (a, b), p in list(pairs.items()):
        pairs[(b, a)] = p.reverse()
    links = run._collations([("o", "x"), ("o", "y")], versions, pairs)
    assert [(p.src, p.tgt) for p in links] == [("x", "y")]
    assert [(i, j) for i, j, _ in links[0].pairs] == [(i, i) for i in range(5, 10)]
