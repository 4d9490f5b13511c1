"""Coach reviews: kept beside the judge's scores, validated, and visible to the rep."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.coaching import reviews
from bot.coaching.access import open_session
from bot.errors import NotAllowed, SalescoachError
from tests.coaching_world import T0, Team, records_in, rep, session, team, turn


@pytest.fixture
def world(tmp_path: Path) -> Team:
    t = team(records_in(tmp_path))
    t.records.store.save_session(
        session(
            "anna",
            turn(0, 40, challenge=1, insight=2),
            turn(1, 80, challenge=4, insight=4),
            sid="s1",
            at=T0 + 7200,
        )
    )
    return t


def test_override_is_stored_beside_the_judges_score(world: Team) -> None:
    review = reviews.add_review(
        world.records,
        world.coach_a,
        "anna",
        "s1",
        turn=0,
        overall=65,
        criteria={"challenge": 3},
        comment="You did question the deadline. Good!",
        now=T0 + 9000,
    )
    stored = open_session(world.records, rep("anna"), "anna", "s1")
    assert stored.turns[0].judgement.overall == 40  # the machine's score is untouched
    assert stored.turns[0].judgement.criteria["challenge"] == 1
    assert reviews.latest_overrides([review]) == {(0, "overall"): 65, (0, "challenge"): 3}


def test_rep_sees_the_coachs_comment_on_their_transcript(world: Team) -> None:
    reviews.add_review(
        world.records,
        world.coach_a,
        "anna",
        "s1",
        turn=1,
        comment="Great next step.",
        now=T0 + 9000,
    )
    seen = reviews.session_reviews(world.records, rep("anna"), "anna", "s1")
    assert [(r.turn, r.comment, r.coach_name) for r in seen] == [
        (1, "Great next step.", "Carla Coach")
    ]


def test_reviews_come_back_oldest_first(world: Team) -> None:
    for at, text in [(T0 + 9200, "second"), (T0 + 9100, "first")]:
        reviews.add_review(world.records, world.coach_a, "anna", "s1", comment=text, now=at)
    seen = reviews.session_reviews(world.records, world.coach_a, "anna", "s1")
    assert [r.comment for r in seen] == ["first", "second"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"turn": 5, "comment": "x"}, "Turn 6 doesn't exist"),
        ({"turn": 0, "overall": 101}, "runs 0-100"),
        ({"turn": 0, "criteria": {"charm": 3}}, "Unknown criterion 'charm'"),
        ({"turn": 0, "criteria": {"insight": 6}}, "runs 0-5"),
        ({"overall": 50}, "pick the turn first"),
        ({"turn": 0, "comment": "   "}, "needs a comment"),
        ({"comment": "x" * 2001}, "under 2000"),
    ],
)
def test_bad_reviews_are_refused_with_the_reason(
    world: Team, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(SalescoachError, match=message):
        reviews.add_review(world.records, world.coach_a, "anna", "s1", **kwargs)  # type: ignore[arg-type]


def test_reps_cannot_review_even_their_own_sessions(world: Team) -> None:
    with pytest.raises(NotAllowed, match="Only coaches"):
        reviews.add_review(world.records, rep("anna"), "anna", "s1", comment="self-praise")


def test_rep_leaving_hides_the_session_from_the_coach_but_not_the_reviews_from_the_rep(
    world: Team,
) -> None:
    from bot.coaching import cohorts

    reviews.add_review(world.records, world.coach_a, "anna", "s1", comment="Keep going")
    cohorts.leave(world.records, "anna", world.cohort_a.id)
    with pytest.raises(NotAllowed):
        reviews.session_reviews(world.records, world.coach_a, "anna", "s1")
    assert len(reviews.session_reviews(world.records, rep("anna"), "anna", "s1")) == 1


def test_forgetting_a_rep_deletes_their_reviews_too(world: Team) -> None:
    reviews.add_review(world.records, world.coach_a, "anna", "s1", comment="Keep going")
    world.records.store.forget_user("anna")
    assert reviews.reviews_of(world.records, "s1") == []
