"""Where each file lives under the data folder, and safe file names for user and session ids.

users/<user>/profile.json            the rep's profile (language, name, ...)
users/<user>/sessions/<session>.json one role-play with all its turns, rewritten per turn
users/<user>/index.json              summaries of the rep's finished sessions
sessions_index/<xx>.json             session id -> user id, in 256 shards
tables/<name>.json                   small named collections (cohorts, reviews, ...)
.lock                                the writing process's lock (see lock.py)
users/.forget-<hex>/                 a forget under way (see forget.py)
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from bot.errors import StoreError

SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_TABLE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")


def encode_user(user_id: str) -> str:
    """A file name for any user id: letters, digits, `_` and `-` kept, all else %-escaped."""
    if not user_id or len(user_id) > 200:
        raise StoreError(f"invalid user id {user_id!r}: expected 1-200 characters")
    return "".join(
        ch if ch in _PLAIN else "".join(f"%{b:02X}" for b in ch.encode("utf-8")) for ch in user_id
    )


def decode_user(name: str) -> str:
    """Inverse of `encode_user`."""
    return unquote(name, errors="strict")


def check_session_id(session_id: str) -> str:
    """The id itself, if it is safe to use as a file name."""
    if not SESSION_ID.match(session_id):
        raise StoreError(f"invalid session id {session_id!r}: expected 1-64 of A-Z a-z 0-9 _ -")
    return session_id


@dataclass(frozen=True)
class Layout:
    """Paths of every file in one data folder."""

    root: Path

    @property
    def users_dir(self) -> Path:
        """Holds one folder per user."""
        return self.root / "users"

    def user_ids(self) -> list[str]:
        """Every user with a folder, sorted (hidden folders, such as a forget job, skipped)."""
        try:
            names = [e.name for e in os.scandir(self.users_dir) if e.is_dir()]
        except FileNotFoundError:
            return []
        return sorted(decode_user(n) for n in names if not n.startswith("."))

    def user_dir(self, user_id: str) -> Path:
        """All of one user's files."""
        return self.users_dir / encode_user(user_id)

    def profile(self, user_id: str) -> Path:
        """The user's profile."""
        return self.user_dir(user_id) / "profile.json"

    def sessions_dir(self, user_id: str) -> Path:
        """The user's session files."""
        return self.user_dir(user_id) / "sessions"

    def session(self, user_id: str, session_id: str) -> Path:
        """One session file."""
        return self.sessions_dir(user_id) / f"{check_session_id(session_id)}.json"

    def user_index(self, user_id: str) -> Path:
        """Summaries of the user's finished sessions."""
        return self.user_dir(user_id) / "index.json"

    def pointer_shard(self, session_id: str) -> Path:
        """The shard of the global session index that holds this session id."""
        shard = hashlib.sha1(check_session_id(session_id).encode()).hexdigest()[:2]
        return self.root / "sessions_index" / f"{shard}.json"

    def collection(self, name: str) -> Path:
        """A named collection's file."""
        if not _TABLE_NAME.match(name):
            raise StoreError(f"invalid collection name {name!r}: expected a-z, 0-9 and _")
        return self.root / "tables" / f"{name}.json"
