"""Text hygiene at the edges: clean what comes in, neutralise what goes out to a terminal.

In: invalid UTF-8 and lone surrogates (from `"\\ud800"` in JSON, or a C locale's
surrogateescape) become U+FFFD, and every input path has a length limit. Out: control and
escape characters (ANSI CSI/OSC sequences such as an OSC 52 clipboard write, a window title,
clear screen; C1 controls; bidi overrides such as U+202E) are shown as visible symbols instead
of being obeyed by the terminal. JSON keeps its data: unsafe characters become `\\uXXXX`.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any, TextIO

from bot.redact import redact

REPLACEMENT = "\ufffd"
#: Longest display name kept (Telegram allows 64 characters for a first name).
MAX_NAME_CHARS = 64
#: How much of a bad value an error message quotes.
MAX_QUOTE_CHARS = 100

_SURROGATES = re.compile("[\ud800-\udfff]")
#: C0 controls but tab and newline, DEL, C1 controls, and the bidi embeddings, overrides and
#: isolates that reorder what a reader sees (the "Trojan Source" characters).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAME_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str, limit: int | None = None) -> str:
    """`text` with lone surrogates replaced, cut to `limit` characters when one is given."""
    text = _SURROGATES.sub(REPLACEMENT, text)
    return text if limit is None else text[:limit]


def clean_name(name: str, limit: int = MAX_NAME_CHARS) -> str:
    """A display name: one line, no control or bidi characters, at most `limit` characters."""
    name = _NAME_UNSAFE.sub(" ", clean(name))
    return " ".join(name.split())[:limit]


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, ␇ for BEL …
    if code == 0x7F:
        return "\u2421"  # ␡
    return REPLACEMENT


def for_terminal(text: str) -> str:
    """`text` safe to print: escapes, controls and bidi overrides shown, not obeyed."""
    return _UNSAFE.sub(_visible, clean(text))


def quote(value: object, limit: int = MAX_QUOTE_CHARS) -> str:
    """A bad value for an error message: repr'd, cut to `limit` characters, terminal-safe."""
    text = repr(value)
    if len(text) > limit:
        text = text[:limit] + f"… ({len(text):,} characters)"
    return for_terminal(text)


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_text(data: Any, **kwargs: Any) -> str:
    """JSON with readable letters; control and bidi characters \\u-escaped, lone surrogates replaced."""
    return _UNSAFE.sub(
        _escape, _SURROGATES.sub(REPLACEMENT, json.dumps(data, ensure_ascii=False, **kwargs))
    )


class TerminalGuard(io.TextIOBase):
    """A text stream that neutralises escapes and masks secrets in everything written to it.

    `fileno` and `isatty` are the wrapped stream's, so `input()` keeps line editing.
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        """Write `text`, made safe."""
        self.stream.write(redact(for_terminal(text)))
        return len(text)

    def flush(self) -> None:
        """Flush the wrapped stream."""
        self.stream.flush()

    def fileno(self) -> int:
        """The wrapped stream's file descriptor."""
        return self.stream.fileno()

    def isatty(self) -> bool:
        """Whether the wrapped stream is a terminal."""
        return self.stream.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        """The wrapped stream's encoding."""
        return getattr(self.stream, "encoding", "utf-8")

    @property
    def errors(self) -> str:  # type: ignore[override]
        """The wrapped stream's error handler (`input()` reads it to encode its prompt)."""
        return getattr(self.stream, "errors", None) or "strict"

    def writable(self) -> bool:
        """Always: this is an output stream."""
        return True
