"""`salescoach transcript SESSION_ID [--html FILE]`: a session as text or a standalone page."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bot.cli.texts import t


def register(sub: Any) -> None:
    """Add the `transcript` command."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "transcript", help="show a session's dialogue, scores and report card"
    )
    parser.add_argument("session_id", metavar="SESSION_ID", help="from `salescoach history`")
    parser.add_argument("--html", type=Path, metavar="FILE", help="write an HTML page instead")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the transcript, or write it as an HTML page."""
    from bot.cli.data_cmd import note_unreadable
    from bot.core.rubric import default_rubric
    from bot.core.scenarios import default_scenarios
    from bot.render.transcript import render_transcript_html, render_transcript_text
    from bot.settings import load_settings
    from bot.store import Store
    from bot.store.atomic import DamagedFile

    store = Store(load_settings().data_dir)
    session = store.load_session(args.session_id)
    scenario = default_scenarios().get(session.scenario_id)
    title = scenario.title(session.lang) if scenario else None
    customer = scenario.persona.name if scenario else None
    rubric = default_rubric()
    if args.html is None:
        print(render_transcript_text(session, rubric, title, customer), end="")
        return 0
    try:
        reviews = store.table("reviews").search(session_id=session.id)  # coach notes, if any
    except DamagedFile:  # the transcript is not in that file: show it without the notes
        reviews = []
        note_unreadable([str(store.layout.collection("reviews"))])
    page = render_transcript_html(session, rubric, reviews=reviews, title=title, customer=customer)
    args.html.write_text(page, encoding="utf-8")
    print(t("wrote", session.lang, path=args.html))
    return 0
