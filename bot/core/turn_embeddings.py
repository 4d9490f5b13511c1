"""What one turn needs embedded, embedded once and ahead of the judge and the listener.

The judge's texts (the reply, the customer's line) and the listener's asking sentences go to the
encoder's one worker thread together, batched with the texts of other reps who wrote at the same
moment (`bot.core.embed_batch`); the judge then finds its rows in the encoder's cache. A row does
not depend on its batch, so neither does a score. The customer's new line is embedded in the
background while the rep reads it, for the next turn's judge.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.core.embed_batch import EmbedBatcher
from bot.core.judgement import JudgeRequest

if TYPE_CHECKING:
    from bot.core.encoder import Encoder, Vectors

JudgeTexts = Callable[[JudgeRequest], tuple[str, ...]]


class TurnEmbeddings:
    """Embeds a turn's texts ahead, each once; `judge_texts` names what the judge embeds."""

    def __init__(self, judge_texts: JudgeTexts, listener_encoder: Callable[[], Encoder]) -> None:
        self._judge_texts = judge_texts
        self._listener_encoder = listener_encoder
        self._shared = EmbedBatcher()  # the process-wide encoder, which the judge reads
        self._own = EmbedBatcher(listener_encoder)

    async def ahead(self, request: JudgeRequest, focus: str | None) -> Vectors | None:
        """Embed the judge's texts and the listener's `focus` at once; `focus`'s row (None
        without focus or without an encoder: the customer then listens by word stems)."""
        import asyncio

        judged = [self._embed(t, self._shared) for t in self._judge_texts(request)]
        if not focus:
            await asyncio.gather(*judged)
            return None
        *_, row = await asyncio.gather(*judged, self._embed(focus, self._for_listener()))
        return row

    def customer_said(self, request: JudgeRequest, line: str) -> None:
        """Embed, in the background, what the next turn's judge will read of `line`."""
        now = set(self._judge_texts(request))
        for text in set(self._judge_texts(replace(request, customer_line=line))) - now:
            self._shared.warm(text, "query")

    async def settled(self) -> None:
        """Return once the background embeddings are done (what a rep's reading time covers)."""
        await self._shared.settled()

    @staticmethod
    async def _embed(text: str, batcher: EmbedBatcher) -> Vectors | None:
        try:
            return await batcher.embed(text, "query")
        except Exception:  # no encoder: the judge reports it; the customer listens by stems
            return None

    def _for_listener(self) -> EmbedBatcher:
        from bot.core.encoder import default_encoder

        # One queue for the turn's texts unless the listener was given an encoder of its own.
        return self._shared if self._listener_encoder() is default_encoder() else self._own
