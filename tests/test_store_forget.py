"""Forget is complete and crash-safe: whatever the step a crash cuts it at, and whichever
shared file is damaged, no byte of the rep is left under the data folder once the next command
has run; the other rep keeps everything."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

import pytest
from forget_world import GONE, GONE_NAME, KEPT, kept_intact, populate, traces

from bot.cli import main
from bot.store import Store, forget


class Crash(BaseException):
    """Stands for the process dying: nothing after it runs, no handler catches it."""


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line speaks SALESCOACH_LANG; these tests read its English words."""
    monkeypatch.setenv("SALESCOACH_LANG", "en")


@pytest.fixture
def folder(data_dir: Path) -> Path:
    populate(data_dir)
    return data_dir


def test_the_rep_is_in_every_shared_file_before_the_forget(folder: Path) -> None:
    found = "\n".join(traces(folder))
    for part in (
        "users/zq-4321",
        "sessions_index/",
        "tables/cohort_members.json",
        "tables/rounds.json",
        "tables/round_results.json",
        "tables/reviews.json",
        "tables/llm_usage.json",
    ):
        assert part in found


def test_forget_leaves_no_trace_in_any_file_and_keeps_the_other_rep(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["forget", "--user", GONE, "--yes", "--lang", "en"]) == 0
    assert "Deleted all data for 'zq-4321'." in capsys.readouterr().out

    assert traces(folder) == []
    kept_intact(folder)
    assert main(["forget", "--user", GONE, "--yes", "--lang", "en"]) == 0
    assert "Nothing was stored for 'zq-4321'." in capsys.readouterr().out


STEPS = ("job", "move", "pointers", "tables", "data", "done")
NEXT = {
    "history": ["history", "--user", KEPT],
    "forget": ["forget", "--user", GONE, "--yes", "--lang", "en"],
    "export": ["export", "--user", KEPT],
}


def _crash_at(step: str) -> Callable[[str], None]:
    def hook(name: str) -> None:
        if name == step:
            raise Crash(step)

    return hook


@pytest.mark.parametrize("next_command", sorted(NEXT))
@pytest.mark.parametrize("step", STEPS)
def test_a_forget_cut_short_at_any_step_is_finished_by_the_next_command(
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    step: str,
    next_command: str,
) -> None:
    monkeypatch.setattr(forget, "step_hook", _crash_at(step))
    with pytest.raises(Crash):
        main(["forget", "--user", GONE, "--yes", "--lang", "en"])
    gc.collect()  # the dead process's store goes, and with it its hold on the folder
    monkeypatch.setattr(forget, "step_hook", None)
    capsys.readouterr()

    assert main(NEXT[next_command]) == 0

    out = capsys.readouterr().out
    if step == "job" and next_command != "forget":  # cut before the job was written down
        assert Store(folder).user_ids() == sorted([GONE, KEPT])  # so nothing was forgotten yet
        main(NEXT["forget"])
        out = capsys.readouterr().out
    if next_command == "forget" or step == "job":
        assert "Deleted all data for 'zq-4321'." in out  # never "Nothing was stored"
    assert traces(folder) == []
    kept_intact(folder)


def _cut_after(needle: str) -> Callable[[Path], None]:
    """Damage a file by cutting it just after the rep's mention (so the rep is inside it)."""

    def cut(path: Path) -> None:
        data = path.read_bytes()
        at = data.index(needle.encode())
        path.write_bytes(data[: at + len(needle) + 3])

    return cut


def _shard(store: Store) -> Path:
    return store.layout.pointer_shard("zq0001")


DAMAGED: dict[str, tuple[Callable[[Store], Path], str]] = {
    "shard": (_shard, GONE),
    "rounds": (lambda s: s.layout.collection("rounds"), GONE_NAME),
    "reviews": (lambda s: s.layout.collection("reviews"), GONE),
    "members": (lambda s: s.layout.collection("cohort_members"), GONE_NAME),
    "results": (lambda s: s.layout.collection("round_results"), GONE),
    "usage": (lambda s: s.layout.collection("llm_usage"), GONE),
    "rep_index": (lambda s: s.layout.user_index(GONE), "zq0001"),
    "rep_session": (lambda s: s.layout.session(GONE, "zq0001"), "marmalade"),
}


@pytest.mark.parametrize("which", sorted(DAMAGED))
def test_forget_with_a_damaged_file_still_leaves_no_trace(
    folder: Path, capsys: pytest.CaptureFixture[str], which: str
) -> None:
    where, needle = DAMAGED[which]
    path = where(Store(folder))
    _cut_after(needle)(path)
    assert needle.encode() in path.read_bytes()

    assert main(["forget", "--user", GONE, "--yes", "--lang", "en"]) == 0

    assert "Deleted all data for 'zq-4321'." in capsys.readouterr().out
    assert traces(folder) == []
    store = Store(folder)
    assert [s.id for s in store.sessions(KEPT)] == ["bo0000"]
    assert store.load_session("bo0000").user_id == KEPT
    if which in ("shard", "rep_index", "rep_session"):
        kept_intact(folder)  # nothing of the other rep's was in the damaged file


def test_an_older_salescoachs_half_done_forget_is_finished(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(folder)
    user_dir = store.layout.user_dir(GONE)
    user_dir.rename(user_dir.with_name(".forget-0123456789ab"))  # renamed, then killed
    store.close()

    assert main(["forget", "--user", GONE, "--yes", "--lang", "en"]) == 0

    assert "Deleted all data for 'zq-4321'." in capsys.readouterr().out
    assert traces(folder) == []
    kept_intact(folder)


def test_a_turn_still_under_way_when_the_rep_is_forgotten_is_not_written_back(
    folder: Path,
) -> None:
    store = Store(folder)
    ongoing = store.load_session("zq0002")
    assert store.forget_user(GONE)

    ongoing.turns.pop()
    store.save_session(ongoing)  # the bot finishing a turn that began before the forget

    assert traces(folder) == []
