"""The `salescoach` command line: a thin shell over the domain.

Each command lives in its own module with a `register(subparsers)` function; heavy imports
happen inside the command, so `salescoach chat` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from bot.errors import SalescoachError

#: Modules under bot.cli that each register one or more sub-commands.
COMMAND_MODULES = (
    "scenarios_cmd",
    "chat_cmd",
    "score_cmd",
    "coach_cmd",
    "serve_cmd",
    "progress_cmd",
    "history_cmd",
    "transcript_cmd",
    "data_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="salescoach",
        description="Practise sales conversations against difficult customers.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"bot.cli.{name}")
        module.register(sub)
    return parser


def _words(error: SalescoachError) -> str:
    """The error in the terminal's language when it carries a catalogue message."""
    from bot.cli.common import resolve_lang
    from bot.i18n import Message

    message = getattr(error, "message", None)
    return message.render(resolve_lang(None)) if isinstance(message, Message) else str(error)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for `salescoach` and `python -m bot`."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except SalescoachError as exc:
        print(f"salescoach: {_words(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
