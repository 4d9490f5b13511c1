"""Build sessions, turns, judgements and a rubric directly, with only the fields a test cares about."""

from __future__ import annotations

import itertools
from typing import Any

from bot.core.datafile import Text
from bot.core.judgement import Judgement
from bot.core.rubric import Criterion, Rubric
from bot.core.session import Session, Turn
from bot.core.state import CustomerState, Outcome

CRITERIA = ("challenge", "discover_need", "insight", "ownership", "next_step", "respect")
DAY = 86_400.0
T0 = 1_767_225_600.0  # 2026-01-01 00:00 UTC

_ids = itertools.count(1)


def rubric(pass_line: int = 60) -> Rubric:
    """The six house criteria with equal weights."""

    def text(s: str) -> Text:
        return Text(sv=s, en=s)

    return Rubric(
        version=1,
        pass_line=pass_line,
        criteria=[
            Criterion(
                id=cid,
                weight=1 / 6,
                name=text(cid.replace("_", " ").title()),
                description=text(f"about {cid}"),
                anchors={"1": text("weak"), "3": text("ok"), "5": text("strong")},
                tip=text(f"tip for {cid}"),
                hint=text(f"hint for {cid}"),
            )
            for cid in CRITERIA
        ],
    )


def judgement(overall: int = 70, feedback: str = "", **criteria: int | None) -> Judgement:
    """A judgement; criteria not given are not applicable (None)."""
    scores: dict[str, int | None] = {cid: None for cid in CRITERIA}
    scores.update(criteria)
    return Judgement(overall=overall, criteria=scores, feedback=feedback)


def turn(
    index: int = 0,
    overall: int = 70,
    at: float = T0,
    reply: str = "What would a late delivery cost you?",
    **criteria: Any,
) -> Turn:
    """One scored turn; keyword arguments are 0-5 criterion scores."""
    return Turn(
        index=index,
        customer_line=f"customer line {index}",
        reply=reply,
        judgement=judgement(overall, feedback=f"feedback {index}", **criteria),
        customer_response=f"customer answer {index}",
        trust=50,
        patience=50,
        at=at,
    )


def session(
    user_id: str = "anna",
    scenario_id: str = "price_shopper",
    turns: list[Turn] | None = None,
    outcome: Outcome = Outcome.ONGOING,
    started_at: float = T0,
    **fields: Any,
) -> Session:
    """A session with a unique id; finished sessions get an end time."""
    return Session(
        user_id=user_id,
        scenario_id=scenario_id,
        lang=fields.pop("lang", "en"),
        level=fields.pop("level", 1),
        opening="I just want your price list.",
        state=CustomerState(trust=40, patience=60),
        id=fields.pop("id", f"s{next(_ids):05d}"),
        turns=list(turns or []),
        outcome=outcome,
        started_at=started_at,
        ended_at=fields.pop("ended_at", started_at + 600 if outcome.finished else None),
        **fields,
    )


def scored_session(
    overalls: list[int],
    start: float = T0,
    outcome: Outcome = Outcome.WON,
    **fields: Any,
) -> Session:
    """A session whose turns have these overall scores, one minute apart."""
    turns = [turn(i, o, at=start + 60 * i) for i, o in enumerate(overalls)]
    return session(turns=turns, outcome=outcome, started_at=start, **fields)
