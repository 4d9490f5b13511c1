"""Customers, rubric, reactions and phrasings; ships inside the package as `bot._data.scenarios`."""
