"""The global session index: session id -> user id, sharded so each write stays small.

Written once when a session is created, so `load_session(id)` finds the session's folder
without scanning every user. Callers hold the shard's lock while writing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from tinydb import Query

from bot.store.index import session_files
from bot.store.layout import Layout
from bot.store.tinyfile import TABLES, AtomicJSONStorage, open_db

_TABLE = TABLES["session_pointers"]


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


def by_shard(layout: Layout, session_ids: Iterable[str]) -> dict[Path, set[str]]:
    """Session ids grouped by the shard file that holds them."""
    groups: dict[Path, set[str]] = defaultdict(set)
    for sid in session_ids:
        groups[layout.pointer_shard(sid)].add(sid)
    return dict(groups)


def drop_from_shard(shard: Path, session_ids: set[str]) -> None:
    """Forget these session ids, all held in `shard`, in one write (none if absent)."""
    table = open_db(shard, "session_pointers").table(_TABLE)
    matching = Query().id.one_of(sorted(session_ids))
    if table.contains(matching):
        table.remove(matching)


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
