"""How well the offline judge's overall score agrees with hand grades on situations it never saw.

Run: python -m bot.core.judge_eval [--folds 5] [--stack 4]   (needs the dev extra: scikit-learn)

Two protocols, both on the score the product shows (heads, then guards):
- grouped cross-validation over all data: the situations of each test fold are never in training;
- each outside set trained on the other: train on our rounds plus the other outside set.
Prints pair ordering within a situation (gap >= 2, gap = 1), Spearman between grade and score,
and the mean score per grade, per data source and per language.
"""

from __future__ import annotations

import argparse
import sys

import numpy as np

from bot.core.rubric import default_rubric
from bot.core.semantic.assess import CRITERIA_SHARE, assess
from bot.core.semantic.data import Row, load_rows
from bot.core.semantic.metrics import summary
from bot.core.semantic.train import CONFIG, Prepared, fit, prepare, request_for, subset


def _scores(train: Prepared, test: Prepared, share: float) -> list[float]:
    heads = fit(train)
    weights = {c.id: c.weight for c in default_rubric().criteria}
    items = [request_for(r) for r in test.rows]
    scored = assess(heads, items, test.x, test.customer, weights, share=share)
    return [float(a.overall) for a in scored]


def cross_validated(p: Prepared, folds: int, share: float) -> np.ndarray:
    """Out-of-fold overall scores, folds grouped by situation."""
    from sklearn.model_selection import GroupKFold

    scores = np.zeros(len(p.rows))
    groups = [r.situation for r in p.rows]
    for tr, te in GroupKFold(n_splits=folds).split(p.x, groups=groups):
        scores[te] = _scores(subset(p, tr), subset(p, te), share)
    return scores


def _line(name: str, rows: list[Row], scores: list[float]) -> str:
    s = summary([r.grade for r in rows], scores, [r.situation for r in rows])
    means = " ".join(f"{s.get(f'mean{g}', float('nan')):5.1f}" for g in range(4))
    return (
        f"{name:<22} {int(s['n']):>5} {s['gap2']:6.3f} {s['gap1']:6.3f} {s['spearman']:6.3f}   "
        f"{means}"
    )


def table(title: str, rows: list[Row], scores: list[float]) -> str:
    """Figures per source and per language."""
    out = [title, f"{'slice':<22} {'n':>5} {'gap>=2':>6} {'gap=1':>6} {'rho':>6}   means g0-g3"]
    sources = sorted({r.source for r in rows})
    for src in sources:
        for lang in ("all", "sv", "en"):
            idx = [i for i, r in enumerate(rows) if r.source == src and lang in ("all", r.lang)]
            if idx:
                out.append(_line(f"{src}/{lang}", [rows[i] for i in idx], [scores[i] for i in idx]))
    shared = [i for i, r in enumerate(rows) if r.source != "own"]
    if shared and len(sources) > 1:
        out.append(_line("dev1+dev2", [rows[i] for i in shared], [scores[i] for i in shared]))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Print the held-out figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--share", type=float, default=CRITERIA_SHARE, help=argparse.SUPPRESS)
    parser.add_argument(
        "--stack",
        type=float,
        default=None,
        help="strength at which the grade head reads the criterion heads (default: the config's)",
    )
    args = parser.parse_args(argv)
    if args.stack is not None:
        CONFIG["stack_criteria"] = args.stack
    rows = load_rows()
    if not any(r.source != "own" for r in rows):
        print("the outside sets are missing: expected them in ../shared/data", file=sys.stderr)
        return 1
    p = prepare(rows)
    oof = cross_validated(p, args.folds, args.share)
    print(
        table(
            f"Grouped {args.folds}-fold cross-validation (held-out situations)", rows, oof.tolist()
        )
    )
    print()
    for target, other in (("dev1", "dev2"), ("dev2", "dev1")):
        tr = np.asarray([i for i, r in enumerate(rows) if r.source in ("own", other)])
        te = np.asarray([i for i, r in enumerate(rows) if r.source == target])
        scores = _scores(subset(p, tr), subset(p, te), args.share)
        print(table(f"{target} trained on own + {other}", [rows[i] for i in te], scores))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
