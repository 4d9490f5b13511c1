"""Embeds texts off the event loop, gathering the texts of reps who reply at the same moment
into one encoder call.

A workshop of 200 reps replying at once would otherwise run 200 encoder calls back to back on
the event loop, blocking every other rep's messages; here the first waiting text starts a
worker thread, and whatever arrives while it works goes into its next batch.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.core.encoder import Encoder, Kind, Vectors

MAX_BATCH = 32


class _Queue:
    """Texts waiting on one event loop."""

    def __init__(self) -> None:
        self.pending: list[tuple[str, Kind, asyncio.Future[Vectors]]] = []
        self.running = False
        self.worker: asyncio.Task[None] | None = None  # kept so it is not collected mid-run


class EmbedBatcher:
    """`await batcher.embed(text)`: one row, computed in a worker thread, batched with others."""

    def __init__(self, encoder: Callable[[], Encoder] | None = None) -> None:
        self._encoder = encoder or _default
        self._queues: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Queue] = (
            weakref.WeakKeyDictionary()
        )
        self._warming: set[asyncio.Task[Vectors]] = set()

    async def embed(self, text: str, kind: Kind = "query") -> Vectors:
        """The embedding of `text` (one 1-d row)."""
        loop = asyncio.get_running_loop()
        queue = self._queues.setdefault(loop, _Queue())
        future: asyncio.Future[Vectors] = loop.create_future()
        queue.pending.append((text, kind, future))
        if not queue.running:
            queue.running = True
            queue.worker = loop.create_task(self._drain(queue))
        return await future

    def warm(self, text: str, kind: Kind = "query") -> None:
        """Embed `text` in the background (into the encoder's cache), nobody waiting for it."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # called outside the event loop: nothing to run it on
            return
        task = loop.create_task(self.embed(text, kind))
        self._warming.add(task)  # the loop keeps only weak references to tasks
        task.add_done_callback(self._warmed)

    async def settled(self) -> None:
        """Return once the background embeddings started so far are done (benches, tests)."""
        while self._warming:
            await asyncio.wait(set(self._warming))

    def _warmed(self, task: asyncio.Task[Vectors]) -> None:
        self._warming.discard(task)
        # An encoder that fails now fails again, in the open, when the text is needed.
        if not task.cancelled():
            task.exception()

    async def _drain(self, queue: _Queue) -> None:
        try:
            while queue.pending:
                batch, queue.pending = queue.pending[:MAX_BATCH], queue.pending[MAX_BATCH:]
                for kind in {k for _, k, _ in batch}:
                    items = [(t, f) for t, k, f in batch if k == kind]
                    try:
                        rows = await asyncio.to_thread(
                            self._encoder().embed, [t for t, _ in items], kind
                        )
                    except Exception as exc:  # the waiting replies decide what to do without it
                        for _, future in items:
                            if not future.done():
                                future.set_exception(exc)
                        continue
                    for (_, future), row in zip(items, rows, strict=True):
                        if not future.done():
                            future.set_result(row)
        finally:
            queue.running = False


def _default() -> Encoder:
    from bot.core.encoder import default_encoder  # numpy loads with the first question

    return default_encoder()
