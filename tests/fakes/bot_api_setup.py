"""Fake Bot API methods around the conversation: command menu, webhook, files."""

from __future__ import annotations

import json
import re
from typing import Any

from tests.fakes.bot_api import ApiError, FakeBotApi

Files = dict[str, tuple[bytes, str]]
Params = dict[str, Any]
_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")


def _json(params: Params, name: str) -> Any:
    value = params.get(name)
    return json.loads(value) if isinstance(value, str) else value


def _scope_key(params: Params) -> tuple[str, str]:
    scope = _json(params, "scope") or {"type": "default"}
    kind = str(scope.get("type", "default"))
    if "chat_id" in scope:  # chat scopes are per chat: ("chat:123", "")
        kind = f"{kind}:{scope['chat_id']}"
    return kind, str(params.get("language_code") or "")


def set_my_commands(api: FakeBotApi, params: Params, files: Files) -> Any:
    commands = _json(params, "commands")
    if not isinstance(commands, list) or len(commands) > 100:
        raise ApiError(400, "Bad Request: commands must be an array of at most 100 commands")
    for command in commands:
        if not _COMMAND.match(str(command.get("command", ""))):
            raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
        if not 1 <= len(str(command.get("description", ""))) <= 256:
            raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
    language = str(params.get("language_code") or "")
    if language and not re.match(r"^[a-z]{2}$", language):
        raise ApiError(400, "Bad Request: LANG_CODE_INVALID")
    api.commands[_scope_key(params)] = commands
    return True


def get_my_commands(api: FakeBotApi, params: Params, files: Files) -> Any:
    return api.commands.get(_scope_key(params), [])


def delete_webhook(api: FakeBotApi, params: Params, files: Files) -> Any:
    api.webhook_url = ""
    if str(params.get("drop_pending_updates")).lower() == "true":
        api.updates.clear()
    return True


def set_webhook(api: FakeBotApi, params: Params, files: Files) -> Any:
    url = str(params.get("url") or "")
    if url and not url.startswith(("https://", "http://127.0.0.1", "http://localhost")):
        raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
    api.webhook_url, api.webhook_secret = url, str(params.get("secret_token") or "")
    return True


def get_webhook_info(api: FakeBotApi, params: Params, files: Files) -> Any:
    return {
        "url": api.webhook_url,
        "has_custom_certificate": False,
        "pending_update_count": len(api.updates),
    }


def get_file(api: FakeBotApi, params: Params, files: Files) -> Any:
    file_id = str(params.get("file_id", ""))
    if file_id not in api.files:
        raise ApiError(400, "Bad Request: invalid file_id")
    data, path = api.files[file_id]
    return {
        "file_id": file_id,
        "file_unique_id": f"u{file_id}",
        "file_size": len(data),
        "file_path": path,
    }


def close(api: FakeBotApi, params: Params, files: Files) -> Any:
    return True
