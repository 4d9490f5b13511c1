"""Progress chart as a PNG, sized and lettered to be read on a phone."""

from __future__ import annotations

from pathlib import Path

from bot import i18n
from bot.core.datafile import Lang
from bot.core.progress import Progress
from bot.core.rubric import Rubric

WIDTH_IN, HEIGHT_IN, DPI = 6.0, 8.0, 150  # 900 x 1200 px: portrait, like a phone screen


def progress_chart(
    progress: Progress, rubric: Rubric, lang: Lang = "en", path: Path | None = None
) -> bytes:
    """Overall score and per-criterion proficiency over the sessions, pass line drawn; PNG bytes.

    Also writes the PNG to `path` when given. Matplotlib is imported here, not at module load,
    and drawn through its Agg canvas directly, so no GUI backend or global pyplot state is used.
    """
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    title_overall, title_criteria, x_label, pass_label = (
        i18n.text(lang, f"report.chart_{part}") for part in ("overall", "criteria", "x", "pass")
    )
    points = progress.points
    xs = list(range(1, len(points) + 1))
    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=(1, 1.3))

    top.plot(xs, [p.overall for p in points], marker="o", linewidth=3, markersize=7)
    for ax in (top, bottom):
        ax.axhline(rubric.pass_line, color="tab:red", linestyle="--", linewidth=2)
        ax.set_ylim(0, 100)
        ax.grid(alpha=0.3)
        ax.tick_params(labelsize=13)
    top.text(
        0.99,
        rubric.pass_line + 2,
        pass_label,
        color="tab:red",
        fontsize=12,
        ha="right",
        transform=top.get_yaxis_transform(),
    )
    top.set_title(title_overall, fontsize=17, fontweight="bold")

    for criterion in rubric.criteria:
        ys = [p.proficiency.get(criterion.id) for p in points]
        values = [float("nan") if y is None else y for y in ys]
        bottom.plot(xs, values, marker="o", linewidth=2.5, markersize=5, label=criterion.name(lang))
    bottom.set_title(title_criteria, fontsize=17, fontweight="bold")
    bottom.set_xlabel(x_label, fontsize=14)
    bottom.legend(
        fontsize=12, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2, frameon=False
    )
    if points:
        step = max(1, len(points) // 5)
        ticks = xs[::step]
        bottom.set_xticks(ticks, [_day(points[x - 1].started_at, lang) for x in ticks])
        bottom.set_xlim(0.5, len(points) + 0.5)

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    png = buffer.getvalue()
    if path is not None:
        path.write_bytes(png)
    return png


def _day(timestamp: float, lang: Lang) -> str:
    """A short date for an x tick in the configured zone (e.g. `3 dec.`)."""
    return i18n.day(lang, timestamp)
