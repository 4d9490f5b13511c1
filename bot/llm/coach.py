"""Coaching texts from the LLM: the end-of-session summary and in-session hints."""

from __future__ import annotations

from typing import Any

from bot import i18n, prompts
from bot.core.report import ReportCard, build_report
from bot.core.rubric import Rubric, default_rubric
from bot.core.scenarios import Scenario, default_scenarios
from bot.core.session import Session
from bot.llm.client import LLMClient


def _scenario(session: Session, scenario: Scenario | None) -> Scenario:
    return scenario or default_scenarios()[session.scenario_id]


def report_context(
    session: Session,
    card: ReportCard | None = None,
    rubric: Rubric | None = None,
    scenario: Scenario | None = None,
) -> dict[str, Any]:
    """Template variables for `report.j2`."""
    rubric = rubric or default_rubric()
    scene = _scenario(session, scenario)
    card = card or build_report(session, rubric, scene.focus_set)
    lang = session.lang
    return {
        "scenario": f"{scene.title(lang)} - {scene.brief(lang)}",
        "customer": scene.persona.name,
        "outcome": card.outcome.value.replace("_", " "),
        "overall": card.overall,
        "pass_line": rubric.pass_line,
        "criteria": [
            (rubric.criterion(cid).name(lang), score)
            for cid, score in card.criteria.items()
            if score is not None
        ],
        "turns": [
            {"customer": t.customer_line, "reply": t.reply, "overall": t.judgement.overall}
            for t in session.turns
        ],
        "language": i18n.language_name(lang),
    }


def hint_context(
    session: Session,
    criterion_id: str | None = None,
    rubric: Rubric | None = None,
    scenario: Scenario | None = None,
) -> dict[str, Any]:
    """Template variables for `hint.j2` (the skill defaults to the scenario's first focus)."""
    rubric = rubric or default_rubric()
    scene = _scenario(session, scenario)
    lang = session.lang
    criterion = rubric.criterion(criterion_id or scene.focus[0])
    return {
        "scenario": f"{scene.title(lang)} - {scene.brief(lang)} (customer: {scene.persona.name})",
        "skill": criterion.name(lang),
        "skill_description": criterion.description(lang),
        "history": list(session.history[-4:]),
        "last_line": session.last_customer_line,
        "language": i18n.language_name(lang),
    }


class LLMCoach:
    """Writes summaries and hints with a chat model; raises EngineError when it cannot."""

    def __init__(self, client: LLMClient, model: str) -> None:
        self.client = client
        self.model = model

    async def summary(self, session: Session, **context: Any) -> str:
        """A short end-of-session summary in the session language."""
        messages = prompts.render_messages("report.j2", **report_context(session, **context))
        completion = await self.client.complete(
            model=self.model, messages=messages, temperature=0.3, max_tokens=300
        )
        return completion.text

    async def hint(self, session: Session, **context: Any) -> str:
        """One short nudge towards a skill, without the answer."""
        messages = prompts.render_messages("hint.j2", **hint_context(session, **context))
        completion = await self.client.complete(
            model=self.model, messages=messages, temperature=0.5, max_tokens=80
        )
        return completion.text
