"""Rebuild the offline judge's shipped weights from the labelled data files.

Run: python -m bot.core.judge_train [--out PATH]   (needs the dev extra: scikit-learn)

Reads tests/data/*.jsonl and ../shared/data/dev_replies*.jsonl, embeds every text (cached in
.cache/), fits the heads with fixed seeds and writes bot/core/semantic/judge_heads.npz with a
fingerprint of the data files and the training config.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.core.semantic.data import data_hash, load_rows, own_files, shared_files
from bot.core.semantic.heads import shipped_path
from bot.core.semantic.train import CONFIG, fit, prepare


def fingerprint() -> str:
    """The fingerprint the shipped weights must carry for the data files present now."""
    return data_hash(own_files() + shared_files(), CONFIG)


def main(argv: list[str] | None = None) -> int:
    """Fit and write the heads."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="where to write (default: shipped)")
    args = parser.parse_args(argv)
    if len(shared_files()) < 2:
        print("the outside sets are missing: expected them in ../shared/data", file=sys.stderr)
        return 1
    rows = load_rows()
    heads = fit(prepare(rows))
    heads.fingerprint = fingerprint()
    out = args.out or shipped_path()
    heads.save(out)
    print(f"wrote {out} ({len(rows)} rows, fingerprint {heads.fingerprint[:12]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
