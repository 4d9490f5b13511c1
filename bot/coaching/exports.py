"""Cohort exports: a CSV with one row per session, and an HTML report rendered with jinja2."""

from __future__ import annotations

import base64
import csv
import io
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import partial
from statistics import mean

from bot import i18n, paths
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
from bot.core.scenarios import default_scenarios
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


def _word(key: str, value: str, swedish: bool) -> str:
    """An enumerated value: its id for scripts, or the Swedish word from the catalogue."""
    return i18n.text("sv", key) if swedish else value


def _moment(ts: float | None, swedish: bool) -> str:
    """UTC ISO time; for Swedish Excel the local time in the configured zone, which it reads."""
    if ts is None:
        return ""
    return i18n.stamp(ts) if swedish else iso(ts)


def _decimal(value: float | None, swedish: bool) -> str:
    """Two decimals, with a decimal comma for Swedish spreadsheets ('' for no score)."""
    if value is None:
        return ""
    shown = f"{value:.2f}"
    return shown.replace(".", ",") if swedish else shown


def cell(text: str) -> str:
    """Text for a spreadsheet cell; a leading = + - @ would run as a formula, so it is quoted."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_header(rubric: Rubric, lang: Lang = "en") -> list[str]:
    """The CSV's columns: fixed ones, then one per criterion, then the coach's view.

    In English the names are the stable ids scripts read; in Swedish words a coach reads.
    """
    fixed = [i18n.text(lang, f"export.col.{c}") for c in FIXED_COLUMNS]
    review = [i18n.text(lang, f"export.col.{c}") for c in REVIEW_COLUMNS]
    criteria = [c.name(lang) if lang == "sv" else c.id for c in rubric.criteria]
    return [*fixed, *criteria, *review]


def cohort_csv(
    records: Records, cohort: Cohort, rubric: Rubric | None = None, *, lang: Lang = "en"
) -> str:
    """Every finished session of every member since joining, oldest first, as CSV text.

    In Swedish the file is what Swedish Excel opens without a wizard: a UTF-8 byte-order
    mark, `;` between fields (the comma is the decimal sign) and decimal commas.
    """
    rubric = rubric or default_rubric()
    swedish = lang == "sv"
    titles = {sid: s.title(lang) for sid, s in default_scenarios().items()}
    out = io.StringIO()
    if swedish:
        out.write("\ufeff")
    writer = csv.writer(out, delimiter=";" if swedish else ",", lineterminator="\n")
    writer.writerow(csv_header(rubric, lang))
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
                titles.get(s.scenario_id, s.scenario_id) if swedish else s.scenario_id,
                s.level,
                _word(f"report.{s.mode}", s.mode, swedish),
                *(_moment(at, swedish) for at in (s.started_at, s.ended_at)),
                _word(f"report.{s.outcome.value}", s.outcome.value, swedish),
                len(s.turns),
                overall,
                int(enough_replies(s) and overall >= rubric.pass_line),  # as the report card
                *(_decimal(means[c], swedish) for c in rubric.ids),
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
    lang: Lang = "en",
    heatmap: bytes | None = None,
    now: float | None = None,
    titles: Mapping[str, str] | None = None,
) -> str:
    """The cohort report page in `lang`: members, per-criterion means, assignments, heat map.

    `titles` names the scenarios (by id) in `lang`; by default the shipped scenarios' titles.
    """
    import jinja2

    rubric = rubric or default_rubric()
    if titles is None:
        titles = {sid: s.title(lang) for sid, s in default_scenarios().items()}
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
    return env.get_template("cohort_report.html.j2").render(
        lang=lang,
        t=partial(i18n.text, lang),
        number=partial(i18n.number, lang),
        when=partial(i18n.when, lang),
        zone=i18n.timezone(),
        cohort=cohort,
        generated=i18n.when(lang, now),
        lines=lines,
        members=len(people),
        members_text=i18n.plural(lang, "export.members_count", len(people)),
        criteria=[(c.id, c.name(lang)) for c in rubric.criteria],
        cohort_means=cohort_criteria(lines, rubric.ids),
        pass_line=rubric.pass_line,
        assignments=assignments,
        titles=titles,
        heatmap=base64.b64encode(heatmap).decode() if heatmap else None,
    )
