"""Behavioural tests of the Store contract, run against every backend."""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storytrace.errors import StoreError
from storytrace.models import Document, Problem, Segment, Sentence, content_hash
from storytrace.store import AddResult, MemoryStore, SQLiteStore, Store, open_store

StoreFactory = Callable[[], Store]

TEXT = "Headline\nFirst paragraph, with NBSP\u00a0and emoji 😀.\nשלום עולם\nRead more"


def make_doc(doc_id: str = "d1", text: str = TEXT, **kw: object) -> Document:
    """A fully populated document; ``text`` must have 4 lines for the default segments."""
    n = len(text)
    cut1, cut2 = min(9, n), min(50, n)
    defaults: dict[str, object] = {
        "source": f"inputs/{doc_id}.html",
        "raw_sha256": content_hash("raw " + text),
        "lang": "en",
        "title": "Headline",
        "url": "https://example.org/a",
        "published": "2022-05-21",
        "author": "A. Writer",
        "encoding": "utf-8",
        "segments": [
            Segment(0, cut1, "boilerplate", "navigation"),
            Segment(cut1, cut2, "story", None, "S1"),
            Segment(cut2, n, "unassigned"),
        ],
        "sentences": [Sentence(cut1, cut2, 1), Sentence(cut2, n, 2)],
        "line_langs": ["en", "en", "he", None],
        "problems": [Problem(f"inputs/{doc_id}.html", "mojibake-repaired", "cp1252", fatal=False)],
    }
    defaults.update(kw)
    return Document(doc_id, text=text, **defaults)  # type: ignore[arg-type]


def plain(doc_id: str, text: str) -> Document:
    return Document(doc_id, f"src/{doc_id}", text, content_hash(text))


def _sqlite_factory(tmp_path: Path) -> StoreFactory:
    counter = iter(range(1_000_000))
    return lambda: SQLiteStore(tmp_path / f"store{next(counter)}.db")


@pytest.fixture(params=["memory", "sqlite"])
def new_store(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[StoreFactory]:
    """A factory of empty stores of one backend; every store made is closed afterwards."""
    made: list[Store] = []
    if request.param == "sqlite":
        # Tiny pages and chunks so that every test also exercises paging and chunked writes.
        monkeypatch.setattr(SQLiteStore, "page_size", 2)
        monkeypatch.setattr(SQLiteStore, "write_chunk", 2)
        base = _sqlite_factory(tmp_path)
    else:
        base = MemoryStore

    def factory() -> Store:
        store = base()
        made.append(store)
        return store

    yield factory
    for store in made:
        store.close()


@pytest.fixture
def store(new_store: StoreFactory) -> Store:
    return new_store()


# --- round trip -------------------------------------------------------------------------------


def test_round_trip_everything(store: Store) -> None:
    doc = make_doc()
    result = store.add([doc])
    assert result == AddResult(added=["d1"], existing=[], renamed={}, stored=["d1"])
    assert store.get("d1") == doc
    assert store.get_by_hash(doc.content_sha256) == doc
    assert list(store.documents()) == [doc]
    assert store.get("nope") is None
    assert store.get_by_hash(content_hash("nope")) is None


def test_round_trip_minimal_and_empty_text(store: Store) -> None:
    docs = [plain("empty", ""), plain("bare", "just text")]
    store.add(docs)
    assert list(store.documents()) == docs


def test_returned_documents_are_independent_copies(store: Store) -> None:
    doc = make_doc()
    store.add([doc])
    doc.segments.clear()  # mutating the caller's object after add
    got = store.get("d1")
    assert got is not None
    assert len(got.segments) == 3
    got.segments.clear()
    got.line_langs.append("xx")
    again = store.get("d1")
    assert again is not None
    assert len(again.segments) == 3
    assert again.line_langs == ["en", "en", "he", None]


# --- keys: content hash and ids ---------------------------------------------------------------


def test_readding_identical_content_adds_nothing(store: Store) -> None:
    store.add([make_doc("d1")])
    again = store.add([make_doc("d1")])
    assert again == AddResult(added=[], existing=["d1"], renamed={}, stored=["d1"])
    # same content under another id: still the stored one, under its stored id
    other = store.add([make_doc("other-name", source="elsewhere")])
    assert other == AddResult(added=[], existing=["d1"], renamed={}, stored=["d1"])
    assert len(store) == 1
    assert store.ids() == ["d1"]


def test_identical_content_twice_in_one_batch(store: Store) -> None:
    result = store.add([plain("a", "same"), plain("b", "same"), plain("c", "other")])
    assert result == AddResult(added=["a", "c"], existing=["a"], renamed={}, stored=["a", "a", "c"])
    assert store.ids() == ["a", "c"]


def test_same_id_different_content_is_renamed(store: Store) -> None:
    store.add([plain("a", "first version")])
    second = plain("a", "second version")
    result = store.add([second])
    stored_id = f"a~{second.content_sha256[:8]}"
    assert result == AddResult(
        added=[stored_id], existing=[], renamed={"a": stored_id}, stored=[stored_id]
    )
    got = store.get(stored_id)
    assert got is not None
    assert got.id == stored_id
    assert got.text == "second version"
    first = store.get("a")
    assert first is not None
    assert first.text == "first version"
    assert store.get_by_hash(second.content_sha256) == got


def test_rename_inside_one_batch(store: Store) -> None:
    one, two = plain("a", "one"), plain("a", "two")
    result = store.add([one, two])
    stored_id = f"a~{two.content_sha256[:8]}"
    assert result.added == ["a", stored_id]
    assert result.renamed == {"a": stored_id}


def test_rename_when_the_short_form_is_taken_too(store: Store) -> None:
    text = "contested"
    sha = content_hash(text)
    store.add([plain("a", "original"), plain(f"a~{sha[:8]}", "squatter")])
    result = store.add([plain("a", text)])
    assert result.renamed == {"a": f"a~{sha[:12]}"}
    assert len(store) == 3


def test_ids_are_in_insertion_order(store: Store) -> None:
    store.add([plain("zeta", "1"), plain("alpha", "2")])
    store.add([plain("mid", "3")])
    store.add([plain("beta", "4"), plain("aaa", "5")])
    assert store.ids() == ["zeta", "alpha", "mid", "beta", "aaa"]
    assert [d.id for d in store.documents()] == store.ids()


def test_documents_subset(store: Store) -> None:
    store.add([plain(f"d{i}", f"text {i}") for i in range(7)])
    picked = list(store.documents(["d5", "d1", "missing", "d5", "d3", "d6", "d0"]))
    assert [d.id for d in picked] == ["d5", "d1", "d3", "d6", "d0"]  # as asked, once each
    assert picked[1] == plain("d1", "text 1")
    assert list(store.documents([])) == []


def test_len_and_contains(store: Store) -> None:
    assert len(store) == 0
    assert "a" not in store
    store.add([plain("a", "x"), plain("b", "y")])
    assert len(store) == 2
    assert "a" in store
    assert "b" in store
    assert "c" not in store
    assert 1 not in store
    assert None not in store


def test_add_accepts_a_generator_larger_than_a_chunk(store: Store) -> None:
    result = store.add(plain(f"g{i}", f"generated {i}") for i in range(9))
    assert len(result.added) == 9
    assert len(store) == 9


# --- update_segments --------------------------------------------------------------------------


def test_update_segments_assigns_stories(store: Store) -> None:
    doc = make_doc()
    store.add([doc])
    new = [replace_story(s, "S9") if s.kind != "boilerplate" else s for s in doc.segments]
    store.update_segments("d1", new)
    got = store.get("d1")
    assert got is not None
    assert got.segments == new
    assert got.sentences == doc.sentences  # untouched
    assert got.boilerplate_share == pytest.approx(doc.boilerplate_share)


def replace_story(seg: Segment, story: str) -> Segment:
    return Segment(seg.start, seg.end, "story", seg.reason, story)


def test_update_segments_rejects_bad_input_and_keeps_old(store: Store) -> None:
    doc = make_doc()
    store.add([doc])
    n = len(doc.text)
    with pytest.raises(KeyError):
        store.update_segments("missing", [])
    with pytest.raises(ValueError, match="outside the text"):
        store.update_segments("d1", [Segment(0, n + 1, "story")])
    with pytest.raises(ValueError, match="sentences point to segment 2"):
        store.update_segments("d1", [Segment(0, n, "story")])  # sentences use index 2
    with pytest.raises(ValueError, match="unknown kind"):
        store.update_segments("d1", [Segment(0, n, "prose")] * 3)  # type: ignore[arg-type]
    assert store.get("d1") == doc


def test_update_segments_while_streaming(store: Store) -> None:
    store.add([plain(f"d{i}", f"text {i}") for i in range(5)])
    seen = []
    for doc in store.documents():
        store.update_segments(doc.id, [Segment(0, len(doc.text), "story", None, doc.id)])
        seen.append(doc.id)
    assert seen == [f"d{i}" for i in range(5)]
    assert all(d.segments[0].story == d.id for d in store.documents())


# --- problems ---------------------------------------------------------------------------------


def test_problems_from_documents_and_inputs(store: Store) -> None:
    warn = Problem("a.html", "encoding-repaired", "latin-1", fatal=False)
    store.add([plain("a", "aaa"), make_doc("b", problems=[warn])])
    fatal = Problem("broken.pdf", "unsupported-format")
    skipped = Problem("feed.jsonl", "bad-json-line", "line 7", fatal=False)
    store.add_problems([fatal, skipped], run_id="run-1")
    store.add_problems([fatal], run_id="run-2")  # seen again in a later run: listed once
    store.add_problems([])
    assert store.problems() == [warn, fatal, skipped]
    assert store.problems()[1].fatal is True
    assert store.problems()[2].fatal is False


def test_no_problems(store: Store) -> None:
    store.add([plain("a", "x")])
    assert store.problems() == []


# --- validation and atomicity -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (Document("x", "s", "abc", "r", segments=[Segment(0, 4, "story")]), "outside"),
        (Document("x", "s", "abc", "r", segments=[Segment(2, 1, "story")]), "outside"),
        (Document("x", "s", "abc", "r", sentences=[Sentence(0, 1, 0)]), "points to segment"),
        (
            Document(
                "x",
                "s",
                "abc",
                "r",
                segments=[Segment(0, 3, "story")],
                sentences=[Sentence(0, 9, 0)],
            ),
            "outside",
        ),
        (Document("x", "s", "a\udc80c", "r"), "not valid Unicode"),
        (Document("x", "s", "abc", "r", title="\ud800"), "not valid Unicode"),
        (Document("", "s", "abc", "r"), "empty id"),
    ],
)
def test_invalid_document_rejects_whole_batch(store: Store, bad: Document, message: str) -> None:
    store.add([plain("keep", "kept")])
    with pytest.raises(ValueError, match=message):
        store.add([plain("new", "would be new"), bad])
    assert store.ids() == ["keep"]
    assert store.get_by_hash(content_hash("would be new")) is None


def test_failing_input_iterable_stores_nothing(store: Store) -> None:
    store.add([plain("keep", "kept")])

    def broken() -> Iterator[Document]:
        for i in range(5):
            yield plain(f"n{i}", f"new {i}")
        raise RuntimeError("input died")

    with pytest.raises(RuntimeError, match="input died"):
        store.add(broken())
    assert store.ids() == ["keep"]
    assert store.add([plain("n0", "new 0")]).added == ["n0"]  # still usable


def test_context_manager_closes(new_store: StoreFactory) -> None:
    with new_store() as store:
        store.add([plain("a", "x")])
        assert len(store) == 1
    with pytest.raises(StoreError, match="closed"):
        len(store)
    store.close()  # idempotent


def test_open_store_backends(tmp_path: Path) -> None:
    with open_store(None) as mem:
        assert isinstance(mem, MemoryStore)
        assert isinstance(mem, Store)
    with open_store(tmp_path / "s.db") as db:
        assert isinstance(db, SQLiteStore)
        assert isinstance(db, Store)
    with open_store(":memory:") as db:
        assert isinstance(db, SQLiteStore)


# --- property: any text round-trips exactly ----------------------------------------------------

SPECIAL = [
    "\u00a0",
    "😀",
    "\U0001f1fa\U0001f1f8",
    "\u202e",
    "ש",
    "ل",
    "\x00",
    "\r",
    "\n",
    "\u2028",
    "e\u0301",
]
texts = st.one_of(st.text(), st.lists(st.sampled_from([*SPECIAL, "a", " "])).map("".join))
opt_text = st.none() | st.text(max_size=12)


@st.composite
def documents(draw: st.DrawFn, doc_id: str = "p") -> Document:
    text = draw(texts)
    n = len(text)
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=5)))
    bounds = [0, *cuts, n]
    segments = [
        Segment(
            a,
            b,
            draw(st.sampled_from(["story", "boilerplate", "unassigned"])),
            draw(opt_text),
            draw(opt_text),
        )
        for a, b in itertools.pairwise(bounds)
    ]
    sentences = []
    for _ in range(draw(st.integers(0, 4))):
        i = draw(st.integers(0, len(segments) - 1))
        seg = segments[i]
        start = draw(st.integers(seg.start, seg.end))
        sentences.append(Sentence(start, draw(st.integers(start, seg.end)), i))
    problem = st.builds(
        Problem, st.text(max_size=8), st.text(max_size=8), st.text(max_size=8), st.booleans()
    )
    return Document(
        id=draw(st.text(min_size=1, max_size=10)),
        source=draw(st.text(max_size=10)),
        text=text,
        raw_sha256=content_hash(text),
        lang=draw(opt_text),
        title=draw(opt_text),
        url=draw(opt_text),
        published=draw(opt_text),
        author=draw(opt_text),
        encoding=draw(opt_text),
        segments=segments,
        sentences=sentences,
        line_langs=draw(st.lists(opt_text, max_size=5)),
        problems=draw(st.lists(problem, max_size=3)),
    )


@pytest.mark.parametrize("backend", ["memory", "sqlite"])
@settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(doc=documents())
def test_any_document_round_trips_exactly(backend: str, doc: Document) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store: Store = MemoryStore() if backend == "memory" else SQLiteStore(Path(tmp) / "p.db")
        with store:
            assert store.add([doc]).added == [doc.id]
            assert store.get(doc.id) == doc
            assert store.get_by_hash(content_hash(doc.text)) == doc
            assert list(store.documents([doc.id])) == [doc]
        if backend == "sqlite":  # and from disk, through a fresh connection
            with SQLiteStore(Path(tmp) / "p.db") as reopened:
                assert list(reopened.documents()) == [doc]


def test_update_segments_with_sentences(store: Store) -> None:
    store.add([plain("r", "One. Two.\nThree.")])
    segments = [Segment(0, 10, "unassigned"), Segment(10, 16, "boilerplate", reason="footer")]
    sentences = [Sentence(0, 4, 0), Sentence(5, 9, 0), Sentence(10, 16, 1)]
    store.update_segments("r", segments, sentences)
    doc = store.get("r")
    assert doc is not None
    assert doc.segments == segments
    assert doc.sentences == sentences
    with pytest.raises(ValueError, match="points to segment"):
        store.update_segments("r", segments[:1], sentences)
