"""/retrain through the real handlers and the fake Bot API: a coach refits the offline judge on
their cohort's overrides and the bot judges with the new weights; reps are refused, and a cohort
without overrides gets the reason in one line."""

from __future__ import annotations

import time
from pathlib import Path

from bot.coaching import reviews
from bot.coaching.access import Actor, Role
from bot.core.semantic.heads import default_heads, load_heads
from tests.coaching_world import session
from tests.telegram_world import World, api  # noqa: F401  (api is a fixture)
from tests.test_coaching_retrain import PER_SESSION, SESSIONS, _low_step_turns
from tests.test_telegram_coach import COACH_ID, data, team, world  # noqa: F401  (fixture)


async def test_a_coach_retrains_the_judge_on_their_cohort_from_telegram(
    world: World,  # noqa: F811
    data_dir: Path,
) -> None:
    coach, [rep], cohort = await team(world)
    records, rep_id, now = data(world), str(rep.chat_id), time.time()
    turns = _low_step_turns()
    for s in range(SESSIONS):
        mine = turns[s * PER_SESSION : (s + 1) * PER_SESSION]
        records.store.save_session(session(rep_id, *mine, sid=f"s{s:02d}", at=now + s))
        for t in mine:  # the coach reads these as better next steps than the judge does
            step = t.judgement.criteria["next_step"]
            assert step is not None
            reviews.add_review(
                records,
                Actor(str(COACH_ID), Role.COACH),
                rep_id,
                f"s{s:02d}",
                turn=t.index,
                criteria={"next_step": step + 2},
                now=now + 100 + s,
            )
    weights = data_dir / "judge" / "heads.npz"
    try:
        [pick] = await world.step(coach, "/retrain")
        assert pick.text == "Pick a cohort:"
        [working, done] = await world.press(coach, pick, "Team A")
        assert working.text.startswith("Refitting the judge on the corrections in Team A")
        assert done.text.startswith("The judge has learned from Team A")
        assert "before → after" in done.text and "Drive the next step" in done.text
        assert f"--cohort {cohort.id} --rollback" in done.text
        fingerprint = load_heads(weights).fingerprint
        assert fingerprint.startswith("retrained:")
        assert default_heads().fingerprint == fingerprint  # the bot judges with the new weights
    finally:
        default_heads.cache_clear()


async def test_the_calibration_view_offers_the_refit_and_says_why_it_cannot(
    world: World,  # noqa: F811
    data_dir: Path,
) -> None:
    coach, [rep], _ = await team(world)
    [pick] = await world.step(coach, "/calibrate")
    [table] = await world.press(coach, pick, "Team A")
    [working, refused] = await world.press(coach, table, "🧠 Teach the judge my corrections")
    assert working.text.startswith("Refitting the judge")
    assert refused.text == "No coach overrides in Team A yet: re-score or confirm some turns first."
    assert not (data_dir / "judge").exists()
    [not_yours] = await world.step(rep, "/retrain")
    assert not_yours.text == "This is for coaches only."
