"""Role-play turns with the LLM engine: one round trip, usage and budget, visible fallbacks."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from bot.core.offline_customer import OfflineCustomer
from bot.core.rubric import default_rubric
from bot.core.session import Session
from bot.errors import BudgetExhausted
from bot.llm.budget import MemoryLedger, TokenBudget, estimate_cost, utc_day
from bot.llm.client import Completion, LLMClient
from bot.llm.coach import LLMCoach
from bot.llm.customer import LLMCustomer
from bot.llm.fallback import FallbackCustomer, FallbackJudge
from bot.llm.judge import LLMJudge
from bot.llm.practice import MeteredPractice
from tests.fakes.llm_world import (
    SCENARIO_ID,
    FixedJudge,
    is_judge,
    llm_settings,
    role_play,
    scenario,
)
from tests.fakes.openai_server import Answer, FakeOpenAI, chat, error, serve


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    yield from serve(default=role_play())


def make_practice(
    fake: FakeOpenAI,
    ledger: MemoryLedger | None = None,
    daily_tokens: int = 200_000,
    customer_client: type[LLMClient] = LLMClient,
) -> MeteredPractice:
    settings = llm_settings(fake.url, SALESCOACH_LLM_TIMEOUT=1.0, SALESCOACH_LLM_MAX_RETRIES=0)
    client = LLMClient(settings)
    offline = FixedJudge()
    return MeteredPractice(
        FallbackCustomer(LLMCustomer(customer_client(settings), "gpt-4o-mini"), OfflineCustomer()),
        FallbackJudge(LLMJudge(client, "gpt-4o-mini", offline=offline), offline),
        quick_judge=offline,
        scenarios={SCENARIO_ID: scenario()},
        rubric=default_rubric(),
        budget=TokenBudget(ledger or MemoryLedger(), daily_tokens),
    )


def start(practice: MeteredPractice) -> Session:
    return practice.start(user_id="rep-1", scenario_id=SCENARIO_ID, lang="sv", seed=3)


async def test_a_turn_plays_the_llm_customer_and_judge_and_records_usage(fake: FakeOpenAI):
    practice = make_practice(fake)
    session = start(practice)
    shown: list[str] = []

    async def on_customer(line: str) -> None:
        shown.append(line)

    result = await practice.reply(session, "Vad ska kavajen användas till?", on_customer)

    assert shown == ["Jaså. Till ett bröllop kanske."] == [result.turn.customer_response]
    assert (result.turn.judgement.engine, result.turn.judgement.overall) == ("llm", 80)
    assert session.engine == "llm"
    cost = estimate_cost("gpt-4o-mini", 1500, 140)
    assert session.usage == {
        "tokens_in": 1500,
        "tokens_out": 140,
        "cost_usd": round(cost, 6),
        "llm_calls": 2,
    }


async def test_the_rep_waits_for_one_round_trip_because_scoring_runs_alongside():
    both_asked = threading.Barrier(2, timeout=5)

    def together(body: dict[str, Any]) -> Answer:
        # Asked one after the other, the first request would wait here in vain and time out.
        both_asked.wait()
        return role_play()(body)

    with FakeOpenAI(default=together) as fake:
        practice = make_practice(fake)
        session = start(practice)
        result = await practice.reply(session, "Vad ska kavajen användas till?")
    assert result.turn.customer_response == "Jaså. Till ett bröllop kanske."
    assert (result.turn.judgement.engine, result.turn.judgement.note) == ("llm", None)


async def test_a_failing_customer_leaves_a_visible_note_and_keeps_the_reply(fake: FakeOpenAI):
    def customer_down(body: dict) -> Answer:
        return role_play()(body) if is_judge(body) else error(503, "overloaded")

    fake.default = customer_down
    practice = make_practice(fake)
    session = start(practice)

    result = await practice.reply(session, "Vad ska kavajen användas till?")

    assert result.turn.reply == "Vad ska kavajen användas till?"
    assert result.turn.customer_response  # the offline customer answered
    assert result.turn.judgement.engine == "llm"
    assert result.turn.judgement.note == (
        "AI-kunden svarade inte (server error 503); offlinekunden tog den här repliken."
    )
    assert session.usage["fallbacks"] == 1


class BuggyCaller(LLMClient):
    """A real client whose caller has a bug: it hands openai a message it cannot serialise."""

    async def complete(self, **kwargs: Any) -> Completion:
        kwargs["messages"] = [*kwargs["messages"], {"role": "user", "content": object()}]
        return await super().complete(**kwargs)


async def test_a_bug_behind_the_customer_is_logged_with_its_trace_and_the_turn_goes_on_offline(
    fake: FakeOpenAI, caplog: pytest.LogCaptureFixture
):
    practice = make_practice(fake, customer_client=BuggyCaller)
    session = start(practice)

    result = await practice.reply(session, "Vad ska kavajen användas till?")

    assert result.turn.customer_response  # the offline customer answered
    assert result.turn.judgement.engine == "llm"
    assert result.turn.judgement.note == (
        "AI-kunden svarade inte (internal error); offlinekunden tog den här repliken."
    )
    # Only our own log: a closed event loop of an earlier test's HTTP client may log too.
    [logged] = [
        r for r in caplog.records if r.levelno >= logging.ERROR and r.name.startswith("bot.")
    ]
    assert logged.exc_info is not None and logged.exc_info[0] is TypeError
    assert "unreadable" not in caplog.text  # not mistaken for a bad answer, nor retried


async def test_a_spent_budget_plays_offline_and_says_why_without_calling_the_provider(
    fake: FakeOpenAI,
):
    ledger = MemoryLedger({("rep-1", utc_day()): 5_000})
    practice = make_practice(fake, ledger, daily_tokens=5_000)
    session = start(practice)

    result = await practice.reply(session, "Vad ska kavajen användas till?")

    assert fake.chat_requests == []
    assert result.turn.judgement.engine == "offline-fallback"
    assert result.turn.judgement.note == (
        "Today's AI budget of 5,000 tokens is spent (5,000 used). It resets at midnight UTC; "
        "until then the offline engine plays your sessions. An admin can raise "
        "SALESCOACH_DAILY_TOKEN_BUDGET."
    )
    with pytest.raises(BudgetExhausted, match="5,000 tokens is spent"):
        await practice.check_budget("rep-1")
    await practice.check_budget("rep-2")  # other reps are not affected


async def test_turns_charge_the_reps_daily_budget(fake: FakeOpenAI):
    ledger = MemoryLedger()
    practice = make_practice(fake, ledger)
    session = start(practice)
    await practice.reply(session, "Vad ska kavajen användas till?")
    await practice.reply(session, "Vilket tillfälle gäller det?")
    assert ledger.totals == {("rep-1", utc_day()): 2 * 1640}


@pytest.mark.parametrize(
    ("model", "tokens_in", "tokens_out", "usd"),
    [
        ("gpt-4o-mini", 1_000_000, 1_000_000, 0.75),
        ("gpt-4o-mini-2024-07-18", 1_000_000, 0, 0.15),
        ("gpt-4o", 1_000_000, 0, 2.50),
        ("llama3.1:8b", 1_000_000, 1_000_000, 0.0),
    ],
)
def test_cost_is_estimated_from_the_model_price_list(
    model: str, tokens_in: int, tokens_out: int, usd: float
):
    assert estimate_cost(model, tokens_in, tokens_out) == pytest.approx(usd)


async def test_a_zero_budget_means_no_limit():
    budget = TokenBudget(MemoryLedger({("rep-1", utc_day()): 10**9}), 0)
    await budget.check("rep-1")


def make_coached_practice(fake: FakeOpenAI) -> MeteredPractice:
    practice = make_practice(fake)
    settings = llm_settings(fake.url, SALESCOACH_LLM_TIMEOUT=1.0, SALESCOACH_LLM_MAX_RETRIES=0)
    practice.coach = LLMCoach(LLMClient(settings), "gpt-4o-mini")
    return practice


async def test_a_hint_is_phrased_by_the_llm_for_this_conversation(fake: FakeOpenAI):
    practice = make_coached_practice(fake)
    session = start(practice)
    fake.enqueue(chat("Fråga vad kavajen ska användas till."))
    assert await practice.nudge(session) == "Fråga vad kavajen ska användas till."
    assert session.hints_used == 1
    assert session.usage["tokens_in"] > 0


async def test_a_hint_falls_back_to_the_rubric_when_the_llm_fails(fake: FakeOpenAI):
    practice = make_coached_practice(fake)
    session = start(practice)
    fake.enqueue(error(500))
    hint = await practice.nudge(session)
    focus_hints = {practice.rubric.criterion(c).hint("sv") for c in scenario().focus}
    assert hint in focus_hints


async def test_the_llm_writes_a_summary_and_none_is_given_when_it_cannot(fake: FakeOpenAI):
    practice = make_coached_practice(fake)
    session = start(practice)
    await practice.reply(session, "Vad ska kavajen användas till?")
    card = practice.stop(session)
    fake.enqueue(chat("Bra frågor om behovet; avsluta med ett daterat nästa steg."))
    assert await practice.summary(session, card) == (
        "Bra frågor om behovet; avsluta med ett daterat nästa steg."
    )
    fake.enqueue(error(500))
    assert await practice.summary(session, card) is None
