"""Coaches teach the judge: refit the offline judge's heads on the base data plus a cohort's
coach overrides, measure agreement with the coach on held-out overrides, keep the old weights.

Each reviewed turn becomes a training row: the customer's line, the reply, the session's
language, and per criterion the coach's score where the coach gave one, else the judge's
(the coach saw the turn and corrected what they disagreed with). The overall grade comes from
the coach's overall when given, else from the judge's, as the grade whose anchor is nearest.
A coach's row counts COACH_WEIGHT times a base row. Every HOLDOUT-th session (in a fixed hash
order) is held out: its labels only measure agreement before (current weights) and after.
The written weights are the ones measured; the previous ones stay beside them for rollback.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.coaching.calibration import Agreement, calibrate
from bot.coaching.cohorts import Cohort, members
from bot.coaching.overview import finished, member_sessions
from bot.coaching.records import Records
from bot.coaching.reviews import latest_overrides, reviews_of
from bot.core.judgement import JudgeRequest
from bot.core.rubric import default_rubric
from bot.core.scenarios import default_scenarios
from bot.core.semantic.data import CRITERIA, Row, data_hash, load_rows, own_files, shared_files
from bot.core.semantic.heads import Heads, heads_or_shipped
from bot.core.session import Session
from bot.errors import SalescoachError

#: One coach label counts as this many base rows (the base set has ~3,000).
COACH_WEIGHT = 5
#: Every HOLDOUT-th session with overrides is held out to measure agreement.
HOLDOUT = 4
#: The overall head's grade anchors (0-100 per grade 0-3); see semantic.train.CONFIG.
ANCHORS = (-20.0, 30.0, 45.0, 85.0)
PREVIOUS = "heads.prev.npz"


@dataclass(frozen=True)
class Override:
    """One reviewed turn as a training row, with the labels agreement is measured on."""

    row: Row
    session_id: str
    scenario_id: str
    coached: dict[str, int]  # scores the coach gave or confirmed


@dataclass(frozen=True)
class Report:
    """What a retrain did: agreement before and after on the held-out overrides."""

    before: list[Agreement]
    after: list[Agreement]
    trained: int  # override rows trained on
    held: int  # override rows measured on
    sessions: int  # sessions with overrides
    path: Path
    previous: Path | None  # where the weights it replaced are kept (None: it replaced the shipped)


def grade_of(overall: int) -> int:
    """The grade (0-3) whose anchor on the overall head is nearest to a 0-100 overall."""
    return min(range(len(ANCHORS)), key=lambda g: (abs(overall - ANCHORS[g]), g))


def session_overrides(session: Session, coach_id: str, records: Records) -> list[Override]:
    """The turns of one session the coach re-scored or confirmed, as training rows."""
    mine = [r for r in reviews_of(records, session.id) if r.coach_id == coach_id]
    overrides = latest_overrides(mine)
    confirmed = {r.turn for r in mine if r.confirmed and r.turn is not None}
    turns = {t for t, _ in overrides} | confirmed
    out = []
    for index in sorted(t for t in turns if 0 <= t < len(session.turns)):
        turn = session.turns[index]
        judge = turn.judgement.criteria
        given = {c: s for (t, c), s in overrides.items() if t == index and c != "overall"}
        merged = {c: given.get(c, judge.get(c)) for c in CRITERIA}
        coached = dict(given)
        if index in confirmed:
            coached |= {c: s for c, s in judge.items() if s is not None and c not in given}
        overall = overrides.get((index, "overall"), turn.judgement.overall)
        row = Row(
            id=f"coach:{session.id}:{index}",
            source="coach",
            lang=session.lang,
            situation=f"coach:{session.id}:{index}",
            customer=turn.customer_line,
            reply=turn.reply,
            grade=grade_of(overall),
            criteria=merged,
            why="",
        )
        out.append(Override(row, session.id, session.scenario_id, coached))
    return out


def cohort_overrides(records: Records, cohort: Cohort) -> list[Override]:
    """Every turn the cohort's coach re-scored or confirmed, across members' finished sessions."""
    out: list[Override] = []
    for member in members(records, cohort.id):
        for session in finished(member_sessions(records, member)):
            out.extend(session_overrides(session, cohort.coach_id, records))
    return out


def split(overrides: list[Override]) -> tuple[list[Override], list[Override]]:
    """(train, held out): whole sessions, every HOLDOUT-th in hash order, at least one each."""
    sessions = sorted(
        {o.session_id for o in overrides}, key=lambda s: hashlib.sha1(s.encode()).hexdigest()
    )
    if len(sessions) < 2:
        raise SalescoachError.said("retrain.too_few_sessions", count=len(sessions))
    held = set(sessions[::HOLDOUT])
    return [o for o in overrides if o.session_id not in held], [
        o for o in overrides if o.session_id in held
    ]


def previous_path(path: Path) -> Path:
    """Where the weights a retrain replaced are kept."""
    return path.with_name(PREVIOUS)


def current_heads(path: Path) -> Heads:
    """The weights in use now: the retrained ones at `path`, else the shipped ones."""
    return heads_or_shipped(path)


def _require_training() -> None:
    """Refuse in one line when scikit-learn or the judge's base training data is missing."""
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise SalescoachError.said("retrain.no_sklearn") from None
    if not own_files() or len(shared_files()) < 2:
        raise SalescoachError.said("retrain.no_base_data")


def _held_pairs(
    heads: Heads, held: list[Override], x: np.ndarray, customer: np.ndarray
) -> list[tuple[str, int, int]]:
    """(criterion, judge, coach) on the held-out rows, the judge being `heads`."""
    from bot.core.semantic.assess import assess

    rubric = default_rubric()
    scenarios = default_scenarios()
    items = [
        JudgeRequest(
            o.row.customer,
            o.row.reply,
            "sv" if o.row.lang == "sv" else "en",
            scenarios.get(o.scenario_id),
        )
        for o in held
    ]
    weights = {c.id: c.weight for c in rubric.criteria}
    done = assess(heads, items, x, customer, weights)
    pairs = []
    for o, a in zip(held, done, strict=True):
        for cid, coach in o.coached.items():
            judge = a.criteria.get(cid)
            if judge is not None:
                pairs.append((cid, judge, coach))
    return pairs


def retrain(records: Records, cohort: Cohort, path: Path) -> Report:
    """Refit on the base data plus the cohort's overrides, write to `path`, keep the previous."""
    _require_training()
    from bot.core.semantic.train import CONFIG, fit, prepare, subset

    overrides = cohort_overrides(records, cohort)
    if not overrides:
        raise SalescoachError.said("retrain.no_overrides", cohort=cohort.name)
    train, held = split(overrides)
    base = load_rows()
    rows = base + [o.row for o in train] + [o.row for o in held]
    prepared = prepare(rows)
    n_base, n_train = len(base), len(train)
    idx = np.concatenate(
        [np.arange(n_base), np.repeat(np.arange(n_base, n_base + n_train), COACH_WEIGHT)]
    )
    heads = fit(subset(prepared, idx))
    config = {**CONFIG, "coach_weight": COACH_WEIGHT, "coach_rows": [repr(o) for o in train]}
    heads.fingerprint = "retrained:" + data_hash(own_files() + shared_files(), config)

    held_at = np.arange(n_base + n_train, len(rows))
    x, customer = prepared.x[held_at], prepared.customer[held_at]
    ids = default_rubric().ids
    before = calibrate(_held_pairs(current_heads(path), held, x, customer), ids)
    after = calibrate(_held_pairs(heads, held, x, customer), ids)
    previous = _install(heads, path)
    sessions = len({o.session_id for o in overrides})
    return Report(before, after, len(train), len(held), sessions, path, previous)


def _install(heads: Heads, path: Path) -> Path | None:
    """Write `heads` to `path`, moving the weights there (if any) aside for rollback."""
    path.parent.mkdir(parents=True, exist_ok=True)
    prev = previous_path(path)
    tmp = path.with_name("heads.tmp.npz")
    heads.save(tmp)
    if path.is_file():
        path.replace(prev)
    else:
        # The shipped weights were in use: rolling back means removing the file, not a stale copy.
        prev.unlink(missing_ok=True)
    tmp.replace(path)
    return prev if prev.is_file() else None


def rollback(path: Path) -> str:
    """Put the previous weights back: "previous" (a kept file) or "shipped" (file removed)."""
    prev = previous_path(path)
    if prev.is_file():
        prev.replace(path)
        return "previous"
    if path.is_file():
        path.unlink()
        return "shipped"
    raise SalescoachError.said("retrain.nothing_to_roll_back")
