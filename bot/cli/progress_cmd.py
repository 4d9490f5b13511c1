"""`salescoach progress`: proficiency per criterion, streak, medals and what to train next."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot import i18n
from bot.cli.common import add_lang, add_user, resolve_lang, resolve_user
from bot.hygiene import json_text

if TYPE_CHECKING:
    from bot.core.datafile import Lang
    from bot.core.progress import Progress
    from bot.core.rubric import Rubric
    from bot.core.scenarios import Scenario


def register(sub: Any) -> None:
    """Add the `progress` command."""
    parser: argparse.ArgumentParser = sub.add_parser("progress", help="your progress over time")
    add_user(parser)
    add_lang(parser)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--chart", type=Path, metavar="FILE.png", help="also draw a PNG chart")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Compute the rep's progress from the store and print it (and draw the chart)."""
    from bot.cli.data_cmd import note_unreadable
    from bot.core.progress import progress
    from bot.core.rubric import default_rubric
    from bot.core.scenarios import default_scenarios
    from bot.settings import load_settings
    from bot.store import Store

    settings = load_settings()
    store = Store(settings.data_dir)
    user = resolve_user(args.user)
    profile = store.profile(user)
    lang = resolve_lang(args.lang or profile.get("lang") or settings.default_lang)
    rubric = default_rubric()
    scenarios = default_scenarios()
    focus = {sid: s.focus for sid, s in scenarios.items()}
    result = progress(store.load_sessions(user), rubric, focus=focus)
    note_unreadable([str(path) for path in store.unreadable(user)], lang)
    if args.chart:
        from bot.charts import progress_chart

        progress_chart(result, rubric, lang, args.chart)
    if args.json:
        print(json_text({"user_id": user, **result.to_dict()}, indent=2))
    else:
        print(render(user, result, rubric, scenarios, lang))
        if args.chart:
            print(_t(lang, "chart", path=args.chart))
    return 0


def _t(lang: Lang, key: str, /, **values: Any) -> str:
    return i18n.text(lang, f"cli.progress.{key}", **values)


def _signed(change: int | None) -> str:
    return "" if change is None else f"{change:+d}"


def render(
    user: str, result: Progress, rubric: Rubric, scenarios: dict[str, Scenario], lang: Lang
) -> str:
    """The progress as terminal text."""
    from bot.core.progress import MEDAL_ICON

    if not result.sessions:
        return _t(lang, "none")
    today = _t(lang, "today") if result.practised_today else ""
    width = max(len(c.name(lang)) for c in rubric.criteria)
    lines = [
        i18n.plural(lang, "cli.progress.head", result.sessions, user=user),
        i18n.plural(lang, "cli.progress.streak", result.streak_days) + today,
        "",
        f"{_t(lang, 'overall'):<{width + 3}} {result.overall:>3}  "
        f"{_signed(result.overall_change)} {_t(lang, 'vs') if result.overall_change is not None else ''}",
    ]
    for c in result.criteria:
        name = rubric.criterion(c.id).name(lang)
        shown = "  –" if c.proficiency is None else f"{c.proficiency:>3}"
        lines.append(f"  {name:<{width}}  {shown}  {_signed(c.change)}".rstrip())
    lines += ["", _t(lang, "customers") + ":"]
    for s in result.scenarios:
        if s.sessions:
            title = (
                scenarios[s.scenario_id].title(lang)
                if s.scenario_id in scenarios
                else s.scenario_id
            )
            best = "  –" if s.best is None else f"{s.best:>3}"
            lines.append(
                f"  {MEDAL_ICON[s.medal] if s.medal else '  '} {best}  {title} ({s.sessions})"
            )
    rec = result.recommendation
    if rec and rec.criterion and rec.scenario_id:
        name = rubric.criterion(rec.criterion).name(lang)
        title = scenarios[rec.scenario_id].title(lang)
        lines += [
            "",
            _t(lang, "next", c=name, s=title),
            f"  salescoach chat --scenario {rec.scenario_id}",
        ]
    return "\n".join(lines)
