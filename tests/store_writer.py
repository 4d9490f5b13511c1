"""Child process for the kill test: writes turns forever, printing `ack` after each save returns.

Run as `python tests/store_writer.py DATA_DIR SEED`. It resumes the rep's unfinished session
(as the bot does after a restart), so every round also exercises resuming.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from factories import session, turn

from bot.core.state import Outcome
from bot.store import Store

USER = "rep-1"
TURNS_PER_SESSION = 6


def reply(session_id: str, index: int) -> str:
    """The reply text the parent expects for an acknowledged turn."""
    return f"{session_id}/{index}"


def main() -> None:
    store = Store(Path(sys.argv[1]))
    rng = random.Random(int(sys.argv[2]))
    current = store.active_session(USER)
    if current is None:
        current = session(user_id=USER, id=f"k{rng.getrandbits(40):010x}")
        store.save_session(current)
    print("ready", flush=True)
    while True:
        if len(current.turns) >= TURNS_PER_SESSION:
            current.outcome = Outcome.WON
            store.save_session(current)
            store.sessions(USER)  # folds the finished session into the user's index
            current = session(user_id=USER, id=f"k{rng.getrandbits(40):010x}")
            store.save_session(current)
        index = len(current.turns)
        current.turns.append(turn(index, reply=reply(current.id, index)))
        store.save_session(current)
        print(f"ack {current.id} {index}", flush=True)
        if rng.random() < 0.2:
            store.update_user(USER, last_turn=f"{current.id}/{index}")
            store.table("events").upsert(current.id, {"user_id": USER, "turns": index + 1})


if __name__ == "__main__":
    main()
