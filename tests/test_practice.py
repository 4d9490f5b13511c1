"""The session engine and the offline customer: scripted reps against every scenario."""

from __future__ import annotations

import pytest

from bot.core.practice import MAX_REPLY_CHARS, Practice
from bot.core.scenarios import default_scenarios
from bot.core.state import Outcome
from bot.errors import SessionFinished
from tests.scripts import PRICE_LIST, STRONG


async def play(practice: Practice, scenario_id: str, lang: str, replies: list[str], level: int = 1):
    session = practice.start(
        user_id="rep",
        scenario_id=scenario_id,
        lang=lang,
        level=level,
        seed=7,  # type: ignore[arg-type]
    )
    for reply in replies:
        if session.finished:
            break
        await practice.reply(session, reply)
    return session


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("scenario_id", sorted(default_scenarios()))
async def test_strong_rep_wins_or_books_a_meeting_in_every_scenario(
    practice: Practice, scenario_id: str, lang: str
) -> None:
    session = await play(practice, scenario_id, lang, STRONG[lang] * 2)
    assert session.outcome.success, [
        (t.reply[:30], t.judgement.overall, t.trust, t.customer_response) for t in session.turns
    ]


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("scenario_id", sorted(default_scenarios()))
async def test_price_list_rep_loses_in_every_scenario(
    practice: Practice, scenario_id: str, lang: str
) -> None:
    session = await play(practice, scenario_id, lang, PRICE_LIST[lang])
    assert session.outcome is Outcome.LOST


@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_rude_rep_makes_the_customer_leave(practice: Practice, lang: str) -> None:
    rude = {
        "sv": ["Du har fel, du vet ingenting om det här.", "Sluta tjata, du fattar ju inte."],
        "en": ["You're wrong, you know nothing about this.", "Stop whining, you don't get it."],
    }[lang]
    session = await play(practice, "cards-never-arrived", lang, rude * 2)
    assert session.outcome is Outcome.LOST
    assert len(session.turns) <= 2


async def test_same_session_replayed_says_the_same_things(practice: Practice) -> None:
    a = await play(practice, "best-price-friday", "sv", STRONG["sv"][:3])
    b = await play(practice, "best-price-friday", "sv", STRONG["sv"][:3])
    assert [t.customer_response for t in a.turns] == [t.customer_response for t in b.turns]


async def test_played_differently_the_conversation_goes_differently(practice: Practice) -> None:
    good = await play(practice, "best-price-friday", "en", STRONG["en"][:2])
    weak = await play(
        practice,
        "best-price-friday",
        "en",
        ["Sure, I'll send a quote.", "Let me know if you need more."],
    )
    assert good.turns[0].customer_response != weak.turns[0].customer_response
    assert good.state.trust > weak.state.trust


async def test_good_questions_earn_hidden_facts(practice: Practice) -> None:
    session = await play(practice, "happy-with-current-supplier", "en", STRONG["en"][:1])
    scenario = practice.scenario("happy-with-current-supplier")
    revealed = [fact("en") for fact in scenario.hidden.reveals]
    assert any(fact in session.turns[0].customer_response for fact in revealed)


async def test_an_essay_is_cut_and_the_session_goes_on(practice: Practice) -> None:
    session = practice.start(user_id="rep", scenario_id="best-price-friday", lang="en", seed=1)
    result = await practice.reply(session, "What is behind the deadline? " * 400)
    assert result.truncated
    assert len(result.turn.reply) <= MAX_REPLY_CHARS + 1
    assert not session.finished


async def test_reply_after_the_end_is_refused(practice: Practice) -> None:
    session = practice.start(user_id="rep", scenario_id="best-price-friday", lang="en", seed=1)
    practice.stop(session)
    assert session.outcome is Outcome.STOPPED
    with pytest.raises(SessionFinished):
        await practice.reply(session, "hello?")


async def test_report_card_quotes_best_and_weakest_reply(practice: Practice) -> None:
    session = await play(
        practice, "competitor-20-cheaper", "en", ["ok", STRONG["en"][0], "I can give 10% off."]
    )
    report = practice.stop(session)
    assert report.best is not None and report.best.reply == STRONG["en"][0]
    assert report.weakest is not None and report.weakest.reply in {"ok", "I can give 10% off."}
    assert report.advice
    assert set(report.criteria) == set(practice.rubric.ids)


async def test_hint_points_at_a_focus_criterion_without_scoring(practice: Practice) -> None:
    session = practice.start(user_id="rep", scenario_id="cards-never-arrived", lang="sv", seed=1)
    hint = practice.hint(session)
    hints = {
        practice.rubric.criterion(c).hint("sv")
        for c in practice.scenario("cards-never-arrived").focus
    }
    assert hint in hints
    assert session.turns == []


def test_unknown_scenario_names_the_known_ones(practice: Practice) -> None:
    with pytest.raises(Exception, match="best-price-friday"):
        practice.start(user_id="rep", scenario_id="nope")
