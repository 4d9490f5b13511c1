"""A session as a standalone HTML page (dialogue, scores, feedback, report card) or plain text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from bot import i18n, paths
from bot.core.report import ReportCard, build_report
from bot.core.rubric import Rubric
from bot.core.scenarios import default_scenarios
from bot.core.session import Session

TEMPLATES = paths.TEMPLATES_DIR

#: The page's labels: `report.<key>` in the catalogue.
LABEL_KEYS = (
    "title",
    "level",
    "customer",
    "you",
    "score",
    "try_instead",
    "report",
    "overall",
    "passed",
    "failed",
    "best",
    "weakest",
    "advice",
    "coach",
    "coach_score",
    "confirmed",
    "na",
    "no_turns",
    "won",
    "meeting_booked",
    "lost",
    "stopped",
    "ongoing",
    "practice",
    "exam",
)


@cache
def _environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # replies are typed by reps: never trust them as HTML
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def transcript_context(
    session: Session,
    rubric: Rubric,
    report: ReportCard | None = None,
    reviews: Sequence[Mapping[str, Any]] = (),
    title: str | None = None,
    customer: str | None = None,
) -> dict[str, Any]:
    """Plain values for the template: the page shows these and computes nothing itself."""
    lang = session.lang
    if report is None:  # the advice stays on what the scenario trains, as in the chat
        scenario = default_scenarios().get(session.scenario_id)
        report = build_report(session, rubric, scenario.focus_set if scenario else frozenset())
    names = {c.id: c.name(lang) for c in rubric.criteria}
    by_turn: dict[int | None, list[dict[str, Any]]] = {}
    for review in reviews:
        by_turn.setdefault(review.get("turn"), []).append(_review(review, names))
    turns = [
        {
            "number": t.index + 1,
            "customer_line": t.customer_line,
            "reply": t.reply,
            "customer_response": t.customer_response,
            "overall": t.judgement.overall,
            "passed": t.judgement.overall >= rubric.pass_line,
            "criteria": [
                (names.get(c, c), s) for c, s in t.judgement.criteria.items() if s is not None
            ],
            "feedback": t.judgement.feedback,
            "try_instead": t.judgement.try_instead,
            "evidence": [
                (e.effect, names.get(e.criterion, e.criterion), e.quote)
                for e in t.judgement.evidence
            ],
            "reviews": by_turn.get(t.index, []),
        }
        for t in session.turns
    ]
    return {
        "lang": lang,
        "labels": {key: i18n.text(lang, f"report.{key}") for key in LABEL_KEYS},
        "title": title or _title(session),
        "customer": customer or i18n.text(lang, "report.customer"),
        "date": i18n.when(lang, session.started_at),
        "level": session.level,
        "mode": i18n.text(lang, f"report.{session.mode}"),
        "session_id": session.id,
        "outcome": i18n.text(lang, f"report.{session.outcome.value}"),
        "opening": session.opening,
        "turns": turns,
        "pass_line": rubric.pass_line,
        "report": {
            "overall": report.overall,
            "passed": report.passed,
            "criteria": [
                (names.get(c, c), s, None if s is None else round(s * 20))
                for c, s in report.criteria.items()
            ],
            "best": report.best.reply if report.best else None,
            "weakest": report.weakest.reply if report.weakest else None,
            "advice": list(report.advice),
        },
        "session_reviews": by_turn.get(None, []),
    }


def _title(session: Session) -> str:
    """The shipped scenario's title in the session's language (its id if it is not shipped)."""
    from bot.core.scenarios import default_scenarios

    known = default_scenarios().get(session.scenario_id)
    return known.title(session.lang) if known else session.scenario_id


def _review(review: Mapping[str, Any], names: Mapping[str, str]) -> dict[str, Any]:
    """A coach review (see bot.coaching.reviews.Review.to_dict) in display form."""
    return {
        "coach": review.get("coach_name") or review.get("coach_id") or "",
        "overall": review.get("overall"),
        "criteria": [(names.get(c, c), s) for c, s in (review.get("criteria") or {}).items()],
        "comment": review.get("comment", ""),
        "confirmed": bool(review.get("confirmed")),
    }


def render_transcript_html(
    session: Session,
    rubric: Rubric,
    report: ReportCard | None = None,
    reviews: Sequence[Mapping[str, Any]] = (),
    title: str | None = None,
    customer: str | None = None,
) -> str:
    """The session as one standalone HTML page (inline CSS, readable on a phone)."""
    context = transcript_context(session, rubric, report, reviews, title, customer)
    return str(_environment().get_template("transcript.html.j2").render(**context))


def render_transcript_text(
    session: Session, rubric: Rubric, title: str | None = None, customer: str | None = None
) -> str:
    """The session as plain text for the terminal."""
    c = transcript_context(session, rubric, title=title, customer=customer)
    txt = c["labels"]
    lines = [f"{c['title']} — {c['date']} — {txt['level']} {c['level']} — {c['outcome']}", ""]
    lines.append(f"{c['customer']}: {c['opening']}")
    for t in c["turns"]:
        lines += ["", f"{txt['you']}: {t['reply']}", f"  {txt['score']}: {t['overall']}/100"]
        lines += [f"  {name}: {score}/5" for name, score in t["criteria"]]
        if t["feedback"]:
            lines.append(f"  💡 {t['feedback']}")
        if t["try_instead"]:
            lines.append(f"  ↪ {txt['try_instead']}: {t['try_instead']}")
        lines.append(f"{c['customer']}: {t['customer_response']}")
    r = c["report"]
    verdict = txt["passed"] if r["passed"] else txt["failed"]
    lines += ["", f"— {txt['report']} —", f"{txt['overall']}: {r['overall']}/100 ({verdict})"]
    for name, score, _ in r["criteria"]:
        lines.append(f"  {name}: {txt['na'] if score is None else f'{score:.1f}/5'}")
    lines += [f"  • {tip}" for tip in r["advice"]]
    return "\n".join(lines) + "\n"
