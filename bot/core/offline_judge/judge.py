"""The offline judge: learned heads on sentence embeddings, with rules kept only as guards."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.core.judgement import Judgement, JudgeRequest, Signal
from bot.core.offline_judge import feedback, harm
from bot.core.rubric import Rubric, default_rubric

if TYPE_CHECKING:
    from bot.core.semantic.assess import Assessment

#: Good moves, in the order a tip's "keep" names them, and the signal each one raises.
GOOD_MOVES = {
    "dated_step": Signal.DATED_NEXT_STEP,
    "owns": Signal.OWNERSHIP,
    "insight": Signal.INSIGHT,
    "challenges": Signal.CHALLENGE,
    "asks_need": Signal.QUESTION_NEED,
    "step": Signal.NEXT_STEP,
}
_GUARD_SIGNALS = {
    "injection": Signal.INJECTION,
    "stuffing": Signal.STUFFING,
    "filler": Signal.FILLER,
    "off_topic": Signal.OFF_TOPIC,
    "rude": Signal.RUDE,
    "discount": Signal.DISCOUNT,
}
#: A discount the customer reacts to needs the heads to be sure (a "20 %" in an insight).
SURE_LINE = 0.8
MOVE_LINE = 0.5
#: For a harmful move, the criterion it costs and the detector's kind of span that shows it.
BAD_EVIDENCE = {
    Signal.BLAME: ("ownership", "blame"),
    Signal.PASSIVE: ("next_step", "passive"),
    Signal.PRICE_ONLY: ("insight", "price"),
    Signal.DISCOUNT: ("challenge", "discount"),
}


class OfflineJudge:
    """Scores replies by meaning (encoder + learned heads); no network, same answer every time."""

    name = "offline"

    def __init__(self, rubric: Rubric | None = None) -> None:
        self.rubric = rubric or default_rubric()
        self.phrasings = feedback.default_phrasings()
        self.weights = {c.id: c.weight for c in self.rubric.criteria}

    @staticmethod
    def warm_up() -> None:
        """Load the lexicons, the heads and the encoder now (they load on first use otherwise).

        `salescoach chat` shows the customer's first line before paying for this (~0.5 s)."""
        from bot.core.encoder import default_encoder
        from bot.core.offline_judge import features, history, verdict  # noqa: F401
        from bot.core.semantic.heads import default_heads

        default_heads()
        default_encoder().embed(["warm up"], "query")

    async def judge(self, request: JudgeRequest) -> Judgement:
        """Score one reply (the `Judge` protocol); same as `score`, off the event loop.

        Embedding takes milliseconds of CPU (the first call also loads the encoder), which must
        not hold up other reps' updates."""
        return await asyncio.to_thread(self.score, request)

    @staticmethod
    def embeds(request: JudgeRequest) -> tuple[str, ...]:
        """The texts `score` embeds (as queries), so a caller can embed them ahead, batched."""
        from bot.core.semantic.assess import embedded

        return embedded(request)

    def score(self, request: JudgeRequest) -> Judgement:
        """Score one reply: criteria 0-5 (None when not applicable), overall 0-100, tip and signals."""
        return self.score_many([request])[0]

    def score_many(self, requests: Sequence[JudgeRequest]) -> list[Judgement]:
        """Score a batch of replies with one encoder call."""
        from bot.core.encoder import default_encoder
        from bot.core.semantic.assess import assess, embed
        from bot.core.semantic.heads import default_heads

        if not requests:
            return []
        x, customer, found = embed(default_encoder(), requests, self.rubric)
        heads = default_heads()
        moments = heads.predict(x, customer).moment
        done = assess(heads, requests, x, customer, self.weights, found)
        return [self._judgement(r, a, m) for r, a, m in zip(requests, done, moments, strict=True)]

    def _judgement(self, request: JudgeRequest, a: Assessment, moment: str) -> Judgement:
        moment = self.phrasings.situation(request.scenario, moment)
        from bot.core.semantic.assess import MOVE_CEILING
        from bot.core.semantic.evidence import gather

        criteria, overall, carried = self._carry(request, a)
        signals = self._signals(a, criteria, request.reply)
        # Blame the customer hears (said, asked or hinted) is not owning the problem.
        blamed = MOVE_CEILING["blames"][1]
        if Signal.BLAME in signals and (criteria.get("ownership") or 0) > blamed:
            criteria = {**criteria, "ownership": blamed}
        made = tuple(m for m, signal in GOOD_MOVES.items() if signal in signals)
        focus = request.scenario.focus_set if request.scenario else frozenset()
        target = feedback.target_criterion(criteria, frozenset(made), signals, self.rubric, focus)
        # Nothing left to fix: the better phrasing still adds what the reply did not do.
        done = {feedback.MOVE_CRITERION[m] for m in made}
        aim = target or min(
            (c for c, s in criteria.items() if s is not None),
            key=lambda c: (bool(focus) and c not in focus, c in done, criteria[c] or 0),
        )
        bad = {c: kind for signal, (c, kind) in BAD_EVIDENCE.items() if signal in signals}
        return Judgement(
            overall=overall,
            criteria=criteria,
            evidence=gather(
                request.reply,
                criteria,
                a.found,
                a.guarded.quotes,
                bad,
                {feedback.MOVE_CRITERION[m] for m in made},
            ),
            feedback=feedback.tip(
                signals, target, overall, self.rubric, request.lang, self.phrasings
            ),
            try_instead=feedback.try_instead(
                request.reply,
                request.scenario,
                moment,
                aim,
                made,
                request.lang,
                self.phrasings,
                turn=len(request.history),
            ),
            signals=signals,
            engine=self.name,
            tip_criterion=target,
            extra={  # for coaches and debugging; `note` is reserved for what the rep should see
                "capped": f"capped at {a.guarded.cap}: {', '.join(a.guarded.fired)}"
                if a.guarded.fired and a.base > a.guarded.cap
                else None,
                "base": round(a.base, 1),
                "caps": list(a.guarded.fired),
                "carried": carried,
                "moves": {m: round(p, 2) for m, p in a.moves.items()},
                "moment": moment,
            },
        )

    def _carry(
        self, request: JudgeRequest, a: Assessment
    ) -> tuple[dict[str, int | None], int, list[str]]:
        """Criteria an earlier reply showed are not marked down in this one (unless it undoes them)."""
        from bot.core.offline_judge.history import lift, shown_earlier
        from bot.core.offline_judge.scoring import Scored

        if not request.history or a.guarded.trick:
            return a.criteria, a.overall, []
        held = Scored(scores={c: (5 if v is None else v) for c, v in a.criteria.items()})
        carried = lift(a.found, held, shown_earlier(request.history))
        criteria = {c: (None if v is None else held.scores[c]) for c, v in a.criteria.items()}
        before = self.rubric.weighted_overall(a.criteria)
        gain = self.rubric.weighted_overall(criteria) - before
        overall = int(min(100, a.guarded.cap, round(a.overall + max(0.0, gain))))
        return criteria, overall, carried

    def _signals(
        self, a: Assessment, criteria: dict[str, int | None], reply: str
    ) -> frozenset[Signal]:
        from bot.core.offline_judge.scoring import price_only

        s = {_GUARD_SIGNALS[g] for g in a.guarded.fired}
        # A question pinning the fault on a third party is blame where the rep should own a
        # problem, and has not ("Did the printer lose it?"); elsewhere it may be discovery.
        hints = criteria.get("ownership") is not None and "owns" not in a.made
        if a.guarded.fired == ["off_topic"] and harm.blames(
            reply, a.moves["blames"], a.found, hints
        ):
            s = {Signal.BLAME}  # fault pushed elsewhere is on the topic, whatever words it uses
        if a.guarded.trick:
            return frozenset(s)
        m = a.moves
        s |= {GOOD_MOVES[move] for move in a.made}
        if Signal.DATED_NEXT_STEP in s:
            s.add(Signal.NEXT_STEP)
        if Signal.OWNERSHIP in s and criteria.get("ownership") is None:
            s.discard(Signal.OWNERSHIP)
        if a.found.has("empathy") or a.found.has("reflect"):
            s.add(Signal.EMPATHY)
        if m["gives_price"] >= SURE_LINE:  # below it, only the discount guard names a discount
            s.add(Signal.DISCOUNT)
        # The customer takes offence at what it is sure of: a plain question the heads half
        # suspect of sarcasm must not make it bristle; blame is read in `harm`.
        if harm.blames(reply, m["blames"], a.found, hints):
            s.add(Signal.BLAME)
        if m["sarcasm"] >= SURE_LINE:
            s.add(Signal.RUDE)
        asks = Signal.QUESTION_NEED in s
        if harm.waits(reply, m["passive"], MOVE_LINE, asks) and Signal.NEXT_STEP not in s:
            s.add(Signal.PASSIVE)
        if price_only(a.found) and not s & set(GOOD_MOVES.values()):
            s.add(Signal.PRICE_ONLY)
        return frozenset(s)
