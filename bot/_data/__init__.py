"""The data files shipped with the package: `scenarios`, `prompts` and `seeds` (see setup.py)."""
