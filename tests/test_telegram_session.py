"""A rep's whole practice loop through the real handlers, against the fake Bot API."""

from __future__ import annotations

from bot.core.state import Outcome
from tests.fakes.bot_api import Sent
from tests.fakes.bot_api_users import FakeUser
from tests.scripts import STRONG
from tests.telegram_world import World

pytest_plugins = ("tests.telegram_fixtures",)

CARDS_EN = "The business cards that never arrived"


async def start_scenario(
    world: World, rep: FakeUser, level: str = "Easy", mode: str | None = None
) -> list[Sent]:
    """From /practice to the customer's opening line, in English."""
    picker = (await world.step(rep, "/practice"))[0]
    await world.press(rep, picker, CARDS_EN)
    if mode:
        await world.press(rep, picker, mode)
    return await world.press(rep, picker, level)


async def test_full_session_from_start_to_report_card(world: World) -> None:
    rep = world.rep("Anna", lang="sv")
    welcome, choose = await world.step(rep, "/start")
    assert welcome.text.startswith("👋 Hej Anna!") and "kunden har alltid fel" in welcome.text
    assert [b["text"] for b in choose.buttons] == ["🇸🇪 Svenska", "🇬🇧 English"]

    (done,) = await world.press(rep, choose, "English")
    assert done.text.startswith("Done!") and choose.buttons == []

    (picker,) = await world.step(rep, "/practice")
    assert picker.text.startswith("Pick a customer") and len(picker.buttons) == 13
    await world.press(rep, picker, CARDS_EN)
    assert "Pick a difficulty" in picker.text and picker.edits == 1
    assert [b["text"] for b in picker.buttons[:3]] == ["★ Easy", "★★ Medium", "★★★ Hard"]

    intro, opening = await world.press(rep, picker, "Easy")
    assert picker.text == f"✅ {CARDS_EN} · ★ Easy · Practice" and picker.buttons == []
    assert intro.text.startswith(f"🎬 {CARDS_EN}") and opening.text.startswith("🗣 ")

    for reply in STRONG["en"]:
        customer, feedback, *report = await world.step(rep, reply)
        assert customer.text.startswith("🗣 ")
        assert feedback.text.startswith("📊 ") and "/100" in feedback.text
        assert feedback.reply_to is not None  # attached to the reply it scores
        if report:
            break
    else:
        report = await world.step(rep, "/end")
    assert (
        report[0].text.startswith(f"🏁 Report card – {CARDS_EN}") and "Per skill" in report[0].text
    )
    buttons = [b["text"] for b in report[0].buttons]
    assert buttons == ["🔁 Try again", "➡️ Next recommended", "📄 Transcript"]

    (summary,) = await world.app.bot_data.services.store.sessions(str(rep.user["id"]))
    assert summary.finished and summary.turns >= 1


async def test_a_customer_who_walks_out_ends_the_session_with_the_report_card(world: World) -> None:
    rep = world.rep(lang="en")
    await start_scenario(world, rep)
    rude = ["You're wrong, you know nothing about this.", "Stop whining, you don't get it."]
    answers = [m for reply in rude for m in await world.step(rep, reply)]
    # The customer may leave at the first insult or the second; either way the card ends it.
    cards = [m for m in answers if m.text.startswith(f"🏁 Report card – {CARDS_EN}")]
    assert [
        c.text.startswith(f"🏁 Report card – {CARDS_EN}\n🚪 The customer left") for c in cards
    ] == [True]
    (summary,) = await world.app.bot_data.services.store.sessions(str(rep.user["id"]))
    assert summary.outcome is Outcome.LOST


async def test_exam_mode_keeps_feedback_for_the_end(world: World) -> None:
    rep = world.rep(lang="en")
    await start_scenario(world, rep, mode="Switch to Exam")
    answers = await world.step(rep, STRONG["en"][0])
    assert [m.text[:2] for m in answers] == ["🗣 "]
    assert (await world.step(rep, "/hint"))[0].text.startswith("No hints in exam mode")
    report = (await world.step(rep, "/end"))[0]
    assert "Reply by reply" in report.text and "⏹ Stopped" in report.text


async def test_hint_restart_and_end(world: World) -> None:
    rep = world.rep(lang="en")
    await start_scenario(world, rep, level="Hard")
    (hint,) = await world.step(rep, "/hint")
    assert hint.text.startswith("💡 Hint:")
    restarted = await world.step(rep, "/restart")
    assert (
        restarted[0].text.startswith("🔁")
        and "Your previous role-play was ended" in restarted[1].text
    )
    assert "★★★ Hard" in restarted[1].text and restarted[2].text.startswith("🗣 ")
    (report,) = await world.step(rep, "/end")
    assert report.text.startswith("⏹ The role-play ended before you replied") and not report.buttons
    assert (await world.step(rep, "/end"))[0].text.startswith("You have no role-play going")


async def test_try_again_and_next_recommended_start_new_role_plays(world: World) -> None:
    rep = world.rep(lang="en")
    await start_scenario(world, rep)
    await world.step(rep, "I can give you 10% off.")
    report = (await world.step(rep, "/end"))[0]
    again = await world.press(rep, report, "Try again")
    assert again[0].text.startswith(f"🎬 {CARDS_EN} · ★ Easy")
    await world.step(rep, "What happened with the delivery on your side?")
    report = (await world.step(rep, "/end"))[0]
    upcoming = await world.press(rep, report, "Next recommended")
    assert upcoming[0].text.startswith("🎬 ") and upcoming[1].text.startswith("🗣 ")


async def test_text_without_a_session_points_to_practice(world: World) -> None:
    rep = world.rep(lang="sv")
    (note,) = await world.step(rep, "Hej, vad kostar det?")
    assert note.text.startswith("Du har ingen pågående övning")


async def test_rep_text_is_escaped_wherever_it_is_echoed(world: World) -> None:
    rep = world.rep(lang="en")
    await start_scenario(world, rep)
    tricky = "Price <b>is</b> 5 < 6 & *bold* _x_ &amp; </i>"
    await world.step(rep, tricky)
    report = (await world.step(rep, "/end"))[0]
    assert f"«{tricky}»" in report.text  # the client shows exactly what was typed
    assert "&lt;b&gt;is&lt;/b&gt; 5 &lt; 6 &amp; *bold*" in (report.html or "")


async def test_rubric_help_and_language_switch(world: World) -> None:
    rep = world.rep(lang=None)  # no language in the Telegram app: the default (Swedish)
    assert (await world.step(rep, "/help"))[0].text.startswith("Så här övar du")
    (choose,) = await world.step(rep, "/lang")
    await world.press(rep, choose, "English")
    rubric = (await world.step(rep, "/rubric"))[0]
    assert (
        rubric.text.startswith("How your replies are scored") and "pass from 60/100" in rubric.text
    )


async def test_delete_me_asks_first_and_then_forgets_everything(world: World) -> None:
    rep = world.rep(lang="en")
    await start_scenario(world, rep)
    await world.step(rep, STRONG["en"][0])
    (question,) = await world.step(rep, "/delete_me")
    (kept,) = await world.press(rep, question, "Cancel")
    assert kept.text == "Nothing was deleted."
    (question,) = await world.step(rep, "/delete_me")
    (gone,) = await world.press(rep, question, "Yes")
    assert gone.text.startswith("Done – everything about you is deleted")
    store = world.app.bot_data.services.store
    assert (
        await store.sessions(str(rep.user["id"])) == []
        and await store.get_user(str(rep.user["id"])) is None
    )
    assert (await world.step(rep, "Hello?"))[0].text.startswith("You have no role-play going")


async def test_a_stale_delete_confirmation_deletes_nothing(world: World) -> None:
    rep = world.rep(lang="en")
    await world.step(rep, "/start")
    (old,) = await world.step(rep, "/delete_me")
    await world.step(rep, "/delete_me")  # a new question: the old button is void
    query = rep.press(old, "Yes")
    await world.deliver()
    assert rep.answer_to(query)["text"] == "That button is no longer valid."
    assert await world.app.bot_data.services.store.get_user(str(rep.user["id"])) is not None


async def test_progress_history_and_transcript(world: World) -> None:
    rep = world.rep(lang="en")
    assert (await world.step(rep, "/progress"))[0].text.startswith("You have no finished")
    await start_scenario(world, rep)
    for reply in STRONG["en"][:2]:
        await world.step(rep, reply)
    await world.step(rep, "/end")
    chart, summary = await world.step(rep, "/progress")
    assert chart.kind == "photo" and chart.data and chart.data.startswith(b"\x89PNG")
    assert summary.text.startswith("Your progress\nSessions: 1 ·") and "Train next" in summary.text
    (listing,) = await world.step(rep, "/history")
    assert len(listing.buttons) == 1 and CARDS_EN in listing.buttons[0]["text"]
    (document,) = await world.press(rep, listing, CARDS_EN)
    assert (
        document.kind == "document" and document.file_name and document.file_name.endswith(".html")
    )
    assert document.data and STRONG["en"][0][:20].encode() in document.data
