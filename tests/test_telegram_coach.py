"""The coach features through the real handlers and the fake Bot API."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.coaching import cohorts, roles
from bot.coaching.access import Actor, Role
from bot.coaching.records import Records
from bot.store import AsyncStore
from bot.telegram import coach_board
from bot.telegram.app import build_application
from bot.telegram.coach_common import call, coach_roles
from tests.coaching_world import scripted_practice, session, turn
from tests.fakes.bot_api import FakeBotApi
from tests.fakes.bot_api_users import FakeUser
from tests.telegram_world import World, api, settings_for  # noqa: F401  (api is a fixture)

ADMIN_ID, COACH_ID, OTHER_COACH_ID = 1, 100, 200
SCENARIO = "cards-never-arrived"


@pytest.fixture
async def world(api: FakeBotApi, data_dir: Path) -> AsyncIterator[World]:  # noqa: F811
    store = AsyncStore(data_dir)
    settings = settings_for(api, data_dir, admin_user_ids=[ADMIN_ID])
    role_of = coach_roles(settings, store)
    app = build_application(
        settings, scripted_practice(), store, rate_limiter=None, role_of=role_of
    )
    await app.initialize()
    yield World(api, app)
    await app.shutdown()


def data(world: World) -> Records:
    return Records(world.app.bot_data.services.store.sync)  # type: ignore[union-attr]


async def team(world: World, reps: int = 1) -> tuple[FakeUser, list[FakeUser], cohorts.Cohort]:
    """A coach (granted directly) with a cohort that `reps` reps joined through the bot."""
    await call(roles.grant_coach, data(world), Actor(str(ADMIN_ID), Role.ADMIN), str(COACH_ID))
    coach = world.rep("Carla", "en", user_id=COACH_ID)
    await world.step(coach, "/start")
    [created, _qr] = await world.step(coach, "/cohort_new Team A")
    code = re.search(r"Code: (\w+)", created.text)
    assert code
    people = []
    for n in range(reps):
        rep = world.rep(f"Rep{n}", "en", user_id=5000 + n)
        await world.step(rep, f"/join {code.group(1)}")
        people.append(rep)
    mine = await call(cohorts.coach_cohorts, data(world), Actor(str(COACH_ID), Role.COACH))
    return coach, people, mine[0]


async def test_invite_link_makes_a_coach_whose_cohort_reps_join_by_deep_link(world: World) -> None:
    admin = world.rep("Ada", "en", user_id=ADMIN_ID)
    [invite] = await world.step(admin, "/coach")
    code = re.search(r"start=coach_(\w+)", invite.text)
    assert code, invite.text
    coach = world.rep("Carla", "en", user_id=COACH_ID)
    [welcome] = await world.step(coach, f"/start coach_{code.group(1)}")
    assert "You're a coach now" in welcome.text  # and no generic welcome after it
    menu = [c["command"] for c in world.api.commands[(f"chat:{COACH_ID}", "")]]
    assert menu[:2] == ["start", "practice"] and "cohort_new" in menu and "calibrate" in menu
    [created, qr] = await world.step(coach, "/cohort_new Team <A>")
    assert "Cohort Team <A> created" in created.text
    assert qr.kind == "photo" and "Scan to join" in qr.text
    link = re.search(r"start=(join_\w+)", created.text)
    assert link
    rep = world.rep("Anna", "en")
    # Someone new through a join link is welcomed and onboarded, with the join in between.
    [welcome, joined, choose] = await world.step(rep, f"/start {link.group(1)}")
    assert welcome.text.startswith("👋 Hi Anna!") and "/practice" in welcome.text
    assert [b["text"] for b in choose.buttons] == ["🇸🇪 Svenska", "🇬🇧 English"]
    assert joined.text.startswith("You've joined Team <A>!")
    assert "Your coach Carla will be able to see" in joined.text
    # The invite was for one use only.
    other = world.rep("Eve", "en")
    [refused] = await world.step(other, f"/start coach_{code.group(1)}")
    assert "not valid" in refused.text


async def test_reps_and_other_coaches_are_refused_even_with_forged_buttons(world: World) -> None:
    coach, [rep], cohort = await team(world)
    [refused] = await world.step(rep, "/cohorts")
    assert refused.text == "This is for coaches only."
    [refused] = await world.step(rep, "/coach 5000")  # a rep cannot make coaches
    assert refused.text == "This is for coaches only."
    assert await call(roles.role_of, data(world), [ADMIN_ID], "5000") is Role.REP
    admin = Actor(str(ADMIN_ID), Role.ADMIN)
    await call(roles.grant_coach, data(world), admin, str(OTHER_COACH_ID))
    other = world.rep("Olle", "en", user_id=OTHER_COACH_ID)
    [card] = await world.step(coach, "/cohorts")
    world.app.bot_data.services.store.sync.save_session(  # type: ignore[union-attr]
        session(str(rep.chat_id), turn(0, 50, challenge=2), sid="s1", at=time.time())
    )
    for who, forged in [
        (other, f"co:ov:{cohort.id}"),
        (other, f"co:csv:{cohort.id}"),
        (other, f"cr:{rep.chat_id}:s1"),
        (other, f"cs:{rep.chat_id}:s1:0:0:5"),
        (rep, f"cr:{rep.chat_id}:s1"),
    ]:
        query = who.press(card, data=forged)
        await world.deliver()
        assert who.unread() == [] or all("coaches only" in m.text for m in who.unread())
        assert world.api.queries[query]["answered"] is True  # the client stops spinning
        assert world.api.queries[query]["text"] in (
            "Not allowed.",
            "That button is no longer valid.",
        )
    assert world.api.called("sendDocument") == []


async def test_coach_review_reaches_the_rep_beside_the_judges_score(world: World) -> None:
    coach, [rep], _ = await team(world)
    store = world.app.bot_data.services.store.sync  # type: ignore[union-attr]
    store.save_session(
        session(
            str(rep.chat_id),
            turn(0, 30, challenge=1, respect=5),
            sid="s1",
            at=time.time(),
            scenario=SCENARIO,
        )
    )
    rep.unread()
    [card] = await world.step(coach, "/cohorts")
    [recent] = await world.press(coach, card, "Recent")
    [transcript] = await world.press(coach, recent, "Rep0")
    assert "Turn 1 · 30/100" in transcript.text
    [pick] = await world.press(coach, transcript, "✏️ 1")
    [scores] = await world.press(coach, pick, "Challenge")
    assert "the judge gave 1" in scores.text
    [saved] = await world.press(coach, scores, "3")
    assert saved.text == "Saved. Rep0 has been notified."
    assert pick.buttons == [] and scores.buttons == []  # each step's buttons go once used
    [note] = rep.unread()
    assert note.kind == "document" and "Your coach Carla reviewed" in note.text
    assert "Challenge: 3/5" in note.text
    # A comment is a reply to the prompt message.
    [prompt] = await world.press(coach, transcript, "💬 1")
    message = coach._message(text="Ask about the deadline first!", reply_to_message=prompt.obj)
    world.api.push("message", message)
    await world.deliver()
    [saved] = coach.unread()
    assert saved.text == "Saved. Rep0 has been notified."
    [note] = rep.unread()
    assert "“Ask about the deadline first!”" in note.text
    assert note.data and b"Ask about the deadline first!" in note.data
    # The machine's score is untouched in the stored session.
    assert store.load_session("s1").turns[0].judgement.criteria["challenge"] == 1


async def test_workshop_round_leaderboard_is_edited_and_everyone_gets_the_summary(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(coach_board, "BOARD_DEBOUNCE", 0.05)
    coach, reps, _ = await team(world, reps=3)
    [pick] = await world.step(coach, "/round_start")
    [scenarios] = await world.press(coach, pick, "Team A")
    [levels] = await world.press(coach, scenarios, "business cards")
    [names] = await world.press(coach, levels, "Hard")
    assert [pick.buttons, scenarios.buttons, levels.buttons] == [[], [], []]  # used up
    started, board = await world.press(coach, names, "Hide names")
    assert "started for 3 reps" in started.text and "0/3 finished" in board.text
    asking = ["What do you need?", "What do you need it for?", "Which need comes first?"]
    pricing = ["Here is the price.", "The price is 100 kr.", "That is our best price."]
    for n, rep in enumerate(reps):
        [invite] = rep.unread()[-1:]
        assert "Workshop round!" in invite.text and "(level 3)" in invite.text
        [intro, _] = await world.press(rep, invite, "Start")
        assert "★★★" in intro.text
        for line in asking if n else pricing:  # a whole attempt, not one line and /end
            await world.step(rep, line)
        await world.step(rep, "/end")
    await asyncio.sleep(0.3)
    board = world.api.messages[(board.chat_id, board.message_id)]
    assert board.edits >= 1 and "3/3 finished" in board.text
    assert re.findall(r"\d\. #\d – (\d+)", board.text) == ["80", "80", "30"]
    await world.step(coach, "/round_end")
    for rep in reps:
        [summary] = rep.unread()
        assert "The round" in summary.text and "Your place:" in summary.text


async def test_an_assignment_reaches_every_rep_first_in_practice_and_the_coach_sees_completion(
    world: World,
) -> None:
    coach, reps, _ = await team(world, reps=2)
    [pick] = await world.step(coach, "/assign")
    [scenarios] = await world.press(coach, pick, "Team A")
    [levels] = await world.press(coach, scenarios, "business cards")
    [deadlines] = await world.press(coach, levels, "Medium")
    [done] = await world.press(coach, deadlines, "7 days")
    assert "Assignment sent to 2 reps in Team A" in done.text
    assert [m.buttons for m in (pick, scenarios, levels, deadlines)] == [[], [], [], []]
    for rep in reps:
        [note] = rep.unread()[-1:]
        assert "Your coach wants you to practise" in note.text and "level 2" in note.text
    first, *_ = await world.step(reps[0], "/practice")
    assert "Your coach wants you to practise" in first.text  # open assignments come first
    await world.press(reps[0], first, "Start")
    await world.step(reps[0], "What do you need the cards for?")
    await world.step(reps[0], "/end")
    [pick] = await world.step(coach, "/assign")
    [scenarios] = await world.press(coach, pick, "Team A")
    [status] = await world.press(coach, scenarios, "Status")
    assert "1/2 done" in status.text
