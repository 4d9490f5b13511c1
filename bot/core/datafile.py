"""Load YAML data files into pydantic models, with errors that name the file and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.errors import DataFileError
from bot.hygiene import MAX_QUOTE_CHARS, quote

Lang = Literal["sv", "en"]
LANGS: tuple[Lang, ...] = ("sv", "en")

M = TypeVar("M", bound=BaseModel)

# libyaml's C loader is several times faster; fall back to the pure-Python safe loader.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DuplicateKey(yaml.YAMLError):
    """A mapping names the same key twice (YAML would silently keep the last one)."""


class _Loader(_BaseLoader):  # type: ignore[valid-type, misc]
    """The safe loader, refusing duplicate keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, str | int | float | bool) and key in seen:
                line = key_node.start_mark.line + 1
                raise DuplicateKey(f"line {line}: key {quote(key)} appears twice in one mapping")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


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
    except UnicodeDecodeError as exc:
        raise DataFileError(
            f"{path}: not valid UTF-8 (byte {exc.start}); save the file as UTF-8"
        ) from None
    except DuplicateKey as exc:
        raise DataFileError(f"{path}: {exc}") from None
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: not valid YAML: {str(exc)[: MAX_QUOTE_CHARS * 3]}") from exc
    except OSError as exc:
        raise DataFileError(f"{path}: cannot be read ({exc.strerror})") from None


def describe_validation_error(path: Path, exc: ValidationError) -> str:
    """One line per problem: `file: field a.b.0: message (got …)`."""
    lines = []
    for err in exc.errors():
        field = ".".join(str(part) for part in err["loc"]) or "(top level)"
        got = err.get("input")
        got_text = "" if isinstance(got, dict | list) else f" (got {quote(got)})"
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
