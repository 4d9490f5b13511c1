"""The LLM prompt templates; ships inside the package as `bot._data.prompts`."""
