"""The rule-based scores (lexicons and regular expressions), kept as a few input features of the
learned judge and as the source of its guards."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.judgement import JudgeRequest
from bot.core.offline_judge.features import detect
from bot.core.offline_judge.model import Features
from bot.core.offline_judge.scoring import Scored, score_criteria
from bot.core.offline_judge.verdict import guard
from bot.core.rubric import Rubric


@dataclass
class RuleScores:
    """What the rules found and scored for one reply."""

    overall: int
    criteria: dict[str, int | None]
    found: Features
    scored: Scored


def rule_scores(request: JudgeRequest, rubric: Rubric) -> RuleScores:
    """Score a reply with the rules alone (cue-based applicability, caps included)."""
    focus = request.scenario.focus_set if request.scenario else frozenset()
    applicable = set(rubric.applicable(request.customer_line, request.lang, focus))
    found = detect(request.reply, request.customer_line)
    problem = "ownership" in applicable and (
        "ownership" not in focus
        or "ownership" in rubric.applicable(request.customer_line, request.lang, frozenset())
    )
    scored = guard(
        found,
        score_criteria(found, "ownership" in applicable, problem),
        "ownership" in applicable,
        problem,
    )
    criteria: dict[str, int | None] = {
        cid: (scored.scores.get(cid) if cid in applicable else None) for cid in rubric.ids
    }
    base = rubric.weighted_overall(criteria)
    cap = min((limit for _, limit in scored.caps), default=100)
    return RuleScores(max(0, min(100, round(min(base, cap)))), criteria, found, scored)
