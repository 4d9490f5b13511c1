"""The Bot API methods of the fake server, one function each, as documented by Telegram."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from tests.fakes import bot_api_setup as setup
from tests.fakes.bot_api import BOT, CHAT_ACTIONS, ApiError, FakeBotApi, Sent
from tests.fakes.bot_api_checks import check_force_reply, check_markup, check_text

Files = dict[str, tuple[bytes, str]]
Params = dict[str, Any]

_UPDATE_KINDS = ("message", "edited_message", "callback_query")


def _int(params: Params, name: str, default: int | None = None) -> int:
    value = params.get(name, default)
    if value is None:
        raise ApiError(400, f"Bad Request: {name} is empty")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ApiError(400, f"Bad Request: invalid {name} specified") from None


def _json(params: Params, name: str) -> Any:
    value = params.get(name)
    if isinstance(value, str):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            raise ApiError(400, f"Bad Request: can't parse {name} JSON object") from None
    return value


def _chat(api: FakeBotApi, params: Params) -> dict[str, Any]:
    chat = api.chats.get(_int(params, "chat_id"))
    if chat is None:
        raise ApiError(400, "Bad Request: chat not found")
    return chat


def _message(api: FakeBotApi, sent: Sent) -> dict[str, Any]:
    """The Message object for a bot message."""
    obj: dict[str, Any] = {
        "message_id": sent.message_id,
        "from": BOT,
        "chat": api.chats[sent.chat_id],
        "date": int(time.time()),
    }
    if sent.kind == "text":
        obj["text"] = sent.text
    elif sent.text:
        obj["caption"] = sent.text
    if sent.kind == "photo":
        obj["photo"] = [{**sent.obj["file"], "width": 640, "height": 480}]
    if sent.kind == "document":
        obj["document"] = {**sent.obj["file"], "file_name": sent.file_name}
    if sent.markup:
        obj["reply_markup"] = sent.markup
    if sent.reply_to is not None and (sent.chat_id, sent.reply_to) in api.messages:
        obj["reply_to_message"] = api.messages[(sent.chat_id, sent.reply_to)].obj
    if sent.edits:
        obj["edit_date"] = int(time.time())
    sent.obj = {**sent.obj, **obj}
    return {k: v for k, v in sent.obj.items() if k != "file"}


def _reply_to(api: FakeBotApi, chat: dict[str, Any], params: Params) -> int | None:
    reply = _json(params, "reply_parameters")
    if not reply:
        return None
    message_id = int(reply["message_id"])
    if (chat["id"], message_id) not in api.messages:
        if reply.get("allow_sending_without_reply"):
            return None
        raise ApiError(400, "Bad Request: message to be replied not found")
    return message_id


def _new(api: FakeBotApi, params: Params, sent: Sent) -> dict[str, Any]:
    api.record(sent)
    return _message(api, sent)


def get_me(api: FakeBotApi, params: Params, files: Files) -> Any:
    return BOT


async def get_updates(api: FakeBotApi, params: Params, files: Files) -> Any:
    if api.webhook_url:
        raise ApiError(
            409,
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        )
    offset, limit = _int(params, "offset", 0), max(1, min(100, _int(params, "limit", 100)))
    timeout = max(0, _int(params, "timeout", 0))
    allowed = _json(params, "allowed_updates")
    if allowed is not None:
        api.allowed_updates = list(allowed)
    if offset:
        api.updates = [u for u in api.updates if u["update_id"] >= offset]
    poll = object()
    api._poll = poll
    api.changed()  # an older poll now ends with 409, as on Telegram
    deadline = time.monotonic() + timeout
    while True:
        kinds = api.allowed_updates or _UPDATE_KINDS
        api.updates = [u for u in api.updates if any(k in u for k in kinds)]
        if api.updates:
            return api.updates[:limit]
        if api._poll is not poll:
            raise ApiError(
                409,
                "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
            )
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return []
        await api.wait_change(remaining)


def send_message(api: FakeBotApi, params: Params, files: Files) -> Any:
    chat = _chat(api, params)
    plain, raw = check_text(params.get("text"), params.get("parse_mode"), 4096, "message")
    requested = _json(params, "reply_markup")
    force = check_force_reply(requested)  # not part of the returned message, as in Telegram
    markup = None if force else check_markup(requested)
    reply_to = _reply_to(api, chat, params)
    sent = Sent(chat["id"], api.next_message_id(chat["id"]), plain, raw, markup, reply_to=reply_to)
    sent.force_reply = force
    return _new(api, params, sent)


def _editable(api: FakeBotApi, params: Params) -> Sent:
    if "inline_message_id" in params:
        raise ApiError(400, "Bad Request: inline messages are not supported by this fake")
    sent = api.messages.get((_int(params, "chat_id"), _int(params, "message_id")))
    if sent is None:
        raise ApiError(400, "Bad Request: message to edit not found")
    if sent.kind == "user":
        raise ApiError(400, "Bad Request: message can't be edited")
    return sent


def edit_message_text(api: FakeBotApi, params: Params, files: Files) -> Any:
    sent = _editable(api, params)
    if sent.kind != "text":
        raise ApiError(400, "Bad Request: there is no text in the message to edit")
    plain, raw = check_text(params.get("text"), params.get("parse_mode"), 4096, "message")
    markup = check_markup(_json(params, "reply_markup"))
    if (plain, raw, markup) == (sent.text, sent.html, sent.markup):
        raise ApiError(
            400,
            "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
        )
    sent.text, sent.html, sent.markup, sent.edits = plain, raw, markup, sent.edits + 1
    sent.obj.pop("reply_markup", None)
    return _message(api, sent)


def edit_message_reply_markup(api: FakeBotApi, params: Params, files: Files) -> Any:
    sent = _editable(api, params)
    markup = check_markup(_json(params, "reply_markup"))
    if markup == sent.markup or (not markup and not sent.markup):
        raise ApiError(
            400,
            "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
        )
    sent.markup, sent.edits = markup, sent.edits + 1
    sent.obj.pop("reply_markup", None)
    return _message(api, sent)


def answer_callback_query(api: FakeBotApi, params: Params, files: Files) -> Any:
    query = api.queries.get(str(params.get("callback_query_id", "")))
    if query is None or query["answered"]:
        raise ApiError(
            400, "Bad Request: query is too old and response timeout expired or query ID is invalid"
        )
    text = params.get("text") or ""
    if len(text) > 200:
        raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
    query.update(
        answered=True, text=text, show_alert=str(params.get("show_alert")).lower() == "true"
    )
    return True


def send_chat_action(api: FakeBotApi, params: Params, files: Files) -> Any:
    _chat(api, params)
    if params.get("action") not in CHAT_ACTIONS:
        raise ApiError(400, "Bad Request: wrong parameter action in request")
    return True


def _upload(api: FakeBotApi, params: Params, files: Files, name: str) -> tuple[bytes, str]:
    value = params.get(name)
    if isinstance(value, str) and value.startswith("attach://"):
        value = None
        name = params[name][len("attach://") :]
    if name in files:
        return files[name]
    if isinstance(value, str) and value in api.files:
        return api.files[value]
    raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")


def _send_file(api: FakeBotApi, params: Params, files: Files, kind: str) -> Any:
    chat = _chat(api, params)
    data, filename = _upload(api, params, files, kind)
    if kind == "photo" and not data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8")):
        raise ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
    caption, raw = "", None
    if params.get("caption"):
        caption, raw = check_text(
            params["caption"], params.get("parse_mode"), 1024, "message caption"
        )
    markup = check_markup(_json(params, "reply_markup"))
    sent = Sent(
        chat["id"],
        api.next_message_id(chat["id"]),
        caption,
        raw,
        markup,
        kind=kind,
        file_name=filename,
        data=data,
    )
    sent.obj["file"] = api.add_file(data, f"{kind}s/{filename}")
    return _new(api, params, sent)


def send_photo(api: FakeBotApi, params: Params, files: Files) -> Any:
    return _send_file(api, params, files, "photo")


def send_document(api: FakeBotApi, params: Params, files: Files) -> Any:
    return _send_file(api, params, files, "document")


METHODS: dict[str, Callable[[FakeBotApi, Params, Files], Any]] = {
    "getme": get_me,
    "getupdates": get_updates,
    "sendmessage": send_message,
    "editmessagetext": edit_message_text,
    "editmessagereplymarkup": edit_message_reply_markup,
    "answercallbackquery": answer_callback_query,
    "sendchataction": send_chat_action,
    "sendphoto": send_photo,
    "senddocument": send_document,
    "setmycommands": setup.set_my_commands,
    "getmycommands": setup.get_my_commands,
    "deletewebhook": setup.delete_webhook,
    "setwebhook": setup.set_webhook,
    "getwebhookinfo": setup.get_webhook_info,
    "getfile": setup.get_file,
    "close": setup.close,
    "logout": setup.close,
}
