"""How the customer's levels separate reps, on played sessions (offline engine, every scenario).

Two scripted reps, seeds 1-2, both languages, levels ★ and ★★★:
- a rep who only asks good questions (one per hidden fact, tests/data/targeted_questions.yaml)
  and then proposes a time: the ★★★ customer should rarely give in;
- the rep written for each scenario (tests/data/strong_reps.yaml): wins everywhere, in more
  replies at ★★★.
A day the customer offers instead of the rep's is taken, as any rep would.

Run: .venv/bin/python bench/measure_levels.py [--seeds 1 2]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.core.offline_customer import OfflineCustomer
from bot.core.offline_judge import OfflineJudge
from bot.core.practice import Practice
from tests.test_customer_listens import LANGS, QUESTIONS, SCENARIOS, SLOTS, WRITTEN_FOR, play


async def measure(seeds: list[int]) -> None:
    judge = OfflineJudge()
    practice = Practice(OfflineCustomer(), judge, quick_judge=judge)
    for level in (1, 3):
        for lang in LANGS:
            asked = written = replies = sessions = 0
            for seed in seeds:
                for sid in sorted(SCENARIOS):
                    questions = [pair[LANGS.index(lang)] for pair in QUESTIONS[sid]["facts"]]
                    session = await play(
                        practice, sid, lang, level, [*questions, *SLOTS[lang] * 3], seed
                    )
                    asked += session.outcome.success
                    script = [pair[LANGS.index(lang)] for pair in WRITTEN_FOR[sid]]
                    session = await play(practice, sid, lang, level, script, seed)
                    written += session.outcome.success
                    replies += len(session.turns)
                    sessions += 1
            print(
                f"level {level} {lang}: questions-then-time rep won {asked}/{sessions}; "
                f"written rep won {written}/{sessions} in {replies / sessions:.2f} replies"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2])
    asyncio.run(measure(parser.parse_args().seeds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
