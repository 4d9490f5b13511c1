"""A file cache of embeddings for training and evaluation, outside git (`.cache/`)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from bot import paths
from bot.core.encoder import Encoder, Kind, Vectors, default_encoder

CACHE_FILE = paths.PROJECT_ROOT / ".cache" / "judge_embeddings.npz"


def _key(kind: Kind, text: str) -> str:
    return hashlib.sha1(f"{kind}\x00{text}".encode()).hexdigest()


def embed_cached(
    texts: list[str], kind: Kind, path: Path = CACHE_FILE, encoder: Encoder | None = None
) -> Vectors:
    """Embed `texts`, reading rows already in the cache file and adding the new ones to it."""
    known: dict[str, np.ndarray] = {}
    if path.exists():
        with np.load(path) as data:
            known = dict(zip(data["keys"].tolist(), data["vecs"], strict=True))
    keys = [_key(kind, t) for t in texts]
    missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in known}.items())
    if missing:
        fresh = (encoder or default_encoder()).embed([t for _, t in missing], kind)
        known.update({k: v for (k, _), v in zip(missing, fresh, strict=True)})
        path.parent.mkdir(parents=True, exist_ok=True)
        names = sorted(known)
        tmp = path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=np.asarray(names), vecs=np.stack([known[k] for k in names]))
        tmp.replace(path)
    return np.stack([known[k] for k in keys]).astype(np.float32)
