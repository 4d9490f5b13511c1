"""Coaching from the command line: `cohorts`, `calibrate`, `coach` and `export --cohort`.

The command line is the operator's tool (it reads the data folder directly), so it acts with
admin rights rather than as a particular coach.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from bot import i18n
from bot.cli.common import add_lang, resolve_lang
from bot.cli.texts import t
from bot.hygiene import json_text

if TYPE_CHECKING:
    from bot.core.datafile import Lang

OPERATOR = "cli"


def register(sub: Any) -> None:
    """Add the coaching commands."""
    p: argparse.ArgumentParser = sub.add_parser("cohorts", help="list cohorts and their members")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_lang(p)
    p.set_defaults(handler=run_cohorts)

    p = sub.add_parser("calibrate", help="how well the judge agrees with the coach's overrides")
    p.add_argument("--cohort", required=True, help="cohort id or current join code")
    p.add_argument("--json", action="store_true", help="print JSON")
    teach = p.add_mutually_exclusive_group()
    teach.add_argument(
        "--retrain", action="store_true", help="refit the offline judge on the coach's overrides"
    )
    teach.add_argument(
        "--rollback", action="store_true", help="put the judge's previous weights back"
    )
    add_lang(p)
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
        raise SalescoachError.said("cli.no_cohort", cohort=id_or_code)
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
    lang = resolve_lang(args.lang)
    if not rows:
        print(t("no_cohorts", lang))
    for row in rows:
        names = ", ".join(m["name"] for m in row["members"]) or t("no_members", lang)
        code = row["code"] or t("code_closed", lang)
        print(
            t("cohort_line", lang, id=row["id"], name=row["name"], coach=row["coach_id"], code=code)
        )
        print(i18n.plural(lang, "cli.cohort_members", len(row["members"]), names=names))
    return 0


def export_cohort(args: argparse.Namespace) -> int:
    """`export --cohort`: write or print the cohort CSV, and the HTML report if asked."""
    from bot.coaching.exports import cohort_csv, cohort_html

    records = _records()
    cohort = _cohort(records, args.cohort)
    lang = resolve_lang(getattr(args, "lang", None))
    text = cohort_csv(records, cohort, lang=lang)
    if args.csv:
        args.csv.write_text(text, encoding="utf-8")
        rows = len(text.splitlines()) - 1
        print(i18n.plural(lang, "cli.wrote_sessions", rows, path=args.csv))
    elif not args.html:
        print(text, end="")
    if args.html:
        args.html.write_text(cohort_html(records, cohort, lang=lang), encoding="utf-8")
        print(t("wrote", lang, path=args.html))
    return 0


def run_calibrate(args: argparse.Namespace) -> int:
    """Print judge-vs-coach agreement per criterion, worst first at the end."""
    from bot.coaching.calibration import MIN_LABELS, cohort_calibration, worst_first
    from bot.core.rubric import default_rubric

    if getattr(args, "rollback", False):
        from bot.cli.retrain_cmd import run_rollback

        return run_rollback(args)
    records = _records()
    cohort = _cohort(records, args.cohort)
    if getattr(args, "retrain", False):
        from bot.cli.retrain_cmd import run_retrain

        return run_retrain(args, records, cohort)
    results = cohort_calibration(records, cohort)
    worst = [r.criterion for r in worst_first(results)]
    few = [r.criterion for r in results if 0 < r.n < MIN_LABELS]
    if args.json:
        criteria = [r.to_dict() for r in results]
        data = {"cohort": cohort.id, "criteria": criteria, "worst": worst, "too_few": few}
        print(json_text(data, indent=2))
        return 0
    lang = resolve_lang(args.lang)
    names = {c.id: c.name(lang) for c in default_rubric().criteria}
    print(render_calibration(results, lang, names))
    return 0


def render_calibration(
    results: list[Any], lang: Lang = "en", names: Mapping[str, str] | None = None
) -> str:
    """A plain-text table of the agreement figures, then what they say, in `lang`; `names` maps
    criterion ids to the names shown."""
    from bot.coaching.calibration import verdict

    names = names or {}

    def pct(x: float | None) -> str:
        return (
            "-" if x is None else t("coaching.percent", lang, value=i18n.number(lang, 100 * x, 0))
        )

    def num(x: float | None, signed: bool = False) -> str:
        shown = "-" if x is None else i18n.number(lang, x, 2)
        return f"+{shown}" if signed and x is not None and x > 0 else shown

    shown = [names.get(r.criterion, r.criterion) for r in results]
    head = {k: t(f"coaching.calibrate_{k}", lang) for k in ("criterion", "labels", "exact", "bias")}
    width = max(len(name) for name in [head["criterion"], *shown]) + 1
    lines = [
        f"{head['criterion']:<{width}}{head['labels']:>7}{head['exact']:>8}{'±1':>7}"
        f"{'kappa':>8}{head['bias']:>9}"
    ]
    for name, r in zip(shown, results, strict=True):
        lines.append(
            f"{name:<{width}}{r.n:>7}{pct(r.exact):>8}{pct(r.within_one):>7}"
            f"{num(r.kappa):>8}{num(r.bias, signed=True):>9}"
        )
    lines.append("")
    lines += [message.render(lang) for message in verdict(results, names)]
    lines.append(i18n.text(lang, "flow.calibration_legend"))
    return "\n".join(lines)


def run_coach(args: argparse.Namespace) -> int:
    """Grant, revoke, invite or list coaches, as an admin."""
    from bot.coaching import roles
    from bot.coaching.access import Actor, Role

    records = _records()
    admin = Actor(OPERATOR, Role.ADMIN, "command line")
    lang = resolve_lang(None)
    if args.grant:
        roles.grant_coach(records, admin, str(args.grant))
        print(t("coach_granted", lang, user=args.grant))
    elif args.revoke:
        roles.revoke_coach(records, admin, str(args.revoke))
        print(t("coach_revoked", lang, user=args.revoke))
    elif args.invite:
        code = roles.create_invite(records, admin)
        print(t("coach_invite", lang, code=code))
    else:
        print("\n".join(roles.coaches(records)) or t("no_coaches", lang))
    return 0
