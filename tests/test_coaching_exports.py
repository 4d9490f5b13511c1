"""Cohort exports: the exact CSV, and an HTML report that escapes what reps typed."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from bot.coaching import cohorts, exports, reviews
from bot.core.scenarios import default_scenarios
from bot.core.state import Outcome
from tests.coaching_world import T0, Team, records_in, session, team, turn


def seeded(tmp_path: Path) -> Team:
    t = team(records_in(tmp_path))
    store = t.records.store
    store.save_session(session("anna", turn(0, 90, insight=5), sid="before", at=T0))  # private
    store.save_session(
        session(
            "anna",
            turn(0, 40, challenge=1, discover_need=2, respect=4),
            turn(1, 80, challenge=4, discover_need=None, respect=5),
            sid="a1",
            at=T0 + 7200,
        )
    )
    store.save_session(
        session("bo", turn(0, 55, insight=3), sid="b1", at=T0 + 7300, outcome=Outcome.LOST)
    )
    store.save_session(  # still running: not exported
        session("bo", turn(0, 10), sid="b2", at=T0 + 7400, outcome=Outcome.ONGOING)
    )
    store.save_session(session("cy", turn(0, 99, insight=5), sid="c1", at=T0 + 7200))  # team B
    reviews.add_review(t.records, t.coach_a, "anna", "a1", turn=0, overall=60, now=T0 + 9000)
    reviews.add_review(t.records, t.coach_a, "anna", "a1", comment="Nice", now=T0 + 9100)
    return t


def test_cohort_csv_has_one_row_per_finished_session_of_members_since_joining(
    tmp_path: Path,
) -> None:
    t = seeded(tmp_path)
    assert exports.cohort_csv(t.records, t.cohort_a).splitlines() == [
        "cohort,rep_id,rep,session_id,scenario,level,mode,started,ended,outcome,turns,overall,"
        "passed,challenge,discover_need,insight,ownership,next_step,respect,coach_overall,"
        "coach_reviews",
        "Team A,anna,Anna,a1,best-price-friday,1,practice,2023-11-15T00:13:20Z,"
        "2023-11-15T00:14:20Z,won,2,60,1,2.50,2.00,,,,4.50,70,2",
        "Team A,bo,Bo,b1,best-price-friday,1,practice,2023-11-15T00:15:00Z,"
        "2023-11-15T00:16:00Z,lost,1,55,0,,,3.00,,,,,0",
    ]


def test_csv_defuses_spreadsheet_formulas_in_names(tmp_path: Path) -> None:
    t = seeded(tmp_path)
    assert t.cohort_a.code
    cohorts.join(t.records, "mallory", t.cohort_a.code, "=HYPERLINK(evil)", now=T0 + 3600)
    t.records.store.save_session(session("mallory", turn(0, 50), sid="m1", at=T0 + 7500))
    last = exports.cohort_csv(t.records, t.cohort_a).splitlines()[-1]
    assert last.startswith("Team A,mallory,'=HYPERLINK(evil),m1,")


def test_cohort_html_report_lists_members_and_escapes_names(tmp_path: Path) -> None:
    t = seeded(tmp_path)
    assert t.cohort_a.code
    cohorts.join(t.records, "eve", t.cohort_a.code, "<script>alert(1)</script>", now=T0 + 3600)
    html = exports.cohort_html(t.records, t.cohort_a, now=T0 + 10_000, heatmap=b"\x89PNG")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<h1>Team A</h1>" in html
    assert "3 members" in html
    assert "Anna" in html and "Bo" in html and "Cy" not in html
    assert 'src="data:image/png;base64,iVBORw=="' in html


def test_swedish_csv_opens_in_swedish_excel(tmp_path: Path) -> None:
    t = seeded(tmp_path)
    text = exports.cohort_csv(t.records, t.cohort_a, lang="sv")
    assert text.startswith("\ufeffgrupp;säljar_id;säljare;pass_id;scenario;nivå;läge;")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0][13:19] == [
        "Utmana",
        "Hitta behovet",
        "Tillför insikt",
        "Ta ansvar",
        "Driv nästa steg",
        "Respekt och relation",
    ]
    anna = rows[1]
    assert anna[:8] == [
        "Team A",
        "anna",
        "Anna",
        "a1",
        "Bästa pris senast fredag",
        "1",
        "Övning",
        "2023-11-15 01:13",  # Stockholm time, which Excel reads as a date
    ]
    assert anna[9] == "Vunnen affär" and anna[13:15] == ["2,50", "2,00"]


def test_swedish_cohort_report_has_no_english_and_names_scenarios(tmp_path: Path) -> None:
    from bot.coaching import assignments

    t = seeded(tmp_path)
    assignments.assign(
        t.records, t.coach_a, t.cohort_a.id, "let-it-mature", level=2, deadline=T0 + 10**6, now=T0
    )
    page = exports.cohort_html(t.records, t.cohort_a, lang="sv", now=T0 + 10_000)
    assert '<html lang="sv">' in page and "<h2>Medlemmar</h2>" in page
    assert "2 medlemmar" in page and "Senaste poäng" in page
    assert default_scenarios()["let-it-mature"].title("sv") in page
    assert "let-it-mature" not in page
    for english in ("Members", "Recent score", "Skills", "Assignments", "member"):
        assert english not in page
    one = exports.cohort_html(records_in(tmp_path / "empty"), t.cohort_a, lang="sv", now=T0)
    assert "Ingen har gått med än." in one
