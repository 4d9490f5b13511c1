"""The data commands end to end: progress, history, transcript, export and forget."""

from __future__ import annotations

import getpass
import io
import json
from pathlib import Path

import pytest
from factories import DAY, T0, scored_session, session, turn

from bot.cli import main
from bot.core.rubric import default_rubric
from bot.core.scenarios import default_scenarios
from bot.core.state import Outcome
from bot.store import Store


class FakeTerminal(io.StringIO):
    """Standard input that claims to be a terminal and answers with the given text."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def store(data_dir: Path) -> Store:
    s = Store(data_dir)
    s.update_user("anna", lang="en")
    for n, (overall, outcome) in enumerate([(58, Outcome.LOST), (78, Outcome.WON)]):
        turns = [turn(i, overall, at=T0 + n * DAY, ownership=2 + n, respect=4) for i in range(3)]
        s.save_session(
            session(
                scenario_id="cards-never-arrived",
                turns=turns,
                outcome=outcome,
                started_at=T0 + n * DAY,
                id=f"anna{n}",
            )
        )
    return s


def test_progress_json_has_the_figures(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["progress", "--user", "anna", "--json"]) == 0

    data = json.loads(capsys.readouterr().out)
    assert (data["user_id"], data["sessions"], data["last_overall"]) == ("anna", 2, 78)
    ownership = next(c for c in data["criteria"] if c["id"] == "ownership")
    assert (ownership["last"], ownership["change"]) == (60, 20)
    assert data["scenarios"][1] == {
        "scenario_id": "cards-never-arrived",
        "sessions": 2,
        "best": 78,
        "medal": "silver",
    }


def test_progress_text_names_what_to_train_next_and_draws_the_chart(
    store: Store, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    chart = tmp_path / "me.png"

    assert main(["progress", "--user", "anna", "--chart", str(chart)]) == 0

    out = capsys.readouterr().out
    assert "Progress for anna: 2 sessions" in out
    trains_ownership = [sid for sid, s in default_scenarios().items() if "ownership" in s.focus]
    next_up = next(sid for sid in trains_ownership if sid != "cards-never-arrived")
    assert f"Train next: {default_rubric().criterion('ownership').name('en')}, with “" in out
    assert f"salescoach chat --scenario {next_up}" in out
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_history_lists_sessions_newest_first(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history", "--user", "anna", "--lang", "en"]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[8] for line in lines] == ["anna1", "anna0"]
    assert "The business cards that never arrived" in lines[0]


def test_history_defaults_to_the_login_name(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    store.save_session(scored_session([70], user_id=getpass.getuser(), id="mine"))

    assert main(["history"]) == 0

    assert " mine " in capsys.readouterr().out


def test_transcript_prints_text_or_writes_a_page(
    store: Store, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["transcript", "anna1"]) == 0
    assert "Maria Ekström: I just want your price list." in capsys.readouterr().out

    page = tmp_path / "t.html"
    assert main(["transcript", "anna1", "--html", str(page)]) == 0
    assert "The business cards that never arrived" in page.read_text(encoding="utf-8")


def test_transcript_of_an_unknown_session_is_a_clear_error(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["transcript", "nope"]) == 1

    assert "no session 'nope'" in capsys.readouterr().err


def test_export_prints_everything_as_json(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--user", "anna"]) == 0

    data = json.loads(capsys.readouterr().out)
    assert data["profile"]["lang"] == "en"
    assert [s["id"] for s in data["sessions"]] == ["anna0", "anna1"]


def test_export_of_an_unknown_user_says_so(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--user", "ghost", "--lang", "en"]) == 1

    assert "Nothing is stored for 'ghost'" in capsys.readouterr().err


def test_forget_with_yes_deletes_the_rep(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forget", "--user", "anna", "--yes", "--lang", "en"]) == 0

    assert "Deleted all data for 'anna'." in capsys.readouterr().out
    assert store.user_ids() == []


def test_forget_without_yes_off_a_terminal_refuses(
    store: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))

    assert main(["forget", "--user", "anna", "--lang", "en"]) == 1

    assert "add --yes" in capsys.readouterr().err
    assert store.user_ids() == ["anna"]


@pytest.mark.parametrize(("answer", "code", "left"), [("y\n", 0, []), ("\n", 1, ["anna"])])
def test_forget_on_a_terminal_asks_first(
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    code: int,
    left: list[str],
) -> None:
    monkeypatch.setattr("sys.stdin", FakeTerminal(answer))

    assert main(["forget", "--user", "anna"]) == code

    assert store.user_ids() == left
