"""`salescoach scenarios new|check|draft`, `chat --scenario-file`, SALESCOACH_SCENARIOS_DIR,
and the LLM draft through the fake OpenAI server (always passing `check`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core.scenario_check import check_bytes, check_file
from bot.core.scenarios import default_scenarios
from bot.llm.client import LLMClient
from bot.llm.draft import draft_scenario
from tests.fakes.llm_world import llm_settings
from tests.fakes.openai_server import (
    FakeOpenAI,
    chat,
    error,
    is_scenario_draft,
    scenario_drafter,
    serve,
)
from tests.scripts import STRONG


def salescoach(
    *args: str, stdin: str = "", data_dir: Path, **env: str
) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "SALESCOACH_DATA_DIR": str(data_dir), "SALESCOACH_ENGINE": "offline"}
    full.pop("OPENAI_API_KEY", None)
    full.update(env)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=full,
        timeout=120,
    )


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_new_writes_a_template_that_passes_check(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "heat-pump.yaml"
    made = salescoach("scenarios", "new", str(path), "--lang", lang, data_dir=tmp_path)
    assert made.returncode == 0, made.stderr
    assert path.read_text(encoding="utf-8").startswith("# ")
    checked = salescoach("scenarios", "check", str(path), "--lang", lang, data_dir=tmp_path)
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.count("\n") == 1 and "heat-pump" in checked.stdout
    assert checked.stderr == ""


def test_new_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("keep me", encoding="utf-8")
    result = salescoach("scenarios", "new", str(path), "--lang", "en", data_dir=tmp_path)
    assert result.returncode == 1 and "already exists" in result.stderr
    assert path.read_text(encoding="utf-8") == "keep me"


def test_check_prints_file_line_field_problem_and_exits_1(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    salescoach("scenarios", "new", str(good), "--lang", "en", data_dir=tmp_path)
    text = good.read_text(encoding="utf-8")
    bad.write_text(text.replace("persona:", "persona:\n  age: 40", 1), encoding="utf-8")
    result = salescoach(
        "scenarios", "check", str(good), str(bad), "--lang", "en", data_dir=tmp_path
    )
    assert result.returncode == 1
    line = text.splitlines().index("persona:") + 2
    assert result.stdout.splitlines() == [
        f"{bad}:{line}: persona.age: unknown field; see the format reference in the README"
    ]


def test_scenarios_dir_adds_scenarios_listed_with_their_source(tmp_path: Path) -> None:
    folder = tmp_path / "ours"
    folder.mkdir()
    salescoach(
        "scenarios", "new", str(folder / "heat-pump.yaml"), "--lang", "en", data_dir=tmp_path
    )
    env = {"SALESCOACH_SCENARIOS_DIR": str(folder)}
    result = salescoach("scenarios", "--json", data_dir=tmp_path, **env)
    assert result.returncode == 0, result.stderr
    rows = {r["id"]: r for r in json.loads(result.stdout)}
    assert set(rows) == {*default_scenarios(), "heat-pump"}
    assert rows["heat-pump"]["source"] == str(folder / "heat-pump.yaml")
    assert rows["heat-pump"]["languages"] == ["en"]
    assert rows["just-looking"]["source"] == "built-in"
    table = salescoach("scenarios", "--lang", "sv", data_dir=tmp_path, **env)
    assert "heat-pump" not in table.stdout  # offered in English only


def test_an_id_clash_in_the_scenarios_dir_names_both_files(tmp_path: Path) -> None:
    folder = tmp_path / "ours"
    folder.mkdir()
    path = folder / "copy.yaml"
    salescoach("scenarios", "new", str(path), "--lang", "en", data_dir=tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("id: copy", "id: just-looking"), encoding="utf-8")
    result = salescoach("scenarios", data_dir=tmp_path, SALESCOACH_SCENARIOS_DIR=str(folder))
    assert result.returncode == 1
    assert str(path) in result.stderr and "just-looking.yaml" in result.stderr
    assert "Traceback" not in result.stderr


def test_chat_plays_a_scenario_file_with_the_chat_options(tmp_path: Path) -> None:
    path = tmp_path / "heat-pump.yaml"
    salescoach("scenarios", "new", str(path), "--lang", "en", data_dir=tmp_path)
    result = salescoach(
        "chat",
        "--scenario-file",
        str(path),
        "--json",
        "--level",
        "2",
        "--mode",
        "exam",
        "--seed",
        "3",
        "--user",
        "coach",
        stdin="\n".join(STRONG["en"]) + "\n",
        data_dir=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    played = json.loads(result.stdout)
    assert (played["scenario"], played["level"], played["lang"]) == ("heat-pump", 2, "en")
    assert played["turns"][0]["reply"] == STRONG["en"][0]


def test_chat_with_a_broken_scenario_file_lists_its_problems(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("id: broken\ntitle: [x\n", encoding="utf-8")
    result = salescoach("chat", "--scenario-file", str(path), data_dir=tmp_path)
    assert result.returncode == 1
    assert f"{path}:3: (yaml): " in result.stderr and "Traceback" not in result.stderr


# -- drafting with the LLM (fake OpenAI server) ------------------------------------------


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    yield from serve(default=scenario_drafter)


BRIEF = "Ein IT-Leiter will nur den Preis. A CIO at a bank who only wants a price for laptops."


@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_the_model_draft_passes_check(fake: FakeOpenAI, lang: str) -> None:
    client = LLMClient(llm_settings(fake.url))
    try:
        draft = await draft_scenario(client, "gpt-4o-mini", BRIEF, lang)  # type: ignore[arg-type]
    finally:
        await client.close()
    assert draft.by_model
    checked = check_bytes(draft.text.encode(), "draft.yaml")
    assert checked.scenario is not None, checked.report("en")
    assert checked.scenario.id == "drafted-by-model" and checked.scenario.languages == (lang,)
    assert [is_scenario_draft(b) for b in fake.chat_requests] == [True]


async def test_a_bad_model_draft_is_repaired_with_checks_problems(fake: FakeOpenAI) -> None:
    fake.enqueue(chat("id: Not Valid\ntitle: <b>x</b>\n"))
    client = LLMClient(llm_settings(fake.url))
    try:
        draft = await draft_scenario(client, "gpt-4o-mini", BRIEF, "en")
    finally:
        await client.close()
    assert draft.by_model
    retry = fake.chat_requests[1]["messages"][-1]["content"]
    assert "draft.yaml:2: title: HTML is not allowed" in retry
    assert check_bytes(draft.text.encode(), "draft.yaml").scenario is not None


@pytest.mark.parametrize(
    "answers",
    [
        [chat("not: [yaml"), chat("- a list")],
        [error(400, "bad request")],
    ],
    ids=["invalid twice", "server error"],
)
async def test_without_a_valid_model_draft_the_template_is_filled_in(
    fake: FakeOpenAI, answers: list
) -> None:
    fake.enqueue(*answers)
    client = LLMClient(llm_settings(fake.url))
    try:
        draft = await draft_scenario(client, "gpt-4o-mini", BRIEF, "sv")
    finally:
        await client.close()
    assert not draft.by_model
    checked = check_bytes(draft.text.encode(), "draft.yaml")
    assert checked.scenario is not None, checked.report("en")
    assert checked.scenario.brief("sv") == BRIEF


def test_draft_command_through_the_fake_server_writes_a_file_that_passes_check(
    fake: FakeOpenAI, tmp_path: Path
) -> None:
    out = tmp_path / "draft.yaml"
    env = {"SALESCOACH_ENGINE": "llm", "OPENAI_BASE_URL": fake.url, "OPENAI_API_KEY": "sk-x"}
    result = salescoach(
        "scenarios", "draft", BRIEF, "--out", str(out), "--lang", "en", data_dir=tmp_path, **env
    )
    assert result.returncode == 0, result.stderr
    assert "written by the language model" in result.stdout
    assert check_file(out).scenario is not None


def test_draft_without_an_llm_prints_the_template_filled_with_the_brief(tmp_path: Path) -> None:
    brief = "Inköparen på ett tandvårdsföretag vill bara ha lägsta pris på handskar."
    result = salescoach("scenarios", "draft", brief, "--lang", "sv", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    checked = check_bytes(result.stdout.encode(), "draft.yaml")
    assert checked.scenario is not None, checked.report("sv")
    assert checked.scenario.brief("sv") == brief and checked.scenario.languages == ("sv",)
