"""Catalogue texts (`bot.i18n`) as Telegram HTML: every filled-in value is escaped."""

from __future__ import annotations

from typing import Any

from bot import i18n
from bot.core.datafile import Lang
from bot.telegram.texts import Html, esc


def html(lang: Lang, key: str, /, **values: Any) -> Html:
    """The catalogue text `key` in `lang` as HTML, values escaped unless already `Html`."""
    return Html(i18n.text(lang, key, **{name: esc(value) for name, value in values.items()}))


def html_plural(lang: Lang, key: str, n: int, /, **values: Any) -> Html:
    """The plural-aware catalogue text `key` for count `n`, as HTML."""
    escaped = {name: esc(value) for name, value in values.items()}
    return Html(i18n.plural(lang, key, n, **escaped))


def plain(lang: Lang, key: str, /, **values: Any) -> str:
    """The catalogue text as plain text (button labels, command descriptions)."""
    return i18n.text(lang, key, **values)
