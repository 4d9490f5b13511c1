"""Replies that try to score without selling: filler, keyword stuffing and small talk."""

from __future__ import annotations

import re
from collections import Counter

from bot.core.offline_judge.lexicon import gaming
from bot.core.offline_judge.model import Features
from bot.core.offline_judge.patterns import HASHTAG, TIME, Sentence, fold, plain, words

_FUNCTION = words(
    "is are was the a an to of for it that this what how do does did be have has can will "
    "would är var det en ett att för som på med till vad hur den har kan ska vill om inte "
    "not"
)
#: Feature kinds that show the reply is about the customer's business.
BUSINESS = (
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
_HARMFUL = ("rude", "blunt", "condescend", "pushy", "badmouth", "injection")
_SOFT = ("empathy", "apology", "passive", "mature", "step_weak", "reflect", "shrug")
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
    w = fold(word)
    return next((c for stem, c in _META_STEMS if w.startswith(plain(stem))), "discover_need")


def _stuffed(f: Features, tokens: list[str], sents: list[Sentence]) -> bool:
    """Rubric words without substance, repetition, hashtags or a string of bare fragments."""
    meta = len(f.hits.get("meta", []))
    named = {meta_criterion(h.text) for h in f.hits.get("meta", [])}
    functions = sum(1 for t in tokens if t in _FUNCTION)
    counts = Counter(t for t in tokens if len(t) >= 3 and t not in _FUNCTION)
    top = max(counts.values(), default=0)
    said = [re.sub(r"\W+", " ", s.low).strip() for s in sents]
    repeats = sum(1 for i, s in enumerate(said) if len(s.split()) >= 2 and s in said[:i])
    fragments = sum(1 for s in said if len(s.split()) <= 2)
    return (
        len(HASHTAG.findall(f.low)) >= 2
        or repeats >= 1
        or (fragments >= 3 and fragments >= 0.6 * len(said) and f.pronouns == 0)
        or (meta >= 3 and (f.pronouns == 0 or meta / max(1, len(tokens)) >= 0.3))
        or len(named) >= 4
        or (meta >= 2 and f.pronouns == 0 and functions == 0)
        or (top >= 3 and top / len(tokens) >= 0.25 and len(tokens) < 40)
    )


def find_tricks(f: Features, tokens: list[str], sents: list[Sentence]) -> None:
    """Set `filler`, `stuffing` and `off_topic` on the features."""
    business = any(f.has(k) for k in BUSINESS)
    substance = (
        business
        or f.comply
        or any(f.has(k) for k in _SOFT)
        or any(s.question for s in sents)
        or gaming.SALES.search(f.low) is not None
    )
    harmful = any(f.has(k) for k in _HARMFUL)
    timed = TIME.search(f.low) is not None
    f.filler = (
        (not tokens or (len(tokens) <= 4 and all(t in gaming.FILLER_WORDS for t in tokens)))
        or (len(tokens) <= 2 and not substance and not harmful)
        or (f.echo and not harmful)
    )
    f.stuffing = _stuffed(f, tokens, sents)
    # Small talk, or a reply that touches nothing the customer said and no sales move at all.
    f.off_topic = (
        not f.filler
        and f.overlap == 0
        and not business
        and (
            f.has("off_topic") or (not substance and not harmful and not timed and len(tokens) >= 3)
        )
    )
