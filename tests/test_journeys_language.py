"""A rep's and a coach's whole journey, through the real handlers and the fake Bot API, in
one language: every message, button, caption, toast and document the bot sent them is
checked for words of the other language."""

from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator, Iterable
from pathlib import Path

import pytest

from bot import i18n
from bot.coaching import roles
from bot.coaching.access import Actor, Role
from bot.coaching.records import Records
from bot.core.scenarios import default_scenarios
from bot.store import AsyncStore
from bot.telegram.app import build_application
from bot.telegram.coach_common import call, coach_roles
from tests.fakes.bot_api import FakeBotApi, Sent
from tests.fakes.bot_api_users import FakeUser
from tests.scripts import STRONG
from tests.telegram_world import World, api, offline_practice, settings_for  # noqa: F401

ADMIN_ID, COACH_ID = 1, 100
SCENARIO = "cards-never-arrived"

#: Words only English has (none is a Swedish word, a name or a command).
ENGLISH = frozenset(
    re.findall(
        r"\S+",
        """
    the and you your with that this what which only not are have has been from into
    score scores session sessions member members cohort cohorts reply replies turn turns
    customer customers deal level levels practice practise exam passed failed yet recent
    weakest skill skills mean average latest assignment assignments deadline round
    rounds judge coach's coaches agree agrees disagrees labels invite valid choose pick
    send sent saved write comment comments done days day overall report card try
    again next transcript history progress help cancel delete finished place leaderboard
""",
    )
)
#: Words only Swedish has.
SWEDISH = frozenset(
    re.findall(
        r"\S+",
        """
    och att det för med inte är du din dina ditt har kan ska vill kund kunden kunder
    svar poäng godkänt godkända övning övningar grupp gruppen grupper medlem medlemmar
    säljare säljaren nivå dag dagar uppgift uppgifter runda rundan domaren domare snitt
    senaste svagaste färdighet färdigheter börja försök igen nästa avbryt klar klara
    välj skicka sparat kommentar granskning utveckling rapportkort
""",
    )
)
#: Scenario ids are for programs; people see titles.
SCENARIO_IDS = tuple(default_scenarios())
#: Texts meant for both languages at once: the language picker.
BILINGUAL = ("Välj språk / Choose language:", "Choose language / Välj språk:", "Svenska", "English")


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


def _visible(sent: Sent, lang: i18n.Lang) -> Iterable[str]:
    """What the person sees of one message: text, buttons, and a text document's words
    (an English CSV keeps scenario ids, which scripts read, so only its words count)."""
    yield sent.text
    yield from (button["text"] for button in sent.buttons)
    name = sent.file_name or ""
    if sent.data and name.endswith((".html", ".csv")):
        page = sent.data.decode("utf-8-sig")
        page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
        page = re.sub(r"<[^>]+>", " ", page)
        if lang == "en" and name.endswith(".csv"):
            page = re.sub("|".join(SCENARIO_IDS), " ", page)
        yield html.unescape(page)


def foreign_words(world: World, user: FakeUser, foreign: frozenset[str]) -> list[str]:
    """Words of `foreign`, and raw scenario ids, in anything the bot showed `user` (commands
    and links aside)."""
    lang: i18n.Lang = "sv" if foreign is ENGLISH else "en"
    sent = world.api.outbox.get(user.chat_id, [])
    shown = [part for message in sent for part in _visible(message, lang)]
    shown += [q["text"] for q in world.api.queries.values() if q.get("text")]
    found = []
    for text in shown:
        for phrase in BILINGUAL:
            text = text.replace(phrase, " ")
        # Links, commands, ids, and codes with digits (a cohort code "Q4DU727M" is no "du").
        text = re.sub(r"(https?://|t\.me/)\S+|/\w+|\b\w+_\w+\b|\b\w*\d\w*\b", " ", text)
        words = {w.lower() for w in re.findall(r"[A-Za-zÅÄÖåäöé']+", text)}
        found += [f"{w!r} in {text[:80]!r}" for w in sorted(words & foreign)]
        found += [f"id {sid!r} in {text[:80]!r}" for sid in SCENARIO_IDS if sid in text]
    return found


def records(world: World) -> Records:
    return Records(world.app.bot_data.services.store)  # type: ignore[union-attr]


async def cohort_with_link(world: World, lang: str) -> tuple[FakeUser, str, str]:
    """A coach in `lang` with a new cohort: the coach, the join link payload and the code."""
    await call(roles.grant_coach, records(world), Actor(str(ADMIN_ID), Role.ADMIN), str(COACH_ID))
    coach = world.rep("Carla", lang, user_id=COACH_ID)
    await world.step(coach, "/start")
    if lang == "en":
        [choose] = [m for m in world.api.outbox[coach.chat_id] if m.buttons][-1:]
        await world.press(coach, choose, "English")
    created, _qr = await world.step(coach, "/cohort_new Vårgruppen")
    link = re.search(r"start=(join_(\w+))", created.text)
    assert link, created.text
    return coach, link.group(1), link.group(2)


def word(lang: i18n.Lang, key: str) -> str:
    """A button's text from the catalogue (so the test follows the wording)."""
    return i18n.text(lang, key)


async def rep_journey(world: World, lang: i18n.Lang, rep: FakeUser, link: str) -> None:
    """Join by link, practise to a report card, then progress, history and a transcript."""
    await world.step(rep, f"/start {link}")
    [choose] = (await world.step(rep, "/lang"))[-1:]
    await world.press(rep, choose, "English" if lang == "en" else "Svenska")
    [picker] = (await world.step(rep, "/practice"))[-1:]
    title = world.app.bot_data.services.practice.scenario(SCENARIO).title(lang)  # type: ignore[union-attr]
    await world.press(rep, picker, title)
    await world.press(rep, picker, word(lang, "telegram.level_1"))
    for reply in STRONG[lang][:2]:
        await world.step(rep, reply)
    [report] = (await world.step(rep, "/end"))[-1:]
    await world.press(rep, report, word(lang, "telegram.btn_transcript"))
    await world.step(rep, "/progress")
    [listing] = (await world.step(rep, "/history"))[-1:]
    if listing.buttons:
        await world.press(rep, listing, listing.buttons[0]["text"])
    await world.step(rep, "/rubric")
    await world.step(rep, "/help")


async def test_a_swedish_reps_journey_has_no_english(world: World) -> None:
    _coach, link, _code = await cohort_with_link(world, "sv")
    newcomer = world.rep("Nils", "sv")
    # A revoked or mistyped code is refused in Swedish, too.
    answers = [m.text for m in await world.step(newcomer, "/start join_NOPE42")]
    assert any("Den koden fungerar inte" in text for text in answers), answers
    answers = [m.text for m in await world.step(newcomer, "/start coach_NOPE42")]
    assert any("Den coachinbjudan gäller inte" in text for text in answers), answers
    await world.step(newcomer, "/coach NOPE42")
    await world.step(newcomer, "/cohorts")
    rep = world.rep("Anna", "sv")
    await rep_journey(world, "sv", rep, link)
    assert len(world.api.outbox[rep.chat_id]) >= 8
    assert foreign_words(world, newcomer, ENGLISH) == []
    assert foreign_words(world, rep, ENGLISH) == []


async def test_an_english_reps_journey_has_no_swedish(world: World) -> None:
    _coach, link, _code = await cohort_with_link(world, "sv")
    rep = world.rep("Emma", "en")
    await rep_journey(world, "en", rep, link)
    assert foreign_words(world, rep, SWEDISH) == []


async def play(world: World, lang: i18n.Lang, rep: FakeUser, start: Sent | None = None) -> None:
    """Press the start button of an assignment or round (or stay), reply twice, end."""
    if start is not None:
        await world.press(rep, start, word(lang, "coach.btn_start"))
    for reply in STRONG[lang][:2]:
        await world.step(rep, reply)
    await world.step(rep, "/end")


def last_with_buttons(world: World, user: FakeUser) -> Sent:
    """The newest message in the user's chat that has buttons."""
    return [m for m in world.api.outbox[user.chat_id] if m.buttons][-1]


async def coach_journey(world: World, lang: i18n.Lang) -> tuple[FakeUser, list[FakeUser]]:
    """Cohort, assignment, workshop round, review with a comment, exports and calibration."""
    coach, link, _ = await cohort_with_link(world, lang)
    reps = [world.rep(name, lang) for name in ("Anna", "Bo")]
    for rep in reps:
        await world.step(rep, f"/start {link}")
        [choose] = (await world.step(rep, "/lang"))[-1:]
        await world.press(rep, choose, "English" if lang == "en" else "Svenska")
    services = world.app.bot_data.services  # type: ignore[union-attr]
    title = services.practice.scenario(SCENARIO).title(lang)
    # An assignment, played by both reps.
    [pick] = (await world.step(coach, "/assign"))[-1:]
    [scenarios] = await world.press(coach, pick, "Vårgruppen")
    [levels] = await world.press(coach, scenarios, title)
    [deadlines] = await world.press(coach, levels, word(lang, "telegram.level_2"))
    await world.press(coach, deadlines, i18n.plural(lang, "common.days", 7))
    for rep in reps:
        await play(world, lang, rep, last_with_buttons(world, rep))
    # A workshop round.
    [pick] = (await world.step(coach, "/round_start"))[-1:]
    [scenarios] = await world.press(coach, pick, "Vårgruppen")
    [levels] = await world.press(coach, scenarios, title)
    [names] = await world.press(coach, levels, word(lang, "telegram.level_1"))
    await world.press(coach, names, word(lang, "coach.btn_hide_names"))
    for rep in reps:
        await play(world, lang, rep, last_with_buttons(world, rep))
    await world.step(coach, "/round_end")
    # The cohort card: overview, heat map, a review with a comment, exports, calibration.
    [card] = (await world.step(coach, "/cohorts"))[-1:]
    for key in ("btn_overview", "btn_heatmap", "btn_qr", "btn_csv", "btn_html"):
        await world.press(coach, card, word(lang, f"coach.{key}"))
    [recent] = await world.press(coach, card, word(lang, "coach.btn_recent"))
    [transcript] = await world.press(coach, recent, "Anna")
    [fix] = await world.press(coach, transcript, "✏️ 1")
    [scores] = await world.press(coach, fix, fix.buttons[0]["text"])
    await world.press(coach, scores, "3")
    [prompt] = await world.press(coach, transcript, "💬 1")
    comment = "Fråga först!" if lang == "sv" else "Ask first!"
    world.api.push("message", coach._message(text=comment, reply_to_message=prompt.obj))
    await world.deliver()
    await world.press(coach, transcript, "✓ 2")
    await world.press(coach, card, word(lang, "coach.btn_calibrate"))
    await world.step(coach, "/help")
    return coach, reps


async def test_a_swedish_coachs_journey_has_no_english(world: World) -> None:
    coach, reps = await coach_journey(world, "sv")
    kinds = {m.file_name.rsplit(".", 1)[-1] for m in world.api.outbox[coach.chat_id] if m.file_name}
    assert {"csv", "html"} <= kinds
    found = [w for person in (coach, *reps) for w in foreign_words(world, person, ENGLISH)]
    assert not found, "\n".join(found)


async def test_an_english_coachs_journey_has_no_swedish(world: World) -> None:
    coach, reps = await coach_journey(world, "en")
    found = [w for person in (coach, *reps) for w in foreign_words(world, person, SWEDISH)]
    assert not found, "\n".join(found)
