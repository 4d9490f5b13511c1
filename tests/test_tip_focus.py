"""In a scenario, the tip and the better phrasing stay on what that scenario trains."""

from __future__ import annotations

import dataclasses
from typing import Literal

import pytest

from bot.core.judgement import Judgement, JudgeRequest, Signal
from bot.core.listening import Reading
from bot.core.offline_judge import OfflineJudge
from bot.core.offline_judge.feedback import target_criterion
from bot.core.practice import Practice
from bot.core.rubric import default_rubric
from bot.core.scenarios import default_scenarios
from bot.core.slots import find_slot
from bot.core.state import COUNTER_TRUST, WIN_TRUST, CustomerState, Outcome, advance

# Replies to the customer whose business cards never came (focus: ownership, next step, respect),
# typed the way reps type. None of them brings an insight; advice to do so would be noise.
CARDS_REPLIES: list[tuple[Literal["sv", "en"], str, str]] = [
    (
        "sv",
        "Jag har väntat på korten i en vecka nu. Vad händer?",
        "hej, sorry for strulet! vad hande?",
    ),
    ("sv", "Jag har väntat på korten i en vecka nu. Vad händer?", "oj det var trakigt, vi kollar"),
    ("sv", "Jag har ringt posten tre gånger. Ingen svarar.", "ok jag ringer posten igen"),
    ("en", "I've been waiting a week for the cards. What's going on?", "so sorry!! what happened?"),
    (
        "en",
        "I've been waiting a week for the cards. What's going on?",
        "hmm let me check with print",
    ),
    (
        "en",
        "I've called the post office three times. Nobody answers.",
        "thats annoying, ill ask them",
    ),
]


@pytest.mark.parametrize(("lang", "customer", "reply"), CARDS_REPLIES)
def test_a_complaint_scenario_tip_works_on_its_focus(
    judge: OfflineJudge, lang: Literal["sv", "en"], customer: str, reply: str
) -> None:
    scenario = default_scenarios().get("cards-never-arrived")
    assert scenario is not None
    result = judge.score(JudgeRequest(customer, reply, lang, scenario))
    assert result.tip_criterion in scenario.focus_set
    # The better phrasing is the complaint moment's own, not another moment's generic advice.
    assert "liten skala" not in result.try_instead
    assert "starting small" not in result.try_instead


def test_outside_the_focus_the_weakest_criterion_wins_only_without_a_scenario() -> None:
    rubric = default_rubric()
    scores: dict[str, int | None] = {
        "challenge": 3,
        "discover_need": 2,
        "insight": 0,
        "ownership": 2,
        "next_step": 3,
        "respect": 5,
    }
    none: frozenset[Signal] = frozenset()
    focus = frozenset({"ownership", "next_step", "respect"})
    assert target_criterion(scores, frozenset(), none, rubric, frozenset()) == "insight"
    assert target_criterion(scores, frozenset(), none, rubric, focus) == "ownership"
    # Every focus criterion satisfied or made: nothing left to advise in this scenario.
    assert target_criterion(scores, frozenset({"owns", "step"}), none, rubric, focus) is None


def test_a_bad_signal_decides_even_outside_the_focus() -> None:
    rubric = default_rubric()
    scores: dict[str, int | None] = dict.fromkeys(
        ("challenge", "discover_need", "insight", "ownership", "next_step", "respect"), 3
    )
    focus = frozenset({"ownership", "next_step", "respect"})
    signals = frozenset({Signal.DISCOUNT})
    assert target_criterion(scores, frozenset(), signals, rubric, focus) == "challenge"


# --- the customer with a problem, and the report card -------------------------------------------

FIX_IT_MYSELF: dict[Literal["sv", "en"], str] = {
    "sv": "jag aker over med nya kort sjalv i kvall, ar du pa kontoret till 18?",
    "en": "ill drive over with new cards myself tonight, are you at the office until 6?",
}
ONLY_SORRY: dict[Literal["sv", "en"], list[str]] = {
    "sv": ["oj, det var trakigt att hora", "vad hande, kom dom inte fram alls?", "forstar, sorry"],
    "en": ["oh, sorry to hear that", "what happened, didnt they arrive at all?", "i see, sorry"],
}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_offer_to_fix_it_personally_at_a_set_time_is_taken_when_nearly_trusted(
    lang: Literal["sv", "en"],
) -> None:
    """Nearly won, a dated proposal gets another day; the same proposal to come and fix the
    customer's problem yourself is taken: haggling over the day would only delay the fix."""
    nearly = CustomerState(trust=COUNTER_TRUST + 1, patience=60)
    slot = find_slot(FIX_IT_MYSELF[lang])
    assert slot is not None
    dated = frozenset({Signal.DATED_NEXT_STEP})
    reply = Judgement(overall=50, criteria={}, feedback="", signals=dated)
    plain = advance(nearly, reply, level=3, reading=Reading(slot=slot))
    assert plain.outcome is Outcome.ONGOING and plain.state.counter, "a plain slot is countered"
    fixing = dataclasses.replace(reply, signals=dated | {Signal.OWNERSHIP})
    owned = advance(nearly, fixing, level=3, reading=Reading(slot=slot))
    assert owned.state.trust < WIN_TRUST, "won by the offer, not by trust alone"
    assert owned.outcome is Outcome.WON


@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_a_complaint_report_card_advises_what_the_scenario_trains(
    practice: Practice, lang: Literal["sv", "en"]
) -> None:
    session = practice.start(
        user_id="rep", scenario_id="cards-never-arrived", lang=lang, level=1, seed=5
    )
    for reply in ONLY_SORRY[lang]:
        if not session.finished:
            await practice.reply(session, reply)
    card = practice.stop(session)
    rubric = practice.rubric
    focus = practice.scenario("cards-never-arrived").focus_set
    advised = {c.id for c in rubric.criteria if c.tip(lang) in card.advice}
    assert advised, card.advice
    assert advised <= focus, advised
