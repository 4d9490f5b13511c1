"""Taking one rep out of the shared files: their documents, their id and their display name.

Shared collections mention a rep in a few shapes: a document of theirs (`user_id`, or a key
made from their id), a map keyed by their id (a round's participants), a field `<x>_id` naming
them with `<x>_name` beside it (a review's coach). These rules are generic so a new collection
is covered without code here. A file too damaged to parse is scrubbed at the byte level: each
JSON string holding the id or equal to one of the rep's names is blanked.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

FORGOTTEN = ""  # what an id or name of a forgotten rep becomes where the document stays


def mentions(user_id: str) -> re.Pattern[str]:
    """Matches the id as a whole token (so `rep-1` does not match `rep-10`)."""
    return re.compile(rf"(?<![A-Za-z0-9_-]){re.escape(user_id)}(?![A-Za-z0-9_-])")


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def names_in(doc: dict[str, Any], user_id: str) -> set[str]:
    """The rep's display names that `doc` holds (a member's name, a participant, a coach)."""
    found: set[str] = set()
    if doc.get("user_id") == user_id and isinstance(doc.get("name"), str):
        found.add(doc["name"])

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == user_id:
                    # a round participant: [name, alias]; the alias ("#3") is no name
                    found.update(s for s in _strings(item) if not s.startswith("#"))
                elif key.endswith("_id") and item == user_id:
                    name = value.get(key[:-3] + "_name")
                    if isinstance(name, str):
                        found.add(name)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(doc)
    return {name for name in found if name and name != user_id}


def owned(doc: dict[str, Any], user_id: str) -> bool:
    """Whether the whole document is the rep's (theirs by `user_id`, or keyed by their id)."""
    key = doc.get("key")
    return doc.get("user_id") == user_id or (
        isinstance(key, str) and mentions(user_id).search(key) is not None
    )


def scrub(value: Any, user_id: str) -> Any:
    """`value` with every mention of the rep removed (maps keyed by them, fields naming them)."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key == user_id:
                continue
            if key.endswith("_id") and item == user_id:
                out[key] = FORGOTTEN
                name_key = key[:-3] + "_name"
                if name_key in value:
                    out[name_key] = FORGOTTEN
                continue
            if key in out:  # already blanked as the name beside a forgotten id
                continue
            out[key] = scrub(item, user_id)
        return out
    if isinstance(value, list):
        return [scrub(item, user_id) for item in value if item != user_id]
    if value == user_id:
        return FORGOTTEN
    return value


_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"|"(?:[^"\\]|\\.)*$', re.DOTALL)


def scrub_raw(raw: bytes, user_id: str, names: Iterable[str]) -> bytes:
    """Damaged JSON with each string that holds the id, or is one of `names`, blanked.

    A string cut off by the damage is blanked whatever it held.
    """
    pattern = mentions(user_id)
    blanked = {name.strip() for name in names if name.strip()}

    def blank(match: re.Match[bytes]) -> bytes:
        literal = match.group(0)
        text = literal.decode("utf-8", "replace")
        if len(text) < 2 or not text.endswith('"'):
            return b'""'  # cut off by the damage: a fragment that may be of anything
        try:
            inner = str(json.loads(text))
        except json.JSONDecodeError:
            inner = text[1:-1]
        if pattern.search(inner) or inner.strip() in blanked:
            return b'""'
        return literal

    out = _JSON_STRING.sub(blank, raw)
    # Damage can shift which quotes pair up; whatever is left outside strings goes too.
    words = [re.escape(name) for name in sorted(blanked, key=len, reverse=True)]
    leftover = re.compile(
        rf"{pattern.pattern}|(?<!\w)(?:{'|'.join(words)})(?!\w)" if words else pattern.pattern
    )
    return leftover.sub("", out.decode("utf-8", "surrogateescape")).encode(
        "utf-8", "surrogateescape"
    )
