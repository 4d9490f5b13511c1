"""The coach's view of a cohort: who practised, how they score, the trend and the weak spot."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import mean

from bot.coaching.access import Actor, owned_cohort
from bot.coaching.cohorts import Member, members
from bot.coaching.records import Records
from bot.core.report import criterion_means, session_overall
from bot.core.rubric import Rubric, default_rubric
from bot.core.session import Session

#: How many recent sessions the "recent score" and the trend look at.
RECENT = 3


@dataclass(frozen=True)
class RepSummary:
    """One member's line in the overview."""

    rep_id: str
    name: str
    sessions: int
    last_at: float | None
    recent: int | None  # mean overall of the last RECENT finished sessions
    trend: int | None  # recent minus the RECENT sessions before those
    criteria: dict[str, float | None]  # mean 0-5 over all visible finished sessions
    weakest: str | None


def finished(sessions: list[Session]) -> list[Session]:
    """Sessions that ended with at least one scored turn, oldest first."""
    return sorted((s for s in sessions if s.finished and s.turns), key=lambda s: s.started_at)


def summarise_rep(member: Member, sessions: list[Session], rubric: Rubric) -> RepSummary:
    """Figures for one member from the sessions the coach may see."""
    done = finished(sessions)
    overall = [session_overall(s.turns) for s in done]
    recent = round(mean(overall[-RECENT:])) if overall else None
    before = overall[-2 * RECENT : -RECENT]
    trend = recent - round(mean(before)) if before and recent is not None else None
    criteria = criterion_means([t for s in done for t in s.turns], rubric)
    scored = [(v, cid) for cid, v in criteria.items() if v is not None]
    return RepSummary(
        rep_id=member.user_id,
        name=member.name,
        sessions=len(done),
        last_at=(done[-1].ended_at or done[-1].started_at) if done else None,
        recent=recent,
        trend=trend,
        criteria=criteria,
        weakest=min(scored)[1] if scored else None,
    )


def member_sessions(records: Records, member: Member) -> list[Session]:
    """A member's sessions since joining: what their coach may see."""
    return [s for s in records.sessions(member.user_id) if s.started_at >= member.joined_at]


def cohort_overview(
    records: Records, actor: Actor, cohort_id: str, rubric: Rubric | None = None
) -> list[RepSummary]:
    """One line per member of one of the actor's cohorts, most recently active first."""
    owned_cohort(records, actor, cohort_id)
    rubric = rubric or default_rubric()
    lines = [
        summarise_rep(m, member_sessions(records, m), rubric) for m in members(records, cohort_id)
    ]
    return sorted(lines, key=lambda r: (r.last_at is None, -(r.last_at or 0.0), r.name))


def cohort_criteria(lines: list[RepSummary], criteria: list[str]) -> dict[str, float | None]:
    """The cohort's mean per criterion over members who have a score on it."""
    result: dict[str, float | None] = {}
    for cid in criteria:
        values = [v for line in lines if (v := line.criteria.get(cid)) is not None]
        result[cid] = round(mean(values), 2) if values else None
    return result


def recent_sessions(
    records: Records, actor: Actor, cohort_id: str, limit: int = 10
) -> list[tuple[Member, Session]]:
    """The cohort's latest finished sessions, newest first."""
    owned_cohort(records, actor, cohort_id)
    pairs = [
        (m, s) for m in members(records, cohort_id) for s in finished(member_sessions(records, m))
    ]
    pairs.sort(key=lambda p: -(p[1].ended_at or p[1].started_at))
    return pairs[:limit]
