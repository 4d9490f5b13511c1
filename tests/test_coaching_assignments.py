"""Assignments: what reps see first in /practice, and what the coach sees of completion."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.coaching import assignments
from bot.coaching.assignments import Status
from bot.errors import NotAllowed, SalescoachError
from tests.coaching_world import T0, Team, records_in, rep, session, team, turn

DAY = 86_400.0


@pytest.fixture
def world(tmp_path: Path) -> Team:
    return team(records_in(tmp_path))


def test_completion_per_rep(world: Team) -> None:
    a = assignments.assign(
        world.records,
        world.coach_a,
        world.cohort_a.id,
        "let-it-mature",
        level=2,
        deadline=T0 + 2 * DAY,
        now=T0 + DAY,
    )
    store = world.records.store
    # anna: level 3 counts for level 2, in time; bo: level 1 does not count, then a late level 2.
    store.save_session(
        session("anna", turn(0, 70), sid="a1", at=T0 + 1.5 * DAY, scenario="let-it-mature", level=3)
    )
    store.save_session(
        session("bo", turn(0, 70), sid="b1", at=T0 + 1.5 * DAY, scenario="let-it-mature", level=1)
    )
    assert assignments.completion(world.records, world.coach_a, a.id, now=T0 + 1.6 * DAY) == [
        ("anna", "Anna", Status.DONE),
        ("bo", "Bo", Status.PENDING),
    ]
    store.save_session(
        session("bo", turn(0, 70), sid="b2", at=T0 + 3 * DAY, scenario="let-it-mature", level=2)
    )
    statuses = assignments.completion(world.records, world.coach_a, a.id, now=T0 + 3 * DAY)
    assert [s for _, _, s in statuses] == [Status.DONE, Status.LATE]


def test_overdue_when_the_deadline_passes_without_a_session(world: Team) -> None:
    a = assignments.assign(
        world.records, world.coach_a, world.cohort_a.id, "just-looking", deadline=T0 + DAY, now=T0
    )
    statuses = assignments.completion(world.records, world.coach_a, a.id, now=T0 + 2 * DAY)
    assert [s for _, _, s in statuses] == [Status.OVERDUE, Status.OVERDUE]


def test_rep_sees_open_assignments_soonest_deadline_first(world: Team) -> None:
    later = assignments.assign(
        world.records,
        world.coach_a,
        world.cohort_a.id,
        "just-looking",
        deadline=T0 + 5 * DAY,
        now=T0,
    )
    no_deadline = assignments.assign(
        world.records, world.coach_a, world.cohort_a.id, "let-it-mature", now=T0
    )
    sooner = assignments.assign(
        world.records,
        world.coach_a,
        world.cohort_a.id,
        "tender-price-only",
        deadline=T0 + DAY,
        now=T0,
    )
    todo = assignments.open_for_rep(world.records, "anna", now=T0 + 10)
    assert [a.id for a in todo] == [sooner.id, later.id, no_deadline.id]
    assert assignments.open_for_rep(world.records, "cy", now=T0 + 10) == []  # other cohort


def test_done_assignments_drop_off_the_reps_list(world: Team) -> None:
    assignments.assign(world.records, world.coach_a, world.cohort_a.id, "just-looking", now=T0)
    world.records.store.save_session(
        session("anna", turn(0, 30), sid="a1", at=T0 + 10, scenario="just-looking")
    )
    assert assignments.open_for_rep(world.records, "anna", now=T0 + 100) == []
    assert len(assignments.open_for_rep(world.records, "bo", now=T0 + 100)) == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"scenario_id": "nope", "known_scenarios": ["just-looking"]}, "Unknown scenario"),
        ({"scenario_id": "just-looking", "level": 4}, "Level must be"),
        ({"scenario_id": "just-looking", "deadline": T0 - 1}, "in the future"),
    ],
)
def test_bad_assignments_are_refused(world: Team, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(SalescoachError, match=message):
        assignments.assign(world.records, world.coach_a, world.cohort_a.id, now=T0, **kwargs)  # type: ignore[arg-type]


def test_only_the_cohorts_coach_sees_completion(world: Team) -> None:
    a = assignments.assign(world.records, world.coach_a, world.cohort_a.id, "just-looking", now=T0)
    for actor in (world.coach_b, rep("anna")):
        with pytest.raises(NotAllowed):
            assignments.completion(world.records, actor, a.id)
    with pytest.raises(NotAllowed):
        assignments.completion(world.records, world.coach_a, "forged")
