"""Common customer reactions per signal (`scenarios/reactions.yaml`), used by the offline customer."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pydantic import Field, field_validator

from bot import paths
from bot.core.datafile import LANGS, Strict, Text, load_model
from bot.core.judgement import Signal

#: Reaction keys that are not signals.
EXTRA_KEYS = frozenset(
    {
        "next_step_too_early",
        "weak",
        "warming",
        "impatient",
        "cooling",
        "waiting",  # the customer has told its story and waits for a proposal
        "refuse",  # asked for something it won't tell
        "objection_anyway",  # an objection after praise: "But {objection}"
        "already_told",  # asked again for a fact it has told
        "slot_too_early",  # {slot}: a proposed time, too early
        "slot_counter",  # {slot}, {day}: nearly there, another day instead
        "slot_accept",  # {slot}: yes to the proposed time
        "slot_moved",  # {slot}: yes after all, to a time it said no to
    }
)
#: Placeholders each templated key may use.
PLACEHOLDERS = {
    "slot_too_early": {"slot"},
    "slot_counter": {"slot", "day"},
    "slot_accept": {"slot"},
    "slot_moved": {"slot"},
    "objection_anyway": {"objection"},
}


def _check_keys(reactions: dict[str, list[Text]]) -> dict[str, list[Text]]:
    known = {s.value for s in Signal} | EXTRA_KEYS
    unknown = sorted(set(reactions) - known)
    if unknown:
        raise ValueError(f"unknown reaction keys {unknown}; expected some of {sorted(known)}")
    for key, texts in reactions.items():
        allowed = PLACEHOLDERS.get(key, set())
        for text in texts:
            for lang in LANGS:
                used = set(re.findall(r"{(\w*)}", text(lang)))
                if used - allowed:
                    raise ValueError(
                        f"{key}: placeholders {sorted(used - allowed)} in {text(lang)!r};"
                        f" allowed here: {sorted(allowed) or 'none'}"
                    )
    return reactions


class Reactions(Strict):
    """Lines a customer may use to react to what the rep just did."""

    version: int = Field(ge=1)
    reactions: dict[str, list[Text]]

    @field_validator("reactions")
    @classmethod
    def _known_keys(cls, reactions: dict[str, list[Text]]) -> dict[str, list[Text]]:
        reactions = _check_keys(reactions)
        required = {s.value for s in Signal} | EXTRA_KEYS
        missing = sorted(k for k in required if not reactions.get(k))
        if missing:
            raise ValueError(f"missing reaction lines for {missing}")
        return reactions


def load_reactions(path: Path | None = None) -> Reactions:
    """Load and validate the common reactions file."""
    return load_model(path or paths.REACTIONS_FILE, Reactions)


@cache
def default_reactions() -> Reactions:
    """The shipped reactions, loaded once."""
    return load_reactions()
