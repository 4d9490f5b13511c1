"""Commitments with a time, and vague promises: how concrete the rep's own act is."""

from __future__ import annotations

from bot.core.offline_judge.model import Features
from bot.core.offline_judge.patterns import TIME, Sentence, compile_folded

#: "I'll issue a corrected invoice today before 3", "jag lägger er order på första bilen i morgon":
#: a first-person act in the same sentence as a time. Looking, asking and passing on do not count.
_TIMED_ACT = compile_folded(
    r"(?<!\w)(?:i(?:'ll| will|'m going to| am going to)|we(?:'ll| will)) (?:personally |also |then )?"
    r"(?!look|check|see|try|ask|talk|speak|pass|forward|escalate|get back|let|be in touch|contact|find out"
    r"|investigate|raise|log|need|have to|hope|think|wait)[^\W\d_]+"
    r"|(?<!\w)(?:jag|vi) (?:ska |kommer att )?(?!kollar|kolla|undersöker|undersöka|återkommer|återkomma|pratar"
    r"|prata|frågar|fråga|hör|höra|försöker|försöka|tittar|titta|skickar vidare|förstår|hoppas|tror|behöver"
    r"|måste|väntar|vet|kan inte|har)[^\W\d_]+(?:ar|er|ör|ger)(?!\w)"
)
#: "I'll make sure it gets fixed", "jag ska se till att det blir rättat": a promise about "it", not an act.
_VAGUE_ACT = compile_folded(
    r"(?:make sure|ensure|see to it|take care of|se till|ser till|ta hand om|tar hand om)"
    r"(?: that| att)? (?:it|this|that|det|detta|den)(?!\w)"
)


def refine_acts(f: Features, sents: list[Sentence], blamed: bool) -> None:
    """Find timed first-person acts (`timed_act`, counted for complaints only); demote a lone, untimed
    vague promise from `own_act` to `own_check`."""
    for s in sents:
        if blamed or not TIME.search(s.low) or s.question:
            continue
        found = f.spans(_TIMED_ACT, s.start, s.end)
        if found:
            f.hits["timed_act"] = f.hits.get("timed_act", []) + found[:1]
    acts = f.hits.get("own_act", [])
    if acts and not TIME.search(f.low) and all(_vague(f.low, h.start, h.end) for h in acts):
        f.hits["own_check"] = f.hits.get("own_check", []) + acts
        f.hits["own_act"] = []


def _vague(low: str, start: int, end: int) -> bool:
    return _VAGUE_ACT.search(low, start, min(len(low), end + 12)) is not None
