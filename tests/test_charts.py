"""The progress chart is a real PNG, portrait and large enough to read on a phone."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from factories import DAY, T0, rubric, session, turn

from bot.charts import progress_chart
from bot.core.progress import progress
from bot.core.state import Outcome

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _size(png: bytes) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk."""
    assert png[:8] == PNG_SIGNATURE
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def _history(days: int) -> list:
    return [
        session(
            turns=[
                turn(
                    i, 50 + 3 * d, at=T0 + d * DAY, ownership=1 + d // 3, challenge=3, insight=None
                )
                for i in range(3)
            ],
            outcome=Outcome.WON,
            started_at=T0 + d * DAY,
        )
        for d in range(days)
    ]


@pytest.mark.parametrize(("lang", "days"), [("en", 12), ("sv", 1), ("en", 0)])
def test_chart_is_a_portrait_png_of_phone_size(lang: str, days: int, tmp_path: Path) -> None:
    r = rubric()
    target = tmp_path / "progress.png"

    png = progress_chart(progress(_history(days), r), r, lang, target)  # type: ignore[arg-type]

    assert _size(png) == (900, 1200)
    assert 10_000 < len(png) < 1_000_000
    assert target.read_bytes() == png
