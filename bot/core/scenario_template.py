"""The commented template a coach starts from, and a draft filled in from a short brief."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

from bot import i18n, paths
from bot.core.datafile import Lang

#: Longest brief kept in a template-filled draft.
MAX_BRIEF_CHARS = 1200
_ID_LINE = re.compile(r"^id: .*$", re.MULTILINE)


def template_file(lang: Lang) -> Path:
    """The template in `lang` (shipped next to the built-in scenarios)."""
    return paths.SCENARIOS_DIR / "templates" / f"scenario.{lang}.yaml"


def slug(text: str, default: str = "my-customer") -> str:
    """An id from any text: a-z, digits and -, at most 32 characters."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words[:32].rstrip("-") or default


def template_text(lang: Lang, scenario_id: str | None = None) -> str:
    """The commented template, with `scenario_id` as its id when given."""
    text = template_file(lang).read_text(encoding="utf-8")
    return _ID_LINE.sub(f"id: {slug(scenario_id)}", text, count=1) if scenario_id else text


def plain(text: str) -> str:
    """A coach's brief made safe as scenario text: one paragraph, no angle brackets."""
    cleaned = " ".join(text.replace("<", " ").replace(">", " ").split())
    return cleaned[:MAX_BRIEF_CHARS]


def filled_from_brief(brief: str, lang: Lang) -> str:
    """A complete scenario from the template whose situation is the coach's brief."""
    data = yaml.safe_load(template_text(lang))
    situation = plain(brief)
    title = situation.split(".")[0][:80].strip() or data["title"]
    data["id"], data["title"], data["brief"] = slug(title), title, situation
    header = i18n.text(lang, "scenarios.draft_header") + "\n"
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return header + body
