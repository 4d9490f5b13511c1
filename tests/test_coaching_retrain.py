"""Coaches teach the judge: a refit on a cohort's overrides agrees better with the coach on
held-out overrides, writes the weights to the data folder, and rolls back."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.coaching import retrain, reviews
from bot.coaching.retrain import HOLDOUT, cohort_overrides, grade_of, split
from bot.core.judgement import JudgeRequest
from bot.core.offline_judge import OfflineJudge
from bot.core.semantic.data import OWN_DIR
from bot.core.semantic.heads import default_heads, load_heads, shipped_path
from bot.core.session import Turn
from tests.coaching_world import T0, records_in, session, team
from tests.coaching_world import turn as scored_turn

SESSIONS = 16
PER_SESSION = 2


def _low_step_turns() -> list[Turn]:
    """Our own labelled replies on which the shipped judge scores next_step 2 or lower."""
    rows = [json.loads(line) for line in (OWN_DIR / "labelled_replies.jsonl").open()]
    rows = [r for r in rows if r["lang"] == "en"][:120]
    requests = [JudgeRequest(r["customer"], r["reply"], "en") for r in rows]
    judged = OfflineJudge().score_many(requests)
    turns = []
    for req, j in zip(requests, judged, strict=True):
        step = j.criteria.get("next_step")
        if step is not None and step <= 2:
            index = len(turns) % PER_SESSION
            turns.append(Turn(index, req.customer_line, req.reply, j, "ok", 50, 50))
    assert len(turns) >= SESSIONS * PER_SESSION
    return turns[: SESSIONS * PER_SESSION]


def test_overall_grades_follow_the_nearest_anchor() -> None:
    assert [grade_of(v) for v in (0, 4, 6, 37, 38, 64, 66, 100)] == [0, 0, 1, 1, 2, 2, 3, 3]


def test_retrain_learns_the_coachs_next_step_and_rolls_back(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    t = team(records_in(data_dir))
    turns = _low_step_turns()
    for s in range(SESSIONS):
        mine = turns[s * PER_SESSION : (s + 1) * PER_SESSION]
        t.records.store.save_session(
            session("anna", *mine, sid=f"s{s:02d}", at=T0 + 7200 + s * 100)
        )
        # The coach reads these replies as better next steps than the judge does: two points up.
        for turn in mine:
            step = turn.judgement.criteria["next_step"]
            assert step is not None
            at = T0 + 9000 + s * 100 + turn.index
            reviews.add_review(
                t.records,
                t.coach_a,
                "anna",
                f"s{s:02d}",
                turn=turn.index,
                criteria={"next_step": step + 2},
                now=at,
            )
    overrides = cohort_overrides(t.records, t.cohort_a)
    train, held = split(overrides)
    assert len(held) == PER_SESSION * len(range(0, SESSIONS, HOLDOUT))
    assert not {o.session_id for o in train} & {o.session_id for o in held}

    weights = data_dir / "judge" / "heads.npz"
    try:
        assert main(["calibrate", "--cohort", t.cohort_a.id, "--retrain", "--json"]) == 0
        report = json.loads(capsys.readouterr().out)
        before = {a["criterion"]: a for a in report["before"]}["next_step"]
        after = {a["criterion"]: a for a in report["after"]}["next_step"]
        assert before["n"] == after["n"] == len(held)
        assert after["exact"] >= before["exact"]
        assert after["within_one"] >= before["within_one"]
        assert after["mean_abs"] < before["mean_abs"]
        assert report["trained"] == len(train) and report["held_out"] == len(held)
        # The first retrain replaced the shipped weights: nothing kept, the file is new.
        assert weights.is_file() and report["previous"] is None
        first = load_heads(weights).fingerprint
        assert first.startswith("retrained:")
        default_heads.cache_clear()
        assert default_heads().fingerprint == first  # the judge now prefers the team's weights

        # A second retrain keeps the first one beside it; rollback puts it back, then the shipped.
        assert main(["calibrate", "--cohort", t.cohort_a.id, "--retrain", "--lang", "en"]) == 0
        shown = capsys.readouterr().out
        assert "before → after" in shown and "--rollback" in shown
        assert (data_dir / "judge" / "heads.prev.npz").is_file()
        assert main(["calibrate", "--cohort", t.cohort_a.id, "--rollback", "--lang", "en"]) == 0
        assert "previous weights" in capsys.readouterr().out
        assert load_heads(weights).fingerprint == first
        assert main(["calibrate", "--cohort", t.cohort_a.id, "--rollback", "--lang", "en"]) == 0
        assert "shipped weights" in capsys.readouterr().out
        assert not weights.exists()
        default_heads.cache_clear()
        assert default_heads().fingerprint == load_heads(shipped_path()).fingerprint
    finally:
        default_heads.cache_clear()


def test_retrain_without_overrides_or_anything_to_roll_back_says_so_in_one_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    t = team(records_in(data_dir))
    assert main(["calibrate", "--cohort", t.cohort_a.id, "--retrain", "--lang", "en"]) != 0
    err = capsys.readouterr().err.strip()
    assert "No coach overrides in Team A" in err and "\n" not in err
    assert main(["calibrate", "--cohort", t.cohort_a.id, "--rollback", "--lang", "sv"]) != 0
    err = capsys.readouterr().err.strip()
    assert "Inget att rulla tillbaka" in err and "\n" not in err


def _one_override(data_dir: Path) -> str:
    """A cohort whose coach re-scored one turn of one session; returns the cohort id."""
    t = team(records_in(data_dir))
    t.records.store.save_session(
        session("anna", scored_turn(0, 40, next_step=1), sid="s1", at=T0 + 7200)
    )
    reviews.add_review(
        t.records, t.coach_a, "anna", "s1", turn=0, criteria={"next_step": 3}, now=T0 + 8000
    )
    return t.cohort_a.id


def test_one_session_of_overrides_is_too_few_to_hold_any_out(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cohort = _one_override(data_dir)
    assert main(["calibrate", "--cohort", cohort, "--retrain", "--lang", "en"]) != 0
    err = capsys.readouterr().err.strip()
    assert "in 1 session only: at least 2 are needed" in err and "\n" not in err


def test_without_scikit_learn_or_the_base_data_retrain_refuses_in_one_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cohort = _one_override(data_dir)
    with monkeypatch.context() as m:
        m.setitem(sys.modules, "sklearn", None)  # `import sklearn` raises ImportError
        assert main(["calibrate", "--cohort", cohort, "--retrain", "--lang", "en"]) != 0
    err = capsys.readouterr().err.strip()
    assert "pip install 'salescoach[dev]'" in err and "\n" not in err
    monkeypatch.setattr(retrain, "shared_files", lambda: [])  # a wheel install: no training data
    assert main(["calibrate", "--cohort", cohort, "--retrain", "--lang", "en"]) != 0
    err = capsys.readouterr().err.strip()
    assert "needs the judge's training data" in err and "\n" not in err
    assert not (data_dir / "judge").exists()
