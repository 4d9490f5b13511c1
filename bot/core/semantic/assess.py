"""From embeddings to scores: the heads' numbers, the moment's applicable criteria, the guards."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from bot.core.encoder import Encoder
from bot.core.judgement import JudgeRequest
from bot.core.offline_judge.features import detect
from bot.core.offline_judge.legacy import rule_scores
from bot.core.offline_judge.model import Features
from bot.core.rubric import Rubric
from bot.core.semantic import features, guards
from bot.core.semantic.heads import APPLICABILITY, CRITERIA, MOVES, Heads, fold_text
from bot.core.semantic.questions import only_checks, only_closed

#: Criteria the outside graders never mark "does not apply"; the others depend on the moment.
ALWAYS = tuple(c for c in CRITERIA if c not in APPLICABILITY)
MOVE_LINE = 0.5
#: Below MOVE_LINE a move still counts when the rules found it too, from RULED_LINE up.
RULED_LINE = 0.2
#: The rule detector's kinds of span that show each good move (dated steps: its `dated` flag).
RULE_MOVES = {
    "asks_need": ("need", "need_weak"),
    "challenges": ("challenge",),
    "insight": ("evidence", "value", "idea"),
    "owns": ("own", "own_act"),
    "step": ("step",),
    "dated_step": (),
}
SURE = 0.8
MOVE_FLOOR = {
    "asks_need": ("discover_need", 3),
    "challenges": ("challenge", 3),
    "insight": ("insight", 3),
    "owns": ("ownership", 3),
    "step": ("next_step", 3),
    "dated_step": ("next_step", 5),
}
#: A harmful move caps its criterion, as the outside graders do (blame, sarcasm, caving).
MOVE_CEILING = {
    "blames": ("ownership", 2),
    "sarcasm": ("respect", 2),
    "gives_price": ("challenge", 1),
}
#: Share of the overall taken from the weighted criterion scores (the rest: the overall head).
CRITERIA_SHARE = 0.0


@dataclass
class Assessment:
    """The learned judge's view of one reply, guards applied."""

    overall: int
    base: float
    criteria: dict[str, int | None]
    raw: dict[str, float]  # unrounded 0-5 per criterion, before guards
    moves: dict[str, float]
    made: frozenset[str]  # good moves the reply made
    guarded: guards.Guarded
    found: Features


def folded(request: JudgeRequest) -> JudgeRequest:
    """The request with å/ä/ö folded, so the rules see what the heads see."""
    return replace(
        request, customer_line=fold_text(request.customer_line), reply=fold_text(request.reply)
    )


def embedded(request: JudgeRequest) -> tuple[str, str]:
    """The texts `embed` gives the encoder for a request (as queries): reply, customer line."""
    return fold_text(request.reply), fold_text(request.customer_line)


def embed(
    encoder: Encoder, items: Sequence[JudgeRequest], rubric: Rubric
) -> tuple[np.ndarray, np.ndarray, list[Features]]:
    """Feature rows, customer embeddings and rule findings for a batch.

    Customer lines repeat (scenario lines), so they mostly hit the encoder's cache."""
    rv = encoder.embed([embedded(i)[0] for i in items], "query")
    cv = encoder.embed([embedded(i)[1] for i in items], "query")
    legacy = [rule_scores(folded(i), rubric) for i in items]
    ruled = [features.rules(r.overall, r.criteria, r.found) for r in legacy]
    x = features.rows(rv, cv, [fold_text(i.reply) for i in items], ruled)
    return x, cv, [r.found for r in legacy]


def made_moves(moves: dict[str, float], found: Features, reply: str = "") -> frozenset[str]:
    """Good moves made: the heads say so, or the rules found it and the heads half agree.

    A reply whose only questions check for the customer's questions ("Any questions?") neither
    asks about the need nor challenges anything, however much it reads like a question."""
    out = set()
    checks = only_checks(reply)
    closed = only_closed(reply)
    for move, kinds in RULE_MOVES.items():
        if checks and move in ("asks_need", "challenges"):
            continue
        # Only yes/no questions ("Shall we meet on Tuesday at 10?") ask about the need only
        # when the heads are sure ("Is it for the trade fair?"); an open question is the norm.
        if closed and move == "asks_need" and moves[move] < SURE:
            continue
        ruled = found.dated if move == "dated_step" else any(found.has(k) for k in kinds)
        if moves[move] >= MOVE_LINE or (ruled and moves[move] >= RULED_LINE):
            out.add(move)
    return frozenset(out)


def _weighted(scores: dict[str, float | None], weights: dict[str, float]) -> float:
    total = weight = 0.0
    for cid, s in scores.items():
        if s is not None:
            total += weights[cid] * s
            weight += weights[cid]
    return 0.0 if weight == 0 else 100.0 * total / (5.0 * weight)


def _guard_criteria(scores: dict[str, int], fired: list[str]) -> dict[str, int]:
    if "injection" in fired:
        return dict.fromkeys(scores, 0)
    if "filler" in fired:
        return {c: (2 if c == "respect" else 0) for c in scores}
    if "stuffing" in fired:
        scores = {c: min(s, 1) for c, s in scores.items()}
    if "off_topic" in fired:
        scores = {c: (2 if c == "respect" else min(s, 1)) for c, s in scores.items()}
    if "rude" in fired:
        scores = {**scores, "respect": 0, "challenge": min(scores["challenge"], 1)}
    if "discount" in fired:
        scores = {**scores, "challenge": min(scores["challenge"], 1)}
    return scores


def assess(
    heads: Heads,
    items: Sequence[JudgeRequest],
    x: np.ndarray,
    customer: np.ndarray,
    weights: dict[str, float],
    found: Sequence[Features] | None = None,
    share: float = CRITERIA_SHARE,
) -> list[Assessment]:
    """Score a batch whose feature rows and customer embeddings are already computed."""
    pred = heads.predict(x, customer)
    out = []
    for k, item in enumerate(items):
        focus = item.scenario.focus_set if item.scenario else frozenset()
        moves = {m: float(pred.moves[k, i]) for i, m in enumerate(MOVES)}
        applies = set(ALWAYS) | {
            c for i, c in enumerate(APPLICABILITY) if pred.applies[k, i] >= 0.5 or c in focus
        }
        raw = {c: float(pred.criteria[k, i]) for i, c in enumerate(CRITERIA)}
        seen = found[k] if found is not None else detect(item.reply, item.customer_line)
        made = made_moves(moves, seen, item.reply)
        # A move the reply clearly made sets a floor under its criterion: the move heads are
        # classifiers and sharper than the criterion regressions, and the two must agree.
        for move, (cid, level) in MOVE_FLOOR.items():
            if move in made:
                # A move the heads are sure of is done well.
                sure = 1.0 if moves[move] >= SURE and level < 5 else 0.0
                raw[cid] = max(raw[cid], float(level) + sure)
        for move, (cid, level) in MOVE_CEILING.items():
            if moves[move] >= MOVE_LINE:
                raw[cid] = min(raw[cid], float(level))
        guarded = guards.check(seen, moves["gives_price"], item.reply)
        rounded = _guard_criteria({c: round(v) for c, v in raw.items()}, guarded.fired)
        criteria: dict[str, int | None] = {
            c: (rounded[c] if c in applies else None) for c in CRITERIA
        }
        learned = float(pred.overall[k])
        blended = (1 - share) * learned + share * _weighted(
            {c: (raw[c] if c in applies else None) for c in CRITERIA}, weights
        )
        overall = round(max(0.0, min(blended, float(guarded.cap))))
        out.append(Assessment(overall, blended, criteria, raw, moves, made, guarded, seen))
    return out
