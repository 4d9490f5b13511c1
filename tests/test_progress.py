"""Progress maths on constructed histories, with exact expected values."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from factories import DAY, T0, rubric, scored_session, session, turn

from bot.core.progress import criterion_scores, medal_for, progress, session_overall, streak
from bot.core.session import Turn
from bot.core.state import Outcome

RUBRIC = rubric()
TODAY = date(2026, 1, 10)


def _on_day(n: int, **criteria: int | None) -> list[Turn]:
    """One turn `n` days after T0 with these criterion scores."""
    return [turn(0, 70, T0 + n * DAY, "a reply", **criteria)]


def test_session_scores_are_means_over_applicable_turns_on_a_0_to_100_scale() -> None:
    s = session(turns=[turn(0, 60, challenge=3), turn(1, 70, challenge=4), turn(2, 80)])

    assert session_overall(s) == 70
    assert criterion_scores(s, RUBRIC)["challenge"] == 70.0
    assert criterion_scores(s, RUBRIC)["respect"] is None


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        ([60], 60),
        ([40, 80], 62),  # (40 * 2^(-1/3) + 80) / (2^(-1/3) + 1) = 62.30
        ([80, 40], 58),  # the recent session pulls harder
        ([100, 0, 0, 0], 17),  # three sessions back counts half: 50 / 2.9237 = 17.10
    ],
)
def test_proficiency_weighs_recent_sessions_more(history: list[int], expected: int) -> None:
    sessions = [
        session(turns=_on_day(n, ownership=score // 20), started_at=T0 + n * DAY)
        for n, score in enumerate(history)
    ]

    assert progress(sessions, RUBRIC, today=TODAY, tz=UTC).criterion("ownership").proficiency == (
        expected
    )


def test_change_compares_the_latest_session_with_the_previous_one_per_criterion() -> None:
    first = session(
        turns=[turn(0, ownership=3), turn(1, ownership=3), turn(2, ownership=4, insight=2)],
        started_at=T0,
    )
    second = session(turns=[turn(0, ownership=4), turn(1, ownership=3)], started_at=T0 + DAY)

    result = progress([second, first], RUBRIC, today=TODAY, tz=UTC)

    ownership = result.criterion("ownership")
    assert (ownership.last, ownership.change, ownership.sessions) == (70, 3, 2)  # 67 -> 70
    insight = result.criterion("insight")
    assert (insight.last, insight.change, insight.sessions) == (40, None, 1)
    assert result.criterion("respect").proficiency is None


def test_a_criterion_skipped_in_the_latest_session_compares_its_own_last_two() -> None:
    sessions = [
        session(turns=_on_day(0, ownership=3), started_at=T0),
        session(turns=_on_day(1, ownership=4), started_at=T0 + DAY),
        session(turns=_on_day(2, insight=2), started_at=T0 + 2 * DAY),
    ]

    ownership = progress(sessions, RUBRIC, today=TODAY, tz=UTC).criterion("ownership")

    assert (ownership.last, ownership.change) == (80, 20)


def test_overall_change_is_against_the_previous_session() -> None:
    sessions = [
        scored_session([50, 60], start=T0),
        scored_session([70, 80], start=T0 + DAY),
    ]

    result = progress(sessions, RUBRIC, today=TODAY, tz=UTC)

    assert (result.last_overall, result.overall_change) == (75, 20)


@pytest.mark.parametrize(
    ("days_ago", "expected"),
    [
        ({0, 1, 2}, 3),
        ({1, 2, 3}, 3),  # not yet today: the streak still stands from yesterday
        ({0, 2, 3}, 1),
        ({2, 3}, 0),
        (set(), 0),
    ],
)
def test_streak_counts_consecutive_days_up_to_today_or_yesterday(
    days_ago: set[int], expected: int
) -> None:
    days = {date.fromordinal(TODAY.toordinal() - n) for n in days_ago}

    assert streak(days, TODAY) == expected


def test_streak_uses_the_local_day_of_every_answered_turn() -> None:
    evening = datetime(2026, 1, 8, 23, 50, tzinfo=UTC).timestamp()
    late = session(turns=[turn(0, at=evening), turn(1, at=evening + 20 * 60)], started_at=evening)

    result = progress([late], RUBRIC, today=date(2026, 1, 9), tz=UTC)

    assert (result.streak_days, result.practised_today) == (2, True)


@pytest.mark.parametrize(
    ("overall", "outcome", "medal"),
    [
        (59, Outcome.WON, None),
        (60, Outcome.LOST, "bronze"),
        (60, Outcome.STOPPED, None),
        (74, Outcome.WON, "bronze"),
        (75, Outcome.WON, "silver"),
        (80, Outcome.LOST, "bronze"),
        (84, Outcome.MEETING_BOOKED, "silver"),
        (85, Outcome.MEETING_BOOKED, "gold"),
        (95, Outcome.ONGOING, None),
    ],
)
def test_medal_thresholds(overall: int, outcome: Outcome, medal: str | None) -> None:
    assert medal_for(scored_session([overall], outcome=outcome), pass_line=60) == medal


def test_best_score_and_medal_per_scenario_come_from_finished_sessions() -> None:
    sessions = [
        scored_session([70], scenario_id="price", outcome=Outcome.LOST, start=T0),
        scored_session([88], scenario_id="price", outcome=Outcome.WON, start=T0 + 1),
        scored_session([99], scenario_id="price", outcome=Outcome.ONGOING, start=T0 + 2),
        scored_session([50], scenario_id="angry", outcome=Outcome.STOPPED, start=T0 + 3),
    ]

    result = progress(sessions, RUBRIC, focus={"angry": ["respect"]}, today=TODAY, tz=UTC)

    by_id = {s.scenario_id: (s.sessions, s.best, s.medal) for s in result.scenarios}
    assert by_id == {"price": (3, 88, "gold"), "angry": (1, 50, None)}
    assert [s.scenario_id for s in result.scenarios] == ["angry", "price"]


def test_recommendation_names_the_weakest_criterion_and_an_unmedalled_scenario_for_it() -> None:
    strong = {c: 4 for c in ("challenge", "discover_need", "insight", "next_step", "respect")}
    sessions = [
        session(
            scenario_id="blame_game",
            turns=[turn(0, 80, T0, "a reply", ownership=1, **strong)],
            outcome=Outcome.WON,
        )
    ]
    focus = {
        "blame_game": ["ownership"],
        "broken_promise": ["ownership", "respect"],
        "price_shopper": ["challenge"],
    }

    result = progress(sessions, RUBRIC, focus=focus, today=TODAY, tz=UTC)

    assert result.recommendation is not None
    assert (result.recommendation.criterion, result.recommendation.scenario_id) == (
        "ownership",
        "broken_promise",  # blame_game already has a medal
    )


def test_no_sessions_means_no_scores_and_no_recommendation() -> None:
    result = progress([session()], RUBRIC, today=TODAY, tz=UTC)

    assert (result.sessions, result.overall, result.streak_days) == (0, None, 0)
    assert result.recommendation is None
    assert all(c.proficiency is None for c in result.criteria)


def test_progress_is_json_ready() -> None:
    result = progress([scored_session([70, 80])], RUBRIC, today=TODAY, tz=UTC)

    assert json.loads(json.dumps(result.to_dict()))["overall"] == 75
