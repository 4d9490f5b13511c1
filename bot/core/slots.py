"""Time slots a rep proposes ("lördag vid elva", "Aug 12, 9:30", "tisdag kl 10"), in Swedish
and English, with or without å/ä/ö.

A small parser on purpose: reps name a weekday, a relative day, a date and/or a time of day;
a general date library would be heavy and would also find dates in things like "i tre veckor".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from bot.core.datafile import Lang

WEEKDAYS = {
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS = {
    "sv": [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
RELATIVE = {
    "today": {"sv": "i dag", "en": "today"},
    "tonight": {"sv": "i kväll", "en": "tonight"},
    "tomorrow": {"sv": "i morgon", "en": "tomorrow"},
    "next_week": {"sv": "nästa vecka", "en": "next week"},
}

_NUMBER_WORDS = {
    # "ett"/"one" are left out: "at one point", "vid ett tillfälle" are not times.
    **dict.fromkeys(("tva", "two"), 2),
    **dict.fromkeys(("tre", "three"), 3),
    **dict.fromkeys(("fyra", "four"), 4),
    **dict.fromkeys(("fem", "five"), 5),
    **dict.fromkeys(("sex", "six"), 6),
    **dict.fromkeys(("sju", "seven"), 7),
    **dict.fromkeys(("atta", "eight"), 8),
    **dict.fromkeys(("nio", "nine"), 9),
    **dict.fromkeys(("tio", "ten"), 10),
    **dict.fromkeys(("elva", "eleven"), 11),
    **dict.fromkeys(("tolv", "twelve"), 12),
}
# Short forms that are also common words ("fri", "sat", "sun", "wed") are left out on purpose.
_WEEKDAY_WORDS = (
    ("mandag", "monday"),
    ("tisdag", "tuesday", "tue", "tues"),
    ("onsdag", "wednesday"),
    ("torsdag", "thursday", "thu", "thurs"),
    ("fredag", "friday"),
    ("lordag", "saturday"),
    ("sondag", "sunday"),
)
#: Per month, every way to write it: Swedish and English names and three-letter forms.
_MONTH_WORDS = [
    {sv, en.casefold(), sv[:3], en[:3].casefold()}
    for sv, en in zip(MONTHS["sv"], MONTHS["en"], strict=True)
]
_RELATIVE_WORDS = {
    "today": ("i dag", "idag", "today"),
    "tonight": ("i kvall", "ikvall", "tonight", "this evening"),
    "tomorrow": ("i morgon", "imorgon", "imorn", "i morn", "tomorrow"),
    "next_week": ("nasta vecka", "next week"),
}

_W = r"(?<![\w])"  # a word starts here
_DAY_RE = re.compile(
    _W
    + r"(?P<day>"
    + "|".join(w for words in _WEEKDAY_WORDS for w in sorted(words, key=len, reverse=True))
    + r")(?:en|s)?\b\.?"
)
_MONTH_ALT = "|".join(sorted({w for words in _MONTH_WORDS for w in words}, key=len, reverse=True))
_DATE_RE = re.compile(
    rf"{_W}(?:(?P<d1>\d{{1,2}})(?:e|:e|st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH_ALT})\b"
    rf"|(?P<m2>{_MONTH_ALT})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)"
    r"|\b(?P<iso>20\d\d-(?P<im>\d\d)-(?P<id>\d\d))\b"
)
_RELATIVE_RE = re.compile(
    _W + r"(?P<rel>" + "|".join(w for ws in _RELATIVE_WORDS.values() for w in ws) + r")\b"
)
_CLOCK = r"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?"
# Not a time of day when an amount or a duration follows: "at 20 %", "vid 15 kr", "at 10 000".
_NOT_TIME = r"(?!\s*(?:%|\d|kr|sek|kronor|procent|percent|min|st\b|dagar|days|veckor|weeks|tim))"
_TIME_RE = re.compile(
    rf"(?:\b(?:kl|klockan|vid|at|@|from|fran)\.?\s*{_CLOCK}\s*(?P<ap>am|pm|a\.m\.|p\.m\.)?\b"
    rf"{_NOT_TIME}"
    rf"|{_W}(?P<h2>[01]?\d|2[0-3])[:.](?P<m2>[0-5]\d)\b{_NOT_TIME}"
    rf"|{_W}(?P<h3>1[0-2]|[1-9])\s*(?P<ap3>am|pm)\b"
    r"|\b(?:kl|klockan|vid|at)\.?\s+(?P<half>halv\s+)?(?P<word>[a-z]+)\b)"
)


@functools.lru_cache(maxsize=2048)  # a turn folds the same reply and customer lines many times
def fold(text: str) -> str:
    """Lowercase without diacritics: "Lördag" and "lordag" read the same."""
    if text.isascii():  # nothing to decompose, and casefold is lower for ASCII
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Slot:
    """A proposed moment: a weekday, a relative day or a date, and/or a time of day."""

    weekday: int | None = None  # 0 = Monday
    relative: str | None = None  # a key of RELATIVE
    month: int | None = None  # 1-12, with `day_of_month`
    day_of_month: int | None = None
    hour: int | None = None
    minute: int = 0

    @property
    def dated(self) -> bool:
        """True when the slot names a day (not only a time)."""
        return self.weekday is not None or self.relative is not None or self.month is not None

    def words(self, lang: Lang) -> str:
        """The slot as the customer would say it: "lördag kl. 11", "Aug 12 at 9:30"."""
        parts = []
        if self.month is not None and self.day_of_month is not None:
            month = MONTHS[lang][self.month - 1]
            parts.append(
                f"den {self.day_of_month} {month}"
                if lang == "sv"
                else f"{month} {self.day_of_month}"
            )
        elif self.weekday is not None:
            parts.append(WEEKDAYS[lang][self.weekday])
        elif self.relative is not None:
            parts.append(RELATIVE[self.relative][lang])
        if self.hour is not None:
            parts.append(_clock(self.hour, self.minute or 0, lang))
        return " ".join(parts)


def _clock(hour: int, minute: int, lang: Lang) -> str:
    """The time as the customer says it: Swedish "kl. 18.30", English "at 6:30 pm"."""
    if lang == "sv":
        return f"kl. {hour}" + (f".{minute:02d}" if minute else "")
    shown, pm = (hour - 12, " pm") if hour > 12 else (hour, "")
    return f"at {shown}" + (f":{minute:02d}" if minute else "") + pm


def find_slot(text: str) -> Slot | None:
    """The first time slot named in `text`, or None (past days like "i fredags" do not count)."""
    folded = fold(text)
    day = None
    for match in _DAY_RE.finditer(folded):
        if not _is_past(folded, match):
            day = match
            break
    weekday = None
    if day is not None:
        word = day.group("day")
        weekday = next(i for i, words in enumerate(_WEEKDAY_WORDS) if word in words)
    month = dom = None
    date = _DATE_RE.search(folded)
    if date is not None:
        month, dom = _date_parts(date)
    rel = _RELATIVE_RE.search(folded)
    relative = None
    if rel is not None:
        relative = next(k for k, ws in _RELATIVE_WORDS.items() if rel.group("rel") in ws)
    hour, minute = _time(folded)
    if weekday is None and month is None and relative is None and hour is None:
        return None
    return Slot(weekday, relative, month, dom, hour, minute)


def _is_past(folded: str, match: re.Match[str]) -> bool:
    """ "i fredags", "last Friday", "förra tisdagen" are the past, not a proposal."""
    before = folded[max(0, match.start() - 7) : match.start()]
    suffix = folded[match.end("day") : match.end("day") + 1]
    return suffix == "s" or bool(re.search(r"(?:last|forra|forr)\s*$", before))


def _date_parts(match: re.Match[str]) -> tuple[int | None, int | None]:
    if match.group("iso"):
        month, dom = int(match.group("im")), int(match.group("id"))
    else:
        word = match.group("m1") or match.group("m2")
        dom = int(match.group("d1") or match.group("d2"))
        month = next(i + 1 for i, words in enumerate(_MONTH_WORDS) if word in words)
    if not (1 <= month <= 12 and 1 <= dom <= 31):
        return None, None
    return month, dom


def _time(folded: str) -> tuple[int | None, int]:
    for match in _TIME_RE.finditer(folded):
        groups = match.groupdict()
        if groups["word"]:
            hour = _NUMBER_WORDS.get(groups["word"])
            if hour is None:
                continue
            if groups["half"]:  # "halv tre" is half past two
                return (hour - 1) % 12 or 12, 30
            return hour, 0
        raw_hour = groups["h"] or groups["h2"] or groups["h3"]
        if raw_hour is None:
            continue
        hour = int(raw_hour)
        minute = int(groups["m"] or groups["m2"] or 0)
        ampm = groups["ap"] or groups["ap3"] or ""
        if ampm.startswith("p") and hour < 12:
            hour += 12
        return hour, minute
    return None, 0
