"""The /progress chart and summary: distinct dates, one scale per panel, colours apart from the
pass line, streak and medals, and the "sending photo" action while it is drawn."""

from __future__ import annotations

import re

import pytest
from factories import DAY, T0, rubric, session, turn

from bot.charts import PASS_COLOUR, SKILL_MAX, chart_figure, tick_labels
from bot.core.progress import progress
from bot.core.state import Outcome
from tests.scripts import STRONG
from tests.telegram_world import SCENARIO, World

pytest_plugins = ("tests.telegram_fixtures",)

HOUR = 3600.0


def _played(*starts: float, overall: int = 80) -> list:
    return [
        session(
            turns=[turn(i, overall, at=at + 60 * i, ownership=4, challenge=3) for i in range(3)],
            outcome=Outcome.WON,
            started_at=at,
            id=f"s{n}",
            scenario_id="cards-never-arrived",
        )
        for n, at in enumerate(starts)
    ]


def test_sessions_on_one_day_get_distinct_labels() -> None:
    r = rubric()
    # T0 is 2026-01-01 01:00 in Stockholm: three sessions that night, one two days later.
    found = progress(_played(T0, T0 + 60, T0 + HOUR / 4, T0 + 2 * DAY), r)
    labels = tick_labels(found.points, "sv")
    assert labels == ["1 jan.\n01:00", "1 jan.\n01:01", "1 jan.\n01:15", "3 jan."]


def test_two_sessions_in_the_same_minute_are_numbered() -> None:
    found = progress(_played(T0, T0 + 1), rubric())
    assert tick_labels(found.points, "en") == ["1 Jan\n01:00", "1 Jan\n01:00 (2)"]


def test_each_panel_has_one_scale_and_no_skill_shares_the_pass_line_colour() -> None:
    r = rubric()
    found = progress(_played(T0, T0 + DAY), r, today=None)
    fig = chart_figure(found, r, "sv")
    top, bottom = fig.axes
    assert top.get_ylim() == (0.0, 100.0) and bottom.get_ylim() == (0.0, SKILL_MAX)
    skill_colours = [line.get_color() for line in bottom.get_lines()]
    assert len(set(skill_colours)) == len(r.criteria) and PASS_COLOUR not in skill_colours
    ownership = bottom.get_lines()[[c.id for c in r.criteria].index("ownership")]
    assert list(ownership.get_ydata()) == [4.0, 4.0]  # the 0-5 the summary shows
    pass_lines = [line for line in top.get_lines() if line.get_color() == PASS_COLOUR]
    assert len(pass_lines) == 1 and pass_lines[0].get_ydata()[0] == r.pass_line


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("sv", "Svit: 0 dagar i rad · Medaljer: 1 guld, 0 silver, 0 brons"),
        ("en", "Streak: 0 days in a row · Medals: 1 gold, 0 silver, 0 bronze"),
    ],
)
def test_the_chart_heading_shows_streak_and_medals(lang: str, expected: str) -> None:
    r = rubric()
    found = progress(_played(T0, overall=90), r, today=None)
    fig = chart_figure(found, r, lang)  # type: ignore[arg-type]
    assert fig.get_suptitle() == expected


async def test_progress_shows_upload_action_streak_and_medals(world: World) -> None:
    rep = world.rep(lang="sv")
    picker = (await world.step(rep, "/practice"))[0]
    await world.press(rep, picker, data=f"go:{SCENARIO}:1:practice")
    for reply in STRONG["sv"]:
        if any(m.text.startswith("🏁") for m in await world.step(rep, reply)):
            break
    else:
        await world.step(rep, "/end")
    world.api.calls.clear()
    chart, summary = await world.step(rep, "/progress")
    names = [name for name, _ in world.api.calls]
    assert names.index("sendchataction") < names.index("sendphoto")
    assert world.api.called("sendChatAction")[0]["action"] == "upload_photo"
    assert chart.kind == "photo"
    assert "🔥 Svit: 1 dag i rad" in summary.text
    assert re.search(r"Medaljer\n[🥇🥈🥉] Visitkorten som aldrig kom – bäst \d+/100", summary.text)
