"""The interface every customer engine implements (offline and LLM)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from bot.core.datafile import Lang
from bot.core.judgement import Signal
from bot.core.scenarios import Scenario
from bot.core.state import CustomerState, Outcome

if TYPE_CHECKING:
    from bot.core.listening import Reading


@dataclass(frozen=True)
class CustomerRequest:
    """What the customer engine needs to say its next line.

    `state` is the hidden state *after* the rep's reply moved it; `outcome` tells the customer
    whether this line ends the conversation (won, booked, lost) or it goes on.
    """

    scenario: Scenario
    level: int
    lang: Lang
    state: CustomerState
    outcome: Outcome
    reply: str
    signals: frozenset[Signal]
    history: tuple[tuple[str, str], ...]  # earlier (customer_line, reply) pairs, oldest first
    last_customer_line: str
    seed: int  # per session: the same session replayed says the same things
    trust_delta: int = 0  # how this reply moved trust
    fact_earned: bool = False  # this reply earned a hidden fact (`told` says which)
    told: int | None = None  # index of the hidden fact to tell now, if any
    reading: Reading | None = None  # what the customer understood of the reply


class Customer(Protocol):
    """Plays the customer."""

    name: str

    async def respond(self, request: CustomerRequest) -> str:
        """The customer's next line."""
        ...
