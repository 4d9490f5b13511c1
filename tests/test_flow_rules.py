"""The practice rules behind the Telegram flow, in the domain and the CLI: exam minimum,
off-topic at ★★★, and sessions without replies counting nowhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import T0, rubric, scored_session, session

from bot.cli import main
from bot.core.judgement import Judgement, Signal
from bot.core.report import EXAM_MIN_REPLIES, build_report
from bot.core.state import LOSE_TRUST, CustomerState, Outcome, advance
from bot.store import Store

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
