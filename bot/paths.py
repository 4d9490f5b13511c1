"""Where the project's data files live (scenarios, prompts, seeds), read through the package.

The folders sit at the repository root and install inside the package as `bot._data.<name>`
(setup.py maps them), so `importlib.resources` finds them alike in a wheel and in an editable
install. `SALESCOACH_RESOURCES` names another folder that holds all three instead.
"""

from __future__ import annotations

import os
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from bot.errors import DataFileError


def data_dir(name: str) -> Path:
    """The folder of shipped data files `name` (`scenarios`, `prompts` or `seeds`)."""
    override = os.environ.get("SALESCOACH_RESOURCES")
    if override:
        return Path(override) / name
    return _real(resources.files(f"bot._data.{name}"), name)


def package_dir(name: str) -> Path:
    """A folder of files that belong to the code itself, such as the HTML `templates`."""
    return _real(resources.files("bot").joinpath(name), name)


def _real(folder: Traversable, name: str) -> Path:
    if not isinstance(folder, Path):
        # Loaders glob and hand folders to jinja2, which needs real files, not a zip archive.
        raise DataFileError(f"{name}: the package's data files must be installed unzipped")
    return folder


#: The source checkout: where the judge's training data (`tests/data`, `../shared/data`) and its
#: embedding cache live. Only development commands (judge_train, judge_eval) use it.
PROJECT_ROOT = Path(__file__).resolve().parent.parent

SCENARIOS_DIR = data_dir("scenarios")
CUSTOMERS_DIR = SCENARIOS_DIR / "customers"
RUBRIC_FILE = SCENARIOS_DIR / "rubric.yaml"
REACTIONS_FILE = SCENARIOS_DIR / "reactions.yaml"
PROMPTS_DIR = data_dir("prompts")
SEEDS_DIR = data_dir("seeds")
LESSONS_FILE = SEEDS_DIR / "lessons.yaml"
TEMPLATES_DIR = package_dir("templates")
