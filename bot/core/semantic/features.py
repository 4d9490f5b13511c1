"""The feature row the heads read: the reply's embedding, the customer's, their interaction, a
few surface counts and what the rule detector found."""

from __future__ import annotations

import math
import re

import numpy as np
import numpy.typing as npt

from bot.core.offline_judge.model import Features

Matrix = npt.NDArray[np.float32]
#: Width of one embedding: a row starts with the reply's, the customer's and their product.
DIM = 384

TIME_RE = re.compile(
    r"\d{1,2}[:.]\d{2}|\bkl\.?\s*\d|\b\d{1,2}\s*(?:am|pm)\b|"
    r"\b(?:man|tis|ons|tors|fre|lor|son)dag|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|"
    r"\bi\s*morgon\b|\bimorgon\b|\btomorrow\b",
    re.IGNORECASE,
)
SURFACE = ("length", "questions", "digits", "time", "exclaim")
#: The detector's kinds of span, each counted (0, 1, 2+) as a feature; unknown kinds read 0.
KINDS = (
    "own_act",
    "own",
    "blame",
    "discount",
    "passive",
    "empathy",
    "need",
    "step",
    "challenge",
    "time",
    "meta",
    "evidence",
    "step_weak",
    "apology",
    "timed_act",
    "value",
    "need_weak",
    "price",
    "quote_send",
    "own_check",
    "idea",
    "reflect",
    "logistics",
    "condescend",
    "off_topic",
    "pushy",
    "injection",
    "shrug",
    "rude",
    "badmouth",
    "blunt",
    "mature",
)
FLAGS = (
    "need_open",
    "dated",
    "vague_dated",
    "weak_dated",
    "step_purpose",
    "own_timed",
    "specific",
    "comply",
    "feature_dump",
    "echo",
    "filler",
    "stuffing",
)


def surface(reply: str) -> list[float]:
    """Cheap counts the embedding blurs: length, question marks, numbers, a clock or day.

    `reply` is folded (å/ä/ö as a/a/o), like everything the heads read."""
    return [
        math.log1p(len(reply)) / 6.0,
        min(reply.count("?"), 3) / 3.0,
        1.0 if re.search(r"\d", reply) else 0.0,
        1.0 if TIME_RE.search(reply) else 0.0,
        min(reply.count("!"), 3) / 3.0,
    ]


def rules(overall: int, criteria: dict[str, int | None], found: Features) -> list[float]:
    """The rule-based judge's verdict and findings as features: overall, each criterion, which
    were null, how many spans of each kind, its flags, and word counts."""
    values = list(criteria.values())
    return (
        [overall / 100.0]
        + [0.0 if v is None else v / 5.0 for v in values]
        + [1.0 if v is None else 0.0 for v in values]
        + [min(len(found.hits.get(k, [])), 2) / 2.0 for k in KINDS]
        + [1.0 if getattr(found, f) else 0.0 for f in FLAGS]
        + [
            min(found.overlap, 10) / 10.0,
            math.log1p(found.words) / 5.0,
            min(found.pronouns, 5) / 5.0,
        ]
    )


def rows(
    reply_vecs: Matrix, customer_vecs: Matrix, replies: list[str], rule_rows: list[list[float]]
) -> Matrix:
    """One feature row per reply: [reply, customer, reply*customer, surface, rules]."""
    n = len(replies)
    extra = np.asarray([surface(r) for r in replies], dtype=np.float32).reshape(n, -1)
    ruled = np.asarray(rule_rows, dtype=np.float32).reshape(n, -1)
    return np.hstack([reply_vecs, customer_vecs, reply_vecs * customer_vecs, extra, ruled]).astype(
        np.float32
    )
