"""One writing process per data folder: an advisory lock on `<data>/.lock`.

The lock is an OS file lock (`flock` on Unix, `msvcrt.locking` on Windows), so the kernel
releases it when the holder dies, even by `kill -9`; a stale lock file never blocks anyone.
The holder writes its pid and command into the file so that whoever is refused can be told
who has it. Within one process the lock is shared: every `Store` on the folder counts as one
holder, and the lock goes when the last of them is closed or collected.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.errors import StoreError
from bot.store.atomic import check_fault

LOCK_NAME = ".lock"
DEFAULT_WAIT = 10.0  # seconds a writing command waits for another one to finish
_POLL = 0.05


class FolderBusy(StoreError):
    """The data folder cannot be written by this process: another one holds it, or it is
    read-only. `message` says which, for the edge to put into the user's language."""


@dataclass(frozen=True)
class Holder:
    """Who holds a data folder's lock, as its lock file says."""

    pid: int
    command: str


@dataclass
class _Hold:
    fd: int
    count: int


_held: dict[Path, _Hold] = {}
_guard = threading.Lock()


def _try_lock(fd: int) -> bool:
    """Take the OS lock on `fd` without waiting; False if another process has it."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def holder(root: Path) -> Holder | None:
    """What the lock file says about its holder (None if it says nothing readable)."""
    try:
        raw = (root / LOCK_NAME).read_text(encoding="utf-8").split(maxsplit=1)
        return Holder(int(raw[0]), raw[1].strip() if len(raw) > 1 else "?")
    except (OSError, ValueError, IndexError, UnicodeDecodeError):
        return None


def _busy(root: Path) -> FolderBusy:
    who = holder(root)
    if who is None:
        return FolderBusy.said("store.busy_unknown", folder=str(root))
    key = "store.busy_serve" if who.command == "serve" else "store.busy"
    return FolderBusy.said(key, folder=str(root), pid=who.pid, command=who.command)


def _open(root: Path) -> int:
    try:
        check_fault(root / LOCK_NAME)
        root.mkdir(parents=True, exist_ok=True)
        return os.open(root / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise FolderBusy.said("store.read_only", folder=str(root), reason=reason) from None


def acquire(root: Path, command: str, wait: float = DEFAULT_WAIT) -> None:
    """Hold the folder's lock for this process, waiting up to `wait` seconds for it.

    FolderBusy names the holder (pid and command) when the wait runs out, or says the folder
    cannot be written at all.
    """
    root = root.resolve()
    deadline = time.monotonic() + wait
    fd: int | None = None
    try:
        while True:
            with _guard:  # not held while sleeping: other folders and threads go on
                hold = _held.get(root)
                if hold is not None:
                    hold.count += 1
                    return
                fd = _open(root) if fd is None else fd
                if _try_lock(fd):
                    _note(fd, command)
                    _held[root], fd = _Hold(fd, 1), None
                    return
            if time.monotonic() >= deadline:
                raise _busy(root)
            time.sleep(_POLL)
    finally:
        if fd is not None:
            os.close(fd)


def _note(fd: int, command: str) -> None:
    """Write who holds the lock; written before the old note is cut, so it is never empty."""
    note = f"{os.getpid()} {command}\n".encode()
    with contextlib.suppress(OSError):  # the note is for people; the lock is what counts
        os.lseek(fd, 0, os.SEEK_SET)  # not pwrite: Windows has none
        os.write(fd, note)
        os.ftruncate(fd, len(note))


def try_acquire(root: Path, command: str) -> bool:
    """Hold the lock if nobody else does and the folder can be written; never waits."""
    try:
        acquire(root, command, wait=0.0)
    except FolderBusy:
        return False
    return True


def release(root: Path) -> None:
    """Give up one hold; the OS lock goes with the last one."""
    root = root.resolve()
    with _guard:
        hold = _held.get(root)
        if hold is None:
            return
        hold.count -= 1
        if hold.count <= 0:
            del _held[root]
            os.close(hold.fd)  # closing drops the OS lock; the file stays for the next holder


def held(root: Path) -> bool:
    """Whether this process holds the folder's lock."""
    with _guard:
        return root.resolve() in _held


class FolderHold:
    """One store's share of its folder's lock: taken on the first write (or `claim`), given
    back by `close` or when the holder is collected; `on_claim` runs once it is held."""

    def __init__(self, root: Path, command: str, wait: float, on_claim: Callable[[], None]):
        self.root, self.command, self.wait = root, command, wait
        self._on_claim = on_claim
        self._guard = threading.Lock()
        self._release: weakref.finalize[Any, Any] | None = None

    def claim(self, command: str | None = None, wait: float | None = None) -> None:
        """Hold the folder (FolderBusy after `wait` seconds, default the store's)."""
        with self._guard:
            if self._release is not None:
                return
            acquire(self.root, command or self.command, self.wait if wait is None else wait)
            self._release = weakref.finalize(self, release, self.root)
        self._on_claim()

    def ensure(self) -> None:
        """Hold the folder before a write."""
        if self._release is None:
            self.claim()

    def try_claim(self) -> bool:
        """Hold the folder if that needs no waiting (a free, writable folder)."""
        if self._release is None:
            try:
                self.claim(wait=0.0)
            except FolderBusy:
                return False
        return True

    def close(self) -> None:
        """Give the hold back."""
        with self._guard:
            if self._release is not None:
                self._release()
                self._release = None
