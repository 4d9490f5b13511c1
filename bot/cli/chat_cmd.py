"""`salescoach chat`: a role-play in the terminal."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.cli.common import add_lang, add_user, interactive, resolve_lang, resolve_user
from bot.cli.render import print_report, print_turn, session_json
from bot.errors import SalescoachError
from bot.hygiene import json_text

if TYPE_CHECKING:
    from bot.core.datafile import Lang
    from bot.core.practice import Practice
    from bot.core.session import Session
    from bot.store import Store

STOP_WORDS = {"/end", "/slut", "/stop", "/quit", "/avsluta"}
HINT_WORDS = {"/hint", "/tips", "/ledtråd"}


def register(sub: Any) -> None:
    """Add the `chat` command."""
    parser: argparse.ArgumentParser = sub.add_parser("chat", help="practise a role-play")
    parser.add_argument("--scenario", help="scenario id (see `salescoach scenarios`)")
    parser.add_argument(
        "--scenario-file", type=Path, help="playtest your own scenario file (see `scenarios new`)"
    )
    add_lang(parser)
    parser.add_argument("--level", type=int, choices=(1, 2, 3), default=1, help="difficulty")
    parser.add_argument("--mode", choices=("practice", "exam"), default="practice")
    add_user(parser)
    parser.add_argument(
        "--seed",
        type=int,
        default=None,
        metavar="N",
        help="replay a session: the same seed and the same replies give the same customer lines"
        " (a session's seed is in `chat --json` and in exports)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object at the end")
    parser.add_argument(
        "--resume",
        action="store_true",
        help="continue your unfinished role-play (e.g. after Ctrl-C)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Play one session, reading replies from the terminal or from piped lines."""
    from bot.engine import build_practice, warm_up_in_background
    from bot.settings import load_settings

    settings = load_settings()
    store = settings.store("chat")
    store.claim()  # one writer per data folder: a second chat waits, or hears who writes
    practice = build_practice(settings)
    if args.scenario_file:
        args.scenario = _add_file(practice, args.scenario_file, resolve_lang(args.lang))
    user = resolve_user(args.user)
    if args.resume:
        session = _unfinished(store, user)
    else:
        lang = resolve_lang(args.lang or settings.default_lang)
        session = practice.start(
            user_id=user,
            scenario_id=args.scenario or _pick_scenario(practice, lang),
            lang=lang,
            level=args.level,
            mode=args.mode,
            seed=args.seed,
        )
    quiet = bool(args.json)
    if not quiet:
        _print_start(practice, session)
    warm_up_in_background(practice, [session.scenario_id])
    save = store.save_session
    save(session)
    try:
        asyncio.run(_loop(practice, session, quiet, save))
    except KeyboardInterrupt:
        from bot.cli.texts import t

        print(f"\n{t('resume', session.lang)}", file=sys.stderr)
        raise
    report = practice.stop(session)
    save(session)
    if quiet:
        print(json_text(session_json(session, report)))
    else:
        print_report(report, session, practice)
    return 0


async def _loop(practice: Practice, session: Session, quiet: bool, save: Any) -> None:
    """Read replies until the session ends or input runs out."""
    from bot.cli.texts import t

    tty = interactive()
    scenario = practice.scenario(session.scenario_id)
    while not session.finished:
        try:
            line = input(f"{t('you', session.lang)}: ") if tty else sys.stdin.readline()
        except EOFError:
            break
        if not tty and line == "":
            break  # input ran out
        line = line.strip()
        if not line:
            continue
        if line.lower() in STOP_WORDS:
            break
        if line.lower() in HINT_WORDS:
            if not quiet:
                print(f"  💡 {t('hint', session.lang)}: {await practice.nudge(session)}\n")
            continue
        if not quiet and not tty:
            print(f"{t('you', session.lang)}: {line}")
        result = await practice.reply(session, line)
        _save_turn(save, session)
        if not quiet:
            print_turn(result, session, scenario.persona.name)


def _save_turn(save: Any, session: Session) -> None:
    """Save before showing anything: a turn the disk refused is reported, never printed."""
    from bot.errors import StoreError

    try:
        save(session)
    except StoreError as exc:
        raise StoreError.said("store.turn_not_saved_cli", reason=str(exc)) from None


def _print_start(practice: Practice, session: Session) -> None:
    """The situation, how to play (on a terminal), and the customer's latest line."""
    from bot.cli.texts import t

    lang = session.lang
    scenario = practice.scenario(session.scenario_id)
    print(f"\n{scenario.title(lang)}\n{scenario.brief(lang)}\n")
    if interactive():
        print(t("howto", lang) + "\n")
    if session.turns:
        print(f"{t('you', lang)}: {session.turns[-1].reply}")
    print(f"{scenario.persona.name}: {session.last_customer_line}\n", flush=True)


def _unfinished(store: Store, user: str) -> Session:
    """The user's unfinished session, or an error saying how to start one."""
    from bot.errors import SalescoachError

    session = store.active_session(user)
    if session is None:
        raise SalescoachError.said("cli.no_unfinished", user=user)
    return session


def _pick_scenario(practice: Practice, lang: Lang) -> str:
    """Ask on a terminal; otherwise take the first scenario."""
    ids = [sid for sid, s in practice.scenarios.items() if lang in s.languages]
    if not interactive():
        return ids[0]
    from bot.cli.texts import t

    lang_ = lang
    for n, sid in enumerate(ids, 1):
        s = practice.scenarios[sid]
        skills = ", ".join(practice.rubric.criterion(c).name(lang_) for c in s.focus)
        print(f"{n:>2}. {s.title(lang_)}  ({skills})")
    while True:
        answer = input(t("pick", lang_) + " ").strip()
        if not answer:
            return ids[0]
        if answer.isdigit() and 1 <= int(answer) <= len(ids):
            return ids[int(answer) - 1]
        if answer in practice.scenarios:
            return answer


def _add_file(practice: Practice, path: Path, lang: Lang) -> str:
    """Check a coach's scenario file and make it playable here; its id."""
    from bot.core.scenario_check import check_file

    checked = check_file(path)
    if checked.scenario is None:
        raise SalescoachError("\n".join(checked.report(lang)))
    practice.scenarios = {**practice.scenarios, checked.scenario.id: checked.scenario}
    return checked.scenario.id
