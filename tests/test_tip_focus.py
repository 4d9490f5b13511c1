"""In a scenario, the tip and the better phrasing stay on what that scenario trains."""

from __future__ import annotations

from typing import Literal

import pytest

from bot.core.judgement import JudgeRequest, Signal
from bot.core.offline_judge import OfflineJudge
from bot.core.offline_judge.feedback import target_criterion
from bot.core.rubric import default_rubric
from bot.core.scenarios import default_scenarios

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


@pytest.fixture(scope="module")
def judge() -> OfflineJudge:
    return OfflineJudge()


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
