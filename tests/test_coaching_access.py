"""Authorization: reps see only themselves, coaches only their own cohorts, admins make coaches."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.coaching import assignments, cohorts, overview, reviews, roles, rounds
from bot.coaching.access import Actor, Role, open_session, visible_sessions
from bot.errors import NotAllowed
from tests.coaching_world import ADMIN, T0, Team, records_in, rep, session, team, turn


@pytest.fixture
def world(tmp_path: Path) -> Team:
    t = team(records_in(tmp_path))
    store = t.records.store
    for user, sid, at in [
        ("anna", "anna_old", T0),  # before joining: private
        ("anna", "anna_1", T0 + 7200),
        ("bo", "bo_1", T0 + 7200),
        ("cy", "cy_1", T0 + 7200),
    ]:
        store.save_session(session(user, turn(0, 70, challenge=3), sid=sid, at=at))
    return t


def test_rep_sees_own_sessions_including_those_before_joining(world: Team) -> None:
    sessions = visible_sessions(world.records, rep("anna"), "anna")
    assert [s.id for s in sessions] == ["anna_old", "anna_1"]


@pytest.mark.parametrize("target", ["bo", "cy"])
def test_rep_cannot_see_another_reps_progress(world: Team, target: str) -> None:
    with pytest.raises(NotAllowed):
        visible_sessions(world.records, rep("anna"), target)


@pytest.mark.parametrize(("owner", "sid"), [("bo", "bo_1"), ("cy", "cy_1")])
def test_rep_cannot_open_another_reps_transcript(world: Team, owner: str, sid: str) -> None:
    with pytest.raises(NotAllowed):
        open_session(world.records, rep("anna"), owner, sid)
    with pytest.raises(NotAllowed):
        reviews.session_reviews(world.records, rep("anna"), owner, sid)


def test_forged_session_id_naming_the_caller_does_not_open_someone_elses(world: Team) -> None:
    # anna claims bo's session is hers: the session's real owner decides.
    with pytest.raises(NotAllowed):
        open_session(world.records, rep("anna"), "anna", "bo_1")
    with pytest.raises(NotAllowed):
        open_session(world.records, rep("anna"), "anna", "../bo/sessions/bo_1")


def test_coach_sees_members_sessions_only_from_joining(world: Team) -> None:
    sessions = visible_sessions(world.records, world.coach_a, "anna")
    assert [s.id for s in sessions] == ["anna_1"]
    with pytest.raises(NotAllowed):
        open_session(world.records, world.coach_a, "anna", "anna_old")


def test_coach_cannot_see_reps_of_another_coachs_cohort(world: Team) -> None:
    with pytest.raises(NotAllowed):
        visible_sessions(world.records, world.coach_a, "cy")
    with pytest.raises(NotAllowed):
        open_session(world.records, world.coach_a, "cy", "cy_1")
    with pytest.raises(NotAllowed):
        reviews.add_review(world.records, world.coach_a, "cy", "cy_1", turn=0, comment="hi")


@pytest.mark.parametrize(
    "call",
    [
        lambda r, a, other: cohorts.get_cohort(r, a, other),
        lambda r, a, other: overview.cohort_overview(r, a, other),
        lambda r, a, other: overview.recent_sessions(r, a, other),
        lambda r, a, other: cohorts.revoke_code(r, a, other),
        lambda r, a, other: assignments.assign(r, a, other, "best-price-friday"),
        lambda r, a, other: rounds.start_round(r, a, other, "best-price-friday"),
    ],
    ids=["get", "overview", "recent", "revoke", "assign", "round"],
)
def test_coach_cannot_use_another_coachs_cohort_id(world: Team, call: object) -> None:
    with pytest.raises(NotAllowed):
        call(world.records, world.coach_a, world.cohort_b.id)  # type: ignore[operator]
    with pytest.raises(NotAllowed):
        call(world.records, world.coach_a, "no-such-id")  # type: ignore[operator]


def test_coach_lists_only_own_cohorts(world: Team) -> None:
    assert [c.name for c in cohorts.coach_cohorts(world.records, world.coach_a)] == ["Team A"]
    assert [c.name for c in cohorts.coach_cohorts(world.records, world.coach_b)] == ["Team B"]


def test_coach_loses_sight_of_a_rep_who_leaves(world: Team) -> None:
    cohorts.leave(world.records, "anna", world.cohort_a.id)
    with pytest.raises(NotAllowed):
        visible_sessions(world.records, world.coach_a, "anna")


@pytest.mark.parametrize("actor", [rep("anna"), Actor("100", Role.COACH, "Carla")])
def test_only_admins_make_coaches(world: Team, actor: Actor) -> None:
    with pytest.raises(NotAllowed, match="Only admins"):
        roles.grant_coach(world.records, actor, "anna")
    with pytest.raises(NotAllowed):
        roles.create_invite(world.records, actor)
    assert roles.role_of(world.records, ["1"], "anna") is Role.REP


def test_reps_cannot_create_cohorts(world: Team) -> None:
    with pytest.raises(NotAllowed, match="Only coaches"):
        cohorts.create_cohort(world.records, rep("anna"), "Mine")


def test_roles_come_from_settings_and_grants(world: Team) -> None:
    assert roles.role_of(world.records, [1], "1") is Role.ADMIN
    assert roles.role_of(world.records, [1], "100") is Role.COACH
    assert roles.role_of(world.records, [1], "anna") is Role.REP
    roles.revoke_coach(world.records, ADMIN, "100")
    assert roles.role_of(world.records, [1], "100") is Role.REP


def test_coach_invite_works_once(world: Team) -> None:
    code = roles.create_invite(world.records, ADMIN)
    roles.redeem_invite(world.records, "dora", code.lower())
    assert roles.role_of(world.records, [], "dora") is Role.COACH
    with pytest.raises(NotAllowed, match="not valid"):
        roles.redeem_invite(world.records, "eve", code)
    assert roles.role_of(world.records, [], "eve") is Role.REP


def test_revoked_join_code_stops_working_and_the_new_one_works(world: Team) -> None:
    old = world.cohort_a.code
    assert old
    fresh = cohorts.revoke_code(world.records, world.coach_a, world.cohort_a.id)
    assert fresh.code and fresh.code != old
    with pytest.raises(NotAllowed, match="doesn't work"):
        cohorts.join(world.records, "eve", old, "Eve")
    cohort, new = cohorts.join(world.records, "eve", fresh.code, "Eve")
    assert (cohort.id, new) == (world.cohort_a.id, True)


def test_closing_a_cohort_stops_all_joining(world: Team) -> None:
    closed = cohorts.revoke_code(world.records, world.coach_a, world.cohort_a.id, reissue=False)
    assert closed.code is None
    for code in ["", "None", "none"]:
        with pytest.raises(NotAllowed):
            cohorts.join(world.records, "eve", code)


def test_join_codes_are_short_unambiguous_and_distinct(world: Team) -> None:
    codes = {roles.new_code() for _ in range(500)}
    assert len(codes) == 500
    assert all(len(c) == 8 and set(c) <= set(roles.CODE_ALPHABET) for c in codes)
    assert not set("01OIL") & set(roles.CODE_ALPHABET)


def test_joining_twice_is_harmless(world: Team) -> None:
    assert world.cohort_a.code
    _, new = cohorts.join(world.records, "anna", world.cohort_a.code, "Anna")
    assert new is False
    assert [m.user_id for m in cohorts.members(world.records, world.cohort_a.id)] == ["anna", "bo"]


def test_deep_link_and_start_payload_round_trip() -> None:
    link = cohorts.deep_link("@SalesCoachBot", "ABCD2345")
    assert link == "https://t.me/SalesCoachBot?start=join_ABCD2345"
    assert cohorts.code_from_start(link.split("start=")[1]) == "ABCD2345"
    assert cohorts.code_from_start("coach_XYZ") is None


@pytest.mark.parametrize(
    ("lang", "needle"),
    [("en", "Your coach Carla will be able to see"), ("sv", "Din coach Carla kommer att kunna se")],
)
def test_rep_is_told_what_the_coach_will_see(lang: str, needle: str) -> None:
    text = cohorts.can_see(lang, "Carla")  # type: ignore[arg-type]
    assert text.startswith(needle)
    assert "/leave" in text
