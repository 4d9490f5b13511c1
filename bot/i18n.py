"""The one message catalogue: every user-facing text, by key, in the user's language.

Texts live in gettext catalogues, `bot/locale/<lang>/<domain>.po`, one file per area of the
product (`common.po`, `telegram.po`, `cli.po` …) so that each area can grow on its own. The
msgid is a stable key (`practice.no_session`), the msgstr the text; placeholders are
`{name}` fields filled by `str.format`. Babel reads the files (no compile step, so a wheel
works the same as a checkout) and supplies plural rules and Swedish number, date and time
formats. Domain code never builds a user-visible sentence: it raises or returns a `Message`
(key + parameters) and the edge — bot, CLI, report — turns it into words with `render`.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_datetime, format_time
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

Lang = Literal["sv", "en"]
LANGS: tuple[Lang, ...] = ("sv", "en")
DEFAULT_TIMEZONE = "Europe/Stockholm"

_LOCALES: dict[Lang, str] = {"sv": "sv_SE", "en": "en_GB"}
_zone = {"name": DEFAULT_TIMEZONE}


def use_timezone(zone: str) -> None:
    """Show times in `zone` from now on (settings call this with SALESCOACH_TIMEZONE)."""
    ZoneInfo(zone)  # an unknown zone fails here, not at the first message
    _zone["name"] = zone


def timezone() -> str:
    """The zone times are shown in."""
    return _zone["name"]


class CatalogueError(Exception):
    """A catalogue file is broken: a key missing in one language, or placeholders that differ."""


@dataclass(frozen=True)
class Message:
    """A user-facing text not yet put into words: a catalogue key and its parameters."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: Lang) -> str:
        """This message in `lang`."""
        return text(lang, self.key, **self.params)


@dataclass(frozen=True)
class _Entry:
    forms: tuple[str, ...]


def _fields(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def _read_language(lang: Lang) -> dict[str, _Entry]:
    entries: dict[str, _Entry] = {}
    folder = resources.files("bot").joinpath("locale", lang)
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".po"):
            continue
        with item.open("rb") as handle:
            catalog: Catalog = read_po(handle, locale=_LOCALES[lang].split("_")[0])
        for message in catalog:
            if not message.id:
                continue
            key = str(message.id[0] if isinstance(message.id, tuple) else message.id)
            raw = message.string if isinstance(message.string, tuple) else (message.string,)
            forms = tuple(str(form or "") for form in raw)
            if key in entries:
                raise CatalogueError(f"bot/locale/{lang}/{item.name}: key '{key}' defined twice")
            if not all(forms):
                raise CatalogueError(f"bot/locale/{lang}/{item.name}: key '{key}' has no text")
            entries[key] = _Entry(forms)
    return entries


@cache
def catalogue() -> dict[Lang, dict[str, _Entry]]:
    """Every language's texts by key, checked: same keys and same placeholders everywhere."""
    loaded = {lang: _read_language(lang) for lang in LANGS}
    keys = {lang: set(entries) for lang, entries in loaded.items()}
    for lang in LANGS:
        for other in LANGS:
            missing = keys[other] - keys[lang]
            if missing:
                raise CatalogueError(f"bot/locale/{lang}: missing keys {sorted(missing)[:10]}")
    for key in keys["sv"]:
        placeholders = {
            lang: frozenset().union(*(_fields(f) for f in loaded[lang][key].forms))
            for lang in LANGS
        }
        if len(set(placeholders.values())) > 1:
            raise CatalogueError(f"key '{key}': languages use different placeholders")
    return loaded


def _words(lang: Lang, params: Mapping[str, Any]) -> dict[str, Any]:
    """Parameters that are messages themselves ("Only {who} …") put into words first."""
    return {k: v.render(lang) if isinstance(v, Message) else v for k, v in params.items()}


def has(key: str) -> bool:
    """Whether the catalogue has `key`."""
    return key in catalogue()["sv"]


def text(lang: Lang, key: str, /, **params: Any) -> str:
    """The text `key` in `lang`, its `{placeholders}` filled from `params`."""
    return catalogue()[lang][key].forms[0].format(**_words(lang, params))


@cache
def _locale(lang: Lang) -> Locale:
    return Locale.parse(_LOCALES[lang])


def plural(lang: Lang, key: str, n: int, /, **params: Any) -> str:
    """The plural-aware text `key` for count `n` (`{n}` is filled too): "1 dag", "2 dagar"."""
    forms = catalogue()[lang][key].forms
    index = _locale(lang).plural_form(n)
    position = {"one": 0}.get(index, 1 if len(forms) > 1 else 0)
    return forms[min(position, len(forms) - 1)].format(n=n, **_words(lang, params))


def render(lang: Lang, message: Message | str) -> str:
    """A `Message` in words; a plain string is taken as a key with no parameters."""
    if isinstance(message, Message):
        return message.render(lang)
    return text(lang, message)


def language_name(lang: Lang) -> str:
    """The language's name in English ("Swedish"), for prompts that tell a model what to write."""
    return str(_locale(lang).get_language_name("en"))


def number(lang: Lang, value: float, decimals: int = 1) -> str:
    """A number the way the language writes it: 66,5 in Swedish, 66.5 in English."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_LOCALES[lang])


def _local(moment: dt.datetime | float, zone: str | None) -> dt.datetime:
    if not isinstance(moment, dt.datetime):  # a Unix timestamp, as the store keeps them
        moment = dt.datetime.fromtimestamp(moment, dt.UTC)
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone(ZoneInfo(zone or _zone["name"]))


def when(lang: Lang, moment: dt.datetime | float, zone: str | None = None) -> str:
    """Date and time in the configured zone: "30 nov. 2026 14:05"."""
    local = _local(moment, zone)
    return format_datetime(local, format="d MMM y HH:mm", locale=_LOCALES[lang])


def day(lang: Lang, moment: dt.datetime | dt.date | float, zone: str | None = None) -> str:
    """A short date in the configured zone: "30 nov."."""
    if not isinstance(moment, dt.date) or isinstance(moment, dt.datetime):
        moment = _local(moment, zone).date()
    return format_date(moment, format="d MMM", locale=_LOCALES[lang])


def stamp(moment: dt.datetime | float, zone: str | None = None) -> str:
    """A sortable local date and time that spreadsheets read as one: "2026-11-30 14:05"."""
    return _local(moment, zone).strftime("%Y-%m-%d %H:%M")


def clock(lang: Lang, moment: dt.datetime | float, zone: str | None = None) -> str:
    """A time of day in the configured zone: "14:05"."""
    return format_time(_local(moment, zone), format="HH:mm", locale=_LOCALES[lang])
