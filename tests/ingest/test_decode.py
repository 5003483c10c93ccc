"""Bytes-to-text decoding: binary sniffing, encoding detection, mojibake repair, chunking."""

from __future__ import annotations

import gzip
import io
import itertools
import os
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from storytrace.errors import InputError
from storytrace.ingest.decode import (
    Decoded,
    IncrementalDecoder,
    decode_bytes,
    repair_mojibake,
    sniff_binary,
)

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("STORYTRACE_SHARED", REPO.parent / "shared"))
SEED_001 = SHARED / "corpus" / "seeds" / "input" / "001_96a0c5f2fb0dcccc.txt"

RU = (
    "Правительство объявило во вторник, что цены на газ вырастут на 25 % с 1 июля.\n"
    "«Это необходимо», — сказал Сергей Иванов. В Москве было 25 °C, а в СССР и РФ — иначе.\n"
)
NO = "Bønder blokkerte veier – «vi er lei», sier Kari Nordmann på Sørlandet.\n"
DE = "Grüße aus München! Die Straße war gesperrt, sagte der Bürgermeister.\n"
UK = "Мер Рівного заявив, що Січ і Сєвєродонецьк отримають ґанок і їжака.\n"


def _png() -> bytes:
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + chunk + struct.pack(">I", zlib.crc32(chunk[4:]))


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("article.txt", "Hello, world. " * 20)
    return buf.getvalue()


def _normalised(text: str) -> str:
    """What decoding promises for valid UTF-8, before repair."""
    text = text.removeprefix("\ufeff").replace("\x00", "")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _reject_reason(data: bytes) -> str:
    with pytest.raises(InputError) as info:
        decode_bytes(data, source="in/x.txt")
    assert info.value.problem.source == "in/x.txt"
    assert info.value.problem.fatal
    return info.value.problem.reason + ": " + info.value.problem.detail


def _feed_all(data: bytes, cuts: list[int], first: int) -> tuple[str, IncrementalDecoder]:
    dec = IncrementalDecoder(data[:first], source="big.txt")
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(data)), len(data)]
    out = [dec.feed(data[a:b]) for a, b in itertools.pairwise(bounds)]
    out.append(dec.feed(b"", final=True))
    return "".join(out), dec


# --- rejects ---------------------------------------------------------------------------


def test_empty_file() -> None:
    assert _reject_reason(b"").startswith("empty file")


@pytest.mark.parametrize(
    "data",
    [
        b" ",
        b"  \n\n \t\r\n",
        "\u00a0\n".encode(),
        "\ufeff \n".encode("utf-8-sig"),
        " \n".encode("utf-16"),
    ],
)
def test_whitespace_only(data: bytes) -> None:
    assert _reject_reason(data) == "empty file: only whitespace"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (_png(), "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\n", "PDF document"),
        (gzip.compress(RU.encode() * 5), "gzip archive"),
        (_zip(), "ZIP archive"),
        (struct.pack("<200I", *range(200)), "contains NUL bytes"),
    ],
)
def test_binary_files_renamed_txt_are_rejected(data: bytes, kind: str) -> None:
    assert sniff_binary(data[:8192]) == f"binary file ({kind})"
    assert _reject_reason(data).startswith(f"binary file ({kind})")


@pytest.mark.parametrize(
    "data",
    [
        NO.encode(),
        RU.encode("cp1251"),
        NO.encode("utf-16"),
        RU.encode("utf-16-be"),
        ("English text only. " * 5).encode("utf-16-le"),
        RU.encode("utf-16-le"),
        b"one stray \x00 NUL in a long enough line of ordinary text, which is not binary",
    ],
)
def test_text_is_not_binary(data: bytes) -> None:
    assert sniff_binary(data) is None


# --- encodings -------------------------------------------------------------------------


@pytest.mark.parametrize("cut", [1, 2, 3])
def test_truncated_utf8_is_utf8_with_note(cut: int) -> None:
    data = (RU + "Цена 10 € 🙂").encode()
    data = data[: len(data) - cut]  # inside the emoji (4 bytes)
    got = decode_bytes(data, source="x")
    assert got.encoding == "utf-8"
    assert got.text.startswith(RU + "Цена 10 €")
    assert got.text.endswith("\ufffd")
    assert any(n.startswith("truncated UTF-8 at end") for n in got.notes)


def test_few_invalid_bytes_stay_utf8_with_offset_note() -> None:
    data = (RU * 3).encode() + b"caf\xe9 " + RU.encode()
    got = decode_bytes(data, source="x")
    assert got.encoding == "utf-8"
    assert "caf\ufffd " in got.text
    assert any(f"offset {len((RU * 3).encode()) + 3}" in n for n in got.notes)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_byte_order_marks(codec: str) -> None:
    text, name = NO + RU, codec if codec == "utf-8-sig" else codec[:6]
    data = text.encode(codec)
    if codec in ("utf-16-le", "utf-16-be"):
        data = "\ufeff".encode(codec) + data
    got = decode_bytes(data, source="x")
    assert (got.text, got.encoding) == (text, name)


@pytest.mark.parametrize("text", ["Hello world.\r\nEnglish, no BOM.", RU])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(codec: str, text: str) -> None:
    got = decode_bytes(text.encode(codec), source="x")
    assert (got.text, got.encoding) == (_normalised(text), codec)


def test_cp1251_russian_without_declaration() -> None:
    got = decode_bytes(RU.encode("cp1251"), source="x")
    assert (got.text, got.encoding) == (RU, "cp1251")
    assert got.notes == ("decoded as cp1251 (no declaration)",)


def test_koi8r_is_not_mistaken_for_cp1251() -> None:
    text = RU.replace("«", '"').replace("»", '"').replace("—", "-")
    got = decode_bytes(text.encode("koi8-r"), source="x")
    assert (got.text, got.encoding) == (text, "koi8-r")


@pytest.mark.parametrize(
    "text", [NO, DE, NO + DE, "Bønder", "Grüße aus München", "Bønder blokkerte veier – «vi er lei»"]
)
@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_western_single_byte(text: str, codec: str) -> None:
    if codec == "latin-1":
        text = text.replace("–", "-")
    got = decode_bytes(text.encode(codec), source="x")
    assert got.text == text
    assert got.encoding in ("cp1252", "latin-1")


def test_declared_encoding_is_used_when_it_fits() -> None:
    got = decode_bytes(RU.encode("cp1251"), source="x", declared="windows-1251")
    assert (got.text, got.encoding, got.notes) == (RU, "cp1251", ())


def test_valid_utf8_beats_a_stale_declaration() -> None:
    got = decode_bytes(RU.encode(), source="x", declared="windows-1251")
    assert (got.text, got.encoding) == (RU, "utf-8")
    assert "UTF-8" in got.notes[0]


def test_unknown_or_wrong_declaration_is_noted_and_ignored() -> None:
    got = decode_bytes(RU.encode("cp1251"), source="x", declared="no-such-charset")
    assert (got.text, got.encoding) == (RU, "cp1251")
    assert "no-such-charset" in got.notes[0]
    got = decode_bytes(RU.encode("cp1251"), source="x", declared="utf-8")
    assert (got.text, got.encoding) == (RU, "cp1251")
    got = decode_bytes(RU.encode("cp1251"), source="x", declared="base64")  # not a text codec
    assert (got.text, got.encoding) == (RU, "cp1251")
    got = decode_bytes(b"<meta charset=utf-16> plain ASCII", source="x", declared="utf-16")
    assert (got.text, got.encoding) == ("<meta charset=utf-16> plain ASCII", "utf-8")


def test_latin1_label_means_cp1252_as_in_browsers() -> None:
    text = "Citat: “Bønder” – 100 €"
    got = decode_bytes(text.encode("cp1252"), source="x", declared="ISO-8859-1")
    assert (got.text, got.encoding, got.notes) == (text, "cp1252", ())


def test_newlines_nuls_and_bom_are_normalised() -> None:
    got = decode_bytes(b"\xef\xbb\xbfone\r\ntwo\rthree\n\x00four\r\n", source="x")
    assert got == Decoded("one\ntwo\nthree\nfour\n", "utf-8-sig", ("dropped 1 NUL character",))


# --- mojibake --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("BÃ¸nder blokkerte veier â€“ Â«vi er leiÂ»", "Bønder blokkerte veier – «vi er lei»"),
        ("strÃ¸mprisene Ã¸ker pÃ¥ SÃ¸r-Norge", "strømprisene øker på Sør-Norge"),
        ("GrÃ¼ÃŸe aus MÃ¼nchen", "Grüße aus München"),
        ("РџСЂР°РІРёС‚РµР»СЊСЃС‚РІРѕ РѕР±СЉСЏРІРёР»Рѕ", "Правительство объявило"),
    ],
)
def test_classic_mojibake_is_repaired(broken: str, fixed: str) -> None:
    text, spans = repair_mojibake(broken)
    assert text == fixed
    assert spans >= 1
    got = decode_bytes(f"Line one.\n{broken}\n".encode(), source="x")
    assert got.text == f"Line one.\n{fixed}\n"
    assert any(n.startswith("repaired ") for n in got.notes)


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        # the seed: the real space of "Р» РІ" was moved by MT to "Р »РІ"
        ("to our РєР ° РЅР ° Р »РІ Telegram - there", "to our канал в Telegram - there"),
        # a real word that starts with a pair-like "Сі"/"Рі" next to the span stays as it is
        ("РєР ° РЅР ° Р »РІ Січ", "канал в Січ"),
        ("РєР ° РЅР ° Р »РІ Рівне.", "канал в Рівне."),
        ("He said: РџСЂР ° РІРёС‚РµР »СЊСЃС‚РІРѕ. End", "He said: Правительство. End"),
        # a space after an intact pair is real
        ("X Р±С‹Р »РІ РњРѕСЃРєРІРµ Y", "X был в Москве Y"),
    ],
)
def test_spaced_cp1251_mojibake_is_repaired(broken: str, fixed: str) -> None:
    assert repair_mojibake(broken) == (fixed, 1)
    assert decode_bytes(broken.encode(), source="x").text == fixed


@pytest.mark.parametrize(
    "text",
    [
        RU,
        NO,
        DE,
        UK,
        "Россия, Сергей, РФ, СССР, «Р» и «С», Р «С» С «Р», класс Р °С.",
        "Р ° С ° Р ° (not Cyrillic mojibake: С° would decode to archaic Ѱ)",
        "Маршруты Р – С — Р – Т: every 'pair' split, none intact, so not mojibake",
        "Температура 25 °C, влажность 80 %, «кавычки» и „лапки“ — всё на месте.",
        "Strømpris: 1,20 kr/kWh\u00a0– «uhørt stor»\u202fi dag; ﬁne ｗｉｄｅ “curly” &amp; &lt;",
        "Ålesund, Æøå ÆØÅ, Tromsø, Grüße, Straße, naïve café, São Paulo, Ésa.",
    ],
)
def test_ordinary_text_is_unchanged(text: str) -> None:
    assert repair_mojibake(text) == (text, 0)
    assert decode_bytes(text.encode(), source="x").text == text


@pytest.mark.seeds
def test_seed_001_mojibake_is_repaired() -> None:
    if not SEED_001.exists():
        pytest.skip("../shared/corpus/seeds not present (only in CI/dev checkouts)")
    got = decode_bytes(SEED_001.read_bytes(), source=str(SEED_001))
    assert got.encoding == "utf-8"
    assert "subscribe to our канал в Telegram" in got.text
    assert "РєР" not in got.text
    assert got.notes == ("repaired 1 mojibake span",)
    # nothing else moved: the rest of the file is byte-identical text
    raw = SEED_001.read_text(encoding="utf-8").replace("\r\n", "\n")
    assert got.text == raw.replace("РєР ° РЅР ° Р »РІ", "канал в")


# --- incremental -----------------------------------------------------------------------


def test_incremental_first_chunk_is_fed_again_and_lines_are_held_back() -> None:
    data = "Also our РєР ° РЅР ° Р »РІ Telegram\r\nПривет\r\n".encode()
    dec = IncrementalDecoder(data[:40], source="big.txt")
    assert dec.encoding == "utf-8"
    first = dec.feed(data[:40])  # cuts inside the mojibake span and inside a character
    assert first == ""
    rest = dec.feed(data[40:-1]) + dec.feed(data[-1:], final=True)
    assert first + rest == "Also our канал в Telegram\nПривет\n"
    assert dec.notes == ["repaired 1 mojibake span"]


def test_incremental_truncated_and_rejects() -> None:
    data = (RU * 2 + "Привет").encode()[:-1]
    text, dec = _feed_all(data, [100, 101, 500], first=len(data))
    assert text == decode_bytes(data, source="x").text
    assert "truncated UTF-8 at end" in dec.notes
    with pytest.raises(InputError, match="PNG"):
        IncrementalDecoder(_png(), source="big.txt")
    with pytest.raises(InputError, match="empty file"):
        IncrementalDecoder(b"", source="big.txt")


# --- properties ------------------------------------------------------------------------

# Any character but NUL and C0/C1 controls (a text file with many is binary); surrogates
# cannot be encoded at all. Tab, LF and CR stay in.
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\n\r"))
# Real words, and the lone letters and symbols that spaced mojibake is made of.
CYRILLIC_WORDS = ["Россия", "Сергей", "РФ", "СССР", "«кавычки»", "Рівне", "Січ", "їжак", "ёлка"]
LATIN_WORDS = ["Bønder", "blokkerte", "«vi", "er", "lei»", "Grüße", "München", "Ålesund", "the"]
LONE = ["Р", "С", "°", "»", "«", "–", "—", "и", "в", "Ёж", "25 °C", "1\u00a0000", "10\u202f%"]
WORDS = [*CYRILLIC_WORDS, *LATIN_WORDS, *LONE, "“quoted”"]
SEPARATORS = [" ", " ", " ", "\n", ", ", ". ", "\r\n", "\n\n"]
ORDINARY = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=60
).map(lambda ws: "".join(w + s for w, s in ws))
BROKEN = ["РєР ° РЅР ° Р »РІ", "BÃ¸nder", "â€“", "РџСЂР°РІРёС‚РµР»СЊСЃС‚РІРѕ"]
MIXED = st.lists(
    st.tuples(st.sampled_from(WORDS + BROKEN), st.sampled_from(SEPARATORS)), min_size=1, max_size=60
).map(lambda ws: "".join(w + s for w, s in ws))
PROPS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(ANY_TEXT)
def test_valid_utf8_round_trips(text: str) -> None:
    # A leading U+FEFF encodes as the UTF-8 BOM, and decode_bytes then strips one more.
    assume(not text.startswith("\ufeff"))
    expected = repair_mojibake(_normalised(text))[0]
    if not expected.strip():
        with pytest.raises(InputError):
            decode_bytes(text.encode(), source="x")
        return
    got = decode_bytes(text.encode(), source="x")
    assert (got.text, got.encoding) == (expected, "utf-8")


@PROPS
@given(ORDINARY)
def test_ordinary_text_round_trips_unchanged(text: str) -> None:
    assert repair_mojibake(text) == (text, 0)
    assert decode_bytes(text.encode(), source="x").text == _normalised(text)


@PROPS
@given(MIXED)
def test_repair_is_idempotent(text: str) -> None:
    once, _ = repair_mojibake(_normalised(text))
    assert repair_mojibake(once) == (once, 0)
    assert "РєР" not in once
    assert "Ã" not in once


@PROPS
@given(ANY_TEXT, st.lists(st.integers(0, 4000), max_size=30), st.integers(1, 4000))
def test_incremental_utf8_matches_whole(text: str, cuts: list[int], first: int) -> None:
    assume(text.strip() and not text.startswith("\ufeff"))
    data = text.encode()
    got, _ = _feed_all(data, cuts, first=min(first, len(data)))
    assert got == decode_bytes(data, source="x").text


@PROPS
@given(
    st.sampled_from(["utf-8", "cp1251"]),
    st.lists(st.integers(0, 3000), max_size=40),
    st.integers(300, 3000),
    MIXED,
)
def test_incremental_matches_whole_in_random_chunks(
    codec: str, cuts: list[int], first: int, extra: str
) -> None:
    text = (RU.replace("\n", "\r\n") + UK) * 3
    if codec == "utf-8":
        text += extra  # mojibake and odd newlines split anywhere by the chunks
    data = text.encode(codec)
    got, dec = _feed_all(data, cuts, first=min(first, len(data)))
    assert dec.encoding == codec
    assert got == decode_bytes(data, source="x").text
