"""Load YAML data files into pydantic models, with errors that name the file and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.errors import DataFileError

Lang = Literal["sv", "en"]
LANGS: tuple[Lang, ...] = ("sv", "en")

M = TypeVar("M", bound=BaseModel)

# libyaml's C loader is several times faster; fall back to the pure-Python safe loader.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Strict(BaseModel):
    """Base for data-file models: unknown fields are errors, objects are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text in both languages; Swedish first."""

    sv: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def __call__(self, lang: Lang) -> str:
        """The text in `lang`."""
        return self.sv if lang == "sv" else self.en


def read_yaml(path: Path) -> Any:
    """Parse a YAML file, turning I/O and syntax problems into a DataFileError naming the file."""
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_Loader)
    except FileNotFoundError as exc:
        raise DataFileError(f"{path}: file not found") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: not valid YAML: {exc}") from exc


def describe_validation_error(path: Path, exc: ValidationError) -> str:
    """One line per problem: `file: field a.b.0: message (got …)`."""
    lines = []
    for err in exc.errors():
        field = ".".join(str(part) for part in err["loc"]) or "(top level)"
        got = err.get("input")
        got_text = "" if isinstance(got, dict | list) else f" (got {got!r})"
        lines.append(f"{path}: field '{field}': {err['msg']}{got_text}")
    return "\n".join(lines)


def load_model(path: Path, model: type[M], context: dict[str, Any] | None = None) -> M:
    """Read `path` and validate it as `model`; raise DataFileError naming file and field."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError(
            f"{path}: expected a mapping at the top level, got {type(data).__name__}"
        )
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        raise DataFileError(describe_validation_error(path, exc)) from None
