"""The YAML mistakes coaches make most (a tab, a colon inside a text, an unclosed quote, a line
indented wrong) named in the coach's language with the line to fix; and a level that gives
only the number the coach wants to change."""

from __future__ import annotations

import pytest
import yaml

from bot.core import scenario_check
from bot.core.scenarios import DEFAULT_LEVELS
from tests.test_scenario_files import MINIMAL, _swap, checked

#: (what the coach did, file, line to fix, catalogue key)
SLIPS = [
    ("tab", _swap("    - The boiler", "\t- The boiler"), 12, "scenarios.check.syntax_tab"),
    (
        "colon in a text",
        _swap("description: Careful with money.", "description: Careful: money matters."),
        7,
        "scenarios.check.syntax_colon",
    ),
    (
        "unclosed quote",
        _swap("title: The heat-pump buyer", 'title: "The heat-pump buyer'),
        2,
        "scenarios.check.syntax_quote",
    ),
    (
        "key indented one space too far",
        _swap("  reveals:", "   reveals:"),
        10,
        "scenarios.check.syntax_indent",
    ),
    (
        "apostrophe closing a quoted text",
        _swap("title: The heat-pump buyer", "title: 'Sam's heat pump'"),
        2,
        "scenarios.check.syntax_indent",
    ),
]
LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])


@pytest.fixture(params=LOADERS, ids=lambda loader: loader.__name__)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both parsers PyYAML may use (libyaml's words differ from the pure-Python one's)."""
    monkeypatch.setattr(scenario_check, "_LOADER", request.param)


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize(("text", "line", "key"), [s[1:] for s in SLIPS], ids=[s[0] for s in SLIPS])
def test_a_yaml_slip_is_named_in_plain_words_at_its_line(text: str, line: int, key: str) -> None:
    result = checked(text)
    assert [(p.line, p.field, p.message.key) for p in result.problems] == [(line, "(yaml)", key)]
    (swedish,) = result.report("sv")
    assert swedish.startswith(f"mine.yaml:{line}: (yaml): ")
    for parser_words in ("mapping", "scanning", "expected", "token", "found"):
        assert parser_words not in swedish


def test_a_slip_without_plain_words_still_quotes_the_parser() -> None:
    result = checked(_swap("role: home owner", "role: [home owner"))
    (problem,) = result.problems
    assert problem.message.key == "scenarios.check.syntax"


def test_a_wrong_choice_lists_the_choices_without_english_in_swedish() -> None:
    result = checked(_swap("outcome: won", "outcome: möte bokat"))
    (line,) = result.report("sv")
    assert line == (
        "mine.yaml:20: win.outcome: ska vara ett av 'won', 'meeting_booked', fick möte bokat"
    )


def test_a_level_may_give_only_what_the_coach_changes() -> None:
    result = checked(MINIMAL + "levels:\n  3: {trust: 20}\n  2:\n    patience: 50\n")
    assert result.problems == (), result.report("en")
    assert result.scenario is not None
    levels = result.scenario.levels
    assert (levels[3].trust, levels[3].patience) == (20, DEFAULT_LEVELS[3].patience)
    assert levels[3].description == DEFAULT_LEVELS[3].description
    assert (levels[2].trust, levels[2].patience) == (DEFAULT_LEVELS[2].trust, 50)
    assert levels[1] == DEFAULT_LEVELS[1]


def test_a_level_value_out_of_range_is_still_refused_at_its_line() -> None:
    result = checked(MINIMAL + "levels:\n  3: {trust: 200}\n")
    found = [(p.line, p.field, p.message.key) for p in result.problems]
    assert found == [(27, "levels.3.trust", "scenarios.check.range")]
