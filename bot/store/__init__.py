"""Durable storage for users, sessions and small collections; the only code that uses TinyDB.

See the README (“Your data”) for the layout on disk and the guarantees.
"""

from bot.store.async_store import AsyncCollection, AsyncStore
from bot.store.collection import Collection
from bot.store.migrations import SCHEMA_VERSION
from bot.store.store import Store
from bot.store.summary import SessionSummary

__all__ = [
    "SCHEMA_VERSION",
    "AsyncCollection",
    "AsyncStore",
    "Collection",
    "SessionSummary",
    "Store",
]
