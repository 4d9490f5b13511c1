"""Coaches' own scenarios: stored, published to the coach's cohorts, and seen only there.

A coach's file is kept as sent (in the `coach_scenarios` table of the data folder, so it is
in every backup and in the coach's export). Its scenario plays under a runtime id that adds
a short mark of the coach (`heat-pump-3fa9c1`), so two coaches can both call theirs
`heat-pump` and neither reaches the other's cohorts.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from bot.coaching.access import Actor, Role, owned_cohort, requires
from bot.coaching.cohorts import rep_cohorts
from bot.coaching.records import Records
from bot.core.scenario_check import Checked, check_bytes
from bot.core.scenarios import Scenario
from bot.errors import NotAllowed

TABLE = "coach_scenarios"
#: Scenarios one coach may keep; every rep's /practice reads the whole table.
MAX_PER_COACH = 50


def runtime_id(coach_id: str, scenario_id: str) -> str:
    """The id a coach's scenario plays under: its own id and a mark of the coach (≤ 39)."""
    return f"{scenario_id}-{hashlib.sha1(coach_id.encode()).hexdigest()[:6]}"


@dataclass(frozen=True)
class CoachScenario:
    """A stored scenario file, whose it is and which of the coach's cohorts see it."""

    key: str
    coach_id: str
    file_name: str
    source: str
    cohorts: tuple[str, ...]
    updated_at: float

    @classmethod
    def from_dict(cls, doc: dict[str, Any]) -> CoachScenario:
        """Build from a stored document."""
        return cls(
            doc["key"],
            doc["user_id"],
            doc["file_name"],
            doc["source"],
            tuple(doc.get("cohorts", ())),
            doc["updated_at"],
        )

    def to_dict(self) -> dict[str, Any]:
        """The stored document (`user_id` is the coach: their export and /delete_me hold it)."""
        return {
            "key": self.key,
            "user_id": self.coach_id,
            "file_name": self.file_name,
            "source": self.source,
            "cohorts": list(self.cohorts),
            "updated_at": self.updated_at,
        }

    def scenario(self) -> Scenario:
        """The playable scenario under its runtime id."""
        checked = check_bytes(self.source.encode("utf-8"), self.file_name)
        if checked.scenario is None:  # stored files were checked; a rubric change can break one
            raise NotAllowed.said("scenarios.library.stale", file=self.file_name)
        return checked.scenario.model_copy(update={"id": self.key})


@requires(Role.COACH)
def save(
    records: Records,
    actor: Actor,
    raw: bytes,
    file_name: str,
    *,
    taken: Iterable[str] = (),
    now: float | None = None,
) -> tuple[CoachScenario | None, Checked, bool]:
    """Check a sent file and keep it (replacing the coach's file with the same id, keeping
    where it is published); returns the entry, the check, and whether it replaced one."""
    checked = check_bytes(raw, file_name)
    if checked.scenario is None:
        return None, checked, False
    key = runtime_id(actor.user_id, checked.scenario.id)
    old = records.get(TABLE, key)
    if key in set(taken) or (old is not None and old["user_id"] != actor.user_id):
        raise NotAllowed.said("scenarios.library.id_taken", id=checked.scenario.id)
    if old is None and len(records.find(TABLE, user_id=actor.user_id)) >= MAX_PER_COACH:
        raise NotAllowed.said("scenarios.library.full", n=MAX_PER_COACH)
    entry = CoachScenario(
        key,
        actor.user_id,
        file_name,
        raw.decode("utf-8").removeprefix("\ufeff"),
        tuple(old.get("cohorts", ())) if old else (),
        now or time.time(),
    )
    records.put(TABLE, key, entry.to_dict())
    return entry, checked, old is not None


def owned(records: Records, actor: Actor, key: str) -> CoachScenario:
    """One of the actor's own scenarios (NotAllowed for anyone else's and unknown keys)."""
    doc = records.get(TABLE, key)
    if doc is None or doc["user_id"] != actor.user_id:
        raise NotAllowed.said("scenarios.library.not_yours")
    return CoachScenario.from_dict(doc)


def mine(records: Records, actor: Actor) -> list[CoachScenario]:
    """The actor's scenarios, newest first."""
    docs = records.find(TABLE, user_id=actor.user_id)
    return sorted((CoachScenario.from_dict(d) for d in docs), key=lambda e: -e.updated_at)


def everything(records: Records) -> list[CoachScenario]:
    """Every coach's scenarios (to make them playable when the bot starts)."""
    return [CoachScenario.from_dict(d) for d in records.find(TABLE)]


def toggle(records: Records, actor: Actor, key: str, cohort_id: str) -> tuple[CoachScenario, bool]:
    """Publish the scenario to one of the actor's cohorts, or unpublish it if it already is;
    returns the entry and whether it is now published there."""
    owned_cohort(records, actor, cohort_id)
    owned(records, actor, key)
    result: list[CoachScenario] = []

    def flip(doc: dict[str, Any] | None) -> dict[str, Any] | None:
        if doc is None:  # deleted meanwhile: nothing to change
            return None
        entry = CoachScenario.from_dict(doc)
        others = tuple(c for c in entry.cohorts if c != cohort_id)
        changed = replace(
            entry, cohorts=others if cohort_id in entry.cohorts else (*others, cohort_id)
        )
        result.append(changed)
        return changed.to_dict()

    records.modify(TABLE, key, flip)  # one atomic step: two quick taps cannot lose one
    if not result:
        raise NotAllowed.said("scenarios.library.not_yours")
    return result[0], cohort_id in result[0].cohorts


def unpublish_all(records: Records, actor: Actor, key: str) -> CoachScenario:
    """Take the scenario away from every cohort (the coach keeps the file)."""
    entry = owned(records, actor, key)
    changed = replace(entry, cohorts=())
    records.put(TABLE, key, changed.to_dict())
    return changed


def hidden_from_cohort(records: Records, cohort_id: str) -> set[str]:
    """Keys of the coach scenarios not published to this cohort."""
    return {e.key for e in everything(records) if cohort_id not in e.cohorts}


def hidden_from(records: Records, user_id: str) -> set[str]:
    """Keys of the coach scenarios this user may not play: all but their own and those
    published to a cohort they belong to."""
    joined = {c.id for c in rep_cohorts(records, user_id)}
    return {
        e.key
        for e in everything(records)
        if e.coach_id != user_id and not joined.intersection(e.cohorts)
    }
