"""Find what a reply does: the moves and the failures, with the words that show it."""

from __future__ import annotations

import re

from bot.core.offline_judge.acts import refine_acts
from bot.core.offline_judge.lexicon import (
    asking,
    blame,
    challenge,
    empathy,
    gaming,
    ideas,
    insight,
    need,
    orders,
    ownership,
    passive,
    price,
    shrug,
    steps,
    tone,
)
from bot.core.offline_judge.model import Features, Hit
from bot.core.offline_judge.patterns import (
    IMMEDIATE,
    TIME,
    VAGUE_TIME,
    WORD,
    Sentence,
    compile_folded,
    fold,
    sentences,
    words,
)
from bot.core.offline_judge.tricks import find_tricks

_NEGATED = compile_folded(r"(?:not|inte|isn't|no|aldrig|never|won't|n't)\W*$")
_NEG_WORD = compile_folded(r"(?:not|inte|isn't|no|aldrig|never)\b")
_NEG_INSIDE = compile_folded(r"\s(?:inte|not|aldrig|never)\s")
_STOP = words(
    "about after again also and are because been before being could does from have here "
    "just like more only other over some than that their them then there these they this "
    "those very what when where which while will with would your yours efter också alla "
    "andra bara både eller från inte jag kommer mycket någon något sedan till under vara "
    "vill skulle detta denna dessa kunna mina våra era"
)


def _sentence_hit(s: Sentence, limit: int = 90) -> Hit:
    text = s.text if len(s.text) <= limit else s.text[:limit].rstrip()
    return Hit(s.start, s.start + len(text), text)


def _overlaps(hit: Hit, others: list[Hit]) -> bool:
    return any(hit.start < o.end and o.start < hit.end for o in others)


def _questions(f: Features, sents: list[Sentence]) -> None:
    small_talk = False
    for s in sents:
        q = s.low
        # A follow-up to small talk ("Hur var semestern? Var ni i Grekland?") is small talk too.
        after_small_talk, small_talk = small_talk, bool(gaming.OFF_TOPIC.search(q))
        if (
            not (s.question or asking.PROMPT.search(q))
            or small_talk
            or (after_small_talk and s.question)
            or asking.NOT_ASKING.search(q)
        ):
            continue
        if (
            TIME.search(q)
            and (steps.STEP_STRONG.search(q) or steps.SLOT.search(q))
            and not asking.PROMPT.search(q)
        ):
            continue  # "Could we meet Wednesday at 2 with your team?" proposes; it does not ask
        wh = asking.WH.search(q) is not None or asking.WHEN_PAST.search(q) is not None
        if need.NEED_STRONG.search(q) and not (orders.LOGISTICS.search(q) and not wh):
            f.hits.setdefault("need", []).append(_sentence_hit(s))
            f.need_open = f.need_open or wh or bool(asking.PROMPT.search(q))
        elif orders.LOGISTICS.search(q):
            f.hits.setdefault("logistics", []).append(_sentence_hit(s))
        elif wh and orders.NEED_YOURS.search(q):
            f.hits.setdefault("need", []).append(_sentence_hit(s))
            f.need_open = True
        elif (orders.NEED_WEAK.search(q) or wh) and not TIME.search(q):
            # Any open question about their world is worth something, even without a known anchor.
            f.hits.setdefault("need_weak", []).append(_sentence_hit(s))
            f.need_open = f.need_open or wh


def _steps(f: Features, sents: list[Sentence], waiting: list[Hit]) -> None:
    times = [bool(TIME.search(s.low)) for s in sents]
    for i, s in enumerate(sents):
        if blame.BLAME.search(s.low):
            continue
        # A step is something the rep commits to or proposes, not an instruction to the customer.
        if not (steps.PROPOSE.search(s.low) or (s.question and times[i])):
            continue
        near_time = times[i] or (i > 0 and times[i - 1]) or (i + 1 < len(times) and times[i + 1])
        strong = [
            h for h in f.spans(steps.STEP_STRONG, s.start, s.end) if not _overlaps(h, waiting)
        ]
        if times[i]:
            # "I'll have them at your desk by 8", "den är hos er före 16": a fix with a time is a step.
            strong += f.spans(steps.SLOT, s.start, s.end)
            strong += [h for h in f.hits.get("own_act", []) if s.start <= h.start < s.end]
        offer = steps.PROPOSE.search(s.low) or len(s.low.split()) <= 3
        if not strong and s.question and times[i] and offer and not asking.WH.search(s.low):
            strong = f.spans(
                TIME, s.start, s.end
            )  # "Passar onsdag kl 10?", "ses tis 9?": the time is the offer
        weak = [h for h in f.spans(steps.STEP_WEAK, s.start, s.end) if not _overlaps(h, waiting)]
        if strong:
            f.hits.setdefault("step", []).extend(strong)
            if near_time:
                f.dated = True
                f.hits.setdefault("time", []).extend(f.spans(TIME, s.start, s.end))
            elif VAGUE_TIME.search(s.low):
                f.vague_dated = True
                f.hits.setdefault("time", []).extend(f.spans(VAGUE_TIME, s.start, s.end))
            if steps.PURPOSE.search(s.low):
                f.step_purpose = True
        elif weak:
            f.hits.setdefault("step_weak", []).extend(weak)
            if times[i] or VAGUE_TIME.search(s.low):
                f.weak_dated = True


def _negated_blame(low: str, hit: Hit) -> bool:
    """'Jag skickar inte vidare dig', "I won't pass it on": refusing to pass the buck."""
    part = low[hit.start : hit.end]
    if _NEG_WORD.match(part):
        return False  # "not my department" is the blame itself
    return bool(
        _NEG_INSIDE.search(part) or _NEGATED.search(low[max(0, hit.start - 12) : hit.start])
    )


def _passed_on(low: str, act: Hit, blame_hits: list[Hit]) -> bool:
    """'I'll make sure it is escalated': an act whose object is passing the problem on."""
    return any(
        _overlaps(act, [b])
        or (
            act.start <= b.start <= act.end + 30
            and not re.search(r"[.!?;]", low[act.end : b.start])
        )
        for b in blame_hits
    )


def _clause_before(low: str, start: int) -> str:
    """Up to 40 characters before `start`, within the same sentence."""
    before = low[max(0, start - 40) : start]
    cut = max(before.rfind("."), before.rfind("!"), before.rfind("?"))
    return before[cut + 1 :]


def _content_overlap(reply_tokens: list[str], customer_line: str) -> int:
    stems = {w[:5] for w in WORD.findall(fold(customer_line)) if len(w) >= 5 and w not in _STOP}
    return sum(1 for t in set(reply_tokens) if len(t) >= 5 and t[:5] in stems)


def _echo(reply_tokens: list[str], customer_line: str) -> bool:
    """The customer's own line handed back, give or take a pronoun: it answers nothing."""
    mine = set(reply_tokens)
    theirs = set(WORD.findall(fold(customer_line)))
    return len(mine) >= 3 and len(mine & theirs) >= 0.8 * len(mine)


_SIMPLE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("reflect", orders.REFLECT),
    ("challenge", challenge.CHALLENGE),
    ("evidence", insight.INSIGHT_EVIDENCE),
    ("value", insight.INSIGHT_VALUE),
    ("idea", ideas.INSIGHT_IDEA),
    ("own", ownership.OWN),
    ("own_act", ownership.OWN_ACT),
    ("own_check", ownership.OWN_CHECK),
    ("apology", ownership.APOLOGY),
    ("empathy", empathy.EMPATHY),
    ("price", price.PRICE),
    ("quote_send", price.QUOTE_SEND),
    ("discount", price.DISCOUNT),
    ("blame", blame.BLAME),
    ("shrug", shrug.SHRUG),
    ("passive", passive.PASSIVE),
    ("mature", passive.MATURE),
    ("rude", tone.RUDE),
    ("blunt", tone.BLUNT),
    ("condescend", tone.CONDESCEND),
    ("pushy", tone.PUSHY),
    ("badmouth", tone.BADMOUTH),
    ("injection", gaming.INJECTION),
    ("meta", gaming.META),
    ("off_topic", gaming.OFF_TOPIC),
)


def detect(reply: str, customer_line: str = "") -> Features:
    """Scan a reply (in Swedish, English or both) and return its features."""
    low = fold(reply)
    f = Features(text=reply, low=low)
    tokens = WORD.findall(low)
    f.words = len(tokens)
    f.pronouns = len(gaming.PRONOUN.findall(low))
    for kind, pattern in _SIMPLE:
        found = f.spans(pattern)
        if found:
            f.hits[kind] = found
    # "Not my fault" is the opposite of owning it; "I can't just drop the price" is no discount.
    f.hits["own"] = [
        h for h in f.hits.get("own", []) if not _NEGATED.search(low[max(0, h.start - 8) : h.start])
    ]
    f.hits["blame"] = [h for h in f.hits.get("blame", []) if not _negated_blame(low, h)]
    if price.PRICE_TALK.search(fold(customer_line)):
        f.hits["discount"] = f.hits.get("discount", []) + f.spans(price.SOFT_CAVE)
    f.hits["discount"] = [
        h
        for h in f.hits.get("discount", [])
        if not price.REFUSAL.search(_clause_before(low, h.start))
    ]
    # Logging a ticket is passing the problem on, not acting on it.
    f.hits["own_act"] = [
        h for h in f.hits.get("own_act", []) if not _passed_on(low, h, f.hits["blame"])
    ]
    f.hits.setdefault("passive", [])
    sents = sentences(reply, low)
    refine_acts(f, sents, bool(f.hits["blame"]))
    _questions(f, sents)
    _steps(f, sents, f.hits["passive"] + f.hits.get("mature", []))
    if not any(f.has(k) for k in ("need", "need_weak", "step", "own_act")):
        f.hits["passive"] += f.spans(passive.REASSURE)
    f.specific = bool(insight.SPECIFIC.search(low))
    f.own_timed = bool(TIME.search(low) or IMMEDIATE.search(low))
    f.comply = price.COMPLY.search(low) is not None
    f.overlap = _content_overlap(tokens, customer_line)
    f.echo = _echo(tokens, customer_line)
    commas = low.count(",") + low.count(" and ") + low.count(" och ")
    f.feature_dump = commas >= 4 and len(price.FEATURE.findall(low)) >= 3 and not f.has("need")
    find_tricks(f, tokens, sents)
    return f
