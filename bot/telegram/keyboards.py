"""Inline keyboards; every callback comes from `callbacks`, so handlers can validate it."""

from __future__ import annotations

from collections.abc import Iterable

from telegram import InlineKeyboardButton as Button
from telegram import InlineKeyboardMarkup as Markup

from bot.core.datafile import Lang
from bot.core.scenarios import Scenario
from bot.core.session import Mode, Session
from bot.store.summary import SessionSummary
from bot.telegram import callbacks
from bot.telegram.cards import level_name, mode_name
from bot.telegram.format import date
from bot.telegram.texts import label


def langs() -> Markup:
    """Svenska / English."""
    return Markup(
        [
            [
                Button("🇸🇪 Svenska", callback_data=callbacks.lang("sv")),
                Button("🇬🇧 English", callback_data=callbacks.lang("en")),
            ]
        ]
    )


def picker(scenarios: Iterable[Scenario], lang: Lang, mode: Mode = "practice") -> Markup:
    """One button per customer."""
    return Markup(
        [[Button(s.title(lang), callback_data=callbacks.brief(s.id, mode))] for s in scenarios]
    )


def brief(scenario: Scenario, lang: Lang, mode: Mode) -> Markup:
    """Difficulty buttons for one customer, a mode switch and the way back."""
    other: Mode = "exam" if mode == "practice" else "practice"
    levels = sorted(scenario.levels)
    return Markup(
        [
            [
                Button(
                    level_name(level, lang), callback_data=callbacks.go(scenario.id, level, mode)
                )
                for level in levels
            ],
            [
                Button(
                    label(lang, "btn_switch_mode", mode=mode_name(other, lang)),
                    callback_data=callbacks.brief(scenario.id, other),
                )
            ],
            [Button(label(lang, "btn_back"), callback_data=callbacks.picker())],
        ]
    )


def report(session: Session) -> Markup:
    """Under the report card: try again, next recommended, transcript."""
    lang = session.lang
    again = callbacks.again(session.scenario_id, session.level, session.mode)
    return Markup(
        [
            [
                Button(label(lang, "btn_try_again"), callback_data=again),
                Button(label(lang, "btn_next"), callback_data=callbacks.next_recommended()),
            ],
            [Button(label(lang, "btn_transcript"), callback_data=callbacks.transcript(session.id))],
        ]
    )


def switch(scenario_id: str, level: int, mode: Mode, lang: Lang) -> Markup:
    """End the ongoing role-play for a new one, or keep going."""
    yes = callbacks.switch(scenario_id, level, mode)
    return Markup(
        [
            [
                Button(label(lang, "flow.btn_switch"), callback_data=yes),
                Button(label(lang, "flow.btn_keep"), callback_data=callbacks.keep()),
            ]
        ]
    )


def history(
    summaries: Iterable[SessionSummary], scenarios: dict[str, Scenario], lang: Lang
) -> Markup:
    """One button per past session, opening its transcript."""
    rows = []
    for s in summaries:
        scenario = scenarios.get(s.scenario_id)
        title = scenario.title(lang) if scenario else s.scenario_id
        score = "–" if s.overall is None else str(s.overall)
        text = f"{date(s.started_at)} · {title} · {score}"
        rows.append([Button(text, callback_data=callbacks.transcript(s.id))])
    return Markup(rows)


def delete(token: str, lang: Lang) -> Markup:
    """Confirm or cancel /delete_me."""
    return Markup(
        [
            [
                Button(label(lang, "btn_delete_yes"), callback_data=callbacks.delete(token)),
                Button(label(lang, "btn_cancel"), callback_data=callbacks.delete_cancel()),
            ]
        ]
    )


def private_chat(username: str, lang: Lang) -> Markup:
    """A link from a group to a private chat with the bot."""
    return Markup([[Button(label(lang, "btn_private_chat"), url=f"https://t.me/{username}")]])
