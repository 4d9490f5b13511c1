"""The bot when the store fails: a full disk, a damaged session file, and /delete_me that
leaves nothing of the rep in any shared file."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from bot.coaching import cohorts, roles, rounds
from bot.coaching.access import Actor, Role
from bot.coaching.records import Records
from bot.store import Store, atomic
from tests.fakes.bot_api import Sent
from tests.fakes.bot_api_users import FakeUser
from tests.telegram_world import World

pytest_plugins = ("tests.telegram_fixtures",)

CARDS_EN = "The business cards that never arrived"
REPLY = "What would it cost you if the cards arrive after the fair?"


async def _start(world: World, rep: FakeUser) -> None:
    picker = (await world.step(rep, "/practice"))[0]
    await world.press(rep, picker, CARDS_EN)
    await world.press(rep, picker, "Easy")


def _texts(sent: list[Sent]) -> list[str]:
    return [s.text for s in sent]


async def test_a_turn_the_full_disk_refused_is_not_acknowledged_and_is_stored_once_on_resend(
    world: World, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rep = world.rep("Anna", lang="en")
    await _start(world, rep)
    full = True

    def disk(path: Path) -> None:
        if full and "sessions" in path.parts:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(atomic, "write_fault", disk)

    refused = _texts(await world.step(rep, REPLY))
    full = False
    accepted = _texts(await world.step(rep, REPLY))

    assert not any(text.startswith("📊") for text in refused)  # no score: not acknowledged
    assert refused[-1].startswith("⚠️ Your last reply was NOT saved")
    assert any(text.startswith("📊") for text in accepted), accepted
    (stored,) = Store(data_dir).load_sessions(str(rep.user["id"]))
    assert [t.reply for t in stored.turns] == [REPLY]  # once, and still there after a restart


async def test_a_damaged_session_file_does_not_stop_the_rep(world: World, data_dir: Path) -> None:
    rep = world.rep("Anna", lang="en")
    await _start(world, rep)
    await world.step(rep, REPLY)
    await world.step(rep, "/end")
    store = Store(data_dir)
    (old,) = store.sessions(str(rep.user["id"]))
    path = store.layout.session(str(rep.user["id"]), old.id)
    path.write_bytes(path.read_bytes()[:50])

    await _start(world, rep)
    answered = _texts(await world.step(rep, "And who decides about the order?"))
    history = _texts(await world.step(rep, "/history"))

    assert any(text.startswith("📊") for text in answered), answered
    assert (
        history[0]
        == f"1 saved session could not be read (damaged file: {old.id}); everything else is shown."
    )


async def test_a_damaged_profile_does_not_stop_the_rep(world: World, data_dir: Path) -> None:
    rep = world.rep("Anna", lang="en")
    await world.step(rep, "/start")
    profile = Store(data_dir).layout.profile(str(rep.user["id"]))
    profile.write_bytes(profile.read_bytes()[:30])
    world.app.chat_data[rep.chat_id].forget()  # as after a restart: the profile is read again

    await _start(world, rep)
    answered = _texts(await world.step(rep, REPLY))

    assert any(text.startswith("📊") for text in answered)


async def test_delete_me_leaves_no_trace_of_the_rep_in_any_file(
    world: World, data_dir: Path
) -> None:
    rep = world.rep("Zelda", lang="en", user_id=987654321)
    await world.step(rep, "/start")
    records = Records(Store(data_dir))
    carla = Actor("100", Role.COACH, "Carla Coach")
    roles.grant_coach(records, Actor("1", Role.ADMIN, "Ada"), "100")
    cohort = cohorts.create_cohort(records, carla, "Team A")
    assert cohort.code
    cohorts.join(records, "987654321", cohort.code, "Zelda Quux")
    cohorts.join(records, "555", cohort.code, "Bo Berg")
    rounds.start_round(records, carla, cohort.id, "cards-never-arrived")
    await _start(world, rep)
    await world.step(rep, "marmalade-xylophone, what would a delay cost you?")
    await world.step(rep, "/end")

    (question,) = await world.step(rep, "/delete_me")
    (done,) = await world.press(rep, question, "🗑 Yes, delete everything")

    assert done.text.startswith("Done – everything about you is deleted")
    needles = (b"987654321", b"Zelda", b"marmalade-xylophone")
    for path in data_dir.rglob("*"):
        assert "987654321" not in str(path)
        if path.is_file():
            assert not [n for n in needles if n in path.read_bytes()], path
    (still,) = records.find("rounds")
    assert list(still["participants"]) == ["555"]
