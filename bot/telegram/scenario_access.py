"""Which scenarios a user or a cohort may play: the built-in ones and the coaches' own
scenarios published to them (another coach's never)."""

from __future__ import annotations

from bot.coaching import scenario_library
from bot.core.scenarios import Scenario
from bot.telegram.coach_common import call, records
from bot.telegram.context import Context


async def playable(context: Context, user_id: str) -> dict[str, Scenario]:
    """The scenarios this user may play: built-in, their own, and their cohorts'."""
    hidden = await call(scenario_library.hidden_from, records(context), user_id)
    return {sid: s for sid, s in context.services.practice.scenarios.items() if sid not in hidden}


async def cohort_playable(context: Context, cohort_id: str) -> dict[str, Scenario]:
    """The scenarios a cohort may be given: built-in ones and those published to it."""
    hidden = await call(scenario_library.hidden_from_cohort, records(context), cohort_id)
    return {sid: s for sid, s in context.services.practice.scenarios.items() if sid not in hidden}
