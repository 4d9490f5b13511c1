"""How well a move head reads the outside sets' graders, on situations it never saw.

For one move (default: challenges), the head is fitted 5-fold grouped by situation, exactly as
`judge_train` fits it, and scored on the held-out outside replies where the grader scored the
criterion (label: criterion >= 3). Also printed: how many replies where the grader marked the
criterion "does not apply" the head reads as making the move.

Run: .venv/bin/python bench/measure_move_heads.py [--move challenges] [--context 0.3] [--old-labels]
`--context` is the strength at which the head reads the customer's line (train.py `move_context`);
`--old-labels` teaches "does not apply" as "not made", as before the move heads learned moves.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold

from bot.core.semantic.data import load_rows
from bot.core.semantic.labels import move_labels
from bot.core.semantic.train import CONFIG, _logistic, _move_scale, prepare


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--move", default="challenges")
    parser.add_argument("--context", type=float, default=None)
    parser.add_argument("--old-labels", action="store_true")
    args = parser.parse_args()
    context = args.context
    if context is None:
        context = float(CONFIG["move_context"].get(args.move, 1.0))
    rows = load_rows()
    p = prepare(rows)
    labels = np.asarray([move_labels(r)[args.move] for r in rows])
    outside = np.asarray([r.source != "own" for r in rows])
    unlabelled = np.isnan(labels) & outside
    if args.old_labels:
        labels[unlabelled] = 0.0
    graded = np.asarray([not r.moves_only for r in rows])
    CONFIG["move_context"] = {**CONFIG["move_context"], args.move: context}
    scale = _move_scale(p.x.shape[1], args.move)
    oof = np.full(len(rows), np.nan)
    for tr, te in GroupKFold(n_splits=5).split(p.x, groups=[r.situation for r in rows]):
        mu = p.x[tr][graded[tr]].mean(axis=0)
        sd = p.x[tr][graded[tr]].std(axis=0) + 1e-3
        xs = (p.x - mu) / sd * scale
        fit_on = tr[~np.isnan(labels[tr])]
        w, b = _logistic(xs[fit_on], labels[fit_on], float(CONFIG["c_moves"]))
        oof[te] = 1.0 / (1.0 + np.exp(-(xs[te] @ w + b)))
    print(f"{args.move}, customer line at {context:g}, old labels: {args.old_labels}")
    slices = {"outside, both sets": outside}
    for source in ("dev1", "dev2"):
        for lang in ("sv", "en"):
            slices[f"{source}/{lang}"] = np.asarray(
                [r.source == source and r.lang == lang for r in rows]
            )
    for name, where in slices.items():
        scored = where & ~unlabelled & ~np.isnan(labels)
        y, made = labels[scored], oof[scored] >= 0.5
        print(
            f"  {name:18} n={int(scored.sum()):3}  AUC {roc_auc_score(y, oof[scored]):.3f}"
            f"  accuracy {np.mean(made == y):.3f}  precision {np.mean(y[made] == 1):.3f}"
            f"  recall {np.mean(made[y == 1]):.3f}"
        )
    print(f"  'does not apply' read as made: {np.mean(oof[unlabelled] >= 0.5):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
