"""The grade head reads the criterion heads: fit those per criterion, and score every training
row with heads that never saw its situation (scikit-learn; training only)."""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.linear_model import Ridge
from sklearn.model_selection import GroupKFold

from bot.core.semantic.data import CRITERIA, Row
from bot.core.semantic.heads import criteria_stack


def _ridge(x: np.ndarray, y: np.ndarray, w: np.ndarray, alpha: float) -> tuple[np.ndarray, float]:
    model = Ridge(alpha=alpha, random_state=0).fit(x, y, sample_weight=w)
    return model.coef_.astype(np.float32), float(model.intercept_)


def fit_criteria(
    xs: np.ndarray, rows: list[Row], at: np.ndarray, config: dict[str, Any]
) -> tuple[np.ndarray, np.ndarray]:
    """One ridge per criterion on the rows at `at` that carry that criterion's grade."""
    w = np.zeros((len(CRITERIA), xs.shape[1]), dtype=np.float32)
    b = np.zeros(len(CRITERIA), dtype=np.float32)
    for i, cid in enumerate(CRITERIA):
        idx = [k for k in at if rows[k].criteria and rows[k].criteria.get(cid) is not None]
        if idx:
            target = np.asarray([float(rows[k].criteria[cid]) for k in idx])
            w[i], b[i] = _ridge(xs[idx], target, np.ones(len(idx)), float(config["alpha_criteria"]))
    return w, b


def stack_out_of_fold(xs: np.ndarray, rows: list[Row], config: dict[str, Any]) -> np.ndarray:
    """The criterion heads' scores for every row, each from heads that never saw its situation
    (so the grade head learns how far to trust them on replies they did not fit)."""
    groups = [r.situation for r in rows]
    raw = np.zeros((len(rows), len(CRITERIA)), dtype=np.float32)
    folds = min(int(config["stack_folds"]), len(set(groups)))
    if folds < 2:
        return criteria_stack(raw)
    for tr, te in GroupKFold(n_splits=folds).split(xs, groups=groups):
        w, b = fit_criteria(xs, rows, tr, config)
        raw[te] = xs[te] @ w.T + b
    return criteria_stack(raw)
