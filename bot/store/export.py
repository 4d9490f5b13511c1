"""A rep's data as one JSON-ready document, with whatever could not be read named."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from bot.store.atomic import DamagedFile
from bot.store.migrations import SCHEMA_VERSION

if TYPE_CHECKING:
    from bot.store.store import Store

log = logging.getLogger(__name__)


def export_user(store: Store, user_id: str) -> dict[str, Any]:
    """Profile, sessions and the rep's collection documents; damaged files are listed under
    `unreadable` (relative to the data folder) instead of failing the export."""
    root = store.layout.root
    unreadable = [str(p.relative_to(root)) for p in store.unreadable(user_id)]
    profile = store.profile(user_id)
    if not profile and store.layout.profile(user_id).exists():  # there, but damaged
        unreadable.insert(0, str(store.layout.profile(user_id).relative_to(root)))
    collections: dict[str, list[dict[str, Any]]] = {}
    for name in store.collection_names():
        try:
            if docs := store.table(name).search(user_id=user_id):
                collections[name] = docs
        except DamagedFile as exc:
            log.warning("%s", exc)
            unreadable.append(f"tables/{name}.json")
    return {
        "user_id": user_id,
        "exported_at": time.time(),
        "schema": SCHEMA_VERSION,
        "profile": profile or None,
        "sessions": [s.to_dict() for s in store.load_sessions(user_id)],
        "collections": collections,
        "unreadable": unreadable,
    }
