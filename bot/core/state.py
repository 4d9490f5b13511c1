"""The customer's hidden state and how a judged reply moves it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from typing import Any

from bot.core.judgement import Judgement, Signal

WIN_TRUST = 72  # trust needed before the customer accepts a next step
LOSE_TRUST = 12  # below this the customer ends the conversation
MAX_RUDE = 2  # a second rude reply ends it


class Outcome(StrEnum):
    """How a session stands or ended."""

    ONGOING = "ongoing"
    WON = "won"
    MEETING_BOOKED = "meeting_booked"
    LOST = "lost"
    STOPPED = "stopped"

    @property
    def finished(self) -> bool:
        """True once the session has ended."""
        return self is not Outcome.ONGOING

    @property
    def success(self) -> bool:
        """True for the good endings."""
        return self in (Outcome.WON, Outcome.MEETING_BOOKED)


@dataclass(frozen=True)
class CustomerState:
    """Hidden from the rep: how much the customer trusts them and how long they will stay."""

    trust: int
    patience: int
    revealed: int = 0  # how many hidden facts the customer has shared
    objections_used: int = 0
    rude_count: int = 0
    price_pushes: int = 0  # replies that only talked price or caved
    off_topic: int = 0  # replies beside the point
    turn: int = 0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CustomerState:
        """Inverse of `to_dict`."""
        return cls(**{k: int(v) for k, v in data.items() if k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Move:
    """The result of one reply: the new state and whether the session ends."""

    state: CustomerState
    outcome: Outcome
    trust_delta: int
    patience_delta: int


def _clamp(value: int) -> int:
    return max(0, min(100, value))


def advance(state: CustomerState, judgement: Judgement, level: int) -> Move:
    """Move the hidden state by one judged reply and decide if the session ends.

    Quality moves trust (good replies warm the customer, weak ones cool it); every turn costs
    patience, weak replies cost more. Harder levels warm up slower and cool down faster.
    """
    signals = judgement.signals
    warm = {1: 1.0, 2: 0.8, 3: 0.65}.get(level, 0.8)
    cool = {1: 0.8, 2: 1.0, 3: 1.2}.get(level, 1.0)

    quality = judgement.overall - 50  # -50 .. +50
    trust_delta = round(quality * 0.5 * (warm if quality > 0 else cool))
    if Signal.QUESTION_NEED in signals:
        trust_delta += 3
    if Signal.OWNERSHIP in signals:
        trust_delta += 4
    for bad, penalty in (
        (Signal.RUDE, 25),
        (Signal.BLAME, 12),
        (Signal.DISCOUNT, 8),
        (Signal.PRICE_ONLY, 8),
        (Signal.PASSIVE, 6),
        (Signal.INJECTION, 10),
        (Signal.STUFFING, 6),
        (Signal.OFF_TOPIC, 6),
    ):
        if bad in signals:
            trust_delta -= round(penalty * cool)

    patience_delta = -8 - (
        0 if judgement.overall >= 60 else round((60 - judgement.overall) * 0.4 * cool)
    )
    if Signal.FILLER in signals or Signal.OFF_TOPIC in signals:
        patience_delta -= 10

    revealed = state.revealed + (1 if Signal.QUESTION_NEED in signals and trust_delta > 0 else 0)
    off_topic = Signal.OFF_TOPIC in signals and Signal.RUDE not in signals
    trust, patience = _clamp(state.trust + trust_delta), _clamp(state.patience + patience_delta)
    if off_topic and state.off_topic == 0:
        # A first reply beside the point puzzles the customer; it does not make them leave.
        trust, patience = max(trust, LOSE_TRUST), max(patience, 1)
        trust_delta, patience_delta = trust - state.trust, patience - state.patience
    new = replace(
        state,
        trust=trust,
        patience=patience,
        off_topic=state.off_topic + off_topic,
        revealed=revealed,
        rude_count=state.rude_count + (1 if Signal.RUDE in signals else 0),
        price_pushes=state.price_pushes
        + (1 if signals & {Signal.PRICE_ONLY, Signal.DISCOUNT} else 0),
        turn=state.turn + 1,
    )
    return Move(new, _outcome(new, judgement), trust_delta, patience_delta)


def _outcome(state: CustomerState, judgement: Judgement) -> Outcome:
    signals = judgement.signals
    if state.rude_count >= MAX_RUDE or state.trust < LOSE_TRUST or state.patience <= 0:
        return Outcome.LOST
    if state.price_pushes >= 3:
        return Outcome.LOST  # a living price list: the customer goes to compare elsewhere
    proposes = Signal.NEXT_STEP in signals or Signal.DATED_NEXT_STEP in signals
    if proposes and state.trust >= WIN_TRUST and judgement.overall >= 55:
        return Outcome.WON  # the scenario decides whether a win is a deal or a booked meeting
    return Outcome.ONGOING
