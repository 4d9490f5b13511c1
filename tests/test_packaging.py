"""The package carries its data: every data file ships in the wheel and loads through the package."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

import pytest

from bot import paths

ROOT = Path(__file__).resolve().parent.parent
#: The top-level folders setup.py maps into the package as `bot._data.<name>`.
DATA_FOLDERS = ("scenarios", "prompts", "seeds")


def source_dir(package: str) -> Path:
    """The folder in the repository that holds `package`."""
    name = package.removeprefix("bot._data.")
    return ROOT / name if name in DATA_FOLDERS else ROOT.joinpath(*package.split("."))


def shipped() -> set[Path]:
    """The files the package-data globs in pyproject.toml put in the wheel."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs: dict[str, list[str]] = config["tool"]["setuptools"]["package-data"]
    return {
        found
        for package, patterns in globs.items()
        for pattern in patterns
        for found in source_dir(package).glob(pattern)
        if found.is_file()
    }


def data_files() -> set[Path]:
    """Every file besides Python code under the package and the data folders."""
    return {
        found
        for top in ("bot", *DATA_FOLDERS)
        for found in (ROOT / top).rglob("*")
        if found.is_file() and found.suffix not in (".py", ".pyc")
    }


def test_every_data_file_ships_in_the_wheel() -> None:
    missing = sorted(str(f.relative_to(ROOT)) for f in data_files() - shipped())
    assert missing == []


@pytest.mark.parametrize("name", DATA_FOLDERS)
def test_data_folders_load_through_the_package(name: str) -> None:
    assert resources.files(f"bot._data.{name}") == ROOT / name
    assert paths.data_dir(name) == ROOT / name


def test_salescoach_resources_names_another_folder_for_all_three(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESCOACH_RESOURCES", str(tmp_path))
    assert [paths.data_dir(n) for n in DATA_FOLDERS] == [tmp_path / n for n in DATA_FOLDERS]


def test_the_html_templates_are_read_through_the_package() -> None:
    assert paths.package_dir("templates") == paths.TEMPLATES_DIR == ROOT / "bot" / "templates"
