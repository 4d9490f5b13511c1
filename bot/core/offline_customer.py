"""A customer that needs no API key: lines from the scenario, chosen by what the rep just said
and by the hidden state.

The customer answers what it understood (`bot.core.listening`): a question about a hidden fact
gets that fact, a question about something it won't tell gets a refusal, a proposed time slot
gets an answer about that slot. Otherwise it reacts to the strongest signal the judge saw and
moves the conversation on (an objection, impatience, warming up). It never says a sentence twice
in a session. Lines are picked with the session's seed: the same replies replay identically.
"""

from __future__ import annotations

import random

from bot.core.customer import CustomerRequest
from bot.core.datafile import Text
from bot.core.judgement import NEGATIVE_SIGNALS, Signal
from bot.core.listening import Reading
from bot.core.reactions import Reactions, default_reactions
from bot.core.slots import WEEKDAYS, Slot, find_slot
from bot.core.spoken import Memory
from bot.core.state import COUNTER_TRUST, WIN_TRUST, Outcome

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
#: Where the customer goes when a kind of line is used up.
FALLBACK = ("waiting", "weak", "cooling", "impatient", "warming")

#: Good moves whose reaction warms the customer (see `_Talk._react_and_move_on`).
_WARMING_REACTIONS = frozenset({Signal.OWNERSHIP, Signal.INSIGHT, Signal.CHALLENGE, Signal.EMPATHY})
_NEGATIVE_BEATS = frozenset(
    {Signal.PRICE_ONLY, Signal.DISCOUNT, Signal.BLAME, Signal.PASSIVE, Signal.RUDE}
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
        said = [line for line, _ in request.history] + [request.last_customer_line]
        talk = _Talk(self, request, rng, Memory(said))
        return talk.line()

    def lines(self, request: CustomerRequest, key: str) -> list[Text]:
        """Scenario-specific lines for a key, else the common ones."""
        return request.scenario.reactions.get(key) or self.reactions.reactions.get(key, [])


class _Talk:
    """One line in the making: what to say, picked fresh (never a sentence said before)."""

    def __init__(
        self,
        customer: OfflineCustomer,
        request: CustomerRequest,
        rng: random.Random,
        memory: Memory,
    ) -> None:
        self.customer = customer
        self.request = request
        self.rng = rng
        self.memory = memory
        self.lang = request.lang
        self.reading = request.reading or Reading()

    def pick(self, texts: list[Text], **slots: str) -> str:
        """A fresh line from `texts` (placeholders filled), or "" when all have been said."""
        options = [_fill(t(self.lang), slots) for t in texts]
        fresh = [o for o in options if self.memory.fresh(o)]
        if not fresh:
            return ""
        choice = self.rng.choice(fresh)
        self.memory.add(choice)
        return choice

    def say(self, key: str, **slots: str) -> str:
        """A fresh line of this kind, falling back to other kinds once it is used up."""
        for k in (key, *FALLBACK):
            line = self.pick(self.customer.lines(self.request, k), **slots)
            if line:
                return line
        return ""

    def tell(self, text: str) -> str:
        self.memory.add(text)
        return text

    def line(self) -> str:
        request, reading = self.request, self.reading
        scenario = request.scenario
        if request.outcome.success:
            return _join(self._accept(), self._win())
        if request.outcome is Outcome.LOST:
            return _join(self._reaction(negative_only=True), self.pick(scenario.lose))
        if reading.secret is not None:
            return self.say("refuse")
        if request.told is not None:
            fact = scenario.hidden.reveals[request.told](self.lang)
            return _join(self._reaction(answering=True), self.tell(fact))
        if reading.asked_again is not None:
            return _join(self.say("already_told"), self._beat())
        if reading.slot is not None and not request.signals & _NEGATIVE_BEATS:
            return self._slot(reading.slot)
        return self._react_and_move_on()

    def _react_and_move_on(self) -> str:
        """A reaction, then the conversation moves on. A customer a good move has warmed waits
        for the answer to its own question ("What do you mean?"), and an objection after its
        praise comes with a "but" instead of contradicting it."""
        request = self.request
        reaction = self._reaction()
        warmed = (
            request.trust_delta > 0
            and bool(request.signals & _WARMING_REACTIONS)
            and not request.signals & NEGATIVE_SIGNALS
        )
        if warmed and reaction.endswith("?"):
            return reaction
        beat = self._beat()
        objections = [o(self.lang) for o in request.scenario.objections]
        if warmed and reaction and beat in objections:
            lines = self.customer.lines(request, "objection_anyway")
            beat = self.pick(lines, objection=_lower_first(beat)) or beat
        return _join(reaction, beat)

    def _accept(self) -> str:
        slot = self.reading.slot
        if slot is None:
            return ""
        counter = self.request.state.counter
        moved = counter and slot.weekday is not None and slot.weekday != counter - 1
        return self.say("slot_moved" if moved else "slot_accept", slot=slot.words(self.lang))

    def _win(self) -> str:
        """A won-over line that names no other day than the one agreed."""
        slot = self.reading.slot
        lines = [
            t
            for t in self.request.scenario.win.lines
            if slot is None or _same_day(find_slot(t(self.lang)), slot)
        ]
        return self.pick(lines) or ("" if slot else self.say("warming"))

    def _slot(self, slot: Slot) -> str:
        """Push back on a slot proposed too early, or offer another day when nearly there."""
        state = self.request.state
        words = slot.words(self.lang)
        if state.counter and COUNTER_TRUST <= state.trust < WIN_TRUST:
            day = WEEKDAYS[self.lang][state.counter - 1]
            return self.say("slot_counter", slot=words, day=day)
        return _join(self.say("slot_too_early", slot=words), self._beat(objection_only=True))

    def _reaction(self, negative_only: bool = False, answering: bool = False) -> str:
        request = self.request
        signals = request.signals
        for signal in REACTION_PRIORITY:
            if signal in signals:
                if negative_only and signal not in NEGATIVE_SIGNALS:
                    break
                return self.pick(self.customer.lines(request, signal.value))
        if negative_only:
            return ""
        if answering:
            # Half the time the fact answers the question on its own.
            return (
                self.pick(self.customer.lines(request, "question_need"))
                if self.rng.random() < 0.5
                else ""
            )
        if signals & {Signal.NEXT_STEP, Signal.DATED_NEXT_STEP}:
            if request.state.trust < WIN_TRUST:
                return self.say("next_step_too_early")
            key = Signal.DATED_NEXT_STEP if Signal.DATED_NEXT_STEP in signals else Signal.NEXT_STEP
            return self.say(key.value)
        if Signal.QUESTION_NEED in signals or self.reading.question:
            return self.say("question_need")
        if request.trust_delta < 0:
            return self.say("cooling")
        return self.say("weak")

    def _beat(self, objection_only: bool = False) -> str:
        state = self.request.state
        if not objection_only and state.patience <= 25:
            return self.say("impatient")
        warm = state.trust >= WIN_TRUST - 10 and not self.request.signals & _NEGATIVE_BEATS
        if not objection_only and warm:
            return self.say("warming")
        if len(self.request.scenario.hidden.reveals) // 2 < state.revealed:
            # Having told most of the story, the customer no longer argues the opening line.
            return self.say("waiting")
        for objection in self.request.scenario.objections:  # in order, each once
            line = self.pick([objection])
            if line:
                return line
        return self.say("waiting")


def _same_day(found: Slot | None, slot: Slot) -> bool:
    if found is None:
        return True
    return (found.weekday, found.month, found.day_of_month) == (
        slot.weekday,
        slot.month,
        slot.day_of_month,
    )


def _fill(text: str, slots: dict[str, str]) -> str:
    if not slots or "{" not in text:
        return text
    filled = text.format(**slots)
    return filled[:1].upper() + filled[1:]


def _lower_first(text: str) -> str:
    """A sentence to follow "But": "Gloves are gloves" -> "gloves are gloves" ("I" stays)."""
    if text[:2] in ("I ", "I'") or text[:2].isupper():
        return text
    return text[:1].lower() + text[1:]


def _join(first: str, second: str) -> str:
    return " ".join(part for part in (first.strip(), second.strip()) if part)
