"""A rep's progress over many sessions: proficiency, change, streak, medals, what to train next.

Pure domain code: it takes sessions and the rubric and does no I/O.

Rules (numbers are 0-100 and rounded like the report card):
- A session's overall is the mean of its turns' overall scores; its score on a criterion is
  the mean 0-5 score over the turns where the criterion applied, times 20. Sessions without
  turns are ignored.
- Proficiency weighs recent sessions more: each older session that scored a criterion counts
  2^(-1/HALF_LIFE) times the next one, so a session HALF_LIFE sessions back counts half.
- Change is the latest session's score minus the previous session that scored the criterion,
  both rounded first, so "+7 on ownership" matches the numbers the rep has seen.
- Streak: consecutive local calendar days with at least one answered turn, ending today, or
  yesterday if the rep has not practised yet today.
- Medals per scenario, from finished sessions: bronze at the rubric's pass line (60) in a
  conversation that ended on its own (won, meeting or lost; not stopped by the rep), silver at
  SILVER_AT and gold at GOLD_AT, both with a success (won or meeting booked).
- Recommendation: the criterion with the lowest proficiency, and the scenario whose focus
  trains it, preferring no medal yet, then the lowest medal, then the fewest sessions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, tzinfo
from statistics import mean
from typing import Any, Literal

from bot.core.rubric import Rubric
from bot.core.session import Session
from bot.core.state import Outcome

HALF_LIFE = 3.0  # sessions
SILVER_AT = 75
GOLD_AT = 85

Medal = Literal["bronze", "silver", "gold"]
MEDAL_RANK: dict[Medal | None, int] = {None: 0, "bronze": 1, "silver": 2, "gold": 3}
MEDAL_ICON: dict[Medal, str] = {"gold": "🥇", "silver": "🥈", "bronze": "🥉"}


def session_overall(session: Session) -> float | None:
    """Mean overall score of the session's turns (None without turns)."""
    return mean(t.judgement.overall for t in session.turns) if session.turns else None


def criterion_scores(session: Session, rubric: Rubric) -> dict[str, float | None]:
    """Per criterion, 0-100: mean 0-5 score over the turns where it applied, times 20."""
    result: dict[str, float | None] = {}
    for cid in rubric.ids:
        scores = [s for t in session.turns if (s := t.judgement.criteria.get(cid)) is not None]
        result[cid] = 20.0 * mean(scores) if scores else None
    return result


def medal_for(session: Session, pass_line: int) -> Medal | None:
    """The medal one finished session earns (see the module docstring)."""
    overall = session_overall(session)
    if overall is None or not session.finished:
        return None
    score = round(overall)
    if session.outcome.success and score >= GOLD_AT:
        return "gold"
    if session.outcome.success and score >= SILVER_AT:
        return "silver"
    if session.outcome is not Outcome.STOPPED and score >= pass_line:
        return "bronze"
    return None


@dataclass(frozen=True)
class Point:
    """One scored session, as the chart plots it."""

    session_id: str
    scenario_id: str
    started_at: float
    overall: float
    criteria: dict[str, float | None]  # this session's scores
    proficiency: dict[str, float | None]  # running proficiency after this session


@dataclass(frozen=True)
class CriterionProgress:
    """How the rep stands on one criterion."""

    id: str
    proficiency: int | None
    last: int | None  # the latest session that scored it
    change: int | None  # versus the session that scored it before that
    sessions: int


@dataclass(frozen=True)
class ScenarioProgress:
    """How the rep has done against one customer."""

    scenario_id: str
    sessions: int
    best: int | None  # best overall of a finished session
    medal: Medal | None


@dataclass(frozen=True)
class Recommendation:
    """What to train next."""

    criterion: str | None
    scenario_id: str | None


@dataclass(frozen=True)
class Progress:
    """Everything the progress view shows."""

    sessions: int
    overall: int | None
    last_overall: int | None
    overall_change: int | None
    criteria: tuple[CriterionProgress, ...]
    streak_days: int
    practised_today: bool
    scenarios: tuple[ScenarioProgress, ...]
    recommendation: Recommendation | None
    points: tuple[Point, ...]

    def criterion(self, criterion_id: str) -> CriterionProgress:
        """The progress on one criterion (KeyError if unknown)."""
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)


class _Decayed:
    """A recency-weighted mean, updated one session at a time."""

    FACTOR = 0.5 ** (1.0 / HALF_LIFE)

    def __init__(self) -> None:
        self.total = self.weight = 0.0
        self.values: list[float] = []

    def add(self, value: float) -> None:
        self.total = self.total * self.FACTOR + value
        self.weight = self.weight * self.FACTOR + 1.0
        self.values.append(value)

    @property
    def mean(self) -> float | None:
        return self.total / self.weight if self.weight else None

    def change(self) -> int | None:
        if len(self.values) < 2:
            return None
        return round(self.values[-1]) - round(self.values[-2])


def _round(value: float | None) -> int | None:
    return None if value is None else round(value)


def streak(days: set[date], today: date) -> int:
    """Consecutive practice days ending today, or yesterday if not practised yet today."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def progress(
    sessions: Sequence[Session],
    rubric: Rubric,
    focus: Mapping[str, Sequence[str]] | None = None,
    today: date | None = None,
    tz: tzinfo | None = None,
) -> Progress:
    """The rep's progress; `focus` maps scenario id -> the criteria it trains, in menu order."""
    focus = focus or {}
    scored = sorted((s for s in sessions if s.turns), key=lambda s: (s.started_at, s.id))
    overall, per_criterion = _Decayed(), {cid: _Decayed() for cid in rubric.ids}
    points = []
    for session in scored:
        scores = criterion_scores(session, rubric)
        overall.add(session_overall(session) or 0.0)
        for cid, score in scores.items():
            if score is not None:
                per_criterion[cid].add(score)
        points.append(
            Point(
                session.id,
                session.scenario_id,
                session.started_at,
                overall.values[-1],
                scores,
                {cid: d.mean for cid, d in per_criterion.items()},
            )
        )
    criteria = tuple(
        CriterionProgress(
            cid,
            _round(d.mean),
            _round(d.values[-1] if d.values else None),
            d.change(),
            len(d.values),
        )
        for cid, d in per_criterion.items()
    )
    scenarios = _scenarios(scored, rubric.pass_line, focus)
    today = today or datetime.now(tz).date()
    days = {datetime.fromtimestamp(t.at, tz).date() for s in scored for t in s.turns}
    return Progress(
        sessions=len(scored),
        overall=_round(overall.mean),
        last_overall=_round(overall.values[-1] if overall.values else None),
        overall_change=overall.change(),
        criteria=criteria,
        streak_days=streak(days, today),
        practised_today=today in days,
        scenarios=scenarios,
        recommendation=_recommend(criteria, scenarios, focus),
        points=tuple(points),
    )


def _scenarios(
    scored: list[Session], pass_line: int, focus: Mapping[str, Sequence[str]]
) -> tuple[ScenarioProgress, ...]:
    ids = list(focus) + sorted({s.scenario_id for s in scored} - set(focus))
    result = []
    for sid in ids:
        mine = [s for s in scored if s.scenario_id == sid]
        finished = [round(o) for s in mine if s.finished and (o := session_overall(s)) is not None]
        medals = [medal_for(s, pass_line) for s in mine]
        medal = max(medals, key=lambda m: MEDAL_RANK[m], default=None)
        result.append(ScenarioProgress(sid, len(mine), max(finished, default=None), medal))
    return tuple(result)


def _recommend(
    criteria: tuple[CriterionProgress, ...],
    scenarios: tuple[ScenarioProgress, ...],
    focus: Mapping[str, Sequence[str]],
) -> Recommendation | None:
    known = [c for c in criteria if c.proficiency is not None]
    if not known:
        return None
    weakest = min(known, key=lambda c: c.proficiency or 0).id  # min keeps rubric order on ties
    order = {sid: n for n, sid in enumerate(focus)}
    candidates = [s for s in scenarios if weakest in focus.get(s.scenario_id, ())]
    best = min(
        candidates,
        key=lambda s: (MEDAL_RANK[s.medal], s.sessions, order[s.scenario_id]),
        default=None,
    )
    return Recommendation(weakest, best.scenario_id if best else None)
