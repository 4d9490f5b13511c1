"""Evidence for the learned judge: the sentence of the reply that shows each move it made."""

from __future__ import annotations

import re

from bot.core.judgement import Evidence
from bot.core.offline_judge.model import Features
from bot.core.offline_judge.patterns import Sentence, sentences
from bot.core.semantic.features import TIME_RE

_LIMIT = 8
_FIRST_PERSON = re.compile(r"\b(?:jag|i|i'll|i'm|i've|me|mig|my|min|mitt|we|vi|we'll)\b", re.I)
_GUARD_CRITERION = {
    "injection": "respect",
    "stuffing": "discover_need",
    "filler": "respect",
    "off_topic": "discover_need",
    "rude": "respect",
    "discount": "challenge",
}


def meaningful(quote: str) -> bool:
    """A quote worth showing: at least two words and a few letters, not a lone "Men"."""
    return len(quote.split()) >= 2 and sum(ch.isalpha() for ch in quote) >= 6


def _pick(criterion: str, sents: list[Sentence]) -> Sentence | None:
    questions = [s for s in sents if s.question]
    if criterion in ("discover_need", "challenge") and questions:
        return questions[0]
    if criterion == "next_step":
        timed = [s for s in sents if TIME_RE.search(s.text)]
        chosen = timed or sents[-1:]
        return chosen[0] if chosen else None
    if criterion == "insight":
        numbered = [s for s in sents if re.search(r"\d", s.text) and not s.question]
        plain = [s for s in sents if not s.question]
        ranked = numbered or sorted(plain, key=lambda s: -len(s.text))
        return ranked[0] if ranked else None
    if criterion == "ownership":
        own = [s for s in sents if _FIRST_PERSON.search(s.text) and not s.question]
        return own[0] if own else None
    return None


def gather(
    reply: str,
    criteria: dict[str, int | None],
    found: Features,
    fired: dict[str, list[str]],
    bad_moves: dict[str, str],
    moved: set[str],
) -> tuple[Evidence, ...]:
    """Quotes that earned points (criteria at 4+ or moved by the reply) and quotes that lost
    them (guards, harmful moves)."""
    out: list[Evidence] = []
    seen: set[tuple[str, str]] = set()

    def add(criterion: str, quote: str, effect: str) -> None:
        quote = quote.strip()
        if criterion in criteria and criteria[criterion] is None:
            criterion = "respect"
        if meaningful(quote) and quote in reply and (criterion, quote) not in seen:
            seen.add((criterion, quote))
            out.append(Evidence(criterion, quote, "+" if effect == "+" else "-"))

    for guard, quotes in fired.items():
        for q in quotes or ([reply] if guard in ("filler", "off_topic") else []):
            add(_GUARD_CRITERION[guard], q, "-")
    for criterion, kind in bad_moves.items():
        for hit in found.hits.get(kind, [])[:1]:
            add(criterion, reply[hit.start : hit.end], "-")
    if not fired:
        sents = sentences(reply)
        for criterion, score in criteria.items():
            if score is not None and (score >= 4 or (criterion in moved and score >= 3)):
                s = _pick(criterion, sents)
                if s is not None:
                    add(criterion, s.text[:160].strip(), "+")
    return tuple(out[:_LIMIT])
