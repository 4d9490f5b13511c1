"""Agreement between scores and hand grades: pair ordering, Spearman, mean score per grade."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np


def pair_ordering(
    grades: Sequence[int], scores: Sequence[float], groups: Sequence[str], gap: int
) -> tuple[float, int]:
    """Share of same-situation pairs `gap` grades apart (or more when gap >= 2) ordered right.

    A tie counts as half right. Returns (share, number of pairs)."""
    by_group: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        by_group[g].append(i)
    right = total = 0.0
    for idx in by_group.values():
        for a in idx:
            for b in idx:
                d = grades[a] - grades[b]
                if d <= 0 or (d != gap if gap < 2 else d < gap):
                    continue
                total += 1
                right += 1.0 if scores[a] > scores[b] else 0.5 if scores[a] == scores[b] else 0.0
    return (right / total if total else float("nan")), int(total)


def _ranks(values: Sequence[float]) -> np.ndarray:
    arr = np.asarray(values, dtype=float)
    order = arr.argsort(kind="mergesort")
    ranks = np.empty(len(arr))
    ranks[order] = np.arange(len(arr))
    for v in np.unique(arr):  # average ranks of ties
        mask = arr == v
        ranks[mask] = ranks[mask].mean()
    return ranks


def spearman(a: Sequence[float], b: Sequence[float]) -> float:
    """Spearman's rank correlation (ties get average ranks)."""
    if len(a) < 2:
        return float("nan")
    ra, rb = _ranks(a), _ranks(b)
    if ra.std() == 0 or rb.std() == 0:
        return float("nan")
    return float(np.corrcoef(ra, rb)[0, 1])


def grade_means(grades: Sequence[int], scores: Sequence[float]) -> dict[int, float]:
    """Mean score per grade."""
    out: dict[int, list[float]] = defaultdict(list)
    for g, s in zip(grades, scores, strict=True):
        out[g].append(s)
    return {g: float(np.mean(v)) for g, v in sorted(out.items())}


def summary(
    grades: Sequence[int], scores: Sequence[float], groups: Sequence[str]
) -> dict[str, float]:
    """Every figure for one slice of the data."""
    g2, _n2 = pair_ordering(grades, scores, groups, 2)
    g1, _n1 = pair_ordering(grades, scores, groups, 1)
    means = grade_means(grades, scores)
    out = {"n": float(len(grades)), "gap2": g2, "gap1": g1, "spearman": spearman(grades, scores)}
    out.update({f"mean{g}": m for g, m in means.items()})
    return out
