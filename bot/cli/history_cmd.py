"""`salescoach history`: a rep's sessions, newest first."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bot.cli.common import add_user, resolve_user

if TYPE_CHECKING:
    from bot.core.datafile import Lang

OUTCOMES = {
    "won": "won",
    "meeting_booked": "meeting",
    "lost": "lost",
    "stopped": "stopped",
    "ongoing": "ongoing",
}


def register(sub: Any) -> None:
    """Add the `history` command."""
    parser: argparse.ArgumentParser = sub.add_parser("history", help="list your sessions")
    add_user(parser)
    parser.add_argument("--limit", type=int, default=None, help="show only the newest N")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print one line per session: when, customer, level, outcome, score, turns, id."""
    from bot.cli.data_cmd import note_unreadable
    from bot.core.scenarios import default_scenarios
    from bot.settings import load_settings

    user = resolve_user(args.user)
    store = load_settings().store("history")
    # Sessions ended before any reply were never scored: they are not part of the history.
    summaries = [s for s in store.sessions(user) if s.turns][: args.limit]
    note_unreadable([str(path) for path in store.unreadable(user)])
    if not summaries:
        print(f"No sessions stored for {user}. Start one with `salescoach chat`.")
        return 0
    scenarios = default_scenarios()
    for s in summaries:
        when = datetime.fromtimestamp(s.started_at).strftime("%Y-%m-%d %H:%M")
        lang: Lang = "en" if s.lang == "en" else "sv"
        known = scenarios.get(s.scenario_id)
        title = known.title(lang) if known else s.scenario_id
        score = "  –" if s.overall is None else f"{s.overall:>3}"
        print(
            f"{when}  {score}  {OUTCOMES.get(s.outcome.value, s.outcome.value):<8} "
            f"L{s.level} {s.mode:<8} {s.turns:>2} turns  {s.id}  {title}"
        )
    return 0
