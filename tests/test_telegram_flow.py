"""The practice flow's rough edges, through the real handlers and the fake Bot API: bursts,
double sends, stale buttons, sessions without replies, exam minimum, off-topic at ★★★."""

from __future__ import annotations

from pathlib import Path

from telegram import Update
from telegram.ext import TypeHandler

from bot.core.report import EXAM_MIN_REPLIES
from bot.core.session import Session
from bot.telegram.app import build_application
from bot.telegram.context import App
from tests.fakes.bot_api import FakeBotApi
from tests.fakes.bot_api_users import FakeUser
from tests.fakes.clock import FakeClock
from tests.scripts import STRONG
from tests.telegram_world import SCENARIO, World, settings_for, started
from tests.test_telegram_polling import polling

pytest_plugins = ("tests.telegram_fixtures",)

BURST = ("hej", "jag undrar en sak", "vad behöver ni?")


async def _sessions(app: App, user: FakeUser) -> list[Session]:
    """Everything stored for `user`."""
    assert app.bot_data.services is not None
    return await app.bot_data.services.store.load_sessions(str(user.user["id"]))


async def _start(rep: FakeUser, level: int = 1, mode: str = "practice") -> None:
    """From /practice to the opening line, through the polling loop."""
    rep.say("/practice")
    (picker,) = await rep.receive()
    rep.press(picker, data=f"go:{SCENARIO}:{level}:{mode}")
    await rep.receive(2)


async def _begin(world: World, rep: FakeUser, level: int = 1, mode: str = "practice") -> None:
    """From /practice to the opening line, update by update."""
    picker = (await world.step(rep, "/practice"))[0]
    await world.press(rep, picker, data=f"go:{SCENARIO}:{level}:{mode}")


async def test_messages_in_one_burst_are_one_turn(api: FakeBotApi, data_dir: Path) -> None:
    clock = FakeClock()
    async with polling(api, data_dir, pace=clock.pace(1.5)) as app:
        rep = FakeUser(api, 7001, "Sara", "sv")
        await _start(rep)
        for text in BURST:
            rep.say(text)
        await clock.sleeps(len(BURST))  # each message restarted the window
        assert rep.unread() == []  # nothing is scored while the burst is open
        clock.advance(1.5)
        customer, feedback = await rep.receive(2)
        assert customer.text.startswith("🗣 ") and feedback.text.startswith("📊 ")
        assert feedback.reply_to == rep.inbox[-1].reply_to  # attached to the last fragment
        rep.say("/end")
        (report,) = await rep.receive()
        assert " · 1 svar" in report.text
        (session,) = await _sessions(app, rep)
        assert [t.reply for t in session.turns] == ["\n".join(BURST)]


async def test_after_update_handlers_see_the_turn_a_burst_played(
    api: FakeBotApi, data_dir: Path
) -> None:
    """What the round leaderboard relies on: handlers after the role-play's run once the turn
    is played, with the burst's last message as their update."""
    clock, seen = FakeClock(), []
    async with polling(api, data_dir, pace=clock.pace(1.5)) as app:

        async def after(update: object, context: object) -> None:
            if isinstance(update, Update) and update.message and update.message.text in BURST:
                seen.append((update.message.text, len((await _sessions(app, rep))[0].turns)))

        app.add_handler(TypeHandler(Update, after), group=2)  # after the round watch (1)
        rep = FakeUser(api, 7003, "Sara", "sv")
        await _start(rep)
        rep.say(BURST[0])
        rep.say(BURST[1])
        await clock.sleeps(2)
        clock.advance(1.5)
        await rep.receive(2)  # customer and feedback
        rep.say("/hint")  # ordered after the turn and its after-update handlers
        await rep.receive()
    assert seen == [(BURST[0], 0), (BURST[1], 0), (BURST[1], 1)]


async def test_a_command_after_a_burst_comes_after_its_turn(
    api: FakeBotApi, data_dir: Path
) -> None:
    clock = FakeClock()
    async with polling(api, data_dir, pace=clock.pace(1.5)) as app:
        rep = FakeUser(api, 7002, "Sara", "sv")
        await _start(rep)
        rep.say(BURST[0])
        rep.say(BURST[2])
        await clock.sleeps(2)
        rep.say("/end")  # the window never runs out: /end plays the burst first
        customer, feedback, report = await rep.receive(3)
        assert customer.text.startswith("🗣 ") and feedback.text.startswith("📊 ")
        assert report.text.startswith("🏁 Rapportkort") and " · 1 svar" in report.text
        (session,) = await _sessions(app, rep)
        assert [t.reply for t in session.turns] == [f"{BURST[0]}\n{BURST[2]}"]


async def test_an_identical_message_sent_twice_quickly_counts_once(
    api: FakeBotApi, data_dir: Path
) -> None:
    clock = FakeClock()
    app = await started(api, data_dir, pace=clock.pace(0, repeat_window=5.0))
    world = World(api, app)
    rep = world.rep(lang="sv")
    await _begin(world, rep, 1, "practice")
    line = "Vad hände med leveransen hos er?"
    assert len(await world.step(rep, line)) == 2  # customer and feedback
    clock.advance(1.0)
    assert await world.step(rep, line) == []  # the double send
    clock.advance(5.0)
    assert len(await world.step(rep, line)) == 2  # a while later it is a reply again
    (session,) = await _sessions(app, rep)
    assert len(session.turns) == 2
    await app.shutdown()


async def test_the_burst_window_comes_from_the_settings(api: FakeBotApi, data_dir: Path) -> None:
    settings = settings_for(api, data_dir, burst_window=0.8)
    app = build_application(settings, rate_limiter=None)
    assert app.bot_data.services is not None and app.bot_data.services.pace.window == 0.8


async def test_an_old_try_again_button_asks_before_ending_a_role_play(world: World) -> None:
    rep = world.rep(lang="sv")
    await _begin(world, rep, 1, "practice")
    await world.step(rep, STRONG["sv"][0])
    (old_card,) = await world.step(rep, "/end")
    await world.press(rep, old_card, "Försök igen")
    await world.step(rep, STRONG["sv"][1])  # a new role-play with a reply

    (question,) = await world.press(rep, old_card, "Försök igen")
    assert question.text.startswith("Du är mitt i en övning: Visitkorten som aldrig kom (1 svar)")
    assert await world.press(rep, question, "Nej, fortsätt") == []
    assert question.text.startswith("👍 Du fortsätter") and question.buttons == []
    (session,) = [s for s in await _sessions(world.app, rep) if not s.finished]
    assert len(session.turns) == 1  # still going

    (question,) = await world.press(rep, old_card, "Nästa rekommenderade")
    intro, opening = await world.press(rep, question, "Ja, börja nytt")
    assert intro.text.startswith("<i>Din förra övning avslutades") or intro.text.startswith(
        "Din förra övning avslutades"
    )
    assert opening.text.startswith("🗣 ") and question.buttons == []


async def test_a_role_play_without_replies_is_not_scored_or_listed(world: World) -> None:
    rep = world.rep(lang="sv")
    await _begin(world, rep, 1, "practice")
    await world.step(rep, "/restart")
    (ended,) = await world.step(rep, "/end")
    assert ended.text.startswith("⏹ Övningen avslutades innan du svarade")
    assert "/100" not in ended.text and ended.buttons == []
    assert (await world.step(rep, "/history"))[0].text.startswith("Inga övningar än")
    assert (await world.step(rep, "/progress"))[0].text == (
        await world.step(world.rep(lang="sv"), "/progress")
    )[0].text  # the same as for someone who never practised


async def test_one_good_reply_then_end_does_not_pass_an_exam(world: World) -> None:
    rep = world.rep(lang="sv")
    await _begin(world, rep, 1, "exam")
    await world.step(rep, STRONG["sv"][0])
    (report,) = await world.step(rep, "/end")
    assert "❌ Inte godkänt än" in report.text and "✅ Godkänt" not in report.text
    assert f"En examen behöver minst {EXAM_MIN_REPLIES} svar" in report.text


async def test_one_off_topic_message_does_not_end_a_hard_role_play(world: World) -> None:
    rep = world.rep(lang="sv")
    await _begin(world, rep, 3, "practice")
    customer, feedback = await world.step(rep, "Såg du matchen igår? Vilket mål!")
    assert customer.text.startswith("🗣 ") and feedback.text.startswith("📊 ")
    (session,) = await _sessions(world.app, rep)
    assert not session.finished
