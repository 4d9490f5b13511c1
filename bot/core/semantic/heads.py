"""The learned heads as plain numpy arrays: load the shipped `.npz`, apply them to feature rows."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from bot.core.semantic.features import Matrix

CRITERIA = ("challenge", "discover_need", "insight", "ownership", "next_step", "respect")
#: Criteria whose applicability depends on the moment; the outside graders never null the others.
APPLICABILITY = ("challenge", "ownership")
#: What a reply did, each a probability.
MOVES = (
    "asks_need",
    "challenges",
    "insight",
    "owns",
    "step",
    "dated_step",
    "gives_price",
    "blames",
    "sarcasm",
    "passive",
)
WEIGHTS_FILE = "judge_heads.npz"
#: Cosine to a moment's centroid below which the line is "generic".
MOMENT_LINE = 0.82
_FOLD = str.maketrans("åäöÅÄÖéÉ", "aaoAAOeE")
#: Columns the grade head reads from the criterion heads (see `criteria_stack`).
STACK_WIDTH = len(CRITERIA) + 1


def fold_text(text: str) -> str:
    """Swedish typed with or without å/ä/ö reads the same to the heads."""
    return text.translate(_FOLD)


def criteria_stack(raw: np.ndarray) -> np.ndarray:
    """What the grade head reads from the criterion heads: each unclipped score and the best
    of the five moves' criteria (not respect), on 0-1.

    The outside graders give a 3 only with one criterion at 4-5: the best criterion is a
    feature no linear read of the embedding gives."""
    s = np.asarray(raw, dtype=np.float32) / 5.0
    return np.hstack([s, s[:, : len(CRITERIA) - 1].max(axis=1, keepdims=True)])


@dataclass
class Prediction:
    """What the heads say about a batch of replies."""

    overall: np.ndarray  # (n,) 0-100 before guards
    criteria: np.ndarray  # (n, 6) 0-5, unrounded
    moves: np.ndarray  # (n, len(MOVES)) probabilities
    applies: np.ndarray  # (n, len(APPLICABILITY)) probabilities
    moment: list[str]  # the kind of moment each customer line is ("generic" when unsure)


@dataclass
class Heads:
    """Weights of every head, with the standardisation they expect."""

    mu: np.ndarray
    sd: np.ndarray
    grade_w: np.ndarray  # (4, d): multinomial logistic over grades 0-3
    grade_b: np.ndarray
    grade_cw: np.ndarray  # (4, STACK_WIDTH): what the grade head reads from the criterion heads
    anchors: np.ndarray  # overall 0-100 for each grade; the score is their expectation
    crit_w: np.ndarray
    crit_b: np.ndarray
    move_w: np.ndarray
    move_b: np.ndarray
    app_w: np.ndarray
    app_b: np.ndarray
    moment_c: np.ndarray  # (k, 384) mean customer-line embedding of each kind of moment
    moment_ids: np.ndarray  # (k,) str: the phrasing situation of each moment
    fingerprint: str

    def predict(self, x: Matrix, customer: Matrix) -> Prediction:
        """Apply every head to feature rows `x` and customer-line embeddings `customer`."""
        xs = (x - self.mu) / self.sd
        raw = xs @ self.crit_w.T + self.crit_b
        logits = xs @ self.grade_w.T + criteria_stack(raw) @ self.grade_cw.T + self.grade_b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        overall = np.clip(p @ self.anchors, 0.0, 100.0)
        criteria = np.clip(raw, 0.0, 5.0)
        moves = 1.0 / (1.0 + np.exp(-(xs @ self.move_w.T + self.move_b)))
        applies = 1.0 / (1.0 + np.exp(-(customer @ self.app_w.T + self.app_b)))
        sims = customer @ self.moment_c.T
        best = sims.argmax(axis=1)
        moment = [
            str(self.moment_ids[b]) if sims[i, b] >= MOMENT_LINE else "generic"
            for i, b in enumerate(best)
        ]
        return Prediction(overall, criteria, moves, applies, moment)

    def save(self, path: Path) -> None:
        """Write the heads as an uncompressed `.npz` (plain arrays, no pickle)."""
        arrays = {f.name: np.asarray(getattr(self, f.name)) for f in fields(self)}
        arrays["fingerprint"] = np.asarray(self.fingerprint)
        with path.open("wb") as fh:
            np.savez(fh, **arrays)  # type: ignore[arg-type]


def load_heads(path: Path) -> Heads:
    """Read heads written by `Heads.save`."""
    with np.load(path, allow_pickle=False) as data:
        # Weights from before the grade head read the criterion heads (v5) read none of them.
        absent = {"grade_cw": np.zeros((len(data["grade_b"]), STACK_WIDTH), dtype=np.float32)}
        values: dict[str, Any] = {
            f.name: data[f.name] if f.name in data.files else absent[f.name] for f in fields(Heads)
        }
    values["fingerprint"] = str(values["fingerprint"])
    return Heads(**values)


def shipped_path() -> Path:
    """Where the bundled weights live inside the package."""
    return Path(str(resources.files("bot.core.semantic").joinpath(WEIGHTS_FILE)))


def retrained_path() -> Path:
    """Where `calibrate --retrain` keeps a team's weights: `<data folder>/judge/heads.npz`."""
    from bot.settings import load_settings

    return load_settings().data_dir / "judge" / "heads.npz"


def heads_or_shipped(path: Path) -> Heads:
    """The heads at `path` when they exist and fit today's feature row, else the bundled ones.

    Heads retrained before the feature row changed width no longer fit it: the bundled ones win."""
    shipped = load_heads(shipped_path())
    if path.is_file():
        team = load_heads(path)
        if team.mu.shape == shipped.mu.shape:
            return team
    return shipped


@cache
def default_heads() -> Heads:
    """The team's retrained heads when the data folder has usable ones, else the bundled; once."""
    return heads_or_shipped(retrained_path())
