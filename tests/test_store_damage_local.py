"""Damage stays local: a damaged session file, index shard or table hides only what is in it;
the rep keeps practising and sees every other session, with a note naming what is unreadable;
the shared index rebuilds itself from the reps' own folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories import scored_session

from bot.cli import main
from bot.store import Store


@pytest.fixture
def store(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("SALESCOACH_LANG", "en")  # the notes, in the terminal's language
    s = Store(data_dir)
    for user in ("anna", "bo"):
        s.update_user(user, lang="en")
        s.save_session(scored_session([70], user_id=user, id=f"{user}1", start=1.0e9))
        s.save_session(scored_session([80], user_id=user, id=f"{user}2", start=1.1e9))
        s.table("reviews").insert(f"r-{user}", {"user_id": user, "session_id": f"{user}1"})
    return s


def _cut(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:40])


def test_a_damaged_session_hides_only_itself(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = store.layout.session("anna", "anna1")
    _cut(damaged)

    assert [s.id for s in store.sessions("anna")] == ["anna2"]
    assert store.unreadable("anna") == [damaged]
    assert [s.id for s in store.load_sessions("anna")] == ["anna2"]
    assert store.active_session("anna") is None
    store.save_session(scored_session([60], user_id="anna", id="anna3"))  # keeps practising
    assert store.load_session("anna3").user_id == "anna"

    assert main(["history", "--user", "anna", "--lang", "en"]) == 0
    out, err = capsys.readouterr()
    assert " anna2 " in out and " anna3 " in out and "anna1" not in out
    assert f"1 saved session could not be read (damaged file: {damaged})" in err
    assert main(["progress", "--user", "anna", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sessions"] == 2
    assert main(["export", "--user", "anna"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in exported["sessions"]] == ["anna2", "anna3"]
    assert exported["unreadable"] == ["users/anna/sessions/anna1.json"]


def test_a_damaged_index_shard_is_rebuilt_and_blocks_no_new_session(store: Store) -> None:
    shard = store.layout.pointer_shard("anna1")
    _cut(shard)
    newcomer = next(
        f"new{n}" for n in range(10_000) if store.layout.pointer_shard(f"new{n}") == shard
    )

    store.save_session(scored_session([75], user_id="bo", id=newcomer))

    assert store.load_session(newcomer).user_id == "bo"
    assert store.load_session("anna1").user_id == "anna"
    rows = json.loads(shard.read_text(encoding="utf-8"))["sessions"].values()
    assert {(r["id"], r["user_id"]) for r in rows} >= {("anna1", "anna"), (newcomer, "bo")}


def test_a_damaged_shard_is_read_around_even_on_a_read_only_visit(store: Store) -> None:
    _cut(store.layout.pointer_shard("bo2"))
    store.close()

    assert Store(store.layout.root).load_session("bo2").user_id == "bo"


def test_a_damaged_reviews_table_blocks_neither_export_nor_forget(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    _cut(store.layout.collection("reviews"))

    for user in ("anna", "bo"):
        assert main(["export", "--user", user]) == 0
        out, err = capsys.readouterr()
        assert json.loads(out)["unreadable"] == ["tables/reviews.json"]
        assert "tables/reviews.json" in err
    assert main(["forget", "--user", "bo", "--yes", "--lang", "en"]) == 0
    assert "Deleted all data for 'bo'." in capsys.readouterr().out
    assert store.user_ids() == ["anna"]
    assert [s.id for s in store.sessions("anna")] == ["anna2", "anna1"]


def test_a_damaged_profile_costs_only_the_saved_language(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    _cut(store.layout.profile("anna"))

    assert store.profile("anna") == {}
    assert main(["progress", "--user", "anna", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sessions"] == 2
    assert main(["export", "--user", "anna"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["profile"] is None
    assert exported["unreadable"] == ["users/anna/profile.json"]
    assert store.update_user("anna", lang="sv")["lang"] == "sv"  # /lang writes a fresh one
    assert store.get_user("anna") is not None


def test_a_transcript_page_is_written_without_the_notes_of_a_damaged_reviews_table(
    store: Store, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _cut(store.layout.collection("reviews"))
    page = tmp_path / "t.html"

    assert main(["transcript", "anna1", "--html", str(page)]) == 0

    assert "<html" in page.read_text(encoding="utf-8")
    assert "tables/reviews.json" in capsys.readouterr().err


def test_an_index_with_valid_json_but_bad_values_is_read_around(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    store.sessions("anna")  # writes the rep's index
    index = store.layout.user_index("anna")
    doc = json.loads(index.read_text(encoding="utf-8"))
    for row in doc["finished"].values():
        row["overall"], row["started_at"] = "not a number", None
    index.write_text(json.dumps(doc), encoding="utf-8")

    assert sorted(s.id for s in store.sessions("anna")) == ["anna1", "anna2"]
    for command in ("history", "progress", "export"):
        assert main([command, "--user", "anna"]) == 0, capsys.readouterr().err
    rewritten = json.loads(index.read_text(encoding="utf-8"))
    assert all(isinstance(r["overall"], int) for r in rewritten["finished"].values())
