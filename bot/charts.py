"""Progress chart as a PNG, sized and lettered to be read on a phone.

Two panels on the scales the texts use: the overall score per session (0–100, with the pass
line) and each skill's proficiency (0–5, like the bars under the chart). Sessions are
numbered along the x axis and labelled with their date, plus the time when a day has several.
The pass line is drawn in black, a colour no skill line uses.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bot import i18n
from bot.core.datafile import Lang
from bot.core.progress import Point, Progress
from bot.core.rubric import Rubric

if TYPE_CHECKING:
    from matplotlib.figure import Figure

WIDTH_IN, HEIGHT_IN, DPI = 6.0, 8.0, 150  # 900 x 1200 px: portrait, like a phone screen
MAX_TICKS = 6  # more date labels than this overlap on a phone
PASS_COLOUR = "black"
#: One colour per skill: matplotlib's tab10 without red (alarm) and grey (too close to black).
SKILL_COLOURS = ("tab:blue", "tab:orange", "tab:green", "tab:purple", "tab:brown", "tab:pink")
SKILL_MAX = 5.0  # proficiency is 0-100 in the domain; the texts show it as 0-5


def tick_labels(points: tuple[Point, ...], lang: Lang, zone: str | None = None) -> list[str]:
    """One distinct label per session: its date, and its time when the day has several."""
    moments = [datetime.fromtimestamp(p.started_at, tz=UTC) for p in points]
    days = [i18n.day(lang, m, zone) for m in moments]
    per_day = Counter(days)
    labels = [
        f"{day}\n{i18n.clock(lang, m, zone)}" if per_day[day] > 1 else day
        for day, m in zip(days, moments, strict=True)
    ]
    seen: Counter[str] = Counter()
    for n, label in enumerate(labels):  # two sessions in the same minute: number them
        seen[label] += 1
        if seen[label] > 1:
            labels[n] = f"{label} ({seen[label]})"
    return labels


def standing_line(progress: Progress, lang: Lang) -> str:
    """Streak and medals in words, for the chart's heading."""
    medals = Counter(s.medal for s in progress.scenarios if s.medal)
    return i18n.text(
        lang,
        "flow.chart_standing",
        streak=i18n.plural(lang, "common.days", progress.streak_days),
        gold=medals["gold"],
        silver=medals["silver"],
        bronze=medals["bronze"],
    )


def chart_figure(
    progress: Progress, rubric: Rubric, lang: Lang = "en", zone: str | None = None
) -> Figure:
    """The chart as a matplotlib Figure (no GUI backend, no global pyplot state)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    points = progress.points
    xs = list(range(1, len(points) + 1))
    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    fig.suptitle(standing_line(progress, lang), fontsize=13)
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=(1, 1.3))

    top.plot(xs, [p.overall for p in points], color="tab:blue", marker="o", linewidth=3)
    top.axhline(rubric.pass_line, color=PASS_COLOUR, linestyle="--", linewidth=1.5)
    top.text(
        0.99,
        rubric.pass_line + 2,
        i18n.text(lang, "flow.chart_pass", pass_line=rubric.pass_line),
        color=PASS_COLOUR,
        fontsize=12,
        ha="right",
        transform=top.get_yaxis_transform(),
    )
    top.set_ylim(0, 100)
    top.set_title(i18n.text(lang, "flow.chart_overall"), fontsize=16, fontweight="bold")

    for criterion, colour in zip(rubric.criteria, SKILL_COLOURS, strict=False):
        ys = [p.proficiency.get(criterion.id) for p in points]
        values = [float("nan") if y is None else y * SKILL_MAX / 100 for y in ys]
        bottom.plot(xs, values, color=colour, marker="o", linewidth=2.5, label=criterion.name(lang))
    bottom.set_ylim(0, SKILL_MAX)
    bottom.set_title(i18n.text(lang, "flow.chart_skills"), fontsize=16, fontweight="bold")
    bottom.set_xlabel(i18n.text(lang, "flow.chart_sessions"), fontsize=13)
    bottom.legend(
        fontsize=12, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=2, frameon=False
    )
    for ax in (top, bottom):
        ax.grid(alpha=0.3)
        ax.tick_params(labelsize=12)
    if points:
        step = -(-len(points) // MAX_TICKS)
        ticks = xs[::step]
        labels = tick_labels(points, lang, zone)
        bottom.set_xticks(ticks, [labels[x - 1] for x in ticks])
        bottom.set_xlim(0.5, len(points) + 0.5)
    return fig


def progress_chart(
    progress: Progress,
    rubric: Rubric,
    lang: Lang = "en",
    path: Path | None = None,
    zone: str | None = None,
) -> bytes:
    """The chart as PNG bytes; also written to `path` when given."""
    import io

    buffer = io.BytesIO()
    chart_figure(progress, rubric, lang, zone).savefig(buffer, format="png", dpi=DPI)
    png = buffer.getvalue()
    if path is not None:
        path.write_bytes(png)
    return png
