"""Plain-text and JSON rendering of turns and report cards for the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot import i18n
from bot.cli.texts import t

if TYPE_CHECKING:
    from bot.core.practice import Practice, TurnResult
    from bot.core.report import ReportCard
    from bot.core.session import Session


def bar(score: float, width: int = 10) -> str:
    """A bar of `width` cells for a 0-100 score."""
    filled = round(max(0.0, min(100.0, score)) / 100 * width)
    return "█" * filled + "░" * (width - filled)


def print_turn(result: TurnResult, session: Session, customer_name: str) -> None:
    """Print the feedback on a reply (practice mode) and the customer's answer."""
    lang = session.lang
    turn = result.turn
    if result.truncated:
        print(f"  {t('truncated', lang)}")
    if session.mode == "practice":
        j = turn.judgement
        print(f"  {t('score', lang)}: {j.overall}/100 {bar(j.overall)}")
        if j.note:
            print(f"  ({j.note})")
        if j.feedback:
            print(f"  💡 {j.feedback}")
        if j.try_instead:
            print(f"  ↪ {t('try_instead', lang)}: {j.try_instead}")
    print(f"\n{customer_name}: {turn.customer_response}\n", flush=True)


def print_report(report: ReportCard, session: Session, practice: Practice) -> None:
    """Print the end-of-session report card."""
    lang = session.lang
    verdict = t("passed", lang) if report.passed else t("failed", lang)
    print(f"— {t('report', lang)} —")
    print(f"{t('outcome', lang)}: {t(report.outcome.value, lang)}")
    print(f"{t('overall', lang)}: {report.overall}/100 {bar(report.overall)} ({verdict})")
    for cid, score in report.criteria.items():
        name = practice.rubric.criterion(cid).name(lang)
        shown = (
            t("na", lang) if score is None else f"{i18n.number(lang, score)}/5 {bar(score * 20, 5)}"
        )
        print(f"  {name:<28} {shown}")
    if report.best:
        print(f"{t('best', lang)}: “{report.best.reply}” ({report.best.judgement.overall})")
    if report.weakest:
        print(
            f"{t('weakest', lang)}: “{report.weakest.reply}” ({report.weakest.judgement.overall})"
        )
    if report.advice:
        print(f"{t('advice', lang)}:")
        for tip in report.advice:
            print(f"  • {tip}")
    print(f"{t('saved', lang)} {session.id}")


def session_json(session: Session, report: ReportCard) -> dict[str, Any]:
    """The `chat --json` object: scenario, outcome, overall, criteria and turns."""
    return {
        "scenario": session.scenario_id,
        "outcome": session.outcome.value,
        "overall": report.overall,
        "criteria": report.criteria,
        "passed": report.passed,
        "session_id": session.id,
        "lang": session.lang,
        "level": session.level,
        "seed": session.seed,  # `chat --seed` with the same replies replays this session
        "turns": [
            {
                "customer": turn.customer_line,
                "reply": turn.reply,
                "overall": turn.judgement.overall,
                "criteria": turn.judgement.criteria,
                "feedback": turn.judgement.feedback,
                "try_instead": turn.judgement.try_instead,
                "tip_criterion": turn.judgement.tip_criterion,
                "customer_response": turn.customer_response,
                "engine": turn.judgement.engine,
            }
            for turn in session.turns
        ],
        "advice": list(report.advice),
    }
