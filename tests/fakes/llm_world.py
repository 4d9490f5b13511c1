"""Shared pieces for the LLM tests: settings pointed at the fake server, a scenario, judges."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot import paths
from bot.core.customer import CustomerRequest
from bot.core.judgement import Judgement, JudgeRequest, Signal
from bot.core.scenarios import Scenario, load_scenario
from bot.core.state import CustomerState, Outcome
from bot.settings import Settings

SCENARIO_ID = "just-looking"


def llm_settings(base_url: str, **overrides: Any) -> Settings:
    """Settings for the LLM engine against `base_url` (built directly: no env, no .env)."""
    values: dict[str, Any] = {
        "SALESCOACH_ENGINE": "llm",
        "OPENAI_BASE_URL": base_url,
        "OPENAI_API_KEY": "sk-test-secret-123",
        "SALESCOACH_CUSTOMER_MODEL": "gpt-4o-mini",
        "SALESCOACH_JUDGE_MODEL": "gpt-4o-mini",
        "SALESCOACH_TRANSCRIBE_MODEL": "whisper-1",
        "SALESCOACH_LLM_TIMEOUT": 2.0,
        "SALESCOACH_LLM_MAX_RETRIES": 2,
        "SALESCOACH_DAILY_TOKEN_BUDGET": 200_000,
    }
    values.update(overrides)
    return Settings(**values)


def scenario() -> Scenario:
    """A shipped scenario, loaded without cross-file checks."""
    return load_scenario(paths.CUSTOMERS_DIR / f"{SCENARIO_ID}.yaml")


@dataclass
class FixedJudge:
    """A quick judge that always gives the same judgement and counts its calls."""

    overall: int = 50
    signals: frozenset[Signal] = frozenset()
    criteria: dict[str, int | None] = field(
        default_factory=lambda: {
            "challenge": 2,
            "discover_need": 2,
            "insight": 2,
            "ownership": None,
            "next_step": 2,
            "respect": 3,
        }
    )
    calls: int = 0
    name: str = "offline"

    def score(self, request: JudgeRequest) -> Judgement:
        """The fixed judgement."""
        self.calls += 1
        return Judgement(
            overall=self.overall,
            criteria=dict(self.criteria),
            feedback="offline feedback",
            try_instead="offline try",
            signals=self.signals,
        )

    async def judge(self, request: JudgeRequest) -> Judgement:
        """The fixed judgement."""
        return self.score(request)


def judge_request(reply: str = "Vad ska kavajen användas till?", lang: str = "sv") -> JudgeRequest:
    """A request to score `reply` to the customer's opening line."""
    return JudgeRequest(
        customer_line="Jag tittar bara, tack. Vad kostar kavajen?",
        reply=reply,
        lang=lang,  # type: ignore[arg-type]
        scenario=scenario(),
    )


def customer_request(
    reply: str = "Vad ska den användas till?",
    *,
    outcome: Outcome = Outcome.ONGOING,
    signals: frozenset[Signal] = frozenset(),
    state: CustomerState | None = None,
    lang: str = "sv",
) -> CustomerRequest:
    """A request for the customer's next line."""
    return CustomerRequest(
        scenario=scenario(),
        level=1,
        lang=lang,  # type: ignore[arg-type]
        state=state or CustomerState(trust=40, patience=70, turn=1),
        outcome=outcome,
        reply=reply,
        signals=signals,
        history=(),
        last_customer_line="Jag tittar bara, tack.",
        seed=7,
    )


def is_judge(body: dict[str, Any]) -> bool:
    """Whether a chat request comes from the judge (its system prompt says so)."""
    return "sales coach" in body["messages"][0]["content"]


def verdict_json(score: int = 4) -> str:
    """A valid judge answer giving `score` on every criterion."""
    import json

    from bot.core.rubric import default_rubric

    criteria = [
        {"criterion": cid, "score": score, "quote": "", "effect": "+"}
        for cid in default_rubric().ids
    ]
    return json.dumps(
        {"criteria": criteria, "feedback": "Bra.", "try_instead": "Fråga mer.", "signals": []}
    )


def role_play(customer_line: str = "Jaså. Till ett bröllop kanske.", score: int = 4) -> Any:
    """A fake-server responder answering customer and judge requests in character."""
    from tests.fakes.openai_server import Answer

    def respond(body: dict[str, Any]) -> Answer:
        if is_judge(body):
            return Answer(content=verdict_json(score), usage=(900, 120))
        return Answer(content=customer_line, usage=(600, 20))

    return respond


def session_with_turns() -> Any:
    """A finished two-turn session against the test scenario."""
    from bot.core.judgement import Judgement
    from bot.core.session import Session, Turn

    judgement = Judgement(overall=64, criteria={"discover_need": 4, "respect": 3})
    return Session(
        user_id="rep-1",
        scenario_id=SCENARIO_ID,
        lang="sv",
        level=1,
        opening="Jag tittar bara, tack.",
        state=CustomerState(trust=60, patience=50),
        turns=[
            Turn(
                0,
                "Jag tittar bara, tack.",
                "Vad letar du efter?",
                judgement,
                "Inget särskilt.",
                50,
                60,
            ),
            Turn(
                1,
                "Inget särskilt.",
                "Är det till något tillfälle?",
                judgement,
                "Ett bröllop.",
                60,
                50,
            ),
        ],
        outcome=Outcome.STOPPED,
    )
