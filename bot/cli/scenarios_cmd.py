"""`salescoach scenarios`: list the difficult customers."""

from __future__ import annotations

import argparse
from typing import Any

from bot.cli.common import add_lang, resolve_lang
from bot.hygiene import json_text


def register(sub: Any) -> None:
    """Add the `scenarios` command."""
    parser: argparse.ArgumentParser = sub.add_parser("scenarios", help="list the scenarios")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_lang(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the scenarios as a table or JSON."""
    from bot.core.scenarios import default_scenarios

    lang = resolve_lang(args.lang)
    scenarios = default_scenarios()
    if args.json:
        rows = [
            {
                "id": s.id,
                "title": s.title(lang),
                "kind": s.kind,
                "focus": s.focus,
                "lesson": s.lesson,
                "brief": s.brief(lang),
                "levels": sorted(s.levels),
            }
            for s in scenarios.values()
        ]
        print(json_text(rows, indent=2))
        return 0
    width = max(len(i) for i in scenarios)
    for s in scenarios.values():
        print(f"{s.id:<{width}}  {s.title(lang)}  [{', '.join(s.focus)}]")
    return 0
