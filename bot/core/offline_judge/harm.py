"""Whether a reply blames or waits, as the customer hears it: the heads' reading, except that a
plain question about what happened is not blame, nor a question about the need waiting.

Blame is pushing the fault onto the customer or another party ("Ni borde ha skrivit express",
"That's on logistics, not me"). Asking what happened ("How was the order marked?", "Vad stod
det på följesedeln?") is how a rep who owns the problem gets the facts; the heads, trained on
replies where such questions often came with blame, half suspect it. A question counts as plain
when every sentence asks and none carries doubt, negation or fault ("Why didn't you…", "Are you
sure…", "Har ni verkligen…"), so rhetorical blame still reads as blame.
"""

from __future__ import annotations

import re

from bot.core.offline_judge.model import Features
from bot.core.offline_judge.patterns import fold

#: Below this the heads' blame reading does not count on its own.
SURE = 0.8
#: With fault words or the rules' own finding, blame counts from here.
CUED = 0.2
#: Words that make a question rhetorical: doubt, negation, fault.
_LOADED = re.compile(
    r"n't\b|\b(?:not|never|nobody|no one|sure|should|fault|blame|"
    r"inte|aldrig|ingen|ingenting|saker|borde|skulle ha|skyll\w*|slarv\w*)\b"
)
#: Fault pushed onto someone, said outright.
_FAULT = re.compile(
    r"\b(?:should have|should've|shouldn't have|(?:your|their|his|her|its) (?:fault|mistake)|"
    r"(?:is|was|it's|that's) on (?:you|them|logistics|the \w+)|to blame|"
    r"borde (?:ha|ni|du)|(?:ert|ditt|deras|hans|hennes|logistikens|tryckeriets|postens) fel)\b"
)
#: A question that accuses the customer ("Why didn't you…", "Are you sure you…"): blame the
#: heads often miss, since it has the shape of a question.
_ACCUSING = re.compile(
    r"\b(?:why (?:didn't|did not|don't|haven't|wasn't|weren't) (?:you|they)|"
    r"(?:didn't|don't|haven't) you|are you sure|did you (?:really|even|actually)|"
    r"varfor (?:\w+ )?(?:ni|du) inte|ar (?:du|ni) (?:saker|sakra)|"
    r"(?:har|gjorde|skrev|kollade|fyllde|last[ae]?) (?:ni|du) (?:verkligen|ens|inte))\b"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def plain_question(reply: str) -> bool:
    """True when every sentence of the reply asks, and none with doubt, negation or fault."""
    text = fold(reply).strip()
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    if not sentences or not all(s.rstrip().endswith("?") for s in sentences):
        return False
    return _LOADED.search(text) is None


def blames(reply: str, blame: float, found: Features) -> bool:
    """True when the reply pushes fault onto the customer or another party.

    `blame` is the heads' probability; `found` the rule detector's findings."""
    text = fold(reply)
    if _ACCUSING.search(text):
        return True
    cued = found.has("blame") or _FAULT.search(text) is not None
    if plain_question(reply) and not cued:
        return False
    return blame >= SURE or (cued and blame >= CUED)


def waits(reply: str, passive: float, line: float, asks_need: bool) -> bool:
    """True when the reply leaves the next move to the customer: one that ends on a question
    about the need is not waiting, however the heads read it."""
    return passive >= line and not (asks_need and reply.rstrip().endswith("?"))
