"""What the rep already showed earlier in the conversation, so a closing line is not marked down."""

from __future__ import annotations

import functools

from bot.core.offline_judge.features import detect
from bot.core.offline_judge.model import Features
from bot.core.offline_judge.scoring import Scored, price_only, score_criteria

#: Skills that stay shown once shown: the need found, the assumption challenged, the insight given.
CARRIED = ("challenge", "discover_need", "insight", "ownership")
CARRY_LEVEL = 3
_LOOKBACK = 6


def shown_earlier(history: tuple[tuple[str, str], ...]) -> frozenset[str]:
    """Criteria an earlier reply (of the last few) scored at least 3 on."""
    shown: set[str] = set()
    for customer_line, reply in history[-_LOOKBACK:]:
        shown |= _shown_by(customer_line, reply)
    return frozenset(shown)


@functools.lru_cache(maxsize=2048)  # every turn reads the same earlier replies again
def _shown_by(customer_line: str, reply: str) -> frozenset[str]:
    """The carried criteria one earlier reply scored at least 3 on."""
    earlier = detect(reply, customer_line)
    if earlier.filler or earlier.stuffing or earlier.has("injection") or earlier.has("rude"):
        return frozenset()
    scores = score_criteria(earlier, complaint=True, problem=True).scores
    return frozenset(c for c in CARRIED if scores[c] >= CARRY_LEVEL and _earned(earlier, c))


def _earned(f: Features, criterion: str) -> bool:
    """True when the score rests on something the rep said, not on a default."""
    return {
        "challenge": f.has("challenge") or f.has("need") or f.has("idea"),
        "discover_need": f.has("need") or f.has("need_weak"),
        "insight": any(f.has(k) for k in ("evidence", "value", "idea")),
        "ownership": f.has("own") or f.has("own_act") or f.has("own_check"),
    }[criterion]


def _blocked(f: Features) -> set[str]:
    """Criteria this reply works against, which earlier merit cannot lift."""
    blocked = set()
    moves = f.has("need") or f.has("challenge") or f.has("step")
    if f.has("discount") or f.has("rude") or f.has("blunt") or f.has("condescend") or price_only(f):
        blocked.add("challenge")
    if f.comply and not moves:
        blocked.add("challenge")
    if price_only(f) or f.has("discount") or f.feature_dump:
        blocked.add("insight")
    if f.has("blame") or f.has("shrug"):
        blocked.add("ownership")
    return blocked


def lift(f: Features, out: Scored, shown: frozenset[str]) -> list[str]:
    """Raise criteria shown earlier to the carry level unless this reply works against them."""
    lifted = []
    for criterion in sorted(shown - _blocked(f)):
        if out.scores[criterion] < CARRY_LEVEL:
            out.scores[criterion] = CARRY_LEVEL
            lifted.append(criterion)
    return lifted
