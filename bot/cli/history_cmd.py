"""`salescoach history`: a rep's sessions, newest first."""

from __future__ import annotations

import argparse
from typing import Any

from bot import i18n
from bot.cli.common import add_lang, add_user, resolve_lang, resolve_user
from bot.cli.texts import t


def register(sub: Any) -> None:
    """Add the `history` command."""
    parser: argparse.ArgumentParser = sub.add_parser("history", help="list your sessions")
    add_user(parser)
    add_lang(parser)
    parser.add_argument("--limit", type=int, default=None, help="show only the newest N")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print one line per session: when, customer, level, outcome, score, turns, id."""
    from bot.cli.data_cmd import note_unreadable
    from bot.core.scenarios import default_scenarios
    from bot.settings import load_settings

    user = resolve_user(args.user)
    lang = resolve_lang(args.lang)
    store = load_settings().store("history")
    # Sessions ended before any reply were never scored: they are not part of the history.
    summaries = [s for s in store.sessions(user) if s.turns][: args.limit]
    note_unreadable([str(path) for path in store.unreadable(user)], lang)
    if not summaries:
        print(t("no_sessions", lang, user=user))
        return 0
    scenarios = default_scenarios()
    for s in summaries:
        when = i18n.stamp(s.started_at)
        known = scenarios.get(s.scenario_id)
        title = known.title(lang) if known else s.scenario_id
        score = "  –" if s.overall is None else f"{s.overall:>3}"
        print(
            f"{when}  {score}  {t('cli.history.' + s.outcome.value, lang):<9} "
            f"L{s.level} {t(s.mode, lang):<9} {i18n.plural(lang, 'cli.turns_count', s.turns):>8}"
            f"  {s.id}  {title}"
        )
    return 0
