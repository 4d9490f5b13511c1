"""Cohorts: a coach's group of reps, joined by a short revocable code or a deep link."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import Any

from bot import i18n
from bot.coaching.access import Actor, Role, owned_cohort, requires
from bot.coaching.records import COHORTS, MEMBERS, Records
from bot.coaching.roles import new_code, normalise_code
from bot.core.datafile import Lang
from bot.errors import NotAllowed, SalescoachError
from bot.hygiene import clean_name


@dataclass(frozen=True)
class Cohort:
    """A coach's group; `code` is None while joining is closed."""

    id: str
    name: str
    coach_id: str
    code: str | None
    created_at: float
    coach_name: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Cohort:
        """Build from a stored document."""
        return cls(
            data["id"],
            data["name"],
            data["coach_id"],
            data.get("code"),
            data["created_at"],
            data.get("coach_name", ""),
        )


@dataclass(frozen=True)
class Member:
    """A rep in a cohort, with the name shown to the coach."""

    cohort_id: str
    user_id: str
    name: str
    joined_at: float


def deep_link(bot_username: str, code: str) -> str:
    """The t.me link that opens the bot and joins the cohort in one tap."""
    return f"https://t.me/{bot_username.lstrip('@')}?start=join_{code}"


def code_from_start(payload: str) -> str | None:
    """The join code in a /start payload (`join_<code>`), if it is one."""
    return payload[len("join_") :] if payload.startswith("join_") else None


@requires(Role.COACH)
def create_cohort(records: Records, actor: Actor, name: str, *, now: float | None = None) -> Cohort:
    """A new cohort coached by the actor, open for joining with a fresh code."""
    name = clean_name(name, 80)
    if not name:
        raise SalescoachError.said("coaching.cohort_name_missing")
    cohort_id = secrets.token_hex(4)
    doc = {
        "id": cohort_id,
        "name": name,
        "coach_id": actor.user_id,
        "coach_name": actor.name,
        "code": new_code(),
        "created_at": now or time.time(),
    }
    records.put(COHORTS, cohort_id, doc)
    return Cohort.from_dict(doc)


def coach_cohorts(records: Records, actor: Actor) -> list[Cohort]:
    """The actor's own cohorts, oldest first."""
    docs = records.find(COHORTS, coach_id=actor.user_id)
    return sorted((Cohort.from_dict(d) for d in docs), key=lambda c: c.created_at)


def all_cohorts(records: Records) -> list[Cohort]:
    """Every cohort (for the operator's command line)."""
    return sorted((Cohort.from_dict(d) for d in records.find(COHORTS)), key=lambda c: c.created_at)


def get_cohort(records: Records, actor: Actor, cohort_id: str) -> Cohort:
    """One of the actor's cohorts by id (NotAllowed for anyone else's or unknown ids)."""
    return Cohort.from_dict(owned_cohort(records, actor, cohort_id))


def find_cohort(records: Records, id_or_code: str) -> Cohort | None:
    """A cohort by id or current join code, without any access check (operator use)."""
    doc = records.get(COHORTS, id_or_code)
    if doc is None:
        code = normalise_code(id_or_code)
        doc = next(iter(records.find(COHORTS, code=code)), None) if code else None
    return None if doc is None else Cohort.from_dict(doc)


def revoke_code(records: Records, actor: Actor, cohort_id: str, *, reissue: bool = True) -> Cohort:
    """Stop the current join code working; optionally issue a new one at once."""
    doc = owned_cohort(records, actor, cohort_id)
    doc["code"] = new_code() if reissue else None
    records.put(COHORTS, cohort_id, doc)
    return Cohort.from_dict(doc)


def join(
    records: Records, user_id: str, code: str, name: str = "", *, now: float | None = None
) -> tuple[Cohort, bool]:
    """Join the cohort with this code; returns it and whether the rep was new to it."""
    code = normalise_code(code)
    doc = next(iter(records.find(COHORTS, code=code)), None) if code else None
    if doc is None:
        raise NotAllowed.said("coaching.join_code_invalid")
    cohort = Cohort.from_dict(doc)
    key = f"{cohort.id}:{user_id}"
    if records.get(MEMBERS, key) is not None:
        return cohort, False
    member = {
        "cohort_id": cohort.id,
        "user_id": str(user_id),
        "name": clean_name(name) or str(user_id),
    }
    records.put(MEMBERS, key, {**member, "joined_at": now or time.time()})
    return cohort, True


def leave(records: Records, user_id: str, cohort_id: str) -> None:
    """Leave a cohort: from now on its coach sees nothing of the rep."""
    records.delete(MEMBERS, f"{cohort_id}:{user_id}")


def rep_cohorts(records: Records, user_id: str) -> list[Cohort]:
    """The cohorts a rep belongs to."""
    docs = [records.get(COHORTS, m["cohort_id"]) for m in records.find(MEMBERS, user_id=user_id)]
    return [Cohort.from_dict(d) for d in docs if d is not None]


def members(records: Records, cohort_id: str) -> list[Member]:
    """A cohort's members in joining order (callers check access to the cohort first)."""
    docs = records.find(MEMBERS, cohort_id=cohort_id)
    return sorted(
        (Member(d["cohort_id"], d["user_id"], d["name"], d["joined_at"]) for d in docs),
        key=lambda m: (m.joined_at, m.user_id),
    )


def can_see(lang: Lang, coach_name: str) -> str:
    """The plain statement of what the coach will be able to see."""
    return i18n.text(lang, "coaching.coach_can_see", coach=f" {coach_name}" if coach_name else "")
