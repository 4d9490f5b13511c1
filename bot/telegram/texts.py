"""The bot's Swedish and English UI strings, loaded from `texts.yaml` and filled safely."""

from __future__ import annotations

import html
import string
from functools import cache
from importlib import resources
from typing import Any

import yaml

from bot.core.datafile import LANGS, Lang
from bot.errors import DataFileError

TEXTS_FILE = "texts.yaml"


class Html(str):
    """Text that is already Telegram HTML; `t()` inserts it without escaping it again."""

    __slots__ = ()


def esc(value: object) -> Html:
    """Escape anything a person (or a model) typed so it can go into an HTML message."""
    if isinstance(value, Html):
        return value
    return Html(html.escape(str(value), quote=False))


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@cache
def texts() -> dict[str, dict[Lang, str]]:
    """All UI strings by key and language, checked: both languages, the same placeholders."""
    source = resources.files("bot.telegram").joinpath(TEXTS_FILE)
    where = f"bot/telegram/{TEXTS_FILE}"
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataFileError(f"{where}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise DataFileError(f"{where}: expected a mapping of keys to {{sv, en}} texts")
    result: dict[str, dict[Lang, str]] = {}
    for key, value in data.items():
        if not isinstance(value, dict) or set(value) != set(LANGS):
            raise DataFileError(f"{where}: field '{key}': expected exactly 'sv' and 'en' texts")
        if any(not isinstance(value[lang], str) or not value[lang] for lang in LANGS):
            raise DataFileError(f"{where}: field '{key}': texts must be non-empty strings")
        if _fields(value["sv"]) != _fields(value["en"]):
            raise DataFileError(
                f"{where}: field '{key}': sv and en use different placeholders "
                f"({sorted(_fields(value['sv']))} vs {sorted(_fields(value['en']))})"
            )
        result[str(key)] = {lang: value[lang] for lang in LANGS}
    return result


def t(lang: Lang, key: str, /, **values: Any) -> Html:
    """The text `key` in `lang`, with every value HTML-escaped unless it is `Html` already."""
    template = texts()[key][lang]
    return Html(template.format(**{name: esc(value) for name, value in values.items()}))


def label(lang: Lang, key: str, /, **values: Any) -> str:
    """Plain text (no HTML), for button labels and command descriptions."""
    return texts()[key][lang].format(**values)
