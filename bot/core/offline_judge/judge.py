"""The offline judge: deterministic, rule-based scoring of a rep's reply, in Swedish and English."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.judgement import Evidence, Judgement, JudgeRequest
from bot.core.offline_judge import feedback
from bot.core.rubric import Rubric, default_rubric

if TYPE_CHECKING:
    from bot.core.offline_judge.scoring import Effect

_MAX_EVIDENCE = 8


class OfflineJudge:
    """Scores replies with bilingual phrase lexicons; no network, same answer every time."""

    name = "offline"

    def __init__(self, rubric: Rubric | None = None) -> None:
        self.rubric = rubric or default_rubric()
        self.phrasings = feedback.default_phrasings()

    @staticmethod
    def warm_up() -> None:
        """Import and compile the lexicons now (they load on first use otherwise).

        Compiling the patterns takes ~0.3 s (see `buckets`), so `salescoach chat` shows the customer's first
        line before paying for it.
        """
        from bot.core.offline_judge import features, history, scoring, verdict  # noqa: F401

    async def judge(self, request: JudgeRequest) -> Judgement:
        """Score one reply (the `Judge` protocol); same as `score`."""
        return self.score(request)

    def score(self, request: JudgeRequest) -> Judgement:
        """Score one reply: criteria 0-5 (None when not applicable), overall 0-100, tip and signals."""
        # Imported here, not at module level: see warm_up.
        from bot.core.offline_judge.features import detect
        from bot.core.offline_judge.history import lift, shown_earlier
        from bot.core.offline_judge.scoring import score_criteria
        from bot.core.offline_judge.verdict import guard

        focus = request.scenario.focus_set if request.scenario else frozenset()
        applicable = set(self.rubric.applicable(request.customer_line, request.lang, focus))
        found = detect(request.reply, request.customer_line)
        problem = self._raises_problem(request, applicable, focus)
        scored = score_criteria(found, "ownership" in applicable, problem)
        carried = lift(found, scored, shown_earlier(request.history)) if request.history else []
        scored = guard(found, scored, "ownership" in applicable, problem)

        criteria: dict[str, int | None] = {
            cid: (scored.scores.get(cid) if cid in applicable else None) for cid in self.rubric.ids
        }
        base = self.rubric.weighted_overall(criteria)
        cap = min((limit for _, limit in scored.caps), default=100)
        overall = max(0, min(100, round(min(base, cap))))
        signals = frozenset(scored.signals)

        target = feedback.target_criterion(criteria, signals, self.rubric, focus)
        binding = [why for why, limit in scored.caps if limit == cap and base > cap]
        return Judgement(
            overall=overall,
            criteria=criteria,
            evidence=self._evidence(scored.evidence, applicable),
            feedback=feedback.tip(
                signals, target, overall, self.rubric, request.lang, self.phrasings
            ),
            try_instead=feedback.try_instead(
                request.customer_line, request.scenario, target, request.lang, self.phrasings
            ),
            signals=signals,
            engine=self.name,
            extra={  # for coaches and debugging; `note` is reserved for what the rep should see
                "capped": f"capped at {cap}: {', '.join(binding)}" if binding else None,
                "base": round(base, 1),
                "caps": [why for why, _ in scored.caps],
                "carried": [c for c in carried if c in applicable],
            },
        )

    def _raises_problem(
        self, request: JudgeRequest, applicable: set[str], focus: frozenset[str]
    ) -> bool:
        """True when the customer's line itself raises a problem to own (not just the scenario focus)."""
        if "ownership" not in applicable:
            return False
        if "ownership" not in focus:
            return True
        return "ownership" in self.rubric.applicable(
            request.customer_line, request.lang, frozenset()
        )

    def _evidence(
        self, items: list[tuple[str, str, Effect]], applicable: set[str]
    ) -> tuple[Evidence, ...]:
        """Evidence for applicable criteria; a lost point on an inapplicable one moves to respect."""
        seen: set[tuple[str, str]] = set()
        result = []
        for criterion, quote, effect in items:
            if criterion not in applicable:
                if effect == "+":
                    continue
                criterion = (
                    "respect" if "respect" in applicable else next(iter(sorted(applicable)), "")
                )
            if not criterion or (criterion, quote) in seen:
                continue
            seen.add((criterion, quote))
            result.append(Evidence(criterion, quote, effect))
        return tuple(result[:_MAX_EVIDENCE])
