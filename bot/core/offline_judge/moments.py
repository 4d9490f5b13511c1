"""The kind of moment a reply answers, which picks the "try instead" phrasings.

A built-in scenario names its moment (`scenario_situation` in phrasings.yaml). A coach's
scenario keeps the moment of its opening line all session: read from each line instead, a
customer telling a fact mid-conversation ("two of the nurses got eczema this winter") could read
as a regular customer drifting away, and the rep would be told to offer "to go through the range
together"."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.core.judgement import JudgeRequest
from bot.core.offline_judge.feedback import Phrasings

if TYPE_CHECKING:
    from bot.core.semantic.heads import Heads

_opening_moments: dict[str, str] = {}
_lock = threading.Lock()


def _opening_moment(opening: str, heads: Heads) -> str:
    from bot.core.encoder import default_encoder
    from bot.core.semantic.heads import fold_text

    with _lock:
        known = _opening_moments.get(opening)
    if known is None:
        known = heads.moments(default_encoder().embed([fold_text(opening)], "query"))[0]
        with _lock:
            _opening_moments[opening] = known
    return known


def moments(
    requests: Sequence[JudgeRequest], read: Sequence[str], heads: Heads, phrasings: Phrasings
) -> list[str]:
    """Each request's moment: its coach scenario's opening's, else the one `read` from its line."""
    out = []
    for request, moment in zip(requests, read, strict=True):
        scenario = request.scenario
        if scenario is not None and scenario.id not in phrasings.scenario_situation:
            moment = _opening_moment(scenario.opening[0](request.lang), heads)
        out.append(moment)
    return out
