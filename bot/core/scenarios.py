"""Difficult customers, one YAML file each under `scenarios/customers/`.

The same format serves the coaches' own scenarios (see `scenario_check` for how their files
are read): any text may be a plain string in the scenario's one language or an `{sv, en}`
pair, and levels, reactions, kind, focus and lesson have defaults.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from bot import paths
from bot.core.datafile import LANGS, Lang, Strict, Text, load_model
from bot.core.state import Outcome
from bot.errors import DataFileError

Level = Literal[1, 2, 3]
WinOutcome = Literal["won", "meeting_booked"]

#: A folder of extra scenario files that join the built-in ones.
SCENARIOS_DIR_ENV = "SALESCOACH_SCENARIOS_DIR"


def _plain_text(value: Any, info: ValidationInfo) -> Any:
    """A plain string is a text in the scenario's one language; the loader notes each one."""
    if isinstance(value, str):
        plain = (info.context or {}).get("plain")
        if isinstance(plain, list):
            plain.append(value)
        return {"sv": value, "en": value}
    return value


#: A text as a coach may write it: a plain string or an `{sv, en}` pair.
AnyText = Annotated[Text, BeforeValidator(_plain_text)]


class Persona(Strict):
    """Who the rep is talking to."""

    name: str = Field(min_length=1, max_length=80)
    role: AnyText
    company: AnyText | None = None
    description: AnyText = Field(description="temperament and background, for the customer engine")

    def introduce(self, lang: Lang) -> str:
        """Name, role and (when given) company, for the brief."""
        parts = [self.name, self.role(lang), self.company(lang) if self.company else ""]
        return ", ".join(p for p in parts if p)


class Hidden(Strict):
    """What the customer knows but does not say unless the rep earns it."""

    need: AnyText = Field(description="the underlying need behind the request")
    reveals: list[AnyText] = Field(
        min_length=3, description="facts revealed one by one when the rep asks good questions"
    )
    will_not_reveal: list[AnyText] = Field(default_factory=list)


class LevelSpec(Strict):
    """How hard the customer is at one difficulty level."""

    trust: int = Field(ge=0, le=100, description="starting trust 0-100")
    patience: int = Field(ge=1, le=100, description="starting patience 0-100")
    description: AnyText


def _level(trust: int, patience: int, sv: str, en: str) -> LevelSpec:
    return LevelSpec(trust=trust, patience=patience, description=Text(sv=sv, en=en))


#: Levels for a scenario that names none (or only some): the built-ins' usual values.
DEFAULT_LEVELS: dict[Level, LevelSpec] = {
    1: _level(
        50,
        90,
        "Kunden är nyfiken och svarar gärna på en bra fråga.",
        "The customer is curious and happy to answer a good question.",
    ),
    2: _level(
        40,
        75,
        "Kunden öppnar sig först när säljaren visar att hen förstår kundens läge.",
        "The customer opens up only once the seller shows they understand the situation.",
    ),
    3: _level(
        30,
        60,
        "Kunden har nästan bestämt sig och avslutar vid minsta tomma säljprat.",
        "The customer has nearly decided and ends the call at the first empty sales talk.",
    ),
}


def _with_level_defaults(key: Any, spec: Any) -> Any:
    """`spec` with the default level's fields where it has none (left as is when unreadable)."""
    default = next((level for n, level in DEFAULT_LEVELS.items() if n == key), None)
    if default is None or not isinstance(spec, dict):
        return spec
    fields: dict[str, Any] = {"trust": default.trust, "patience": default.patience}
    fields["description"] = default.description.model_dump()
    return {**fields, **spec}


DEFAULT_FOCUS = ["discover_need", "insight", "next_step"]


class Win(Strict):
    """What a good outcome looks like."""

    outcome: WinOutcome
    description: AnyText
    lines: list[AnyText] = Field(min_length=1, description="what the customer says when won over")

    def outcome_value(self) -> Outcome:
        """The session outcome this win stands for."""
        return Outcome(self.outcome)


class Scenario(Strict):
    """A difficult customer drawn from the source articles."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=32)
    language: Lang | None = Field(
        default=None, description="the one language of a single-language scenario"
    )
    lesson: str | None = Field(default=None, description="seed lesson id in seeds/lessons.yaml")
    kind: Literal["b2c", "b2b"] = "b2b"
    focus: list[str] = Field(
        default_factory=lambda: list(DEFAULT_FOCUS),
        min_length=1,
        description="rubric criterion ids this customer trains",
    )
    title: AnyText
    brief: AnyText = Field(description="the situation as the rep sees it")
    persona: Persona
    hidden: Hidden
    opening: list[AnyText] = Field(min_length=1)
    objections: list[AnyText] = Field(min_length=2)
    reactions: dict[str, list[AnyText]] = Field(
        default_factory=dict,
        description="scenario-specific lines per signal, overriding common ones",
    )
    win: Win
    lose: list[AnyText] = Field(min_length=1, description="what the customer says when leaving")
    levels: dict[Level, LevelSpec] = Field(default_factory=lambda: dict(DEFAULT_LEVELS))

    @field_validator("reactions")
    @classmethod
    def _reaction_keys(cls, reactions: dict[str, list[Text]]) -> dict[str, list[Text]]:
        from bot.core.reactions import EXTRA_KEYS, Signal

        known = sorted({s.value for s in Signal} | EXTRA_KEYS)
        unknown = sorted(set(reactions) - set(known))
        if unknown:
            raise PydanticCustomError(
                "unknown_reaction",
                "unknown reaction keys {unknown}; expected some of {known}",
                {"unknown": str(unknown), "known": str(known)},
            )
        return reactions

    @field_validator("levels", mode="before")
    @classmethod
    def _level_fields_default(cls, levels: Any, info: ValidationInfo) -> Any:
        """In a coach's file, a level that gives only `trust` keeps the default patience and
        description (and so on): coaches tune one number, not a whole level."""
        if (info.context or {}).get("plain") is None or not isinstance(levels, dict):
            return levels
        return {key: _with_level_defaults(key, spec) for key, spec in levels.items()}

    @field_validator("levels")
    @classmethod
    def _three_levels(
        cls, levels: dict[Level, LevelSpec], info: ValidationInfo
    ) -> dict[Level, LevelSpec]:
        if (info.context or {}).get("plain") is not None:  # a coach's file: defaults fill in
            return {**DEFAULT_LEVELS, **levels}
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
                raise PydanticCustomError(
                    "unknown_criteria",
                    "unknown criteria {unknown}; the rubric has {known}",
                    {"unknown": str(unknown), "known": str(sorted(known))},
                )
        return focus

    @field_validator("lesson")
    @classmethod
    def _known_lesson(cls, lesson: str | None, info: ValidationInfo) -> str | None:
        known = (info.context or {}).get("lessons")
        if lesson is not None and known is not None and lesson not in known:
            raise PydanticCustomError(
                "unknown_lesson",
                "unknown lesson {lesson}; seeds/lessons.yaml has {known}",
                {"lesson": repr(lesson), "known": str(sorted(known))},
            )
        return lesson

    @property
    def focus_set(self) -> frozenset[str]:
        """Focus criteria as a set."""
        return frozenset(self.focus)

    @property
    def languages(self) -> tuple[Lang, ...]:
        """The languages this scenario is offered in."""
        return (self.language,) if self.language else LANGS

    def play_lang(self, wanted: Lang) -> Lang:
        """The language to play in: the one wanted if offered, else the scenario's own."""
        return wanted if wanted in self.languages else self.languages[0]


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


def default_scenarios() -> dict[str, Scenario]:
    """The shipped scenarios, plus those in the folder SALESCOACH_SCENARIOS_DIR names."""
    return {sid: scenario for sid, (scenario, _) in scenario_sources().items()}


def scenario_sources() -> dict[str, tuple[Scenario, str]]:
    """Every scenario by id with where it came from ("built-in" or the file's path)."""
    return _catalogue(os.environ.get(SCENARIOS_DIR_ENV, "").strip())


@cache
def _catalogue(extra_dir: str) -> dict[str, tuple[Scenario, str]]:
    from bot.core.rubric import default_rubric

    found = {
        sid: (scenario, "built-in")
        for sid, scenario in load_scenarios(
            criteria=set(default_rubric().ids), lessons=lesson_ids()
        ).items()
    }
    if extra_dir:
        from bot.core.scenario_check import load_folder

        files = {sid: str(paths.CUSTOMERS_DIR / f"{sid}.yaml") for sid in found}
        for scenario, path in load_folder(Path(extra_dir), files):
            found[scenario.id] = (scenario, str(path))
    return found
