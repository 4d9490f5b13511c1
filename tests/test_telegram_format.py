"""Pure parts of the bot: escaping, splitting long HTML, texts, callback data, cards."""

from __future__ import annotations

import re

import pytest

from bot import i18n
from bot.core.scenarios import default_scenarios
from bot.telegram import callbacks
from bot.telegram.format import MAX_MESSAGE, bar, shorten, split_html, tg_len
from bot.telegram.texts import Html, esc, label, t
from tests.fakes.bot_api_html import EntityError, parse_html


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        ("a < b", "a &lt; b"),
        ("R&D", "R&amp;D"),
        ("*bold* _x_", "*bold* _x_"),
        ("<b>not bold</b>", "&lt;b&gt;not bold&lt;/b&gt;"),
        ("&amp;", "&amp;amp;"),
    ],
)
def test_typed_text_is_escaped_and_reads_the_same_in_telegram(typed: str, escaped: str) -> None:
    assert esc(typed) == escaped
    assert parse_html(t("en", "customer_line", name="Eva", line=typed)) == f"🗣 Eva: {typed}"


def test_html_values_are_not_escaped_twice() -> None:
    assert t("en", "hint", hint=Html("<i>x</i>")) == "💡 <b>Hint:</b> <i>x</i>"


def test_every_telegram_text_is_valid_telegram_html_once_filled() -> None:
    loaded = i18n.catalogue()
    for lang in i18n.LANGS:
        for key, entry in loaded[lang].items():
            if not key.startswith(("telegram.", "coach.")):
                continue
            for form in entry.forms:
                names = set(re.findall(r"{(\w+)}", form))
                parse_html(form.format(**dict.fromkeys(names, esc("x < y & z"))))


def test_short_text_is_one_message() -> None:
    assert split_html("hello") == ["hello"]


def test_long_text_splits_at_paragraphs() -> None:
    paragraph = ("word " * 300).strip()  # 1,499 characters; two fit in a message, three don't
    parts = split_html("\n\n".join([paragraph] * 5))
    assert parts == ["\n\n".join([paragraph] * 2)] * 2 + [paragraph]


def test_one_long_line_splits_between_words() -> None:
    parts = split_html("abc " * 3000)
    assert len(parts) == 3
    assert all(tg_len(p) <= MAX_MESSAGE and not p.endswith(" ab") for p in parts)
    assert " ".join(parts).split() == ["abc"] * 3000


def test_a_tag_open_across_a_cut_is_closed_and_reopened() -> None:
    parts = split_html("<b>" + "bold " * 1000 + "</b>", limit=1000)
    assert len(parts) > 1
    for part in parts:
        assert part.startswith("<b>") and part.endswith("</b>")
        parse_html(part)


def test_a_cut_never_lands_inside_an_entity() -> None:
    parts = split_html("&lt;" * 2000, limit=1001)
    for part in parts:
        parse_html(part)
    assert "".join(parse_html(p) for p in parts) == "<" * 2000


def test_emoji_count_twice_towards_the_limit() -> None:
    parts = split_html("😀" * 3000)
    assert [tg_len(p) for p in parts] == [4096, 1904]


def test_fake_server_refuses_stray_markup() -> None:
    for bad in ("a < b", "R&D", "<script>", "<b>open"):
        with pytest.raises(EntityError):
            parse_html(bad)


def test_shorten_and_bar() -> None:
    assert shorten("a  b\n c", 10) == "a b c"
    assert shorten("x" * 20, 10) == "x" * 9 + "…"
    assert bar(3) == "▰▰▰▱▱"
    assert bar(100, 100) == "▰▰▰▰▰"


def test_callback_data_for_every_scenario_fits_in_64_bytes_and_parses_back() -> None:
    for scenario_id in default_scenarios():
        for data, pattern in [
            (callbacks.go(scenario_id, 3, "practice"), callbacks.GO),
            (callbacks.again(scenario_id, 3, "practice"), callbacks.AGAIN),
            (callbacks.brief(scenario_id, "practice"), callbacks.BRIEF),
        ]:
            assert len(data.encode()) <= 64
            match = pattern.match(data)
            assert match and match.group(1) == scenario_id


@pytest.mark.parametrize(
    "forged",
    ["go:x:9:practice", "go:../etc:1:exam", "go:a:1:god", "tr:../../x", "lang:de", "del:short", ""],
)
def test_forged_callback_data_matches_no_pattern(forged: str) -> None:
    patterns = [
        callbacks.GO,
        callbacks.AGAIN,
        callbacks.TRANSCRIPT,
        callbacks.LANG,
        callbacks.DELETE,
    ]
    assert not any(p.match(forged) for p in patterns)


def test_command_descriptions_fit_the_menu() -> None:
    from bot.telegram.app import COMMANDS

    for lang in ("sv", "en"):
        for name in COMMANDS:
            assert 1 <= len(label(lang, f"cmd_{name}")) <= 256  # type: ignore[arg-type]
