"""The catalogue at the edges: domain errors worded in the user's language, the configured
time zone, and the command line's language from `.env`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import i18n
from bot.cli import main
from bot.coaching import access, cohorts
from bot.coaching.access import Actor, Role
from bot.errors import ConfigError, NotAllowed
from bot.settings import load_settings
from tests.coaching_world import records_in


@pytest.fixture(autouse=True)
def default_zone() -> Iterator[None]:
    """Settings set the process-wide zone; put the default back after each test."""
    yield
    i18n.use_timezone(i18n.DEFAULT_TIMEZONE)


def test_a_refused_join_code_is_worded_in_the_users_language(tmp_path: Path) -> None:
    with pytest.raises(NotAllowed) as refused:
        cohorts.join(records_in(tmp_path), "anna", "NOPE42", "Anna")
    assert refused.value.words("sv") == (
        "Den koden fungerar inte. Be din coach om den aktuella länken."
    )
    assert refused.value.words("en").startswith("That join code doesn't work.")
    assert str(refused.value) == refused.value.words("en")  # logs read English


def test_message_parameters_can_be_messages_themselves() -> None:
    with pytest.raises(access.RoleRequired) as refused:
        access.require_role(Actor("5", Role.REP), Role.COACH)
    assert refused.value.words("sv") == "Bara coacher kan göra det."
    assert refused.value.words("en") == "Only coaches can do that."


def test_times_are_shown_in_SALESCOACH_TIMEZONE(monkeypatch: pytest.MonkeyPatch) -> None:
    moment = dt.datetime(2026, 11, 30, 13, 5, tzinfo=dt.UTC)
    load_settings()
    assert i18n.clock("sv", moment) == "14:05"  # Europe/Stockholm by default
    monkeypatch.setenv("SALESCOACH_TIMEZONE", "America/New_York")
    assert load_settings().timezone == "America/New_York"
    assert (i18n.clock("en", moment), i18n.stamp(moment)) == ("08:05", "2026-11-30 08:05")


def test_an_unknown_time_zone_is_reported_with_the_variable_and_the_fix(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SALESCOACH_TIMEZONE", "Mars/Olympus")
    with pytest.raises(ConfigError) as bad:
        load_settings()
    assert "SALESCOACH_TIMEZONE" in str(bad.value) and "Europe/Stockholm" in str(bad.value)


def test_scenarios_listing_follows_SALESCOACH_LANG_from_the_env_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    env = tmp_path / ".env"
    env.write_text("SALESCOACH_LANG=en\n", encoding="utf-8")
    monkeypatch.setenv("SALESCOACH_ENV_FILE", str(env))
    assert main(["scenarios"]) == 0
    listing = capsys.readouterr().out
    assert "The business cards that never arrived" in listing
    assert "[Discover the need, Challenge, Bring insight]" in listing  # names, not ids
    assert "discover_need" not in listing
    env.write_text("SALESCOACH_LANG=sv\n", encoding="utf-8")
    assert main(["scenarios"]) == 0
    assert "Visitkorten som aldrig kom" in capsys.readouterr().out


def test_the_terminal_picker_names_the_skills_each_customer_trains(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.cli import chat_cmd
    from tests.telegram_world import offline_practice

    monkeypatch.setattr(chat_cmd, "interactive", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt="": "")
    practice = offline_practice()
    assert chat_cmd._pick_scenario(practice, "sv") == next(iter(practice.scenarios))
    shown = capsys.readouterr().out
    first = next(iter(practice.scenarios.values()))
    names = [practice.rubric.criterion(c).name("sv") for c in first.focus]
    assert f"({', '.join(names)})" in shown.splitlines()[0]
    assert "discover_need" not in shown and "next_step" not in shown
