"""How well the offline judge agrees with hand-graded replies.

Run: .venv/bin/python tests/judge_report.py [labelled.jsonl ...]  (e.g. tests/data/blind_round*.jsonl)

Prints the pairwise-ordering accuracy (pairs whose grades differ by 2 or more, higher grade must
score higher), the Spearman correlation between grade and overall, both per language, the
overall range per grade, and the worst-ordered pairs. The tests import the same functions.
"""

from __future__ import annotations

import itertools
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.core.judgement import Judgement, JudgeRequest
from bot.core.offline_judge import OfflineJudge
from bot.core.scenarios import default_scenarios

LABELLED = Path(__file__).resolve().parent / "data" / "labelled_replies.jsonl"


@dataclass(frozen=True)
class Labelled:
    """One hand-graded reply: 0 harmful, 1 weak, 2 decent, 3 excellent."""

    id: str
    lang: str
    scenario: str | None
    customer: str
    reply: str
    grade: int
    why: str


def load_labelled(path: Path = LABELLED) -> list[Labelled]:
    """Read the labelled replies (one JSON object a line)."""
    with path.open(encoding="utf-8") as fh:
        return [Labelled(**json.loads(line)) for line in fh if line.strip()]


def request_for(row: Labelled) -> JudgeRequest:
    """The judge request for a labelled row, with its scenario when it names one."""
    scenario = default_scenarios()[row.scenario] if row.scenario else None
    lang: Literal["sv", "en"] = "sv" if row.lang == "sv" else "en"
    return JudgeRequest(row.customer, row.reply, lang, scenario)


def judge_all(rows: list[Labelled], judge: OfflineJudge | None = None) -> list[Judgement]:
    """Score every row with the offline judge."""
    judge = judge or OfflineJudge()
    return judge.score_many([request_for(row) for row in rows])


def misordered_pairs(grades: list[int], overalls: list[int], min_gap: int = 2) -> tuple[list, int]:
    """Index pairs (better, worse) whose grades differ by >= min_gap but are not ordered; and the count."""
    wrong, total = [], 0
    for i, j in itertools.combinations(range(len(grades)), 2):
        if abs(grades[i] - grades[j]) < min_gap:
            continue
        total += 1
        hi, lo = (i, j) if grades[i] > grades[j] else (j, i)
        if overalls[hi] <= overalls[lo]:
            wrong.append((hi, lo))
    return wrong, total


def pairwise_accuracy(grades: list[int], overalls: list[int], min_gap: int = 2) -> float:
    """Share of pairs with a grade gap >= min_gap that the overall orders correctly (ties count wrong)."""
    wrong, total = misordered_pairs(grades, overalls, min_gap)
    return 1.0 if total == 0 else 1.0 - len(wrong) / total


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2  # ties share the mean rank
        i = j + 1
    return ranks


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman rank correlation (Pearson on tie-averaged ranks)."""
    rx, ry = _ranks(xs), _ranks(ys)
    n = len(rx)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    var = (sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5
    return 0.0 if var == 0 else cov / var


def report(rows: list[Labelled], judgements: list[Judgement]) -> str:
    """A plain-text report of agreement between grades and overall scores."""
    lines = []
    for label, keep in (("all", None), ("sv", "sv"), ("en", "en")):
        idx = [i for i, r in enumerate(rows) if keep is None or r.lang == keep]
        if not idx:
            continue  # a one-language file
        grades = [rows[i].grade for i in idx]
        overalls = [judgements[i].overall for i in idx]
        wrong, total = misordered_pairs(grades, overalls)
        acc = 1.0 if total == 0 else 1 - len(wrong) / total
        rho = spearman([float(g) for g in grades], [float(o) for o in overalls])
        lines.append(
            f"{label:>3}: {len(idx)} replies, pairwise ordering {acc:.1%} "
            f"({total - len(wrong)}/{total} pairs), Spearman {rho:.3f}"
        )
    for grade in range(4):
        scores = sorted(
            j.overall for r, j in zip(rows, judgements, strict=True) if r.grade == grade
        )
        if scores:
            mean = sum(scores) / len(scores)
            lines.append(f"grade {grade}: overall {scores[0]}-{scores[-1]}, mean {mean:.0f}")
    wrong, _ = misordered_pairs([r.grade for r in rows], [j.overall for j in judgements])
    for hi, lo in wrong[:10]:
        lines.append(
            f"misordered: {rows[hi].id} (grade {rows[hi].grade}, {judgements[hi].overall}) <= "
            f"{rows[lo].id} (grade {rows[lo].grade}, {judgements[lo].overall})"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    """Print the report for each labelled file given (default: the shipped one)."""
    judge = OfflineJudge()
    for path in [Path(a) for a in argv] or [LABELLED]:
        rows = load_labelled(path)
        if len(argv) > 1:
            print(f"== {path}")
        print(report(rows, judge_all(rows, judge)))


if __name__ == "__main__":
    main(sys.argv[1:])
