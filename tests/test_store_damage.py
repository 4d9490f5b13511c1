"""A file damaged by hand gives an error naming it; the rest of the store keeps working."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories import scored_session

from bot.errors import StoreError
from bot.store import Store


@pytest.fixture
def store(data_dir: Path) -> Store:
    s = Store(data_dir)
    for user in ("anna", "bo"):
        s.update_user(user, lang="sv")
        s.save_session(scored_session([70], user_id=user, id=f"{user}1"))
    return s


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:25])


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (_truncate, "not valid JSON"),
        (lambda p: p.write_text("[1, 2]", encoding="utf-8"), "expected a JSON object"),
        (lambda p: p.write_bytes(b"\xff\xfe\x00garbage"), "not valid JSON"),
        (lambda p: p.write_text('{"session": {"1": 5}}', encoding="utf-8"), "not a document"),
        (
            lambda p: p.write_text('{"session": {"1": {"id": "x"}}}', encoding="utf-8"),
            "valid session",
        ),
    ],
)
def test_a_damaged_session_file_is_named_and_other_users_are_unaffected(
    store: Store, damage: object, reason: str
) -> None:
    path = store.layout.session("anna", "anna1")
    damage(path)  # type: ignore[operator]

    with pytest.raises(StoreError, match=reason) as err:
        store.load_session("anna1")
    assert str(path) in str(err.value)
    assert "Restore it from a backup" in str(err.value)
    assert store.load_session("bo1").user_id == "bo"
    assert [s.id for s in store.sessions("bo")] == ["bo1"]
    store.save_session(scored_session([80], user_id="bo", id="bo2"))


def test_a_damaged_profile_is_named(store: Store) -> None:
    path = store.layout.profile("anna")
    _truncate(path)

    with pytest.raises(StoreError, match="damaged store file") as err:
        store.get_user("anna")
    assert str(path) in str(err.value)
    assert store.get_user("bo") is not None


def test_a_damaged_index_is_rebuilt_from_the_session_files(store: Store) -> None:
    store.sessions("anna")
    _truncate(store.layout.user_index("anna"))

    assert [s.id for s in store.sessions("anna")] == ["anna1"]
    assert json.loads(store.layout.user_index("anna").read_text(encoding="utf-8"))["finished"]


def test_a_session_missing_from_the_global_index_is_found_and_reindexed(store: Store) -> None:
    store.layout.pointer_shard("anna1").unlink()

    assert store.load_session("anna1").user_id == "anna"
    assert store.layout.pointer_shard("anna1").exists()


def test_a_damaged_collection_is_named_and_other_collections_work(store: Store) -> None:
    store.table("reviews").insert("r1", {})
    store.table("cohorts").insert("c1", {})
    _truncate(store.layout.collection("reviews"))

    with pytest.raises(StoreError, match=r"reviews\.json"):
        store.table("reviews").all()
    assert store.table("cohorts").get("c1") == {"key": "c1"}


def test_a_file_from_a_newer_salescoach_asks_for_an_upgrade(store: Store) -> None:
    path = store.layout.profile("anna")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["_meta"]["schema"] = 99
    path.write_text(json.dumps(data), encoding="utf-8")

    with pytest.raises(StoreError, match=r"schema 99.*Upgrade salescoach"):
        store.get_user("anna")


def test_a_file_of_the_wrong_kind_is_reported(store: Store) -> None:
    profile = store.layout.profile("anna").read_bytes()
    store.layout.session("anna", "anna1").write_bytes(profile)

    with pytest.raises(StoreError, match="holds a 'profile', expected a 'session'"):
        store.load_session("anna1")
