"""How many challenge phrasings and near-misses the offline judge reads right, and which not.

Run: .venv/bin/python tests/readings_probe.py

Reads the phrasings of tests/test_judge_challenges.py (none of them in the training data) after
its two price-pressure lines per language. A challenge is read right when every reading has the
challenge move and nothing harmful (rude, blame, discount); a plain question or going along when
none has a challenge or rudeness; sarcasm or rudeness when none has a challenge and respect is 2
or lower. The tests assert the same, per phrasing.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.core.judgement import Judgement, Signal
from bot.core.offline_judge import OfflineJudge
from tests.test_judge_challenges import (
    CHALLENGES,
    DISRESPECT,
    PLAIN,
    _readings,
)


def _challenge(j: Judgement) -> bool:
    return Signal.CHALLENGE in j.signals and not {Signal.RUDE, Signal.BLAME, Signal.DISCOUNT} & (
        j.signals
    )


def _plain(j: Judgement) -> bool:
    return not {Signal.CHALLENGE, Signal.RUDE} & j.signals


def _disrespect(j: Judgement) -> bool:
    return Signal.CHALLENGE not in j.signals and (j.criteria["respect"] or 0) <= 2


def main() -> int:
    """Print the counts per kind and the phrasings read wrong."""
    judge = OfflineJudge()
    for name, items, right in (
        ("challenges", CHALLENGES, _challenge),
        ("plain questions / going along", PLAIN, _plain),
        ("sarcasm / rudeness", DISRESPECT, _disrespect),
    ):
        wrong = []
        for lang, reply in items:
            readings = _readings(judge, lang, reply)
            if not all(right(j) for j in readings):
                wrong.append((lang, reply, [sorted(j.signals) for j in readings]))
        print(f"{name}: {len(items) - len(wrong)}/{len(items)} read right")
        for lang, reply, signals in wrong:
            print(f"  {lang} {reply!r}: {signals}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
