from __future__ import annotations

import pytest

from storytrace.link.cues import (
    article_start,
    is_headline,
    name_forms,
    skeleton,
    spelling_conflicts,
    starts_mid_sentence,
)


@pytest.mark.parametrize(
    "text",
    [
        "OSLO (NTB) – Regjeringen la fram budsjettet.",
        "KYIV, May 22 (Reuters) - Ukraine ruled out a ceasefire.",
        "BERLIN — Die Regierung hat am Montag beschlossen.",
        "  • Council approves budget",
        "and then the council voted again.",
        "Victory is near,” he said on Sunday.",
    ],
)
def test_article_starts(text: str) -> None:
    assert article_start(text)


@pytest.mark.parametrize(
    "text",
    [
        "The council voted on Monday.",
        "“We will rebuild,” the mayor said.",
        "- Noen av gutta nektet umiddelbart.",  # a Norwegian dialogue dash is not a bullet
        "– Мы не знали, — сказал он.",
    ],
)
def test_not_article_starts(text: str) -> None:
    assert not article_start(text)


def test_headline_after_boilerplate_only() -> None:
    assert not article_start("Bus drivers to strike over pay")
    assert article_start("Bus drivers to strike over pay", after_boilerplate=True)
    assert is_headline("Bus drivers to strike over pay")
    assert not is_headline("Bus drivers will strike over pay.")


def test_mid_sentence() -> None:
    assert starts_mid_sentence("took a few weeks of sleeping")
    assert not starts_mid_sentence("«Vi er lei», sa han.")


def test_skeleton_matches_transliterations() -> None:
    assert skeleton("Kherson") == skeleton("Cherson") == skeleton("Херсон")
    assert skeleton("Tabalov") == skeleton("Табалов")
    assert skeleton("Zelensky") == skeleton("Zelenskiy")


def test_spelling_conflicts() -> None:
    reuters = name_forms("Zelenskiy visited Sievierodonetsk and Kyiv.")
    post = name_forms("Zelensky said Severodonetsk was shelled.")
    assert spelling_conflicts(reuters, post) == 2
    assert spelling_conflicts(post, name_forms("Zelensky spoke in Ukraine")) == 0
    # Ukraine / Ukrainian are different words, not spellings of one name.
    assert spelling_conflicts(name_forms("Ukraine"), name_forms("Ukrainian")) == 0
