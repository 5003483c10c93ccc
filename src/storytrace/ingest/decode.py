"""Bytes to text: binary sniffing, encoding detection, mojibake repair, newline clean-up.

Contract:
    ``decode_bytes(data, source=..., declared=...)`` returns :class:`Decoded`: the text with
    newlines normalised to ``\\n``, NULs and a leading BOM dropped and mojibake repaired
    (NBSP and U+202F are kept as they are), the encoding used and human-readable notes. It
    raises ``InputError`` for empty, whitespace-only and binary input. Encodings are tried in
    this order: byte-order mark, UTF-16 without BOM (NUL pattern), the declared encoding,
    UTF-8 (also when only the end is truncated or under 5% of the non-ASCII bytes are
    invalid: those become U+FFFD and are noted), then a guarded charset-normalizer guess.

    ``IncrementalDecoder`` does the same chunk by chunk (joined, equal to ``decode_bytes``
    when the first chunk gives the same encoding); ``repair_mojibake`` is the repair alone.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

import ftfy
from charset_normalizer import from_bytes

from ..errors import InputError
from ..models import Problem

_HEAD = 8192  # bytes looked at for binary sniffing and UTF-16 detection
_GUESS_BYTES = 65536  # sample handed to charset-normalizer (its cost grows with size)

_BOMS = (  # UTF-32 LE first: its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Magic numbers; other NUL-rich formats (ELF, SQLite, Office) are caught by the NUL count.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"(\xb5/\xfd", "zstd archive"),
)
# C0 controls that never occur in text (tab, LF, VT, FF, CR and ESC may).
_CONTROL_BYTES = bytes([*range(1, 9), *range(14, 27), *range(28, 32)])
# Only families that news scrapes show; charset-normalizer picks oddities on short input.
_CANDIDATES = ["cp1251", "koi8_r", "cp1252", "latin_1", "cp1250", "iso8859_15"]

_ESCAPED = re.compile("[\udc80-\udcff]")  # undecodable bytes under surrogateescape
_LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў"  # Russian, Ukrainian, Belarusian
_ALPHABET = frozenset(_LOWER + _LOWER.upper())
_CYRILLIC, _CYR_LOWER = re.compile("[\u0400-\u04ff]"), re.compile(f"[{_LOWER}]")
_ASCII_LETTER, _ACCENTED = re.compile("[A-Za-z]"), re.compile("[\u00c0-\u024f]")
# A symbol from the 0x80-0xBF range between two letters: Polish read as cp1252 ("pi¹tek").
_SYMBOL_IN_WORD = re.compile(r"(?<=[^\W\d_])[\u00a1-\u00bf](?=[^\W\d_])")

# What UTF-8 continuation bytes 0x80-0xBF look like when read as cp1251 (0x98 is unassigned
# there; ftfy's "sloppy" codec and browsers keep it as U+0098).
_CP1251_CONT = bytes(range(0x80, 0xC0)).decode("cp1251", "replace").replace("\ufffd", "\x98")
_CONT_BYTE = {ch: b for b, ch in enumerate(_CP1251_CONT, 0x80)}
_PAIR = f"[РС][ \\t]*[{re.escape(_CP1251_CONT)}]"
_SPACED_SPAN = re.compile(f"{_PAIR}(?:[ \\t]*{_PAIR}){{2,}}")
_PAIR_PARTS = re.compile(f"([РС])([ \\t]*)([{re.escape(_CP1251_CONT)}])([ \\t]*)")
_CONSONANTS_BEFORE_V = frozenset("бвгджзйклмнпрсфхцчшщ")  # not "т": "битв", "жертв" exist
# Cheap screen for lines worth handing to ftfy (its own badness regex costs ~9 ms per 50 KB):
# a UTF-8 continuation byte as latin-1/cp1252/cp1251 right after a lead byte read the same
# way (Ã, â; cp1251 capitals В-Я; а-ф before two continuations), and C1 controls. The
# pattern starts with the rare continuation characters so the regex engine skips fast.
_CL = re.escape(bytes(range(0x80, 0xC0)).decode("cp1252", "ignore")) + "\u0080-\u00bf"
_CC = re.escape(_CP1251_CONT)
_FTFY_GATE = re.compile(
    f"[{_CL}{_CC}ÂÃ](?:(?<=[\u0080-\u009fÂÃ])|(?<=[\u00c2-\u00f4][{_CL}])"
    f"|(?<=[В-Я][{_CC}])|(?<=[а-ф][{_CC}]{{2}}))"
)
# Conservative: no entity unescaping (HTML passes through here too; entities are the
# extractor's job), no quote, width, ligature or line-break changes, and no normalisation
# (NFC would move offsets that exact-substring matching relies on).
_FTFY_OFF = "unescape_html remove_terminal_escapes fix_latin_ligatures fix_character_width"
_FTFY_OFF += " uncurl_quotes fix_line_breaks remove_control_chars explain"
_FTFY_CONFIG = ftfy.TextFixerConfig(normalization=None, **dict.fromkeys(_FTFY_OFF.split(), False))


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text of one file, the encoding it was read with and warnings about how."""

    text: str
    encoding: str
    notes: tuple[str, ...]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _codec_name(label: str) -> str | None:
    try:  # bytes.decode raises LookupError for codecs that are not text encodings ("base64")
        name = codecs.lookup(label.strip()).name
        b"\0\0\0\0".decode(name, "ignore")
    except (LookupError, UnicodeError):  # UnicodeError: "idna"
        return None
    # As browsers do: a page labelled latin-1 or ASCII is cp1252 (latin-1 is the fallback).
    return "cp1252" if name in ("iso8859-1", "ascii") else name


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte is mostly 0x00 (Latin) or 0x04 (Cyrillic)."""
    n = min(len(head), _HEAD) // 2 * 2
    if n < 4:
        return None
    even, odd = ((half.count(0) + half.count(4)) / (n // 2) for half in (head[0:n:2], head[1:n:2]))
    for enc, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high > 0.5 and low < 0.1:
            try:
                text = head[:n].decode(enc)
            except UnicodeDecodeError:
                continue  # includes a surrogate pair cut by the sample: too rare to matter
            bad = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f")
            if bad * 20 < len(text):
                return enc
    return None


def sniff_binary(head: bytes) -> str | None:
    """A reason such as ``"binary file (PNG image)"`` if ``head`` starts a non-text file.

    Known magic numbers win; otherwise NULs (more than a stray few) or C0 control bytes
    (over 5%) mean binary, unless the bytes read as UTF-16. A byte-order mark means text.
    """
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return f"binary file ({kind})"
    sample = head[:_HEAD]
    controls = sum(sample.count(b) for b in _CONTROL_BYTES)
    # A stray NUL in text is dropped, not fatal. Random (compressed) bytes hold ~10% C0
    # controls; text holds next to none.
    many_nuls = sample.count(0) > max(2, len(sample) // 100)
    if (many_nuls or controls * 20 > len(sample)) and _utf16_without_bom(sample) is None:
        return f"binary file ({'contains NUL bytes' if many_nuls else 'control characters'})"
    return None


def _utf8_fits(data: bytes) -> bool:
    """Valid UTF-8 but for a cut final character, or for under 5% of the non-ASCII bytes."""
    try:
        codecs.utf_8_decode(data, "strict", False)  # final=False: a cut tail is no error
        return True
    except UnicodeDecodeError:
        text = data.decode("utf-8", "surrogateescape")  # one lone surrogate per bad byte
    bad = len(data) - len(text.encode("utf-8", "ignore"))
    return len(text) - len(text.encode("ascii", "ignore")) - bad >= 20 * bad


def _guess(sample: bytes) -> str:
    """charset-normalizer's pick, corrected to cp1251/koi8-r for Cyrillic, cp1252 for Latin.

    On short inputs it confuses look-alikes (cp1250 for Norwegian, koi8-r for cp1251), so
    the choice rests on what the bytes decode to: Cyrillic with the most lowercase letters
    (cp1251 read as koi8-r gives capitals, and vice versa); Latin without symbols in words.
    """
    best = from_bytes(sample, cp_isolation=_CANDIDATES).best()
    hint = _codec_name(best.encoding) if best is not None else None
    latin = sample.decode("cp1252", "replace")
    ascii_letters = len(_ASCII_LETTER.findall(latin))
    # Russian read as cp1252 is nearly all accented letters; German or Norwegian has few.
    if hint in ("cp1251", "koi8-r") or len(_ACCENTED.findall(latin)) > ascii_letters:
        cyr = {enc: sample.decode(enc, "replace") for enc in ("cp1251", "koi8-r")}
        enc = max(cyr, key=lambda e: len(_CYR_LOWER.findall(cyr[e])))  # a tie keeps cp1251
        if len(_CYRILLIC.findall(cyr[enc])) * 2 > ascii_letters:
            return enc
    other = sample.decode(hint, "replace") if hint and hint not in ("cp1252", "latin-1") else ""
    if hint and other and _SYMBOL_IN_WORD.search(latin) and not _SYMBOL_IN_WORD.search(other):
        return hint  # e.g. cp1250 Polish, whose "ą" cp1252 shows as "¹"
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1"  # cp1252 leaves five bytes unassigned; latin-1 takes every byte
    return "cp1252"


def _detect(data: bytes, declared: str | None, *, partial: bool) -> tuple[str, list[str]]:
    """Choose the encoding (see the module docstring); ``partial``: ``data`` is a first chunk."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, []
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16, [f"decoded as {utf16} (no byte-order mark)"]
    notes: list[str] = []
    utf8 = _utf8_fits(data)
    if declared:
        enc = _codec_name(declared)
        if enc is None:
            notes.append(f"unknown declared encoding {declared!r} ignored")
        elif enc == "utf-8":
            notes += [] if utf8 else ["declared utf-8 but the bytes are not UTF-8"]
        elif utf8 and (enc.startswith(("utf-16", "utf-32")) or not data.isascii()):
            # Pages re-saved as UTF-8 keep their old meta charset; valid UTF-8 by chance is
            # vanishingly rare for legacy text, and a readable meta tag is not UTF-16/32.
            notes.append(f"declared {declared} but the bytes are UTF-8; read as UTF-8")
        else:
            try:  # a first chunk may end inside a multi-byte character
                codecs.getincrementaldecoder(enc)().decode(data, final=not partial)
                return enc, notes
            except (UnicodeError, ValueError):  # "punycode" and kin raise their own way
                notes.append(f"declared {declared} does not fit the bytes; ignored")
    if utf8:
        return "utf-8", notes
    guess = _guess(data[:_GUESS_BYTES])
    return guess, [*notes, f"decoded as {guess} (no declaration)"]


def _errors_for(encoding: str) -> str:
    # surrogateescape lets us count bad bytes; UTF-16/32 cannot escape bytes below 0x80.
    return "replace" if encoding.startswith(("utf-16", "utf-32")) else "surrogateescape"


def _decode_all(data: bytes, encoding: str) -> tuple[str, str | None]:
    """Decode everything; bad bytes become U+FFFD and yield a note."""
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError as exc:
        first, truncated = exc.start, exc.reason == "unexpected end of data"
    text, n = _ESCAPED.subn("\ufffd", data.decode(encoding, _errors_for(encoding)))
    if truncated:
        return text, f"truncated UTF-8 at end ({_plural(len(data) - first, 'byte')} replaced)"
    label, tally = ("UTF-8" if encoding.startswith("utf-8") else encoding), f" ({n} in all)"
    return text, f"invalid {label} bytes replaced at offset {first}{tally if n > 1 else ''}"


_Pair = tuple[re.Match[str], str]  # a lead/continuation pair and the letter it encodes


def _join_pairs(run: list[_Pair]) -> str:
    """The letters of a run of pairs, with the word breaks that can be trusted.

    Whitespace inside a pair is never real: MT spaced the continuation as a symbol (``Р °``)
    or quote (``Р »``). A space after an intact pair is real; after a split pair it is
    unknowable (MT spaces after ``°`` too, and moved the space of ``Р» РІ`` to ``Р »РІ``).
    Unknown breaks are joined, except before a lone final ``в`` after a consonant (no Russian
    word ends so but "-тв"; "<word> в", "in", is everywhere): the seed's "канал в".
    """
    out = [run[0][1]]
    for i in range(1, len(run)):
        prev, (pair, letter) = run[i - 1][0], run[i]
        if not prev.group(2):
            out.append(" " if prev.group(4) else "")
        else:
            word_end = i + 1 == len(run) or (bool(pair.group(4)) and not pair.group(2))
            lone_v = letter == "в" and word_end and run[i - 1][1] in _CONSONANTS_BEFORE_V
            out.append(" " if lone_v else "")
        out.append(letter)
    return "".join(out)


def _trim(text: str, run: list[_Pair]) -> list[_Pair]:
    """Drop a first or last word glued to letters outside the run: mojibake words are all
    pairs, so such a word is ordinary text (Ukrainian "Рівне" starts with the pair ``Рі``)."""
    if run and text[run[0][0].start() - 1 : run[0][0].start()].isalpha():
        ends = [i for i, (pair, _) in enumerate(run) if pair.group(4)]
        run = run[ends[0] + 1 :] if ends else []
    if run and text[run[-1][0].end(3) : run[-1][0].end(3) + 1].isalpha():
        ends = [i for i, (pair, _) in enumerate(run[:-1]) if pair.group(4)]
        run = run[: ends[-1] + 1] if ends else []
    return run


def _repair_spaced(text: str) -> tuple[str, int]:
    """The guarded pre-pass for cp1251 mojibake that machine translation split with spaces.

    A span holds 3+ pairs of ``Р``/``С`` and a cp1251 UTF-8-continuation character. Only
    runs of 3+ pairs that all encode Cyrillic letters are repaired, and only when some pairs
    are split by whitespace (unspaced ones are ftfy's) but not all: MT splits symbols, never
    letters (``є``, ``Ѕ``, ``І``), off a lead, while text such as "Р – С – Р" splits all.
    """
    pieces: list[str] = []
    pos = count = 0
    for span in _SPACED_SPAN.finditer(text):
        run: list[_Pair] = []
        for pair in [*_PAIR_PARTS.finditer(text, span.start(), span.end()), None]:
            if pair is not None:
                lead, cont = 0xD0 if pair.group(1) == "Р" else 0xD1, _CONT_BYTE[pair.group(3)]
                letter = bytes([lead, cont]).decode("utf-8")
                if letter in _ALPHABET:
                    run.append((pair, letter))
                    continue
            candidate, run = _trim(text, run), []
            split = sum(1 for p, _ in candidate if p.group(2))
            if len(candidate) >= 3 and 0 < split < len(candidate):
                pieces += [text[pos : candidate[0][0].start()], _join_pairs(candidate)]
                pos, count = candidate[-1][0].end(3), count + 1
    return ("".join(pieces) + text[pos:] if count else text), count


def repair_mojibake(text: str) -> tuple[str, int]:
    """Repair mojibake line by line; return the text and how many spans changed.

    The guarded pre-pass for MT-spaced cp1251 mojibake, then conservative ftfy on lines
    with UTF-8-read-as-legacy signatures. Ordinary text in any language comes back
    unchanged; work is per line, so chunked and whole decoding agree.
    """
    text, count = _repair_spaced(text)
    if text.isascii() or not _FTFY_GATE.search(text):
        return text, count
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _FTFY_GATE.search(line):
            fixed = ftfy.fix_text(line, config=_FTFY_CONFIG)
            if fixed != line:  # count the changed stretches, not the lines
                ops = SequenceMatcher(None, line, fixed, autojunk=False).get_opcodes()
                count += sum(1 for op, *_ in ops if op != "equal")
                lines[i] = fixed
    return "\n".join(lines), count


def _strip(text: str, *, at_start: bool) -> tuple[str, int]:
    """Drop a leading BOM character (at the start of a file) and NULs; count the NULs."""
    text = text.removeprefix("\ufeff") if at_start else text
    nuls = text.count("\x00")
    return (text.replace("\x00", "") if nuls else text), nuls


def _tail_notes(nuls: int, spans: int) -> list[str]:
    notes = [f"dropped {_plural(nuls, 'NUL character')}"] if nuls else []
    return notes + ([f"repaired {_plural(spans, 'mojibake span')}"] if spans else [])


def _reject(data: bytes, source: str) -> None:
    if not data:
        raise InputError(Problem(source, "empty file"))
    reason = sniff_binary(data[:_HEAD])
    if reason:
        raise InputError(Problem(source, reason, "not a text file"))


def decode_bytes(data: bytes, *, source: str, declared: str | None = None) -> Decoded:
    """Decode one file's bytes (see the module docstring); ``source`` names it in errors.

    ``declared`` (HTML meta or HTTP charset) is used when the bytes decode with it, except
    that valid UTF-8 beats a declared legacy code page.
    """
    _reject(data, source)
    encoding, notes = _detect(data, declared, partial=False)
    text, note = _decode_all(data, encoding)
    text, nuls = _strip(text, at_start=True)
    text, spans = repair_mojibake(text.replace("\r\n", "\n").replace("\r", "\n"))
    notes += ([note] if note else []) + _tail_notes(nuls, spans)
    if not text.strip():
        raise InputError(Problem(source, "empty file", "only whitespace"))
    return Decoded(text, encoding, tuple(notes))


class IncrementalDecoder:
    """Decode a huge file chunk by chunk with the encoding found in its first chunk.

    The constructor only detects (``InputError`` for an empty or binary first chunk); feed
    every chunk, the first included, to :meth:`feed`, with ``final=True`` for the last.
    Repair and newline clean-up run on whole lines, so a trailing partial line waits.
    """

    def __init__(self, first_chunk: bytes, *, source: str, declared: str | None = None) -> None:
        _reject(first_chunk, source)
        self.encoding, self.notes = _detect(first_chunk, declared, partial=True)
        self._decoder = codecs.getincrementaldecoder(self.encoding)(_errors_for(self.encoding))
        # An ASCII head says nothing about the encoding (every candidate reads it alike):
        # the first chunk with other bytes decides, or a cp1251 tail would be read as UTF-8.
        self._undecided = declared is None and first_chunk.isascii()
        self._carry, self._at_start, self._truncated = "", True, False
        self._bad = self._nuls = self._spans = 0

    def feed(self, chunk: bytes, final: bool = False) -> str:
        """Text for ``chunk`` (up to its last complete line unless ``final``)."""
        if self._undecided and not chunk.isascii():
            self._undecided = False
            self.encoding, notes = _detect(chunk, None, partial=True)
            self.notes += notes
            self._decoder = codecs.getincrementaldecoder(self.encoding)(_errors_for(self.encoding))
        raw = self._decoder.decode(chunk, False)
        if final:  # bytes still buffered now are a multi-byte character cut by end of file
            self._truncated = bool(self._decoder.getstate()[0])
            raw += self._decoder.decode(b"", True)
        started, (raw, bad) = bool(raw), _ESCAPED.subn("\ufffd", raw)
        raw, nuls = _strip(raw, at_start=self._at_start)
        self._at_start = self._at_start and not started
        pending = self._carry + raw
        # Cut after the last line break that cannot be the CR of a CRLF split by a chunk.
        last_break = max(pending.rfind("\n"), pending.rfind("\r", 0, len(pending) - 1))
        cut = len(pending) if final else last_break + 1
        piece, self._carry = pending[:cut], pending[cut:]
        piece, spans = repair_mojibake(piece.replace("\r\n", "\n").replace("\r", "\n"))
        self._bad, self._nuls, self._spans = self._bad + bad, self._nuls + nuls, self._spans + spans
        if final and self._truncated and self.encoding.startswith("utf-8"):
            self.notes.append("truncated UTF-8 at end")
        elif final and self._bad:
            self.notes.append(f"{_plural(self._bad, 'invalid byte')} replaced")
        self.notes += _tail_notes(self._nuls, self._spans) if final else []
        return piece
