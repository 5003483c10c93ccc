"""Durations in months: a number of years or months and the phrases without digits."""

from __future__ import annotations

import pytest

from storytrace.diff.durations import durations
from storytrace.diff.links import link_changes
from tests.diff.helpers import doc, link


@pytest.mark.parametrize(
    ("text", "lang", "months"),
    [
        ("18 months of roadworks", "en", {18.0}),
        ("a year and a half of roadworks", "en", {18.0}),
        ("zwei Jahre lang und anderthalb Jahre später", "de", {24.0, 18.0}),
        ("halvannet år med veiarbeid", "nb", {18.0}),
        ("полтора года ремонта", "ru", {18.0}),
        ("півроку ремонту", "uk", {6.0}),
        ("un an et demi de travaux", "fr", {18.0}),
        ("un año y medio de obras", "es", {18.0}),
        ("built in 1978, reinforced in 2009", "en", set()),
    ],
)
def test_durations(text: str, lang: str, months: set[float]) -> None:
    assert set(durations(text, lang)) == months


def test_a_duration_said_in_words_is_not_a_dropped_number() -> None:
    src = "Traders fear that 18 months of roadworks will drive customers away."
    same = "Traders worry that a year and a half of roadworks will keep shoppers away."
    other = "Traders worry that half a year of roadworks will keep shoppers away."
    assert not link_changes(link(src, same, [(src, same)]), doc("a", src), doc("b", same))
    dropped = link_changes(link(src, other, [(src, other)]), doc("a", src), doc("b", other))
    assert [c["kind"] for c in dropped] == ["number"], dropped
