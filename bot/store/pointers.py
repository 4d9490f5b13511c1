"""The global session index: session id -> user id, sharded so each write stays small.

Written once when a session is created, so `load_session(id)` finds the session's folder
without scanning every user. Callers hold the shard's lock while writing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from tinydb import Query

from bot.store.atomic import DamagedFile
from bot.store.index import session_files
from bot.store.layout import Layout
from bot.store.tinyfile import TABLES, AtomicJSONStorage, open_db

_TABLE = TABLES["session_pointers"]

log = logging.getLogger(__name__)


def find_owner(layout: Layout, session_id: str) -> str | None:
    """The user id that owns `session_id`, or None if the session is unknown."""
    db = open_db(layout.pointer_shard(session_id), "session_pointers")
    found = db.table(_TABLE).get(Query().id == session_id)
    if not isinstance(found, dict):
        return None
    return str(found.get("user_id"))


def add_pointer(layout: Layout, session_id: str, user_id: str) -> None:
    """Record that `session_id` belongs to `user_id` (no write if it already does)."""
    if find_owner(layout, session_id) == user_id:
        return
    table = open_db(layout.pointer_shard(session_id), "session_pointers").table(_TABLE)
    table.upsert({"id": session_id, "user_id": user_id}, Query().id == session_id)


def register(layout: Layout, session_id: str, user_id: str) -> None:
    """`add_pointer`, rebuilding a damaged shard from the reps' own folders first."""
    try:
        add_pointer(layout, session_id, user_id)
    except DamagedFile as exc:  # an index: everything in it can be found again
        log.warning("%s; rebuilding it from the reps' folders", exc)
        rebuild(layout, layout.pointer_shard(session_id))
        add_pointer(layout, session_id, user_id)


def owner(
    layout: Layout, session_id: str, lock: threading.RLock, may_write: Callable[[], bool]
) -> str | None:
    """`find_owner`, but a damaged shard answers None (the caller searches the reps' folders)
    and is rebuilt when `may_write()` allows."""
    try:
        return find_owner(layout, session_id)
    except DamagedFile as exc:
        log.warning("%s; searching the reps' folders instead", exc)
        if may_write():
            with lock:
                rebuild(layout, layout.pointer_shard(session_id))
        return None


def drop_user(shard: Path, user_id: str) -> bool:
    """Forget every session of `user_id` held in `shard`, in one write; False if none was."""
    table = open_db(shard, "session_pointers").table(_TABLE)
    if not table.contains(Query().user_id == user_id):
        return False
    table.remove(Query().user_id == user_id)
    return True


def rebuild(layout: Layout, shard: Path) -> None:
    """Write `shard` afresh from the session files in the reps' folders (it was damaged)."""
    rows: dict[str, dict[str, str]] = {}
    for user_id in layout.user_ids():
        for session_id in session_files(layout.sessions_dir(user_id)):
            if layout.pointer_shard(session_id) == shard:
                rows[str(len(rows) + 1)] = {"id": session_id, "user_id": user_id}
    AtomicJSONStorage(shard, "session_pointers").write({_TABLE: rows})
