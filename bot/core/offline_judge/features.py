"""Find what a reply does: the moves, the failures and the tricks, with the words that show it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from bot.core.offline_judge import lexicon_abuse as ab
from bot.core.offline_judge import lexicon_action as ac
from bot.core.offline_judge import lexicon_blame as bl
from bot.core.offline_judge import lexicon_moves as mv
from bot.core.offline_judge import lexicon_risks as rk
from bot.core.offline_judge import lexicon_value as va
from bot.core.offline_judge.patterns import (
    HASHTAG,
    IMMEDIATE,
    TIME,
    VAGUE_TIME,
    WORD,
    Sentence,
    sentences,
)

_WH = re.compile(r"(?<!\w)(?:what|why|how|which|who|whats|hows|vad|varför|hur|vilk\w*|vem|tell|berätta)(?!\w)", re.I)
_PROMPT = re.compile(
    r"(?<!\w)(?:tell me|help me understand|(?:like|love) to (?:understand|hear|know)|curious|berätta|hjälp mig"
    r"(?: att)? förstå|(?:gärna|vilja) (?:förstå|höra|veta)|vill (?:jag|vi) (?:gärna )?(?:förstå|veta|höra)"
    r"|i'?d (?:rather|like to|love to) (?:know|understand|hear)|want to understand|nyfiken)(?!\w)",
    re.I,
)
_NEGATED = re.compile(r"(?:not|inte|isn't|no|aldrig|never|won't|n't)\W*$", re.I)
_NEG_WORD = re.compile(r"(?:not|inte|isn't|no|aldrig|never)\b", re.I)
_NEG_INSIDE = re.compile(r"\s(?:inte|not|aldrig|never)\s", re.I)
#: Questions that ask nothing: greetings and rhetorical tags ("..., va?", "..., right?").
_NOT_ASKING = re.compile(
    r"(?:^\W*(?:how are you|how's it going|hur mår du|hur är läget|läget)\W*$|(?<!\w)(?:va|eller hur|right|huh)\s*\?+\s*$)",
    re.I,
)
_FUNCTION = frozenset(
    "is are was the a an to of for it that this what how do does did be have has can will would "
    "är var det en ett att för som på med till vad hur den har kan ska vill om inte not".split()
)
_STOP = frozenset(
    "about after again also and are because been before being could does from have here just like more "
    "only other over some than that their them then there these they this those very what when where "
    "which while will with would your yours efter också alla andra bara både eller från inte jag kommer "
    "mycket någon något sedan till under vara vill skulle detta denna dessa kunna mina våra era".split()
)


@dataclass(frozen=True)
class Hit:
    """A span of the reply that shows a feature."""

    start: int
    end: int
    text: str


@dataclass
class Features:
    """Everything the scorer needs to know about one reply."""

    text: str
    words: int = 0
    pronouns: int = 0
    hits: dict[str, list[Hit]] = field(default_factory=dict)
    need_open: bool = False
    dated: bool = False
    vague_dated: bool = False
    weak_dated: bool = False
    step_purpose: bool = False
    own_timed: bool = False
    specific: bool = False
    comply: bool = False
    feature_dump: bool = False
    filler: bool = False
    stuffing: bool = False
    off_topic: bool = False
    overlap: int = 0

    def has(self, kind: str) -> bool:
        """True when at least one hit of this kind was found."""
        return bool(self.hits.get(kind))

    def first(self, kind: str) -> Hit | None:
        """The first hit of this kind, if any."""
        found = self.hits.get(kind)
        return found[0] if found else None


_META_STEMS = (
    ("utman", "challenge"),
    ("challeng", "challenge"),
    ("insi", "insight"),
    ("värde", "insight"),
    ("value", "insight"),
    ("ansvar", "ownership"),
    ("owner", "ownership"),
    ("ägar", "ownership"),
    ("nästa", "next_step"),
    ("next", "next_step"),
    ("respe", "respect"),
    ("relation", "respect"),
)


def meta_criterion(word: str) -> str:
    """The rubric criterion a rubric-vocabulary word names ("utmana" -> challenge)."""
    w = word.lower()
    return next((c for stem, c in _META_STEMS if w.startswith(stem)), "discover_need")


def _spans(pattern: re.Pattern[str], text: str, offset: int = 0) -> list[Hit]:
    return [Hit(m.start() + offset, m.end() + offset, m.group()) for m in pattern.finditer(text)]


def _sentence_hit(s: Sentence, limit: int = 90) -> Hit:
    text = s.text if len(s.text) <= limit else s.text[:limit].rstrip()
    return Hit(s.start, s.start + len(text), text)


def _overlaps(hit: Hit, others: list[Hit]) -> bool:
    return any(hit.start < o.end and o.start < hit.end for o in others)


def _questions(f: Features, sents: list[Sentence]) -> None:
    for s in sents:
        asks = s.question or _PROMPT.search(s.text) is not None
        if not asks or ab.OFF_TOPIC.search(s.text) or _NOT_ASKING.search(s.text):
            continue
        if mv.NEED_STRONG.search(s.text) and not (
            mv.LOGISTICS.search(s.text) and not _WH.search(s.text)
        ):
            f.hits.setdefault("need", []).append(_sentence_hit(s))
            f.need_open = f.need_open or bool(_WH.search(s.text)) or bool(_PROMPT.search(s.text))
        elif mv.LOGISTICS.search(s.text):
            f.hits.setdefault("logistics", []).append(_sentence_hit(s))
        elif _WH.search(s.text) and mv.NEED_YOURS.search(s.text):
            f.hits.setdefault("need", []).append(_sentence_hit(s))
            f.need_open = True
        elif mv.NEED_WEAK.search(s.text) or (_WH.search(s.text) and not TIME.search(s.text)):
            # Any open question about their world is worth something, even without a known anchor.
            f.hits.setdefault("need_weak", []).append(_sentence_hit(s))
            f.need_open = f.need_open or bool(_WH.search(s.text))


def _steps(f: Features, sents: list[Sentence], passive: list[Hit]) -> None:
    times = [bool(TIME.search(s.text)) for s in sents]
    for i, s in enumerate(sents):
        if bl.BLAME.search(s.text):
            continue
        # A step is something the rep commits to or proposes, not an instruction to the customer.
        if not (ac.PROPOSE.search(s.text) or (s.question and times[i])):
            continue
        near_time = times[i] or (i > 0 and times[i - 1]) or (i + 1 < len(times) and times[i + 1])
        strong = [h for h in _spans(ac.STEP_STRONG, s.text, s.start) if not _overlaps(h, passive)]
        if times[i]:
            strong += _spans(ac.SLOT, s.text, s.start)
        weak = [h for h in _spans(ac.STEP_WEAK, s.text, s.start) if not _overlaps(h, passive)]
        if strong:
            f.hits.setdefault("step", []).extend(strong)
            if near_time:
                f.dated = True
                f.hits.setdefault("time", []).extend(_spans(TIME, s.text, s.start))
            elif VAGUE_TIME.search(s.text):
                f.vague_dated = True
                f.hits.setdefault("time", []).extend(_spans(VAGUE_TIME, s.text, s.start))
            if ac.PURPOSE.search(s.text):
                f.step_purpose = True
        elif weak:
            f.hits.setdefault("step_weak", []).extend(weak)
            if times[i] or VAGUE_TIME.search(s.text):
                f.weak_dated = True


def _negated_blame(text: str, hit: Hit) -> bool:
    if _NEG_WORD.match(hit.text):
        return False
    before = text[max(0, hit.start - 12) : hit.start]
    return bool(_NEG_INSIDE.search(hit.text) or _NEGATED.search(before))


def _discounts(text: str) -> list[Hit]:
    found = []
    for hit in _spans(rk.DISCOUNT, text):
        before = text[max(0, hit.start - 40) : hit.start]
        if not rk.REFUSAL.search(before):
            found.append(hit)
    return found


def _content_overlap(reply_tokens: list[str], customer_line: str) -> int:
    stems = {w[:5] for w in (t.lower() for t in WORD.findall(customer_line)) if len(w) >= 5 and w not in _STOP}
    return sum(1 for t in set(reply_tokens) if len(t) >= 5 and t[:5] in stems)


_SIMPLE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("reflect", mv.REFLECT),
    ("challenge", va.CHALLENGE),
    ("evidence", va.INSIGHT_EVIDENCE),
    ("value", va.INSIGHT_VALUE),
    ("idea", va.INSIGHT_IDEA),
    ("own", ac.OWN),
    ("own_act", ac.OWN_ACT),
    ("own_check", ac.OWN_CHECK),
    ("apology", ac.APOLOGY),
    ("empathy", ac.EMPATHY),
    ("price", rk.PRICE),
    ("quote_send", rk.QUOTE_SEND),
    ("blame", bl.BLAME),
    ("shrug", bl.SHRUG),
    ("mature", rk.MATURE),
    ("rude", ab.RUDE),
    ("blunt", ab.BLUNT),
    ("condescend", ab.CONDESCEND),
    ("pushy", ab.PUSHY),
    ("badmouth", ab.BADMOUTH),
    ("injection", ab.INJECTION),
    ("meta", ab.META),
    ("off_topic", ab.OFF_TOPIC),
)

_BUSINESS = (
    "need",
    "need_weak",
    "logistics",
    "challenge",
    "evidence",
    "value",
    "idea",
    "own",
    "own_act",
    "own_check",
    "price",
    "quote_send",
    "discount",
    "blame",
    "step",
)


def detect(reply: str, customer_line: str = "") -> Features:
    """Scan a reply (in Swedish, English or both) and return its features."""
    f = Features(text=reply)
    tokens = [t.lower() for t in WORD.findall(reply)]
    f.words = len(tokens)
    f.pronouns = len(ab.PRONOUN.findall(reply))
    for kind, pattern in _SIMPLE:
        found = _spans(pattern, reply)
        if found:
            f.hits[kind] = found
    if "own" in f.hits:
        # "Not my fault" is the opposite of owning it.
        f.hits["own"] = [h for h in f.hits["own"] if not _NEGATED.search(reply[max(0, h.start - 8) : h.start])]
    f.hits["passive"] = _spans(rk.PASSIVE, reply)
    if "blame" in f.hits:
        # "Jag skickar inte vidare dig", "I won't pass it on to": refusing to pass the buck.
        f.hits["blame"] = [h for h in f.hits["blame"] if not _negated_blame(reply, h)]
    f.hits["discount"] = _discounts(reply)
    sents = sentences(reply)
    _questions(f, sents)
    _steps(f, sents, f.hits["passive"] + f.hits.get("mature", []))
    if not any(f.has(k) for k in ("need", "need_weak", "step", "own_act")):
        f.hits["passive"] += _spans(rk.REASSURE, reply)
    f.specific = bool(va.SPECIFIC.search(reply))
    f.own_timed = bool(TIME.search(reply) or IMMEDIATE.search(reply))
    f.comply = rk.COMPLY.search(reply) is not None
    f.overlap = _content_overlap(tokens, customer_line)
    commas = reply.count(",") + reply.count(" and ") + reply.count(" och ")
    features = len(mv.FEATURE.findall(reply))
    f.feature_dump = commas >= 4 and features >= 3 and not f.has("need")
    _tricks(f, tokens, sents)
    return f


def _tricks(f: Features, tokens: list[str], sents: list[Sentence]) -> None:
    text = f.text
    business = any(f.has(k) for k in _BUSINESS)
    substance = (
        business
        or f.comply
        or any(f.has(k) for k in ("empathy", "apology", "passive", "mature", "step_weak", "reflect", "shrug"))
        or any(s.question for s in sents)
        or mv.SALES.search(text) is not None
    )
    harmful = any(f.has(k) for k in ("rude", "blunt", "condescend", "pushy", "badmouth", "injection"))
    if not tokens or (len(tokens) <= 4 and all(t in ab.FILLER_WORDS for t in tokens)):
        f.filler = True
    elif len(tokens) <= 2 and not substance and not harmful:
        f.filler = True
    meta = len(f.hits.get("meta", []))
    named = {meta_criterion(h.text) for h in f.hits.get("meta", [])}
    functions = sum(1 for t in tokens if t in _FUNCTION)
    counts = Counter(t for t in tokens if len(t) >= 3 and t not in _FUNCTION)
    top = max(counts.values(), default=0)
    repeated = top >= 3 and top / len(tokens) >= 0.25
    f.stuffing = (
        len(HASHTAG.findall(text)) >= 2
        or (meta >= 3 and (f.pronouns == 0 or meta / max(1, len(tokens)) >= 0.3))
        or len(named) >= 4
        or (meta >= 2 and f.pronouns == 0 and functions == 0)
        or (repeated and len(tokens) < 40)
    )
    # Small talk, or a reply that touches nothing the customer said and no sales move at all.
    f.off_topic = not f.filler and f.overlap == 0 and not business and (
        f.has("off_topic") or (not substance and not harmful and len(tokens) >= 3)
    )
