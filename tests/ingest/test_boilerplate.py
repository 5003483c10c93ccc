"""Boilerplate segmentation: per-cue unit tests in several languages (texts written for these
tests), negatives that must stay prose, invariants of the segment list, speed, and the seed
acceptance test (reads ../shared/corpus/seeds at run time, skipped when it is absent)."""

# The test documents keep one paragraph per line, as articles do; those lines are long.
# ruff: noqa: E501

from __future__ import annotations

import time
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.eval.boilerplate import score_boilerplate
from storytrace.eval.truth import load_truth
from storytrace.ingest.boilerplate import LineInfo, normalise_line, segment
from storytrace.models import BOILERPLATE_REASONS

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"


def labels(
    text: str,
    lang: str | None,
    line_langs: Sequence[str | None] | None = None,
    **kw: Any,
) -> dict[str, str | None]:
    """Stripped non-blank line -> boilerplate reason (None: prose)."""
    segs = segment(text, lang=lang, line_langs=line_langs, **kw)
    out: dict[str, str | None] = {}
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            seg = next(s for s in segs if s.start <= pos < s.end)
            out[line.strip()] = seg.reason if seg.kind == "boilerplate" else None
        pos += len(line) + 1
    return out


def assert_labels(got: dict[str, str | None], expected: dict[str, str | None]) -> None:
    wrong = {line: (got[line], want) for line, want in expected.items() if got[line] != want}
    assert not wrong, f"(got, expected) per line: {wrong}"


# --- English: one page with most cues -----------------------------------------------------

EN_PAGE = """\
This article was automatically translated from German and has not been edited.

City council approves new harbour bridge after a decade of debate

The city council voted on Tuesday to build a new bridge across the harbour, ending a debate that has divided residents for more than ten years.
Photo: Reuters
Construction is expected to start next spring and to take about four years, the mayor told reporters after the vote.
Read more: Storm damage closes two schools in the north
Opponents argued that the money would be better spent on public transport and on repairing existing roads.
Rising costs worry residents
Many residents worry that rising costs will force the council to raise local taxes before the bridge is finished.
Famous chef opens floating restaurant on the moon
The bridge will cost an estimated 400 million euros, shared between the city and the national government.
Workers inspect the old ferry pier on Monday. (Jane Doe/AFP via Getty Images)
“We have waited long enough for this bridge,” said one resident who attended the meeting on Tuesday.
Advertisement
The council will publish the final design in June, and residents can comment on it until August.

Related:
Police investigate break-in at downtown museum
Local bakery wins national award for sourdough bread
Follow us on Facebook and Instagram for more local news
Share this article
By staff
© 2024 Example Media. All rights reserved.
Privacy policy
23 queries in 0.045 seconds
"""


def test_english_page_cues() -> None:
    assert_labels(
        labels(EN_PAGE, "en"),
        {
            "This article was automatically translated from German and has not been edited.": (
                "translation-disclaimer"
            ),
            "City council approves new harbour bridge after a decade of debate": None,
            "Photo: Reuters": "image-caption",
            "Read more: Storm damage closes two schools in the north": "related-links",
            "Rising costs worry residents": None,  # subhead: its words recur below
            "Famous chef opens floating restaurant on the moon": "related-links",
            "Workers inspect the old ferry pier on Monday. (Jane Doe/AFP via Getty Images)": (
                "image-caption"
            ),
            "“We have waited long enough for this bridge,” said one resident who attended the "
            "meeting on Tuesday.": None,
            "Advertisement": "ad",
            "The council will publish the final design in June, and residents can comment on "
            "it until August.": None,
            "Related:": "related-links",
            "Police investigate break-in at downtown museum": "related-links",
            "Local bakery wins national award for sourdough bread": "related-links",
            "Follow us on Facebook and Instagram for more local news": "subscribe-prompt",
            "Share this article": "share-prompt",
            "By staff": "byline",
            "© 2024 Example Media. All rights reserved.": "footer",
            "Privacy policy": "footer",  # tail propagation after the copyright line
            "23 queries in 0.045 seconds": "server-timing",
        },
    )


def test_reasons_are_from_the_vocabulary() -> None:
    reasons = {r for r in labels(EN_PAGE, "en").values() if r is not None}
    assert reasons <= set(BOILERPLATE_REASONS)


# --- German, Russian, Norwegian -------------------------------------------------------------

DE_PAGE = """\
Dieser Artikel wurde automatisch übersetzt.

Die Stadt hat am Dienstag beschlossen, eine neue Brücke über den Hafen zu bauen. Die Debatte dauerte mehr als zehn Jahre.
Foto: dpa
Der Bau soll im nächsten Frühjahr beginnen und etwa vier Jahre dauern, sagte der Bürgermeister nach der Abstimmung.
Lesen Sie auch: Sturm beschädigt zwei Schulen im Norden
Die Gegner hatten argumentiert, das Geld solle besser in den Nahverkehr fließen.
Anzeige
Die endgültige Planung wird im Juni veröffentlicht, teilte die Stadtverwaltung am Mittwoch mit.

Mehr zum Thema
Polizei ermittelt nach Einbruch in Museum
Bäckerei gewinnt Preis für Sauerteigbrot
Folgen Sie uns auf Facebook
Von Anna Beispiel
Alle Rechte vorbehalten
"""


def test_german_cues() -> None:
    got = labels(DE_PAGE, "de")
    assert_labels(
        got,
        {
            "Dieser Artikel wurde automatisch übersetzt.": "translation-disclaimer",
            "Foto: dpa": "image-caption",
            "Lesen Sie auch: Sturm beschädigt zwei Schulen im Norden": "related-links",
            "Anzeige": "ad",
            "Mehr zum Thema": "related-links",
            "Polizei ermittelt nach Einbruch in Museum": "related-links",
            "Bäckerei gewinnt Preis für Sauerteigbrot": "related-links",
            "Folgen Sie uns auf Facebook": "subscribe-prompt",
            "Von Anna Beispiel": "byline",
            "Alle Rechte vorbehalten": "footer",
        },
    )
    prose = [line for line, reason in got.items() if reason is None]
    assert len(prose) == 4


RU_PAGE = """\
Городской совет во вторник проголосовал за строительство нового моста через гавань, завершив спор, который длился более десяти лет.
Фото: ТАСС
Строительство начнется следующей весной и займет около четырех лет, сообщил мэр журналистам после голосования.
Читайте также: Шторм повредил две школы на севере
Противники утверждали, что деньги лучше потратить на общественный транспорт и ремонт дорог.
Реклама
Окончательный проект будет опубликован в июне, сообщили в администрации города.

По теме:
Полиция расследует кражу в городском музее
Пекарня получила национальную премию за хлеб
Подпишитесь на наш канал в Telegram
Оставить комментарий
Все права защищены
Время генерации: 0.12 сек
"""


def test_russian_cues() -> None:
    got = labels(RU_PAGE, "ru")
    assert_labels(
        got,
        {
            "Фото: ТАСС": "image-caption",
            "Читайте также: Шторм повредил две школы на севере": "related-links",
            "Реклама": "ad",
            "По теме:": "related-links",
            "Полиция расследует кражу в городском музее": "related-links",
            "Пекарня получила национальную премию за хлеб": "related-links",
            "Подпишитесь на наш канал в Telegram": "subscribe-prompt",
            "Оставить комментарий": "comment-form",
            "Все права защищены": "footer",
            "Время генерации: 0.12 сек": "server-timing",
        },
    )
    assert sum(reason is None for reason in got.values()) == 4


NO_PAGE = """\
Bystyret vedtok tirsdag å bygge en ny bro over havna, etter en debatt som har pågått i over ti år.
Foto: NTB
Byggingen skal starte neste vår og ta rundt fire år, sa ordføreren etter avstemningen.
Les også: Storm stengte to skoler i nord
- Vi har ventet lenge nok på denne broen, sier en av innbyggerne som var til stede.
Motstanderne mente pengene heller burde brukes på kollektivtrafikk og vedlikehold av veier.
Annonse
Den endelige tegningen legges fram i juni, opplyser kommunen i en pressemelding.
Følg oss på Facebook
Skriv en kommentar
Av Kari Nordmann
Alle rettigheter reservert
"""


def test_norwegian_cues() -> None:
    got = labels(NO_PAGE, "no")
    assert_labels(
        got,
        {
            "Foto: NTB": "image-caption",
            "Les også: Storm stengte to skoler i nord": "related-links",
            "- Vi har ventet lenge nok på denne broen, sier en av innbyggerne som var til stede.": (
                None
            ),
            "Annonse": "ad",
            "Følg oss på Facebook": "subscribe-prompt",
            "Skriv en kommentar": "comment-form",
            "Av Kari Nordmann": "byline",
            "Alle rettigheter reservert": "footer",
        },
    )


# --- Translation disclaimers and foreign-language edges ------------------------------------

FOREIGN_EDGES = """\
The article has been machine translated from Russian.
Стаття була автоматично перекладена з російської мови і не редагувалася після перекладу.

Ministers met in Brussels on Thursday to agree on a new package of sanctions against the regime.
«Мы не отступим», сказал министр на пресс-конференции в столице, отвечая на вопросы журналистов.
The talks will continue next week, officials said after the meeting ended late in the evening.
Dieser Beitrag erschien zuerst in der gedruckten Wochenendausgabe unserer Zeitung.
"""


def test_disclaimer_block_and_foreign_edges() -> None:
    lines = [ln.strip() for ln in FOREIGN_EDGES.split("\n")]
    langs = ["en", "uk", None, "en", "ru", "en", "de", None]
    got = labels(FOREIGN_EDGES, "en", langs)
    assert got[lines[0]] == "translation-disclaimer"
    assert got[lines[1]] == "translation-disclaimer"  # other-language copy of the notice
    assert got[lines[4]] is None  # a foreign quote inside the body stays
    assert got[lines[6]] == "foreign-language"  # another-language wrapper at the bottom edge


def test_disclaimer_words_inside_the_body_are_news() -> None:
    text = (
        "Researchers presented a new system on Monday that translates speeches in real time.\n"
        "Machine translation has improved quickly, but experts say it still makes errors.\n"
        "The team plans to publish its results next year, the university said in a statement.\n"
    )
    assert set(labels(text, "en").values()) == {None}


def test_russian_paragraph_is_prose() -> None:
    text = (
        "Министр заявил, что переговоры продолжатся на следующей неделе в Брюсселе.\n"
        "По его словам, стороны обсудили новые санкции и поставки энергоносителей.\n"
        "Фотографии с места встречи опубликовали несколько изданий, в том числе местная газета.\n"
    )
    assert set(labels(text, "ru", ["ru", "ru", "ru", None]).values()) == {None}


# --- Negatives: prose that only looks like boilerplate --------------------------------------

NEGATIVES = """\
Officials said the bridge would reopen on Friday after engineers completed their inspection.
The photographer who took the photo said the picture shows the damage better than any report.
The governor wrote on Telegram that the ferry would run again from Saturday morning.
“Subscribe to our channel,” the blogger told his followers before the stream ended abruptly.
By contrast, the old bridge carried only two lanes of traffic and no cycle path at all.
For many young men the army is seen as a way out of poverty, the report said on Monday.
The Times newspaper reported that the minister had read the report before the meeting.
Related talks between the unions and the employers broke down late on Wednesday evening.
Advertisement revenue fell sharply last year, the company said in its annual report.
"""


def test_prose_mentioning_cue_words_stays_prose() -> None:
    assert set(labels(NEGATIVES, "en").values()) == {None}


def test_subheads_and_highlights_are_story_text() -> None:
    text = (
        "Storm floods harbour district\n"
        "• Harbour district flooded overnight\n"
        "• Hundreds of residents evacuated\n"
        "The storm flooded the harbour district overnight and hundreds of residents were "
        "evacuated from their homes.\n"
        "Low morale\n"
        "Officials spoke of low morale among the rescue teams after three days without rest.\n"
        "Pumps arrive from neighbouring towns\n"
        "Fire crews brought extra pumps from neighbouring towns on Wednesday, the mayor said.\n"
        "• Clean-up could take weeks\n"
        "The clean-up could take several weeks, officials warned on Thursday evening.\n"
    )
    assert set(labels(text, "en").values()) == {None}


def test_byline_shapes_in_the_body_are_subheads() -> None:
    text = (
        "The council met on Tuesday to discuss the budget for the coming year in detail.\n"
        "By the numbers\n"
        "Members agreed to cut spending on roads and to raise funding for schools next year.\n"
        "Von Anfang an\n"
        "The vote is expected next month, after a public hearing in the town hall.\n"
        "By Jane Doe\n"
    )
    got = labels(text, "en")
    assert got["By the numbers"] is None and got["Von Anfang an"] is None
    assert got["By Jane Doe"] == "byline"  # after the last paragraph


def test_comment_fields_need_their_marker() -> None:
    text = (
        "The council met on Tuesday to discuss the budget for the coming year in detail.\n"
        "Name\n"
        "The mayor said she was confident the plan would pass without major changes.\n"
        "Leave a Reply\n"
        "Name *\n"
        "Email *\n"
        "Website\n"
    )
    got = labels(text, "en")
    assert got["Name"] is None
    assert {got[x] for x in ("Leave a Reply", "Name *", "Email *", "Website")} == {"comment-form"}


def test_headline_printed_twice_is_a_related_link() -> None:
    text = (
        "The council met on Tuesday to discuss the budget for the coming year in detail.\n"
        "Ten things to know about the new harbour bridge\n"
        "Members agreed to cut spending on roads and to raise funding for schools.\n"
        "Ten things to know about the new harbour bridge\n"
        "The vote is expected next month, after a public hearing in the town hall.\n"
    )
    got = labels(text, "en")
    assert got["Ten things to know about the new harbour bridge"] == "related-links"
    assert sum(r is None for r in got.values()) == 3


def test_caption_phrasing() -> None:
    text = (
        "Fire crews worked through the night to contain the blaze at the warehouse.\n"
        "A firefighter is seen walking through the ruins of the warehouse on Monday.\n"
        "Nobody was injured, the fire service said, but the building was destroyed.\n"
    )
    got = labels(text, "en")
    assert got["A firefighter is seen walking through the ruins of the warehouse on Monday."] == (
        "image-caption"
    )


def test_tags_line_in_the_tail() -> None:
    text = (
        "Fire crews worked through the night to contain the blaze at the harbour warehouse.\n"
        "Nobody was injured, the fire service said, but the harbour warehouse was destroyed.\n"
        "Share this article\n"
        "fire harbour warehouse crews\n"
    )
    assert labels(text, "en")["fire harbour warehouse crews"] == "tags"


def test_tail_never_swallows_a_prose_paragraph() -> None:
    text = (
        "Fire crews worked through the night to contain the blaze at the harbour warehouse.\n"
        "Advertisement\n"
        "Nobody was injured, the fire service said, but the harbour warehouse was destroyed.\n"
    )
    got = labels(text, "en")
    assert got["Advertisement"] == "ad"
    assert got[text.split("\n")[2]] is None


def test_html_evidence_and_site_repetition() -> None:
    text = (
        "Home News Sport Weather\n"
        "The council voted on Tuesday to build a new bridge across the harbour.\n"
        "Council leader promises faster bus connections\n"
        "Construction will start next spring and take about four years, the mayor said.\n"
        "Weather: rain and 12 degrees\n"
    )
    info = [
        LineInfo(link_density=1.0, tag="nav"),
        None,
        LineInfo(link_density=0.9, tag="li"),
        None,
        None,
        None,
    ]
    site = {normalise_line("Weather: rain and 12 degrees"): 40}
    got = labels(text, "en", line_info=info, site_lines=site)
    assert got["Home News Sport Weather"] == "navigation"
    assert got["Council leader promises faster bus connections"] == "related-links"
    assert got["Weather: rain and 12 degrees"] == "repeated"
    assert got[text.split("\n")[1]] is None


def test_a_paragraph_seen_once_elsewhere_on_the_site_is_not_template() -> None:
    para = "The council voted on Tuesday to build a new bridge across the harbour, officials said."
    text = para + "\nConstruction will start next spring and take about four years.\n"
    assert labels(text, "en", site_lines={normalise_line(para): 1})[para] is None
    assert labels(text, "en", site_lines={normalise_line(para): 3})[para] == "repeated"


def test_normalise_line() -> None:
    assert normalise_line("  It’s “Here”\u00a0—\u202fnow…  ") == 'it\'s "here" - now...'
    assert normalise_line("Ä\tB") == "ä b"


# --- Invariants of the segment list ----------------------------------------------------------


def test_empty_and_blank_texts() -> None:
    assert segment("", lang="en") == []
    (only,) = segment("\n \n", lang="en")
    assert (only.start, only.end, only.kind) == (0, 3, "unassigned")


def test_line_sequences_must_match_the_text() -> None:
    with pytest.raises(ValueError, match="line_langs"):
        segment("a\nb", lang="en", line_langs=["en"])


def test_blank_lines_join_the_preceding_segment() -> None:
    text = "\n\nThe council voted on Tuesday to build a new bridge.\n\nAdvertisement\n\n"
    segs = segment(text, lang="en")
    assert [(s.kind, s.reason) for s in segs] == [("unassigned", None), ("boilerplate", "ad")]
    assert segs[0].start == 0 and segs[0].end == text.index("Advertisement")
    assert segs[-1].end == len(text)


line_text = st.lists(
    st.sampled_from([*"abc XYZ.,:—“”«»-•©0123456789\u00a0", "Photo: ", "By ", "Read also"]),
    max_size=15,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(line_text, max_size=12))
def test_segments_cover_the_text_in_order(lines: list[str]) -> None:
    text = "\n".join(lines)
    segs = segment(text, lang="en")
    if not text:
        assert segs == []
        return
    assert segs[0].start == 0 and segs[-1].end == len(text)
    for a, b in pairwise(segs):
        assert a.end == b.start
        assert (a.kind, a.reason) != (b.kind, b.reason)  # merged
        assert text[b.start - 1] == "\n"  # whole lines
    for s in segs:
        assert s.kind in ("boilerplate", "unassigned")
        assert (s.reason in BOILERPLATE_REASONS) == (s.kind == "boilerplate")


def test_speed_10_kb() -> None:
    """segment() must cost well under 2 ms per 10 KB (the bound here is loose for slow CI)."""
    body = "\n\n".join(
        f"Paragraph {i}: the council said on Tuesday that the new bridge across the harbour "
        f"would cost {i} million euros more than planned, and that work would start in spring."
        for i in range(60)
    )
    text = "\n".join([EN_PAGE, body, EN_PAGE])[:10240]
    segment(text, lang="en")
    best = min(_timed(lambda: segment(text, lang="en")) for _ in range(20))
    print(f"\nsegment(): {best * 1000:.2f} ms for {len(text.encode()) / 1024:.1f} KB")
    assert best < 0.010


def _timed(fn: Any) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


# --- Acceptance on the seed corpus ----------------------------------------------------------


@pytest.mark.seeds
def test_seed_boilerplate_scores() -> None:
    if not (SEEDS / "truth.json").is_file():
        pytest.skip(f"seed corpus not present at {SEEDS} (it ships beside the repo in CI only)")
    from storytrace.ingest.language import detect

    truth = load_truth(SEEDS / "truth.json")
    documents = []
    for doc in truth.documents:
        text = (SEEDS / "input" / f"{doc.id}.txt").read_text(encoding="utf-8")
        lines = text.split("\n")
        segs = segment(
            text, lang=detect(text).lang, line_langs=[detect(line).lang for line in lines]
        )
        documents.append(
            {
                "id": doc.id,
                "text": text,
                "segments": [
                    {"start": s.start, "end": s.end, "kind": s.kind, "reason": s.reason}
                    for s in segs
                ],
            }
        )
    score = score_boilerplate(truth, {"documents": documents})
    print("\n" + score.format())
    assert score.precision >= 0.9
    assert score.recall >= 0.9
    assert not score.unmatched
    for clean in ("000_", "002_"):
        doc_score = next(d for d in score.documents if d.id.startswith(clean))
        assert doc_score.counts.predicted == 0, doc_score
