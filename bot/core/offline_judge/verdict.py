"""Guards against gaming and harm: override scores, cap the overall, name the signals."""

from __future__ import annotations

from bot.core.judgement import Signal
from bot.core.offline_judge.model import Features
from bot.core.offline_judge.scoring import CRITERIA, Scored, hollow, price_only, shouting
from bot.core.offline_judge.tricks import meta_criterion

POSITIVE = frozenset(
    {
        Signal.QUESTION_NEED,
        Signal.CHALLENGE,
        Signal.INSIGHT,
        Signal.OWNERSHIP,
        Signal.NEXT_STEP,
        Signal.DATED_NEXT_STEP,
        Signal.EMPATHY,
    }
)

#: Highest overall a reply can get when it shows one of these (why, cap).
CAPS: dict[str, int] = {
    "injection": 5,
    "filler": 10,
    "stuffing": 15,
    "off_topic": 15,
    "rude": 20,
    "blunt": 30,
    "blame": 35,
    "price_only": 40,
    "discount": 35,
    "mature": 40,
    "shrug": 45,
    "hollow": 40,
    "disrespect": 45,
    "short": 45,
    "feature_dump": 45,
    "passive": 50,
    "blame_but_owns": 65,
}


def _override(f: Features, out: Scored) -> None:
    """Tricks earn nothing: whatever keywords they contain, the criteria drop."""
    if f.has("injection"):
        out.scores = dict.fromkeys(CRITERIA, 0)
        out.evidence = [("respect", h.text, "-") for h in f.hits["injection"][:2]]
    elif f.stuffing:
        out.scores = {c: min(s, 1) for c, s in out.scores.items()}
        out.evidence = [(meta_criterion(h.text), h.text, "-") for h in f.hits.get("meta", [])[:4]]
    elif f.filler:
        out.scores = {c: (2 if c == "respect" else 0) for c in CRITERIA}
        out.evidence = [("respect", f.text.strip(), "-")] if f.text.strip() else []
    elif f.off_topic:
        out.scores = {c: (2 if c == "respect" else min(s, 1)) for c, s in out.scores.items()}
        quotes = [h.text for h in f.hits.get("off_topic", [])[:2]] or [f.text.strip()]
        out.evidence = [("discover_need", q, "-") for q in quotes if q]


def _caps(f: Features, ownership_counts: bool, problem: bool) -> list[tuple[str, int]]:
    reasons = []
    if hollow(f, ownership_counts, problem):
        reasons.append("hollow")
    if f.has("injection"):
        reasons.append("injection")
    if f.filler:
        reasons.append("filler")
    if f.stuffing:
        reasons.append("stuffing")
    if f.off_topic:
        reasons.append("off_topic")
    if f.has("rude"):
        reasons.append("rude")
    if f.has("blunt"):
        reasons.append("blunt")
    if f.has("blame"):
        reasons.append("blame_but_owns" if f.has("own_act") else "blame")
    if price_only(f):
        reasons.append("price_only")
    if f.has("discount"):
        reasons.append("discount")
    if f.has("mature") and not f.has("step"):
        reasons.append("mature")
    elif f.has("passive") and not f.has("step"):
        reasons.append("passive")
    if f.has("shrug") and ownership_counts and not f.has("own_act"):
        reasons.append("shrug")
    if any(f.has(k) for k in ("condescend", "pushy", "badmouth")) or shouting(f.text):
        reasons.append("disrespect")
    if f.feature_dump:
        reasons.append("feature_dump")
    if f.words <= 3:
        reasons.append("short")
    return [(r, CAPS[r]) for r in reasons]


def _signals(f: Features, out: Scored, ownership_counts: bool) -> set[Signal]:
    s: set[Signal] = set()
    sc = out.scores
    if f.has("need") or f.has("need_weak"):
        s.add(Signal.QUESTION_NEED)
    if f.has("challenge") and sc["challenge"] >= 3:
        s.add(Signal.CHALLENGE)
    if sc["insight"] >= 3:
        s.add(Signal.INSIGHT)
    if sc["ownership"] >= 4 and (ownership_counts or f.has("own")):
        s.add(Signal.OWNERSHIP)
    if f.has("step"):
        s.add(Signal.NEXT_STEP)
        if f.dated:
            s.add(Signal.DATED_NEXT_STEP)
    if f.has("empathy") or f.has("reflect"):
        s.add(Signal.EMPATHY)
    if price_only(f):
        s.add(Signal.PRICE_ONLY)
    if f.has("discount"):
        s.add(Signal.DISCOUNT)
    if f.has("blame"):
        s.add(Signal.BLAME)
    if (f.has("passive") or f.has("mature")) and not f.has("step"):
        s.add(Signal.PASSIVE)
    if f.has("rude") or f.has("blunt"):
        s.add(Signal.RUDE)
    for flag, signal in (
        (f.has("injection"), Signal.INJECTION),
        (f.stuffing, Signal.STUFFING),
        (f.off_topic, Signal.OFF_TOPIC),
        (f.filler, Signal.FILLER),
    ):
        if flag:
            s.add(signal)
    if s & {Signal.INJECTION, Signal.STUFFING, Signal.OFF_TOPIC, Signal.FILLER, Signal.RUDE}:
        s -= POSITIVE
    elif Signal.BLAME in s and not f.has("own_act"):
        s -= POSITIVE - {Signal.EMPATHY}
    return s


def guard(f: Features, out: Scored, ownership_counts: bool, problem: bool = False) -> Scored:
    """Apply trick overrides, compute caps and signals; returns the same `Scored`, completed."""
    _override(f, out)
    caps = _caps(f, ownership_counts, problem)
    # Several failures at once sink lower than any one of them.
    extra = max(0, len([r for r, _ in caps if r not in ("short", "blame_but_owns")]) - 1)
    out.caps = [(why, max(0, limit - 5 * extra)) for why, limit in caps]
    out.signals = _signals(f, out, ownership_counts)
    return out
