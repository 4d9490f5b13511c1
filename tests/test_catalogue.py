"""The message catalogue: both languages complete, plurals and Swedish formats right."""

from __future__ import annotations

import datetime as dt

import pytest

from bot import i18n


def test_every_key_exists_in_both_languages_with_the_same_placeholders() -> None:
    loaded = i18n.catalogue()
    assert set(loaded["sv"]) == set(loaded["en"])
    assert loaded["sv"], "the catalogue is empty"


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [("sv", 1, "1 dag"), ("sv", 2, "2 dagar"), ("en", 1, "1 day"), ("en", 0, "0 days")],
)
def test_plural_forms_follow_the_language(lang: i18n.Lang, n: int, expected: str) -> None:
    assert i18n.plural(lang, "common.days", n) == expected


def test_swedish_numbers_use_a_decimal_comma() -> None:
    assert i18n.number("sv", 66.5) == "66,5"
    assert i18n.number("en", 66.5) == "66.5"


def test_times_are_shown_in_the_configured_zone() -> None:
    moment = dt.datetime(2026, 11, 30, 13, 5, tzinfo=dt.UTC)
    assert i18n.clock("sv", moment) == "14:05"
    assert i18n.clock("sv", moment, zone="UTC") == "13:05"


def test_a_message_becomes_words_only_at_the_edge() -> None:
    message = i18n.Message("common.something_wrong")
    assert message.render("sv") != message.render("en")
