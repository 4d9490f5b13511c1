"""A data folder with a rep to forget, mentioned in every shared file, and a rep to keep.

The rep to forget has words, an id and display names that occur nowhere else, so a byte
search of every file under the folder finds any trace of them.
"""

from __future__ import annotations

from pathlib import Path

from factories import session, turn

from bot.coaching import cohorts, reviews, roles, rounds
from bot.coaching.access import Actor, Role
from bot.coaching.records import Records
from bot.core.state import Outcome
from bot.store import Store

GONE = "zq-4321"  # the rep who asks to be forgotten
GONE_NAME = "Zelda Quux"  # their Telegram full name (cohorts, rounds)
GONE_FIRST = "Zelda"  # their first name (profile)
WORDS = "marmalade-xylophone"  # in every reply they wrote
KEPT = "bo-77"
NEEDLES = (GONE, GONE_NAME, GONE_FIRST, WORDS)
T0 = 1_767_225_600.0
SCENARIO = "best-price-friday"
ADMIN = Actor("1", Role.ADMIN, "Ada Admin")


def populate(folder: Path, sessions: int = 3) -> None:
    """Profiles, sessions, a cohort, a round with results, a review and a usage record."""
    store = Store(folder)
    records = Records(store)
    store.update_user(GONE, name=GONE_FIRST, lang="sv")
    store.update_user(KEPT, name="Bo", lang="sv")
    roles.grant_coach(records, ADMIN, "100", now=T0)
    carla = Actor("100", Role.COACH, "Carla Coach")
    cohort = cohorts.create_cohort(records, carla, "Team A", now=T0)
    assert cohort.code
    cohorts.join(records, GONE, cohort.code, GONE_NAME, now=T0 + 1)
    cohorts.join(records, KEPT, cohort.code, "Bo Berg", now=T0 + 1)
    rounds.start_round(records, carla, cohort.id, SCENARIO, now=T0 + 2)
    for user, n, words in [(KEPT, 0, "kept words"), *((GONE, n, WORDS) for n in range(sessions))]:
        played = session(
            user_id=user,
            scenario_id=SCENARIO,
            turns=[turn(i, 60 + i, reply=f"{words} {n}.{i}") for i in range(3)],
            outcome=Outcome.WON,
            started_at=T0 + 10 + n,
            id=f"{user.split('-')[0]}{n:04d}",
        )
        store.save_session(played)
        rounds.record_session(records, played)
    reviews.add_review(records, carla, GONE, "zq0000", turn=0, overall=70, comment="Good start")
    store.table("llm_usage").upsert(f"{GONE}:2026-11-30", {"tokens": 120})
    store.sessions(GONE)  # the indexes, so that listing them later needs no write
    store.sessions(KEPT)
    store.close()


def traces(folder: Path) -> list[str]:
    """Every file (or name) under `folder` that still holds the forgotten rep."""
    found = []
    for path in sorted(folder.rglob("*")):
        relative = str(path.relative_to(folder))
        if GONE in relative:
            found.append(relative)
        elif path.is_file():
            data = path.read_bytes()
            found += [f"{relative}: {n}" for n in NEEDLES if n.encode() in data]
    return found


def kept_intact(folder: Path) -> None:
    """The other rep's data all still there and readable."""
    store = Store(folder)
    records = Records(store)
    assert [s.id for s in store.sessions(KEPT)] == ["bo0000"]
    assert store.load_session("bo0000").turns[0].reply == "kept words 0.0"
    assert [m["name"] for m in records.find("cohort_members", user_id=KEPT)] == ["Bo Berg"]
    (only_round,) = records.find("rounds")
    assert only_round["participants"][KEPT][0] == "Bo Berg"
    assert [r["user_id"] for r in records.find("round_results")] == [KEPT]
