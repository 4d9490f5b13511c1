"""Each user's index of finished-session summaries: a cache that listing keeps up to date.

Saving a turn never touches the index, so a turn costs one file write however long the rep's
history. Listing compares the index with the session files (name, mtime, size) and folds in
whatever is new or changed; a finished session is read in full once, then served from here.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.core.session import Session
from bot.errors import StoreError
from bot.store.atomic import DamagedFile, sweep_temp
from bot.store.layout import SESSION_ID, Layout
from bot.store.summary import SessionSummary
from bot.store.tinyfile import TABLES, AtomicJSONStorage

log = logging.getLogger(__name__)

_TABLE = TABLES["user_index"]
Stamp = tuple[int, int]  # (mtime_ns, size) of a session file when it was indexed


@dataclass
class Scan:
    """Every session of one user as found on disk."""

    summaries: list[SessionSummary] = field(default_factory=list)
    loaded: dict[str, Session] = field(default_factory=dict)  # sessions that had to be read
    unreadable: list[Path] = field(default_factory=list)  # damaged session files, skipped


def session_files(directory: Path) -> dict[str, Stamp]:
    """Session id -> stamp for every session file in `directory` (skips temp and stray files)."""
    found: dict[str, Stamp] = {}
    try:
        entries = list(os.scandir(directory))
    except FileNotFoundError:
        return found
    for entry in entries:
        sid, ext = os.path.splitext(entry.name)
        if ext == ".json" and SESSION_ID.match(sid):
            st = entry.stat()
            found[sid] = (st.st_mtime_ns, st.st_size)
    return found


def read_index(path: Path) -> dict[str, dict[str, Any]]:
    """Session id -> indexed summary document; a damaged index counts as empty and is rebuilt."""
    try:
        tables = AtomicJSONStorage(path, "user_index").read() or {}
    except DamagedFile as exc:
        log.warning("%s; rebuilding it from the session files", exc)
        return {}
    return {str(doc.get("id")): doc for doc in tables.get(_TABLE, {}).values()}


def write_index(path: Path, docs: dict[str, dict[str, Any]]) -> None:
    """Replace the index with `docs`."""
    rows = {str(n): doc for n, doc in enumerate(docs.values(), 1)}
    AtomicJSONStorage(path, "user_index").write({_TABLE: rows})


def _cached_summary(doc: dict[str, Any], index_path: Path) -> SessionSummary | None:
    """The summary an index row holds, or None when its values are damaged (valid JSON with a
    wrong type, say): the session file is then read instead and the row rewritten."""
    try:
        return SessionSummary.from_dict(doc)
    except (TypeError, ValueError, KeyError) as exc:
        log.warning("%s: damaged index row (%s); reading the session file instead", index_path, exc)
        return None


def scan(
    layout: Layout,
    user_id: str,
    read_session: Callable[[Path], Session],
    lock: threading.RLock,
    may_write: Callable[[], bool] = lambda: True,
) -> Scan:
    """Summaries of all the user's sessions, refreshing the index where it is out of date.

    A damaged session file is skipped (and listed in `unreadable`), so it hides only itself;
    the index is rewritten only when `may_write()` allows (never on a read-only folder).
    """
    sessions_dir = layout.sessions_dir(user_id)
    files = session_files(sessions_dir)
    index_path = layout.user_index(user_id)
    index = read_index(index_path)
    result = Scan()
    fresh: dict[str, dict[str, Any]] = {}
    for sid, (mtime_ns, size) in sorted(files.items()):
        doc = index.get(sid)
        if doc is not None and doc.get("mtime_ns") == mtime_ns and doc.get("size") == size:
            cached = _cached_summary(doc, index_path)
            if cached is not None:
                result.summaries.append(cached)
                fresh[sid] = doc
                continue
        path = layout.session(user_id, sid)
        try:
            session = read_session(path)
        except DamagedFile as exc:
            log.warning("%s", exc)
            result.unreadable.append(path)
            continue
        summary = SessionSummary.of(session)
        result.loaded[sid] = session
        result.summaries.append(summary)
        if session.finished:
            fresh[sid] = {**summary.to_dict(), "mtime_ns": mtime_ns, "size": size}
    if fresh != index and may_write():
        with lock:
            if sessions_dir.is_dir():  # the user may have been forgotten meanwhile
                try:
                    write_index(index_path, fresh)
                except StoreError as exc:  # only a cache: the listing is right without it
                    log.warning("%s", exc)
        sweep_temp(sessions_dir)
    return result
