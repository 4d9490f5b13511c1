"""The kind of moment a reply answers, which picks the "try instead" phrasings.

A built-in scenario names its moment (`scenario_situation` in phrasings.yaml), and a reply
without a scenario is read from the customer's line. A coach's scenario gets the generic
phrasings all session: the other tables are written for the built-in customers and name their
facts ("when you downloaded it", "go through the range together"), and a customer telling a fact
mid-conversation read alone can land on any of them."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.judgement import JudgeRequest
from bot.core.offline_judge.feedback import Phrasings

GENERIC = "generic"


def moments(
    requests: Sequence[JudgeRequest], read: Sequence[str], phrasings: Phrasings
) -> list[str]:
    """Each request's moment: generic for a coach's scenario, else the one `read` from its line."""
    known = phrasings.scenario_situation
    return [
        GENERIC if r.scenario is not None and r.scenario.id not in known else moment
        for r, moment in zip(requests, read, strict=True)
    ]
