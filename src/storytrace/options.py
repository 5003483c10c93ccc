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
class Options:
    """Everything a run needs; pass one of these to :func:`storytrace.ingest`/``trace``."""

    db: str = DEFAULT_DB
    #: Worker processes; 0 = one per core, 1 = run in-process.
    workers: int = 0
    #: Fewer inputs than this are processed in-process (starting workers costs ~1 s).
    parallel_min_inputs: int = 64
    ingest: IngestOptions = field(default_factory=IngestOptions)

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
            if key == "ingest" and isinstance(value, dict):
                changes["ingest"] = _replace_checked(self.ingest, value, origin)
            elif key in top and key != "ingest":
                changes[key] = value
            else:
                raise StorytraceError(f"{origin}: unknown option {key!r}")
        return dataclasses.replace(self, **changes)


def _replace_checked(obj: IngestOptions, values: dict[str, Any], origin: str) -> IngestOptions:
    known = {f.name for f in dataclasses.fields(obj)}
    unknown = set(values) - known
    if unknown:
        raise StorytraceError(f"{origin}: unknown ingest option(s) {sorted(unknown)}")
    return dataclasses.replace(obj, **values)
