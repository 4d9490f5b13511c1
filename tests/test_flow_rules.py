"""The practice rules behind the Telegram flow, in the domain and the CLI: exam minimum,
off-topic at ★★★, and sessions without replies counting nowhere."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from factories import T0, rubric, scored_session, session

from bot.cli import main
from bot.coaching import exports
from bot.core.judgement import Judgement, Signal
from bot.core.report import EXAM_MIN_REPLIES, build_report
from bot.core.state import (
    COUNTER_TRUST,
    LOSE_TRUST,
    WIN_TRUST,
    CustomerState,
    Outcome,
    advance,
)
from bot.store import Store
from tests.coaching_world import T0 as JOINED
from tests.coaching_world import records_in, team
from tests.coaching_world import session as coached_session
from tests.coaching_world import turn as coached_turn

EXAM_CASES = [
    ("exam", 1, False),
    ("exam", EXAM_MIN_REPLIES - 1, False),
    ("exam", EXAM_MIN_REPLIES, True),
    ("practice", 1, True),
]


@pytest.mark.parametrize(("mode", "replies", "passed"), EXAM_CASES)
def test_an_exam_needs_enough_replies_to_pass(mode: str, replies: int, passed: bool) -> None:
    played = scored_session([88] * replies, outcome=Outcome.STOPPED)
    played.mode = "exam" if mode == "exam" else "practice"
    assert build_report(played, rubric()).passed is passed


def _off_topic(overall: int = 10) -> Judgement:
    return Judgement(
        overall=overall, criteria={}, feedback="", signals=frozenset({Signal.OFF_TOPIC})
    )


def test_one_off_topic_reply_does_not_end_a_hard_session_but_a_second_may() -> None:
    hard = CustomerState(trust=28, patience=60)
    first = advance(hard, _off_topic(), level=3)
    assert first.outcome is Outcome.ONGOING and first.state.trust == LOSE_TRUST
    second = advance(first.state, _off_topic(), level=3)
    assert second.outcome is Outcome.LOST


def _good(overall: int, *signals: Signal) -> Judgement:
    return Judgement(overall=overall, criteria={}, feedback="", signals=frozenset(signals))


def test_at_three_stars_questions_alone_warm_the_customer_less_than_substance() -> None:
    """★★★ is the articles' demanding customer: the same score warms it more when the reply
    challenges, brings insight or owns the problem than when it only asks or proposes."""
    start = CustomerState(trust=40, patience=80)
    asked = advance(start, _good(80, Signal.NEXT_STEP), level=3)
    brought = advance(start, _good(80, Signal.NEXT_STEP, Signal.CHALLENGE), level=3)
    assert asked.trust_delta > 0 and brought.trust_delta > asked.trust_delta
    # At ★ a good question is as warming as its score says.
    easy = advance(start, _good(80, Signal.NEXT_STEP), level=1)
    assert easy.trust_delta > asked.trust_delta


def test_a_yes_at_once_keeps_no_other_day_the_customer_never_offered() -> None:
    """Owning the problem with a time wins a customer in the counter zone at once; the day it
    would otherwise have offered was never said, so its yes must not read "I said Tuesday was
    tricky, but I'll sort it"."""
    from bot.core.listening import Reading
    from bot.core.slots import find_slot

    slot = find_slot("tuesday at 6pm")
    assert slot is not None
    waiting = CustomerState(trust=COUNTER_TRUST + 2, patience=60)
    fixed = advance(
        waiting, _good(60, Signal.OWNERSHIP, Signal.DATED_NEXT_STEP), 2, Reading(slot=slot)
    )
    assert fixed.state.trust < WIN_TRUST  # still in the zone where it would offer a day
    assert fixed.outcome is Outcome.WON and fixed.state.counter == 0
    # Not yet won: the counter-proposal is made, and kept.
    early = advance(waiting, _good(40, Signal.DATED_NEXT_STEP), 2, Reading(slot=slot))
    assert early.outcome is Outcome.ONGOING and early.state.counter != 0


def test_cli_history_and_progress_skip_sessions_without_replies(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(data_dir)
    store.save_session(scored_session([70], id="answered", scenario_id="cards-never-arrived"))
    store.save_session(session(id="unanswered", outcome=Outcome.STOPPED, started_at=T0 + 60))
    store.save_session(session(id="open", started_at=T0 + 120))

    assert main(["history", "--user", "anna"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[8] for line in lines] == ["answered"]
    assert main(["progress", "--user", "anna", "--lang", "en"]) == 0
    assert "Progress for anna: 1 session\n" in capsys.readouterr().out


def test_the_cohort_export_passes_an_exam_like_the_report_card(tmp_path: Path) -> None:

    t = team(records_in(tmp_path))
    one_line = coached_session("anna", coached_turn(0, 88), sid="exam1", at=JOINED + 7200)
    one_line.mode = "exam"
    t.records.store.save_session(one_line)
    table = exports.cohort_csv(t.records, t.cohort_a, rubric())
    rows = list(
        csv.DictReader(io.StringIO(table.lstrip("\ufeff")), dialect=csv.Sniffer().sniff(table))
    )
    assert [(r["session_id"], r["overall"], r["passed"]) for r in rows] == [("exam1", "88", "0")]
