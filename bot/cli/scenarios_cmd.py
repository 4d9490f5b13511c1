"""`salescoach scenarios`: list the difficult customers."""

from __future__ import annotations

import argparse
import json
from typing import Any

from bot.cli.common import add_lang, resolve_lang


def register(sub: Any) -> None:
    """Add the `scenarios` command."""
    parser: argparse.ArgumentParser = sub.add_parser("scenarios", help="list the scenarios")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_lang(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the scenarios as a table or JSON."""
    from bot.core.rubric import default_rubric
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
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    rubric = default_rubric()
    width = max(len(i) for i in scenarios)
    for s in scenarios.values():
        skills = ", ".join(rubric.criterion(c).name(lang) for c in s.focus)
        print(f"{s.id:<{width}}  {s.title(lang)}  [{skills}]")
    return 0
