"""The command line's edge: safe streams in and out, and every error as one clear line.

Input is decoded with replacement characters (invalid UTF-8 becomes U+FFFD); everything
printed goes through `TerminalGuard` (escapes neutralised, secrets masked); log handlers get
the redacting filter. An error is one line on stderr, never a traceback (set
SALESCOACH_DEBUG=1 to see one); a closed pipe (`calibrate | head`) ends the command quietly.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import TextIO, cast

from bot import i18n
from bot.errors import SalescoachError
from bot.hygiene import TerminalGuard, quote
from bot.redact import install_log_filter, redact

#: Exit status after the reader of our output went away (128 + SIGPIPE, as a shell reports).
EXIT_BROKEN_PIPE = 141


def _lang(args: argparse.Namespace | None) -> i18n.Lang:
    from bot.cli.common import error_lang

    return error_lang(args if args is not None else argparse.Namespace())


@contextlib.contextmanager
def safe_streams() -> Iterator[None]:
    """Decode stdin leniently and guard stdout/stderr while the block runs."""
    stdin = sys.stdin
    if hasattr(stdin, "reconfigure"):
        with contextlib.suppress(Exception):  # a test's replaced stdin may not allow it
            stdin.reconfigure(errors="replace")
    saved = sys.stdout, sys.stderr
    sys.stdout = cast(TextIO, TerminalGuard(sys.stdout))
    sys.stderr = cast(TextIO, TerminalGuard(sys.stderr))
    install_log_filter()
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def error_line(exc: BaseException, args: argparse.Namespace | None = None) -> str:
    """The one line that tells the user what went wrong, in the user's language."""
    lang = _lang(args)
    if isinstance(exc, SalescoachError):
        return i18n.text(lang, "edges.error", message=redact(exc.words(lang)))
    if isinstance(exc, OSError):
        path = exc.filename if exc.filename is not None else "?"
        reason = exc.strerror or type(exc).__name__
        return i18n.text(lang, "edges.os_error", path=quote(str(path)).strip("'\""), reason=reason)
    message = quote(redact(str(exc)))
    return i18n.text(lang, "edges.unexpected", kind=type(exc).__name__, message=message)


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the exit-time flush stays quiet."""
    with contextlib.suppress(Exception):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ else 1)


def run_guarded(command: Callable[[], int], args: argparse.Namespace | None = None) -> int:
    """Run a command; turn whatever it raises into one line on stderr and an exit status."""
    try:
        return command()
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except (SalescoachError, OSError) as exc:
        print(error_line(exc, args), file=sys.stderr)
        return 1
    except Exception as exc:  # the last net: a bug still gets one line, not a traceback
        if os.environ.get("SALESCOACH_DEBUG"):
            raise
        print(error_line(exc, args), file=sys.stderr)
        return 1
