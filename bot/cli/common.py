"""Small helpers shared by the CLI commands."""

from __future__ import annotations

import argparse
import getpass
import sys

from bot.core.datafile import Lang


def add_lang(parser: argparse.ArgumentParser) -> None:
    """Add `--lang sv|en` (default: SALESCOACH_LANG, else Swedish)."""
    parser.add_argument("--lang", choices=("sv", "en"), default=None, help="language (default sv)")


def add_user(parser: argparse.ArgumentParser) -> None:
    """Add `--user NAME` (default: the login name)."""
    parser.add_argument("--user", default=None, help="whose data (default: your login name)")


#: Most file systems allow 255 bytes in one file name; a user's folder is named after them.
MAX_FILE_NAME_BYTES = 255


def resolve_user(name: str | None) -> str:
    """The user name given (checked: it names a folder), or the login name."""
    if name is None:
        try:
            return getpass.getuser()
        except Exception:  # no login name in some containers
            return "me"
    return check_user_name(name)


def check_user_name(name: str) -> str:
    """The name, if it can name the user's folder; else a one-line error saying why."""
    from bot import i18n
    from bot.errors import SalescoachError
    from bot.hygiene import MAX_NAME_CHARS, clean, quote
    from bot.store.layout import encode_user

    name = clean(name).strip()
    lang = resolve_lang(None)
    if not name:
        raise SalescoachError(i18n.text(lang, "edges.name_empty"))
    if len(name) > MAX_NAME_CHARS or len(encode_user(name)) > MAX_FILE_NAME_BYTES:
        raise SalescoachError(
            i18n.text(
                lang,
                "edges.name_too_long",
                name=quote(name, 40),
                limit=MAX_NAME_CHARS,
                max_bytes=MAX_FILE_NAME_BYTES,
            )
        )
    return name


def resolve_lang(lang: str | None) -> Lang:
    """The language given, else SALESCOACH_LANG from the environment or `.env`, else Swedish."""
    if lang in ("sv", "en"):
        return "en" if lang == "en" else "sv"
    from bot.settings import load_settings

    return load_settings().default_lang


def error_lang(args: argparse.Namespace) -> Lang:
    """The language to report an error in; settings that fail to load fall back to Swedish."""
    from bot.errors import SalescoachError

    try:
        return resolve_lang(getattr(args, "lang", None))
    except SalescoachError:
        return "sv"


def interactive() -> bool:
    """True when both stdin and stdout are terminals."""
    return sys.stdin.isatty() and sys.stdout.isatty()
