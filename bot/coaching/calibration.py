"""Judge calibration: how well the machine's criterion scores agree with the coach's overrides."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.coaching.cohorts import Cohort, members
from bot.coaching.overview import finished, member_sessions
from bot.coaching.records import Records
from bot.coaching.reviews import labels, reviews_of
from bot.core.rubric import Rubric, default_rubric
from bot.i18n import Message

#: Criterion scores run 0..5, so kappa is computed over six ordered categories.
CATEGORIES = 6
#: Fewer labels than this on a criterion say too little to rank it (shown, with a warning).
MIN_LABELS = 5


@dataclass(frozen=True)
class Agreement:
    """Judge-vs-coach agreement on one criterion."""

    criterion: str
    n: int
    exact: float | None  # share of pairs with the same score
    within_one: float | None  # share of pairs at most one point apart
    kappa: float | None  # quadratic-weighted Cohen's kappa; None when undefined
    bias: float | None  # mean (judge - coach): > 0 means the judge scores too high
    mean_abs: float | None  # mean |judge - coach|: how far off the judge is on average

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with figures rounded to three decimals."""

        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 3)

        return {
            "criterion": self.criterion,
            "n": self.n,
            "exact": r(self.exact),
            "within_one": r(self.within_one),
            "kappa": r(self.kappa),
            "bias": r(self.bias),
            "mean_abs": r(self.mean_abs),
        }


def weighted_kappa(pairs: Sequence[tuple[int, int]], categories: int = CATEGORIES) -> float | None:
    """Quadratic-weighted Cohen's kappa of (rater A, rater B) pairs on 0..categories-1.

    kappa = 1 - sum(w * observed) / sum(w * expected), w_ij = (i - j)^2 / (k - 1)^2, with the
    expected table from the two raters' marginals. None when the expected disagreement is zero
    (e.g. both raters always gave the same single score), where kappa is undefined.
    """
    n = len(pairs)
    if n == 0:
        return None
    k = categories
    rows = [0] * k
    cols = [0] * k
    observed = 0.0
    for a, b in pairs:
        rows[a] += 1
        cols[b] += 1
        observed += (a - b) ** 2
    expected = sum(rows[i] * cols[j] * (i - j) ** 2 for i in range(k) for j in range(k)) / n
    if expected == 0:
        return None
    # The (k - 1)^2 normalisation cancels in the ratio.
    return 1.0 - observed / expected


def agreement(criterion: str, pairs: Sequence[tuple[int, int]]) -> Agreement:
    """Exact agreement, within-one, weighted kappa and bias for (judge, coach) pairs."""
    n = len(pairs)
    if n == 0:
        return Agreement(criterion, 0, None, None, None, None, None)
    exact = sum(a == b for a, b in pairs) / n
    within = sum(abs(a - b) <= 1 for a, b in pairs) / n
    bias = sum(a - b for a, b in pairs) / n
    mean_abs = sum(abs(a - b) for a, b in pairs) / n
    return Agreement(criterion, n, exact, within, weighted_kappa(pairs), bias, mean_abs)


def calibrate(pairs: Iterable[tuple[str, int, int]], criteria: Sequence[str]) -> list[Agreement]:
    """Agreement per criterion (rubric order) from (criterion, judge, coach) labels."""
    by_criterion: dict[str, list[tuple[int, int]]] = {c: [] for c in criteria}
    for criterion, judge, coach in pairs:
        if criterion in by_criterion:
            by_criterion[criterion].append((judge, coach))
    return [agreement(c, by_criterion[c]) for c in criteria]


def worst_first(results: Iterable[Agreement]) -> list[Agreement]:
    """Criteria the judge gets wrong, most first (largest mean |difference|).

    Only criteria with at least MIN_LABELS labels and some disagreement are ranked: a criterion
    in full agreement (kappa 1.00) is never "disagrees most", and a handful of labels says too
    little to rank. Ties go to the lower kappa (an undefined kappa counts as perfect), then id.
    """
    judged = [r for r in results if r.n >= MIN_LABELS and (r.mean_abs or 0.0) > 0]
    return sorted(
        judged,
        key=lambda r: (-(r.mean_abs or 0.0), r.kappa if r.kappa is not None else 1.0, r.criterion),
    )


def verdict(results: Sequence[Agreement], names: Mapping[str, str]) -> list[Message]:
    """What the figures say, for people: where the judge disagrees most (or that it agrees),
    and which criteria have too few labels to judge; `names` maps criterion ids to names."""

    def listed(rows: Iterable[Agreement]) -> str:
        return ", ".join(names.get(r.criterion, r.criterion) for r in rows)

    labelled = [r for r in results if r.n > 0]
    if not labelled:
        return [Message("flow.calibration_no_labels")]
    said: list[Message] = []
    enough = [r for r in labelled if r.n >= MIN_LABELS]
    worst = worst_first(results)
    if worst:
        said.append(Message("flow.calibration_worst", {"criteria": listed(worst[:3])}))
    elif enough:
        said.append(Message("flow.calibration_agrees", {"criteria": listed(enough)}))
    few = [r for r in labelled if r.n < MIN_LABELS]
    if few:
        said.append(
            Message("flow.calibration_too_few", {"criteria": listed(few), "min": MIN_LABELS})
        )
    return said


def cohort_labels(records: Records, cohort: Cohort) -> list[tuple[str, int, int]]:
    """(criterion, judge, coach) labels from the cohort coach's reviews of members' sessions."""
    pairs: list[tuple[str, int, int]] = []
    for member in members(records, cohort.id):
        for session in finished(member_sessions(records, member)):
            mine = [r for r in reviews_of(records, session.id) if r.coach_id == cohort.coach_id]
            if mine:
                pairs.extend(labels(session, mine))
    return pairs


def cohort_calibration(
    records: Records, cohort: Cohort, rubric: Rubric | None = None
) -> list[Agreement]:
    """Judge-vs-coach agreement per criterion over a cohort (callers check access first)."""
    rubric = rubric or default_rubric()
    return calibrate(cohort_labels(records, cohort), rubric.ids)
