from __future__ import annotations

from typing import Any

from storytrace.eval.baselines import alone, minhash, per_language

TEXT = "The harbour wall broke on Tuesday night and water flooded the old town centre quickly."


def doc(doc_id: str, text: str, lang: str) -> dict[str, Any]:
    return {
        "id": doc_id,
        "text": text,
        "lang": lang,
        "segments": [{"start": 0, "end": len(text), "kind": "unassigned"}],
    }


REPORT = {
    "schema": "storytrace.report/1",
    "documents": [
        doc("a", TEXT, "en"),
        doc("b", TEXT + " More.", "en"),
        doc(
            "c", "Der Hafen wurde am Dienstag überflutet und die Altstadt stand unter Wasser.", "de"
        ),
    ],
    "stories": [],
}


def groups(report: dict[str, Any]) -> list[list[str]]:
    return sorted(s["documents"] for s in report["stories"])


def test_alone_per_language_and_minhash() -> None:
    assert groups(alone(REPORT)) == [["a"], ["b"], ["c"]]
    assert groups(per_language(REPORT)) == [["a", "b"], ["c"]]
    assert groups(minhash(REPORT)) == [["a", "b"], ["c"]]
    # the input report is not touched, and story segments name the baseline's story
    assert REPORT["stories"] == []
    seg = alone(REPORT)["documents"][0]["segments"][0]
    assert seg["kind"] == "story" and seg["story"] == "B-a"
