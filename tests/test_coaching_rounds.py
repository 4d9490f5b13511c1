"""Workshop rounds: a room of reps plays at once, the leaderboard fills, the coach ends it."""

from __future__ import annotations

import asyncio
import itertools
from pathlib import Path

import pytest

from bot.coaching import cohorts, rounds
from bot.coaching.access import Actor
from bot.coaching.records import Records
from bot.core.practice import Practice
from bot.core.session import Session
from bot.core.state import Outcome
from bot.errors import NotAllowed, SalescoachError
from bot.store import AsyncStore
from tests.coaching_world import T0, coach, records_in, rep, session, turn
from tests.scripts import PRICE_LIST, STRONG

SCENARIO = "best-price-friday"


def script(n: int) -> list[str]:
    """Every third rep is a living price list; the others play well (some less so)."""
    if n % 3 == 0:
        return PRICE_LIST["en"]
    strong = STRONG["en"]
    return strong if n % 3 == 1 else [strong[0], PRICE_LIST["en"][0], *strong[1:]]


async def play(practice: Practice, store: AsyncStore, user_id: str, replies: list[str]) -> Session:
    """One rep's whole role-play, saved after every turn like the bot does."""
    s = practice.start(user_id=user_id, scenario_id=SCENARIO, lang="en", level=1, seed=3)
    await store.save_session(s)
    for text in replies:
        if s.finished:
            break
        await practice.reply(s, text)
        await store.save_session(s)
    if not s.finished:
        practice.stop(s)
        await store.save_session(s)
    return s


def test_a_workshop_round_with_thirty_reps(tmp_path: Path) -> None:
    from bot.engine import build_practice
    from bot.settings import load_settings

    store = AsyncStore(tmp_path)
    records = Records(store.sync)  # set-up, before the bot's loop runs: nothing to order yet
    carla = coach(records, "100", "Carla")
    cohort = cohorts.create_cohort(records, carla, "Workshop", now=T0)
    assert cohort.code
    people = [f"rep{n:02d}" for n in range(30)]
    for n, user in enumerate(people):
        cohorts.join(records, user, cohort.code, f"Rep {n}", now=T0)
    rnd = rounds.start_round(records, carla, cohort.id, SCENARIO, hide_names=True)
    practice = build_practice(load_settings(SALESCOACH_ENGINE="offline"))
    seen_own_result: list[bool] = []

    async def one(n: int, user: str, records: Records) -> None:
        finished = await play(practice, store, user, script(n))
        changed = await asyncio.to_thread(rounds.record_session, records, finished)
        assert [r.id for r in changed] == [rnd.id]
        board = await asyncio.to_thread(rounds.leaderboard, records, rnd)
        seen_own_result.append(user in {e.user_id for e in board})

    async def room() -> None:
        records = Records(store)  # as the bot does: through the AsyncStore, in its order
        await asyncio.gather(*(one(n, user, records) for n, user in enumerate(people)))

    asyncio.run(room())

    # Each rep sees their own result on the board as soon as it is recorded.
    assert seen_own_result == [True] * 30
    ended, summary = rounds.end_round(records, carla, rnd.id)
    assert not ended.open
    assert (summary.participants, summary.finished, summary.missing) == (30, 30, [])
    board = summary.board
    scores = [e.overall for e in board]
    assert scores == sorted(scores, reverse=True)
    for before, after in itertools.pairwise(board):
        assert after.rank == (
            before.rank if after.overall == before.overall else board.index(after) + 1
        )
    price_list = {f"rep{n:02d}" for n in range(0, 30, 3)}
    worst_strong = max(i for i, e in enumerate(board) if e.user_id not in price_list)
    best_price = min(i for i, e in enumerate(board) if e.user_id in price_list)
    assert worst_strong < best_price  # every price-list rep ranks below every good one
    assert all(not e.passed for e in board if e.user_id in price_list)
    assert summary.pass_rate == pytest.approx(sum(e.passed for e in board) / 30, abs=1e-3)
    # Hidden names: everyone is an alias #1..#30, except to themself.
    assert sorted(int(e.label(True)[1:]) for e in board) == list(range(1, 31))
    assert board[0].label(True, viewer_id=board[0].user_id) == board[0].name


@pytest.fixture
def room(tmp_path: Path) -> tuple[Records, Actor, cohorts.Cohort]:
    records = records_in(tmp_path)
    carla = coach(records, "100", "Carla")
    cohort = cohorts.create_cohort(records, carla, "Room", now=T0)
    assert cohort.code
    for user in ("anna", "bo"):
        cohorts.join(records, user, cohort.code, user.title(), now=T0)
    return records, carla, cohort


def test_only_matching_sessions_after_the_start_count_and_the_best_attempt_stays(
    room: tuple[Records, Actor, cohorts.Cohort],
) -> None:
    records, carla, cohort = room
    rnd = rounds.start_round(records, carla, cohort.id, SCENARIO, level=2, now=T0 + 100)
    not_counted = [
        session("anna", turn(0, 90), sid="early", at=T0 + 50, level=2),
        session("anna", turn(0, 90), sid="other", at=T0 + 200, scenario="just-looking", level=2),
        session("anna", turn(0, 90), sid="lvl1", at=T0 + 200, level=1),
        session("anna", turn(0, 50), sid="open", at=T0 + 200, level=2, outcome=Outcome.ONGOING),
    ]
    assert [rounds.record_session(records, s) for s in not_counted] == [[], [], [], []]
    for sid, score in [("a1", 50), ("a2", 80), ("a3", 60), ("a3", 60)]:  # a3 seen twice
        rounds.record_session(
            records, session("anna", turn(0, score), sid=sid, at=T0 + 300, level=2)
        )
    rounds.record_session(records, session("bo", turn(0, 80), sid="b1", at=T0 + 200, level=2))
    board = rounds.leaderboard(records, rnd)
    # bo finished first with the same score, so bo leads; ranks are shared.
    assert [(e.rank, e.user_id, e.overall, e.attempts) for e in board] == [
        (1, "bo", 80, 1),
        (1, "anna", 80, 3),
    ]


def test_one_round_at_a_time_and_only_the_coach_ends_it(
    room: tuple[Records, Actor, cohorts.Cohort],
) -> None:
    records, carla, cohort = room
    rnd = rounds.start_round(records, carla, cohort.id, SCENARIO)
    with pytest.raises(SalescoachError, match="already running"):
        rounds.start_round(records, carla, cohort.id, SCENARIO)
    other = coach(records, "200", "Other")
    for actor in (other, rep("anna")):
        with pytest.raises(NotAllowed):
            rounds.end_round(records, actor, rnd.id)
    _, summary = rounds.end_round(records, carla, rnd.id)
    assert (summary.finished, summary.mean, summary.missing) == (0, None, ["Anna", "Bo"])
    assert rounds.record_session(records, session("anna", turn(0, 90), sid="late", at=T0 * 2)) == []
    with pytest.raises(SalescoachError, match="already ended"):
        rounds.end_round(records, carla, rnd.id)


def test_a_rep_who_joins_during_the_round_can_still_take_part(
    room: tuple[Records, Actor, cohorts.Cohort],
) -> None:
    records, carla, cohort = room
    rnd = rounds.start_round(records, carla, cohort.id, SCENARIO, now=T0 + 100)
    assert cohort.code
    cohorts.join(records, "cy", cohort.code, "Cy", now=T0 + 150)
    rounds.record_session(records, session("cy", turn(0, 70), sid="c1", at=T0 + 200))
    rnd = rounds.get_round(records, carla, rnd.id)
    assert rnd.participants["cy"] == ["Cy", "#3"]
    assert [e.user_id for e in rounds.leaderboard(records, rnd)] == ["cy"]
