"""Common customer reactions per signal (`scenarios/reactions.yaml`), used by the offline customer."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import Field, field_validator

from bot import paths
from bot.core.datafile import Strict, Text, load_model
from bot.core.judgement import Signal

#: Reaction keys that are not signals.
EXTRA_KEYS = frozenset({"next_step_too_early", "weak", "warming", "impatient", "cooling"})


def _check_keys(reactions: dict[str, list[Text]]) -> dict[str, list[Text]]:
    known = {s.value for s in Signal} | EXTRA_KEYS
    unknown = sorted(set(reactions) - known)
    if unknown:
        raise ValueError(f"unknown reaction keys {unknown}; expected some of {sorted(known)}")
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
