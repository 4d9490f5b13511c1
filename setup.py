"""Ships the top-level data folders inside the package; everything else is in pyproject.toml.

`scenarios/`, `prompts/` and `seeds/` stay at the repository root but install as
`bot._data.scenarios`, `bot._data.prompts` and `bot._data.seeds`, so `importlib.resources`
finds them the same way in a wheel and in an editable install (see bot/paths.py).
"""

from setuptools import find_packages, setup

DATA_FOLDERS = ("scenarios", "prompts", "seeds")

setup(
    packages=find_packages(include=["bot", "bot.*"]) + [f"bot._data.{n}" for n in DATA_FOLDERS],
    package_dir={f"bot._data.{n}": n for n in DATA_FOLDERS},
)
