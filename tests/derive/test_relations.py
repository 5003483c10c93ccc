from __future__ import annotations

import pytest

from storytrace.derive.artefacts import artefact_rate, artefacts
from storytrace.derive.relations import PairFeatures, label


def feats(**kw: object) -> PairFeatures:
    base: dict[str, object] = dict(
        same_language=True,
        coverage_source=1.0,
        coverage_target=1.0,
        overlap=0.9,
        similarity=0.95,
        target_artefacts=0.0,
        source_artefacts=0.0,
        target_stories=1,
        source_truncated=False,
    )
    base.update(kw)
    return PairFeatures(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kw", "relation"),
    [
        ({}, "copy"),
        ({"coverage_source": 0.3}, "excerpt"),
        ({"overlap": 0.2}, "paraphrase"),
        ({"overlap": 0.2, "coverage_source": 0.5, "coverage_target": 0.6}, "rewrite"),
        ({"same_language": False, "overlap": 0.0}, "translation"),
        ({"same_language": False, "overlap": 0.0, "coverage_source": 0.2}, "rewrite"),
        # a round trip through another language: same language, artefacts the source lacks
        (
            {
                "overlap": 0.3,
                "target_artefacts": 5.0,
                "coverage_target": 0.5,
                "source_truncated": True,
            },
            "translation",
        ),
        ({"target_stories": 2, "coverage_source": 0.5}, "mashup"),
    ],
)
def test_labels(kw: dict[str, object], relation: str) -> None:
    rel, score = label(feats(**kw))
    assert rel == relation
    assert 0.0 <= score <= 1.0


def test_artefacts_of_a_german_round_trip() -> None:
    text = (
        "On 22. February the 150. division moved. The number exceeds 1.000 soldiers. "
        "He said. - We left."
    )
    found = artefacts(text, "en")
    kinds = " ".join(found)
    assert "22. February" in kinds and "1.000" in kinds and "dialogue dash" in kinds
    assert artefact_rate(found, text) > 1.0
    assert artefacts("On February 22 the 150th division moved; 1,000 soldiers.", "en") == []
    # the same formats are native in German: no artefact there
    assert artefacts("Am 22. Februar kamen 1.000 Soldaten.", "de") == []
    assert artefacts("x", "de", ["translation-disclaimer"]) == ["machine-translation disclaimer"]
