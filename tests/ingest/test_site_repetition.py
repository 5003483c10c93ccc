"""Short lines repeated across pages of one site are site boilerplate."""

from __future__ import annotations

import io
import json

from storytrace import MemoryStore, Options, ingest_inputs

FURNITURE = "Havnvik Tidende, your local paper since 1894"
BODIES = [
    "The council voted on Monday to rebuild the sea wall before the autumn storms arrive.",
    "Police closed the coastal road after a landslide blocked both lanes near the tunnel.",
    "The ferry company said the night crossing would resume on Friday after repairs.",
]


def records(host: str, prefix: str) -> list[str]:
    return [
        json.dumps(
            {
                "id": f"{prefix}{i}",
                "url": f"https://{host}/news/{i}",
                "text": f"{body}\n\n{FURNITURE}\n",
            }
        )
        for i, body in enumerate(BODIES)
    ]


def boilerplate_lines(store: MemoryStore, doc_id: str) -> list[str]:
    doc = store.get(doc_id)
    assert doc is not None
    return [doc.text[s.start : s.end].strip() for s in doc.segments if s.kind == "boilerplate"]


def test_repeated_line_on_one_site_is_boilerplate() -> None:
    store = MemoryStore()
    lines = [
        *records("www.havnvik.example", "h"),
        json.dumps(
            {
                "id": "other",
                "url": "https://elsewhere.example/a",
                "text": f"{BODIES[0]} Elsewhere.\n\n{FURNITURE}\n",
            }
        ),
    ]
    stdin = io.BytesIO("\n".join(lines).encode())
    run = ingest_inputs(["-"], options=Options(workers=1), store=store, stdin=stdin)
    assert run.failed == []
    for i in range(3):
        assert boilerplate_lines(store, f"h{i}") == [FURNITURE]
        doc = store.get(f"h{i}")
        assert doc is not None
        assert all(
            doc.segments[s.segment].kind != "boilerplate"
            for s in doc.sentences
            if BODIES[i][:20] in doc.text[s.start : s.end]
        )
    # The same line on a page of another site is not evidence of that site's furniture.
    assert boilerplate_lines(store, "other") == []
