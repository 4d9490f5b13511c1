"""A role-play session: a sequence of turns against one customer."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.core.datafile import Lang
from bot.core.judgement import Judgement
from bot.core.state import CustomerState, Outcome

Mode = Literal["practice", "exam"]


@dataclass
class Turn:
    """One exchange: the customer's line, the rep's reply, its score and the customer's answer."""

    index: int
    customer_line: str
    reply: str
    judgement: Judgement
    customer_response: str
    trust: int
    patience: int
    at: float = field(default_factory=time.time)
    truncated: bool = False

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "index": self.index,
            "customer_line": self.customer_line,
            "reply": self.reply,
            "judgement": self.judgement.to_dict(),
            "customer_response": self.customer_response,
            "trust": self.trust,
            "patience": self.patience,
            "at": self.at,
            "truncated": self.truncated,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Turn:
        """Inverse of `to_dict`."""
        return cls(
            index=int(data["index"]),
            customer_line=data["customer_line"],
            reply=data["reply"],
            judgement=Judgement.from_dict(data["judgement"]),
            customer_response=data["customer_response"],
            trust=int(data["trust"]),
            patience=int(data["patience"]),
            at=float(data.get("at", 0.0)),
            truncated=bool(data.get("truncated", False)),
        )


@dataclass
class Session:
    """All there is to know about one role-play; plain data, saved by the store."""

    user_id: str
    scenario_id: str
    lang: Lang
    level: int
    opening: str
    state: CustomerState
    mode: Mode = "practice"
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    seed: int = 0
    turns: list[Turn] = field(default_factory=list)
    outcome: Outcome = Outcome.ONGOING
    started_at: float = field(default_factory=time.time)
    ended_at: float | None = None
    engine: str = "offline"
    usage: dict[str, float] = field(default_factory=dict)  # tokens and cost, LLM engine only
    hints_used: int = 0

    @property
    def finished(self) -> bool:
        """True once the session has ended."""
        return self.outcome.finished

    @property
    def last_customer_line(self) -> str:
        """What the customer said last (the opening line before any turn)."""
        return self.turns[-1].customer_response if self.turns else self.opening

    @property
    def history(self) -> tuple[tuple[str, str], ...]:
        """(customer_line, reply) pairs so far."""
        return tuple((t.customer_line, t.reply) for t in self.turns)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "id": self.id,
            "user_id": self.user_id,
            "scenario_id": self.scenario_id,
            "lang": self.lang,
            "level": self.level,
            "mode": self.mode,
            "opening": self.opening,
            "state": self.state.to_dict(),
            "seed": self.seed,
            "turns": [t.to_dict() for t in self.turns],
            "outcome": self.outcome.value,
            "started_at": self.started_at,
            "ended_at": self.ended_at,
            "engine": self.engine,
            "usage": dict(self.usage),
            "hints_used": self.hints_used,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Session:
        """Inverse of `to_dict`."""
        return cls(
            id=data["id"],
            user_id=str(data["user_id"]),
            scenario_id=data["scenario_id"],
            lang="en" if data.get("lang") == "en" else "sv",
            level=int(data["level"]),
            mode="exam" if data.get("mode") == "exam" else "practice",
            opening=data["opening"],
            state=CustomerState.from_dict(data["state"]),
            seed=int(data.get("seed", 0)),
            turns=[Turn.from_dict(t) for t in data.get("turns", [])],
            outcome=Outcome(data.get("outcome", "ongoing")),
            started_at=float(data.get("started_at", 0.0)),
            ended_at=data.get("ended_at"),
            engine=data.get("engine", "offline"),
            usage={k: float(v) for k, v in (data.get("usage") or {}).items()},
            hints_used=int(data.get("hints_used", 0)),
        )
