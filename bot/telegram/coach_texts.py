"""The coach features' Swedish and English strings, from `coach_texts.yaml`, filled safely."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from bot.core.datafile import LANGS, Lang
from bot.errors import DataFileError
from bot.telegram.texts import Html, esc

TEXTS_FILE = "coach_texts.yaml"


@cache
def coach_texts() -> dict[str, dict[Lang, str]]:
    """All coach strings by key and language; both languages required."""
    where = f"bot/telegram/{TEXTS_FILE}"
    source = resources.files("bot.telegram").joinpath(TEXTS_FILE)
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataFileError(f"{where}: not valid YAML: {exc}") from exc
    result: dict[str, dict[Lang, str]] = {}
    for key, value in (data or {}).items():
        if not isinstance(value, dict) or set(value) != set(LANGS):
            raise DataFileError(f"{where}: field '{key}': expected exactly 'sv' and 'en' texts")
        result[str(key)] = {lang: str(value[lang]) for lang in LANGS}
    return result


def ct(lang: Lang, key: str, /, **values: Any) -> Html:
    """The coach text `key` in `lang`, every value HTML-escaped unless it is `Html` already."""
    template = coach_texts()[key][lang]
    return Html(template.format(**{name: esc(value) for name, value in values.items()}))


def cl(lang: Lang, key: str, /, **values: Any) -> str:
    """Plain coach text (no HTML), for button labels."""
    return coach_texts()[key][lang].format(**values)
