"""Shared fixtures: every test gets its own empty data folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# `.venv/bin/pytest`, unlike `python -m pytest`, does not put the project root on sys.path.
# (Cleaner long-term: `pythonpath = ["."]` under [tool.pytest.ini_options] in pyproject.toml.)
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point SALESCOACH_DATA_DIR at a fresh temp folder for this test."""
    folder = tmp_path / "salescoach-data"
    monkeypatch.setenv("SALESCOACH_DATA_DIR", str(folder))
    return folder
