"""A rep x criterion heat map of a cohort's mean scores, as a PNG."""

from __future__ import annotations

import io
from collections.abc import Sequence

from bot import i18n
from bot.core.datafile import Lang


def heatmap_png(
    rows: Sequence[tuple[str, dict[str, float | None]]],
    criteria: Sequence[str],
    labels: dict[str, str] | None = None,
    *,
    title: str = "",
    lang: Lang = "en",
) -> bytes:
    """Draw mean 0-5 scores: one row per (name, scores), one column per criterion.

    Missing scores show as blank grey cells; the value is written in each cell so the picture
    reads on a phone without a colour legend. matplotlib is imported only here.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    labels = labels or {}
    names = [name for name, _ in rows] or ["-"]
    grid = np.full((len(names), len(criteria)), np.nan)
    for r, (_, scores) in enumerate(rows):
        for c, cid in enumerate(criteria):
            value = scores.get(cid)
            if value is not None:
                grid[r, c] = value
    height = 1.6 + 0.45 * len(names)
    fig, ax = plt.subplots(figsize=(7.5, min(height, 24.0)), dpi=120)
    try:
        cmap = plt.get_cmap("RdYlGn").copy()
        cmap.set_bad("#dddddd")
        ax.imshow(np.ma.masked_invalid(grid), cmap=cmap, vmin=0, vmax=5, aspect="auto")
        ax.set_xticks(range(len(criteria)), [labels.get(c, c) for c in criteria], rotation=30)
        ax.set_yticks(range(len(names)), names)
        ax.tick_params(axis="x", labelsize=9)
        for r in range(len(names)):
            for c in range(len(criteria)):
                if not np.isnan(grid[r, c]):
                    ax.text(
                        c,
                        r,
                        i18n.number(lang, float(grid[r, c])),
                        ha="center",
                        va="center",
                        fontsize=9,
                    )
        if title:
            ax.set_title(title, fontsize=11)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        return buffer.getvalue()
    finally:
        plt.close(fig)
