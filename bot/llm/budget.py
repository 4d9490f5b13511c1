"""Per-rep daily token budget, and token usage and estimated cost recorded per session."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from bot.errors import BudgetExhausted

#: USD per million tokens (input, output); unknown and self-hosted models count as free.
PRICES_PER_MTOK: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-5-nano": (0.05, 0.40),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5": (1.25, 10.00),
}


def estimate_cost(model: str, tokens_in: int, tokens_out: int) -> float:
    """Estimated USD cost of one call; dated snapshots ("gpt-4o-mini-2024-07-18") match by prefix."""
    name = model.lower().rsplit("/", 1)[-1]
    matches = [key for key in PRICES_PER_MTOK if name == key or name.startswith(key + "-")]
    if not matches:
        return 0.0
    price_in, price_out = PRICES_PER_MTOK[max(matches, key=len)]
    return (tokens_in * price_in + tokens_out * price_out) / 1_000_000


def utc_day(now: datetime | None = None) -> str:
    """Today's date in UTC (budgets reset at midnight UTC)."""
    return (now or datetime.now(UTC)).date().isoformat()


class UsageLedger(Protocol):
    """Where spent tokens per rep and day are kept; the store can satisfy this."""

    async def spent(self, user_id: str, day: str) -> int:
        """Tokens the rep has used on `day`."""
        ...

    async def add(self, user_id: str, day: str, tokens: int) -> int:
        """Add tokens to the rep's day and return the new total."""
        ...


@dataclass
class MemoryLedger:
    """A ledger kept in memory (tests, single-process use)."""

    totals: dict[tuple[str, str], int] = field(default_factory=dict)

    async def spent(self, user_id: str, day: str) -> int:
        """Tokens the rep has used on `day`."""
        return self.totals.get((user_id, day), 0)

    async def add(self, user_id: str, day: str, tokens: int) -> int:
        """Add tokens to the rep's day and return the new total."""
        total = self.totals.get((user_id, day), 0) + tokens
        self.totals[(user_id, day)] = total
        return total


class KeyValueTable(Protocol):
    """The part of a store table (`AsyncStore.table(name)`) a ledger needs."""

    async def get(self, key: str) -> dict[str, Any] | None:
        """The document under `key`, or None."""
        ...

    async def upsert(self, key: str, doc: dict[str, Any]) -> dict[str, Any]:
        """Add or replace the document under `key`."""
        ...


@dataclass
class TableLedger:
    """A ledger kept in a store table, one document per rep and day (e.g. table "llm_usage")."""

    table: KeyValueTable
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)

    async def spent(self, user_id: str, day: str) -> int:
        """Tokens the rep has used on `day`."""
        doc = await self.table.get(f"{user_id}:{day}")
        return int(doc.get("tokens", 0)) if doc else 0

    async def add(self, user_id: str, day: str, tokens: int) -> int:
        """Add tokens to the rep's day and return the new total."""
        async with self._lock:  # customer and judge of one turn record at the same time
            total = await self.spent(user_id, day) + tokens
            doc = {"user_id": user_id, "day": day, "tokens": total}
            await self.table.upsert(f"{user_id}:{day}", doc)
        return total


@dataclass
class TokenBudget:
    """A daily token allowance per rep; 0 means no limit."""

    ledger: UsageLedger
    daily_tokens: int
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)

    async def check(self, user_id: str) -> None:
        """Raise BudgetExhausted when the rep has spent today's allowance."""
        if self.daily_tokens <= 0:
            return
        spent = await self.ledger.spent(user_id, utc_day(self.clock()))
        if spent >= self.daily_tokens:
            raise BudgetExhausted(
                f"Today's AI budget of {self.daily_tokens:,} tokens is spent ({spent:,} used). "
                "It resets at midnight UTC; until then the offline engine plays your sessions. "
                "An admin can raise SALESCOACH_DAILY_TOKEN_BUDGET."
            )

    async def charge(self, user_id: str, tokens: int) -> int:
        """Record tokens spent by the rep today; returns today's total."""
        return await self.ledger.add(user_id, utc_day(self.clock()), tokens)


@dataclass
class Meter:
    """Counts one session's LLM use while a turn runs; found by the client via a context var."""

    usage: dict[str, float]  # the Session.usage dict, updated in place
    user_id: str | None = None
    budget: TokenBudget | None = None
    notes: list[str] = field(default_factory=list)

    async def before_call(self) -> None:
        """Stop before calling the provider when the rep's budget is spent."""
        if self.budget is not None and self.user_id is not None:
            await self.budget.check(self.user_id)

    async def record(self, model: str, tokens_in: int, tokens_out: int) -> None:
        """Add one call's tokens and estimated cost to the session and the rep's day."""
        for key, value in (
            ("tokens_in", tokens_in),
            ("tokens_out", tokens_out),
            ("cost_usd", estimate_cost(model, tokens_in, tokens_out)),
            ("llm_calls", 1),
        ):
            self.usage[key] = round(self.usage.get(key, 0) + value, 6)
        if self.budget is not None and self.user_id is not None:
            await self.budget.charge(self.user_id, tokens_in + tokens_out)

    def fallback(self, note: str | None = None) -> None:
        """Count a turn part played offline; keep its note for the front end."""
        self.usage["fallbacks"] = self.usage.get("fallbacks", 0) + 1
        if note:
            self.notes.append(note)


_METER: ContextVar[Meter | None] = ContextVar("salescoach_meter", default=None)


def current_meter() -> Meter | None:
    """The meter of the turn being played, if any."""
    return _METER.get()


@contextmanager
def metering(meter: Meter) -> Iterator[Meter]:
    """Make `meter` current for the calls made inside the block (and tasks started in it)."""
    token = _METER.set(meter)
    try:
        yield meter
    finally:
        _METER.reset(token)
