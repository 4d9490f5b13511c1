"""The shipped data files load, and broken ones fail with errors naming file and field."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from bot import paths
from bot.core.datafile import Text
from bot.core.judgement import Signal
from bot.core.reactions import EXTRA_KEYS, load_reactions
from bot.core.rubric import default_rubric
from bot.core.scenarios import (
    Scenario,
    default_scenarios,
    lesson_ids,
    load_scenario,
    load_scenarios,
)
from bot.core.state import LOSE_TRUST, WIN_TRUST
from bot.errors import DataFileError

SCENARIO_IDS = sorted(path.stem for path in paths.CUSTOMERS_DIR.glob("*.yaml"))
REACTION_KEYS = {s.value for s in Signal} | EXTRA_KEYS
#: Fixed criteria for the broken-file tests, so they do not depend on the rubric's contents.
CRITERIA = {"challenge", "discover_need", "insight", "ownership", "next_step", "respect"}
#: Customers speak in chat-sized lines; a longer one reads like a speech, not a customer.
MAX_LINE_CHARS = 200
BASE_SCENARIO = "just-looking"


def texts(value: object, where: str = "") -> Iterator[tuple[str, Text]]:
    """Every bilingual text inside a loaded model, with its field path."""
    if isinstance(value, Text):
        yield where, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name), f"{where}.{name}".lstrip("."))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from texts(item, f"{where}.{i}")


def spoken_lines(scenario: Scenario) -> list[Text]:
    """Everything the customer may say out loud."""
    reactions = [line for lines in scenario.reactions.values() for line in lines]
    return [
        *scenario.opening,
        *scenario.hidden.reveals,
        *scenario.objections,
        *reactions,
        *scenario.win.lines,
        *scenario.lose,
    ]


@pytest.fixture(params=SCENARIO_IDS)
def scenario(request: pytest.FixtureRequest) -> Scenario:
    return default_scenarios()[request.param]


# --- the shipped files -------------------------------------------------------------------------


def test_ships_at_least_twelve_customers() -> None:
    assert len(SCENARIO_IDS) >= 12
    assert sorted(default_scenarios()) == SCENARIO_IDS


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
def test_shipped_scenario_loads_against_rubric_and_lessons(scenario_id: str) -> None:
    path = paths.CUSTOMERS_DIR / f"{scenario_id}.yaml"
    loaded = load_scenario(path, criteria=set(default_rubric().ids), lessons=lesson_ids())
    assert loaded.id == scenario_id


def test_every_text_has_swedish_and_english(scenario: Scenario) -> None:
    blank = [
        f"{where}.{lang}"
        for where, text in texts(scenario)
        for lang in ("sv", "en")
        if not text(lang).strip()
    ]
    assert blank == []


def test_cites_a_lesson_from_the_seeds(scenario: Scenario) -> None:
    assert scenario.lesson in lesson_ids()


def test_focuses_on_two_to_four_rubric_criteria(scenario: Scenario) -> None:
    assert 2 <= len(scenario.focus) <= 4
    assert len(set(scenario.focus)) == len(scenario.focus)
    assert scenario.focus_set <= set(default_rubric().ids)


def test_has_three_levels_each_harder_than_the_last(scenario: Scenario) -> None:
    levels = scenario.levels
    assert sorted(levels) == [1, 2, 3]
    assert levels[1].trust > levels[2].trust > levels[3].trust
    assert levels[1].patience > levels[2].patience > levels[3].patience


def test_starts_neither_won_nor_lost(scenario: Scenario) -> None:
    for spec in scenario.levels.values():
        assert LOSE_TRUST < spec.trust < WIN_TRUST


@pytest.mark.parametrize(
    ("part", "low", "high"),
    [
        ("opening", 2, 4),
        ("reveals", 3, 5),
        ("objections", 4, 6),
        ("win lines", 2, 3),
        ("lose", 2, 3),
    ],
)
def test_has_enough_lines_for_a_conversation(
    scenario: Scenario, part: str, low: int, high: int
) -> None:
    counts = {
        "opening": len(scenario.opening),
        "reveals": len(scenario.hidden.reveals),
        "objections": len(scenario.objections),
        "win lines": len(scenario.win.lines),
        "lose": len(scenario.lose),
    }
    assert low <= counts[part] <= high


def test_overrides_at_least_three_reactions(scenario: Scenario) -> None:
    assert len(scenario.reactions) >= 3


def test_customer_lines_are_chat_sized(scenario: Scenario) -> None:
    long = [
        line(lang)
        for line in spoken_lines(scenario)
        for lang in ("sv", "en")
        if len(line(lang)) > MAX_LINE_CHARS
    ]
    assert long == []


def test_lessons_have_unique_ids_and_both_languages() -> None:
    lessons = yaml.safe_load(paths.LESSONS_FILE.read_text(encoding="utf-8"))["lessons"]
    ids = [lesson["id"] for lesson in lessons]
    assert len(ids) == len(set(ids))
    for lesson in lessons:
        assert lesson["source"] in {"olsson", "troedsson"}, lesson["id"]
        for field in ("title", "summary"):
            assert lesson[field]["sv"].strip() and lesson[field]["en"].strip(), lesson["id"]
        assert all(lesson["quote"][k].strip() for k in ("text", "author", "article")), lesson["id"]


def test_every_lesson_is_practised_by_some_customer() -> None:
    cited = {s.lesson for s in default_scenarios().values()}
    assert lesson_ids() - cited == set()


def test_common_reactions_cover_every_key_with_four_variants() -> None:
    reactions = load_reactions().reactions
    assert set(reactions) == REACTION_KEYS
    thin = sorted(key for key, lines in reactions.items() if len(lines) < 4)
    assert thin == []
    blank = [
        (key, lang)
        for key, lines in reactions.items()
        for line in lines
        for lang in ("sv", "en")
        if not line(lang).strip()
    ]
    assert blank == []


# --- broken files ------------------------------------------------------------------------------


def base_scenario() -> dict[str, Any]:
    """A fresh, valid scenario as plain data, to break one field at a time."""
    path = paths.CUSTOMERS_DIR / f"{BASE_SCENARIO}.yaml"
    return copy.deepcopy(yaml.safe_load(path.read_text(encoding="utf-8")))


def write_yaml(path: Path, data: Any) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def load_broken(path: Path) -> str:
    """Load `path` as a scenario, expecting failure; the error message."""
    with pytest.raises(DataFileError) as caught:
        load_scenario(path, criteria=CRITERIA, lessons=lesson_ids())
    return str(caught.value)


def _drop_need(d: dict[str, Any]) -> None:
    del d["hidden"]["need"]


def _drop_english_title(d: dict[str, Any]) -> None:
    del d["title"]["en"]


def _drop_level_three(d: dict[str, Any]) -> None:
    del d["levels"][3]


def _unknown_reaction_key(d: dict[str, Any]) -> None:
    d["reactions"]["sigh"] = [{"sv": "Suck.", "en": "Sigh."}]


BROKEN: list[tuple[str, Callable[[dict[str, Any]], None], list[str]]] = [
    ("missing field", _drop_need, ["field 'hidden.need'", "Field required"]),
    ("missing language", _drop_english_title, ["field 'title.en'", "Field required"]),
    (
        "wrong type",
        lambda d: d["levels"][2].update(trust="high"),
        ["field 'levels.2.trust'", "valid integer", "'high'"],
    ),
    (
        "out of range",
        lambda d: d["levels"][1].update(patience=150),
        ["field 'levels.1.patience'", "less than or equal to 100", "150"],
    ),
    (
        "unknown focus criterion",
        lambda d: d.update(focus=["discover_need", "closing"]),
        ["field 'focus'", "unknown criteria ['closing']"],
    ),
    (
        "unknown lesson",
        lambda d: d.update(lesson="olsson.no-such-lesson"),
        ["field 'lesson'", "unknown lesson 'olsson.no-such-lesson'"],
    ),
    ("unknown field", lambda d: d.update(mood="grumpy"), ["field 'mood'", "Extra inputs"]),
    ("unknown reaction key", _unknown_reaction_key, ["field 'reactions'", "['sigh']"]),
    ("missing level", _drop_level_three, ["field 'levels'", "missing difficulty levels [3]"]),
    ("bad kind", lambda d: d.update(kind="b2g"), ["field 'kind'", "'b2c' or 'b2b'", "'b2g'"]),
]


@pytest.mark.parametrize(
    ("mutate", "expected"), [(m, e) for _, m, e in BROKEN], ids=[name for name, _, _ in BROKEN]
)
def test_broken_scenario_error_names_file_and_field(
    tmp_path: Path, mutate: Callable[[dict[str, Any]], None], expected: list[str]
) -> None:
    data = base_scenario()
    mutate(data)
    path = write_yaml(tmp_path / f"{BASE_SCENARIO}.yaml", data)
    message = load_broken(path)
    assert path.name in message
    for fragment in expected:
        assert fragment in message


def test_id_not_matching_file_name_is_an_error(tmp_path: Path) -> None:
    path = write_yaml(tmp_path / "someone-else.yaml", base_scenario())
    message = load_broken(path)
    assert "someone-else.yaml" in message
    assert "field 'id'" in message
    assert f"{BASE_SCENARIO!r} must match the file name 'someone-else'" in message


def test_invalid_yaml_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("id: broken\nopening: [unclosed\n", encoding="utf-8")
    message = load_broken(path)
    assert "broken.yaml" in message
    assert "not valid YAML" in message


def test_a_list_at_the_top_level_is_an_error(tmp_path: Path) -> None:
    path = write_yaml(tmp_path / "listy.yaml", ["id", "listy"])
    message = load_broken(path)
    assert "listy.yaml" in message
    assert "expected a mapping at the top level" in message


def test_loading_a_folder_names_the_one_broken_file(tmp_path: Path) -> None:
    for scenario_id in SCENARIO_IDS[:2]:
        source = paths.CUSTOMERS_DIR / f"{scenario_id}.yaml"
        (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    data = base_scenario()
    data["id"] = "zz-broken"
    del data["persona"]["name"]
    write_yaml(tmp_path / "zz-broken.yaml", data)
    with pytest.raises(DataFileError) as caught:
        load_scenarios(tmp_path, criteria=CRITERIA, lessons=lesson_ids())
    assert "zz-broken.yaml" in str(caught.value)
    assert "field 'persona.name'" in str(caught.value)


def test_reactions_missing_a_key_is_an_error(tmp_path: Path) -> None:
    data = yaml.safe_load(paths.REACTIONS_FILE.read_text(encoding="utf-8"))
    del data["reactions"]["filler"]
    path = write_yaml(tmp_path / "reactions.yaml", data)
    with pytest.raises(DataFileError) as caught:
        load_reactions(path)
    assert "reactions.yaml" in str(caught.value)
    assert "field 'reactions'" in str(caught.value)
    assert "missing reaction lines for ['filler']" in str(caught.value)


def test_reactions_line_without_swedish_is_an_error(tmp_path: Path) -> None:
    data = yaml.safe_load(paths.REACTIONS_FILE.read_text(encoding="utf-8"))
    data["reactions"]["weak"][0] = {"en": "Mm."}
    path = write_yaml(tmp_path / "reactions.yaml", data)
    with pytest.raises(DataFileError) as caught:
        load_reactions(path)
    assert "field 'reactions.weak.0.sv'" in str(caught.value)


def test_lesson_without_id_is_an_error(tmp_path: Path) -> None:
    path = write_yaml(tmp_path / "lessons.yaml", {"lessons": [{"id": "a.b"}, {"source": "x"}]})
    with pytest.raises(DataFileError) as caught:
        lesson_ids(path)
    assert "lessons.yaml" in str(caught.value)
    assert "field 'lessons.1.id'" in str(caught.value)
