"""Rules kept where rules are right: injection, keyword stuffing, copying the customer back,
filler and emoji, small talk, explicit insults and explicit discounts.

They read the regex detector's features and only ever lower a score."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.core.offline_judge.model import Features
from bot.core.offline_judge.verdict import CAPS as RULE_CAPS

#: Highest overall a reply can get when a guard fires: the rule judge's caps for the same reasons.
CAPS: dict[str, int] = {
    g: RULE_CAPS[g] for g in ("injection", "filler", "stuffing", "off_topic", "rude", "discount")
}
#: A rule-found discount counts only when the heads agree that money is given away: an insight
#: quoting "20 %" is not a discount.
DISCOUNT_AGREEMENT = 0.3


@dataclass
class Guarded:
    """Which guards fired, and the quotes that show it."""

    fired: list[str] = field(default_factory=list)
    quotes: dict[str, list[str]] = field(default_factory=dict)

    @property
    def cap(self) -> int:
        """The lowest cap among the guards that fired (100 when none)."""
        return min((CAPS[g] for g in self.fired), default=100)

    @property
    def trick(self) -> bool:
        """True when the reply tries to score without selling: no move it made counts."""
        return bool({"injection", "stuffing", "filler", "off_topic", "rude"} & set(self.fired))


def check(f: Features, gives_price: float, reply: str) -> Guarded:
    """Run the guards on the detector's features; `gives_price` is the heads' probability.

    The detector read the folded reply (same length), so quotes are cut from `reply` itself."""
    out = Guarded()

    def fire(name: str, kind: str | None = None) -> None:
        out.fired.append(name)
        hits = f.hits.get(kind or name, [])
        out.quotes[name] = [reply[h.start : h.end].strip() for h in hits[:2] if h.text.strip()]

    if f.has("injection"):
        fire("injection")
    if f.stuffing:
        fire("stuffing", "meta")
    if f.filler:
        fire("filler")
    if f.off_topic:
        fire("off_topic")
    if f.has("rude"):
        fire("rude")
    if f.has("discount") and gives_price >= DISCOUNT_AGREEMENT:
        fire("discount")
    return out
