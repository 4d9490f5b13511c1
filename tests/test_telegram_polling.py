"""End to end: the real polling loop (and the webhook) against the fake Bot API, people typing
concurrently."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import AIORateLimiter

from bot.core.customer import CustomerRequest
from bot.core.offline_customer import OfflineCustomer
from bot.core.offline_judge import OfflineJudge
from bot.core.practice import Practice
from bot.telegram.app import ALLOWED_UPDATES, COMMANDS, webhook_options
from bot.telegram.context import App
from tests.fakes.bot_api import FakeBotApi
from tests.fakes.bot_api_users import FakeUser
from tests.scripts import STRONG
from tests.telegram_world import started

pytest_plugins = ("tests.telegram_fixtures",)

#: Every method the bot may call: documented Bot API methods only.
DOCUMENTED = {
    "getme",
    "getupdates",
    "sendmessage",
    "editmessagetext",
    "editmessagereplymarkup",
    "answercallbackquery",
    "sendchataction",
    "sendphoto",
    "senddocument",
    "setmycommands",
    "deletewebhook",
    "getfile",
}


@asynccontextmanager
async def polling(api: FakeBotApi, data_dir: Path, **kwargs: Any) -> AsyncIterator[App]:
    """The bot serving through `updater.start_polling`, as `salescoach serve` runs it."""
    app = await started(api, data_dir, **kwargs)
    assert app.post_init is not None and app.updater is not None
    await app.post_init(app)  # run_polling() does this: the command menu
    await app.start()
    await app.updater.start_polling(poll_interval=0.0, timeout=5, allowed_updates=ALLOWED_UPDATES)
    try:
        yield app
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()


async def test_end_to_end_a_whole_session_through_the_polling_loop(
    api: FakeBotApi, data_dir: Path
) -> None:
    async with polling(api, data_dir):
        rep = FakeUser(api, 5001, "Erik", "en")
        rep.say("/start")
        welcome, choose = await rep.receive(2)
        assert welcome.text.startswith("👋 Hi Erik!")
        rep.press(choose, "Svenska")
        assert (await rep.receive())[0].text.startswith("Klart!")

        rep.say("/practice")
        (picker,) = await rep.receive()
        rep.press(picker, "Visitkorten som aldrig kom")
        await rep.edited(picker)  # the list turns into the brief with difficulty buttons
        rep.press(picker, "Lätt")
        intro, opening = await rep.receive(2)
        assert intro.text.startswith("🎬 Visitkorten som aldrig kom · ★ Lätt · Träning")
        assert opening.text.startswith("🗣 ")

        for reply in STRONG["sv"]:
            rep.say(reply)
            customer, feedback, *ended = await rep.settle()
            assert customer.text.startswith("🗣 ") and feedback.text.startswith("📊 ")
            if ended:
                break
        else:
            rep.say("/end")
            ended = await rep.receive()
        report = ended[0]
        assert report.text.startswith("🏁 Rapportkort – Visitkorten som aldrig kom")

        query = rep.press(report, "Transkript")
        (document,) = await rep.receive()
        assert document.kind == "document"
        assert (await rep.answered(query))["text"] == ""  # the spinner stops, no notice

    menu = {
        lang: [c["command"] for c in api.commands[("default", lang)]] for lang in ("sv", "en", "")
    }
    assert menu == {"sv": list(COMMANDS), "en": list(COMMANDS), "": list(COMMANDS)}
    assert api.commands[("default", "sv")][1]["description"] == "Välj en kund och öva"
    assert {name for name, _ in api.calls} <= DOCUMENTED


class MeetingCustomer:
    """The offline customer, whose first line waits until both reps' first replies are in
    flight, and which counts how many lines are being written at once."""

    def __init__(self, reps: int) -> None:
        self.inner, self.name = OfflineCustomer(), "meeting"
        self.reps, self.firsts, self.in_flight, self.most = reps, 0, 0, 0
        self.all_in = asyncio.Event()

    async def respond(self, request: CustomerRequest) -> str:
        """The offline line, once the other reps have caught up on their first reply."""
        self.in_flight += 1
        self.most = max(self.most, self.in_flight)
        try:
            if request.state.turn == 1:
                self.firsts += 1
                if self.firsts == self.reps:
                    self.all_in.set()
                # Served one update at a time, the first rep would wait here for ever.
                await asyncio.wait_for(self.all_in.wait(), timeout=10)
            await asyncio.sleep(0.01)  # room for a rep's next turn to overlap, were it allowed
            return await self.inner.respond(request)
        finally:
            self.in_flight -= 1


async def test_two_reps_typing_at_once_are_served_concurrently_each_in_order(
    api: FakeBotApi, data_dir: Path
) -> None:
    judge = OfflineJudge()
    customer = MeetingCustomer(reps=2)
    async with polling(api, data_dir, practice=Practice(customer, judge, quick_judge=judge)):
        reps = [FakeUser(api, 6001, "A", "en"), FakeUser(api, 6002, "B", "en")]
        for rep in reps:
            rep.say("/practice")
            (picker,) = await rep.receive()
            rep.press(picker, data="go:cards-never-arrived:1:practice")
            await rep.receive(2)
        sent = {rep.chat_id: [] for rep in reps}
        for reply in STRONG["en"][:3]:  # interleaved: A1 B1 A2 B2 A3 B3, all at once
            for rep in reps:
                sent[rep.chat_id].append(rep.say(reply)["message"]["message_id"])
        for rep in reps:
            await rep.receive(6, timeout=15)
        for rep in reps:
            feedback = [m for m in rep.inbox if m.text.startswith("📊")]
            assert [m.reply_to for m in feedback] == sent[rep.chat_id]  # in the order typed
        # Both reps' first lines were written at once (or the first would still be waiting),
        # and never more than one line per rep: each rep's turns run one after another.
        assert (customer.firsts, customer.most) == (2, 2)


async def test_a_restarted_bot_resumes_the_session_from_the_store(
    api: FakeBotApi, data_dir: Path
) -> None:
    rep = FakeUser(api, 7001, "Resa", "en")
    async with polling(api, data_dir):
        rep.say("/practice")
        (picker,) = await rep.receive()
        rep.press(picker, data="go:cards-never-arrived:1:practice")
        await rep.receive(2)
        rep.say(STRONG["en"][0])
        await rep.receive(2)
    async with polling(api, data_dir) as fresh:  # a new process: empty memory, same data folder
        rep.say(STRONG["en"][1])
        customer, feedback = await rep.receive(2)
        assert customer.text.startswith("🗣 ") and feedback.text.startswith("📊 ")
        session = await fresh.bot_data.services.store.active_session("7001")
        assert session is not None and [t.reply for t in session.turns] == STRONG["en"][:2]


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_flood_limit_answers_are_waited_out_by_the_rate_limiter(
    api: FakeBotApi, data_dir: Path
) -> None:
    async with polling(api, data_dir, rate_limiter=AIORateLimiter(max_retries=2)):
        rep = FakeUser(api, 8001, "Flo", "en")
        api.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
        rep.say("/help")
        (help_text,) = await rep.receive(timeout=30)
        assert help_text.text.startswith("How to practise")
        assert len(api.called("sendMessage")) == 2


async def test_webhook_mode_takes_updates_with_the_secret_and_refuses_others(
    api: FakeBotApi, data_dir: Path
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/tg/hook"
    app = await started(api, data_dir, settings={"webhook_secret": "s3cret-token"})
    assert app.updater is not None
    await app.start()
    await app.updater.start_webhook(
        **webhook_options(app.bot_data.services.settings, url, "127.0.0.1", port)
    )  # type: ignore[union-attr]
    try:
        assert (api.webhook_url, api.webhook_secret) == (url, "s3cret-token")
        rep = FakeUser(api, 9001, "Web", "en")
        rep.say("/help")
        secret, api.webhook_secret = api.webhook_secret, "forged"
        assert await api.deliver_webhook() == [403]  # a stranger posting to the hook
        api.webhook_secret = secret
        assert await api.deliver_webhook() == [200]
        assert (await rep.receive())[0].text.startswith("How to practise")
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
