"""How well the offline customer listens, measured on played sessions.

1. Targeted-fact hit rate per language: a fresh session, one question aimed at one hidden fact
   (tests/data/targeted_questions.yaml: one hand-written question per fact and language, plus
   chat-style ones without å/ä/ö); a hit is the customer telling exactly that fact.
2. Over played sessions (every scenario, language and level; the rep mixes targeted questions,
   replies from the shared dev set, a time slot and strong moves, in a seeded random order):
   - answers what the rep just said: the share of customer lines that (a) tell the fact the
     question aimed at, or point back to it if told, or refuse a secret; (b) name the proposed
     slot; (c) react to the strongest move the judge saw, from that move's own lines; or
     (d) answer any question with a hidden fact. Lines with only a generic beat (an objection,
     "Mm, okay", impatience) do not count. A proxy: it checks that the line is about the
     reply, not that it is the best possible answer.
   - repeated sentences: sentences of three words or more said twice in a session.

Run: .venv/bin/python bench/measure_customer.py [--sessions-per-cell 1]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.datafile import LANGS, Lang  # noqa: E402
from bot.core.offline_customer import REACTION_PRIORITY, OfflineCustomer  # noqa: E402
from bot.core.offline_judge import OfflineJudge  # noqa: E402
from bot.core.practice import Practice  # noqa: E402
from bot.core.reactions import default_reactions  # noqa: E402
from bot.core.scenarios import Scenario  # noqa: E402
from bot.core.semantic.data import SHARED_DIR  # noqa: E402
from bot.core.session import Session, Turn  # noqa: E402
from bot.core.spoken import sentences  # noqa: E402
from tests.scripts import STRONG  # noqa: E402

QUESTIONS = yaml.safe_load((ROOT / "tests/data/targeted_questions.yaml").read_text())
DEV = SHARED_DIR  # ../shared/data beside the clone (or the worktree's grandparent)
SLOTS = {
    "sv": ["Kan du titta förbi på lördag vid elva?", "Ses vi på tisdag kl 10?"],
    "en": ["I've pencilled us in for Aug 12, 9:30.", "Shall we meet on Tuesday at 10?"],
}


def dev_replies() -> dict[str, list[str]]:
    """Replies written outside the team (if the shared set is there), per language."""
    out: dict[str, list[str]] = {"sv": [], "en": []}
    for path in sorted(DEV.glob("dev_replies*.jsonl")) if DEV.exists() else []:
        for line in path.read_text().splitlines():
            row = json.loads(line)
            out[row["lang"]].append(row["reply"])
    return out


async def hit_rates(practice: Practice) -> None:
    for lang in LANGS:
        hits = total = 0
        for sid, scenario in practice.scenarios.items():
            for index, pair in enumerate(QUESTIONS[sid]["facts"]):
                session = practice.start(user_id="m", scenario_id=sid, lang=lang, seed=1)
                answer = (await practice.reply(session, pair[LANGS.index(lang)])).turn
                hits += scenario.hidden.reveals[index](lang) in answer.customer_response
                total += 1
        print(f"targeted-fact hit rate, {lang}: {hits}/{total} = {hits / total:.0%}")
    casual = Counter[str]()
    for sid, index, lang, question in QUESTIONS["casual"]:
        session = practice.start(user_id="m", scenario_id=sid, lang=lang, seed=1)
        answer = (await practice.reply(session, question)).turn.customer_response
        casual[lang] += practice.scenario(sid).hidden.reveals[index](lang) in answer
    typed = Counter(lang for _, _, lang, _ in QUESTIONS["casual"])
    print(
        "chat-style (no å/ä/ö, typos): "
        + ", ".join(f"{lang} {casual[lang]}/{typed[lang]}" for lang in LANGS)
    )


def answers(turn: Turn, scenario: Scenario, lang: Lang, practice: Practice) -> bool:
    """The proxy: is this customer line about what the rep just said?"""
    line = turn.customer_response
    reactions = default_reactions().reactions
    reading = practice.listener.read(scenario, turn.reply, turn.judgement.signals)

    def pool(key: str) -> list[str]:
        return [t(lang) for t in scenario.reactions.get(key) or reactions.get(key, [])]

    facts = [f(lang) for f in scenario.hidden.reveals]
    if reading.question and any(f in line for f in facts):
        return True
    if reading.secret is not None and line in pool("refuse"):
        return True
    if any(p in line for p in pool("already_told")):
        return True
    if reading.slot is not None and reading.slot.words(lang).lower() in line.lower():
        return True
    moves = [s.value for s in REACTION_PRIORITY if s in turn.judgement.signals]
    moves += [
        s.value for s in turn.judgement.signals if s.value in ("next_step", "dated_next_step")
    ]
    keys = [*moves, "next_step_too_early"] if moves else []
    return any(p in line for key in keys for p in pool(key))


async def played(practice: Practice, per_cell: int) -> None:
    dev = dev_replies()
    answered = lines = said = repeated = 0
    for n in range(per_cell):
        for sid, scenario in practice.scenarios.items():
            for lang in LANGS:
                for level in (1, 2, 3):
                    rng = random.Random(f"{n}:{sid}:{lang}:{level}")
                    rep = [pair[LANGS.index(lang)] for pair in QUESTIONS[sid]["facts"]]
                    rep += rng.sample(dev[lang], min(4, len(dev[lang])))
                    rep += [rng.choice(SLOTS[lang]), *STRONG[lang][1:3]]
                    rng.shuffle(rep)
                    session = practice.start(
                        user_id="m", scenario_id=sid, lang=lang, level=level, seed=n
                    )
                    for reply in rep[:10]:
                        if session.finished:
                            break
                        await practice.reply(session, reply)
                    answered += sum(answers(t, scenario, lang, practice) for t in session.turns)
                    lines += len(session.turns)
                    counts = Counter(spoken(session))
                    said += sum(counts.values())
                    repeated += sum(c - 1 for c in counts.values() if c > 1)
    print(f"played sessions: {lines} customer lines")
    print(f"  answers what the rep just said: {answered}/{lines} = {answered / lines:.0%}")
    print(f"  repeated sentences: {repeated}/{said} = {repeated / max(1, said):.1%}")


def spoken(session: Session) -> list[str]:
    texts = [session.opening, *(t.customer_response for t in session.turns)]
    return [s for text in texts for s in sentences(text)]


async def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sessions-per-cell", type=int, default=1)
    args = parser.parse_args()
    judge = OfflineJudge()
    practice = Practice(OfflineCustomer(), judge, quick_judge=judge)
    await hit_rates(practice)
    await played(practice, args.sessions_per_cell)


if __name__ == "__main__":
    asyncio.run(main())
