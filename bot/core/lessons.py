"""The lessons we drew from the source articles (`seeds/lessons.yaml`); scenarios cite their ids."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from bot import paths
from bot.core.datafile import Strict, Text, load_model


class Quote(Strict):
    """A short, attributed quote from a source article."""

    text: str = Field(min_length=1, max_length=200)
    author: str = Field(min_length=1)
    article: str = Field(min_length=1)


class Lesson(Strict):
    """One idea from the articles that scenarios train."""

    id: str = Field(pattern=r"^[a-z]+\.[a-z0-9-]+$")
    source: Literal["olsson", "troedsson"]
    title: Text
    summary: Text
    quote: Quote


class Lessons(Strict):
    """The whole lessons file."""

    lessons: list[Lesson] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Lessons:
        ids = [lesson.id for lesson in self.lessons]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"lesson ids must be unique; repeated: {dupes}")
        return self

    def by_id(self) -> dict[str, Lesson]:
        """Lessons keyed by id."""
        return {lesson.id: lesson for lesson in self.lessons}


def load_lessons(path: Path | None = None) -> Lessons:
    """Load and validate the lessons file."""
    return load_model(path or paths.LESSONS_FILE, Lessons)


@cache
def default_lessons() -> Lessons:
    """The shipped lessons, loaded once."""
    return load_lessons()
