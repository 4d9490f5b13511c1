"""A local OpenAI-compatible HTTP server for tests: scripted answers, delays and every fault.

Runs stdlib `http.server` in a thread on 127.0.0.1 with an ephemeral port, so the real `openai`
client talks to it through `base_url` exactly as it would to a provider.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

Fault = Literal["hang", "drop", "malformed", "trickle"]


@dataclass
class Answer:
    """One scripted response from the fake server."""

    content: str | None = "OK"
    finish_reason: str = "stop"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    fault: Fault | None = None
    refusal: str | None = None
    error: str | None = None  # error message for non-200 answers
    usage: tuple[int, int] | None = None  # (prompt, completion) tokens; estimated when None


def chat(content: str, **kw: Any) -> Answer:
    """A normal assistant answer."""
    return Answer(content=content, **kw)


def error(status: int, message: str = "server error", **headers: str) -> Answer:
    """An HTTP error with an OpenAI-style error body."""
    return Answer(content=None, status=status, error=message, headers=dict(headers))


def rate_limited(retry_after: float) -> Answer:
    """429 Too Many Requests with a Retry-After header (seconds)."""
    return error(429, "Rate limit reached", **{"Retry-After": f"{retry_after:g}"})


def hang(seconds: float = 30.0) -> Answer:
    """Accept the request and never answer (until `seconds` pass or the server stops)."""
    return Answer(fault="hang", delay=seconds)


def trickle(interval: float, content: str = "OK") -> Answer:
    """A 200 whose body arrives one byte every `interval` seconds (no read timeout ever fires)."""
    return Answer(content=content, fault="trickle", delay=interval)


def drop() -> Answer:
    """Close the connection without a response."""
    return Answer(fault="drop")


def malformed() -> Answer:
    """A 200 whose body is cut-off JSON."""
    return Answer(fault="malformed")


def refusal(text: str = "I can't help with that.") -> Answer:
    """The model refuses (message.refusal set, no content)."""
    return Answer(content=None, refusal=text)


def content_filter() -> Answer:
    """The provider's content filter stops the answer."""
    return Answer(content="", finish_reason="content_filter")


@dataclass(frozen=True)
class Recorded:
    """A request the server received."""

    path: str
    body: Any  # parsed JSON, or raw bytes for multipart uploads
    headers: dict[str, str]


Responder = Callable[[dict[str, Any]], Answer]


class FakeOpenAI:
    """The server: `enqueue` answers, read `requests`, use `url` as the client's base_url."""

    def __init__(
        self,
        *,
        default: Answer | Responder | None = None,
        latency: float = 0.0,
        reject_json_schema: bool = False,
        reject_json_schema_status: int = 500,
        transcript: str = "Hej, vad kostar det?",
        model: str = "fake-model",
    ) -> None:
        self.default = default
        self.latency = latency
        self.reject_json_schema = reject_json_schema
        self.reject_json_schema_status = reject_json_schema_status
        self.transcript = transcript
        self.model = model
        self.requests: list[Recorded] = []
        #: Chat requests the server has finished answering (or given up on), in order.
        self.finished: list[str] = []
        self._queue: deque[Answer] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The base_url to give the openai client."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def enqueue(self, *answers: Answer) -> None:
        """Answers for the next chat requests, in order."""
        with self._lock:
            self._queue.extend(answers)

    @property
    def chat_requests(self) -> list[dict[str, Any]]:
        """Bodies of the chat completion requests received so far."""
        return [r.body for r in self.requests if r.path.endswith("/chat/completions")]

    def next_answer(self, body: dict[str, Any]) -> Answer:
        """The scripted answer for this request."""
        fmt = (body.get("response_format") or {}).get("type")
        if self.reject_json_schema and fmt == "json_schema":
            # What llama-cpp-python's server (0.3.x) answers: a 500 naming the field.
            return error(
                self.reject_json_schema_status,
                "1 validation error: ('body', 'response_format', 'type') "
                "Input should be 'text' or 'json_object'",
            )
        with self._lock:
            if self._queue:
                return self._queue.popleft()
        if callable(self.default):
            return self.default(body)
        return self.default or Answer()

    def start(self) -> FakeOpenAI:
        """Serve in a background thread."""
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release any hanging requests."""
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()

    def wait(self, seconds: float) -> None:
        """Sleep in a handler, cut short when the server stops."""
        self._stopping.wait(seconds)

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def completion_body(answer: Answer, request: dict[str, Any], model: str) -> dict[str, Any]:
    """An OpenAI chat.completion object for a scripted answer."""
    prompt_chars = sum(len(str(m.get("content", ""))) for m in request.get("messages", []))
    tokens_in, tokens_out = answer.usage or (
        prompt_chars // 4 + 1,
        len(answer.content or answer.refusal or "") // 4 + 1,
    )
    message: dict[str, Any] = {"role": "assistant", "content": answer.content}
    if answer.refusal is not None:
        message["refusal"] = answer.refusal
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.get("model", model),
        "choices": [{"index": 0, "message": message, "finish_reason": answer.finish_reason}],
        "usage": {
            "prompt_tokens": tokens_in,
            "completion_tokens": tokens_out,
            "total_tokens": tokens_in + tokens_out,
        },
    }


def _handler_for(fake: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output clean

        def _send(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            fake.requests.append(Recorded(self.path, None, _headers(self)))
            if self.path.rstrip("/").endswith("/models"):
                model = {"id": fake.model, "object": "model", "created": 0, "owned_by": "tests"}
                self._send(200, {"object": "list", "data": [model]})
            else:
                self._send(404, {"error": {"message": f"no route {self.path}"}})

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.path.endswith("/audio/transcriptions"):
                fake.requests.append(Recorded(self.path, raw, _headers(self)))
                self._transcription(raw)
                return
            body = json.loads(raw or b"{}")
            fake.requests.append(Recorded(self.path, body, _headers(self)))
            if not self.path.endswith("/chat/completions"):
                self._send(404, {"error": {"message": f"no route {self.path}"}})
                return
            answer = fake.next_answer(body)
            try:
                self._answer(answer, body)
            finally:
                fake.finished.append(answer.fault or str(answer.status))

        def _answer(self, answer: Answer, body: dict[str, Any]) -> None:
            if answer.fault == "trickle":
                self._trickle(answer, body)
                return
            if fake.latency or answer.delay:
                fake.wait(fake.latency + (0 if answer.fault == "hang" else answer.delay))
            if answer.fault == "hang":
                fake.wait(answer.delay)
                self.close_connection = True
                return
            if answer.fault == "drop":
                self.close_connection = True
                return
            if answer.fault == "malformed":
                self._send(200, b'{"id": "chatcmpl-fake", "choices": [{"message": {"conte')
                return
            if answer.status != 200:
                err = {"message": answer.error, "type": "fake_error", "code": answer.status}
                self._send(answer.status, {"error": err}, answer.headers)
                return
            self._send(200, completion_body(answer, body, fake.model), answer.headers)

        def _trickle(self, answer: Answer, body: dict[str, Any]) -> None:
            data = json.dumps(completion_body(answer, body, fake.model)).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            try:
                for byte in data:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    fake.wait(answer.delay)
                    if fake._stopping.is_set():
                        break
            except OSError:  # the client gave up and closed the connection
                self.close_connection = True

        def _transcription(self, raw: bytes) -> None:
            if not re.search(rb'name="file"; filename="[^"]+"', raw):
                self._send(400, {"error": {"message": "file missing"}})
                return
            self._send(200, {"text": fake.transcript})

    return Handler


def serve(**kw: Any) -> Iterator[FakeOpenAI]:
    """Generator for a pytest fixture: a started server, stopped afterwards."""
    with FakeOpenAI(**kw) as fake:
        yield fake


def _headers(handler: BaseHTTPRequestHandler) -> dict[str, str]:
    """Request headers with lower-case names."""
    return {k.lower(): v for k, v in handler.headers.items()}


#: What the scenario-drafting prompt says first (prompts/scenario_draft.j2).
DRAFT_MARK = "You write practice scenarios"


def is_scenario_draft(body: dict[str, Any]) -> bool:
    """Whether a chat request asks for a scenario file."""
    messages = body.get("messages") or [{}]
    return DRAFT_MARK in str(messages[0].get("content", ""))


def scenario_drafter(body: dict[str, Any]) -> Answer:
    """Answer a drafting request as an obedient model would: the prompt's template, retitled
    after the brief, inside a ```yaml fence (which the bot must take off)."""
    system, user = (str(m.get("content", "")) for m in body["messages"][:2])
    template = system.split("The template:\n", 1)[1]
    brief = re.search(r"<brief>(.*?)</brief>", user, re.DOTALL)
    title = (brief.group(1) if brief else "Draft").split(".")[0].strip()[:60] or "Draft"
    new_title = f"title: {json.dumps(title, ensure_ascii=False)}"
    text = re.sub(r"^title: .*$", new_title, template, count=1, flags=re.MULTILINE)
    text = re.sub(r"^id: .*$", "id: drafted-by-model", text, count=1, flags=re.MULTILINE)
    return chat(f"```yaml\n{text}\n```")
