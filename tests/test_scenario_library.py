"""Coaches' stored scenarios: whose they are, where they are published, who may play them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.coaching import cohorts, scenario_library
from bot.coaching.records import Records
from bot.core.scenario_template import template_text
from bot.errors import NotAllowed
from tests.coaching_world import coach, records_in, rep

TEMPLATE = template_text("en", "heat-pump").encode()


@pytest.fixture
def records(tmp_path: Path) -> Records:
    return records_in(tmp_path / "data")


def test_two_coaches_with_the_same_id_keep_two_scenarios_that_never_cross(
    records: Records,
) -> None:
    carla, olle = coach(records, "100", "Carla"), coach(records, "200", "Olle")
    team_a = cohorts.create_cohort(records, carla, "Team A")
    team_b = cohorts.create_cohort(records, olle, "Team B")
    cohorts.join(records, "5000", team_a.code or "")
    cohorts.join(records, "5001", team_b.code or "")
    mine, _, _ = scenario_library.save(records, carla, TEMPLATE, "a.yaml")
    theirs, _, _ = scenario_library.save(records, olle, TEMPLATE, "b.yaml")
    assert mine and theirs and mine.key != theirs.key
    scenario_library.toggle(records, carla, mine.key, team_a.id)
    assert scenario_library.hidden_from(records, "5000") == {theirs.key}
    assert scenario_library.hidden_from(records, "5001") == {mine.key, theirs.key}
    assert scenario_library.hidden_from(records, "200") == {mine.key}
    assert scenario_library.hidden_from_cohort(records, team_b.id) == {mine.key, theirs.key}
    for forged in [
        lambda: scenario_library.toggle(records, olle, mine.key, team_b.id),
        lambda: scenario_library.toggle(records, carla, mine.key, team_b.id),
        lambda: scenario_library.owned(records, olle, mine.key),
        lambda: scenario_library.unpublish_all(records, olle, mine.key),
        lambda: scenario_library.save(records, rep("5000"), TEMPLATE, "c.yaml"),
    ]:
        with pytest.raises(NotAllowed):
            forged()


def test_replacing_keeps_where_it_is_published_and_toggling_twice_unpublishes(
    records: Records,
) -> None:
    carla = coach(records, "100", "Carla")
    team = cohorts.create_cohort(records, carla, "Team A")
    first, _, replaced = scenario_library.save(records, carla, TEMPLATE, "a.yaml")
    assert first and not replaced
    _, published = scenario_library.toggle(records, carla, first.key, team.id)
    assert published
    second, _, replaced = scenario_library.save(records, carla, TEMPLATE + b"# v2\n", "a.yaml")
    assert second and replaced and second.cohorts == (team.id,)
    entry, published = scenario_library.toggle(records, carla, first.key, team.id)
    assert not published and entry.cohorts == ()


def test_a_coach_keeps_at_most_the_limit_of_scenarios(
    records: Records, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scenario_library, "MAX_PER_COACH", 2)
    carla = coach(records, "100", "Carla")
    for n in range(2):
        scenario_library.save(records, carla, template_text("en", f"s{n}").encode(), "a.yaml")
    scenario_library.save(records, carla, template_text("en", "s1").encode(), "a.yaml")  # replace
    with pytest.raises(NotAllowed, match="2 scenarios"):
        scenario_library.save(records, carla, template_text("en", "s2").encode(), "a.yaml")


def test_a_file_with_problems_is_not_kept(records: Records) -> None:
    carla = coach(records, "100", "Carla")
    entry, checked, _ = scenario_library.save(records, carla, b"id: x\n", "a.yaml")
    assert entry is None and checked.problems
    assert scenario_library.mine(records, carla) == []
