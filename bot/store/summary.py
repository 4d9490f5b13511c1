"""A one-line view of a session, kept in each user's index for fast history listings."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from statistics import mean
from typing import Any

from bot.core.session import Session
from bot.core.state import Outcome


@dataclass(frozen=True)
class SessionSummary:
    """What the history list shows about one session."""

    id: str
    scenario_id: str
    lang: str
    level: int
    mode: str
    outcome: Outcome
    overall: int | None  # mean of the turns' overall scores, rounded like the report card
    started_at: float
    ended_at: float | None
    turns: int

    @property
    def finished(self) -> bool:
        """True once the session has ended."""
        return self.outcome.finished

    @classmethod
    def of(cls, session: Session) -> SessionSummary:
        """Summarise a session."""
        turns = session.turns
        return cls(
            id=session.id,
            scenario_id=session.scenario_id,
            lang=session.lang,
            level=session.level,
            mode=session.mode,
            outcome=session.outcome,
            overall=round(mean(t.judgement.overall for t in turns)) if turns else None,
            started_at=session.started_at,
            ended_at=session.ended_at,
            turns=len(turns),
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {**asdict(self), "outcome": self.outcome.value}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SessionSummary:
        """Inverse of `to_dict`."""
        overall = data.get("overall")
        ended = data.get("ended_at")
        return cls(
            id=str(data["id"]),
            scenario_id=str(data["scenario_id"]),
            lang=str(data.get("lang", "sv")),
            level=int(data.get("level", 1)),
            mode=str(data.get("mode", "practice")),
            outcome=Outcome(data.get("outcome", "ongoing")),
            overall=None if overall is None else int(overall),
            started_at=float(data.get("started_at", 0.0)),
            ended_at=None if ended is None else float(ended),
            turns=int(data.get("turns", 0)),
        )
