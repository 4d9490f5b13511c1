"""Builds the practice engine the settings ask for: offline, or LLM through openai."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from bot.core.judgement import Judge
from bot.core.practice import Practice, QuickJudge
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.llm.budget import UsageLedger
    from bot.llm.client import LLMClient

log = logging.getLogger(__name__)


def build_practice(
    settings: Settings, *, ledger: UsageLedger | None = None, client: LLMClient | None = None
) -> Practice:
    """The session engine for these settings (offline unless the LLM engine is selected).

    `ledger` keeps each rep's daily token use (in memory, per process, when not given).
    """
    from bot.core.offline_customer import OfflineCustomer
    from bot.core.offline_judge import OfflineJudge

    offline_judge = OfflineJudge()
    if not settings.use_llm:
        return Practice(OfflineCustomer(), offline_judge, quick_judge=offline_judge)

    from bot.llm.budget import MemoryLedger, TokenBudget
    from bot.llm.client import LLMClient
    from bot.llm.coach import LLMCoach
    from bot.llm.customer import LLMCustomer
    from bot.llm.fallback import FallbackCustomer
    from bot.llm.practice import MeteredPractice

    client = client or LLMClient(settings)
    customer = FallbackCustomer(
        LLMCustomer(client, settings.customer_model), OfflineCustomer(), settings.llm_turn_deadline
    )
    budget = TokenBudget(ledger or MemoryLedger(), settings.daily_token_budget)
    return MeteredPractice(
        customer,
        _llm_judge(settings, client, offline_judge),
        quick_judge=offline_judge,
        budget=budget,
        coach=LLMCoach(client, settings.customer_model),
        deadline=settings.llm_turn_deadline,
    )


def build_judge(settings: Settings, *, client: LLMClient | None = None) -> Judge:
    """The scoring judge for these settings (`engine` "llm" on its judgements when LLM)."""
    from bot.core.offline_judge import OfflineJudge

    offline_judge = OfflineJudge()
    if not settings.use_llm:
        return offline_judge
    from bot.llm.client import LLMClient

    return _llm_judge(settings, client or LLMClient(settings), offline_judge)


def _llm_judge(settings: Settings, client: LLMClient, offline_judge: QuickJudge) -> Judge:
    """The LLM judge, guarded by and falling back to the offline judge."""
    from bot.llm.fallback import FallbackJudge
    from bot.llm.judge import LLMJudge

    llm = LLMJudge(client, settings.judge_model, offline=offline_judge)
    return FallbackJudge(llm, offline_judge, settings.llm_turn_deadline)


def warm_up_in_background(practice: Practice, scenario_ids: Iterable[str]) -> threading.Thread:
    """Compile the offline judge's lexicons, load its heads and the encoder, and embed these
    customers' facts, on a thread of its own: without it the first reply pays for all of that
    (≈ 1 s) on whatever thread scores it, and in the bot every chat waits behind it."""
    from bot.core.offline_judge import OfflineJudge

    ids = list(scenario_ids)

    def warm_up() -> None:
        try:
            OfflineJudge.warm_up()  # the LLM engine's guard uses it too
            for scenario_id in ids:
                practice.prepare(scenario_id)
        except Exception:  # a missing encoder shows on first use; the warm-up is a nicety
            log.warning("warm-up failed; the first reply loads what it needs", exc_info=True)

    thread = threading.Thread(target=warm_up, name="warm-up", daemon=True)
    thread.start()
    return thread
