"""Builds the practice engine the settings ask for: offline, or LLM through openai."""

from __future__ import annotations

from bot.core.judgement import Judge
from bot.core.practice import Practice
from bot.settings import Settings


def build_practice(settings: Settings) -> Practice:
    """The session engine for these settings (offline unless the LLM engine is selected)."""
    from bot.core.offline_customer import OfflineCustomer
    from bot.core.offline_judge import OfflineJudge

    judge = OfflineJudge()
    return Practice(OfflineCustomer(), judge, quick_judge=judge)


def build_judge(settings: Settings) -> Judge:
    """The scoring judge for these settings."""
    from bot.core.offline_judge import OfflineJudge

    return OfflineJudge()
