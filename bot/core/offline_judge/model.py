"""What the detector found in a reply: spans (hits) by kind, and a few flags."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Hit:
    """A span of the reply that shows a feature; `text` is quoted from the original reply."""

    start: int
    end: int
    text: str


@dataclass
class Features:
    """Everything the scorer needs to know about one reply."""

    text: str
    low: str = ""
    words: int = 0
    pronouns: int = 0
    hits: dict[str, list[Hit]] = field(default_factory=dict)
    need_open: bool = False
    dated: bool = False
    vague_dated: bool = False
    weak_dated: bool = False
    step_purpose: bool = False
    own_timed: bool = False
    specific: bool = False
    comply: bool = False
    feature_dump: bool = False
    filler: bool = False
    stuffing: bool = False
    off_topic: bool = False
    echo: bool = False
    overlap: int = 0

    def has(self, kind: str) -> bool:
        """True when at least one hit of this kind was found."""
        return bool(self.hits.get(kind))

    def spans(self, pattern: re.Pattern[str], start: int = 0, end: int | None = None) -> list[Hit]:
        """Matches of `pattern` in the folded reply (or a slice of it), quoted from the original."""
        end = len(self.low) if end is None else end
        return [
            Hit(m.start(), m.end(), self.text[m.start() : m.end()])
            for m in pattern.finditer(self.low, start, end)
        ]
