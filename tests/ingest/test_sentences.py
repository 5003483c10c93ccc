from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storytrace.ingest.sentences import split_sentences


def sents(text: str, lang: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, lang)]


def test_english_abbreviations_and_quotes() -> None:
    text = 'Dr. Smith arrived on Feb. 24. He said: "We left." Then what?'
    assert sents(text, "en") == [
        "Dr. Smith arrived on Feb. 24.",
        'He said: "We left."',
        "Then what?",
    ]


def test_norwegian_ordinal_dates_and_titles() -> None:
    text = "Det skjedde 24. februar 2022. Dr. Hansen kom til Oslo. Han dro igjen."
    assert sents(text, "no") == [
        "Det skjedde 24. februar 2022.",
        "Dr. Hansen kom til Oslo.",
        "Han dro igjen.",
    ]


def test_german_ordinal() -> None:
    text = "Am 3. Oktober kam er. Prof. Weber sprach z. B. über Kiel."
    assert sents(text, "de") == ["Am 3. Oktober kam er.", "Prof. Weber sprach z. B. über Kiel."]


def test_russian_and_ukrainian() -> None:
    ru = "Проф. Иванова сказала, т. е. всё. Он ушёл утром. Третье предложение."
    assert sents(ru, "ru") == [
        "Проф. Иванова сказала, т. е. всё.",
        "Он ушёл утром.",
        "Третье предложение.",
    ]
    uk = "Це сталося 24 лютого. Проф. Коваленко прибув до Києва. Усе гаразд."
    assert sents(uk, "uk") == [
        "Це сталося 24 лютого.",
        "Проф. Коваленко прибув до Києва.",
        "Усе гаразд.",
    ]


def test_french_spanish_and_unknown_language() -> None:
    assert len(sents("Il est arrivé. Mme Dupont est partie.", "fr")) == 2
    assert len(sents("Llegó ayer. El Dr. García se fue.", "es")) == 2
    assert len(sents("Birinci cümlə. İkinci cümlə.", "az")) == 2
    assert len(sents("One. Two.", None)) == 2


def test_sentences_never_cross_blank_lines_or_spans() -> None:
    text = "First line without stop\n\nsecond paragraph here. Another one."
    out = sents(text, "en")
    assert out[0] == "First line without stop"
    spans = [(0, 10), (10, len(text))]
    for s, e in split_sentences(text, "en", spans):
        assert any(a <= s and e <= b for a, b in spans)


def test_wrapped_lines_join_one_sentence() -> None:
    text = "The council met on a cold\nmorning in March. It voted."
    assert sents(text, "en") == ["The council met on a cold\nmorning in March.", "It voted."]


def test_nbsp_kept_in_offsets() -> None:
    text = "It was 10\u00a0000 people.\u202fThen more came."
    out = sents(text, "en")
    assert out[0] == "It was 10\u00a0000 people."


def test_dialogue_dash_and_low_quote_open_a_sentence() -> None:
    """Moses does not split before a dash or a low/angle quote; these openings do start a
    sentence after sentence-final punctuation, when a capital follows."""
    en = "It made a big impression on me,” he added. - In general, we tensed up. So - and then."
    assert sents(en, "en") == [
        "It made a big impression on me,” he added.",
        "- In general, we tensed up.",
        "So - and then.",
    ]
    assert sents("He left. – and came back.", "en") == ["He left. – and came back."]
    de = "Sie zeigte sich erleichtert. „Jede Münze erzählt Geschichte“, sagte sie. «Gut.»"
    assert sents(de, "de") == [
        "Sie zeigte sich erleichtert.",
        "„Jede Münze erzählt Geschichte“, sagte sie.",
        "«Gut.»",
    ]


def test_ordinal_date_with_a_capitalised_month() -> None:
    """German dates, and the same format left in machine translations into English."""
    text = "Today is the 1. March. Tomorrow it will be the 2. March."
    assert sents(text, "en") == ["Today is the 1. March.", "Tomorrow it will be the 2. March."]
    assert sents("Er kam am 12. März. Dann ging er.", "de") == [
        "Er kam am 12. März.",
        "Dann ging er.",
    ]


@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
    st.sampled_from(["en", "de", "ru", "uk", "no", "fr", "es", "xx"]),
)
def test_offsets_are_ordered_stripped_and_in_bounds(text: str, lang: str) -> None:
    prev_end = 0
    for s, e in split_sentences(text, lang):
        assert prev_end <= s < e <= len(text)
        piece = text[s:e]
        assert piece == piece.strip()
        prev_end = e


def test_a_huge_one_line_paragraph_is_split_in_bounded_blocks() -> None:
    from storytrace.ingest.sentences import MAX_BLOCK, split_sentences

    sentence = "The council met on Monday and approved the plan for the harbour. "
    text = sentence * (3 * MAX_BLOCK // len(sentence))
    spans = split_sentences(text, "en")
    # cut only at sentence ends: every sentence comes out whole, none lost
    assert len(spans) == text.count(". ")
    assert {text[a:b] for a, b in spans} == {sentence.strip()}
