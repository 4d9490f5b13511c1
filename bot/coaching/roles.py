"""Roles: admins from settings, coaches made by an admin (directly or by a one-time invite)."""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterable

from bot.coaching.access import Actor, Role, requires
from bot.coaching.records import INVITES, ROLES, Records
from bot.errors import NotAllowed

#: Unambiguous letters and digits (no 0/O, 1/I/L) for codes people may have to type.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_code(length: int = 8) -> str:
    """A random code: 8 characters of 31 give about 40 bits, far beyond guessing by hand."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalise_code(code: str) -> str:
    """Codes are case-insensitive and may be typed with spaces or dashes."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def role_of(records: Records, admin_ids: Iterable[int | str], user_id: str) -> Role:
    """The user's role: admin if listed in ADMIN_USER_IDS, coach if granted, else rep."""
    if str(user_id) in {str(a) for a in admin_ids}:
        return Role.ADMIN
    return Role.COACH if records.get(ROLES, str(user_id)) else Role.REP


def actor_for(
    records: Records, admin_ids: Iterable[int | str], user_id: str | int, name: str = ""
) -> Actor:
    """The Actor for a user id, with the role looked up once."""
    return Actor(str(user_id), role_of(records, admin_ids, str(user_id)), name)


@requires(Role.ADMIN)
def grant_coach(records: Records, actor: Actor, user_id: str, *, now: float | None = None) -> None:
    """Make a user a coach (admins only)."""
    doc = {"user_id": str(user_id), "granted_by": actor.user_id, "at": now or time.time()}
    records.put(ROLES, str(user_id), doc)


@requires(Role.ADMIN)
def revoke_coach(records: Records, actor: Actor, user_id: str) -> None:
    """Take the coach role away again (admins only); their cohorts stay, unreachable."""
    records.delete(ROLES, str(user_id))


@requires(Role.ADMIN)
def create_invite(records: Records, actor: Actor, *, now: float | None = None) -> str:
    """A one-time code that makes whoever redeems it a coach (admins only)."""
    code = new_code(10)
    records.put(INVITES, code, {"code": code, "by": actor.user_id, "at": now or time.time()})
    return code


def redeem_invite(records: Records, user_id: str, code: str, *, now: float | None = None) -> None:
    """Use a coach invite: the user becomes a coach and the code stops working."""
    code = normalise_code(code)
    invite = records.get(INVITES, code) if code else None
    if invite is None:
        raise NotAllowed.said("coaching.invite_invalid")
    records.delete(INVITES, code)
    at = now or time.time()
    records.put(
        ROLES, str(user_id), {"user_id": str(user_id), "granted_by": invite["by"], "at": at}
    )


def coaches(records: Records) -> list[str]:
    """User ids granted the coach role (admins are not listed)."""
    return sorted(d["user_id"] for d in records.find(ROLES))
