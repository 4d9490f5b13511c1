"""Where the project's data files live (scenarios, prompts, seeds)."""

from __future__ import annotations

import os
from pathlib import Path

#: The repository / install root that holds `scenarios/`, `prompts/` and `seeds/`.
PROJECT_ROOT = Path(os.environ.get("SALESCOACH_RESOURCES", Path(__file__).resolve().parent.parent))

SCENARIOS_DIR = PROJECT_ROOT / "scenarios"
CUSTOMERS_DIR = SCENARIOS_DIR / "customers"
RUBRIC_FILE = SCENARIOS_DIR / "rubric.yaml"
REACTIONS_FILE = SCENARIOS_DIR / "reactions.yaml"
PROMPTS_DIR = PROJECT_ROOT / "prompts"
SEEDS_DIR = PROJECT_ROOT / "seeds"
LESSONS_FILE = SEEDS_DIR / "lessons.yaml"
