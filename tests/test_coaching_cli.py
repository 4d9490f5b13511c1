"""The coaching commands: cohorts, export --cohort, calibrate and coach."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.coaching import reviews, roles
from bot.coaching.records import Records
from bot.store import Store
from tests.coaching_world import T0, Team, session, team, turn


@pytest.fixture
def world(data_dir: Path) -> Team:
    t = team(Records(Store(data_dir)))
    t.records.store.save_session(
        session("anna", turn(0, 70, insight=4, respect=5), sid="a1", at=T0 + 7200)
    )
    reviews.add_review(t.records, t.coach_a, "anna", "a1", turn=0, criteria={"insight": 2})
    return t


def test_cohorts_lists_every_cohort_with_members(
    world: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cohorts", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["name"], [m["name"] for m in r["members"]]) for r in rows] == [
        ("Team A", ["Anna", "Bo"]),
        ("Team B", ["Cy"]),
    ]


def test_export_cohort_by_join_code_writes_csv_and_html(world: Team, tmp_path: Path) -> None:
    csv_file, html_file = tmp_path / "a.csv", tmp_path / "a.html"
    code = (world.cohort_a.code or "").lower()
    files = ["--csv", str(csv_file), "--html", str(html_file)]
    assert main(["export", "--cohort", code, "--lang", "en", *files]) == 0
    lines = csv_file.read_text().splitlines()
    assert lines[0].startswith("cohort,rep_id,rep,session_id,")
    assert lines[1].startswith("Team A,anna,Anna,a1,")
    assert "<h1>Team A</h1>" in html_file.read_text()


def test_export_in_swedish_opens_in_swedish_excel(world: Team, tmp_path: Path) -> None:
    csv_file, html_file = tmp_path / "a.csv", tmp_path / "a.html"
    code = (world.cohort_a.code or "").lower()
    assert main(["export", "--cohort", code, "--csv", str(csv_file), "--html", str(html_file)]) == 0
    raw = csv_file.read_bytes()
    assert raw.startswith("\ufeffgrupp;säljar_id;säljare;pass_id;scenario;nivå;".encode())
    row = raw.decode("utf-8-sig").splitlines()[1].split(";")
    assert row[:4] == ["Team A", "anna", "Anna", "a1"]
    assert row[4] == "Bästa pris senast fredag" and row[6] == "Övning"
    assert "4,00" in row  # a criterion mean with a decimal comma
    page = html_file.read_text()
    assert "<h2>Medlemmar</h2>" in page and "Members" not in page


def test_export_of_an_unknown_cohort_says_how_to_find_it(
    world: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--cohort", "nope"]) == 1
    assert "salescoach cohorts" in capsys.readouterr().err


def test_calibrate_reports_per_criterion_agreement(
    world: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["calibrate", "--cohort", world.cohort_a.id, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    insight = next(c for c in data["criteria"] if c["criterion"] == "insight")
    assert (insight["n"], insight["exact"], insight["bias"]) == (1, 0.0, 2.0)
    assert data["worst"] == [] and "insight" in data["too_few"]  # one label ranks nothing
    assert main(["calibrate", "--cohort", world.cohort_a.id, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "disagrees with the coach most" not in out
    assert "Too few labels to judge (under 5): Bring insight" in out
    assert main(["calibrate", "--cohort", world.cohort_a.id]) == 0
    swedish = capsys.readouterr().out
    row = next(line for line in swedish.splitlines() if line.startswith("Tillför insikt"))
    assert "0 %" in row and "+2,00" in row  # Swedish percent and decimal comma
    assert "Tillför insikt" in swedish.splitlines()[-2] and "insight" not in swedish


def test_coach_grant_and_revoke_from_the_command_line(world: Team) -> None:
    assert main(["coach", "--grant", "777"]) == 0
    assert roles.role_of(world.records, [], "777").name == "COACH"
    assert main(["coach", "--revoke", "777"]) == 0
    assert roles.role_of(world.records, [], "777").name == "REP"
