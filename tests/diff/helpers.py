"""Builders shared by the tests of ``storytrace.diff``: documents, spans and link dicts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from storytrace.models import Document, Segment

#: storytrace's language codes -> babel locales, for rendering numbers in a language's format.
BABEL = {"en": "en", "de": "de", "no": "nb", "ru": "ru", "uk": "uk", "fr": "fr", "es": "es"}


def doc(
    id_: str,
    text: str,
    lang: str = "en",
    published: str | None = None,
    segments: Sequence[Segment] = (),
) -> Document:
    """A document whose id is also its source."""
    return Document(
        id=id_,
        source=id_,
        text=text,
        raw_sha256="0" * 64,
        lang=lang,
        published=published,
        segments=list(segments),
    )


def span(text: str, piece: str) -> list[int]:
    """``[start, end]`` of the first occurrence of ``piece`` in ``text``."""
    i = text.index(piece)
    return [i, i + len(piece)]


def link(
    src: str,
    tgt: str,
    pairs: Iterable[tuple[str, str]],
    *,
    ids: tuple[str, str] = ("a", "b"),
    alignment_score: float = 0.9,
    added: Iterable[str] | None = None,
    dropped: Iterable[str] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A link dict from document ``ids[0]`` (text ``src``) to ``ids[1]`` (text ``tgt``).

    ``pairs`` are aligned (source, target) passages; ``added`` passages of the target and
    ``dropped`` passages of the source become spans when given (the keys are absent when
    not); ``extra`` keys (``relation``, ``tree``, ``score``, ...) are copied as they are.
    """
    out: dict[str, Any] = {
        "source": ids[0],
        "target": ids[1],
        "alignments": [
            {"source": span(src, s), "target": span(tgt, t), "score": alignment_score}
            for s, t in pairs
        ],
    }
    if added is not None:
        out["added"] = [span(tgt, x) for x in added]
    if dropped is not None:
        out["dropped"] = [span(src, x) for x in dropped]
    out.update(extra)
    return out
