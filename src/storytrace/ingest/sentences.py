"""Sentence splitting with character offsets.

Contract:
    ``split_sentences(text, lang, spans)`` returns ``(start, end)`` pairs into ``text``, in order,
    non-overlapping, each stripped of surrounding whitespace, never crossing the boundaries of
    the given ``spans`` (segments) nor a blank line.

It uses sentence-splitter (Moses non-breaking-prefix rules) for the 24 languages it ships,
then a small merge pass for abbreviations those lists lack ("dr.", "prof.", "т. е.", dates
such as "24. februar"). Languages without a Moses list (uk, az, ...) borrow the closest list
(Ukrainian uses Russian's) and the same merge pass; anything else falls back to English rules.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sentence_splitter import SentenceSplitter

# Languages without a Moses prefix list, and the list that serves them best.
_BORROW = {
    "uk": "ru",
    "be": "ru",
    "bg": "ru",
    "kk": "ru",
    "nn": "no",
    "nb": "no",
    "az": "tr",
    "sr": "sl",
    "hr": "sl",
    "bs": "sl",
    "et": "fi",
    "gl": "es",
    "eu": "es",
}

# Abbreviations that end in a dot but do not end a sentence, beyond the Moses lists
# (measured misses: "dr. Hansen", "проф. Иванова", "т. е.").
_EXTRA_ABBREV = {
    "no": {"dr", "prof", "bl.a", "f.eks", "ca", "nr", "kl", "jf", "mht", "ifm", "mv", "osv"},
    "da": {"dr", "prof", "bl.a", "f.eks", "ca", "nr", "kl", "jf", "mht"},
    "de": {"dr", "prof", "bzw", "ca", "nr", "z.b", "u.a", "d.h", "vgl", "str", "mio", "mrd"},
    "ru": {
        "проф",
        "т.е",
        "т.д",
        "т.п",
        "др",
        "г",
        "гг",
        "ул",
        "млн",
        "млрд",
        "тыс",
        "руб",
        "им",
        "св",
        "акад",
        "см",
        "пр",
    },
    "uk": {
        "проф",
        "т.д",
        "т.п",
        "ін",
        "р",
        "рр",
        "вул",
        "млн",
        "млрд",
        "тис",
        "грн",
        "ім",
        "див",
        "обл",
        "акад",
        "пров",
        "напр",
    },
    "en": {
        "dr",
        "prof",
        "mr",
        "mrs",
        "ms",
        "st",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "sgt",
        "jan",
        "feb",
        "aug",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "vs",
        "approx",
    },
    "fr": {"dr", "pr", "mme", "mlle", "av", "env", "cf"},
    "es": {"dr", "dra", "sr", "sra", "uu", "ee.uu", "av", "aprox", "pág"},
}
_LAST_TOKEN = re.compile(r"(\S+)\.$")
_STARTS_LOWER_OR_DIGIT = re.compile(r"^[\s\"'«»“”„‘’(\[]*[a-zа-яёіїєґæøåäöüß0-9]")
# "24." + month name: ordinal dates in de/no/da/fi ("24. februar", "3. Oktober").
_ORDINAL_DOT = re.compile(r"(?:^|\s)\d{1,3}\.$")
# A capitalised month name after an ordinal dot: German dates ("3. Oktober") and the same
# format left in machine translations ("on the 1. March").
_MONTH = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember|Jänner)\b"
)
# Openings Moses does not take for a new sentence after sentence-final punctuation: a dialogue
# dash (Russian, Ukrainian and Norwegian typography, kept by machine translations: '…," he
# added. - In general …') and a low or angle opening quote (German „…“, « », ‚ ‹): 'Sie war
# erleichtert. „Jede Münze …'. Moses sees the mark as the next token and does not split.
_UNSPLIT_OPENING = re.compile(r"[.!?…][”\"’»“]?( +)(?:[-–—] +[\"“«„]?|[„«‚‹])([^\W\d_])")
_AS_SPACE = str.maketrans({"\n": " ", "\u00a0": " ", "\u202f": " ", "\u2009": " "})


class _CompiledRegex:
    """Stand-in for the ``regex`` module inside sentence-splitter, with a plain dict cache.

    sentence-splitter calls ``regex.search(pattern=..., string=..., flags=...)`` with string
    patterns once per word; each call goes through ``regex``'s own compile cache, whose flag
    handling cost about a sixth of all ingest time in a profile of 1,000 pages. Compiled
    patterns are looked up here instead; behaviour is unchanged (same patterns, same flags).
    """

    def __init__(self, module: Any) -> None:
        self._module = module
        self._cache: dict[tuple[str, int], Any] = {}

    def __getattr__(self, name: str) -> Any:  # UNICODE, DOTALL, ... pass through
        return getattr(self._module, name)

    def _get(self, pattern: str, flags: int) -> Any:
        key = (pattern, int(flags))
        compiled = self._cache.get(key)
        if compiled is None:
            compiled = self._cache[key] = self._module.compile(pattern, flags)
        return compiled

    def sub(self, pattern: str, repl: str, string: str, flags: int = 0) -> Any:
        return self._get(pattern, flags).sub(repl, string)

    def search(self, pattern: str, string: str, flags: int = 0) -> Any:
        return self._get(pattern, flags).search(string)

    def match(self, pattern: str, string: str, flags: int = 0) -> Any:
        return self._get(pattern, flags).match(string)

    def split(self, pattern: str, string: str, flags: int = 0) -> Any:
        return self._get(pattern, flags).split(string)


@lru_cache(maxsize=32)
def _splitter(lang: str) -> SentenceSplitter:
    import sentence_splitter
    from sentence_splitter import SentenceSplitter, SentenceSplitterException

    if not isinstance(sentence_splitter.regex, _CompiledRegex):
        sentence_splitter.regex = _CompiledRegex(sentence_splitter.regex)

    code = _BORROW.get(lang, lang)
    try:
        return SentenceSplitter(language=code)
    except SentenceSplitterException:
        return SentenceSplitter(language="en")


def supported_languages() -> set[str]:
    """Languages with a Moses prefix list of their own (others borrow one, see ``_BORROW``)."""
    import sentence_splitter

    folder = Path(sentence_splitter.__file__).parent / "non_breaking_prefixes"
    return {p.stem for p in folder.glob("*.txt")}


def _should_merge(prev: str, nxt: str, lang: str) -> bool:
    m = _LAST_TOKEN.search(prev)
    if m:
        token = m.group(1).lower().lstrip("(«\"'“„")
        if token in _EXTRA_ABBREV.get(lang, set()) or token in _EXTRA_ABBREV.get(
            _BORROW.get(lang, lang), set()
        ):
            return True
    # An ordinal number followed by a lower-case word ("24. februar") continues the sentence.
    return bool(
        _ORDINAL_DOT.search(prev) and (_STARTS_LOWER_OR_DIGIT.match(nxt) or _MONTH.match(nxt))
    )


def _split_block(block: str, lang: str) -> list[str]:
    # The splitter treats a newline as a hard boundary (a wrapped line is one paragraph here)
    # and does not see no-break spaces as spaces; both become plain spaces of equal length.
    plain = block.translate(_AS_SPACE)
    parts = [p for p in _splitter(lang).split(plain) if p.strip()]
    merged: list[str] = []
    for part in parts:
        if merged and _should_merge(merged[-1], part, lang):
            merged[-1] = merged[-1] + " " + part
        else:
            merged.append(part)
    return [piece for part in merged for piece in _split_openings(part)]


def _split_openings(part: str) -> list[str]:
    """``part`` cut before every :data:`_UNSPLIT_OPENING` of a capitalised word."""
    cuts = [m.start(1) for m in _UNSPLIT_OPENING.finditer(part) if m.group(2).isupper()]
    if not cuts:
        return [part]
    bounds = [0, *cuts, len(part)]
    return [part[a:b].strip() for a, b in itertools.pairwise(bounds) if part[a:b].strip()]


def _locate(block: str, block_start: int, pieces: Sequence[str]) -> Iterator[tuple[int, int]]:
    """Map the splitter's (whitespace-normalised) pieces back to offsets in ``block``."""
    pos = 0
    for piece in pieces:
        words = piece.split()  # str.split() also splits at no-break spaces
        if not words:
            continue
        first = block.find(words[0], pos)
        if first < 0:  # the splitter changed the text; give up on exact mapping for this piece
            continue
        end = first
        for w in words:
            k = block.find(w, end)
            if k < 0:
                break
            end = k + len(w)
        yield block_start + first, block_start + end
        pos = end


def _blocks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Paragraph blocks inside ``text[start:end]``: runs of lines, split at blank lines and at
    lines that end a sentence (one paragraph per line is the norm in news text; hard-wrapped
    prose continues on the next line without sentence-final punctuation)."""
    i = start
    block_start: int | None = None
    while i < end:
        j = text.find("\n", i, end)
        line_end = end if j < 0 else j
        line = text[i:line_end]
        if line.strip():
            if block_start is None:
                block_start = i
            nxt_start = line_end + 1
            nxt_end = text.find("\n", nxt_start, end)
            nxt = text[nxt_start : end if nxt_end < 0 else nxt_end] if nxt_start < end else ""
            continues = (
                nxt.strip()
                and not re.search(r"[.!?…:;\"”»’)\]]\s*$", line)
                and _STARTS_LOWER_OR_DIGIT.match(nxt)
            )
            if not continues:
                yield block_start, line_end
                block_start = None
        elif block_start is not None:
            yield block_start, i
            block_start = None
        i = line_end + 1
    if block_start is not None:
        yield block_start, end


def split_sentences(
    text: str, lang: str | None, spans: Sequence[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; see the module docstring for the contract."""
    code = (lang or "en").lower()
    out: list[tuple[int, int]] = []
    for s, e in spans if spans is not None else [(0, len(text))]:
        for bs, be in _blocks(text, s, e):
            for cs, ce in _bounded(text, bs, be):
                block = text[cs:ce]
                out.extend(_locate(block, cs, _split_block(block, code)))
    return out


#: The splitter's time grows with the square of a block's length (a 2 MB one-line file took
#: 39 s); longer blocks are cut first at a sentence end, else at a space, before this.
MAX_BLOCK = 20_000
_SENTENCE_END = re.compile(r"[.!?…][\"”»’)]*\s+")


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > MAX_BLOCK:
        window = text[start + MAX_BLOCK // 2 : start + MAX_BLOCK]
        ends = [m.end() for m in _SENTENCE_END.finditer(window)]
        cut = ends[-1] if ends else window.rfind(" ") + 1
        cut = start + MAX_BLOCK // 2 + cut if cut > 0 else start + MAX_BLOCK
        yield start, cut
        start = cut
    yield start, end
