"""Difficult customers, one YAML file each under `scenarios/customers/`."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from bot import paths
from bot.core.datafile import Strict, Text, load_model
from bot.core.state import Outcome
from bot.errors import DataFileError

Level = Literal[1, 2, 3]
WinOutcome = Literal["won", "meeting_booked"]


class Persona(Strict):
    """Who the rep is talking to."""

    name: str
    role: Text
    company: Text
    description: Text = Field(description="temperament and background, for the customer engine")


class Hidden(Strict):
    """What the customer knows but does not say unless the rep earns it."""

    need: Text = Field(description="the underlying need behind the request")
    reveals: list[Text] = Field(
        min_length=2, description="facts revealed one by one when the rep asks good questions"
    )
    will_not_reveal: list[Text] = Field(default_factory=list)


class LevelSpec(Strict):
    """How hard the customer is at one difficulty level."""

    trust: int = Field(ge=0, le=100, description="starting trust 0-100")
    patience: int = Field(ge=1, le=100, description="starting patience 0-100")
    description: Text


class Win(Strict):
    """What a good outcome looks like."""

    outcome: WinOutcome
    description: Text
    lines: list[Text] = Field(min_length=1, description="what the customer says when won over")

    def outcome_value(self) -> Outcome:
        """The session outcome this win stands for."""
        return Outcome(self.outcome)


class Scenario(Strict):
    """A difficult customer drawn from the source articles."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    lesson: str = Field(description="seed lesson id in seeds/lessons.yaml")
    kind: Literal["b2c", "b2b"]
    focus: list[str] = Field(min_length=1, description="rubric criterion ids this customer trains")
    title: Text
    brief: Text = Field(description="the situation as the rep sees it")
    persona: Persona
    hidden: Hidden
    opening: list[Text] = Field(min_length=1)
    objections: list[Text] = Field(min_length=2)
    reactions: dict[str, list[Text]] = Field(
        default_factory=dict,
        description="scenario-specific lines per signal, overriding common ones",
    )
    win: Win
    lose: list[Text] = Field(min_length=1, description="what the customer says when leaving")
    levels: dict[Level, LevelSpec]

    @field_validator("reactions")
    @classmethod
    def _reaction_keys(cls, reactions: dict[str, list[Text]]) -> dict[str, list[Text]]:
        from bot.core.reactions import _check_keys

        return _check_keys(reactions)

    @field_validator("levels")
    @classmethod
    def _three_levels(cls, levels: dict[int, LevelSpec]) -> dict[int, LevelSpec]:
        missing = {1, 2, 3} - set(levels)
        if missing:
            raise ValueError(f"missing difficulty levels {sorted(missing)}; need 1, 2 and 3")
        return levels

    @field_validator("focus")
    @classmethod
    def _known_criteria(cls, focus: list[str], info: ValidationInfo) -> list[str]:
        known = (info.context or {}).get("criteria")
        if known is not None:
            unknown = [f for f in focus if f not in known]
            if unknown:
                raise ValueError(f"unknown criteria {unknown}; the rubric has {sorted(known)}")
        return focus

    @field_validator("lesson")
    @classmethod
    def _known_lesson(cls, lesson: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get("lessons")
        if known is not None and lesson not in known:
            raise ValueError(f"unknown lesson {lesson!r}; seeds/lessons.yaml has {sorted(known)}")
        return lesson

    @property
    def focus_set(self) -> frozenset[str]:
        """Focus criteria as a set."""
        return frozenset(self.focus)


def lesson_ids(path: Path | None = None) -> set[str]:
    """The lesson ids defined in `seeds/lessons.yaml` (validated)."""
    from bot.core.lessons import load_lessons

    return set(load_lessons(path).by_id())


def load_scenario(
    path: Path, criteria: set[str] | None = None, lessons: set[str] | None = None
) -> Scenario:
    """Load one scenario file; the id must match the file name."""
    context = {"criteria": criteria, "lessons": lessons}
    scenario = load_model(path, Scenario, context=context)
    if scenario.id != path.stem:
        raise DataFileError(
            f"{path}: field 'id': {scenario.id!r} must match the file name {path.stem!r}"
        )
    return scenario


def load_scenarios(
    directory: Path | None = None, criteria: set[str] | None = None, lessons: set[str] | None = None
) -> dict[str, Scenario]:
    """Load every `*.yaml` in the directory, sorted by id."""
    directory = directory or paths.CUSTOMERS_DIR
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise DataFileError(f"{directory}: no scenario files (*.yaml) found")
    return {s.id: s for s in (load_scenario(f, criteria, lessons) for f in files)}


@cache
def default_scenarios() -> dict[str, Scenario]:
    """The shipped scenarios, checked against the rubric and the seed lessons."""
    from bot.core.rubric import default_rubric

    return load_scenarios(criteria=set(default_rubric().ids), lessons=lesson_ids())
