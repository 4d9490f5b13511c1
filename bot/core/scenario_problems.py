"""What is wrong in a coach's scenario file, as catalogue messages with field and line.

pydantic's validation errors are turned into our own `scenarios.check.*` messages here, so a
coach reads them in their language and with the words of the file (`hidden.reveals[2]`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from bot.core.datafile import Lang
from bot.i18n import Message

#: How much of a bad value a message quotes.
QUOTE_CHARS = 100
Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file: where, which field, what (a catalogue key and parameters)."""

    line: int
    field: str
    message: Message

    def render(self, name: str, lang: Lang) -> str:
        """`FILE:LINE: field: problem` in `lang`."""
        return f"{name}:{self.line}: {self.field}: {self.message.render(lang)}"


def msg(key: str, **params: Any) -> Message:
    """The `scenarios.check.<key>` message with its parameters."""
    return Message(f"scenarios.check.{key}", params)


def quote(value: Any) -> str:
    """A value as a message quotes it: at most QUOTE_CHARS characters, on one line."""
    text = " ".join(str(value).split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


def show_path(path: Path_, data: Any = None) -> str:
    """`hidden.reveals[2]`: fields dotted, list items numbered from 1 (`data` tells lists)."""
    out, here = "", data
    for part in path:
        if isinstance(part, int) and (here is None or isinstance(here, list)):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else str(part)
        try:
            here = here[part] if here is not None else None
        except (KeyError, IndexError, TypeError):
            here = None
    return out or "(file)"


def _field_names() -> list[str]:
    """Every field name a scenario file may use, for "did you mean" on unknown ones."""
    from bot.core import scenarios as s

    models: tuple[type[BaseModel], ...] = (s.Scenario, s.Persona, s.Hidden, s.Win, s.LevelSpec)
    return sorted({name for m in models for name in m.model_fields} | {"sv", "en"})


_EXPECTED = {
    "string_type": "text",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
    "list_type": "list",
    "int_type": "number",
    "int_parsing": "number",
    "int_from_float": "number",
}


def message_for(err: Mapping[str, Any], path: Path_) -> Message:
    """Our catalogue message for one pydantic error."""
    kind, ctx, got = err["type"], err.get("ctx") or {}, err.get("input")
    shown = "" if isinstance(got, dict | list) or got is None else quote(got)
    if kind == "missing":
        return msg("missing")
    if kind == "extra_forbidden":
        name = str(path[-1]) if path else ""
        close = difflib.get_close_matches(name, _field_names(), 1)
        return msg("unknown_did_you_mean", guess=close[0]) if close else msg("unknown")
    if kind == "model_type" and ctx.get("class_name") == "Text":
        return msg("expected_text", got=shown or type(got).__name__)
    if kind in _EXPECTED:
        return msg(f"expected_{_EXPECTED[kind]}", got=shown or type(got).__name__)
    if kind == "too_short":
        if isinstance(got, str):
            return msg("empty_text")
        return msg("too_few", min=ctx.get("min_length", 1), n=ctx.get("actual_length", 0))
    if kind == "too_long":
        return msg("too_long", max=ctx.get("max_length", 0))
    if kind == "string_too_short":
        return msg("empty_text")
    if kind == "string_too_long":
        return msg("too_long", max=ctx.get("max_length", 0))
    if kind in ("literal_error", "enum"):
        # pydantic says "'won' or 'meeting_booked'": the "or" would be English in every language.
        expected = str(ctx.get("expected", "")).replace(" or ", ", ")
        return msg("choice", expected=expected, got=shown)
    if kind == "string_pattern_mismatch":
        return msg("id_pattern", got=shown)
    if kind in ("greater_than_equal", "less_than_equal"):
        return msg("range", got=shown, low=0 if path[-1] == "trust" else 1, high=100)
    if kind in ("unknown_criteria", "unknown_lesson", "unknown_reaction"):
        return msg(kind, **ctx)
    return msg("invalid", detail=quote(err.get("msg", "")), got=shown)


def clean_loc(loc: tuple[Any, ...]) -> Path_:
    """The pydantic location as a path in the file (validator wrappers left out)."""
    return tuple(p for p in loc if isinstance(p, int) or "[" not in str(p))


#: YAML syntax errors coaches make, recognised by the parser's words (libyaml's and PyYAML's).
_SYNTAX_HINTS = (
    ("mapping values are not allowed", "syntax_colon"),
    ("while scanning a quoted scalar", "syntax_quote"),
    ("did not find expected key", "syntax_indent"),
    ("expected <block end>", "syntax_indent"),
)


def syntax_message(problem: str, context: str, line_text: str, column: int) -> Message:
    """What a YAML syntax error means, in words a coach can act on; else the parser's own.

    `line_text` is the line the parser stopped on and `column` where on it.
    """
    if "\t" in line_text[: len(line_text) - len(line_text.lstrip())]:
        return msg("syntax_tab")
    said = f"{problem} {context}"
    key = next((key for words, key in _SYNTAX_HINTS if words in said), None)
    if key == "syntax_colon" and re.fullmatch(r"\s*-?\s*[\w-]+", line_text[:column]):
        key = "syntax_indent"  # `  reveals:` one level too deep, not a colon inside a text
    return msg(key) if key else msg("syntax", detail=quote(problem or context))
