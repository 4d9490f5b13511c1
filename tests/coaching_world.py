"""A small world for the coaching tests: a store in a temp folder, people, and made-up sessions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.coaching import cohorts, roles
from bot.coaching.access import Actor, Role
from bot.coaching.records import Records
from bot.core.judgement import Judgement, JudgeRequest
from bot.core.practice import Practice
from bot.core.session import Session, Turn
from bot.core.state import CustomerState, Outcome
from bot.store import Store

ADMIN = Actor("1", Role.ADMIN, "Ada Admin")
T0 = 1_700_000_000.0  # 2023-11-14T22:13:20Z; every test clock starts here


def records_in(folder: Path) -> Records:
    """Records over a fresh store in `folder`."""
    return Records(Store(folder))


def coach(records: Records, user_id: str, name: str) -> Actor:
    """Make a coach (granted by ADMIN) and return them as an actor."""
    roles.grant_coach(records, ADMIN, user_id, now=T0)
    return Actor(user_id, Role.COACH, name)


def rep(user_id: str, name: str = "") -> Actor:
    """A rep actor."""
    return Actor(user_id, Role.REP, name or user_id)


def turn(index: int, overall: int, **criteria: int | None) -> Turn:
    """A scored turn with made-up dialogue."""
    judgement = Judgement(overall=overall, criteria=dict(criteria), feedback="ok")
    return Turn(index, f"customer {index}", f"reply {index}", judgement, f"answer {index}", 50, 50)


def session(
    user_id: str,
    *turns: Turn,
    sid: str,
    at: float,
    scenario: str = "best-price-friday",
    level: int = 1,
    outcome: Outcome = Outcome.WON,
) -> Session:
    """A finished session started at `at` and ended a minute later."""
    return Session(
        user_id=user_id,
        scenario_id=scenario,
        lang="en",
        level=level,
        opening="Just send me the price.",
        state=CustomerState(trust=50, patience=50),
        id=sid,
        turns=list(turns),
        outcome=outcome,
        started_at=at,
        ended_at=at + 60 if outcome.finished else None,
    )


@dataclass
class Team:
    """Two coaches with a cohort each; reps anna and bo in cohort A, cy in cohort B."""

    records: Records
    coach_a: Actor
    coach_b: Actor
    cohort_a: cohorts.Cohort
    cohort_b: cohorts.Cohort


def team(records: Records) -> Team:
    """Set up the usual cast: joined one hour after T0."""
    a = coach(records, "100", "Carla Coach")
    b = coach(records, "200", "Berit Coach")
    ca = cohorts.create_cohort(records, a, "Team A", now=T0)
    cb = cohorts.create_cohort(records, b, "Team B", now=T0)
    assert ca.code and cb.code
    cohorts.join(records, "anna", ca.code, "Anna", now=T0 + 3600)
    cohorts.join(records, "bo", ca.code, "Bo", now=T0 + 3600)
    cohorts.join(records, "cy", cb.code, "Cy", now=T0 + 3600)
    return Team(records, a, b, ca, cb)


class ScriptedJudge:
    """A fake judge: replies that ask about the need score 80, anything else 30."""

    name = "scripted"

    def score(self, request: JudgeRequest) -> Judgement:
        """Score without awaiting."""
        good = "need" in request.reply.lower()
        criteria: dict[str, int | None] = {"challenge": 4 if good else 1, "respect": 5}
        return Judgement(overall=80 if good else 30, criteria=criteria, feedback="noted")

    async def judge(self, request: JudgeRequest) -> Judgement:
        """Score one reply."""
        return self.score(request)


def scripted_practice() -> Practice:
    """The practice engine with the offline customer and the scripted judge."""
    from bot.core.offline_customer import OfflineCustomer

    judge = ScriptedJudge()
    return Practice(OfflineCustomer(), judge, quick_judge=judge)
