"""`calibrate --retrain` and `calibrate --rollback`: the coach's overrides teach the offline judge."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from bot import i18n
from bot.cli.common import resolve_lang
from bot.hygiene import json_text

if TYPE_CHECKING:
    from bot.coaching.retrain import Report
    from bot.core.datafile import Lang


def run_retrain(args: argparse.Namespace, records: Any, cohort: Any) -> int:
    """Refit the judge on the cohort's overrides and print agreement before and after."""
    from bot.coaching.retrain import retrain
    from bot.core.semantic.heads import retrained_path

    report = retrain(records, cohort, retrained_path())
    if args.json:
        print(json_text(report_dict(report), indent=2))
        return 0
    lang = resolve_lang(args.lang)
    print(render_report(report, lang, args.cohort))
    return 0


def run_rollback(args: argparse.Namespace) -> int:
    """Put the judge's previous weights back."""
    from bot.coaching.retrain import rollback
    from bot.core.semantic.heads import retrained_path

    path = retrained_path()
    done = rollback(path)
    print(i18n.text(resolve_lang(args.lang), f"retrain.rolled_back_{done}", path=path))
    return 0


def report_dict(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data."""
    return {
        "trained": report.trained,
        "held_out": report.held,
        "sessions": report.sessions,
        "weights": str(report.path),
        "previous": None if report.previous is None else str(report.previous),
        "before": [a.to_dict() for a in report.before],
        "after": [a.to_dict() for a in report.after],
    }


def render_report(report: Report, lang: Lang, cohort: str) -> str:
    """Agreement per criterion before → after, then what was written and how to undo it."""
    lines = [report_table(report, lang), ""]
    lines.append(i18n.text(lang, "retrain.wrote", path=report.path))
    lines.append(i18n.text(lang, "retrain.undo", cohort=cohort))
    return "\n".join(lines)


def report_table(report: Report, lang: Lang) -> str:
    """What the refit learned from, then agreement per criterion before → after."""
    from bot.core.rubric import default_rubric

    names = {c.id: c.name(lang) for c in default_rubric().criteria}

    def pct(x: float | None) -> str:
        return "-" if x is None else i18n.number(lang, 100 * x, 0) + " %"

    def num(x: float | None) -> str:
        return "-" if x is None else i18n.number(lang, x, 2)

    head = i18n.text(lang, "retrain.head_criterion")
    width = max(len(n) for n in [head, *names.values()]) + 1
    lines = [
        i18n.text(
            lang,
            "retrain.summary",
            trained=report.trained,
            held=report.held,
            sessions=report.sessions,
        ),
        "",
        f"{head:<{width}}{'n':>4}{i18n.text(lang, 'retrain.head_exact'):>16}{'±1':>16}"
        f"{'kappa':>16}",
    ]
    for b, a in zip(report.before, report.after, strict=True):
        if b.n == 0 and a.n == 0:
            continue
        lines.append(
            f"{names.get(b.criterion, b.criterion):<{width}}{a.n:>4}"
            f"{pct(b.exact) + ' → ' + pct(a.exact):>16}"
            f"{pct(b.within_one) + ' → ' + pct(a.within_one):>16}"
            f"{num(b.kappa) + ' → ' + num(a.kappa):>16}"
        )
    return "\n".join(lines)
