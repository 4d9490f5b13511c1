"""The feature row the heads read: the reply's embedding, the customer's, their interaction, and a
few surface counts."""

from __future__ import annotations

import math
import re

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float32]

TIME_RE = re.compile(
    r"\d{1,2}[:.]\d{2}|\bkl\.?\s*\d|\b\d{1,2}\s*(?:am|pm)\b|"
    r"\b(?:man|tis|ons|tors|fre|lor|son)dag|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|"
    r"\bi\s*morgon\b|\bimorgon\b|\btomorrow\b",
    re.IGNORECASE,
)
SURFACE = ("length", "questions", "digits", "time", "exclaim")


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


def rules(overall: int, criteria: dict[str, int | None]) -> list[float]:
    """The rule-based judge's verdict as features: overall, each criterion, and which were null."""
    values = list(criteria.values())
    return (
        [overall / 100.0]
        + [0.0 if v is None else v / 5.0 for v in values]
        + [1.0 if v is None else 0.0 for v in values]
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
