"""A customer that needs no API key: lines from the scenario, chosen by the hidden state.

Each answer is built from two parts: a reaction to what the rep just did (the strongest signal
the judge saw) and the next beat of the conversation (a fact the rep earned, an objection,
impatience, or openness). Lines are picked with a per-session seed, so a replay is identical
while different sessions, and differently played ones, go differently.
"""

from __future__ import annotations

import random

from bot.core.customer import CustomerRequest
from bot.core.datafile import Text
from bot.core.judgement import NEGATIVE_SIGNALS, Signal
from bot.core.reactions import Reactions, default_reactions
from bot.core.state import WIN_TRUST, Outcome

#: The order in which a reply's signals claim the customer's reaction (worst first).
REACTION_PRIORITY = (
    Signal.RUDE,
    Signal.INJECTION,
    Signal.BLAME,
    Signal.DISCOUNT,
    Signal.PRICE_ONLY,
    Signal.PASSIVE,
    Signal.STUFFING,
    Signal.OFF_TOPIC,
    Signal.FILLER,
    Signal.OWNERSHIP,
    Signal.INSIGHT,
    Signal.CHALLENGE,
    Signal.EMPATHY,
)


class OfflineCustomer:
    """Plays the scenario's customer from its data files, moved by the hidden state."""

    name = "offline"

    def __init__(self, reactions: Reactions | None = None) -> None:
        self.reactions = reactions or default_reactions()

    async def respond(self, request: CustomerRequest) -> str:
        """The customer's next line."""
        return self.line(request)

    def line(self, request: CustomerRequest) -> str:
        """The customer's next line, synchronously."""
        rng = random.Random(f"{request.seed}:{request.state.turn}:{request.reply}")
        lang = request.lang
        scenario = request.scenario
        pick = _picker(rng, lang, request)

        if request.outcome.success:
            return pick(scenario.win.lines)
        if request.outcome is Outcome.LOST:
            reaction = self._reaction(request, pick, negative_only=True)
            return _join(reaction, pick(scenario.lose))

        reaction = self._reaction(request, pick)
        beat = self._beat(request, pick)
        return _join(reaction, beat)

    def _lines(self, request: CustomerRequest, key: str) -> list[Text]:
        """Scenario-specific lines for a key, else the common ones."""
        return request.scenario.reactions.get(key) or self.reactions.reactions.get(key, [])

    def _reaction(self, request: CustomerRequest, pick: _Pick, negative_only: bool = False) -> str:
        signals = request.signals
        for signal in REACTION_PRIORITY:
            if signal in signals:
                if negative_only and signal not in NEGATIVE_SIGNALS:
                    break
                return pick(self._lines(request, signal.value))
        if negative_only:
            return ""
        if signals & {Signal.NEXT_STEP, Signal.DATED_NEXT_STEP}:
            if request.state.trust < WIN_TRUST:
                return pick(self._lines(request, "next_step_too_early"))
            key = Signal.DATED_NEXT_STEP if Signal.DATED_NEXT_STEP in signals else Signal.NEXT_STEP
            return pick(self._lines(request, key.value))
        if Signal.QUESTION_NEED in signals:
            # An earned fact answers the question itself; otherwise acknowledge and hold back.
            return "" if request.fact_earned else pick(self._lines(request, "question_need"))
        if request.trust_delta < 0:
            return pick(self._lines(request, "cooling"))
        return pick(self._lines(request, "weak"))

    def _beat(self, request: CustomerRequest, pick: _Pick) -> str:
        state = request.state
        hidden = request.scenario.hidden
        if request.fact_earned and state.revealed <= len(hidden.reveals):
            return hidden.reveals[state.revealed - 1](request.lang)
        if state.patience <= 25:
            return pick(self._lines(request, "impatient"))
        if state.trust >= WIN_TRUST - 10 and not request.signals & _NEGATIVE_BEATS:
            return pick(self._lines(request, "warming"))
        objections = request.scenario.objections
        # Objections come in order, one per turn without a revealed fact, then cycle.
        index = (state.turn - state.revealed) % len(objections)
        return objections[index](request.lang)


_NEGATIVE_BEATS = frozenset(
    {Signal.PRICE_ONLY, Signal.DISCOUNT, Signal.BLAME, Signal.PASSIVE, Signal.RUDE}
)


class _Pick:
    """Chooses one line from a list of texts, avoiding what the customer said recently."""

    def __init__(self, rng: random.Random, lang: str, request: CustomerRequest) -> None:
        self.rng = rng
        self.lang = "en" if lang == "en" else "sv"
        recent = [line for line, _ in request.history[-4:]] + [request.last_customer_line]
        self.recent = " ".join(recent)

    def __call__(self, texts: list[Text]) -> str:
        options = [t(self.lang) for t in texts]  # type: ignore[arg-type]
        if not options:
            return ""
        fresh = [o for o in options if o not in self.recent] or options
        return self.rng.choice(fresh)


def _picker(rng: random.Random, lang: str, request: CustomerRequest) -> _Pick:
    return _Pick(rng, lang, request)


def _join(first: str, second: str) -> str:
    return " ".join(part for part in (first.strip(), second.strip()) if part)
