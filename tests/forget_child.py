"""Child process for the forget kill test: forgets one rep, saying when it starts and ends.

Run as `python tests/forget_child.py DATA_DIR USER_ID`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bot.store import Store


def main() -> None:
    store = Store(Path(sys.argv[1]), command="forget")
    store.claim()
    print("ready", flush=True)
    store.forget_user(sys.argv[2])
    print("done", flush=True)


if __name__ == "__main__":
    main()
