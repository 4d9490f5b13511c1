"""Coaches' scenario files: the minimal format, `check` naming field and line for every
kind of mistake, and a scenario written only from the template playing fairly offline."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import paths
from bot.core.datafile import Lang
from bot.core.offline_customer import OfflineCustomer
from bot.core.offline_judge import OfflineJudge
from bot.core.practice import Practice
from bot.core.scenario_check import MAX_BYTES, Checked, check_bytes
from bot.core.scenario_problems import QUOTE_CHARS
from bot.core.scenario_template import filled_from_brief, template_text
from bot.core.scenarios import DEFAULT_LEVELS, Scenario
from bot.core.session import Session
from bot.core.state import Outcome
from tests.scripts import PRICE_LIST, STRONG

MINIMAL = """\
id: heat-pump
title: The heat-pump buyer
brief: You sell heat pumps. A home owner wants your price.
persona:
  name: Sam
  role: home owner
  description: Careful with money.
hidden:
  need: Sam's oil bill doubled and the boiler is 25 years old.
  reveals:
    - Our oil bill doubled last winter.
    - The boiler is 25 years old.
    - We are having a baby in May.
opening:
  - What does a heat pump cost?
objections:
  - Your competitor is cheaper.
  - I don't have time.
win:
  outcome: won
  description: Sam signs after seeing the savings.
  lines:
    - Fine, let's do it.
lose:
  - No thanks.
"""


def checked(text: str, name: str = "mine.yaml") -> Checked:
    return check_bytes(text.encode("utf-8"), name)


def template_scenario(lang: Lang) -> Scenario:
    result = checked(template_text(lang), f"template.{lang}.yaml")
    assert result.problems == (), result.report("en")
    assert result.scenario is not None
    return result.scenario


def practice_for(scenario: Scenario, judge: OfflineJudge) -> Practice:
    return Practice(OfflineCustomer(), judge, quick_judge=judge, scenarios={scenario.id: scenario})


async def play(practice: Practice, sid: str, lang: Lang, replies: list[str], level: int = 1):
    session = practice.start(user_id="rep", scenario_id=sid, lang=lang, level=level, seed=7)
    for reply in replies:
        if session.finished:
            break
        await practice.reply(session, reply)
    return session


def trail(session: Session) -> list[tuple[str, int, int, str]]:
    return [
        (t.reply[:30], t.judgement.overall, t.trust, t.customer_response) for t in session.turns
    ]


# -- the format -------------------------------------------------------------------------


def test_minimal_file_gets_default_levels_focus_and_kind() -> None:
    scenario = checked(MINIMAL).scenario
    assert scenario is not None
    assert scenario.levels == DEFAULT_LEVELS
    assert (scenario.kind, scenario.focus, scenario.lesson) == (
        "b2b",
        ["discover_need", "insight", "next_step"],
        None,
    )
    assert scenario.reactions == {} and scenario.persona.company is None
    assert scenario.persona.introduce("en") == "Sam, home owner"


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        (MINIMAL, ("en",)),
        (MINIMAL.replace("The heat-pump buyer", "Värmepumpsköparen som vill ha rabatt"), ("en",)),
        (MINIMAL.replace("id: heat-pump", "id: heat-pump\nlanguage: sv"), ("sv",)),
    ],
)
def test_a_scenario_in_plain_strings_is_offered_in_its_one_language(
    text: str, languages: tuple[str, ...]
) -> None:
    scenario = checked(text).scenario
    assert scenario is not None and scenario.languages == languages


def test_a_scenario_in_pairs_only_is_offered_in_both_languages() -> None:
    builtin = checked((paths.CUSTOMERS_DIR / "just-looking.yaml").read_text(encoding="utf-8"))
    assert builtin.scenario is not None and builtin.scenario.languages == ("sv", "en")


def test_pairs_and_plain_strings_mix_and_a_level_given_keeps_the_others_default() -> None:
    text = (
        MINIMAL.replace(
            "title: The heat-pump buyer",
            "title:\n  sv: Värmepumpsköparen\n  en: The heat-pump buyer",
        )
        + "levels:\n  3:\n    trust: 20\n    patience: 50\n    description: Sam is in a hurry.\n"
    )
    scenario = checked(text).scenario
    assert scenario is not None
    assert scenario.title("en") == "The heat-pump buyer"
    assert scenario.levels[3].trust == 20 and scenario.levels[1] == DEFAULT_LEVELS[1]


def test_a_single_language_scenario_plays_in_its_language_whatever_was_asked(
    judge: OfflineJudge,
) -> None:
    scenario = template_scenario("sv")
    session = practice_for(scenario, judge).start(user_id="r", scenario_id=scenario.id, lang="en")
    assert session.lang == "sv"


# -- check: every kind of mistake, with field and line -------------------------------


def _swap(old: str, new: str) -> str:
    assert old in MINIMAL
    return MINIMAL.replace(old, new, 1)


MISTAKES = [
    (
        "missing field",
        _swap("  description: Careful with money.\n", ""),
        4,
        "persona.description",
        "scenarios.check.missing",
    ),
    (
        "missing top-level field",
        _swap("lose:\n  - No thanks.\n", ""),
        1,
        "lose",
        "scenarios.check.missing",
    ),
    (
        "wrong type: list for a text",
        _swap("role: home owner", "role: [a, b]"),
        6,
        "persona.role",
        "scenarios.check.expected_text",
    ),
    (
        "wrong type: number for a name",
        _swap("name: Sam", "name: 42"),
        5,
        "persona.name",
        "scenarios.check.expected_text",
    ),
    (
        "wrong type: text for a list",
        _swap("opening:\n  - What does a heat pump cost?", "opening: What does it cost?"),
        14,
        "opening",
        "scenarios.check.expected_list",
    ),
    (
        "too few reveals",
        _swap("    - We are having a baby in May.\n", ""),
        10,
        "hidden.reveals",
        "scenarios.check.too_few",
    ),
    (
        "too few objections",
        _swap("  - I don't have time.\n", ""),
        16,
        "objections",
        "scenarios.check.too_few",
    ),
    (
        "unknown field",
        _swap("brief:", "breif: x\nbrief:"),
        3,
        "breif",
        "scenarios.check.unknown_did_you_mean",
    ),
    (
        "unknown nested field",
        _swap("  role: home owner", "  role: home owner\n  age: 40"),
        7,
        "persona.age",
        "scenarios.check.unknown",
    ),
    (
        "bad outcome",
        _swap("outcome: won", "outcome: lost"),
        20,
        "win.outcome",
        "scenarios.check.choice",
    ),
    ("bad id", _swap("id: heat-pump", "id: Heat Pump"), 1, "id", "scenarios.check.id_pattern"),
    (
        "duplicate key",
        _swap("brief:", "title: Again\nbrief:"),
        3,
        "title",
        "scenarios.check.duplicate",
    ),
    (
        "HTML in a text",
        _swap("No thanks.", "<b>No</b> thanks."),
        25,
        "lose[1]",
        "scenarios.check.html",
    ),
    (
        "alias",
        _swap("lose:\n  - No thanks.", "lose:\n  - &bye No thanks.\n  - *bye"),
        25,
        "(yaml)",
        "scenarios.check.anchor",
    ),
    (
        "tag",
        _swap("name: Sam", "name: !!python/object:os.system Sam"),
        5,
        "(yaml)",
        "scenarios.check.tag",
    ),
    (
        "YAML syntax",
        _swap("role: home owner", "role: [home owner"),
        7,
        "(yaml)",
        "scenarios.check.syntax",
    ),
    (
        "trust out of range",
        MINIMAL + "levels:\n  1:\n    trust: 200\n    patience: 50\n    description: x\n",
        28,
        "levels.1.trust",
        "scenarios.check.range",
    ),
    (
        "unknown focus criterion",
        MINIMAL + "focus: [closing]\n",
        26,
        "focus",
        "scenarios.check.unknown_criteria",
    ),
]


@pytest.mark.parametrize(
    ("text", "line", "field", "key"),
    [m[1:] for m in MISTAKES],
    ids=[m[0] for m in MISTAKES],
)
def test_check_names_field_and_line_of_each_mistake(
    text: str, line: int, field: str, key: str
) -> None:
    result = checked(text)
    assert result.scenario is None
    found = [(p.line, p.field, p.message.key) for p in result.problems]
    assert (line, field, key) in found, found
    assert f"mine.yaml:{line}: {field}: " in "\n".join(result.report("sv"))


def test_an_alias_is_refused_before_it_can_expand() -> None:
    bomb = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n'
    result = checked(bomb)
    keys = {p.message.key for p in result.problems}
    assert keys == {"scenarios.check.anchor", "scenarios.check.alias"}


def test_problems_read_as_file_line_field_problem_in_both_languages() -> None:
    result = checked(_swap("  - I don't have time.\n", ""))
    assert result.report("en") == ["mine.yaml:16: objections: needs at least 2 (has 1)"]
    assert result.report("sv") == ["mine.yaml:16: objections: behöver minst 2 (har 1)"]


def test_a_file_over_64_kb_is_refused_unread() -> None:
    result = check_bytes(b"id: x\n" + b"#" * MAX_BYTES, "big.yaml")
    assert [p.message.key for p in result.problems] == ["scenarios.check.too_big"]
    assert result.report("en")[0].startswith("big.yaml:1: (file): ")


def test_invalid_utf8_names_the_file_and_the_line() -> None:
    result = check_bytes(MINIMAL.encode() + b"# caf\xe9\n", "latin1.yaml")
    assert [(p.line, p.message.key) for p in result.problems] == [(26, "scenarios.check.not_utf8")]
    assert result.report("en")[0].startswith("latin1.yaml:26: (file): the file is not valid UTF-8")


def test_a_long_bad_value_is_quoted_short() -> None:
    result = checked(_swap("No thanks.", "<i>" + "very " * 100 + "</i>"))
    line = result.report("en")[0]
    quoted = line.split('"')[1]
    assert len(quoted) <= QUOTE_CHARS and quoted.endswith("…")


# -- a scenario written only from the template plays fairly -------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_strong_rep_wins_the_template_scenario_at_level_1(
    judge: OfflineJudge, lang: Lang
) -> None:
    scenario = template_scenario(lang)
    session = await play(practice_for(scenario, judge), scenario.id, lang, STRONG[lang] * 2)
    assert session.outcome.success, trail(session)


@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_price_list_rep_loses_the_template_scenario(judge: OfflineJudge, lang: Lang) -> None:
    scenario = template_scenario(lang)
    session = await play(practice_for(scenario, judge), scenario.id, lang, PRICE_LIST[lang])
    assert session.outcome is Outcome.LOST, trail(session)


@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_a_draft_filled_from_a_brief_plays_fairly(judge: OfflineJudge, lang: Lang) -> None:
    brief = {
        "sv": "En villaägare vill byta oljepanna mot värmepump och vill bara ha lägsta pris.",
        "en": "A home owner wants to swap an oil boiler for a heat pump and only wants a price.",
    }[lang]
    result = checked(filled_from_brief(brief, lang))
    assert result.scenario is not None, result.report("en")
    practice = practice_for(result.scenario, judge)
    won = await play(practice, result.scenario.id, lang, STRONG[lang] * 2)
    lost = await play(practice, result.scenario.id, lang, PRICE_LIST[lang])
    assert won.outcome.success and lost.outcome is Outcome.LOST


FACT_QUESTIONS = [
    ("sv", "När går ert nuvarande avtal ut?", 3),
    ("sv", "Har ni någon besiktning på gång?", 2),
    ("sv", "Hur fungerar det med personalen hos er nuvarande leverantör?", 1),
    ("en", "When does your current contract run out?", 3),
    ("en", "Do you have an inspection coming up?", 2),
    ("en", "How is the staffing at your current supplier?", 1),
]


@pytest.mark.parametrize(("lang", "question", "fact"), FACT_QUESTIONS)
async def test_a_question_aimed_at_a_fact_brings_that_fact(
    judge: OfflineJudge, lang: Lang, question: str, fact: int
) -> None:
    scenario = template_scenario(lang)
    session = await play(practice_for(scenario, judge), scenario.id, lang, [question])
    assert scenario.hidden.reveals[fact](lang) in session.turns[-1].customer_response, trail(
        session
    )


def test_thousands_of_nested_brackets_are_one_clear_problem() -> None:
    result = checked("a: " + "[" * 900 + "]" * 900)
    assert result.report("en") == [
        "mine.yaml:1: (yaml): nested too deeply; a scenario file has only a few levels"
    ]


def test_the_readme_example_passes_check() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### An annotated example", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    result = checked(example, "README.md")
    assert result.problems == (), result.report("en")
    assert result.scenario is not None and result.scenario.languages == ("en",)
