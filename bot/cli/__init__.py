"""The `salescoach` command line: a thin shell over the domain.

Each command lives in its own module with a `register(subparsers)` function; heavy imports
happen inside the command, so `salescoach chat` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence

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


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for `salescoach` and `python -m bot`."""
    from bot.cli.guard import run_guarded, safe_streams

    with safe_streams():
        parser = build_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "handler", None):
            parser.print_help()
            return 2
        return run_guarded(lambda: int(args.handler(args) or 0), args)
