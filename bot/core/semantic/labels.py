"""Move labels for training: from the outside sets' criterion grades, or from the one-line reason
our own graders wrote."""

from __future__ import annotations

import re

from bot.core.semantic.data import Row
from bot.core.semantic.heads import MOVES

# Bad moves in our own rounds come from the grader's one-line reason.
_WHY = {
    "gives_price": r"discount|cav|rabatt|ger bort|ger efter|gives? away|prutar|sänker priset",
    "blames": r"blam|skyll|skuld|another department|annan avdelning",
    "sarcasm": r"sarcas|sarkas|condescend|nedlåt|ironi|rude|otrevl|spydig|insult|förolämp|hån",
    "passive": r"passiv|waits|väntar|mature|mogna|let me know|hör av dig",
}


# Good moves in our own rounds come from the grader's reason too, unless negated ("no question").
_WHY_GOOD = {
    "asks_need": r"asks|question|fråg|\bneed|behov|discover|\bwhy\b|varför",
    "challenges": r"challeng|utman|ifrågasätt|pushes back|reframe",
    "insight": r"insight|insikt|example|exempel|experience|erfarenhet|consequence|konsekvens|"
    r"number|siffr|\bvalue\b|värde",
    "owns": r"\bowns?\b|ownership|ansvar|takes (?:it )?on|tar på sig|\bfix|löser|personally|själv",
    "step": r"step|steg|meeting|möte|\bcall|ring|visit|besök|demo",
    "dated_step": r"dated|daterat|day and time|dag och tid|\btime\b|\btid\b",
}
_NEGATION = re.compile(
    r"(?:\bno|without|utan|inte|ingen|inget|lacks?|saknar|never|aldrig)\W+(?:\w+\W+){0,2}$"
)


def _from_why(why: str, pattern: str) -> float | None:
    """1 when the reason names the move, 0 when it names it negated, None when silent."""
    found = None
    for m in re.finditer(pattern, why):
        if _NEGATION.search(why[: m.start()]):
            found = 0.0 if found is None else found
        else:
            return 1.0
    return found


def move_labels(r: Row) -> dict[str, float]:
    """Move labels for one row; NaN where the row says nothing about that move."""
    nan = float("nan")
    out = dict.fromkeys(MOVES, nan)
    why = r.why.lower()
    for move, pattern in _WHY.items():
        if re.search(pattern, why):
            out[move] = 1.0
        elif r.grade >= 2 or r.criteria is not None:
            out[move] = 0.0
    c = r.criteria
    if c is None:
        for move, pattern in _WHY_GOOD.items():
            said = _from_why(why, pattern)
            if said is not None:
                out[move] = said
            elif r.grade <= 1:
                out[move] = 0.0
        return out

    def at_least(cid: str, level: int) -> float:
        v = c.get(cid)
        return 1.0 if v is not None and v >= level else 0.0

    def made(cid: str) -> float:
        """Like at_least(cid, 3), but unknown where the grader marked the criterion "does not
        apply": a reply there was not graded on it, and a 0 would teach the head that nobody
        challenges after a customer tells a fact (the moment, not the reply)."""
        return nan if c.get(cid) is None else at_least(cid, 3)

    # A move is made at 3 ("asks a question", "a concrete step"); 4-5 is doing it well.
    out["asks_need"] = at_least("discover_need", 3)
    out["challenges"] = made("challenge")
    out["insight"] = at_least("insight", 3)
    out["owns"] = at_least("ownership", 3)
    out["step"] = at_least("next_step", 3)
    out["dated_step"] = at_least("next_step", 5)
    respect = c.get("respect")
    if respect is not None and respect <= 2:
        out["sarcasm"] = 1.0
    step = c.get("next_step")
    if out["passive"] != 1.0:
        out["passive"] = 1.0 if step is not None and step <= 2 and r.grade <= 2 else 0.0
    return out
