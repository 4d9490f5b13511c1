"""Whether a reply blames or waits, as the customer hears it: the heads' reading, except that a
plain question about what happened is not blame, nor a question about the need waiting.

Blame is pushing the fault onto the customer or another party ("Ni borde ha skrivit express",
"That's on logistics, not me"). Asking what happened ("How was the order marked?", "Vad stod
det på följesedeln?") is how a rep who owns the problem gets the facts; the heads, trained on
replies where such questions often came with blame, half suspect it. A question counts as plain
when every sentence asks and none carries doubt, negation or fault ("Why didn't you…", "Are you
sure…", "Har ni verkligen…"), so rhetorical blame still reads as blame.

A question that pins the fault on a third party ("Did the printer lose it?", "Var det posten
igen?") is blame too, only hinted: the customer who needs the cards tomorrow hears "not my
fault" and bristles, and such a reply has not owned anything. A question that names the third
party without a failure ("Have you heard from the post office?") still only asks.
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
#: heads often miss, since it has the shape of a question. Doubting a premise ("Are you sure
#: the price is the problem?") is a challenge, not an accusation.
_ACCUSING = re.compile(
    r"\b(?:why (?:didn't|did not|don't|haven't|wasn't|weren't) (?:you|they)|"
    r"(?:didn't|don't|haven't) you|are you sure (?:that )?(?:you|they)|"
    r"did you (?:really|even|actually)|varfor (?:\w+ )?(?:ni|du) inte|"
    r"ar (?:du|ni) (?:saker|sakra) (?:pa )?(?:att )?(?:du|ni|de)|"
    r"(?:har|gjorde|skrev|kollade|fyllde|last[ae]?) (?:ni|du) (?:verkligen|ens|inte))\b"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
#: Someone on the way between rep and customer who could have dropped the ball (folded text).
#: Not suppliers or factories: asking whether the customer's supplier failed is discovery.
_THIRD = (
    r"(?:the |your |our |that |their |my )?(?:printers?|print shop|post office|post|postal service|"
    r"postnord|mail ?man|mail carrier|courier|delivery (?:company|firm|guy|service)|carrier|"
    r"logistics|warehouse|shipping (?:company|firm)|dhl|ups|fedex|schenker|"
    r"it (?:guy|department|dept|team|people)|tryckeri\w*|posten|postgang\w*|brevbarare\w*|"
    r"bud(?:et|firma\w*|bil\w*)|logistik\w*|lager\w*|speditor\w*|transportor\w*|"
    r"it-?(?:killen|avdelning\w*|snubben|personen|folket))"
)
#: Something going wrong: lost, mixed up, late, again.
_FAILED = (
    r"(?:lose|lost|loose|misplace\w*|mess\w*|screw\w*|mix\w*|forg[oe]t\w*|drop\w*|wrong|"
    r"fail\w*|delay\w*|again|tappa\w*|slarva\w*|strula\w*|strul|krangla\w*|fel|glomt?|"
    r"glomde|missa\w*|igen|klanta\w*|sabba\w*|sumpa\w*|blanda\w*)"
)
#: The third party did something wrong ("did the printer lose it"), or is named as the cause
#: ("was it the post office again", "var det posten").
_HINT = re.compile(
    rf"\b{_THIRD}\b(?:\W+\w+){{0,6}}?\W+{_FAILED}\b|"
    rf"\b(?:was|is|could|might|maybe|perhaps|var|ar|kan|kanske)\W+(?:it|det|this|det har)\W+"
    rf"(?:have been |be |vara |ha varit )?(?:that |just )?{_THIRD}\b"
)


def hints_blame(reply: str) -> bool:
    """True when a question of the reply pins what went wrong on a third party."""
    text = fold(reply)
    return any(
        s.rstrip().endswith("?") and _HINT.search(s) is not None for s in _SENTENCE_END.split(text)
    )


def plain_question(reply: str) -> bool:
    """True when every sentence of the reply asks, and none with doubt, negation or fault."""
    text = fold(reply).strip()
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    if not sentences or not all(s.rstrip().endswith("?") for s in sentences):
        return False
    return _LOADED.search(text) is None


def blames(reply: str, blame: float, found: Features, hints_count: bool = False) -> bool:
    """True when the reply pushes fault onto the customer or another party.

    `blame` is the heads' probability; `found` the rule detector's findings. `hints_count`: a
    question hinting at a third party counts as blame (the moment asks the rep to own a problem
    and the reply did not take it on; after owning it, who dropped the ball is a detail)."""
    text = fold(reply)
    if _ACCUSING.search(text) or (hints_count and hints_blame(reply)):
        return True
    cued = found.has("blame") or _FAULT.search(text) is not None
    if plain_question(reply) and not cued:
        return False
    return blame >= SURE or (cued and blame >= CUED)


def waits(reply: str, passive: float, line: float, asks_need: bool) -> bool:
    """True when the reply leaves the next move to the customer: one that ends on a question
    about the need is not waiting, however the heads read it."""
    return passive >= line and not (asks_need and reply.rstrip().endswith("?"))
