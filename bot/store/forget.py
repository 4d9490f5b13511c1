"""Forgetting a rep so that a crash at any moment still ends with nothing of them left.

1. `users/.forget-<hex>/job.json` names the rep and their display names (one atomic write).
2. Their folder moves into the job folder: one rename, and they vanish from every listing.
3. Their entries leave every `sessions_index` shard and every table (a damaged shard is rebuilt
   from the per-rep folders, a damaged table is scrubbed byte by byte).
4. The job folder goes, `job.json` last.

Steps 3 and 4 can be repeated, so whoever next holds the folder's lock finishes any job folder
it finds (`resume`). A job folder without `job.json` is one that never started, or one left by
an older salescoach that renamed the rep's folder directly; both are handled.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bot.errors import StoreError
from bot.store import pointers
from bot.store.atomic import (
    TEMP_SUFFIX,
    DamagedFile,
    atomic_write,
    dump_json,
    fsync_dir,
    read_json,
)
from bot.store.index import session_files
from bot.store.scrub import names_in, owned, scrub, scrub_raw
from bot.store.tinyfile import AtomicJSONStorage, read_record

if TYPE_CHECKING:
    from bot.store.store import Store

log = logging.getLogger(__name__)

JOB_PREFIX = ".forget-"
JOB_FILE = "job.json"

#: Test hook: called with each step's name as it starts ("job", "move", "pointers", "tables",
#: "data", "done"), so a test can crash the forget there.
step_hook: Callable[[str], None] | None = None


def _step(name: str) -> None:
    if step_hook is not None:
        step_hook(name)


def known_names(store: Store, user_id: str) -> set[str]:
    """The rep's display names: their profile's, and those the readable tables hold."""
    names: set[str] = set()
    with contextlib.suppress(DamagedFile):
        profile = store.get_user(user_id) or {}
        if isinstance(profile.get("name"), str):
            names.add(profile["name"])
    for name in store.collection_names():
        with contextlib.suppress(DamagedFile):
            for doc in store.table(name).all():
                names |= names_in(doc, user_id)
    return {n for n in names if n.strip()}


def forget(store: Store, user_id: str, forgotten: set[str]) -> bool:
    """All four steps for one rep (adding their session ids to `forgotten`, so a turn under way
    is not written back); False if nothing of theirs was stored. Callers hold the folder."""
    job = start(store, user_id)
    forgotten.update(session_files(job / "data" / "sessions"))
    moved = (job / "data").is_dir()
    _, changed = finish(store, job)
    return moved or changed


def resume(store: Store) -> list[str]:
    """Finish every job a crash left; the user ids they were for."""
    done = []
    for job in pending(store):
        user_id, _ = finish(store, job)
        if user_id is not None:
            done.append(user_id)
    return done


def start(store: Store, user_id: str) -> Path:
    """Steps 1 and 2: the job folder, with the rep's own folder moved inside it."""
    job = store.layout.users_dir / f"{JOB_PREFIX}{secrets.token_hex(6)}"
    spec = {"user_id": user_id, "names": sorted(known_names(store, user_id))}
    _step("job")
    atomic_write(job / JOB_FILE, dump_json(spec))
    _step("move")
    _move(store, user_id, job)
    return job


def _move(store: Store, user_id: str, job: Path) -> None:
    """Step 2: one rename takes the rep out of sight (done again if a crash came first)."""
    user_dir = store.layout.user_dir(user_id)
    if not user_dir.is_dir() or (job / "data").exists():
        return
    try:
        os.replace(user_dir, job / "data")
    except OSError as exc:
        raise StoreError(f"{user_dir}: could not delete ({exc.strerror or exc})") from exc
    fsync_dir(store.layout.users_dir)


def pending(store: Store) -> list[Path]:
    """Job folders a crash left unfinished."""
    try:
        entries = list(os.scandir(store.layout.users_dir))
    except FileNotFoundError:
        return []
    return sorted(Path(e.path) for e in entries if e.name.startswith(JOB_PREFIX) and e.is_dir())


def _job(job: Path) -> tuple[str, list[str]] | None:
    """(user id, names) of a job folder, or None if it holds no rep at all."""
    try:
        spec = read_json(job / JOB_FILE)
    except DamagedFile:
        spec = None
    if spec is not None and isinstance(spec.get("user_id"), str):
        return spec["user_id"], [str(n) for n in spec.get("names", [])]
    data = job / "data" if (job / "data").is_dir() else job  # an older salescoach's rename
    with contextlib.suppress(DamagedFile):
        profile = read_record(data / "profile.json", "profile") or {}
        if isinstance(profile.get("user_id"), str):
            return profile["user_id"], [str(profile["name"])] if profile.get("name") else []
    for path in sorted((data / "sessions").glob("*.json")):
        with contextlib.suppress(DamagedFile):
            found = read_record(path, "session") or {}
            if isinstance(found.get("user_id"), str):
                return found["user_id"], []
    return None


def finish(store: Store, job: Path) -> tuple[str | None, bool]:
    """Steps 3 and 4 for one job folder: the user id it was for (None if it held nobody), and
    whether any shared file mentioned them."""
    found = _job(job)
    changed = False
    if found is not None:
        user_id, names = found
        if (job / JOB_FILE).exists():
            _move(store, user_id, job)
        _step("pointers")
        changed = _drop_pointers(store, user_id)
        _step("tables")
        for name in store.collection_names():
            changed = _scrub_table(store, name, user_id, set(names)) or changed
        _sweep_temp(store, store.layout.root / "tables")
        _sweep_temp(store, store.layout.root / "sessions_index")
    _step("data")
    shutil.rmtree(job / "data", ignore_errors=True)
    for entry in sorted(job.iterdir()) if job.is_dir() else []:
        if entry.name != JOB_FILE:  # an older salescoach's rename: the rep's files are here
            shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink()
    _step("done")
    with contextlib.suppress(FileNotFoundError):
        (job / JOB_FILE).unlink()
    with contextlib.suppress(FileNotFoundError):
        job.rmdir()
    fsync_dir(store.layout.users_dir)
    return (None if found is None else found[0]), changed


def _drop_pointers(store: Store, user_id: str) -> bool:
    """Take the rep out of every shard; a damaged shard is rebuilt (without them) instead."""
    changed = False
    folder = store.layout.root / "sessions_index"
    shards = sorted(folder.glob("*.json")) if folder.is_dir() else []
    for shard in shards:
        if shard.name.startswith("."):
            continue
        with store.file_lock(shard):
            try:
                changed = pointers.drop_user(shard, user_id) or changed
            except DamagedFile as exc:
                log.warning("%s; rebuilding it from the reps' folders", exc)
                pointers.rebuild(store.layout, shard)
    return changed


def _scrub_table(store: Store, name: str, user_id: str, names: set[str]) -> bool:
    """Remove the rep's documents and mentions from one table (bytes, if it is damaged)."""
    path = store.layout.collection(name)
    storage = AtomicJSONStorage(path, "collection")
    with store.file_lock(path):
        try:
            tables = storage.read()
        except DamagedFile as exc:
            raw = path.read_bytes()
            clean = scrub_raw(raw, user_id, names)
            if clean == raw:
                return False
            log.warning("%s; blanked a forgotten rep's id and names in it", exc)
            atomic_write(path, clean)
            return True
        if tables is None:
            return False
        cleaned = {
            table: {
                doc_id: scrub(doc, user_id)
                for doc_id, doc in docs.items()
                if not owned(doc, user_id)
            }
            for table, docs in tables.items()
        }
        if cleaned == tables:
            return False
        storage.write(cleaned)
        return True


def _sweep_temp(store: Store, folder: Path) -> None:
    """Delete temp files a killed writer left: they may hold the rep from before."""
    for temp in folder.glob(f".*{TEMP_SUFFIX}") if folder.is_dir() else []:
        target = folder / temp.name[1:].rsplit(".", 2)[0]
        with store.file_lock(target), contextlib.suppress(FileNotFoundError):
            temp.unlink()
