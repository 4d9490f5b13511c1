"""The terminal's view of the catalogue: `cli.<key>` texts, plain (no HTML)."""

from __future__ import annotations

from typing import Any

from bot import i18n
from bot.core.datafile import Lang


def t(key: str, lang: Lang, /, **values: Any) -> str:
    """The text for `key` in `lang` (a key without a dot is short for `cli.<key>`)."""
    return i18n.text(lang, key if "." in key else f"cli.{key}", **values)
