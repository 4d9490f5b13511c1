"""Cohort exports: a CSV with one row per session, and an HTML report rendered with jinja2."""

from __future__ import annotations

import base64
import csv
import io
import time
from datetime import UTC, datetime
from statistics import mean

from bot import paths
from bot.coaching.assignments import Status, cohort_assignments
from bot.coaching.cohorts import Cohort, members
from bot.coaching.overview import (
    cohort_criteria,
    finished,
    member_sessions,
    summarise_rep,
)
from bot.coaching.records import Records
from bot.coaching.reviews import latest_overrides, reviews_of
from bot.core.datafile import Lang
from bot.core.report import criterion_means, enough_replies, session_overall
from bot.core.rubric import Rubric, default_rubric
from bot.core.session import Session

TEMPLATES = paths.TEMPLATES_DIR
FIXED_COLUMNS = (
    "cohort",
    "rep_id",
    "rep",
    "session_id",
    "scenario",
    "level",
    "mode",
    "started",
    "ended",
    "outcome",
    "turns",
    "overall",
    "passed",
)
REVIEW_COLUMNS = ("coach_overall", "coach_reviews")


def iso(ts: float | None) -> str:
    """A UTC timestamp like 2025-03-01T09:30:00Z ('' for None)."""
    if ts is None:
        return ""
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def coach_overall(session: Session, records: Records) -> tuple[int | None, int]:
    """The session overall with the coach's turn overrides in place, and how many reviews."""
    reviews = reviews_of(records, session.id)
    overrides = latest_overrides(reviews)
    turned = {t: v for (t, cid), v in overrides.items() if cid == "overall"}
    if not turned:
        return None, len(reviews)
    scores = [turned.get(t.index, t.judgement.overall) for t in session.turns]
    return round(mean(scores)), len(reviews)


def cell(text: str) -> str:
    """Text for a spreadsheet cell; a leading = + - @ would run as a formula, so it is quoted."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_header(rubric: Rubric) -> list[str]:
    """The CSV's columns: fixed ones, then one per criterion, then the coach's view."""
    return [*FIXED_COLUMNS, *rubric.ids, *REVIEW_COLUMNS]


def cohort_csv(records: Records, cohort: Cohort, rubric: Rubric | None = None) -> str:
    """Every finished session of every member since joining, oldest first, as CSV text."""
    rubric = rubric or default_rubric()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(csv_header(rubric))
    rows = [
        (m, s) for m in members(records, cohort.id) for s in finished(member_sessions(records, m))
    ]
    rows.sort(key=lambda p: (p[1].started_at, p[0].user_id))
    for member, s in rows:
        overall = session_overall(s.turns)
        means = criterion_means(s.turns, rubric)
        coach, reviews = coach_overall(s, records)
        writer.writerow(
            [
                cell(cohort.name),
                member.user_id,
                cell(member.name),
                s.id,
                s.scenario_id,
                s.level,
                s.mode,
                iso(s.started_at),
                iso(s.ended_at),
                s.outcome.value,
                len(s.turns),
                overall,
                int(enough_replies(s) and overall >= rubric.pass_line),  # as the report card
                *("" if means[c] is None else f"{means[c]:.2f}" for c in rubric.ids),
                "" if coach is None else coach,
                reviews,
            ]
        )
    return out.getvalue()


def cohort_html(
    records: Records,
    cohort: Cohort,
    rubric: Rubric | None = None,
    *,
    lang: str = "en",
    heatmap: bytes | None = None,
    now: float | None = None,
) -> str:
    """The cohort report page: members, per-criterion means, assignments, optional heat map."""
    import jinja2

    rubric = rubric or default_rubric()
    people = members(records, cohort.id)
    sessions = {m.user_id: member_sessions(records, m) for m in people}
    lines = [summarise_rep(m, sessions[m.user_id], rubric) for m in people]
    now = now or time.time()
    assignments = [
        (a, sum(a.status(sessions[m.user_id], now) in (Status.DONE, Status.LATE) for m in people))
        for a in cohort_assignments(records, cohort.id)
    ]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    lang_: Lang = "en" if lang == "en" else "sv"
    return env.get_template("cohort_report.html.j2").render(
        cohort=cohort,
        generated=iso(now),
        lines=lines,
        members=len(people),
        criteria=[(c.id, c.name(lang_)) for c in rubric.criteria],
        cohort_means=cohort_criteria(lines, rubric.ids),
        pass_line=rubric.pass_line,
        assignments=assignments,
        iso=iso,
        heatmap=base64.b64encode(heatmap).decode() if heatmap else None,
    )
