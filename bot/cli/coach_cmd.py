"""Coaching from the command line: `cohorts`, `calibrate`, `coach` and `export --cohort`.

The command line is the operator's tool (it reads the data folder directly), so it acts with
admin rights rather than as a particular coach.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.core.datafile import Lang

from bot.hygiene import json_text

OPERATOR = "cli"


def register(sub: Any) -> None:
    """Add the coaching commands."""
    p: argparse.ArgumentParser = sub.add_parser("cohorts", help="list cohorts and their members")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=run_cohorts)

    p = sub.add_parser("calibrate", help="how well the judge agrees with the coach's overrides")
    p.add_argument("--cohort", required=True, help="cohort id or current join code")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=run_calibrate)

    p = sub.add_parser("coach", help="make a user a coach, take it back, or create an invite")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--grant", metavar="USER_ID", help="Telegram user id to make a coach")
    group.add_argument("--revoke", metavar="USER_ID", help="take the coach role away")
    group.add_argument("--invite", action="store_true", help="print a one-time coach invite code")
    group.add_argument("--list", action="store_true", help="list coaches")
    p.set_defaults(handler=run_coach)


def _records() -> Any:
    """Records over the configured store."""
    from bot.coaching.records import Records
    from bot.settings import load_settings

    return Records(load_settings().store("coach"))


def _cohort(records: Any, id_or_code: str) -> Any:
    """The cohort, or an error saying how to find the right id."""
    from bot.coaching.cohorts import find_cohort
    from bot.errors import SalescoachError

    cohort = find_cohort(records, id_or_code)
    if cohort is None:
        raise SalescoachError(f"No cohort {id_or_code!r}. List them with `salescoach cohorts`.")
    return cohort


def run_cohorts(args: argparse.Namespace) -> int:
    """Print every cohort with its coach, code and members."""
    from bot.coaching.cohorts import all_cohorts, members

    records = _records()
    rows: list[dict[str, Any]] = [
        {
            "id": c.id,
            "name": c.name,
            "coach_id": c.coach_id,
            "code": c.code,
            "members": [{"user_id": m.user_id, "name": m.name} for m in members(records, c.id)],
        }
        for c in all_cohorts(records)
    ]
    if args.json:
        print(json_text(rows, indent=2))
        return 0
    if not rows:
        print("No cohorts yet. A coach creates one with /cohort_new in Telegram.")
    for row in rows:
        names = ", ".join(m["name"] for m in row["members"]) or "no members yet"
        code = row["code"] or "closed"
        print(f"{row['id']}  {row['name']}  (coach {row['coach_id']}, code {code})")
        print(f"    {len(row['members'])} members: {names}")
    return 0


def export_cohort(args: argparse.Namespace) -> int:
    """`export --cohort`: write or print the cohort CSV, and the HTML report if asked."""
    from bot.coaching.exports import cohort_csv, cohort_html

    records = _records()
    cohort = _cohort(records, args.cohort)
    text = cohort_csv(records, cohort)
    if args.csv:
        args.csv.write_text(text, encoding="utf-8")
        print(f"Wrote {args.csv} ({len(text.splitlines()) - 1} sessions).")
    elif not args.html:
        print(text, end="")
    if args.html:
        args.html.write_text(cohort_html(records, cohort), encoding="utf-8")
        print(f"Wrote {args.html}.")
    return 0


def run_calibrate(args: argparse.Namespace) -> int:
    """Print judge-vs-coach agreement per criterion, worst first at the end."""
    from bot.coaching.calibration import MIN_LABELS, cohort_calibration, worst_first

    records = _records()
    cohort = _cohort(records, args.cohort)
    results = cohort_calibration(records, cohort)
    worst = [r.criterion for r in worst_first(results)]
    few = [r.criterion for r in results if 0 < r.n < MIN_LABELS]
    if args.json:
        criteria = [r.to_dict() for r in results]
        data = {"cohort": cohort.id, "criteria": criteria, "worst": worst, "too_few": few}
        print(json_text(data, indent=2))
        return 0
    print(render_calibration(results))
    return 0


def render_calibration(
    results: list[Any], lang: Lang = "en", names: Mapping[str, str] | None = None
) -> str:
    """A plain-text table of the agreement figures, then what they say in `lang`."""
    from bot import i18n
    from bot.coaching.calibration import verdict

    def pct(x: float | None) -> str:
        return "-" if x is None else f"{100 * x:.0f}%"

    def num(x: float | None, fmt: str) -> str:
        return "-" if x is None else format(x, fmt)

    lines = [f"{'criterion':<15}{'labels':>7}{'exact':>8}{'±1':>7}{'kappa':>8}{'bias':>7}"]
    for r in results:
        lines.append(
            f"{r.criterion:<15}{r.n:>7}{pct(r.exact):>8}{pct(r.within_one):>7}"
            f"{num(r.kappa, '.2f'):>8}{num(r.bias, '+.2f'):>7}"
        )
    lines.append("")
    lines += [message.render(lang) for message in verdict(results, names or {})]
    lines.append(i18n.text(lang, "flow.calibration_legend"))
    return "\n".join(lines)


def run_coach(args: argparse.Namespace) -> int:
    """Grant, revoke, invite or list coaches, as an admin."""
    from bot.coaching import roles
    from bot.coaching.access import Actor, Role

    records = _records()
    admin = Actor(OPERATOR, Role.ADMIN, "command line")
    if args.grant:
        roles.grant_coach(records, admin, str(args.grant))
        print(f"{args.grant} is now a coach.")
    elif args.revoke:
        roles.revoke_coach(records, admin, str(args.revoke))
        print(f"{args.revoke} is no longer a coach.")
    elif args.invite:
        code = roles.create_invite(records, admin)
        print(f"One-time coach invite: {code}")
        print(f"In Telegram: /coach {code}  (or the link t.me/<your bot>?start=coach_{code})")
    else:
        print(
            "\n".join(roles.coaches(records)) or "No coaches yet (admins come from ADMIN_USER_IDS)."
        )
    return 0
