"""The command-line contracts: scenarios, chat (piped and --json) and score."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core.scenarios import default_scenarios


def salescoach(*args: str, stdin: str = "", data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SALESCOACH_DATA_DIR": str(data_dir), "SALESCOACH_ENGINE": "offline"}
    env.pop("OPENAI_API_KEY", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_scenarios_json_lists_every_scenario(tmp_path: Path) -> None:
    result = salescoach("scenarios", "--json", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == sorted(default_scenarios())
    assert {"id", "title", "focus", "lesson", "kind"} <= set(rows[0])


def test_scenarios_table_is_swedish_by_default(tmp_path: Path) -> None:
    result = salescoach("scenarios", data_dir=tmp_path)
    scenarios = default_scenarios()
    first = next(iter(scenarios.values()))
    assert first.title("sv") in result.stdout


def test_chat_piped_prints_the_dialogue_and_a_report(tmp_path: Path) -> None:
    sid = next(iter(default_scenarios()))
    replies = "Vad är det som gör att ni frågar just nu – vad vill ni uppnå?\n/slut\n"
    result = salescoach(
        "chat", "--scenario", sid, "--user", "anna", stdin=replies, data_dir=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "Du: Vad är det som gör" in result.stdout
    assert "Resultat" in result.stdout
    assert "avbruten" in result.stdout  # stopped by the rep


def test_chat_json_prints_one_object_with_the_contract_keys(tmp_path: Path) -> None:
    sid = sorted(default_scenarios())[0]
    replies = "\n".join(
        [
            "What is behind the request – what are you trying to achieve?",
            "Other customers in your position found the real cost was elsewhere.",
            "Shall we meet on Tuesday at 10 to go through a proposal?",
        ]
    )
    result = salescoach(
        "chat",
        "--scenario",
        sid,
        "--lang",
        "en",
        "--level",
        "2",
        "--json",
        stdin=replies,
        data_dir=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"scenario", "outcome", "overall", "criteria", "turns"} <= set(data)
    assert data["scenario"] == sid
    assert data["outcome"] in {"won", "meeting_booked", "lost", "stopped"}
    assert 1 <= len(data["turns"]) <= 3
    assert data["turns"][0]["reply"].startswith("What is behind")
    assert 0 <= data["overall"] <= 100


def test_chat_with_unknown_scenario_says_which_exist(tmp_path: Path) -> None:
    result = salescoach(
        "chat", "--scenario", "nope", "--lang", "en", stdin="hi\n", data_dir=tmp_path
    )
    assert result.returncode == 1
    assert "Unknown scenario 'nope'" in result.stderr


def test_score_keeps_order_and_marks_bad_lines(tmp_path: Path) -> None:
    lines = [
        {"customer": "Just send me your best price.", "reply": "It's $400.", "lang": "en"},
        "this is not json",
        {"customer": "Skicka bästa pris.", "reply": "Vad ska det användas till?", "lang": "sv"},
        {"customer": "x", "reply": 5, "lang": "en"},
        {"customer": "x", "reply": "y", "lang": "de"},
        {"customer": "x", "reply": "y", "lang": "en", "scenario": "no-such-scenario"},
    ]
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n"
    result = salescoach("score", stdin=stdin, data_dir=tmp_path)
    assert result.returncode == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 6
    assert [("error" in o) for o in out] == [False, True, False, True, True, True]
    for good in (out[0], out[2]):
        assert good["engine"] == "offline"
        assert 0 <= good["overall"] <= 100
        assert set(good["criteria"]) == {
            "challenge",
            "discover_need",
            "insight",
            "ownership",
            "next_step",
            "respect",
        }
        assert all(v is None or 0 <= v <= 5 for v in good["criteria"].values())
        assert isinstance(good["feedback"], str) and good["feedback"]
    assert "reply" in out[3]["error"]
    assert "lang" in out[4]["error"]


def test_score_all_good_lines_exit_zero(tmp_path: Path) -> None:
    line = json.dumps(
        {"customer": "Vi är nöjda.", "reply": "Vad är ni mest nöjda med?", "lang": "sv"}
    )
    result = salescoach("score", stdin=line + "\n", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1


@pytest.mark.parametrize("args", [["--help"], ["chat", "--help"], ["score", "--help"]])
def test_help_works(args: list[str], tmp_path: Path) -> None:
    assert salescoach(*args, data_dir=tmp_path).returncode == 0


def test_chat_resume_continues_the_unfinished_session(tmp_path: Path) -> None:
    from bot.engine import build_practice
    from bot.settings import load_settings
    from bot.store import Store

    practice = build_practice(load_settings(SALESCOACH_ENGINE="offline"))
    session = practice.start(user_id="anna", scenario_id="best-price-friday", lang="en", seed=2)
    Store(tmp_path).save_session(session)  # as a Ctrl-C'd chat leaves it

    reply = "What is behind the Friday deadline – what are you trying to achieve?"
    result = salescoach(
        "chat", "--resume", "--user", "anna", "--json", stdin=reply + "\n", data_dir=tmp_path
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["session_id"] == session.id
    assert [t["reply"] for t in data["turns"]] == [reply]


def test_chat_resume_without_an_unfinished_session_says_how_to_start(tmp_path: Path) -> None:
    result = salescoach("chat", "--resume", "--user", "bo", "--lang", "en", data_dir=tmp_path)
    assert result.returncode == 1
    assert "No unfinished role-play for 'bo'" in result.stderr
    swedish = salescoach("chat", "--resume", "--user", "bo", data_dir=tmp_path)
    assert "Ingen påbörjad övning för 'bo'" in swedish.stderr
