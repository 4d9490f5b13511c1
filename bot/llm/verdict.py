"""The judge's structured output: the pydantic schema, JSON extraction, clamping, validation."""

from __future__ import annotations

import json
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator

from bot.core.judgement import Signal

MAX_TEXT = 600


class InvalidVerdict(ValueError):
    """The model's answer is not a usable verdict."""


def _clamp_score(value: Any, info: ValidationInfo) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError("score must be a number 0-5")
    try:
        number = float(str(value).strip().split("/")[0])
    except ValueError:
        raise ValueError(f"score must be a number 0-5, got {value!r}") from None
    clamped = max(0, min(5, round(number)))
    if clamped != number and info.context is not None:
        info.context.setdefault("clamped", []).append(value)
    return clamped


class CriterionVerdict(BaseModel):
    """One criterion's score and the words that earned it."""

    model_config = ConfigDict(extra="ignore")

    criterion: str
    score: int | None
    quote: str = ""
    effect: Literal["+", "-"] = "+"

    @field_validator("score", mode="before")
    @classmethod
    def _score(cls, value: Any, info: ValidationInfo) -> int | None:
        return _clamp_score(value, info)

    @field_validator("effect", mode="before")
    @classmethod
    def _effect(cls, value: Any) -> str:
        return "-" if str(value).strip().startswith(("-", "neg", "−")) else "+"

    @field_validator("quote", mode="before")
    @classmethod
    def _quote(cls, value: Any) -> str:
        return "" if value is None else str(value)[:MAX_TEXT]


class Verdict(BaseModel):
    """What the LLM judge must answer."""

    model_config = ConfigDict(extra="ignore")

    criteria: list[CriterionVerdict]
    feedback: str = ""
    try_instead: str = ""
    signals: list[str] = []

    @field_validator("criteria", mode="before")
    @classmethod
    def _criteria(cls, value: Any) -> Any:
        # Small models often answer {"challenge": 3, ...} or {"challenge": {"score": 3}}.
        if isinstance(value, dict):
            return [
                {"criterion": k, **v} if isinstance(v, dict) else {"criterion": k, "score": v}
                for k, v in value.items()
            ]
        return value

    @field_validator("feedback", "try_instead", mode="before")
    @classmethod
    def _text(cls, value: Any) -> str:
        return "" if value is None else str(value).strip()[:MAX_TEXT]

    @field_validator("signals", mode="before")
    @classmethod
    def _signals(cls, value: Any) -> list[str]:
        if isinstance(value, str):
            value = re.split(r"[,\s]+", value)
        return [str(v).strip().lower() for v in value or [] if str(v).strip()]

    def known_signals(self) -> frozenset[Signal]:
        """The signals that the domain knows; others are dropped."""
        known = {s.value for s in Signal}
        return frozenset(Signal(s) for s in self.signals if s in known)


def json_schema(criterion_ids: list[str]) -> dict[str, Any]:
    """The JSON schema sent as `response_format` (strict mode: all fields required, no extras)."""
    criterion = {
        "type": "object",
        "additionalProperties": False,
        "required": ["criterion", "score", "quote", "effect"],
        "properties": {
            "criterion": {"type": "string", "enum": criterion_ids},
            "score": {"anyOf": [{"type": "integer"}, {"type": "null"}]},
            "quote": {"type": "string"},
            "effect": {"type": "string", "enum": ["+", "-"]},
        },
    }
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["criteria", "feedback", "try_instead", "signals"],
        "properties": {
            "criteria": {"type": "array", "items": criterion},
            "feedback": {"type": "string"},
            "try_instead": {"type": "string"},
            "signals": {
                "type": "array",
                "items": {"type": "string", "enum": [s.value for s in Signal]},
            },
        },
    }


def extract_json(text: str, key: str = "criteria") -> Any:
    """The first JSON object with `key` in a text (bare, in a ``` fence, or after some prose).

    Without one, the first object at all; a cut-off answer would otherwise yield an inner object.
    """
    decoder = json.JSONDecoder()
    found: list[dict[str, Any]] = []
    for match in re.finditer(r"\{", text):
        try:
            value, _ = decoder.raw_decode(text, match.start())
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict):
            if key in value:
                return value
            found.append(value)
    if found:
        return found[0]
    raise InvalidVerdict("no JSON object in the answer")


def parse_verdict(text: str) -> tuple[Verdict, list[Any]]:
    """Validate a model answer; returns the verdict and the out-of-range values that were clamped."""
    data = extract_json(text)
    context: dict[str, Any] = {"clamped": []}
    try:
        verdict = Verdict.model_validate(data, context=context)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InvalidVerdict(f"{where}: {first['msg']}") from None
    return verdict, list(context["clamped"])
