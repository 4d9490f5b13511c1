"""`salescoach scenarios`: list the customers; `new`, `check` and `draft` a coach's own."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

from bot.cli.common import add_lang, resolve_lang
from bot.errors import SalescoachError
from bot.hygiene import json_text
from bot.i18n import plural, text


def register(sub: Any) -> None:
    """Add the `scenarios` command and its `new`, `check` and `draft` sub-commands."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "scenarios", help="list the scenarios; write, check or draft your own"
    )
    parser.add_argument("--json", action="store_true", help="print JSON (with each one's source)")
    add_lang(parser)
    parser.set_defaults(handler=run)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    new = actions.add_parser("new", help="write a commented template to FILE")
    new.add_argument("file", type=Path, metavar="FILE")
    add_lang(new)
    new.set_defaults(handler=run_new)
    check = actions.add_parser("check", help="check scenario files: FILE:LINE: field: problem")
    check.add_argument("files", type=Path, nargs="+", metavar="FILE")
    add_lang(check)
    check.set_defaults(handler=run_check)
    draft = actions.add_parser("draft", help="draft a scenario file from a few sentences")
    draft.add_argument("brief", help="the customer in a few sentences")
    draft.add_argument("--out", type=Path, help="write the draft here (default: print it)")
    add_lang(draft)
    draft.set_defaults(handler=run_draft)


def run(args: argparse.Namespace) -> int:
    """Print the scenarios as a table or JSON."""
    from bot.core.rubric import default_rubric
    from bot.core.scenarios import scenario_sources

    lang = resolve_lang(args.lang)
    sources = scenario_sources()
    if args.json:
        rows = [
            {
                "id": s.id,
                "title": s.title(s.play_lang(lang)),
                "kind": s.kind,
                "focus": s.focus,
                "lesson": s.lesson,
                "brief": s.brief(s.play_lang(lang)),
                "levels": sorted(s.levels),
                "languages": list(s.languages),
                "source": source,
            }
            for s, source in sources.values()
        ]
        print(json_text(rows, indent=2))
        return 0
    rubric = default_rubric()
    offered = [s for s, _ in sources.values() if lang in s.languages]
    width = max(len(s.id) for s in offered)
    for s in offered:
        skills = ", ".join(rubric.criterion(c).name(lang) for c in s.focus)
        print(f"{s.id:<{width}}  {s.title(lang)}  [{skills}]")
    return 0


def run_new(args: argparse.Namespace) -> int:
    """Write the commented template (never over an existing file)."""
    from bot.core.scenario_template import template_text

    lang = resolve_lang(args.lang)
    path: Path = args.file
    if path.exists():
        raise SalescoachError(text(lang, "scenarios.new_exists", path=path))
    _write(path, template_text(lang, path.stem))
    print(text(lang, "scenarios.new_written", path=path))
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Check each file; problems one per line (exit 1), else a one-line summary."""
    from bot.core.scenario_check import check_file

    lang = resolve_lang(args.lang)
    results = [check_file(path) for path in args.files]
    problems = [line for checked in results for line in checked.report(lang)]
    if problems:
        print("\n".join(problems))
        bad = ", ".join(c.name for c in results if c.problems)
        print(plural(lang, "scenarios.checked_bad", len(problems), files=bad), file=sys.stderr)
        return 1
    ids = ", ".join(c.scenario.id for c in results if c.scenario is not None)
    print(plural(lang, "scenarios.checked_ok", len(results), ids=ids))
    return 0


def run_draft(args: argparse.Namespace) -> int:
    """Draft a scenario from a brief (the LLM when configured, else the template)."""
    from bot.llm.draft import draft_with_settings
    from bot.settings import load_settings

    lang = resolve_lang(args.lang)
    if not args.brief.strip():
        raise SalescoachError(text(lang, "scenarios.draft_needs_brief"))
    draft = asyncio.run(draft_with_settings(load_settings(), args.brief, lang))
    if args.out is None:
        print(draft.text, end="")
        return 0
    if args.out.exists():
        raise SalescoachError(text(lang, "scenarios.new_exists", path=args.out))
    _write(args.out, draft.text)
    how = text(
        lang, "scenarios.draft_by_model" if draft.by_model else "scenarios.draft_by_template"
    )
    print(text(lang, "scenarios.draft_written", path=args.out, how=how))
    return 0


def _write(path: Path, content: str) -> None:
    """Write a new file, with a one-line error when the folder is missing or read-only."""
    try:
        path.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise SalescoachError(f"{path}: {exc.strerror or exc}") from None
