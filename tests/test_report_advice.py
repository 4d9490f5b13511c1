"""The report card's "What to work on" never advises a move the rep already made in the session."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot import i18n
from bot.core.datafile import Lang
from bot.core.judgement import Signal
from bot.core.practice import Practice
from bot.core.report import build_report, shown_criteria
from bot.core.rubric import default_rubric
from bot.core.session import Session, Turn
from tests import factories
from tests.test_cli import salescoach

#: Good questions and one reply that proposes a dated step: next_step's mean stays the lowest, but
#: the rep has shown it, so the card must not tell them to "end with a day and time".
SESSIONS: dict[Lang, list[str]] = {
    "sv": [
        "Vad är det som gör att ni vill vänta, ärligt talat?",
        "Vad kostar det er om det här får vänta till hösten?",
        "Kan du titta förbi på lördag vid elva? Då har jag plockat fram tre förslag åt dig.",
        "Är det verkligen tidpunkten, eller är det något annat som är oklart?",
    ],
    "en": [
        "What is it that makes you want to wait, honestly?",
        "What does it cost you if this waits until the autumn?",
        "Can you pop by on Saturday at 11? I'll have three options ready for you.",
        "Is it really the timing, or is something else unclear?",
    ],
}


async def _played(practice: Practice, lang: Lang, replies: list[str]) -> Session:
    session = practice.start(user_id="rep", scenario_id="let-it-mature", lang=lang, level=1, seed=3)
    for reply in replies:
        if not session.finished:
            await practice.reply(session, reply)
    return session


@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_the_card_does_not_advise_a_dated_step_after_the_rep_proposed_one(
    practice: Practice, lang: Lang
) -> None:
    session = await _played(practice, lang, SESSIONS[lang])
    card = practice.stop(session)
    rubric = practice.rubric
    assert "next_step" in shown_criteria(session.turns), [
        (t.reply, t.judgement.criteria["next_step"]) for t in session.turns
    ]
    # Weak on average (one step in four replies), which is why the mean alone advised it.
    assert (card.criteria["next_step"] or 0) < 4
    assert rubric.criterion("next_step").tip(lang) not in card.advice
    for cid in shown_criteria(session.turns):
        assert rubric.criterion(cid).tip(lang) not in card.advice, cid
    # It still says what to work on: the weakest criterion the scenario trains that the rep has
    # not shown, or, when every one was shown once, to show them every time.
    focus = practice.scenario(session.scenario_id).focus_set
    unshown = {
        cid: mean
        for cid, mean in card.criteria.items()
        if mean is not None and cid in focus and cid not in shown_criteria(session.turns)
    }
    for cid in set(card.criteria) - focus:
        assert rubric.criterion(cid).tip(lang) not in card.advice, cid
    if unshown:
        weakest = min(unshown, key=lambda c: (unshown[c], c))
        assert card.advice[0] == rubric.criterion(weakest).tip(lang)
    else:
        assert card.advice[0] == i18n.text(lang, "report.all_shown_focus")


def _session(*turns: Turn) -> Session:
    return factories.session(lang="en", turns=list(turns))


def _judged(turn: Turn, **changes: Any) -> Turn:
    return replace(turn, judgement=replace(turn.judgement, **changes))


def test_a_criterion_scored_4_once_is_shown_and_not_advised() -> None:
    once = factories.turn(0, overall=70, next_step=4, discover_need=1, insight=2)
    weak = factories.turn(1, overall=20, next_step=0, discover_need=1, insight=2)
    card = build_report(_session(once, weak, weak), factories.rubric())
    # next_step has the lowest mean (1.33) but was shown; the two weakest unshown come instead.
    assert card.advice[:2] == ("tip for discover_need", "tip for insight")


def test_a_move_the_judge_detected_counts_as_shown_even_below_4() -> None:
    asked = factories.turn(0, overall=50, discover_need=3, insight=1, challenge=2)
    asked = _judged(asked, signals=frozenset({Signal.QUESTION_NEED}))
    card = build_report(_session(asked), factories.rubric())
    assert "tip for discover_need" not in card.advice
    assert card.advice[:2] == ("tip for insight", "tip for challenge")


def test_the_weakest_replys_phrasing_is_left_out_when_it_adds_a_move_shown_elsewhere() -> None:
    strong = factories.turn(0, overall=80, next_step=5, insight=1)
    weak = _judged(
        factories.turn(1, overall=10, next_step=1, insight=1),
        try_instead="Can we meet Tuesday at 10?",
        tip_criterion="next_step",
    )
    card = build_report(_session(strong, weak), factories.rubric())
    assert card.advice == ("tip for insight",)
    elsewhere = _judged(weak, tip_criterion="insight")
    card = build_report(_session(strong, elsewhere), factories.rubric())
    line = i18n.text("en", "report.try_instead_tip", text="Can we meet Tuesday at 10?")
    assert card.advice == ("tip for insight", line)


def test_the_house_rubric_tips_are_distinct() -> None:
    """The checks above compare tip texts, so each criterion's tip must be its own."""
    rubric = default_rubric()
    for lang in ("sv", "en"):
        tips = [c.tip(lang) for c in rubric.criteria]
        assert len(set(tips)) == len(tips)


def test_when_every_weak_skill_was_shown_once_the_card_says_to_do_them_every_time() -> None:
    first = factories.turn(0, overall=60, insight=4, next_step=1)
    second = factories.turn(1, overall=60, insight=0, next_step=5)
    for lang in ("sv", "en"):
        card = build_report(factories.session(lang=lang, turns=[first, second]), factories.rubric())
        assert card.advice == (i18n.text(lang, "report.all_shown"),)


def test_with_a_scenario_the_card_says_the_skills_it_trains_were_shown() -> None:
    """The card lists every criterion; "you showed every skill" must not claim the untrained."""
    first = factories.turn(0, overall=60, insight=4, next_step=1)
    second = factories.turn(1, overall=60, insight=0, next_step=5)
    session = factories.session(lang="sv", turns=[first, second])
    card = build_report(session, factories.rubric(), focus=frozenset({"insight", "next_step"}))
    assert card.advice == (i18n.text("sv", "report.all_shown_focus"),)
    assert "den här kunden tränar" in card.advice[0]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_chat_json_advice_leaves_out_the_step_the_rep_proposed(tmp_path: Path, lang: Lang) -> None:
    result = salescoach(
        "chat",
        "--scenario",
        "let-it-mature",
        "--lang",
        lang,
        "--json",
        stdin="\n".join(SESSIONS[lang]) + "\n",
        data_dir=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert max(t["criteria"]["next_step"] or 0 for t in data["turns"]) >= 4
    assert default_rubric().criterion("next_step").tip(lang) not in data["advice"]
