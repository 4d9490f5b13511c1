"""What the customer understands of a rep's reply: which hidden fact it asks about, whether it
asks for something the customer won't tell, and which time slot it proposes.

Facts are matched by meaning with the sentence encoder (the reply against each fact in both
languages, and against each of its sentences), plus a small bonus for shared word stems so
typed-in-a-hurry Swedish without å/ä/ö still lands. Fact embeddings are computed once per
scenario and cached.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core.judgement import Signal
from bot.core.scenarios import Scenario
from bot.core.slots import Slot, find_slot, fold

if TYPE_CHECKING:  # numpy and the encoder load with the first question, not with `chat`
    import numpy as np

    from bot.core.encoder import Encoder, Vectors

#: A question this much closer to a fact than to the average of the customer's facts asks about
#: it, even when the judge saw no need question. (e5 similarities all sit around 0.80-0.90, so
#: raw values do not separate "about this" from "about anything".)
TARGET = 0.02
#: A question this close to a fact already told asks for it again.
AGAIN = TARGET + 0.03
#: The same for something the customer won't tell (and closer than any fact).
SECRET = 0.03
STEM_BONUS = 0.03  # per shared word stem

_QUESTION_START = re.compile(
    r"^(?:vad|hur|nar|vem|vilken|vilket|vilka|varfor|var|har|ar|kan|far|finns|ska|brukar|"
    r"tycker|vill|blir|gar|what|how|when|who|which|why|where|do|does|did|is|are|was|were|"
    r"have|has|can|could|would|will|any)\b"
)
_ASKING = re.compile(r"\b(?:beratta|tell me|undrar|wonder|curious|nyfiken|fundera[rt]? pa)\b")
_PROPOSING = re.compile(
    r"\b(?:ses|ses vi|traffas|traffa|mote|motet|moten|boka[rt]?|bokat|pencil+ed|book(?:ed)?|"
    r"meet|meeting|call|ringer|ringa|titta forbi|komma forbi|kommer forbi|come by|come over|"
    r"drop by|stop by|swing by|pop (?:in|by)|passar (?:det|du|er)|funkar (?:det|du|er)|"
    r"fungerar det|does (?:that|it) work|works? for (?:you|me)|suits? (?:you|me)|see you|"
    r"passar (?:mig|bra)|funkar (?:for mig|bra)|how about|what about|"
    r"vad sags om|hur later|jag kommer|i'll come|i'll be|i will come|demo|visit|besok|"
    r"provtur|provkor|test ride|invite|inbjudan|kalender|calendar|slot|tid for)\b"
)
_STOP = frozenset(
    [
        "att",
        "och",
        "som",
        "har",
        "inte",
        "med",
        "till",
        "den",
        "det",
        "var",
        "vad",
        "hur",
        "nar",
        "vem",
        "ska",
        "kan",
        "era",
        "jag",
        "dig",
        "min",
        "mitt",
        "din",
        "ditt",
        "eller",
        "men",
        "nagon",
        "nagot",
        "ingen",
        "inga",
        "mycket",
        "bara",
        "också",
        "ocksa",
        "redan",
        "the",
        "and",
        "you",
        "your",
        "what",
        "how",
        "when",
        "who",
        "does",
        "did",
        "have",
        "has",
        "with",
        "that",
        "this",
        "are",
        "for",
        "from",
        "our",
        "there",
        "they",
        "them",
        "about",
        "been",
        "into",
    ]
)


@dataclass(frozen=True)
class Reading:
    """What the customer made of one reply."""

    question: bool = False
    fact: int | None = None  # the unrevealed hidden fact the reply asks about (best match)
    targeted: bool = False  # the question is clearly about that fact (not just open)
    asked_again: int | None = None  # a fact the customer has already told, asked for again
    secret: int | None = None  # a `will_not_reveal` item the reply asks about
    slot: Slot | None = None  # a time slot the reply proposes


def stems(text: str) -> frozenset[str]:
    """Content-word stems (first five letters, folded) for a little lexical help."""
    # "i morgon" and "imorgon", "i kväll" and "ikvall" are the same word to a rep in a hurry.
    folded = re.sub(r"\bi\s+(morgon|morn|kvall|eftermiddag)\b", r"i\1", fold(text))
    return frozenset(
        w[:5] for w in re.findall(r"[a-z0-9]+", folded) if len(w) >= 4 and w not in _STOP
    )


def is_question(text: str) -> bool:
    """True when the reply asks something (a question mark, a question word, "tell me")."""
    folded = fold(text)
    if "?" in folded or _ASKING.search(folded):
        return True
    return any(_QUESTION_START.match(s.strip()) for s in re.split(r"[.!\n]", folded))


def asked(text: str) -> str:
    """The sentences of the reply that ask something (what facts are matched against), or the
    whole reply when no single sentence does; at most the last 300 characters."""
    parts = re.split(r"(?<=[.!?])\s+|\n+", text.strip())
    asking = [p for p in parts if p and is_question(p)]
    return (" ".join(asking) or text.strip())[-300:]


def needs_meaning(text: str) -> str | None:
    """The text the listener will embed for this reply, or None when it won't need the encoder
    (no question, or a time slot, which is answered as a slot)."""
    if not is_question(text) or proposed_slot(text, frozenset()) is not None:
        return None
    return asked(text)


def proposed_slot(text: str, signals: frozenset[Signal]) -> Slot | None:
    """The slot the reply proposes: a day or time with a meeting move around it."""
    slot = find_slot(text)
    if slot is None:
        return None
    if _PROPOSING.search(fold(text)):
        return slot
    if signals & {Signal.NEXT_STEP, Signal.DATED_NEXT_STEP} and _offered(text):
        return slot
    return None


#: Words that open a question about the customer's situation, not an offer of a time.
_ABOUT_THEM = re.compile(
    r"^(?:vad|hur|vem|vilken|vilket|vilka|varfor|what|what's|how|who|which|why)\b"
)


def _offered(text: str) -> bool:
    """Whether a day or time stands in a sentence that offers it: "what's happening tomorrow
    that you need the cards for?" asks about the customer's day and proposes nothing."""
    sentences = re.split(r"(?<=[.!?])\s+|\n+", fold(text).strip())
    return any(find_slot(s) is not None and not _ABOUT_THEM.match(s.strip()) for s in sentences)


@dataclass(frozen=True)
class _Bank:
    """One scenario's facts and secrets as rows, each row tagged with what it belongs to."""

    rows: Vectors
    owners: np.ndarray  # row -> item index (facts first, then secrets)
    n_facts: int
    stems: tuple[frozenset[str], ...]


class Listener:
    """Reads replies against a scenario's hidden facts; fact embeddings cached per scenario."""

    def __init__(self, encoder: Encoder | None = None) -> None:
        self._encoder = encoder
        self._banks: dict[tuple[str, ...], _Bank] = {}
        self._lock = threading.Lock()
        self._build = threading.Lock()  # one thread embeds a bank; replies arriving meanwhile wait

    @property
    def encoder(self) -> Encoder:
        """The encoder in use (the process-wide one unless given)."""
        from bot.core.encoder import default_encoder

        return self._encoder or default_encoder()

    def prepare(self, scenario: Scenario) -> None:
        """Embed the scenario's facts now (e.g. while the rep reads the first line)."""
        self._bank(scenario)

    def read(
        self,
        scenario: Scenario,
        reply: str,
        signals: frozenset[Signal] = frozenset(),
        told: int = 0,
        vector: Vectors | None = None,
    ) -> Reading:
        """What this reply asks or proposes; `told` is the bitmask of facts already shared."""
        import numpy as np

        question = is_question(reply)
        slot = proposed_slot(reply, signals)
        if slot is not None or not question:  # a proposal is answered as a proposal
            return Reading(question=question, slot=slot)
        scores = self.scores(scenario, reply, vector)
        n = len(scenario.hidden.reveals)
        facts, secrets = scores[:n], scores[n:]
        best = int(np.argmax(facts))
        if secrets.size and secrets.max() >= max(SECRET, facts[best] + 0.015):
            return Reading(question=True, secret=int(np.argmax(secrets)))
        untold = [i for i in range(n) if not told >> i & 1]
        runner = max(untold, key=lambda i: facts[i], default=None)
        clearly_again = runner is None or facts[best] - facts[runner] >= 0.02
        # A challenge that builds on a told fact uses it ("is cheapest really smart with a
        # 25-year-old boiler?"); it does not ask for it again.
        builds_on = Signal.CHALLENGE in signals
        if told >> best & 1 and facts[best] >= AGAIN and clearly_again and not builds_on:
            return Reading(question=True, asked_again=best)
        if runner is None:
            return Reading(question=True)
        targeted = bool(facts[runner] >= TARGET)
        if not targeted and Signal.QUESTION_NEED not in signals:
            return Reading(question=True)
        return Reading(question=True, fact=runner, targeted=targeted)

    def scores(self, scenario: Scenario, reply: str, vector: Vectors | None = None) -> Vectors:
        """Similarity of the reply's asking sentences to each fact, then each secret (max over
        rows, relative to the average fact, + shared stems); `vector` embeds `asked(reply)`."""
        import numpy as np

        reply = asked(reply)
        bank = self._bank(scenario)
        items = bank.n_facts + len(scenario.hidden.will_not_reveal)
        out = np.full(items, -1.0, dtype=np.float32)
        if vector is None and bank.rows.size:
            vector = self._embed(reply)
        if vector is not None and bank.rows.size:
            np.maximum.at(out, bank.owners, bank.rows @ vector)
            out -= float(np.mean(out[: bank.n_facts]))  # stand out from this customer's facts
        else:
            out[:] = 0.0  # no encoder: stems alone decide
        reply_stems = stems(reply)
        bonus = [STEM_BONUS * len(reply_stems & s) for s in bank.stems]
        return out + np.asarray(bonus, dtype=np.float32)

    def ready(self, scenario: Scenario) -> bool:
        """True once the scenario's facts are embedded."""
        with self._lock:
            return self._key(scenario) in self._banks

    def _embed(self, reply: str) -> Vectors | None:

        try:
            return self.encoder.embed([reply], "query")[0]
        except Exception:  # no encoder on this machine: word stems decide
            return None

    @staticmethod
    def _key(scenario: Scenario) -> tuple[str, ...]:
        items = [*scenario.hidden.reveals, *scenario.hidden.will_not_reveal]
        return (scenario.id, *(item(lang) for item in items for lang in ("sv", "en")))

    def _bank(self, scenario: Scenario) -> _Bank:
        key = self._key(scenario)
        with self._lock:
            bank = self._banks.get(key)
        if bank is not None:
            return bank
        with self._build:
            with self._lock:
                bank = self._banks.get(key)
            if bank is None:
                bank = self._embed_bank(scenario)
                with self._lock:
                    self._banks[key] = bank
            return bank

    def _embed_bank(self, scenario: Scenario) -> _Bank:
        import numpy as np

        items = [*scenario.hidden.reveals, *scenario.hidden.will_not_reveal]
        texts = [(item("sv"), item("en")) for item in items]
        rows: list[str] = []
        owners: list[int] = []
        for index, pair in enumerate(texts):
            for text in pair:
                sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s]
                for part in [text, *sentences] if len(sentences) > 1 else [text]:
                    rows.append(part)
                    owners.append(index)
        try:
            vectors = self.encoder.embed(rows, "passage")
        except Exception:  # no encoder on this machine: fall back to word stems
            vectors = np.zeros((0, 0), dtype=np.float32)
        return _Bank(
            rows=vectors,
            owners=np.asarray(owners),
            n_facts=len(scenario.hidden.reveals),
            stems=tuple(stems(sv) | stems(en) for sv, en in texts),
        )
