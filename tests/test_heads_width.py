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


def test_weights_from_before_the_stacked_grade_head_read_no_criterion_scores(
    tmp_path: Path,
) -> None:
    """v5 files have no `grade_cw`: they load, and score as they did (the grade head reads
    nothing from the criterion heads)."""
    shipped = load_heads(shipped_path())
    arrays = {f.name: np.asarray(getattr(shipped, f.name)) for f in dataclasses.fields(shipped)}
    del arrays["grade_cw"]
    path = tmp_path / "old.npz"
    with path.open("wb") as fh:
        np.savez(fh, **arrays)  # type: ignore[arg-type]
    old = load_heads(path)
    assert not old.grade_cw.any() and old.grade_cw.shape == shipped.grade_cw.shape
    x = np.tile(shipped.mu, (2, 1))
    customer = np.zeros((2, shipped.app_w.shape[1]), dtype=np.float32)
    direct = old.predict(x, customer).overall
    xs = (x - old.mu) / old.sd
    logits = xs @ old.grade_w.T + old.grade_b
    p = np.exp(logits - logits.max(axis=1, keepdims=True))
    expected = np.clip((p / p.sum(axis=1, keepdims=True)) @ old.anchors, 0.0, 100.0)
    assert np.allclose(direct, expected, atol=1e-4)
