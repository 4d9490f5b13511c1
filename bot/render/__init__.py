"""Renderings of stored sessions for people: standalone HTML pages and plain text."""
