"""The store's contract: sessions, users, collections, export and forget."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import T0, scored_session, session, turn

from bot.core.state import Outcome
from bot.errors import StoreError
from bot.store import SessionSummary, Store


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store(data_dir)


def test_a_saved_session_loads_back_identical(store: Store) -> None:
    saved = scored_session([55, 70, 80], outcome=Outcome.MEETING_BOOKED)
    store.save_session(saved)

    assert store.load_session(saved.id).to_dict() == saved.to_dict()


def test_an_unknown_session_id_is_a_store_error_naming_it(store: Store) -> None:
    with pytest.raises(StoreError, match="no session 'nope'"):
        store.load_session("nope")


def test_an_unfinished_session_survives_a_restart(data_dir: Path) -> None:
    Store(data_dir).save_session(scored_session([60, 65], outcome=Outcome.ONGOING, id="live"))

    resumed = Store(data_dir).active_session("anna")

    assert resumed is not None
    assert (resumed.id, len(resumed.turns)) == ("live", 2)


def test_active_session_is_the_newest_unfinished_one(store: Store) -> None:
    store.save_session(session(id="old", started_at=T0))
    store.save_session(session(id="new", started_at=T0 + 60))
    store.save_session(session(id="done", started_at=T0 + 120, outcome=Outcome.WON))

    active = store.active_session("anna")

    assert active is not None and active.id == "new"


def test_no_active_session_once_everything_is_finished(store: Store) -> None:
    store.save_session(session(outcome=Outcome.LOST))

    assert store.active_session("anna") is None
    assert store.active_session("nobody") is None


def test_sessions_lists_finished_and_unfinished_newest_first(store: Store) -> None:
    store.save_session(scored_session([50, 70], start=T0, id="a"))
    store.save_session(scored_session([90], start=T0 + 60, id="b", outcome=Outcome.ONGOING))
    store.save_session(scored_session([40], start=T0 + 120, id="c", outcome=Outcome.LOST))

    listed = store.sessions("anna")

    assert [s.id for s in listed] == ["c", "b", "a"]
    assert listed[2] == SessionSummary(
        id="a",
        scenario_id="price_shopper",
        lang="en",
        level=1,
        mode="practice",
        outcome=Outcome.WON,
        overall=60,
        started_at=T0,
        ended_at=T0 + 600,
        turns=2,
    )
    assert [s.id for s in store.sessions("anna", limit=1)] == ["c"]


def test_listing_indexes_finished_sessions_and_notices_later_changes(store: Store) -> None:
    finished = scored_session([50], id="a")
    store.save_session(finished)
    assert store.sessions("anna")[0].overall == 50
    assert store.layout.user_index("anna").exists()

    finished.turns.append(turn(1, 90))  # e.g. a coach override after the fact
    store.save_session(finished)

    assert store.sessions("anna")[0].overall == 70


def test_saving_a_turn_rewrites_only_the_session_file(store: Store) -> None:
    live = session(id="live")
    store.save_session(live)
    store.save_session(scored_session([70], id="done"))
    store.sessions("anna")
    others = [store.layout.user_index("anna"), store.layout.pointer_shard("live")]
    before = [p.stat().st_mtime_ns for p in others]

    live.turns.append(turn(0))
    store.save_session(live)

    assert [p.stat().st_mtime_ns for p in others] == before


def test_load_sessions_returns_all_oldest_first(store: Store) -> None:
    store.save_session(session(id="late", started_at=T0 + 100))
    store.save_session(session(id="early", started_at=T0))
    store.save_session(session(user_id="bo", id="other"))

    assert [s.id for s in store.load_sessions("anna")] == ["early", "late"]


def test_update_user_merges_fields_into_the_profile(store: Store) -> None:
    assert store.get_user("anna") is None
    store.update_user("anna", lang="en", name="Anna")
    profile = store.update_user("anna", lang="sv")

    assert (profile["lang"], profile["name"], profile["user_id"]) == ("sv", "Anna", "anna")
    assert store.get_user("anna") == profile


@pytest.mark.parametrize("user_id", ["12345678", "anna.k", "Åsa Öberg", "../../etc", "a/b"])
def test_any_user_id_stays_inside_the_users_folder(store: Store, user_id: str) -> None:
    store.update_user(user_id, lang="sv")

    assert store.user_ids() == [user_id]
    assert store.layout.user_dir(user_id).parent == store.layout.users_dir


def test_export_holds_profile_sessions_and_the_users_collection_entries(store: Store) -> None:
    store.update_user("anna", lang="en")
    store.save_session(scored_session([70], id="a"))
    store.table("reviews").insert("r1", {"user_id": "anna", "note": "good"})
    store.table("reviews").insert("r2", {"user_id": "bo", "note": "other"})

    exported = store.export_user("anna")

    assert exported["profile"]["lang"] == "en"
    assert [s["id"] for s in exported["sessions"]] == ["a"]
    assert exported["collections"] == {
        "reviews": [{"user_id": "anna", "note": "good", "key": "r1"}]
    }


def test_forget_deletes_everything_about_the_user_and_nothing_else(store: Store) -> None:
    store.update_user("anna", lang="en")
    store.save_session(scored_session([70], id="a"))
    store.save_session(scored_session([70], id="b", user_id="bo"))
    store.table("reviews").insert("r1", {"user_id": "anna"})

    assert store.forget_user("anna") is True

    assert store.user_ids() == ["bo"]
    assert store.get_user("anna") is None
    assert store.table("reviews").all() == []
    with pytest.raises(StoreError):
        store.load_session("a")
    assert store.load_session("b").user_id == "bo"
    assert store.forget_user("anna") is False


def test_collections_insert_get_update_search_remove(store: Store) -> None:
    cohorts = store.table("cohorts")
    cohorts.insert("north", {"coach": "eva", "size": 3})
    cohorts.insert("south", {"coach": "eva", "size": 5})
    cohorts.update("south", size=6)
    cohorts.upsert("west", {"coach": "ola"})

    assert cohorts.get("south") == {"coach": "eva", "size": 6, "key": "south"}
    assert [d["key"] for d in cohorts.search(coach="eva")] == ["north", "south"]
    assert [d["key"] for d in cohorts.search(lambda d: d.get("size", 0) > 4)] == ["south"]
    assert cohorts.remove("north") is True
    assert cohorts.remove("north") is False
    assert [d["key"] for d in cohorts.all()] == ["south", "west"]
    assert store.collection_names() == ["cohorts"]


def test_a_collection_key_can_be_inserted_only_once(store: Store) -> None:
    store.table("rounds").insert("r1", {})

    with pytest.raises(StoreError, match="'r1' already exists"):
        store.table("rounds").insert("r1", {})


def test_updating_a_missing_collection_key_is_an_error(store: Store) -> None:
    with pytest.raises(StoreError, match="no document 'ghost'"):
        store.table("rounds").update("ghost", x=1)


@pytest.mark.parametrize("bad", ["", "a b", "../x", "x" * 65])
def test_unsafe_session_ids_are_refused(store: Store, bad: str) -> None:
    with pytest.raises(StoreError, match="invalid session id"):
        store.save_session(session(id=bad))


def test_temp_files_left_by_a_killed_write_are_ignored(store: Store) -> None:
    store.save_session(session(id="real"))
    sessions_dir = store.layout.sessions_dir("anna")
    (sessions_dir / ".real.json.deadbeef.tmp").write_text("{trunc", encoding="utf-8")

    assert [s.id for s in store.sessions("anna")] == ["real"]
    assert [s.id for s in store.load_sessions("anna")] == ["real"]
