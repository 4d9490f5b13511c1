"""Guess whether a short text is Swedish or English."""

from __future__ import annotations

import re

from bot.core.datafile import Lang

_SWEDISH = frozenset(
    [
        "och",
        "att",
        "det",
        "som",
        "är",
        "jag",
        "du",
        "vi",
        "ni",
        "inte",
        "för",
        "med",
        "har",
        "kan",
        "ska",
        "vill",
        "hur",
        "vad",
        "varför",
        "när",
        "kanske",
        "också",
        "eller",
        "men",
        "så",
        "på",
        "av",
        "till",
        "om",
        "från",
        "mig",
        "dig",
        "er",
        "oss",
        "vår",
        "ert",
        "era",
    ]
)
_WORD = re.compile(r"[a-zåäöéü]+")


def guess_lang(text: str) -> Lang:
    """`sv` when the text has Swedish letters or enough common Swedish words, else `en`."""
    lowered = text.lower()
    if any(ch in lowered for ch in "åäö"):
        return "sv"
    words = _WORD.findall(lowered)
    hits = sum(1 for w in words if w in _SWEDISH)
    return "sv" if words and hits / len(words) >= 0.15 else "en"
