"""The customer's hidden state and how a judged reply moves it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from bot.core.judgement import NEGATIVE_SIGNALS, Judgement, Signal

if TYPE_CHECKING:
    from bot.core.listening import Reading

WIN_TRUST = 72  # trust needed before the customer accepts a next step
COUNTER_TRUST = WIN_TRUST - 14  # from here a proposed slot gets a counter-proposal, not a no
OPEN_TRUST = 18  # below this the customer tells nothing, whatever the question
LOSE_TRUST = 12  # below this the customer ends the conversation
MAX_RUDE = 2  # a second rude reply ends it
#: Most trust (before the level's cooling) a plain reply can cost: one that did nothing harmful
#: (no blame, price list, passivity, rudeness…) disappoints, it does not offend. What a harmful
#: reply did costs it on top of its score.
PLAIN_TRUST_LOSS = 6
#: Most extra patience (before cooling) a plain reply's low score costs, beyond a turn's 8.
PLAIN_PATIENCE_LOSS = 8
#: The least a reply that made a good move (and nothing harmful) feels like to the customer.
FAIR = 50
#: Moves that give the customer something (not only ask or propose), each worth this much more.
SUBSTANTIVE = frozenset({Signal.CHALLENGE, Signal.INSIGHT, Signal.OWNERSHIP})
SUBSTANCE = 5
#: At ★★★, how much of its warmth a reply without such a move brings.
DEMANDING = 0.65
GOOD_SIGNALS = frozenset(
    {
        Signal.QUESTION_NEED,
        Signal.CHALLENGE,
        Signal.INSIGHT,
        Signal.OWNERSHIP,
        Signal.DATED_NEXT_STEP,
    }
)


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
    told: int = 0  # which ones: bit i set = `hidden.reveals[i]` shared (any order)
    counter: int = 0  # weekday + 1 the customer proposed instead of the rep's slot (0 = none)
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


_CLOSED = frozenset({Signal.RUDE, Signal.INJECTION, Signal.BLAME, Signal.STUFFING})
#: Replies that earn no hidden fact, whatever they ask ("Vill du ha priset?").
_NO_FACT = _CLOSED | {Signal.PRICE_ONLY, Signal.DISCOUNT}


def advance(
    state: CustomerState, judgement: Judgement, level: int, reading: Reading | None = None
) -> Move:
    """Move the hidden state by one judged reply and decide if the session ends.

    Quality moves trust (good replies warm the customer, weak ones cool it); every turn costs
    patience, weak replies cost more. Harder levels warm up slower and cool down faster.
    `reading` (what the customer understood: a fact asked about, a slot proposed) decides which
    fact is told and whether a proposed slot books the meeting.
    """
    from bot.core.listening import Reading

    signals = judgement.signals
    if reading is None:  # nobody listened (a caller without a scenario): facts in file order
        untold = next(i for i in range(64) if not state.told >> i & 1)
        reading = Reading(fact=untold if Signal.QUESTION_NEED in signals else None)
    warm = {1: 1.0, 2: 0.8, 3: 0.65}.get(level, 0.8)
    if level >= 3 and not signals & SUBSTANTIVE:
        # ★★★ is the demanding customer of the articles: good questions and a proposed time
        # alone do not win them over; they warm to a rep who challenges, brings insight or
        # takes the problem on.
        warm *= DEMANDING
    cool = {1: 0.8, 2: 1.0, 3: 1.2}.get(level, 1.0)

    plain = not signals & NEGATIVE_SIGNALS
    felt = felt_score(judgement)
    quality = felt - 50  # -50 .. +50
    trust_delta = round(quality * 0.5 * (warm if quality > 0 else cool))
    if plain:  # one weaker reply among good ones is not an offence
        trust_delta = max(trust_delta, -round(PLAIN_TRUST_LOSS * cool))
    # Asking again what the customer just told earns nothing for the asking.
    asks = Signal.QUESTION_NEED in signals or reading.fact is not None
    if asks and reading.asked_again is None:
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

    patience_delta = _patience_cost(felt, cool, plain)
    if Signal.FILLER in signals or Signal.OFF_TOPIC in signals:
        patience_delta -= 10

    off_topic = Signal.OFF_TOPIC in signals and Signal.RUDE not in signals
    trust, patience = _clamp(state.trust + trust_delta), _clamp(state.patience + patience_delta)
    if off_topic and state.off_topic == 0:
        # A first reply beside the point puzzles the customer; it does not make them leave.
        trust, patience = max(trust, LOSE_TRUST), max(patience, 1)
        trust_delta, patience_delta = trust - state.trust, patience - state.patience
    # A question aimed at a fact, or an open question about the need, gets the fact it is
    # closest to while the customer is still talking to the rep; a warm reply earns one too.
    open_ = reading.fact is not None and trust >= OPEN_TRUST and not signals & _NO_FACT
    asked = reading.targeted or Signal.QUESTION_NEED in signals
    tell = reading.fact if open_ and (asked or trust_delta > 0) else None
    told = state.told | (1 << tell if tell is not None else 0)
    new = replace(
        state,
        trust=trust,
        patience=patience,
        off_topic=state.off_topic + off_topic,
        revealed=bin(told).count("1"),
        told=told,
        counter=_counter(state, reading, trust, signals),
        rude_count=state.rude_count + (1 if Signal.RUDE in signals else 0),
        price_pushes=state.price_pushes
        + (1 if signals & {Signal.PRICE_ONLY, Signal.DISCOUNT} else 0),
        turn=state.turn + 1,
    )
    outcome = _outcome(new, judgement, reading, state)
    if outcome.success:  # a yes at once: the other day it would have offered was never said
        new = replace(new, counter=state.counter)
    return Move(new, outcome, trust_delta, patience_delta)


def felt_score(judgement: Judgement) -> int:
    """How good the reply is to the customer: its score, but a reply that made a good move and
    nothing harmful is at least a fair one (`FAIR`, more for each move of substance). The
    overall is the judge's estimate of a coach's grade and can misjudge one reply; the moves are
    what the customer hears."""
    signals = judgement.signals
    if signals & GOOD_SIGNALS and not signals & NEGATIVE_SIGNALS:
        return max(judgement.overall, FAIR + SUBSTANCE * len(signals & SUBSTANTIVE))
    return judgement.overall


def _patience_cost(overall: int, cool: float, plain: bool) -> int:
    """How a reply moves patience: every turn costs some, a strong reply holds the customer's
    attention (an excellent one wins a little back), a weak one wastes their time."""
    if overall >= 60:
        return -8 + round((overall - 60) * 0.25)  # 60: -8, 80: -3, 92 and up: +0 .. +2
    waste = round((60 - overall) * 0.4 * cool)
    return -8 - (min(waste, round(PLAIN_PATIENCE_LOSS * cool)) if plain else waste)


def told_facts(state: CustomerState) -> list[int]:
    """Indexes of the hidden facts the customer has shared."""
    return [i for i in range(state.told.bit_length()) if state.told >> i & 1]


def takes_counter(before: CustomerState, reading: Reading) -> bool:
    """True when the rep's slot is the day the customer itself proposed."""
    slot = reading.slot
    return bool(before.counter and slot is not None and slot.weekday == before.counter - 1)


def _counter(state: CustomerState, reading: Reading, trust: int, signals: frozenset[Signal]) -> int:
    """The weekday (+1) the customer offers instead, when a slot comes a little too early."""
    slot = reading.slot
    if slot is None or signals & _CLOSED or takes_counter(state, reading):
        return state.counter
    if COUNTER_TRUST <= trust < WIN_TRUST:
        day = slot.weekday if slot.weekday is not None else state.turn % 5
        return (day + 2) % 5 + 1  # two working days later: the customer needs a little time
    return state.counter


def _outcome(
    state: CustomerState, judgement: Judgement, reading: Reading, before: CustomerState
) -> Outcome:
    signals = judgement.signals
    if state.rude_count >= MAX_RUDE or state.trust < LOSE_TRUST:
        return Outcome.LOST
    if state.price_pushes >= 3:
        return Outcome.LOST  # a living price list: the customer goes to compare elsewhere
    clean = not signals & (_CLOSED | {Signal.PRICE_ONLY, Signal.DISCOUNT, Signal.PASSIVE})
    # A slot the customer can say yes to: trust is there, or it is the customer's own day.
    own_day = takes_counter(before, reading)  # it said that day itself: no going back on it
    # Trust earned before this reply counts: a customer who is ready says yes to a clean,
    # dated proposal even when the proposal alone is a plain reply.
    ready = max(state.trust, before.trust) >= WIN_TRUST
    # A customer with a problem takes up a rep who offers to fix it personally at a set time as
    # soon as there is some trust: haggling over the day would only delay the fix they need.
    fixes = Signal.OWNERSHIP in signals and max(state.trust, before.trust) >= COUNTER_TRUST
    if reading.slot is not None and clean and (ready or own_day or fixes):
        return Outcome.WON  # the scenario decides whether a win is a deal or a meeting
    proposes = Signal.NEXT_STEP in signals or Signal.DATED_NEXT_STEP in signals
    if proposes and state.trust >= WIN_TRUST and judgement.overall >= 55:
        return Outcome.WON  # the scenario decides whether a win is a deal or a booked meeting
    # Out of patience: the customer leaves, unless this very reply won them over (above).
    return Outcome.LOST if state.patience <= 0 else Outcome.ONGOING
