"""The session engine with LLM metering: usage per session, budget per rep, fallback notes."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bot.core.practice import OnCustomer, Practice, TurnResult
from bot.core.report import ReportCard
from bot.core.session import Session
from bot.errors import EngineError
from bot.llm.budget import Meter, TokenBudget, metering
from bot.llm.coach import LLMCoach
from bot.llm.fallback import within


class MeteredPractice(Practice):
    """A Practice whose turns count tokens into `Session.usage` and the rep's daily budget."""

    def __init__(
        self,
        *args: Any,
        budget: TokenBudget | None = None,
        coach: LLMCoach | None = None,
        deadline: float | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.budget = budget
        self.coach = coach
        self.deadline = deadline  # hints and summaries wait no longer than a turn

    async def check_budget(self, user_id: str) -> None:
        """Raise BudgetExhausted if the rep has spent today's tokens (front ends may ask first)."""
        if self.budget is not None:
            await self.budget.check(user_id)

    async def reply(
        self, session: Session, text: str, on_customer: OnCustomer | None = None
    ) -> TurnResult:
        """Play one turn as Practice does, metering every LLM call made for it."""
        meter = Meter(session.usage, session.user_id, self.budget)
        with metering(meter):
            result = await super().reply(session, text, on_customer)
        if meter.notes:
            turn = result.turn
            notes = [n for n in (turn.judgement.note, *meter.notes) if n]
            turn.judgement = replace(turn.judgement, note=" ".join(dict.fromkeys(notes)))
        return result

    async def nudge(self, session: Session) -> str:
        """The LLM phrases the hint for this conversation; the rubric's hint if it cannot."""
        cid = self.hint_criterion(session)
        offline = self.hint(session)
        if self.coach is None:
            return offline
        try:
            with metering(Meter(session.usage, session.user_id, self.budget)):
                hint = self.coach.hint(session, criterion_id=cid, rubric=self.rubric)
                text = await within(self.deadline, hint)
        except EngineError:
            return offline
        return text.strip() or offline

    async def summary(self, session: Session, report: ReportCard) -> str | None:
        """A short written summary from the LLM, or None when it cannot write one."""
        if self.coach is None or not session.turns:
            return None
        try:
            with metering(Meter(session.usage, session.user_id, self.budget)):
                summary = self.coach.summary(session, card=report, rubric=self.rubric)
                text = await within(self.deadline, summary)
        except EngineError:
            return None
        return text.strip() or None
