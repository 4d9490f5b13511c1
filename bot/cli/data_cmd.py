"""`salescoach export` and `salescoach forget`: all of a rep's data out, or gone."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bot import i18n
from bot.cli.common import add_lang, add_user, resolve_lang, resolve_user
from bot.cli.texts import t
from bot.errors import SalescoachError
from bot.hygiene import json_text
from bot.i18n import Lang


def register(sub: Any) -> None:
    """Add the `export` and `forget` commands."""
    export = sub.add_parser(
        "export", help="a rep's data as JSON (--user), or a cohort as CSV/HTML (--cohort)"
    )
    add_user(export)
    export.add_argument("--cohort", help="cohort id or current join code (coaches)")
    export.add_argument("--csv", type=Path, help="with --cohort: write the CSV here")
    export.add_argument("--html", type=Path, help="with --cohort: write the HTML report here")
    add_lang(export)
    export.set_defaults(handler=run_export)
    forget = sub.add_parser("forget", help="delete all of a rep's data")
    add_user(forget)
    add_lang(forget)
    forget.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    forget.set_defaults(handler=run_forget)


def _store(command: str) -> Any:
    from bot.settings import load_settings

    return load_settings().store(command)


def note_unreadable(files: list[str], lang: Lang | None = None) -> None:
    """Tell the reader which damaged files were left out (on stderr, so output stays clean)."""
    if files:
        from bot.i18n import plural

        print(
            plural(
                lang or resolve_lang(None), "store.unreadable", len(files), files=", ".join(files)
            ),
            file=sys.stderr,
        )


def run_export(args: argparse.Namespace) -> int:
    """Print the profile, every session and the rep's collection entries as one JSON object."""
    if args.cohort:
        from bot.cli.coach_cmd import export_cohort

        return export_cohort(args)
    if args.csv or args.html:
        raise SalescoachError.said("cli.csv_html_need_cohort")
    user = resolve_user(args.user)
    data = _store("export").export_user(user)
    if (
        data["profile"] is None
        and not data["sessions"]
        and not data["collections"]
        and not data["unreadable"]
    ):
        raise SalescoachError.said("cli.nothing_stored", user=user)
    sys.stdout.write(json_text(data, indent=2))
    print()
    note_unreadable(data["unreadable"], resolve_lang(args.lang))
    return 0


def run_forget(args: argparse.Namespace) -> int:
    """Delete the rep's data after confirmation (or `--yes`)."""
    user = resolve_user(args.user)
    store = _store("forget")
    store.claim()  # refused while the bot runs: it would write the rep's session back
    lang = resolve_lang(args.lang)
    if not args.yes:
        if not sys.stdin.isatty():
            raise SalescoachError.said("cli.forget_unconfirmed", user=user)
        count = len(store.sessions(user))
        answer = input(i18n.plural(lang, "cli.forget_ask", count, user=user))
        if answer.strip().lower() not in {"y", "yes", "j", "ja"}:
            print(t("forget_kept", lang))
            return 1
    if store.forget_user(user):
        print(t("forgotten", lang, user=user))
    else:
        print(t("forget_nothing", lang, user=user))
    return 0
