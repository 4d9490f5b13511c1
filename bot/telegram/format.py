"""Pure text helpers for Telegram: length in Telegram's units, splitting long HTML, small bars."""

from __future__ import annotations

import html
import re

from bot import i18n
from bot.telegram.texts import Html, esc

#: Telegram's limits: a text message and a media caption, counted in UTF-16 code units.
MAX_MESSAGE = 4096
MAX_CAPTION = 1024

_TOKEN = re.compile(r"<[^<>]*>|&#?\w+;")
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)[^<>]*>")


def tg_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units: most emoji count twice)."""
    return len(text.encode("utf-16-le")) // 2


def _units(text: str) -> int:
    return sum(2 if ord(char) > 0xFFFF else 1 for char in text)


def _hard_limit(text: str, budget: int) -> int:
    """The largest index i such that text[:i] shows at most `budget` units in Telegram
    (tags show nothing, an entity shows one character); never inside a tag or entity."""
    used = i = 0
    while i < len(text):
        token = _TOKEN.match(text, i)
        if token:
            shown = token.group(0)
            cost = 0 if shown.startswith("<") else _units(html.unescape(shown))
            end = token.end()
        else:
            cost, end = _units(text[i]), i + 1
        if used + cost > budget:
            return i
        used, i = used + cost, end
    return len(text)


def visible_len(text: str) -> int:
    """How long Telegram considers a message in HTML parse mode: after entity parsing."""
    return tg_len(html.unescape(_TAG.sub("", text)))


def _cut_point(text: str, budget: int) -> int:
    """Where to cut: a paragraph, line or word boundary, never inside a tag or an entity."""
    hard = _hard_limit(text, budget)
    cut = hard
    for separator in ("\n\n", "\n", " "):
        index = text.rfind(separator, 0, hard)
        if index >= hard // 2:
            cut = index
            break
    for match in _TOKEN.finditer(text, 0, min(len(text), cut + 256)):
        if match.start() < cut < match.end():
            cut = match.start()
            break
    return cut if cut > 0 else max(1, hard)


def _open_tags(fragment: str) -> list[tuple[str, str]]:
    """(name, opening tag) of the tags still open at the end of `fragment`, outermost first."""
    stack: list[tuple[str, str]] = []
    for match in _TAG.finditer(fragment):
        closing, name = match.group(1), match.group(2).lower()
        if not closing:
            stack.append((name, match.group(0)))
            continue
        for i in range(len(stack) - 1, -1, -1):
            if stack[i][0] == name:
                del stack[i:]
                break
    return stack


def split_html(text: str, limit: int = MAX_MESSAGE) -> list[Html]:
    """Split Telegram HTML into messages showing at most `limit` units each, at paragraph,
    line or word boundaries; a tag left open at a cut is closed there and reopened after it."""
    rest = text.strip()
    parts: list[Html] = []
    while visible_len(rest) > limit:
        budget = limit
        while True:
            cut = _cut_point(rest, budget)
            head = rest[:cut].rstrip()
            opened = _open_tags(head)
            closers = "".join(f"</{name}>" for name, _ in reversed(opened))
            overflow = visible_len(head + closers) - limit
            if overflow <= 0 or budget <= 1:
                break
            budget -= overflow
        if head:
            parts.append(Html(head + closers))
        rest = "".join(tag for _, tag in opened) + rest[cut:].lstrip()
    if rest:
        parts.append(Html(rest))
    return parts


def shorten(text: str, limit: int = 300) -> str:
    """One line of at most `limit` characters (for quoting a reply back)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def quote(text: str, limit: int = 300) -> Html:
    """A rep's or customer's words, shortened and escaped, ready for an HTML message."""
    return esc(shorten(text, limit))


def bar(value: float, maximum: float = 5.0, width: int = 5) -> str:
    """A small filled bar: `bar(3, 5)` is '▰▰▰▱▱'."""
    filled = round(max(0.0, min(value, maximum)) / maximum * width) if maximum else 0
    return "▰" * filled + "▱" * (width - filled)


def date(timestamp: float) -> str:
    """A compact date and time in the configured zone, the same in both languages: 2025-11-23 14:05."""
    return i18n.stamp(timestamp)
