"""Bad and unusual input: media, essays, forged buttons, edits, groups, failures."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from bot.core.customer import CustomerRequest
from bot.errors import EngineError
from bot.settings import Settings
from bot.telegram.format import MAX_MESSAGE, visible_len
from tests.fakes.bot_api import FakeBotApi
from tests.fakes.bot_api_users import FakeUser
from tests.scripts import STRONG
from tests.telegram_world import World, offline_practice, started

pytest_plugins = ("tests.telegram_fixtures",)

CARDS = "cards-never-arrived"


async def playing(world: World, lang: str = "en") -> FakeUser:
    """A rep in the middle of a role-play (started through the picker's buttons)."""
    rep = world.rep(lang=lang)
    picker = (await world.step(rep, "/practice"))[0]
    await world.press(rep, picker, data=f"brief:{CARDS}:practice")
    await world.press(rep, picker, data=f"go:{CARDS}:1:practice")
    return rep


@pytest.mark.parametrize(
    ("send", "expected"),
    [
        (FakeUser.sticker, "Nice sticker!"),
        (FakeUser.photo, "Thanks for the picture!"),
        (FakeUser.voice, "🎙 Voice messages need the LLM engine"),
        (FakeUser.location, "Only text works here."),
    ],
)
async def test_media_gets_a_friendly_answer(world: World, send: Any, expected: str) -> None:
    rep = await playing(world)
    send(rep)
    await world.deliver()
    (answer,) = rep.unread()
    assert answer.text.startswith(expected)


async def test_unknown_command_points_to_help(world: World) -> None:
    rep = world.rep(lang="sv")
    assert (await world.step(rep, "/foo"))[0].text.startswith("Det kommandot känner jag inte till")


async def test_an_essay_is_cut_with_a_note_and_the_role_play_goes_on(world: World) -> None:
    rep = await playing(world)
    essay = ("What is really behind your question? " * 300)[:10_000]
    note, customer, feedback = await world.step(rep, essay)
    assert note.text.startswith("✂️ Your reply was 10000 characters") and "first 1500" in note.text
    assert customer.text.startswith("🗣 ") and feedback.text.startswith("📊 ")
    stored = await world.app.bot_data.services.store.active_session(str(rep.user["id"]))
    assert stored is not None and stored.turns[0].truncated and len(stored.turns[0].reply) <= 1501


async def test_an_edited_message_gets_a_note(world: World) -> None:
    rep = await playing(world)
    sent = rep.say(STRONG["en"][0])
    await world.deliver()
    rep.unread()
    rep.edit(sent, "Actually, never mind")
    await world.deliver()
    (note,) = rep.unread()
    assert note.text.startswith("✏️ You edited a message")
    assert (
        len((await world.app.bot_data.services.store.active_session(str(rep.user["id"]))).turns)
        == 1
    )  # type: ignore[union-attr]


async def test_group_chats_get_a_link_to_a_private_chat_and_are_otherwise_ignored(
    world: World,
) -> None:
    member = world.rep(lang="en").in_group(-100123)
    (link,) = await world.step(member, "/practice@salescoach_test_bot")
    assert link.text.startswith("I coach one to one")
    assert link.buttons[0]["url"] == "https://t.me/salescoach_test_bot"
    assert await world.step(member, "We should all try this bot") == []
    assert await world.step(member, "/help@some_other_bot") == []


@pytest.mark.parametrize(
    "forged",
    [
        "go:no-such-customer:1:practice",
        f"go:{CARDS}:7:practice",
        "brief:nope:exam",
        "tr:doesnotexist",
        "del:AAAAAAAAAAAA",
        "totally-unknown",
        "go:x",
    ],
)
async def test_forged_callback_data_is_answered_and_changes_nothing(
    world: World, forged: str
) -> None:
    rep = await playing(world)
    picker = (await world.step(rep, "/practice"))[0]
    query = rep.press(picker, data=forged)
    await world.deliver()
    assert rep.unread() == []
    assert rep.answer_to(query) == {
        "answered": True,
        "text": "That button is no longer valid.",
        "show_alert": False,
        "data": forged,
    }


async def test_a_forged_transcript_button_cannot_open_another_reps_session(world: World) -> None:
    alice, mallory = await playing(world), world.rep(lang="en")
    await world.step(alice, STRONG["en"][0])
    alices = await world.app.bot_data.services.store.active_session(str(alice.user["id"]))
    assert alices is not None
    (listing,) = await world.step(mallory, "/help")
    query = mallory.press(listing, data=f"tr:{alices.id}")
    await world.deliver()
    assert (
        mallory.unread() == []
        and mallory.answer_to(query)["text"] == "That button is no longer valid."
    )


class _Failing:
    name = "failing"

    def __init__(self, error: Exception) -> None:
        self.error = error

    async def respond(self, request: CustomerRequest) -> str:
        raise self.error


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (RuntimeError("boom"), "😵 Something went wrong"),
        (EngineError("down"), "The customer isn't answering"),
    ],
)
async def test_a_failure_is_logged_with_its_traceback_and_the_rep_is_told(
    api: FakeBotApi,
    data_dir: Path,
    caplog: pytest.LogCaptureFixture,
    error: Exception,
    expected: str,
) -> None:
    from bot.core.offline_judge import OfflineJudge
    from bot.core.practice import Practice

    judge = OfflineJudge()
    app = await started(api, data_dir, practice=Practice(_Failing(error), judge, quick_judge=judge))
    world = World(api, app)
    rep = await playing(world)
    with caplog.at_level(logging.ERROR, logger="bot.telegram"):
        (answer,) = await world.step(rep, STRONG["en"][0])
    assert answer.text.startswith(expected)
    assert any(r.exc_info and r.exc_info[1] is error for r in caplog.records)
    stored = await app.bot_data.services.store.active_session(str(rep.user["id"]))
    assert stored is not None and stored.turns == []  # nothing half-done was kept
    await app.shutdown()


async def test_a_long_customer_line_is_split_into_valid_messages(
    api: FakeBotApi, data_dir: Path
) -> None:
    app = await started(api, data_dir, practice=offline_practice())
    practice = app.bot_data.services.practice

    class Rambling:
        name = "rambling"

        async def respond(self, request: CustomerRequest) -> str:
            return "Well <honestly> & so on. " * 400 + "\n\n" + "And another thing. " * 100

    practice.customer = Rambling()
    world = World(api, app)
    rep = await playing(world)
    answers = await world.step(rep, STRONG["en"][0])
    customer_parts = answers[:-1]
    assert len(customer_parts) == 3 and answers[-1].text.startswith("📊")
    assert all(visible_len(m.html or "") <= MAX_MESSAGE for m in customer_parts)
    assert "Well <honestly> & so on." in customer_parts[0].text
    await app.shutdown()


async def test_voice_is_transcribed_and_played_when_the_llm_engine_is_on(
    api: FakeBotApi, data_dir: Path
) -> None:
    heard: list[tuple[bytes, str]] = []

    async def transcribe(audio: bytes, filename: str, settings: Settings) -> str:
        heard.append((audio, filename))
        return "What would happen if the cards were late again?"

    app = await started(api, data_dir, practice=offline_practice(), transcribe=transcribe)
    world = World(api, app)
    rep = await playing(world)
    rep.voice(b"OggS-voice-bytes")
    await world.deliver()
    heard_note, customer, feedback = rep.unread()
    assert heard == [(b"OggS-voice-bytes", "voice.ogg")]
    assert heard_note.text == "🎙 I heard: «What would happen if the cards were late again?»"
    assert customer.text.startswith("🗣 ") and feedback.text.startswith("📊 ")
    await app.shutdown()


async def test_the_typing_indicator_shows_while_a_slow_customer_thinks(
    api: FakeBotApi, data_dir: Path
) -> None:
    app = await started(api, data_dir, practice=offline_practice(delay=lambda request: 0.5))
    world = World(api, app)
    rep = await playing(world)
    customer, feedback = await world.step(rep, STRONG["en"][0])
    actions = api.called("sendChatAction")
    assert feedback.text.startswith("📊")
    assert [(int(a["chat_id"]), a["action"]) for a in actions] == [(rep.chat_id, "typing")]
    assert customer.text.startswith("🗣 ")
    await app.shutdown()


async def test_a_quick_customer_needs_no_typing_indicator(world: World) -> None:
    rep = await playing(world)
    await world.step(rep, STRONG["en"][0])
    assert world.api.called("sendChatAction") == []
