"""A team's weights retrained before the feature row changed width never score replies."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np

from bot.coaching.retrain import current_heads
from bot.core.semantic.heads import heads_or_shipped, load_heads, shipped_path


def _narrower(path: Path) -> Path:
    shipped = load_heads(shipped_path())
    cut = shipped.mu.shape[0] - 7
    old = dataclasses.replace(
        shipped,
        mu=shipped.mu[:cut],
        sd=shipped.sd[:cut],
        grade_w=shipped.grade_w[:, :cut],
        fingerprint="retrained:old",
    )
    old.save(path)
    return path


def test_old_width_weights_give_way_to_the_shipped_ones(tmp_path: Path) -> None:
    stale = _narrower(tmp_path / "heads.npz")
    shipped = load_heads(shipped_path())
    for heads in (heads_or_shipped(stale), current_heads(stale)):
        assert heads.fingerprint == shipped.fingerprint
        assert np.array_equal(heads.mu, shipped.mu)


def test_weights_of_todays_width_are_used(tmp_path: Path) -> None:
    shipped = load_heads(shipped_path())
    team = dataclasses.replace(shipped, fingerprint="retrained:team")
    team.save(tmp_path / "heads.npz")
    assert heads_or_shipped(tmp_path / "heads.npz").fingerprint == "retrained:team"
    assert current_heads(tmp_path / "heads.npz").fingerprint == "retrained:team"
    assert heads_or_shipped(tmp_path / "absent.npz").fingerprint == shipped.fingerprint
