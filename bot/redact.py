"""Secrets never printed: bot tokens, API keys and URL credentials are masked in any text.

Two nets, because either alone leaks: shapes (a Telegram token `123456:AA…`, `/bot<token>/`
in a Bot API URL, `sk-…` keys, `Bearer …`, `scheme://user:pass@`) catch secrets nobody told
us about, and the configured values themselves (`remember`, called when settings are loaded)
catch secrets of any shape. `redact` is applied where errors become notes or stored fields,
and `RedactingFilter` on every log handler covers log lines and their tracebacks.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from urllib.parse import quote, unquote, urlsplit

MASK = "***"
#: Shorter configured values are too likely to be ordinary words to be masked everywhere.
MIN_SECRET_CHARS = 6

_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (
    # scheme://user:password@host -> scheme://***@host (before the others: a password may
    # itself look like a token)
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]{0,15}://)[^\s/?#@]{1,256}@"), rf"\g<1>{MASK}@"),
    # /bot<token>/… and /file/bot<token>/… in Bot API URLs, whatever the token looks like
    (re.compile(r"(/(?:file/)?bot)[^/\s?#\"'<>]*:[^/\s?#\"'<>]*"), rf"\g<1>{MASK}"),
    # a bare Telegram bot token: <bot id>:<35 characters>
    (re.compile(r"(?<![\w-])\d{5,16}:[A-Za-z0-9_-]{30,}"), MASK),
    # OpenAI-style keys (sk-…, sk-proj-…) and other bearer tokens
    (re.compile(r"(?<![\w-])(?:sk|rk|pk)-[A-Za-z0-9_-]{16,}"), MASK),
    (re.compile(r"(?i)(\bbearer\s+)[A-Za-z0-9._~+/=-]{8,}"), rf"\g<1>{MASK}"),
)

_lock = threading.Lock()
_known: tuple[str, ...] = ()


def remember(secrets: Iterable[str | None]) -> None:
    """Mask these exact values too (configured tokens, keys, URL passwords), as typed and %-encoded."""
    global _known
    values = set(_known)
    for secret in secrets:
        secret = (secret or "").strip()
        if len(secret) >= MIN_SECRET_CHARS:
            values.update({secret, quote(secret, safe=""), unquote(secret)})
    with _lock:
        _known = tuple(sorted(values, key=len, reverse=True))  # longest first: no partial masks


def forget_remembered() -> None:
    """Drop the remembered values (a fresh process, or a test with its own settings)."""
    global _known
    with _lock:
        _known = ()


def url_secrets(url: str | None) -> list[str]:
    """The password in a URL (`http://user:pass@host`), if any.

    The user name is not a secret on its own, and remembering it would mask that word wherever
    it appears (a user called `salescoach` would blank the program's name); in a URL both parts
    are masked by shape anyway."""
    if not url:
        return []
    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    return [parts.password] if parts.password else []


def redact(text: str) -> str:
    """`text` with every known or recognisable secret replaced by ***."""
    for secret in _known:
        if secret in text:
            text = text.replace(secret, MASK)
    for pattern, replacement in _SHAPES:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """A handler filter that masks secrets in the message, its arguments and its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place; never drops it."""
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not hide the line
            message = f"{record.msg!r} {record.args!r}"
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def install_log_filter() -> None:
    """Put the filter on every root handler (and the last-resort one), once each."""
    handlers = [*logging.getLogger().handlers]
    if logging.lastResort is not None:
        handlers.append(logging.lastResort)
    for handler in handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
