"""Hostile input at the Telegram edge: every button press answered, names and texts cleaned."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fakes.bot_api import FakeBotApi
from tests.fakes.bot_api_users import FakeUser
from tests.telegram_world import World, started

pytest_plugins = ("tests.telegram_fixtures",)

COHORT, REP_ID, SID = "0123abcd", "1001", "abcdef123456"

#: One press of every coach button shape, as a rep with a modified client could send it.
COACH_BUTTONS = [
    f"co:{action}:{COHORT}" for action in ("ov", "hm", "rs", "qr", "rv", "csv", "html", "cal")
] + [
    f"co:as:{COHORT}",
    f"co:rd:{COHORT}",
    f"cp:{COHORT}:{REP_ID}",
    f"cr:{REP_ID}:{SID}",
    f"ct:ok:{REP_ID}:{SID}:0",
    f"cx:{REP_ID}:{SID}:0:1",
    f"cs:{REP_ID}:{SID}:0:1:3",
    f"asc:{COHORT}:cards-never-arrived",
    f"asl:{COHORT}:cards-never-arrived:1",
    f"asd:{COHORT}:cards-never-arrived:1:7",
    f"ass:{COHORT}",
    f"rdc:{COHORT}:cards-never-arrived",
    f"rdn:{COHORT}:cards-never-arrived:1",
    f"re:{COHORT}",
]


async def _menu(world: World, rep: FakeUser) -> object:
    return (await world.step(rep, "/help"))[0]


@pytest.mark.parametrize("forged", COACH_BUTTONS)
async def test_a_reps_forged_coach_button_is_answered(world: World, forged: str) -> None:
    rep = world.rep(lang="en")
    query = rep.press(await _menu(world, rep), data=forged)  # type: ignore[arg-type]
    await world.deliver()
    answer = rep.answer_to(query)
    assert answer["answered"] is True
    assert answer["text"] in ("Not allowed.", "That button is no longer valid.")


@pytest.mark.parametrize("data", ["", "lang:", "lang:xx", "\ud800", "x" * 64])
async def test_odd_callback_data_is_answered_and_changes_nothing(world: World, data: str) -> None:
    rep = world.rep(lang="en")
    query = rep.press(await _menu(world, rep), data=data)  # type: ignore[arg-type]
    await world.deliver()
    assert rep.answer_to(query)["answered"] is True
    assert rep.unread() == []


async def test_a_button_pressed_in_a_group_is_answered(world: World) -> None:
    rep = world.rep(lang="en")
    menu = await _menu(world, rep)
    member = rep.in_group(-500)
    query = member.press(menu, data="lang:en")  # type: ignore[arg-type]
    await world.deliver()
    assert member.answer_to(query)["answered"] is True


async def test_a_name_with_escapes_and_bidi_overrides_is_stored_clean(world: World) -> None:
    name = "Eve\x1b]0;pwned\x07\u202e" + "é" * 100 + "\ud800"
    rep = world.rep(first_name=name, lang="en")
    await world.step(rep, "/start")
    store = world.app.bot_data.services.store
    stored = (await store.get_user(str(rep.user["id"])))["name"]  # type: ignore[index]
    assert stored.startswith("Eve ]0;pwned")
    assert not any(ch in stored for ch in "\x1b\x07\u202e\ud800")
    assert len(stored) <= 64


async def test_a_lone_surrogate_in_a_reply_is_played_and_stored_as_a_replacement(
    world: World,
) -> None:
    rep = world.rep(lang="en")
    picker = (await world.step(rep, "/practice"))[0]
    await world.press(rep, picker, data="brief:cards-never-arrived:practice")
    await world.press(rep, picker, data="go:cards-never-arrived:1:practice")
    answers = await world.step(rep, "What do you need the cards for \ud800?")
    assert answers, "the rep got no answer"
    store = world.app.bot_data.services.store
    session = await store.active_session(str(rep.user["id"]))
    assert session is not None and session.turns[0].reply.endswith("for \ufffd?")


async def test_a_button_whose_handler_crashes_is_still_answered(
    api: FakeBotApi, data_dir: Path
) -> None:
    app = await started(api, data_dir, modules=("start", "tests.failing_button", "media"))
    try:
        world = World(api, app)
        rep = world.rep(lang="en")
        menu = (await world.step(rep, "/start"))[-1]
        query = rep.press(menu, data="boom")
        await world.deliver()
        assert rep.answer_to(query)["answered"] is True
        assert len(rep.unread()) == 1  # and the rep is told something went wrong
    finally:
        await app.shutdown()
