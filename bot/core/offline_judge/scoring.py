"""Turn detected features into 0-5 criterion scores, evidence, signals and overall caps."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from bot.core.judgement import Signal
from bot.core.offline_judge.model import Features, Hit
from bot.core.offline_judge.patterns import compile_folded, words

Effect = Literal["+", "-"]
CRITERIA = ("challenge", "discover_need", "insight", "ownership", "next_step", "respect")
_SHOUT = re.compile(r"(?<!\w)[A-ZÅÄÖ]{3,}(?!\w)")
_ACRONYMS = words(
    "ROI CRM CEO CFO VAT ISO EUR SEK USD DHL UPS PDF API SMS IKEA AB VD KPI ERP HR IT"
)
_BECAUSE = compile_folded(r"(?<!\w)(?:because|since|so that|eftersom|därför|för att|så att)(?!\w)")


@dataclass
class Scored:
    """Per-criterion scores (all criteria), evidence, signals and caps on the overall."""

    scores: dict[str, int]
    evidence: list[tuple[str, str, Effect]] = field(default_factory=list)
    signals: set[Signal] = field(default_factory=set)
    caps: list[tuple[str, int]] = field(default_factory=list)


def _add(
    out: Scored, criterion: str, hits: list[Hit] | None, effect: Effect, limit: int = 2
) -> None:
    for hit in (hits or [])[:limit]:
        if hit.text.strip():
            out.evidence.append((criterion, hit.text.strip(), effect))


def _insight_kinds(f: Features) -> int:
    return sum(1 for k in ("evidence", "value", "idea") if f.has(k))


def _price_only(f: Features) -> bool:
    moves = ("need", "need_weak", "challenge", "own", "own_act", "step")
    asks_price = f.has("price") or f.has("quote_send")
    return asks_price and _insight_kinds(f) == 0 and not any(f.has(k) for k in moves)


def _need(f: Features, out: Scored, complaint: bool) -> int:
    if f.has("need"):
        s = 4 if f.need_open else 3
        if len(f.hits["need"]) >= 2 or f.has("reflect"):
            s += 1
    elif f.has("need_weak"):
        s = 3 if f.need_open else 2
    elif f.has("logistics"):
        s = 2
    else:
        s = 1
    if complaint and (f.has("own_act") or f.has("timed_act")) and s < 3:
        # The need in a complaint is evident; acting on it at once is the right move.
        s = 3
    _add(out, "discover_need", f.hits.get("need") or f.hits.get("need_weak"), "+")
    _add(out, "discover_need", f.hits.get("reflect"), "+", 1)
    return min(s, 3) if f.words <= 3 else s


def _challenge(f: Features, out: Scored) -> int:
    if f.has("challenge"):
        s = 3 + (1 if _insight_kinds(f) or _BECAUSE.search(f.low) else 0)
        s += 1 if f.has("need") or f.has("need_weak") else 0
        _add(out, "challenge", f.hits["challenge"], "+")
    elif f.has("need") or f.has("idea"):
        s = 3
    elif f.has("need_weak"):
        s = 3 if _insight_kinds(f) else 2
    elif (f.has("evidence") or f.has("value")) and not f.feature_dump:
        # Experience that contradicts the customer's premise questions it, even without a "?".
        s = 3 if _insight_kinds(f) >= 2 or _BECAUSE.search(f.low) else 2
    elif f.comply or f.has("price") or f.has("quote_send") or f.has("logistics"):
        s = 1
        _add(out, "challenge", f.hits.get("quote_send") or f.hits.get("price"), "-", 1)
    else:
        s = 2
    if f.has("discount"):
        s = min(s, 1)
        _add(out, "challenge", f.hits["discount"], "-", 1)
    if f.has("rude") or f.has("blunt") or f.has("condescend"):
        s = min(s, 1)
    return s


def _insight(f: Features, out: Scored) -> int:
    kinds = _insight_kinds(f)
    # A number only sharpens evidence or an idea; "saves 5 hours" alone is a sales claim.
    sharp = f.specific and (f.has("evidence") or f.has("idea"))
    s = 1 if kinds == 0 else min(5, 2 + kinds + (1 if sharp else 0))
    for kind in ("evidence", "value", "idea"):
        _add(out, "insight", f.hits.get(kind), "+", 1)
    if f.feature_dump:
        s = min(s, 2)
    if f.has("discount"):
        s = min(s, 2)
        _add(out, "insight", f.hits["discount"], "-", 1)
    if _price_only(f):
        s = 1
        _add(out, "insight", f.hits.get("price") or f.hits.get("quote_send"), "-", 1)
    return s


def _ownership(f: Features, out: Scored, problem: bool) -> int:
    act, own = f.has("own_act") or (problem and f.has("timed_act")), f.has("own")
    if f.has("blame"):
        s = 3 if act else 1
        _add(out, "ownership", f.hits["blame"], "-")
    elif act:
        s = 5 if f.own_timed else 4
    elif own or f.has("own_check"):
        # Claiming it or promising to look into it, without a concrete act: 3 unless a time is given.
        s = 4 if own and f.has("own_check") and f.own_timed else 3
    elif f.has("shrug"):
        s = 1
        _add(out, "ownership", f.hits["shrug"], "-", 1)
    elif f.has("apology"):
        s = 3 if f.has("need") or f.has("need_weak") else 2
    else:
        # Ignoring a problem the customer raised fails; with no problem on the table it is neutral.
        s = 1 if problem else 2
    for kind in ("own", "own_act", "own_check"):
        _add(out, "ownership", f.hits.get(kind), "+", 1)
    return s


def _next_step(f: Features, out: Scored) -> int:
    if f.dated:
        s = 5 if f.step_purpose or len(f.hits.get("time", [])) >= 2 else 4
    elif f.has("step") or f.vague_dated or f.weak_dated:
        s = 3
    elif f.has("step_weak"):
        s = 2
    else:
        s = 1
    _add(out, "next_step", f.hits.get("step"), "+", 1)
    _add(out, "next_step", f.hits.get("time"), "+", 1)
    if f.has("mature"):
        s = min(s, 2) if f.has("step") else 0
        _add(out, "next_step", f.hits["mature"], "-", 1)
    elif f.has("passive") and not f.has("step"):
        s = min(s, 1)
        _add(out, "next_step", f.hits["passive"], "-", 1)
    return s


def hollow(f: Features, complaint: bool, problem: bool) -> bool:
    """Words about a problem and no more ("so sorry, I'll look into it"): no act, time or question."""
    if not complaint or not (problem or any(f.has(k) for k in ("apology", "own", "own_check"))):
        return False
    acts = ("own_act", "timed_act", "need", "need_weak")
    return not any(f.has(k) for k in acts) and not f.dated


def _respect(f: Features, out: Scored, empty: bool) -> int:
    s = 3 + (1 if f.has("empathy") or f.has("reflect") else 0)
    # Sympathy for a problem the rep then leaves unsolved is politeness, not relationship.
    centred = not empty and any(f.has(k) for k in ("need", "own_act", "own", "own_check"))
    s = min(5, s + (1 if centred and f.words >= 6 else 0))
    _add(out, "respect", f.hits.get("empathy"), "+", 1)
    bad = [k for k in ("condescend", "pushy", "badmouth") if f.has(k)]
    for kind in bad:
        _add(out, "respect", f.hits[kind], "-", 1)
    if bad:
        s = min(s, 2) - (1 if len(bad) >= 2 else 0)
    if f.has("shrug") or f.has("blame"):
        s = min(s, 2)
    if shouting(f.text):
        s -= 1
    if f.has("blunt"):
        s = min(s, 1)
        _add(out, "respect", f.hits["blunt"], "-", 1)
    if f.has("rude"):
        s = 0
        _add(out, "respect", f.hits["rude"], "-")
    return max(0, s)


def shouting(text: str) -> bool:
    """Two or more words in capitals (not acronyms), or "!!!"."""
    loud = [w for w in _SHOUT.findall(text) if w not in _ACRONYMS]
    return len(loud) >= 2 or "!!!" in text


def score_criteria(f: Features, complaint: bool = False, problem: bool = False) -> Scored:
    """Score every criterion 0-5 (`complaint`: ownership counts; `problem`: the line raises one)."""
    out = Scored(scores={})
    out.scores = {
        "challenge": _challenge(f, out),
        "discover_need": _need(f, out, complaint),
        "insight": _insight(f, out),
        "ownership": _ownership(f, out, problem),
        "next_step": _next_step(f, out),
        "respect": _respect(f, out, hollow(f, complaint, problem)),
    }
    return out


def price_only(f: Features) -> bool:
    """True when the reply only hands over a price or quote: a living price list."""
    return _price_only(f)
