"""Files written with an older schema are upgraded in order and rewritten in the current one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from factories import scored_session

from bot.errors import StoreError
from bot.store import SCHEMA_VERSION, Store
from bot.store.migrations import upgrade


def _write(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_a_version_1_store_loads_and_is_rewritten_in_the_current_schema(data_dir: Path) -> None:
    store = Store(data_dir)
    old = scored_session([60, 80], id="v1sess")
    # Version 1: plain TinyDB files, every document in `_default`, no `_meta`.
    _write(store.layout.profile("anna"), {"_default": {"1": {"user_id": "anna", "lang": "en"}}})
    _write(store.layout.session("anna", "v1sess"), {"_default": {"1": old.to_dict()}})
    _write(
        store.layout.pointer_shard("v1sess"),
        {"_default": {"1": {"id": "v1sess", "user_id": "anna"}}},
    )
    _write(store.layout.collection("cohorts"), {"_default": {"1": {"key": "north", "n": 1}}})

    assert store.get_user("anna") == {"user_id": "anna", "lang": "en"}
    assert store.load_session("v1sess").to_dict() == old.to_dict()
    assert store.table("cohorts").get("north") == {"key": "north", "n": 1}

    loaded = store.load_session("v1sess")
    store.save_session(loaded)
    store.update_user("anna", name="Anna")
    rewritten = json.loads(store.layout.session("anna", "v1sess").read_text(encoding="utf-8"))
    assert rewritten["_meta"] == {"schema": SCHEMA_VERSION, "kind": "session"}
    assert "_default" not in rewritten
    assert store.get_user("anna") is not None and store.get_user("anna")["lang"] == "en"  # type: ignore[index]


def test_migrations_run_in_order_from_the_files_version(tmp_path: Path) -> None:
    calls: list[str] = []

    def step(name: str) -> Any:
        def run(kind: str, tables: dict[str, Any]) -> dict[str, Any]:
            calls.append(name)
            return {**tables, "steps": {**tables.get("steps", {}), str(len(calls)): {"n": name}}}

        return run

    steps = [step("1->2"), step("2->3"), step("3->4")]
    raw = {"_meta": {"schema": 2, "kind": "profile"}, "profile": {}}

    upgraded = upgrade(tmp_path / "f.json", "profile", raw, steps)

    assert calls == ["2->3", "3->4"]
    assert upgraded["steps"] == {"1": {"n": "2->3"}, "2": {"n": "3->4"}}


@pytest.mark.parametrize("schema", [0, "2", None])
def test_a_nonsense_schema_version_is_reported_as_damage(tmp_path: Path, schema: object) -> None:
    with pytest.raises(StoreError, match=r"_meta\.schema"):
        upgrade(tmp_path / "f.json", "profile", {"_meta": {"schema": schema}})
