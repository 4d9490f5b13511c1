"""The Telegram edge's view of the catalogue: texts as Telegram HTML, values escaped.

A key without a dot is short for `telegram.<key>` (bot/locale/<lang>/telegram.po); any other
key is a full catalogue key (`coach.joined`, `access.not_your_cohort`).
"""

from __future__ import annotations

import html
from typing import Any

from bot import i18n
from bot.core.datafile import Lang


class Html(str):
    """Text that is already Telegram HTML; `t()` inserts it without escaping it again."""

    __slots__ = ()


def esc(value: object) -> Html:
    """Escape anything a person (or a model) typed so it can go into an HTML message."""
    if isinstance(value, Html):
        return value
    return Html(html.escape(str(value), quote=False))


def key_in(domain: str, key: str) -> str:
    """The full catalogue key: `key` itself when it names its domain, else `domain.key`."""
    return key if "." in key else f"{domain}.{key}"


def t(lang: Lang, key: str, /, **values: Any) -> Html:
    """The text `key` in `lang`, with every value HTML-escaped unless it is `Html` already."""
    escaped = {name: esc(value) for name, value in values.items()}
    return Html(i18n.text(lang, key_in("telegram", key), **escaped))


def tn(lang: Lang, key: str, n: int, /, **values: Any) -> Html:
    """The plural-aware text `key` for count `n` ("1 medlem", "2 medlemmar"), values escaped."""
    escaped = {name: esc(value) for name, value in values.items()}
    return Html(i18n.plural(lang, key_in("telegram", key), n, **escaped))


def label(lang: Lang, key: str, /, **values: Any) -> str:
    """Plain text (no HTML), for button labels and command descriptions."""
    return i18n.text(lang, key_in("telegram", key), **values)


def message(lang: Lang, said: i18n.Message) -> Html:
    """A domain `Message` as Telegram HTML, its parameters escaped."""
    words = {
        k: i18n.render(lang, v) if isinstance(v, i18n.Message) else v
        for k, v in said.params.items()
    }
    return t(lang, said.key, **words)
