"""Workshop rounds: a whole cohort plays one scenario at once, with a live leaderboard."""

from __future__ import annotations

import random
import secrets
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from statistics import mean, median
from typing import Any

from bot.coaching.access import Actor, Role, owned_cohort, requires
from bot.coaching.cohorts import Member, members
from bot.coaching.records import MEMBERS, ROUND_RESULTS, ROUNDS, Records
from bot.core.report import criterion_means, session_overall, whole_attempt
from bot.core.rubric import Rubric, default_rubric
from bot.core.session import Session
from bot.errors import NotAllowed, SalescoachError


@dataclass(frozen=True)
class Round:
    """One workshop round; `participants` maps rep id to [name, alias]."""

    id: str
    cohort_id: str
    scenario_id: str
    level: int
    coach_id: str
    started_at: float
    hide_names: bool
    participants: dict[str, list[str]]
    ended_at: float | None = None

    @property
    def open(self) -> bool:
        """True until the coach ends the round."""
        return self.ended_at is None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Round:
        """Build from a stored document."""
        fields_ = {k: d[k] for k in cls.__dataclass_fields__ if k in d}
        return cls(**fields_)


@dataclass(frozen=True)
class Result:
    """A participant's best finished session in the round."""

    user_id: str
    session_id: str
    overall: int
    passed: bool
    outcome: str
    at: float
    attempts: int = 1
    criteria: dict[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Entry:
    """A leaderboard line; `rank` is shared by equal scores (1, 2, 2, 4)."""

    rank: int
    user_id: str
    name: str
    alias: str
    overall: int
    passed: bool
    attempts: int

    def label(self, hide_names: bool, viewer_id: str | None = None) -> str:
        """The name to show: the alias when names are hidden, except to the rep themself."""
        if hide_names and self.user_id != viewer_id:
            return self.alias
        return self.name


@dataclass(frozen=True)
class Summary:
    """How the room did, sent to everyone when the round ends."""

    participants: int
    finished: int
    mean: float | None
    median: float | None
    pass_rate: float | None
    criteria: dict[str, float | None]
    weakest: str | None
    board: list[Entry]
    missing: list[str]  # names of participants without a result


@requires(Role.COACH)
def start_round(
    records: Records,
    actor: Actor,
    cohort_id: str,
    scenario_id: str,
    *,
    level: int = 1,
    hide_names: bool = False,
    now: float | None = None,
) -> Round:
    """Open a round for every current member of one of the actor's cohorts."""
    owned_cohort(records, actor, cohort_id)
    if open_round(records, cohort_id) is not None:
        raise SalescoachError.said("coaching.round_running")
    people = members(records, cohort_id)
    if not people:
        raise SalescoachError.said("coaching.cohort_empty")
    rnd = Round(
        id=secrets.token_hex(4),
        cohort_id=cohort_id,
        scenario_id=scenario_id,
        level=level,
        coach_id=actor.user_id,
        started_at=now or time.time(),
        hide_names=hide_names,
        participants=with_aliases(people),
    )
    records.put(ROUNDS, rnd.id, rnd.to_dict())
    return rnd


def with_aliases(people: list[Member]) -> dict[str, list[str]]:
    """Each member's name and an alias (#1, #2 … in random order) for a names-hidden board."""
    aliases = [f"#{n}" for n in range(1, len(people) + 1)]
    random.Random(secrets.randbits(32)).shuffle(aliases)
    return {m.user_id: [m.name, alias] for m, alias in zip(people, aliases, strict=True)}


def open_round(records: Records, cohort_id: str) -> Round | None:
    """The cohort's running round, if any."""
    docs = [d for d in records.find(ROUNDS, cohort_id=cohort_id) if d.get("ended_at") is None]
    return Round.from_dict(docs[0]) if docs else None


def get_round(records: Records, actor: Actor, round_id: str) -> Round:
    """A round of one of the actor's cohorts (NotAllowed for any other id)."""
    doc = records.get(ROUNDS, round_id)
    if doc is None:
        raise NotAllowed.said("coaching.not_your_round")
    owned_cohort(records, actor, doc["cohort_id"])
    return Round.from_dict(doc)


def record_session(records: Records, session: Session, rubric: Rubric | None = None) -> list[Round]:
    """Count a finished session in the open rounds it belongs to; the rounds it changed.

    It counts when the rep takes part (or has since joined the cohort), the scenario and level
    match, it started after the round and it is a whole attempt (not one line and /end); the
    best of several attempts stays on the board. Recording the same session again changes
    nothing.
    """
    if not session.finished or not session.turns or not whole_attempt(session):
        return []
    changed = []
    for m in records.find(MEMBERS, user_id=session.user_id):
        rnd = open_round(records, m["cohort_id"])
        if rnd is None or (rnd.scenario_id, rnd.level) != (session.scenario_id, session.level):
            continue
        if session.started_at < rnd.started_at:
            continue
        if session.user_id not in rnd.participants:
            rnd = _join_round(records, rnd.id, session.user_id, m["name"]) or rnd
        if _keep_best(records, rnd, session, rubric or default_rubric()):
            changed.append(rnd)
    return changed


def _join_round(records: Records, round_id: str, user_id: str, name: str) -> Round | None:
    """Add a participant atomically, so reps finishing at the same moment are all counted."""

    def add(doc: dict[str, Any] | None) -> dict[str, Any] | None:
        if doc is None or user_id in doc["participants"]:
            return None
        participants = dict(doc["participants"])
        participants[user_id] = [name, f"#{len(participants) + 1}"]
        return {**doc, "participants": participants}

    records.modify(ROUNDS, round_id, add)
    doc = records.get(ROUNDS, round_id)
    return None if doc is None else Round.from_dict(doc)


def _keep_best(records: Records, rnd: Round, session: Session, rubric: Rubric) -> bool:
    """Store the session's result unless the rep has a better one; False if already counted."""
    key = f"{rnd.id}:{session.user_id}"
    previous = records.get(ROUND_RESULTS, key)
    counted = list(previous.get("sessions", [])) if previous else []
    if session.id in counted:
        return False
    counted.append(session.id)
    overall = session_overall(session.turns)
    if previous and previous["overall"] >= overall:
        records.put(ROUND_RESULTS, key, {**previous, "attempts": len(counted), "sessions": counted})
        return True
    result = Result(
        session.user_id,
        session.id,
        overall,
        overall >= rubric.pass_line,
        session.outcome.value,
        session.ended_at or time.time(),
        len(counted),
        criterion_means(session.turns, rubric),
    )
    records.put(ROUND_RESULTS, key, {**asdict(result), "round_id": rnd.id, "sessions": counted})
    return True


def results(records: Records, rnd: Round) -> list[Result]:
    """Every participant's best result so far."""
    docs = records.find(ROUND_RESULTS, round_id=rnd.id)
    names = Result.__dataclass_fields__
    return [Result(**{k: v for k, v in d.items() if k in names}) for d in docs]


def leaderboard(records: Records, rnd: Round) -> list[Entry]:
    """Results best first (equal scores: who finished first), with shared ranks."""
    ordered = sorted(results(records, rnd), key=lambda r: (-r.overall, r.at, r.user_id))
    board: list[Entry] = []
    for i, r in enumerate(ordered):
        tie = board and board[-1].overall == r.overall
        rank = board[-1].rank if tie else i + 1
        name, alias = rnd.participants.get(r.user_id, [r.user_id, "#?"])
        board.append(Entry(rank, r.user_id, name, alias, r.overall, r.passed, r.attempts))
    return board


def summarise(
    records: Records,
    rnd: Round,
    rubric: Rubric | None = None,
    focus: Sequence[str] | None = None,
) -> Summary:
    """The round's figures: mean, median, pass rate, and the room's weakest criterion among
    those the scenario trains (`focus`, by default the shipped scenario's)."""
    rubric = rubric or default_rubric()
    focus = _focus(rnd.scenario_id) if focus is None else focus
    done = results(records, rnd)
    scores = [r.overall for r in done]
    criteria: dict[str, float | None] = {}
    for cid in rubric.ids:
        values = [v for r in done if (v := r.criteria.get(cid)) is not None]
        criteria[cid] = round(mean(values), 2) if values else None
    scored = [(v, cid) for cid, v in criteria.items() if v is not None and cid in focus]
    finished_ids = {r.user_id for r in done}
    return Summary(
        participants=len(rnd.participants),
        finished=len(done),
        mean=round(mean(scores), 1) if scores else None,
        median=float(median(scores)) if scores else None,
        pass_rate=round(sum(r.passed for r in done) / len(done), 3) if done else None,
        criteria=criteria,
        weakest=min(scored)[1] if scored else None,
        board=leaderboard(records, rnd),
        missing=[v[0] for k, v in rnd.participants.items() if k not in finished_ids],
    )


def _focus(scenario_id: str) -> tuple[str, ...]:
    """The criteria a shipped scenario trains (none for an unknown one)."""
    from bot.core.scenarios import default_scenarios

    scenario = default_scenarios().get(scenario_id)
    return tuple(scenario.focus) if scenario else ()


@requires(Role.COACH)
def end_round(
    records: Records,
    actor: Actor,
    round_id: str,
    *,
    now: float | None = None,
    focus: Sequence[str] | None = None,
) -> tuple[Round, Summary]:
    """Close one of the actor's rounds and return its summary."""
    rnd = get_round(records, actor, round_id)
    if not rnd.open:
        raise SalescoachError.said("coaching.round_ended")
    ended = Round.from_dict({**rnd.to_dict(), "ended_at": now or time.time()})
    records.put(ROUNDS, ended.id, ended.to_dict())
    return ended, summarise(records, ended, focus=focus)
