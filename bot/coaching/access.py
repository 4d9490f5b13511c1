"""Who may do what: roles, the actor making a request, and the checks written once."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Concatenate, ParamSpec, TypeVar

from bot.coaching.records import COHORTS, MEMBERS, Doc, Records
from bot.core.session import Session
from bot.errors import NotAllowed
from bot.i18n import Message

P = ParamSpec("P")
R = TypeVar("R")


class Role(IntEnum):
    """A user's role; a higher role can do everything a lower one can."""

    REP = 0
    COACH = 1
    ADMIN = 2


@dataclass(frozen=True)
class Actor:
    """The user making a request, with the role they were found to have."""

    user_id: str
    role: Role
    name: str = ""


class RoleRequired(NotAllowed):
    """The actor's role is too low for the action."""


def require_role(actor: Actor, role: Role) -> None:
    """Raise RoleRequired unless the actor has at least `role`."""
    if actor.role < role:
        who = Message("coaching.who_admins" if role >= Role.ADMIN else "coaching.who_coaches")
        raise RoleRequired.said("coaching.only_role", who=who)


def requires(
    role: Role,
) -> Callable[
    [Callable[Concatenate[Records, Actor, P], R]], Callable[Concatenate[Records, Actor, P], R]
]:
    """Decorate a service function `(records, actor, ...)` so it first checks the actor's role."""

    def decorate(
        func: Callable[Concatenate[Records, Actor, P], R],
    ) -> Callable[Concatenate[Records, Actor, P], R]:
        @functools.wraps(func)
        def checked(records: Records, actor: Actor, *args: P.args, **kwargs: P.kwargs) -> R:
            require_role(actor, role)
            return func(records, actor, *args, **kwargs)

        return checked

    return decorate


def owned_cohort(records: Records, actor: Actor, cohort_id: str) -> Doc:
    """The cohort if the actor coaches it; NotAllowed otherwise (also for ids that don't exist)."""
    cohort = records.get(COHORTS, cohort_id)
    if cohort is None or cohort["coach_id"] != actor.user_id:
        raise NotAllowed.said("coaching.not_your_cohort")
    return cohort


def coached_membership(records: Records, actor: Actor, rep_id: str) -> Doc | None:
    """The actor's earliest membership of `rep_id` in one of the actor's cohorts, or None."""
    found = [
        m
        for m in records.find(MEMBERS, user_id=rep_id)
        if (c := records.get(COHORTS, m["cohort_id"])) and c["coach_id"] == actor.user_id
    ]
    return min(found, key=lambda m: m["joined_at"]) if found else None


def visible_since(records: Records, actor: Actor, rep_id: str) -> float | None:
    """From when the actor may see this rep's sessions: 0 for their own, None for never.

    A coach sees a member's sessions from the moment the rep joined one of the coach's
    cohorts; that is what the rep was told when joining.
    """
    if actor.user_id == rep_id:
        return 0.0
    membership = coached_membership(records, actor, rep_id)
    return None if membership is None else float(membership["joined_at"])


def require_rep_access(records: Records, actor: Actor, rep_id: str) -> float:
    """Raise NotAllowed unless the actor may see this rep; return the visible-since time."""
    since = visible_since(records, actor, rep_id)
    if since is None:
        raise NotAllowed.said("coaching.own_practice_only")
    return since


def require_session_access(records: Records, actor: Actor, session: Session) -> None:
    """Raise NotAllowed unless the actor may read this session's transcript."""
    since = require_rep_access(records, actor, session.user_id)
    if session.started_at < since:
        raise NotAllowed.said("coaching.before_joining")


def visible_sessions(records: Records, actor: Actor, rep_id: str) -> list[Session]:
    """The rep's sessions the actor may see, oldest first (NotAllowed if none may be seen)."""
    since = require_rep_access(records, actor, rep_id)
    return [s for s in records.sessions(rep_id) if s.started_at >= since]


def open_session(records: Records, actor: Actor, rep_id: str, session_id: str) -> Session:
    """One session, if the actor may read it; forged or unknown ids get NotAllowed."""
    require_rep_access(records, actor, rep_id)
    session = records.session(rep_id, session_id)
    if session is None:
        raise NotAllowed.said("coaching.no_such_session")
    require_session_access(records, actor, session)
    return session
