"""Assignments: a scenario (level, optional deadline) a coach sets for a whole cohort."""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from bot.coaching.access import Actor, Role, owned_cohort, requires
from bot.coaching.cohorts import members, rep_cohorts
from bot.coaching.records import ASSIGNMENTS, Records
from bot.core.session import Session
from bot.errors import NotAllowed, SalescoachError


class Status(StrEnum):
    """Where a rep stands on an assignment."""

    DONE = "done"  # finished a session of the scenario at the level or harder, in time
    LATE = "late"  # finished, but after the deadline
    PENDING = "pending"  # not yet, and the deadline (if any) has not passed
    OVERDUE = "overdue"  # not done and the deadline has passed


@dataclass(frozen=True)
class Assignment:
    """A scenario set for a cohort."""

    id: str
    cohort_id: str
    scenario_id: str
    level: int
    deadline: float | None
    created_by: str
    created_at: float

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Assignment:
        """Build from a stored document."""
        deadline = data.get("deadline")
        return cls(
            id=data["id"],
            cohort_id=data["cohort_id"],
            scenario_id=data["scenario_id"],
            level=int(data["level"]),
            deadline=None if deadline is None else float(deadline),
            created_by=data["created_by"],
            created_at=float(data["created_at"]),
        )

    def counts(self, session: Session) -> bool:
        """Whether a session fulfils this assignment (timing aside)."""
        return (
            session.finished
            and bool(session.turns)
            and session.scenario_id == self.scenario_id
            and session.level >= self.level
            and session.started_at >= self.created_at
        )

    def status(self, sessions: Iterable[Session], now: float) -> Status:
        """The rep's status given their sessions."""
        done = [s.ended_at or s.started_at for s in sessions if self.counts(s)]
        if done:
            in_time = self.deadline is None or min(done) <= self.deadline
            return Status.DONE if in_time else Status.LATE
        overdue = self.deadline is not None and now > self.deadline
        return Status.OVERDUE if overdue else Status.PENDING


@requires(Role.COACH)
def assign(
    records: Records,
    actor: Actor,
    cohort_id: str,
    scenario_id: str,
    *,
    level: int = 1,
    deadline: float | None = None,
    known_scenarios: Iterable[str] = (),
    now: float | None = None,
) -> Assignment:
    """Set a scenario for one of the actor's cohorts."""
    owned_cohort(records, actor, cohort_id)
    known = set(known_scenarios)
    if known and scenario_id not in known:
        raise SalescoachError.said(
            "coaching.unknown_scenario", scenario=scenario_id, known=", ".join(sorted(known))
        )
    if level not in (1, 2, 3):
        raise SalescoachError.said("coaching.level_range", level=level)
    created = now or time.time()
    if deadline is not None and deadline <= created:
        raise SalescoachError.said("coaching.deadline_past")
    assignment = Assignment(
        secrets.token_hex(4), cohort_id, scenario_id, level, deadline, actor.user_id, created
    )
    records.put(ASSIGNMENTS, assignment.id, assignment.to_dict())
    return assignment


def cohort_assignments(records: Records, cohort_id: str) -> list[Assignment]:
    """A cohort's assignments, newest first (callers check access to the cohort first)."""
    docs = records.find(ASSIGNMENTS, cohort_id=cohort_id)
    return sorted((Assignment.from_dict(d) for d in docs), key=lambda a: -a.created_at)


def open_for_rep(records: Records, rep_id: str, now: float | None = None) -> list[Assignment]:
    """Assignments a rep still has to do, soonest deadline first: what /practice shows first."""
    now = now or time.time()
    sessions = records.sessions(rep_id)
    todo = [
        a
        for cohort in rep_cohorts(records, rep_id)
        for a in cohort_assignments(records, cohort.id)
        if a.status(sessions, now) in (Status.PENDING, Status.OVERDUE)
    ]
    return sorted(todo, key=lambda a: (a.deadline is None, a.deadline or 0.0, a.created_at))


def completion(
    records: Records, actor: Actor, assignment_id: str, now: float | None = None
) -> list[tuple[str, str, Status]]:
    """(rep id, name, status) for every member of the assignment's cohort (coach only)."""
    doc = records.get(ASSIGNMENTS, assignment_id)
    if doc is None:
        raise NotAllowed.said("coaching.not_your_assignment")
    assignment = Assignment.from_dict(doc)
    owned_cohort(records, actor, assignment.cohort_id)
    now = now or time.time()
    return [
        (m.user_id, m.name, assignment.status(_since(records, m.user_id, m.joined_at), now))
        for m in members(records, assignment.cohort_id)
    ]


def _since(records: Records, rep_id: str, joined_at: float) -> list[Session]:
    """A member's sessions from joining on: what the coach may see."""
    return [s for s in records.sessions(rep_id) if s.started_at >= joined_at]
