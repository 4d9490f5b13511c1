"""The scoring rubric, loaded from `scenarios/rubric.yaml`."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from bot import paths
from bot.core.datafile import Lang, Strict, Text, load_model

AnchorLevel = Literal["1", "3", "5"]


class Applicability(Strict):
    """When a criterion counts for a customer line.

    `always` criteria count on every line. Others count when the scenario focuses on them
    or when the customer's line contains one of the cue words (a complaint, a price question …);
    otherwise the criterion is "not applicable" (null) for that reply.
    """

    always: bool = True
    when_scenario_focus: bool = True
    cues: dict[Lang, list[str]] = Field(default_factory=dict)


class Criterion(Strict):
    """One skill the judge scores from 0 to 5."""

    id: str = Field(pattern=r"^[a-z][a-z_]*$")
    weight: float = Field(gt=0, le=1)
    name: Text
    description: Text
    anchors: dict[AnchorLevel, Text]
    tip: Text = Field(description="one concrete piece of advice for a rep weak on this criterion")
    hint: Text = Field(description="a nudge during a role-play that does not give the answer away")
    applies: Applicability = Applicability()

    @field_validator("anchors")
    @classmethod
    def _all_anchors(cls, anchors: dict[str, Text]) -> dict[str, Text]:
        missing = {"1", "3", "5"} - set(anchors)
        if missing:
            raise ValueError(f"missing anchor levels {sorted(missing)}; need 1, 3 and 5")
        return anchors


class Rubric(Strict):
    """All criteria, their weights and the pass line."""

    version: int = Field(ge=1)
    pass_line: int = Field(ge=0, le=100, description="overall score (0-100) that counts as a pass")
    criteria: list[Criterion] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Rubric:
        ids = [c.id for c in self.criteria]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"criterion ids must be unique; repeated: {dupes}")
        return self

    @property
    def ids(self) -> list[str]:
        """Criterion ids in rubric order."""
        return [c.id for c in self.criteria]

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion with this id (KeyError if unknown)."""
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)

    def applicable(self, customer_line: str, lang: Lang, focus: frozenset[str]) -> list[str]:
        """Ids of the criteria that count for a reply to `customer_line`."""
        lowered = customer_line.lower()
        result = []
        for c in self.criteria:
            rule = c.applies
            if (
                rule.always
                or (rule.when_scenario_focus and c.id in focus)
                or any(cue in lowered for cue in rule.cues.get(lang, []))
            ):
                result.append(c.id)
        return result

    def weighted_overall(self, scores: dict[str, int | None]) -> float:
        """Weighted mean of the applicable (non-null) 0-5 scores, scaled to 0-100."""
        total = weight = 0.0
        for c in self.criteria:
            score = scores.get(c.id)
            if score is None:
                continue
            total += c.weight * score
            weight += c.weight
        return 0.0 if weight == 0 else 100.0 * total / (5.0 * weight)


def load_rubric(path: Path | None = None) -> Rubric:
    """Load and validate the rubric file."""
    return load_model(path or paths.RUBRIC_FILE, Rubric)


@cache
def default_rubric() -> Rubric:
    """The shipped rubric, loaded once per process."""
    return load_rubric()
