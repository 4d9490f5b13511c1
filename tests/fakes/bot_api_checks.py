"""What the fake Bot API checks in messages, as Telegram does: text, entities, keyboards."""

from __future__ import annotations

import json
from typing import Any

from tests.fakes.bot_api import ApiError
from tests.fakes.bot_api_html import EntityError, parse_html, utf16_len

_BUTTON_ACTIONS = [
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
]


def check_text(text: Any, parse_mode: Any, limit: int, what: str) -> tuple[str, str | None]:
    """(plain text, html) of a message or caption, checked like Telegram does."""
    if not isinstance(text, str) or (what == "message" and not text.strip()):
        raise ApiError(400, f"Bad Request: {what} text is empty")
    raw: str | None = None
    if parse_mode in (None, ""):
        plain = text
    elif str(parse_mode).lower() == "html":
        try:
            plain, raw = parse_html(text), text
        except EntityError as exc:
            raise ApiError(400, str(exc)) from None
    else:
        raise ApiError(400, f"Bad Request: unsupported parse_mode {parse_mode!r} in this fake")
    if what == "message" and not plain.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    if utf16_len(plain) > limit:
        raise ApiError(400, f"Bad Request: {what} is too long")
    return plain, raw


def check_force_reply(markup: Any) -> dict[str, Any] | None:
    """A ForceReply markup (opens the client's reply box) as Telegram validates it; None when
    `markup` is something else."""
    if not isinstance(markup, dict) or "force_reply" not in markup:
        return None
    if markup["force_reply"] is not True:
        raise ApiError(400, 'Bad Request: field "force_reply" must be True')
    placeholder = markup.get("input_field_placeholder", "")
    if not isinstance(placeholder, str) or len(placeholder) > 64:
        raise ApiError(400, "Bad Request: input_field_placeholder must be 0-64 characters")
    return markup


def check_markup(markup: Any) -> dict[str, Any] | None:
    """An inline keyboard as Telegram validates it."""
    if markup in (None, ""):
        return None
    if isinstance(markup, str):
        markup = json.loads(markup)
    rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
    if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
        raise ApiError(
            400,
            'Bad Request: can\'t parse inline keyboard button: field "inline_keyboard" must be an Array of Arrays',
        )
    for button in (b for row in rows for b in row):
        if not isinstance(button, dict) or not str(button.get("text", "")):
            raise ApiError(
                400,
                "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
            )
        actions = [a for a in _BUTTON_ACTIONS if a in button]
        if len(actions) != 1:
            raise ApiError(
                400,
                "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
            )
        data = button.get("callback_data")
        if data is not None and not 1 <= len(str(data).encode("utf-8")) <= 64:
            raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
        url = button.get("url")
        if url is not None and not str(url).startswith(("http://", "https://", "tg://")):
            raise ApiError(400, "Bad Request: BUTTON_URL_INVALID")
    return {"inline_keyboard": rows}
