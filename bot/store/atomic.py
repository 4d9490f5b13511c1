"""Crash-safe file primitives: atomic replace with fsync, and JSON reads that name the file."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.errors import StoreError

TEMP_SUFFIX = ".tmp"

#: Fault injection for tests: called with each path about to be written or created; raising
#: OSError there acts like the disk (ENOSPC, a full disk; EROFS, a read-only mount).
write_fault: Callable[[Path], None] | None = None


def check_fault(path: Path) -> None:
    """Raise the injected fault for `path`, if a test set one."""
    if write_fault is not None:
        write_fault(path)


def fsync_dir(directory: Path) -> None:
    """Make a rename or a new entry in `directory` durable (a no-op where dirs can't be opened)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # Windows cannot open a directory; NTFS journals renames itself
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def ensure_dir(directory: Path) -> None:
    """Create `directory` and any missing parents, each new entry made durable."""
    if directory.is_dir():
        return
    ensure_dir(directory.parent)
    with contextlib.suppress(FileExistsError):
        directory.mkdir()
        fsync_dir(directory.parent)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file.

    The bytes go to a temp file in the same directory (same filesystem, so the rename is
    atomic), which is flushed and fsynced before `os.replace`; the directory is fsynced after
    so the rename itself survives a power cut.
    """
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
    try:
        check_fault(path)
        ensure_dir(path.parent)
        with open(temp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise StoreError(f"{path}: could not write ({exc.strerror or exc})") from exc
    fsync_dir(path.parent)


def read_json(path: Path) -> dict[str, Any] | None:
    """The JSON object in `path`, or None if the file does not exist."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"{path}: could not read ({exc.strerror or exc})") from exc
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise damaged(path, f"not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise damaged(path, f"expected a JSON object, found {type(data).__name__}")
    return data


class DamagedFile(StoreError):
    """A store file exists but no longer loads (truncated, edited by hand, wrong shape)."""


def damaged(path: Path, reason: str) -> DamagedFile:
    """The error for a store file that no longer loads, with what to do about it."""
    return DamagedFile(
        f"{path}: damaged store file ({reason}). Restore it from a backup or move it "
        "aside; the rest of the store is unaffected."
    )


def dump_json(data: Any) -> bytes:
    """Compact UTF-8 JSON, as the store writes it."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sweep_temp(directory: Path, older_than: float = 3600.0) -> None:
    """Remove temp files a killed writer left behind (only old ones: a live writer may own new)."""
    import time

    cutoff = time.time() - older_than
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX):
            with contextlib.suppress(OSError):
                if entry.stat().st_mtime < cutoff:
                    os.unlink(entry.path)
