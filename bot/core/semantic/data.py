"""Labelled replies the heads learn from: our own rounds and the outside dev sets, one schema."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from bot import paths

CRITERIA = ("challenge", "discover_need", "insight", "ownership", "next_step", "respect")
#: Our own graded rounds (grade only) in the repository.
OWN_DIR = paths.PROJECT_ROOT / "tests" / "data"
#: The outside sets (grade and per-criterion scores) live beside the clone, in `../shared/data`
#: (a git worktree sits one level deeper, so its grandparent is tried too).
_SHARED_CANDIDATES = [
    paths.PROJECT_ROOT.parent / "shared" / "data",
    paths.PROJECT_ROOT.parent.parent / "shared" / "data",
]
SHARED_DIR = next((p for p in _SHARED_CANDIDATES if p.is_dir()), _SHARED_CANDIDATES[0])
SHARED_FILES = ("dev_replies.jsonl", "dev_replies_2.jsonl")


@dataclass(frozen=True)
class Row:
    """One graded reply to one customer line."""

    id: str
    source: str  # "own", "dev1" or "dev2"
    lang: str
    situation: str  # replies sharing a situation are never split between training and test
    customer: str
    reply: str
    grade: int
    criteria: dict[str, int | None] | None  # None: only the overall grade was given
    why: str
    # Rows written to teach the move heads a reading (a bare meeting proposal, a closing check):
    # too narrow in style to grade against, so the grade head and the scaling leave them out.
    moves_only: bool = False


#: Our files that teach moves only (see `Row.moves_only`).
MOVES_ONLY_PREFIX = "moves_"


def _read(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def own_files(root: Path = OWN_DIR) -> list[Path]:
    """Our labelled files, in a fixed order."""
    return sorted(root.glob("*.jsonl"))


def shared_files(root: Path = SHARED_DIR) -> list[Path]:
    """The outside dev sets that exist under `root` (CI has them beside the clone)."""
    return [root / name for name in SHARED_FILES if (root / name).exists()]


def load_rows(own: Path = OWN_DIR, shared: Path = SHARED_DIR) -> list[Row]:
    """Every labelled row: ours (grouped by scenario) and the outside sets (grouped by situation)."""
    rows: list[Row] = []
    for path in own_files(own):
        for d in _read(path):
            rows.append(
                Row(
                    id=str(d["id"]),
                    source="own",
                    lang=str(d["lang"]),
                    # Our rounds reuse the same 13 scenarios: the scenario is the situation.
                    situation=f"own:{d.get('scenario') or d['customer']}",
                    customer=str(d["customer"]),
                    reply=str(d["reply"]),
                    grade=int(str(d["grade"])),
                    criteria=None,
                    why=str(d.get("why", "")),
                    moves_only=path.name.startswith(MOVES_ONLY_PREFIX),
                )
            )
    for path in shared_files(shared):
        source = "dev1" if path.name == SHARED_FILES[0] else "dev2"
        for d in _read(path):
            crit = d["criteria"]
            assert isinstance(crit, dict)
            rows.append(
                Row(
                    id=str(d["id"]),
                    source=source,
                    lang=str(d["lang"]),
                    situation=f"{source}:{d['situation']}",
                    customer=str(d["customer"]),
                    reply=str(d["reply"]),
                    grade=int(str(d["grade"])),
                    criteria={c: (None if crit[c] is None else int(crit[c])) for c in CRITERIA},
                    why=str(d.get("why", "")),
                )
            )
    return rows


def data_hash(files: list[Path], config: dict[str, object]) -> str:
    """A hash of the training files' bytes and the training config: the weights' fingerprint."""
    h = hashlib.sha256()
    for path in files:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    h.update(json.dumps(config, sort_keys=True).encode())
    return h.hexdigest()
