"""The coach's rough edges through the real handlers and the fake Bot API: onboarding by join
link, comments in a reply box, the coach menu and help, confirming a new code, wizard buttons
that go once used, and workshop rounds that rank whole attempts on the scenario's skills."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.coaching import cohorts, rounds
from bot.coaching.access import Actor, Role
from bot.coaching.records import Records
from bot.core.scenarios import default_scenarios
from bot.core.state import Outcome
from bot.store import AsyncStore
from bot.telegram.app import build_application, set_commands
from bot.telegram.coach_common import coach_roles
from bot.telegram.context import App
from bot.telegram.menus import COACH_COMMANDS
from tests.coaching_world import T0, coach, records_in, scripted_practice, session, turn
from tests.fakes.bot_api import FakeBotApi
from tests.fakes.bot_api_users import FakeUser
from tests.telegram_world import SCENARIO, World, settings_for
from tests.test_telegram_coach import ADMIN_ID, COACH_ID, data, team

pytest_plugins = ("tests.telegram_fixtures",)


async def _coach_app(api: FakeBotApi, data_dir: Path, store: AsyncStore) -> App:
    """The bot with coach roles from the store, each handler module registered once."""
    settings = settings_for(api, data_dir, admin_user_ids=[ADMIN_ID])
    role_of = coach_roles(settings, store)
    app = build_application(
        settings, scripted_practice(), store, rate_limiter=None, role_of=role_of
    )
    await app.initialize()
    return app


@pytest.fixture
async def coached(api: FakeBotApi, data_dir: Path) -> AsyncIterator[World]:
    """A coach-enabled bot, driven update by update."""
    app = await _coach_app(api, data_dir, AsyncStore(data_dir))
    yield World(api, app)
    await app.shutdown()


async def _coach_with_cohort(world: World, reps: int = 1) -> tuple[FakeUser, list[FakeUser], str]:
    """Carla, coach of "Team A" that `reps` reps joined; returns the join code too."""
    carla, people, cohort = await team(world, reps)
    assert cohort.code
    return carla, people, cohort.code


async def test_a_new_swedish_rep_with_an_old_qr_code_is_still_welcomed(coached: World) -> None:
    carla, _, code = await _coach_with_cohort(coached, reps=0)
    [card] = await coached.step(carla, "/cohorts")
    [question] = await coached.press(carla, card, "New code")
    await coached.press(carla, question, "Yes, new code")
    sara = coached.rep("Sara", "sv")
    welcome, refused, choose = await coached.step(sara, f"/start join_{code}")
    assert welcome.text.startswith("👋 Hej Sara!") and "/practice" in welcome.text
    assert refused.text and [b["text"] for b in choose.buttons] == ["🇸🇪 Svenska", "🇬🇧 English"]


async def test_a_comment_opens_a_reply_box_and_a_typed_comment_is_saved(coached: World) -> None:
    carla, [rep], _ = await _coach_with_cohort(coached)
    assert coached.app.bot_data.services is not None
    store = coached.app.bot_data.services.store
    await store.save_session(
        session(str(rep.chat_id), turn(0, 30), sid="s1", at=time.time(), scenario=SCENARIO)
    )
    rep.unread()
    [card] = await coached.step(carla, "/cohorts")
    [recent] = await coached.press(carla, card, "Recent")
    [transcript] = await coached.press(carla, recent, "Rep0")
    [prompt] = await coached.press(carla, transcript, "💬 1")
    assert prompt.force_reply is not None and prompt.force_reply["force_reply"] is True
    assert "ref" not in prompt.text and "s1" not in prompt.text and "5000" not in prompt.text
    # The coach just types (no swipe to reply): it is the comment, not a role-play reply.
    [saved] = await coached.step(carla, "Ask about the deadline first!")
    assert saved.text == "Saved. Rep0 has been notified."
    [note] = rep.unread()
    assert "“Ask about the deadline first!”" in note.text
    # The next text is the coach's own again.
    [other] = await coached.step(carla, "Hello?")
    assert other.text.startswith("You have no role-play going")
    # A command after the prompt means the coach moved on.
    await coached.press(carla, transcript, "💬 1")
    await coached.step(carla, "/help")
    [other] = await coached.step(carla, "Not a comment")
    assert other.text.startswith("You have no role-play going")


async def test_a_typed_comment_is_saved_after_a_restart_too(
    api: FakeBotApi, data_dir: Path, coached: World
) -> None:
    carla, [rep], _ = await _coach_with_cohort(coached)
    assert coached.app.bot_data.services is not None
    store = coached.app.bot_data.services.store
    at = time.time()
    await store.save_session(
        session(str(rep.chat_id), turn(0, 30), sid="s1", at=at, scenario=SCENARIO)
    )
    [card] = await coached.step(carla, "/cohorts")
    [recent] = await coached.press(carla, card, "Recent")
    [transcript] = await coached.press(carla, recent, "Rep0")
    await coached.press(carla, transcript, "💬 1")
    again = await _coach_app(api, data_dir, store)  # a restarted bot on the same store
    restarted = World(api, again)
    [saved] = await restarted.step(carla, "Well asked!")
    assert saved.text == "Saved. Rep0 has been notified."
    await again.shutdown()


async def test_help_and_menu_show_coach_commands_to_coaches_only(coached: World) -> None:
    carla, [rep], _ = await _coach_with_cohort(coached)
    [help_coach] = await coached.step(carla, "/help")
    [help_rep] = await coached.step(rep, "/help")
    assert "/cohort_new" in help_coach.text and "/round_start" in help_coach.text
    assert "/cohort_new" not in help_rep.text
    await set_commands(coached.app)  # what the bot does when it starts
    for chat in (COACH_ID, ADMIN_ID):
        menu = [c["command"] for c in coached.api.commands[(f"chat:{chat}", "")]]
        assert menu[0] == "start" and tuple(menu[-len(COACH_COMMANDS) :]) == COACH_COMMANDS
    assert ("chat:5000", "") not in coached.api.commands
    default = [c["command"] for c in coached.api.commands[("default", "")]]
    assert "cohort_new" not in default


async def test_a_new_join_code_needs_a_confirmation(coached: World) -> None:
    carla, _, code = await _coach_with_cohort(coached, reps=0)
    [card] = await coached.step(carla, "/cohorts")
    [question] = await coached.press(carla, card, "New code")
    assert question.text.startswith("♻️ New code for Team A?") and code in question.text
    assert await coached.press(carla, question, "Cancel") == []
    assert question.text == f"👍 The code {code} still works." and question.buttons == []
    (cohort,) = cohorts.coach_cohorts(data(coached), Actor(str(COACH_ID), Role.COACH))
    assert cohort.code == code
    [question] = await coached.press(carla, card, "New code")
    [revoked] = await coached.press(carla, question, "Yes, new code")
    assert revoked.text.startswith("The old code no longer works.") and question.buttons == []


async def test_a_round_invite_asks_before_ending_a_role_play_with_replies(coached: World) -> None:
    carla, [rep], _ = await _coach_with_cohort(coached)
    picker = (await coached.step(rep, "/practice"))[-1]
    await coached.press(rep, picker, data="go:best-price-friday:1:practice")
    await coached.step(rep, "What do you need the price for?")
    [pick] = await coached.step(carla, "/round_start")
    [scenarios] = await coached.press(carla, pick, "Team A")
    [levels] = await coached.press(carla, scenarios, "business cards")
    [names] = await coached.press(carla, levels, "Easy")
    await coached.press(carla, names, "Show names")
    [invite] = rep.unread()[-1:]
    [question] = await coached.press(rep, invite, "Start")
    assert question.text.startswith("You're in the middle of a role-play")
    intro, opening = await coached.press(rep, question, "Yes, start anew")
    assert "The business cards that never arrived · ★ Easy" in intro.text
    assert opening.text.startswith("🗣 ")


def _room(tmp_path: Path) -> tuple[Records, Actor, cohorts.Cohort]:
    """Coach Carla's cohort with Anna in it."""
    records = records_in(tmp_path)
    carla = coach(records, "100", "Carla")
    cohort = cohorts.create_cohort(records, carla, "Room", now=T0)
    assert cohort.code
    cohorts.join(records, "anna", cohort.code, "Anna", now=T0)
    return records, carla, cohort


def test_one_line_and_end_does_not_rank_in_a_round(tmp_path: Path) -> None:
    records, carla, cohort = _room(tmp_path)
    rnd = rounds.start_round(records, carla, cohort.id, SCENARIO, level=3, now=T0 + 1)
    stopped = {"level": 3, "scenario": SCENARIO, "outcome": Outcome.STOPPED}
    one_line = session("anna", turn(0, 88), sid="one", at=T0 + 10, **stopped)
    assert rounds.record_session(records, one_line) == []
    lines = (turn(0, 60), turn(1, 62), turn(2, 64))
    whole = session("anna", *lines, sid="whole", at=T0 + 20, **stopped)
    assert [r.id for r in rounds.record_session(records, whole)] == [rnd.id]
    assert [e.overall for e in rounds.leaderboard(records, rnd)] == [62]


def test_the_round_summary_names_only_a_skill_the_scenario_trains(tmp_path: Path) -> None:
    records, carla, cohort = _room(tmp_path)
    focus = default_scenarios()[SCENARIO].focus
    untrained = next(c for c in ("challenge", "insight", "next_step") if c not in focus)
    scores = {untrained: 0, **{c: 3 for c in focus}, focus[-1]: 2}
    rnd = rounds.start_round(records, carla, cohort.id, SCENARIO, now=T0 + 1)
    lines = [turn(i, 70, **scores) for i in range(3)]
    played = session("anna", *lines, sid="s", at=T0 + 5, scenario=SCENARIO)
    rounds.record_session(records, played)
    _, summary = rounds.end_round(records, carla, rnd.id)
    assert summary.weakest == focus[-1] and summary.criteria[untrained] == 0.0
