"""Callback data of the coach buttons, and the anchored patterns that read it back.

Buttons carry ids only; every handler checks them against the store and the presser's role
and cohorts, so forged data is refused like an expired button. All under 64 bytes.
"""

from __future__ import annotations

import re

_ID = r"[0-9a-f]{8}"
_USER = r"[0-9]{1,20}"
_SID = r"[A-Za-z0-9_-]{1,16}"
_SCENARIO = r"[a-z0-9][a-z0-9_-]{0,39}"

COHORT = re.compile(rf"^co:(ov|hm|rs|qr|rv|rvy|rvn|csv|html|cal|rt):({_ID})$")
ASSIGN = re.compile(rf"^co:as:({_ID})$")
ROUND = re.compile(rf"^co:rd:({_ID})$")
REP = re.compile(rf"^cp:({_ID}):({_USER})$")
OPEN = re.compile(rf"^cr:({_USER}):({_SID})$")
TURN = re.compile(rf"^ct:(ok|fx|cm):({_USER}):({_SID}):([0-9]{{1,2}})$")
CRITERION = re.compile(rf"^cx:({_USER}):({_SID}):([0-9]{{1,2}}):([0-9])$")
SCORE = re.compile(rf"^cs:({_USER}):({_SID}):([0-9]{{1,2}}):([0-9]):([0-9]{{1,3}})$")
ASSIGN_SCENARIO = re.compile(rf"^asc:({_ID}):({_SCENARIO})$")
ASSIGN_LEVEL = re.compile(rf"^asl:({_ID}):({_SCENARIO}):([123])$")
ASSIGN_DEADLINE = re.compile(rf"^asd:({_ID}):({_SCENARIO}):([123]):([0-9]{{1,2}})$")
ASSIGN_STATUS = re.compile(rf"^ass:({_ID})$")
ASSIGNMENT_START = re.compile(rf"^asg:({_ID})$")
ROUND_SCENARIO = re.compile(rf"^rdc:({_ID}):({_SCENARIO})$")
ROUND_LEVEL = re.compile(rf"^rdl:({_ID}):({_SCENARIO}):([123])$")
ROUND_START = re.compile(rf"^rdn:({_ID}):({_SCENARIO}):([123]):([01])$")
ROUND_JOIN = re.compile(rf"^rj:({_ID})$")
ROUND_END = re.compile(rf"^re:({_ID})$")
LEAVE = re.compile(rf"^lv:({_ID})$")

#: Criterion buttons carry the criterion's index in the rubric; this one means "overall".
OVERALL = 9


def cohort(action: str, cohort_id: str) -> str:
    """An action on one cohort (overview, heat map, recent, QR, revoke, exports, …)."""
    return f"co:{action}:{cohort_id}"


def rep(cohort_id: str, user_id: str) -> str:
    """One member's progress."""
    return f"cp:{cohort_id}:{user_id}"


def open_session(user_id: str, session_id: str) -> str:
    """Open a member's transcript for review."""
    return f"cr:{user_id}:{session_id}"


def turn(action: str, user_id: str, session_id: str, index: int) -> str:
    """Confirm (ok), correct (fx) or comment (cm) one turn."""
    return f"ct:{action}:{user_id}:{session_id}:{index}"


def criterion(user_id: str, session_id: str, index: int, which: int) -> str:
    """Pick the criterion (or OVERALL) to correct."""
    return f"cx:{user_id}:{session_id}:{index}:{which}"


def score(user_id: str, session_id: str, index: int, which: int, value: int) -> str:
    """The coach's score for it."""
    return f"cs:{user_id}:{session_id}:{index}:{which}:{value}"
