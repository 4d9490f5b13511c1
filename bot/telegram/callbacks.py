"""Callback data of our inline buttons: how it is written and the patterns that read it back.

A modified client can send any callback data, so every button handler is registered with an
anchored pattern below, and handlers check ids against what exists and who is pressing
(another user's session id is treated like an expired button). All data stays under
Telegram's 64-byte limit.
"""

from __future__ import annotations

import re

from bot.core.session import Mode

_SCENARIO = r"[a-z0-9][a-z0-9_-]{0,39}"
_MODE = r"practice|exam"

PICKER = re.compile(r"^pick$")
BRIEF = re.compile(rf"^brief:({_SCENARIO}):({_MODE})$")
GO = re.compile(rf"^go:({_SCENARIO}):([123]):({_MODE})$")
AGAIN = re.compile(rf"^again:({_SCENARIO}):([123]):({_MODE})$")
NEXT = re.compile(r"^next$")
SWITCH = re.compile(rf"^sw:({_SCENARIO}):([123]):({_MODE})$")
KEEP = re.compile(r"^keep$")
TRANSCRIPT = re.compile(r"^tr:([A-Za-z0-9_-]{1,40})$")
LANG = re.compile(r"^lang:(sv|en)$")
DELETE = re.compile(r"^del:([A-Za-z0-9_-]{8,32})$")
DELETE_CANCEL = re.compile(r"^del:no$")


def picker() -> str:
    """Back to the list of scenarios."""
    return "pick"


def brief(scenario_id: str, mode: Mode) -> str:
    """Show one scenario's brief with its difficulty buttons."""
    return f"brief:{scenario_id}:{mode}"


def go(scenario_id: str, level: int, mode: Mode) -> str:
    """Start a role-play."""
    return f"go:{scenario_id}:{level}:{mode}"


def again(scenario_id: str, level: int, mode: Mode) -> str:
    """Start a role-play from a report card (which keeps its text)."""
    return f"again:{scenario_id}:{level}:{mode}"


def next_recommended() -> str:
    """Start the scenario the rep's progress recommends."""
    return "next"


def switch(scenario_id: str, level: int, mode: Mode) -> str:
    """Yes, end the ongoing role-play and start this one."""
    return f"sw:{scenario_id}:{level}:{mode}"


def keep() -> str:
    """No, go on with the ongoing role-play."""
    return "keep"


def transcript(session_id: str) -> str:
    """Send one of the rep's own transcripts."""
    return f"tr:{session_id}"


def lang(code: str) -> str:
    """Switch the UI language."""
    return f"lang:{code}"


def delete(token: str) -> str:
    """Confirm /delete_me; the token must match the one issued with the question."""
    return f"del:{token}"


def delete_cancel() -> str:
    """Keep everything."""
    return "del:no"


def as_mode(value: str) -> Mode:
    """A mode from a pattern group (the patterns only let 'practice' and 'exam' through)."""
    return "exam" if value == "exam" else "practice"
