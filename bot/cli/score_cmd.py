"""`salescoach score`: score JSON Lines of replies on stdin, one JSON line out per input."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import dataclass
from typing import Any

#: How many replies an async (LLM) judge scores at once; output order is kept.
BATCH = 8
#: The customer's line is context only; a longer one is cut without a note.
MAX_CUSTOMER_CHARS = 2000


def register(sub: Any) -> None:
    """Add the `score` command."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "score", help='score JSON Lines {"customer", "reply", "lang"} from stdin'
    )
    parser.add_argument(
        "--engine",
        choices=("auto", "offline", "llm"),
        default=None,
        help="judge to use (default: SALESCOACH_ENGINE)",
    )
    parser.set_defaults(handler=run)


def parse_line(line: str, scenarios: dict[str, Any]) -> Any:
    """Turn one input line into a JudgeRequest, or raise ValueError saying what is wrong.

    Texts are cleaned (lone surrogates become U+FFFD) and the reply is cut like in `chat`.
    """
    from bot import i18n
    from bot.core.judgement import JudgeRequest
    from bot.core.language import guess_lang
    from bot.core.practice import MAX_REPLY_CHARS, clean_reply
    from bot.hygiene import clean, quote

    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object")
    for key in ("customer", "reply"):
        if not isinstance(data.get(key), str):
            raise ValueError(f"field '{key}' must be a string")
    reply, truncated = clean_reply(clean(data["reply"]))
    lang = data.get("lang")
    if lang is None:
        lang = guess_lang(reply)
    elif lang not in ("sv", "en"):
        raise ValueError(f'field \'lang\' must be "sv" or "en" (got {quote(lang)})')
    scenario = None
    scenario_id = data.get("scenario")
    if scenario_id is not None:
        if not isinstance(scenario_id, str) or scenario_id not in scenarios:
            raise ValueError(f"field 'scenario': unknown scenario {quote(scenario_id)}")
        scenario = scenarios[scenario_id]
    customer = clean(data["customer"], MAX_CUSTOMER_CHARS)
    request = JudgeRequest(customer_line=customer, reply=reply, lang=lang, scenario=scenario)
    note = i18n.text(lang, "edges.reply_truncated", limit=MAX_REPLY_CHARS) if truncated else None
    return Scoring(request, note)


@dataclass(frozen=True)
class Scoring:
    """One reply to score, and the note saying it was cut to the length limit (if it was)."""

    request: Any
    note: str | None


def result_json(judgement: Any, note: str | None = None) -> dict[str, Any]:
    """The output object for one scored reply (with a note when the reply was cut)."""
    result: dict[str, Any] = {
        "overall": judgement.overall,
        "criteria": judgement.criteria,
        "feedback": judgement.feedback,
        "try_instead": judgement.try_instead,
        "evidence": [
            {"criterion": e.criterion, "quote": e.quote, "effect": e.effect}
            for e in judgement.evidence
        ],
        "engine": judgement.engine,
    }
    if note:
        result["truncated"] = True
        result["note"] = note
    return result


def run(args: argparse.Namespace) -> int:
    """Score every line; a bad line gets {"error": ...} and makes the exit status 1."""
    from bot.core.scenarios import default_scenarios
    from bot.engine import build_judge
    from bot.hygiene import json_text
    from bot.settings import load_settings

    overrides = {"SALESCOACH_ENGINE": args.engine} if args.engine else {}
    judge = build_judge(load_settings(**overrides))
    scenarios = default_scenarios()
    bad = False
    pending: list[Any] = []

    def flush() -> None:
        for item in _score_batch(judge, pending):
            print(json_text(item), flush=True)
        pending.clear()

    for raw in sys.stdin:
        if not raw.strip():
            continue
        try:
            pending.append(parse_line(raw, scenarios))
        except ValueError as exc:
            bad = True
            pending.append({"error": str(exc)})
        if len(pending) >= BATCH or _is_sync(judge):
            flush()
    flush()
    return 1 if bad else 0


def _is_sync(judge: Any) -> bool:
    """True for the offline judge, which scores without awaiting."""
    from bot.core.offline_judge import OfflineJudge

    return isinstance(judge, OfflineJudge)


def _score_batch(judge: Any, items: list[Any]) -> list[dict[str, Any]]:
    """Score requests (errors pass through), concurrently for async judges, in order."""
    if _is_sync(judge):
        return [
            item if isinstance(item, dict) else result_json(judge.score(item.request), item.note)
            for item in items
        ]

    async def one(item: Any) -> dict[str, Any]:
        if isinstance(item, dict):
            return item
        return result_json(await judge.judge(item.request), item.note)

    async def all_() -> list[dict[str, Any]]:
        return list(await asyncio.gather(*(one(i) for i in items)))

    return asyncio.run(all_()) if items else []
