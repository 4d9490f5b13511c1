"""The coach features' texts: `coach.<key>` in the catalogue, filled safely."""

from __future__ import annotations

from typing import Any

from bot import i18n
from bot.core.datafile import Lang
from bot.telegram.texts import Html, esc, key_in


def ct(lang: Lang, key: str, /, **values: Any) -> Html:
    """The coach text `key` in `lang`, every value HTML-escaped unless it is `Html` already."""
    escaped = {name: esc(value) for name, value in values.items()}
    return Html(i18n.text(lang, key_in("coach", key), **escaped))


def cl(lang: Lang, key: str, /, **values: Any) -> str:
    """Plain coach text (no HTML), for button labels."""
    return i18n.text(lang, key_in("coach", key), **values)
