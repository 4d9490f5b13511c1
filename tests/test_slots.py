"""Time slots in the rep's words, Swedish and English, with and without å/ä/ö."""

from __future__ import annotations

import pytest

from bot.core.judgement import Signal
from bot.core.listening import proposed_slot
from bot.core.slots import Slot, find_slot


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("Kan du titta förbi på lördag vid elva?", Slot(weekday=5, hour=11)),
        ("kan du titta forbi pa lordag vid elva", Slot(weekday=5, hour=11)),
        ("ses vi på tisdag kl 10?", Slot(weekday=1, hour=10)),
        ("Vi ses torsdag kl. 14.30", Slot(weekday=3, hour=14, minute=30)),
        ("kan vi ses imorn kl 15", Slot(relative="tomorrow", hour=15)),
        ("den 12 augusti klockan nio", Slot(month=8, day_of_month=12, hour=9)),
        ("halv tre på onsdag?", Slot(weekday=2)),
        (
            "I've pencilled us in for Aug 12, 9:30",
            Slot(month=8, day_of_month=12, hour=9, minute=30),
        ),
        ("Shall we meet on Tuesday at 10?", Slot(weekday=1, hour=10)),
        ("How about Friday 3pm?", Slot(weekday=4, hour=15)),
        ("Can I come by tomorrow at eleven?", Slot(relative="tomorrow", hour=11)),
        ("2026-09-01 at 08:15 works", Slot(month=9, day_of_month=1, hour=8, minute=15)),
    ],
)
def test_a_slot_is_read_from_the_reply(text: str, slot: Slot) -> None:
    assert find_slot(text) == slot


@pytest.mark.parametrize(
    "text",
    [
        "I fredags ringde jag tre gånger.",
        "Last Friday nobody answered.",
        "Priset är 4 500 kr exklusive moms.",
        "I can give you 20 % off at 20 %.",
        "Vid ett tillfälle gick det fel.",
        "At one point we lost three weeks.",
        "May I ask what's behind it?",
        "De tre marknaderna växer.",
    ],
)
def test_no_slot_where_there_is_none(text: str) -> None:
    assert find_slot(text) is None


@pytest.mark.parametrize(
    ("text", "proposes"),
    [
        ("Ses vi på tisdag kl 10?", True),
        ("I've pencilled us in for Aug 12, 9:30", True),
        ("Kan du titta förbi på lördag vid elva?", True),
        ("Så det ska stå i butik på fredag?", False),
        ("Hur länge är du kvar på kontoret idag?", False),
        ("What happens on Friday if it's late?", False),
    ],
)
def test_a_day_is_a_proposal_only_with_a_meeting_move(text: str, proposes: bool) -> None:
    assert (proposed_slot(text, frozenset()) is not None) is proposes


def test_a_day_the_judge_saw_as_a_next_step_is_a_proposal() -> None:
    assert proposed_slot("Fredag 9, då har jag allt med mig.", frozenset({Signal.NEXT_STEP}))


@pytest.mark.parametrize(
    ("slot", "sv", "en"),
    [
        (Slot(weekday=5, hour=11), "lördag kl. 11", "Saturday at 11"),
        (
            Slot(month=8, day_of_month=12, hour=9, minute=30),
            "den 12 augusti kl. 9.30",
            "August 12 at 9:30",
        ),
        (Slot(relative="tomorrow"), "i morgon", "tomorrow"),
        (Slot(weekday=1, hour=18), "tisdag kl. 18", "Tuesday at 6 pm"),
        (Slot(weekday=3, hour=13, minute=30), "torsdag kl. 13.30", "Thursday at 1:30 pm"),
    ],
)
def test_the_customer_names_the_slot_in_its_language(slot: Slot, sv: str, en: str) -> None:
    assert (slot.words("sv"), slot.words("en")) == (sv, en)
