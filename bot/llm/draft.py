"""Draft a coach's scenario file from a brief with the LLM; the draft always passes `check`."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bot import i18n
from bot.core.datafile import Lang
from bot.core.scenario_check import check_bytes
from bot.core.scenario_template import filled_from_brief, template_text
from bot.errors import EngineError
from bot.llm.client import LLMClient
from bot.prompts import render_messages
from bot.settings import Settings

log = logging.getLogger(__name__)

#: Model answers tried before falling back to the template (the first plus repairs).
ATTEMPTS = 2
MAX_TOKENS = 3000
_FENCE = re.compile(r"^```[a-zA-Z]*\s*\n(.*?)\n```\s*$", re.DOTALL)


@dataclass(frozen=True)
class Draft:
    """A scenario file's text, and whether the model wrote it (else the template did)."""

    text: str
    by_model: bool


def unfence(answer: str) -> str:
    """The YAML inside a ```yaml fence, or the answer as it is."""
    answer = answer.strip()
    match = _FENCE.match(answer)
    return (match.group(1) if match else answer).strip() + "\n"


async def draft_scenario(client: LLMClient, model: str, brief: str, lang: Lang) -> Draft:
    """Ask the model for a scenario; show it `check`'s problems to repair; else the template."""
    problems: list[str] = []
    for attempt in range(ATTEMPTS):
        messages = render_messages(
            "scenario_draft.j2",
            lang=lang,
            language=i18n.language_name(lang),
            template=template_text(lang),
            brief=brief,
            problems=problems,
        )
        try:
            answer = await client.complete(
                model=model, messages=messages, temperature=0.7, max_tokens=MAX_TOKENS
            )
        except EngineError as exc:
            log.warning("scenario draft: the model failed (%s); using the template", exc)
            break
        text = unfence(answer.text)
        checked = check_bytes(text.encode("utf-8"), "draft.yaml")
        if checked.scenario is not None:
            return Draft(text, by_model=True)
        problems = checked.report("en")[:20]
        log.info("scenario draft attempt %d had %d problems", attempt + 1, len(problems))
    return Draft(filled_from_brief(brief, lang), by_model=False)


async def draft_with_settings(settings: Settings, brief: str, lang: Lang) -> Draft:
    """A draft through the configured LLM, or from the template when no LLM is configured."""
    if not settings.use_llm:
        return Draft(filled_from_brief(brief, lang), by_model=False)
    client = LLMClient(settings)
    try:
        return await draft_scenario(client, settings.customer_model, brief, lang)
    finally:
        await client.close()
