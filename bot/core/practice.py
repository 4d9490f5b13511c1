"""Runs role-plays: start a session, take the rep's replies, end it with a report card."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from bot.core.customer import Customer, CustomerRequest
from bot.core.datafile import Lang
from bot.core.judgement import Judge, Judgement, JudgeRequest
from bot.core.listening import Listener, needs_meaning
from bot.core.report import ReportCard, build_report
from bot.core.rubric import Rubric, default_rubric
from bot.core.scenarios import Scenario, default_scenarios
from bot.core.session import Mode, Session, Turn
from bot.core.state import CustomerState, Outcome, advance
from bot.core.turn_embeddings import TurnEmbeddings
from bot.errors import SalescoachError, SessionFinished
from bot.hygiene import clean

#: Replies longer than this are cut before judging; the rep is told.
MAX_REPLY_CHARS = 1500

OnCustomer = Callable[[str], Awaitable[None]]


class QuickJudge(Judge, Protocol):
    """A judge that can also score synchronously (the offline judge)."""

    def score(self, request: JudgeRequest) -> Judgement:
        """Score one reply without awaiting anything."""
        ...


@dataclass(frozen=True)
class TurnResult:
    """What one reply led to."""

    turn: Turn
    outcome: Outcome
    truncated: bool

    @property
    def finished(self) -> bool:
        """True when this reply ended the session."""
        return self.outcome.finished


def clean_reply(text: str) -> tuple[str, bool]:
    """Strip the reply and cut it to MAX_REPLY_CHARS; say whether it was cut.

    Lone surrogates (which no file or network can carry) become U+FFFD first.
    """
    text = clean(text).strip()
    if len(text) <= MAX_REPLY_CHARS:
        return text, False
    return text[:MAX_REPLY_CHARS].rstrip() + "…", True


class Practice:
    """The session engine: customer, judge and hidden state, independent of any front end.

    The quick (offline) judge always runs first and moves the customer's hidden state, so the
    customer can answer without waiting for a slower judge; the scoring judge (which may be the
    same object) runs concurrently with the customer.
    """

    def __init__(
        self,
        customer: Customer,
        judge: Judge,
        *,
        quick_judge: QuickJudge | None = None,
        scenarios: dict[str, Scenario] | None = None,
        rubric: Rubric | None = None,
        listener: Listener | None = None,
    ) -> None:
        self.customer = customer
        self.embeddings = TurnEmbeddings(self._judge_texts, lambda: self.listener.encoder)
        self.judge = judge
        self.rubric = rubric or default_rubric()
        self.scenarios = scenarios if scenarios is not None else default_scenarios()
        if quick_judge is None:
            from bot.core.offline_judge import OfflineJudge

            quick_judge = judge if isinstance(judge, OfflineJudge) else OfflineJudge(self.rubric)
        self.quick_judge = quick_judge
        self.listener = listener or Listener()

    def scenario(self, scenario_id: str) -> Scenario:
        """The scenario with this id, or an error listing the known ones."""
        try:
            return self.scenarios[scenario_id]
        except KeyError:
            known = ", ".join(sorted(self.scenarios))
            raise SalescoachError.said(
                "practice.unknown_scenario", scenario=scenario_id, known=known
            ) from None

    def start(
        self,
        *,
        user_id: str,
        scenario_id: str,
        lang: Lang = "sv",
        level: int = 1,
        mode: Mode = "practice",
        seed: int | None = None,
    ) -> Session:
        """Begin a role-play: pick the customer's opening line and starting state."""
        scenario = self.scenario(scenario_id)
        lang = scenario.play_lang(lang)  # a single-language scenario plays in its language
        if level not in scenario.levels:
            raise SalescoachError.said("practice.level_range", level=level)
        seed = random.randrange(2**31) if seed is None else seed
        spec = scenario.levels[level]
        opening = random.Random(seed).choice(scenario.opening)(lang)
        return Session(
            user_id=user_id,
            scenario_id=scenario_id,
            lang=lang,
            level=level,
            mode=mode,
            opening=opening,
            state=CustomerState(trust=spec.trust, patience=spec.patience),
            seed=seed,
            engine=getattr(self.customer, "name", "offline"),
        )

    async def reply(
        self, session: Session, text: str, on_customer: OnCustomer | None = None
    ) -> TurnResult:
        """Take one rep reply: judge it, move the customer, get the customer's answer.

        `on_customer` is awaited with the customer's line as soon as it is ready, before the
        scoring judge has necessarily finished, so a front end can show it at once.
        """
        if session.finished:
            raise SessionFinished.said("practice.session_ended")
        reply, truncated = clean_reply(text)
        scenario = self.scenario(session.scenario_id)
        request = JudgeRequest(
            customer_line=session.last_customer_line,
            reply=reply,
            lang=session.lang,
            scenario=scenario,
            history=session.history,
        )
        focus = needs_meaning(reply)  # the asking sentences, if the customer must understand them
        if focus and not self.listener.ready(scenario):  # first question in this scenario
            await asyncio.to_thread(self.listener.prepare, scenario)
        vector = await self.embeddings.ahead(request, focus)  # batched with other reps' texts
        # Off the event loop all the same: a text the cache has dropped is embedded here.
        quick = await asyncio.to_thread(self.quick_judge.score, request)
        reading = self.listener.read(
            scenario, reply, quick.signals, session.state.told, vector=vector
        )
        move = advance(session.state, quick, session.level, reading)
        told = (move.state.told & ~session.state.told).bit_length() - 1
        outcome = scenario.win.outcome_value() if move.outcome is Outcome.WON else move.outcome
        customer_request = CustomerRequest(
            scenario=scenario,
            level=session.level,
            lang=session.lang,
            state=move.state,
            outcome=outcome,
            reply=reply,
            signals=quick.signals,
            history=session.history,
            last_customer_line=session.last_customer_line,
            seed=session.seed,
            trust_delta=move.trust_delta,
            fact_earned=told >= 0,
            told=told if told >= 0 else None,
            reading=reading,
        )

        async def customer_line() -> str:
            line = await self.customer.respond(customer_request)
            # The next turn's judge reads this line: embed it while the rep reads and types.
            self.embeddings.customer_said(request, line)
            if on_customer is not None:
                await on_customer(line)
            return line

        if self.judge is self.quick_judge:
            judgement, line = quick, await customer_line()
        else:
            judgement, line = await asyncio.gather(self.judge.judge(request), customer_line())

        turn = Turn(
            index=len(session.turns),
            customer_line=session.last_customer_line,
            reply=reply,
            judgement=judgement,
            customer_response=line,
            trust=move.state.trust,
            patience=move.state.patience,
            truncated=truncated,
        )
        session.turns.append(turn)
        session.state = move.state
        session.outcome = outcome
        if outcome.finished:
            session.ended_at = time.time()
        return TurnResult(turn, outcome, truncated)

    def _judge_texts(self, request: JudgeRequest) -> tuple[str, ...]:
        """What the quick judge embeds (its `embeds`); nothing for a judge without encoder."""
        embeds = getattr(self.quick_judge, "embeds", None)
        return tuple(embeds(request)) if embeds is not None else ()

    def prepare(self, scenario_id: str) -> None:
        """Load the encoder and the scenario's facts (call while the rep reads the opening)."""
        self.listener.prepare(self.scenario(scenario_id))

    def stop(self, session: Session) -> ReportCard:
        """End the session at the rep's request (if still going) and return the report card."""
        if not session.finished:
            session.outcome = Outcome.STOPPED
            session.ended_at = time.time()
        return self.report(session)

    def report(self, session: Session) -> ReportCard:
        """The report card for a session, its advice on what the scenario trains."""
        scenario = self.scenarios.get(session.scenario_id)
        focus = scenario.focus_set if scenario is not None else frozenset()
        return build_report(session, self.rubric, focus)

    def hint_criterion(self, session: Session) -> str:
        """The focus criterion the next hint is about: unpractised first, then the weakest."""
        scenario = self.scenario(session.scenario_id)

        def so_far(cid: str) -> float:
            scores = [s for t in session.turns if (s := t.judgement.criteria.get(cid)) is not None]
            return sum(scores) / len(scores) if scores else -1.0

        ranked = sorted(scenario.focus, key=lambda cid: (so_far(cid) >= 0, so_far(cid)))
        return ranked[session.hints_used % len(ranked)]  # rotate on repeated hints

    def hint(self, session: Session) -> str:
        """A nudge towards the scenario's weakest focus criterion so far, without the answer."""
        cid = self.hint_criterion(session)
        session.hints_used += 1
        return self.rubric.criterion(cid).hint(session.lang)

    async def nudge(self, session: Session) -> str:
        """A hint, phrased for this conversation where the engine can (the LLM engine does)."""
        return self.hint(session)

    async def summary(self, session: Session, report: ReportCard) -> str | None:
        """A few written sentences about the session, where the engine can write them."""
        return None
