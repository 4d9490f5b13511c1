"""The LLM engine: the only package that talks to an OpenAI-compatible server."""
