"""A judge that reads nuance through an LLM but cannot be talked round by the reply it scores."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections import OrderedDict
from dataclasses import replace
from typing import Any, Literal

from bot import i18n, prompts
from bot.core.judgement import Evidence, Judgement, JudgeRequest, Signal
from bot.core.practice import QuickJudge
from bot.core.rubric import Rubric, default_rubric
from bot.errors import EngineError
from bot.llm.client import LLMClient, RequestRejected
from bot.llm.verdict import InvalidVerdict, Verdict, json_schema, parse_verdict

log = logging.getLogger(__name__)

Mode = Literal["json_schema", "json_object", "text"]
MODES: tuple[Mode, ...] = ("json_schema", "json_object", "text")
#: LLM and offline overall scores this far apart are flagged for a coach to review.
DISAGREEMENT = 40
HISTORY_PAIRS = 3
#: A rejection for prompt length is not about the response format: no point trying the next one.
CONTEXT_FULL = re.compile(r"context length|context window|maximum context|too many tokens", re.I)


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


class LLMJudge:
    """Scores replies with a chat model; raises EngineError when no valid verdict comes back."""

    name = "llm"

    def __init__(
        self,
        client: LLMClient,
        model: str,
        *,
        offline: QuickJudge,
        rubric: Rubric | None = None,
        cache_size: int = 1024,
        max_tokens: int = 700,
    ) -> None:
        self.client = client
        self.model = model
        self.offline = offline
        self.rubric = rubric or default_rubric()
        self.max_tokens = max_tokens
        self.cache: OrderedDict[str, Judgement] = OrderedDict()
        self.cache_size = cache_size
        self.first_mode = 0  # moves down the ladder when a server rejects a response_format

    def messages(self, request: JudgeRequest, applicable: list[str]) -> list[dict[str, str]]:
        """The chat messages for scoring this reply."""
        lang = request.lang
        scenario = request.scenario
        return prompts.render_messages(
            "judge.j2",
            criteria=[
                {
                    "id": c.id,
                    "name": c.name(lang),
                    "description": c.description(lang),
                    "anchors": {level: text(lang) for level, text in c.anchors.items()},
                }
                for c in self.rubric.criteria
            ],
            scenario=f"{scenario.title(lang)} - {scenario.brief(lang)}" if scenario else "-",
            history=list(request.history[-HISTORY_PAIRS:]),
            customer_line=request.customer_line,
            reply=request.reply,
            applicable=applicable,
            language=i18n.language_name(lang),
        )

    def response_format(self, mode: Mode) -> dict[str, Any] | None:
        """The `response_format` for a rung of the ladder."""
        schema = json_schema(self.rubric.ids)
        if mode == "json_schema":
            return {
                "type": "json_schema",
                "json_schema": {"name": "verdict", "strict": True, "schema": schema},
            }
        if mode == "json_object":
            # llama.cpp's server constrains its output to `schema`; others ignore the extra key.
            return {"type": "json_object", "schema": schema}
        return None

    async def judge(self, request: JudgeRequest) -> Judgement:
        """Score one reply (cached by content)."""
        offline = self.offline.score(request)
        focus = request.scenario.focus_set if request.scenario else frozenset()
        applicable = self.rubric.applicable(request.customer_line, request.lang, focus)
        messages = self.messages(request, applicable)
        key = hashlib.sha256(json.dumps([self.model, messages]).encode()).hexdigest()
        if key in self.cache:
            self.cache.move_to_end(key)
            cached = self.cache[key]
            return replace(cached, extra={**cached.extra, "cached": True})

        problems: list[str] = []
        for index in range(self.first_mode, len(MODES)):
            mode = MODES[index]
            try:
                completion = await self.client.complete(
                    model=self.model,
                    messages=messages,
                    temperature=0.0,
                    max_tokens=self.max_tokens,
                    response_format=self.response_format(mode),
                    seed=0,
                )
            except RequestRejected as exc:
                if index == len(MODES) - 1 or CONTEXT_FULL.search(str(exc)):
                    raise
                log.info("judge: server rejected %s (%s); trying the next format", mode, exc)
                self.first_mode = max(self.first_mode, index + 1)
                continue
            try:
                verdict, clamped = parse_verdict(completion.text)
                judgement = self.build(verdict, clamped, request, offline, applicable)
            except InvalidVerdict as exc:
                cut = " (answer cut off)" if completion.finish_reason == "length" else ""
                problems.append(f"{mode}: {exc}{cut}")
                continue
            self._remember(key, replace(judgement, extra={**judgement.extra, "format": mode}))
            return self.cache[key]
        raise EngineError("the judge model gave no valid verdict (" + "; ".join(problems) + ")")

    def build(
        self,
        verdict: Verdict,
        clamped: list[Any],
        request: JudgeRequest,
        offline: Judgement,
        applicable: list[str],
    ) -> Judgement:
        """Turn a verdict into a Judgement, guarded by the offline judge's reading of the reply."""
        given = {v.criterion: v for v in verdict.criteria if v.criterion in applicable}
        if not any(v.score is not None for v in given.values()):
            raise InvalidVerdict(f"no score for any of {applicable}")
        scores: dict[str, int | None] = {cid: None for cid in self.rubric.ids}
        filled = []
        for cid in applicable:
            score = given[cid].score if cid in given else None
            if score is None:
                score = offline.criteria.get(cid) or 0
                filled.append(cid)
            scores[cid] = score
        extra: dict[str, Any] = {}
        signals = verdict.known_signals()
        if Signal.INJECTION in offline.signals:
            # The reply tried to steer the judge: it can never score above the offline reading.
            scores = {
                cid: None if s is None else min(s, offline.criteria.get(cid) or 0)
                for cid, s in scores.items()
            }
            signals |= {Signal.INJECTION}
            extra["injection_capped"] = True
        overall = round(self.rubric.weighted_overall(scores))
        if extra.get("injection_capped"):
            overall = min(overall, offline.overall)
        if abs(overall - offline.overall) >= DISAGREEMENT:
            extra["disagreement"] = {"llm": overall, "offline": offline.overall, "review": True}
        if clamped:
            extra["clamped"] = clamped
        if filled:
            extra["offline_filled"] = filled
        reply = _normal(request.reply)
        evidence = tuple(
            Evidence(v.criterion, v.quote.strip(), v.effect)
            for v in given.values()
            if v.quote.strip() and _normal(v.quote) in reply
        )
        return Judgement(
            overall=overall,
            criteria=scores,
            evidence=evidence,
            feedback=verdict.feedback or offline.feedback,
            try_instead=verdict.try_instead or offline.try_instead,
            signals=signals,
            engine="llm",
            extra=extra,
        )

    def _remember(self, key: str, judgement: Judgement) -> None:
        self.cache[key] = judgement
        while len(self.cache) > self.cache_size:
            self.cache.popitem(last=False)
