"""HTTP for the fake Bot API: /bot<token>/<method> and /file/bot<token>/<path>."""

from __future__ import annotations

import json
from typing import Any

import tornado.web

from tests.fakes.bot_api import ApiError, FakeBotApi


class MethodHandler(tornado.web.RequestHandler):
    """Any Bot API method, by GET or POST, with JSON, form or multipart parameters."""

    def initialize(self, api: FakeBotApi) -> None:
        self.api = api

    def _params(self) -> tuple[dict[str, Any], dict[str, tuple[bytes, str]]]:
        request = self.request
        if request.headers.get("Content-Type", "").startswith("application/json") and request.body:
            try:
                body = json.loads(request.body)
            except json.JSONDecodeError:
                raise ApiError(400, "Bad Request: can't parse JSON") from None
            return (body if isinstance(body, dict) else {}), {}
        params: dict[str, Any] = {
            name: values[-1].decode("utf-8")
            for name, values in {**request.query_arguments, **request.body_arguments}.items()
        }
        files = {
            name: (parts[0]["body"], parts[0]["filename"] or name)
            for name, parts in request.files.items()
        }
        return params, files

    async def _handle(self, token: str, method: str) -> None:
        self.set_header("Content-Type", "application/json")
        if token != self.api.token:
            self.set_status(401)
            self.finish({"ok": False, "error_code": 401, "description": "Unauthorized"})
            return
        try:
            params, files = self._params()
            result = await self.api.call(method, params, files)
        except ApiError as error:
            self.set_status(error.code)
            body: dict[str, Any] = {
                "ok": False,
                "error_code": error.code,
                "description": error.description,
            }
            if error.retry_after is not None:
                body["parameters"] = {"retry_after": error.retry_after}
            self.finish(json.dumps(body))
            return
        self.finish(json.dumps({"ok": True, "result": result}))

    async def get(self, token: str, method: str) -> None:
        await self._handle(token, method)

    async def post(self, token: str, method: str) -> None:
        await self._handle(token, method)


class FileHandler(tornado.web.RequestHandler):
    """Downloads of files described by getFile."""

    def initialize(self, api: FakeBotApi) -> None:
        self.api = api

    def get(self, token: str, path: str) -> None:
        if token != self.api.token:
            raise tornado.web.HTTPError(401)
        for data, file_path in self.api.files.values():
            if file_path == path:
                self.set_header("Content-Type", "application/octet-stream")
                self.finish(data)
                return
        raise tornado.web.HTTPError(404)


def routes(api: FakeBotApi) -> list[Any]:
    """The URL map of the fake server."""
    return [
        (r"/bot([^/]+)/([A-Za-z]+)", MethodHandler, {"api": api}),
        (r"/file/bot([^/]+)/(.+)", FileHandler, {"api": api}),
    ]
