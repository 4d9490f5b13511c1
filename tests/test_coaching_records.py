"""Coaching records in the bot go through the AsyncStore: in its order, never on the loop."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest
from factories import session

from bot.coaching.records import COHORTS, Records
from bot.store import AsyncStore, Store


class GatedStore(Store):
    """A Store whose session saves wait until the test opens the gate."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.gate = threading.Event()

    def save_session_data(self, data: dict[str, Any]) -> None:
        """Wait for the gate (a slow disk), then save."""
        self.gate.wait(timeout=10)
        super().save_session_data(data)


async def test_a_coaching_read_waits_for_the_bots_earlier_save_of_that_rep(data_dir: Path):
    gated = GatedStore(data_dir)
    store = AsyncStore(gated)
    finished = session(user_id="anna")
    saving = asyncio.create_task(store.save_session(finished))
    await asyncio.sleep(0)  # the save is under way, held at the gate
    reading = asyncio.create_task(asyncio.to_thread(Records(store).sessions, "anna"))
    await asyncio.sleep(0.05)  # a read that skipped the queue would be done by now
    gated.gate.set()
    await saving
    assert [s.id for s in await reading] == [finished.id]


async def test_a_coaching_change_applies_to_the_bots_earlier_write(data_dir: Path):
    store = AsyncStore(data_dir)
    records = Records(store)
    await asyncio.gather(
        store.table(COHORTS).upsert("c1", {"name": "Team"}),
        asyncio.to_thread(records.modify, COHORTS, "c1", lambda d: d and {**d, "members": 3}),
    )
    assert await store.table(COHORTS).get("c1") == {"key": "c1", "name": "Team", "members": 3}


async def test_records_used_on_the_event_loop_say_how_to_call_them(data_dir: Path):
    records = Records(AsyncStore(data_dir))
    with pytest.raises(RuntimeError, match=r"coach_common\.call"):
        records.get(COHORTS, "c1")


def test_without_a_bot_records_call_the_store_directly(data_dir: Path):
    records = Records(Store(data_dir))
    records.put(COHORTS, "c1", {"name": "Team"})
    assert records.find(COHORTS, name="Team") == [{"key": "c1", "name": "Team"}]
