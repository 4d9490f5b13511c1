"""The rules that take one rep out of a shared document, parsed or too damaged to parse."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.store.scrub import mentions, names_in, owned, scrub, scrub_raw

REP = "rep-1"


@pytest.mark.parametrize(
    ("text", "found"),
    [("rep-1", True), ("c1:rep-1", True), ("rep-1:2026-11-30", True), ("rep-10", False)],
)
def test_the_id_is_matched_as_a_whole_token(text: str, found: bool) -> None:
    assert (mentions(REP).search(text) is not None) is found


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ({"key": "m1", "user_id": REP}, True),
        ({"key": f"{REP}:2026-11-30", "tokens": 5}, True),
        ({"key": "rep-10:2026-11-30", "user_id": "rep-10"}, False),
    ],
)
def test_a_document_is_the_reps_by_user_id_or_by_key(doc: dict[str, Any], expected: bool) -> None:
    assert owned(doc, REP) is expected


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (  # a round: the rep leaves the participants, the others stay
            {"participants": {REP: ["Zelda Quux", "#2"], "bo": ["Bo", "#1"]}, "coach_id": "c"},
            {"participants": {"bo": ["Bo", "#1"]}, "coach_id": "c"},
        ),
        (  # a review the rep wrote as a coach: their id and the name beside it go
            {"coach_id": REP, "coach_name": "Zelda Quux", "user_id": "bo", "comment": "ok"},
            {"coach_id": "", "coach_name": "", "user_id": "bo", "comment": "ok"},
        ),
        ({"by": REP, "members": ["bo", REP]}, {"by": "", "members": ["bo"]}),
    ],
)
def test_mentions_of_the_rep_leave_a_document_that_stays(
    doc: dict[str, Any], expected: dict[str, Any]
) -> None:
    assert scrub(doc, REP) == expected


def test_the_reps_display_names_are_found_where_they_are_tied_to_the_id() -> None:
    member = {"user_id": REP, "name": "Zelda Quux"}
    review = {"coach_id": REP, "coach_name": "Z. Quux"}
    round_ = {"participants": {REP: ["Zelda", "#4"], "bo": ["Bo", "#1"]}}

    found = names_in(member, REP) | names_in(review, REP) | names_in(round_, REP)

    assert found == {"Zelda Quux", "Z. Quux", "Zelda"}


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        (  # cut at the end: the fragment left open goes too
            b'{"docs":{"1":{"user_id":"rep-1","name":"Zelda Quux"},"2":{"user_id":"bo","na',
            [b'"user_id":"bo"'],
        ),
        (b'{"a":"rep-10","b":"Zelda Quuxes","c":"rep-1"', [b'"a":"rep-10"', b'"b":"Zelda Quuxes"']),
        (b'name":"Zelda Quux","x":"rep-1"}', [b"name", b"x"]),  # cut at the start: quotes shift
    ],
)
def test_a_damaged_file_keeps_nothing_of_the_rep(raw: bytes, kept: list[bytes]) -> None:
    clean = scrub_raw(raw, REP, ["Zelda Quux"])

    assert mentions(REP).search(clean.decode()) is None
    assert re.search(rb"Zelda Quux(?!\w)", clean) is None
    assert all(part in clean for part in kept)
