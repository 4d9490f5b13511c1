"""What a judge says about one rep reply, and the interface every judge implements."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Literal, Protocol

from bot.core.datafile import Lang

if TYPE_CHECKING:
    from bot.core.scenarios import Scenario


class Signal(StrEnum):
    """Behaviours the judge recognised in a reply; the customer reacts to these."""

    QUESTION_NEED = "question_need"  # asks about the need behind the request
    CHALLENGE = "challenge"  # respectfully questions the request or assumption
    INSIGHT = "insight"  # brings an insight, example or value, not a price list
    OWNERSHIP = "ownership"  # takes responsibility beyond their own part
    NEXT_STEP = "next_step"  # proposes a concrete next step
    DATED_NEXT_STEP = "dated_next_step"  # ... with a day or time
    EMPATHY = "empathy"  # acknowledges the customer's situation
    PRICE_ONLY = "price_only"  # answers with a price / price list and nothing else
    DISCOUNT = "discount"  # caves on price unprompted
    BLAME = "blame"  # passes the problem to someone else
    PASSIVE = "passive"  # waits for the customer ("let me know", "let it mature")
    RUDE = "rude"
    INJECTION = "injection"  # tries to instruct the judge
    STUFFING = "stuffing"  # rubric keywords without substance
    OFF_TOPIC = "off_topic"
    FILLER = "filler"  # empty, emoji-only or content-free


NEGATIVE_SIGNALS = frozenset(
    {
        Signal.PRICE_ONLY,
        Signal.DISCOUNT,
        Signal.BLAME,
        Signal.PASSIVE,
        Signal.RUDE,
        Signal.INJECTION,
        Signal.STUFFING,
        Signal.OFF_TOPIC,
        Signal.FILLER,
    }
)

#: The criterion each good move shows: advice never asks for a move the rep already made.
SHOWS_CRITERION = {
    Signal.QUESTION_NEED: "discover_need",
    Signal.CHALLENGE: "challenge",
    Signal.INSIGHT: "insight",
    Signal.OWNERSHIP: "ownership",
    Signal.NEXT_STEP: "next_step",
    Signal.DATED_NEXT_STEP: "next_step",
}


@dataclass(frozen=True)
class Evidence:
    """Words in the reply that earned (+) or lost (-) points on a criterion."""

    criterion: str
    quote: str
    effect: Literal["+", "-"]


@dataclass(frozen=True)
class Judgement:
    """Scores for one reply: 0-5 per applicable criterion (None = not applicable), 0-100 overall."""

    overall: int
    criteria: dict[str, int | None]
    evidence: tuple[Evidence, ...] = ()
    feedback: str = ""
    try_instead: str = ""
    signals: frozenset[Signal] = frozenset()
    engine: str = "offline"
    note: str | None = None  # shown to the rep, e.g. "the offline judge scored this turn"
    tip_criterion: str | None = None  # the criterion the tip works on (None: nothing to fix)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "overall": self.overall,
            "criteria": dict(self.criteria),
            "evidence": [
                {"criterion": e.criterion, "quote": e.quote, "effect": e.effect}
                for e in self.evidence
            ],
            "feedback": self.feedback,
            "try_instead": self.try_instead,
            "signals": sorted(s.value for s in self.signals),
            "engine": self.engine,
            "note": self.note,
            "tip_criterion": self.tip_criterion,
            "extra": dict(self.extra),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Judgement:
        """Inverse of `to_dict`; unknown signals are dropped."""
        known = {s.value for s in Signal}
        return cls(
            overall=int(data["overall"]),
            criteria={k: (None if v is None else int(v)) for k, v in data["criteria"].items()},
            evidence=tuple(
                Evidence(e["criterion"], e["quote"], "+" if e["effect"] == "+" else "-")
                for e in data.get("evidence", [])
            ),
            feedback=data.get("feedback", ""),
            try_instead=data.get("try_instead", ""),
            signals=frozenset(Signal(s) for s in data.get("signals", []) if s in known),
            engine=data.get("engine", "offline"),
            note=data.get("note"),
            tip_criterion=data.get("tip_criterion"),
            extra=dict(data.get("extra") or {}),
        )


@dataclass(frozen=True)
class JudgeRequest:
    """Everything a judge may look at: the customer's line, the reply, and context."""

    customer_line: str
    reply: str
    lang: Lang
    scenario: Scenario | None = None
    history: tuple[tuple[str, str], ...] = ()  # earlier (customer_line, reply) pairs


class Judge(Protocol):
    """Scores a rep reply. Implementations: the offline judge and the LLM judge."""

    name: str

    async def judge(self, request: JudgeRequest) -> Judgement:
        """Score one reply."""
        ...
