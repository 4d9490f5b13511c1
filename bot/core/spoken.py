"""What the customer has said in a session, sentence by sentence, so it never says one twice."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.core.slots import fold

#: Shorter "sentences" are interjections ("Hm.", "Okej.", "Right."), fine to use again.
MIN_WORDS = 3


def sentences(text: str) -> list[str]:
    """The sentences of `text` that count (MIN_WORDS words or more), normalised for comparing."""
    parts = re.split(r"(?<=[.!?…])\s+", text.strip())
    out = []
    for part in parts:
        words = re.findall(r"\w+", fold(part))
        if len(words) >= MIN_WORDS:
            out.append(" ".join(words))
    return out


class Memory:
    """The sentences said so far."""

    def __init__(self, lines: Iterable[str] = ()) -> None:
        self._said: set[str] = set()
        for line in lines:
            self.add(line)

    def fresh(self, line: str) -> bool:
        """True when no sentence of `line` has been said yet."""
        return not any(s in self._said for s in sentences(line))

    def add(self, line: str) -> None:
        """Remember the sentences of `line`."""
        self._said.update(sentences(line))
