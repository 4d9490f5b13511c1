"""The report card at the end of a session."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import mean
from typing import Any

from bot import i18n
from bot.core.datafile import Lang
from bot.core.judgement import SHOWS_CRITERION
from bot.core.rubric import Rubric
from bot.core.session import Session, Turn
from bot.core.state import Outcome

#: A criterion scored at least this in one turn is one the rep has shown (the per-reply tip's bar).
SHOWN = 4
#: Replies an exam needs before it can pass: one good line and /end is not an exam.
EXAM_MIN_REPLIES = 3


@dataclass(frozen=True)
class ReportCard:
    """Per-criterion and overall scores, best and weakest reply, and concrete advice."""

    session_id: str
    scenario_id: str
    outcome: Outcome
    overall: int  # 0-100, mean of the turns' overall scores
    passed: bool
    criteria: dict[str, float | None]  # mean 0-5 over the turns where the criterion applied
    best: Turn | None
    weakest: Turn | None
    advice: tuple[str, ...]
    turns: int

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "session_id": self.session_id,
            "scenario": self.scenario_id,
            "outcome": self.outcome.value,
            "overall": self.overall,
            "passed": self.passed,
            "criteria": self.criteria,
            "best": self.best.reply if self.best else None,
            "weakest": self.weakest.reply if self.weakest else None,
            "advice": list(self.advice),
            "turns": self.turns,
        }


def criterion_means(turns: list[Turn], rubric: Rubric) -> dict[str, float | None]:
    """Mean 0-5 score per criterion over the turns where it applied (None if it never did)."""
    result: dict[str, float | None] = {}
    for cid in rubric.ids:
        scores = [
            t.judgement.criteria[cid] for t in turns if t.judgement.criteria.get(cid) is not None
        ]
        result[cid] = round(mean(s for s in scores if s is not None), 2) if scores else None
    return result


def shown_criteria(turns: list[Turn]) -> frozenset[str]:
    """Criteria the rep showed in the session: scored SHOWN or more in a turn, or the move made."""
    shown = set()
    for t in turns:
        shown |= {c for c, s in t.judgement.criteria.items() if s is not None and s >= SHOWN}
        shown |= {SHOWS_CRITERION[s] for s in t.judgement.signals if s in SHOWS_CRITERION}
    return frozenset(shown)


def session_overall(turns: list[Turn]) -> int:
    """Mean overall score of the turns (0 when there are none)."""
    return round(mean(t.judgement.overall for t in turns)) if turns else 0


def enough_replies(session: Session) -> bool:
    """Whether the session has the replies it needs to pass (EXAM_MIN_REPLIES in exam mode)."""
    return len(session.turns) >= (EXAM_MIN_REPLIES if session.mode == "exam" else 1)


def whole_attempt(session: Session) -> bool:
    """Whether a session can rank against others: the customer ended it, or the rep gave at
    least EXAM_MIN_REPLIES replies before stopping (one good line and /end is not a role-play)."""
    return session.outcome is not Outcome.STOPPED or len(session.turns) >= EXAM_MIN_REPLIES


def build_report(
    session: Session, rubric: Rubric, focus: frozenset[str] = frozenset()
) -> ReportCard:
    """Summarise a session: scores, best and weakest reply, and what to work on.

    `focus` (the scenario's criteria) keeps the advice on what the scenario trains."""
    turns = session.turns
    criteria = criterion_means(turns, rubric)
    overall = session_overall(turns)
    best = max(turns, key=lambda t: (t.judgement.overall, -t.index)) if turns else None
    weakest = min(turns, key=lambda t: (t.judgement.overall, t.index)) if turns else None
    return ReportCard(
        session_id=session.id,
        scenario_id=session.scenario_id,
        outcome=session.outcome,
        overall=overall,
        passed=enough_replies(session) and overall >= rubric.pass_line,
        criteria=criteria,
        best=best,
        weakest=weakest if weakest is not best else None,
        advice=_advice(criteria, shown_criteria(turns), weakest, rubric, session.lang, focus),
        turns=len(turns),
    )


def _advice(
    criteria: dict[str, float | None],
    shown: frozenset[str],
    weakest: Turn | None,
    rubric: Rubric,
    lang: Lang,
    focus: frozenset[str] = frozenset(),
) -> tuple[str, ...]:
    """Tips for the two weakest criteria the rep has not shown, then the weakest reply's better
    phrasing (unless it adds a move the rep made in another turn).

    A mean is low when a move came once in a long session; advising it again would tell the rep
    to do what they did ("propose a day and time" after they proposed Saturday 11:00). With a
    scenario, only the criteria it trains are advised, as in each reply's tip."""
    criteria = {c: s for c, s in criteria.items() if not focus or c in focus}
    scored = sorted(
        (score, cid)
        for cid, score in criteria.items()
        if score is not None and score < SHOWN and cid not in shown
    )
    tips = [rubric.criterion(cid).tip(lang) for _, cid in scored[:2]]
    if not tips and any(score is not None and score < SHOWN for score in criteria.values()):
        # Every weak mean is a move the rep made at least once: the work is doing it every time.
        # With a scenario, "every skill" would claim skills it does not train (and the card
        # lists them all): say which ones were shown.
        tips.append(i18n.text(lang, "report.all_shown_focus" if focus else "report.all_shown"))
    if (
        weakest is not None
        and weakest.judgement.try_instead
        and weakest.judgement.tip_criterion not in shown
    ):
        tips.append(i18n.text(lang, "report.try_instead_tip", text=weakest.judgement.try_instead))
    return tuple(tips)
