"""A coach's own scenario through the real handlers and the fake Bot API: sent as a file,
checked with line numbers, playtested, published to one cohort only, assigned, replaced,
downloaded and unpublished; another coach's cohorts never see it."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.coaching import cohorts, roles
from bot.coaching.access import Actor, Role
from bot.coaching.records import ASSIGNMENTS, ROUNDS, Records
from bot.coaching.scenario_library import runtime_id
from bot.core.scenario_check import check_bytes
from bot.core.scenario_template import template_text
from bot.store import AsyncStore, Store
from bot.telegram.app import build_application
from bot.telegram.coach_common import coach_roles
from tests.fakes.bot_api import FakeBotApi, Sent
from tests.fakes.bot_api_users import FakeUser
from tests.fakes.llm_world import llm_settings
from tests.fakes.openai_server import FakeOpenAI, scenario_drafter, serve
from tests.telegram_world import World, api, offline_practice, settings_for  # noqa: F401

ADMIN_ID, COACH_ID, OTHER_COACH_ID = 1, 100, 200
TITLE = "The facility manager who wants the lowest price"
TEMPLATE = template_text("en", "heat-pump").encode()
KEY = runtime_id(str(COACH_ID), "heat-pump")


@pytest.fixture
async def world(api: FakeBotApi, data_dir: Path) -> AsyncIterator[World]:  # noqa: F811
    store = AsyncStore(data_dir)
    settings = settings_for(api, data_dir, admin_user_ids=[ADMIN_ID])
    app = build_application(
        settings,
        offline_practice(),
        store,
        rate_limiter=None,
        role_of=coach_roles(settings, store),
    )
    await app.initialize()
    yield World(api, app)
    await app.shutdown()


def data(world: World) -> Records:
    return Records(world.app.bot_data.services.store.sync)  # type: ignore[union-attr]


async def coach_with_cohort(
    world: World, coach_id: int, name: str, cohort: str, rep_id: int, lang: str = "en"
) -> tuple[FakeUser, FakeUser, cohorts.Cohort]:
    """A coach (granted directly) whose new cohort one rep joined through the bot."""
    roles.grant_coach(data(world), Actor(str(ADMIN_ID), Role.ADMIN), str(coach_id))
    coach = world.rep(name, lang, user_id=coach_id)
    await world.step(coach, "/start")
    [created, _qr] = await world.step(coach, f"/cohort_new {cohort}")
    code = re.search(r"(?:Code|Kod): (\w+)", created.text)
    assert code, created.text
    rep = world.rep(f"Rep of {name}", "en", user_id=rep_id)
    await world.step(rep, f"/join {code.group(1)}")
    rep.unread()
    mine = cohorts.coach_cohorts(data(world), Actor(str(coach_id), Role.COACH))
    return coach, rep, mine[-1]


async def send_file(world: World, user: FakeUser, raw: bytes, name: str) -> list[Sent]:
    user.document(raw, name)
    await world.deliver()
    return user.unread()


async def picker_titles(world: World, rep: FakeUser) -> list[str]:
    sent = await world.step(rep, "/practice")
    return [b["text"] for m in sent for b in m.buttons]


async def test_a_broken_file_is_answered_with_its_problems_and_line_numbers(world: World) -> None:
    coach, _, _ = await coach_with_cohort(world, COACH_ID, "Carla", "Team A", 5000)
    broken = TEMPLATE.replace(b"objections:\n", b"objections:\n  - Only one.\nobjectionz:\n", 1)
    [reply] = await send_file(world, coach, broken, "mine.yaml")
    line = broken.decode().splitlines().index("objectionz:") + 1
    assert f"mine.yaml:{line}: objectionz: unknown field; did you mean objections?" in reply.text
    assert reply.text.startswith("mine.yaml has 2 problems to fix:")
    assert f"mine.yaml:{line - 2}: objections: needs at least 2 (has 1)" in reply.text
    assert "Fix the file and send it here again." in reply.text
    assert world.api.called("getFile")
    sv_coach, _, _ = await coach_with_cohort(world, OTHER_COACH_ID, "Olle", "Lag B", 5001, "sv")
    [reply] = await send_file(world, sv_coach, b"id: x\n" + b"#" * 70_000, "stor.yaml")
    assert reply.text.startswith("stor.yaml har 1 fel att rätta:")
    assert "stor.yaml:1: (file): filen är större än 64 kB" in reply.text


async def test_a_rep_cannot_send_scenarios(world: World) -> None:
    rep = world.rep("Anna", "en")
    [refused] = await send_file(world, rep, TEMPLATE, "mine.yaml")
    assert refused.text == "This is for coaches only."


async def test_publish_playtest_assign_replace_download_and_unpublish_reach_only_that_cohort(
    world: World,
) -> None:
    coach, rep, team_a = await coach_with_cohort(world, COACH_ID, "Carla", "Team A", 5000)
    other, other_rep, team_b = await coach_with_cohort(
        world, OTHER_COACH_ID, "Olle", "Team B", 5001
    )
    saved, card = await send_file(world, coach, TEMPLATE, "heat-pump.yaml")
    assert f"{TITLE} is checked and saved" in saved.text
    assert "Published to: no cohort yet" in card.text and "(heat-pump.yaml, English)" in card.text

    # Playtest right there.
    opening = await world.press(coach, card, "Playtest")
    assert any("Helen Oakes" in m.text for m in opening), [m.text for m in opening]
    await world.step(coach, "/end")

    # Nobody sees it before it is published, not even with a forged button.
    assert TITLE not in await picker_titles(world, rep)
    [picker] = (await world.step(rep, "/practice"))[-1:]
    query = rep.press(picker, data=f"brief:{KEY}:practice")
    await world.deliver()
    assert world.api.queries[query]["text"] == "That button is no longer valid."

    # Published to Team A: its rep sees it; the other coach's rep and cohort never do.
    [card] = await world.step(coach, "/scenarios")
    [card] = await world.press(coach, card, TITLE)
    [note] = await world.press(coach, card, "Publish to Team A")
    assert f"{TITLE} is published to Team A" in note.text
    card = world.api.messages[(card.chat_id, card.message_id)]
    assert "Published to: Team A" in card.text
    assert TITLE in await picker_titles(world, rep)
    assert TITLE not in await picker_titles(world, other_rep)
    [pick] = await world.step(other, "/assign")
    [choices] = await world.press(other, pick, "Team B")
    assert TITLE not in [b["text"] for b in choices.buttons]
    for forged in [
        f"asc:{team_b.id}:{KEY}",
        f"rdn:{team_b.id}:{KEY}:0",
        f"sct:{team_b.id}:{KEY}",
        f"sct:{team_a.id}:{KEY}",
        f"sc:dl:{KEY}",
    ]:
        query = other.press(choices, data=forged)
        await world.deliver()
        assert world.api.queries[query]["text"] == "That button is no longer valid.", forged
    [refused] = await world.press(other, choices, data=f"asd:{team_b.id}:{KEY}:1:0")
    assert "Unknown scenario" in refused.text and KEY not in refused.text.split("Known:")[1]
    assert data(world).find(ASSIGNMENTS) == [] and data(world).find(ROUNDS) == []
    assert other_rep.unread() == []
    assert world.api.called("sendDocument") == []

    # The coach assigns it and runs a round with it in Team A.
    [pick] = await world.step(coach, "/assign")
    [choices] = await world.press(coach, pick, "Team A")
    [levels] = await world.press(coach, choices, TITLE)
    [deadlines] = await world.press(coach, levels, "Easy")
    [done] = await world.press(coach, deadlines, "None")
    assert "Assignment sent to 1 rep" in done.text
    [assigned] = rep.unread()
    assert TITLE in assigned.text
    started = await world.press(rep, assigned, "Start")
    assert any("Helen Oakes" in m.text for m in started)
    [pick] = await world.step(coach, "/round_start")
    [choices] = await world.press(coach, pick, "Team A")
    assert TITLE in [b["text"] for b in choices.buttons]

    # Download gives back the very file; a new version replaces it and stays published.
    [card] = await world.step(coach, "/scenarios")
    [card] = await world.press(coach, card, TITLE)
    [file] = await world.press(coach, card, "Download")
    assert file.kind == "document" and file.data == TEMPLATE
    assert file.file_name == "heat-pump.yaml"
    new = TEMPLATE.replace(TITLE.encode(), b"The cleaning buyer")
    replaced, card = await send_file(world, coach, new, "heat-pump-v2.yaml")
    assert "The cleaning buyer is replaced" in replaced.text
    assert "Published to: Team A" in card.text
    assert "The cleaning buyer" in await picker_titles(world, rep)

    # Unpublished: gone from the rep's picker; the coach keeps it.
    [note] = await world.press(coach, card, "Unpublish everywhere")
    assert "no longer published to any cohort" in note.text
    assert "The cleaning buyer" not in await picker_titles(world, rep)
    assert "The cleaning buyer" in await picker_titles(world, coach)


async def test_a_coach_scenario_lives_in_the_data_folder_and_survives_a_restart(
    world: World,
    api: FakeBotApi,  # noqa: F811
    data_dir: Path,
) -> None:
    coach, rep, team = await coach_with_cohort(world, COACH_ID, "Carla", "Team A", 5000)
    _, card = await send_file(world, coach, TEMPLATE, "heat-pump.yaml")
    await world.press(coach, card, "Publish to Team A")
    assert (data_dir / "tables" / "coach_scenarios.json").is_file()
    exported = Store(data_dir).export_user(str(COACH_ID))
    [doc] = exported["collections"]["coach_scenarios"]
    assert doc["source"] == TEMPLATE.decode() and doc["cohorts"] == [team.id]
    settings = settings_for(api, data_dir, admin_user_ids=[ADMIN_ID])
    store = AsyncStore(data_dir)
    again = build_application(
        settings, offline_practice(), store, rate_limiter=None, role_of=coach_roles(settings, store)
    )
    await again.initialize()
    try:
        later = World(api, again)
        assert TITLE in await picker_titles(later, rep)
    finally:
        await again.shutdown()


async def test_a_swedish_only_scenario_is_not_offered_in_english(world: World) -> None:
    coach, rep, _ = await coach_with_cohort(world, COACH_ID, "Carla", "Team A", 5000)
    _, card = await send_file(world, coach, template_text("sv").encode(), "lagsta-pris.yaml")
    assert "svenska" not in card.text and "Swedish" in card.text
    await world.press(coach, card, "Publish to Team A")
    swedish_title = "Fastighetschefen som vill ha lägsta pris"
    assert swedish_title not in await picker_titles(world, rep)  # the rep reads English
    [choice] = await world.step(rep, "/lang")
    await world.press(rep, choice, data="lang:sv")
    assert swedish_title in await picker_titles(world, rep)


@pytest.fixture
def drafter() -> AsyncIterator[FakeOpenAI]:
    yield from serve(default=scenario_drafter)  # type: ignore[misc]


async def test_scenario_new_drafts_a_file_through_the_llm_that_passes_check(
    api: FakeBotApi,  # noqa: F811
    data_dir: Path,
    drafter: FakeOpenAI,
) -> None:
    llm = llm_settings(drafter.url)
    settings = settings_for(
        api,
        data_dir,
        admin_user_ids=[ADMIN_ID],
        engine="llm",
        openai_base_url=llm.openai_base_url,
        openai_api_key=llm.openai_api_key,
    )
    store = AsyncStore(data_dir)
    app = build_application(
        settings, offline_practice(), store, rate_limiter=None, role_of=coach_roles(settings, store)
    )
    await app.initialize()
    try:
        world = World(api, app)
        roles.grant_coach(Records(store.sync), Actor(str(ADMIN_ID), Role.ADMIN), str(COACH_ID))
        coach = world.rep("Carla", "en", user_id=COACH_ID)
        [hint] = await world.step(coach, "/scenario_new")
        assert "Describe the customer" in hint.text
        [drafted] = await world.step(coach, "/scenario_new A CIO who only wants a laptop price.")
        assert drafted.kind == "document" and "written by the language model" in drafted.text
        assert drafted.data is not None
        assert check_bytes(drafted.data, "draft.yaml").scenario is not None
        saved, _card = await send_file(world, coach, drafted.data, drafted.file_name or "d.yaml")
        assert "is checked and saved" in saved.text
    finally:
        await app.shutdown()
