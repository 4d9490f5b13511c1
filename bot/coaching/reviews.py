"""Coach reviews: comments and score overrides kept beside the judge's scores, never instead."""

from __future__ import annotations

import secrets
import time
from dataclasses import asdict, dataclass, field
from typing import Any

from bot.coaching.access import Actor, Role, open_session, requires
from bot.coaching.records import REVIEWS, Records
from bot.core.rubric import Rubric, default_rubric
from bot.core.session import Session
from bot.errors import SalescoachError

MAX_COMMENT = 2000


@dataclass(frozen=True)
class Review:
    """One coach note on a turn (or the whole session when `turn` is None)."""

    id: str
    session_id: str
    user_id: str
    coach_id: str
    coach_name: str
    turn: int | None
    overall: int | None = None  # coach's 0-100 for the turn; the judge's stays in the session
    criteria: dict[str, int] = field(default_factory=dict)  # coach's 0-5 per criterion
    comment: str = ""
    confirmed: bool = False  # the coach accepts the judge's other scores on this turn
    at: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Review:
        """Build from a stored document."""
        turn = data.get("turn")
        overall = data.get("overall")
        return cls(
            id=data["id"],
            session_id=data["session_id"],
            user_id=data["user_id"],
            coach_id=data["coach_id"],
            coach_name=data.get("coach_name", ""),
            turn=None if turn is None else int(turn),
            overall=None if overall is None else int(overall),
            criteria={k: int(v) for k, v in (data.get("criteria") or {}).items()},
            comment=data.get("comment", ""),
            confirmed=bool(data.get("confirmed", False)),
            at=float(data.get("at", 0.0)),
        )


def check_review(
    session: Session,
    rubric: Rubric,
    turn: int | None,
    overall: int | None,
    criteria: dict[str, int],
    comment: str,
    confirmed: bool = False,
) -> None:
    """Raise SalescoachError naming what is wrong with a review before it is stored."""
    if turn is not None and not 0 <= turn < len(session.turns):
        raise SalescoachError.said("coaching.turn_missing", turn=turn + 1, count=len(session.turns))
    if overall is not None and not 0 <= overall <= 100:
        raise SalescoachError.said("coaching.overall_range", overall=overall)
    if (overall is not None or criteria or confirmed) and turn is None:
        raise SalescoachError.said("coaching.pick_turn_first")
    for cid, score in criteria.items():
        if cid not in rubric.ids:
            raise SalescoachError.said(
                "coaching.unknown_criterion", criterion=cid, known=", ".join(rubric.ids)
            )
        if not 0 <= score <= 5:
            raise SalescoachError.said("coaching.criterion_range", score=score, criterion=cid)
    if len(comment) > MAX_COMMENT:
        raise SalescoachError.said("coaching.comment_too_long", limit=MAX_COMMENT)
    if overall is None and not criteria and not comment.strip() and not confirmed:
        raise SalescoachError.said("coaching.review_empty")


@requires(Role.COACH)
def add_review(
    records: Records,
    actor: Actor,
    user_id: str,
    session_id: str,
    *,
    turn: int | None = None,
    overall: int | None = None,
    criteria: dict[str, int] | None = None,
    comment: str = "",
    confirmed: bool = False,
    rubric: Rubric | None = None,
    now: float | None = None,
) -> Review:
    """Store a coach's review of a member's session (NotAllowed for anyone else's)."""
    session = open_session(records, actor, user_id, session_id)
    criteria = dict(criteria or {})
    comment = comment.strip()
    check_review(session, rubric or default_rubric(), turn, overall, criteria, comment, confirmed)
    review = Review(
        id=secrets.token_hex(6),
        session_id=session.id,
        user_id=session.user_id,
        coach_id=actor.user_id,
        coach_name=actor.name,
        turn=turn,
        overall=overall,
        criteria=criteria,
        comment=comment,
        confirmed=confirmed,
        at=now or time.time(),
    )
    records.put(REVIEWS, review.id, review.to_dict())
    return review


def session_reviews(records: Records, actor: Actor, user_id: str, session_id: str) -> list[Review]:
    """The reviews of one session, oldest first, for whoever may read that session."""
    session = open_session(records, actor, user_id, session_id)
    return reviews_of(records, session.id)


def reviews_of(records: Records, session_id: str) -> list[Review]:
    """A session's reviews, oldest first, without an access check (callers have checked)."""
    docs = records.find(REVIEWS, session_id=session_id)
    return sorted((Review.from_dict(d) for d in docs), key=lambda r: (r.at, r.id))


def latest_overrides(reviews: list[Review]) -> dict[tuple[int, str], int]:
    """The coach's last word per (turn, criterion); the key `overall` holds turn overrides."""
    result: dict[tuple[int, str], int] = {}
    for review in sorted(reviews, key=lambda r: (r.at, r.id)):
        if review.turn is None:
            continue
        if review.overall is not None:
            result[(review.turn, "overall")] = review.overall
        for cid, score in review.criteria.items():
            result[(review.turn, cid)] = score
    return result


def labels(session: Session, reviews: list[Review]) -> list[tuple[str, int, int]]:
    """(criterion, judge score, coach score) pairs: the coach's labels for calibration.

    A re-scored criterion is a label; on a turn the coach confirmed, every other criterion the
    judge scored counts as agreement (without confirmations, only disagreements would be seen).
    Criteria the judge found not applicable (null) have no machine score and are left out.
    """
    overrides = latest_overrides(reviews)
    confirmed = {r.turn for r in reviews if r.confirmed and r.turn is not None}
    turns = {t for t, cid in overrides if cid != "overall"} | confirmed
    pairs = []
    for index in sorted(t for t in turns if 0 <= t < len(session.turns)):
        for cid, judge in session.turns[index].judgement.criteria.items():
            coach = overrides.get((index, cid))
            if coach is None and index in confirmed:
                coach = judge
            if judge is not None and coach is not None:
                pairs.append((cid, judge, coach))
    return pairs


def transcript_reviews(records: Records, session_id: str) -> list[dict[str, Any]]:
    """A session's reviews as the transcript template takes them (callers have checked access)."""
    return [r.to_dict() for r in reviews_of(records, session_id)]
