"""Many reps writing at once through AsyncStore: nothing lost, nothing out of order."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

from factories import session, turn

from bot.core.state import Outcome
from bot.store import AsyncStore, Store

REPS = 200
TURNS = 4


async def _rep(store: AsyncStore, n: int) -> None:
    """One rep: start a session, answer TURNS times, finish, and log to a shared collection."""
    current = session(user_id=f"rep{n:03d}", id=f"c{n:03d}")
    await store.save_session(current)
    for i in range(TURNS):
        current.turns.append(turn(i, reply=f"rep{n:03d} turn {i}"))
        await store.save_session(current)
    current.outcome = Outcome.WON
    await store.save_session(current)
    await store.table("events").insert(current.id, {"user_id": current.user_id})


async def test_two_hundred_reps_writing_at_once_lose_and_reorder_nothing(data_dir: Path) -> None:
    store = AsyncStore(data_dir)
    await asyncio.gather(*(_rep(store, n) for n in range(REPS)))

    fresh = Store(data_dir)
    assert len(fresh.user_ids()) == REPS
    for n in range(REPS):
        loaded = fresh.load_session(f"c{n:03d}")
        assert [t.reply for t in loaded.turns] == [f"rep{n:03d} turn {i}" for i in range(TURNS)]
        assert loaded.outcome is Outcome.WON
    assert sorted(d["key"] for d in fresh.table("events").all()) == [
        f"c{n:03d}" for n in range(REPS)
    ]


async def test_saves_fired_without_waiting_land_in_the_order_they_were_made(
    data_dir: Path,
) -> None:
    store = AsyncStore(data_dir)
    current = session(user_id="anna")
    pending = []
    for i in range(10):
        current.turns.append(turn(i))
        pending.append(asyncio.ensure_future(store.save_session(current)))
        await asyncio.sleep(0)  # let the save take its snapshot and queue up
    await asyncio.gather(*pending)

    assert len((await store.load_session(current.id)).turns) == 10


class GatedStore(Store):
    """A Store whose saves wait until the event loop has opened the gate."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.gate = threading.Event()
        self.waited: list[bool] = []

    def save_session_data(self, data: dict[str, Any]) -> None:
        """Wait for the gate (as a slow fsync would), then save."""
        self.waited.append(self.gate.wait(timeout=10))
        super().save_session_data(data)


async def test_a_slow_save_does_not_block_the_event_loop(data_dir: Path) -> None:
    gated = GatedStore(data_dir)
    store = AsyncStore(gated)

    async def open_gate() -> None:
        gated.gate.set()  # runs only if the loop is free while the save waits

    saved = session(user_id="anna")
    await asyncio.gather(store.save_session(saved), open_gate())

    assert gated.waited == [True]
    assert (await store.load_session(saved.id)).user_id == "anna"


async def test_a_cancelled_save_still_lands_before_the_next_call_for_that_rep(
    data_dir: Path,
) -> None:
    store = AsyncStore(data_dir)
    current = session(user_id="anna", turns=[turn(0)])
    saving = asyncio.ensure_future(store.save_session(current))
    await asyncio.sleep(0)  # the save has taken its snapshot and started
    saving.cancel()

    loaded = await store.load_session(current.id)

    assert saving.cancelled()
    assert len(loaded.turns) == 1
