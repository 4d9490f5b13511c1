"""Fit the heads with scikit-learn (a dev dependency): used by `judge_train` and `judge_eval` only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from bot.core.judgement import JudgeRequest
from bot.core.offline_judge.legacy import rule_scores
from bot.core.rubric import default_rubric
from bot.core.scenarios import default_scenarios
from bot.core.semantic import features
from bot.core.semantic.assess import folded
from bot.core.semantic.data import Row
from bot.core.semantic.embed_cache import embed_cached
from bot.core.semantic.features import DIM
from bot.core.semantic.heads import APPLICABILITY, MOVES, STACK_WIDTH, Heads, fold_text
from bot.core.semantic.labels import move_labels
from bot.core.semantic.stacking import fit_criteria, stack_out_of_fold

#: Everything that shapes the weights besides the data; hashed with the data files.
CONFIG: dict[str, Any] = {
    "version": 6,  # bump when the training code changes what the weights mean
    # The overall is the expected value of these over the grade probabilities; grade 0 sits
    # below zero so that harm pulls hard (the result is clipped to 0-100). Grades 1 and 2 sit
    # 25 apart (at 30/45 a grade-2 reply scored like a grade-1 one too often); grade 0 at -10,
    # not -20, so that one plain reply the heads half read as harmful does not end a session.
    "anchors": [-10.0, 25.0, 50.0, 85.0],
    "c_grade": 0.01,
    "alpha_criteria": 300.0,
    "c_moves": 0.3,
    "c_applies": 1.0,
    # Our own rounds reuse 13 scenarios and our own style: weighted low, they help most as a
    # small prior (held-out figures: 0.1 beats 0.0, 0.3, 0.6 and 1.0).
    "own_weight": 0.1,
    # The grade classifier reads the customer's line and its interaction with the reply at half
    # strength: what the reply does matters more than which moment it answers, and the moment's
    # 768 columns otherwise crowd out the few that count questions and the rules' findings.
    "grade_scale": {"customer": 0.5, "interaction": 0.5},
    # The grade classifier can also read the criterion heads' scores (and the best of them),
    # fitted without the rows' own situations (inner folds), at this strength: the outside sets'
    # criterion grades teach what a 3 needs (one criterion at 4-5). At 4.0 it meets the held-out
    # targets (README), but warms the customer enough that a rep who only asks good questions wins
    # 7 of 13 sessions at level 3 (the customer tests allow 6): off until the customer is retuned.
    "stack_criteria": 5.0,
    # A move head reads the customer's line (and its product with the reply) at this strength:
    # whether a reply challenges or proposes is in the reply, and at full strength the heads
    # learned the moment (nobody challenges after a customer tells a fact; "are you ok now?" after
    # "yes, that's exactly it" read as a step). Held out on the outside sets these three read the
    # graders as well or better at 0.3 (bench/measure_move_heads.py); asking, insight and owning
    # read them worse, so they keep the whole line.
    "move_context": {"challenges": 0.3, "step": 0.3, "dated_step": 0.3},
    "stack_folds": 5,
}


@dataclass
class Prepared:
    """Feature rows for a list of labelled rows."""

    rows: list[Row]
    x: np.ndarray
    customer: np.ndarray


def request_for(r: Row) -> JudgeRequest:
    """The judge request for a labelled row (with its scenario for our own rounds)."""
    scenarios = default_scenarios()
    scenario = scenarios.get(r.situation.removeprefix("own:")) if r.source == "own" else None
    return JudgeRequest(r.customer, r.reply, "sv" if r.lang == "sv" else "en", scenario)


def prepare(rows: list[Row]) -> Prepared:
    """Embed replies and customer lines (through the file cache) and build feature rows."""
    replies = [fold_text(r.reply) for r in rows]
    customers = [fold_text(r.customer) for r in rows]
    rv = embed_cached(replies, "query")
    cv = embed_cached(customers, "query")
    rubric = default_rubric()
    ruled = []
    for r in rows:
        legacy = rule_scores(folded(request_for(r)), rubric)
        ruled.append(features.rules(legacy.overall, legacy.criteria, legacy.found))
    return Prepared(rows, features.rows(rv, cv, replies, ruled), cv)


def subset(p: Prepared, idx: np.ndarray) -> Prepared:
    """The prepared rows at `idx`."""
    return Prepared([p.rows[i] for i in idx], p.x[idx], p.customer[idx])


def _logistic(x: np.ndarray, y: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    if len(set(y.tolist())) < 2:  # one class only: a constant head
        return np.zeros(x.shape[1], dtype=np.float32), 8.0 if y[0] else -8.0
    model = LogisticRegression(C=c, max_iter=2000, random_state=0).fit(x, y)
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])


def _moments(p: Prepared) -> tuple[list[str], np.ndarray]:
    """Centroids of our scenarios' customer lines, one per kind of moment the phrasings know."""
    from bot.core.offline_judge.feedback import default_phrasings

    by_scenario = default_phrasings().scenario_situation
    vecs: dict[str, dict[str, np.ndarray]] = {}
    for r, v in zip(p.rows, p.customer, strict=True):
        moment = by_scenario.get(r.situation.removeprefix("own:"))
        if r.source == "own" and moment:
            vecs.setdefault(moment, {})[r.customer] = v
    ids = sorted(vecs)
    if not ids:
        return ["generic"], np.zeros((1, p.customer.shape[1]), dtype=np.float32)
    c = np.stack([np.mean(list(vecs[m].values()), axis=0) for m in ids])
    c /= np.linalg.norm(c, axis=1, keepdims=True)
    return ids, c.astype(np.float32)


def _grade_scale(width: int) -> np.ndarray:
    """Per-column factors on the standardised row for the grade classifier (folded into its
    weights, so the heads apply them for free)."""
    scale = np.ones(width)
    blocks = {"customer": slice(DIM, 2 * DIM), "interaction": slice(2 * DIM, 3 * DIM)}
    for name, factor in CONFIG["grade_scale"].items():
        scale[blocks[name]] = float(factor)
    return scale


def _move_scale(width: int, move: str) -> np.ndarray:
    """Per-column factors for one move head: its customer-line blocks at `move_context`."""
    scale = np.ones(width)
    scale[DIM : 3 * DIM] = float(CONFIG["move_context"].get(move, 1.0))
    return scale


def fit(p: Prepared) -> Heads:
    """Fit every head on the prepared rows."""
    graded = np.asarray([not r.moves_only for r in p.rows])
    mu = p.x[graded].mean(axis=0)
    sd = p.x[graded].std(axis=0) + 1e-3
    xs = (p.x - mu) / sd
    grades = np.asarray([r.grade for r in p.rows])
    w = np.asarray([float(CONFIG["own_weight"]) if r.source == "own" else 1.0 for r in p.rows])
    scale = _grade_scale(xs.shape[1])
    strength = float(CONFIG["stack_criteria"])
    at = np.flatnonzero(graded)
    stack = np.zeros((len(at), STACK_WIDTH))
    if strength:
        stack = stack_out_of_fold(xs[at], [p.rows[i] for i in at], CONFIG) * strength
    grader = LogisticRegression(C=float(CONFIG["c_grade"]), max_iter=3000, random_state=0)
    grader.fit(np.hstack([xs[at] * scale, stack]), grades[at], sample_weight=w[at])
    crit_w, crit_b = fit_criteria(xs, p.rows, np.arange(len(p.rows)), CONFIG)

    move_w = np.zeros((len(MOVES), xs.shape[1]), dtype=np.float32)
    move_b = np.zeros(len(MOVES), dtype=np.float32)
    labels = [move_labels(r) for r in p.rows]
    for i, move in enumerate(MOVES):
        idx = [k for k, lab in enumerate(labels) if not np.isnan(lab[move])]
        target = np.asarray([labels[k][move] for k in idx])
        move_scale = _move_scale(xs.shape[1], move)
        w_move, move_b[i] = _logistic(xs[idx] * move_scale, target, float(CONFIG["c_moves"]))
        move_w[i] = w_move * move_scale

    # Applicability belongs to the moment (the customer's line), so it reads only that line:
    # the outside sets' null patterns, and our scenarios' lines labelled by scenario focus and
    # the rubric's cues (the head learns the moment, not the substrings).
    rubric = default_rubric()
    seen: dict[str, int] = {}
    for k, r in enumerate(p.rows):
        seen.setdefault(r.situation if r.criteria is not None else f"{r.situation}|{r.customer}", k)
    rows_at = sorted(seen.values())
    cust = p.customer[rows_at]

    def applies(k: int, cid: str) -> float:
        r = p.rows[k]
        if r.criteria is not None:
            return 1.0 if r.criteria[cid] is not None else 0.0
        request = request_for(r)
        focus = request.scenario.focus_set if request.scenario else frozenset()
        return 1.0 if cid in rubric.applicable(r.customer, request.lang, focus) else 0.0

    app_w = np.zeros((len(APPLICABILITY), cust.shape[1]), dtype=np.float32)
    app_b = np.zeros(len(APPLICABILITY), dtype=np.float32)
    for i, cid in enumerate(APPLICABILITY):
        target = np.asarray([applies(k, cid) for k in rows_at])
        app_w[i], app_b[i] = _logistic(cust * 10.0, target, float(CONFIG["c_applies"]))
    app_w *= 10.0

    moment_ids, moment_c = _moments(p)
    return Heads(
        mu=mu.astype(np.float32),
        sd=sd.astype(np.float32),
        grade_w=(grader.coef_[:, : xs.shape[1]] * scale).astype(np.float32),
        grade_cw=(grader.coef_[:, xs.shape[1] :] * strength).astype(np.float32),
        grade_b=grader.intercept_.astype(np.float32),
        anchors=np.asarray(CONFIG["anchors"], dtype=np.float32),
        crit_w=crit_w,
        crit_b=crit_b,
        move_w=move_w,
        move_b=move_b,
        app_w=app_w,
        app_b=app_b,
        moment_c=moment_c,
        moment_ids=np.asarray(moment_ids),
        fingerprint="",
    )
