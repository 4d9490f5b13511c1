#!/usr/bin/env bash
# The installed package works on its own: build the wheel, install it (not editable) in a fresh
# venv, and play one offline session from it, outside the repository so nothing is found beside it.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
started=$(date +%s)
.venv/bin/pip wheel --quiet --no-deps --wheel-dir "$work/dist" .
wheel=$(ls "$work"/dist/salescoach-*.whl)
listing=$(python3 -m zipfile -l "$wheel")
for folder in scenarios/customers prompts seeds locale/sv; do
    grep -q "^bot/\(_data/\)\?$folder/" <<<"$listing" || { echo "the wheel lacks $folder/"; exit 1; }
done
python3 -m venv "$work/venv"
# --no-compile: byte-compiling ~300 MB of dependencies costs more than this one session saves.
"$work/venv/bin/pip" install --quiet --no-compile "$wheel"
echo "wheel built and installed in $(( $(date +%s) - started )) s"

replies=$'Vad ska kavajen användas till?\nBerätta mer, så föreslår jag att vi ses på tisdag kl 10.\n'
salescoach() {
    (cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 \
        SALESCOACH_DATA_DIR="$work/data" SALESCOACH_ENGINE=offline SALESCOACH_ENV_FILE= \
        "$work/venv/bin/salescoach" "$@")
}
play() {
    salescoach chat --scenario just-looking --user ci --seed 1 "$@" <<<"$replies"
}
play --json >"$work/session.json"
play >"$work/session.txt"
# The HTML transcript of the first session: the templates ship too.
session_id=$("$work/venv/bin/python" -c 'import json, sys; print(json.load(sys.stdin)["session_id"])' <"$work/session.json")
salescoach transcript "$session_id" --html "$work/transcript.html" >/dev/null
grep -q "</html>" "$work/transcript.html" || { echo "no HTML transcript from the wheel"; exit 1; }
# The JSON report, and the same total printed at the end of the text report.
"$work/venv/bin/python" - "$work/session.json" "$work/session.txt" <<'PY'
import json
import sys

report = json.load(open(sys.argv[1], encoding="utf-8"))
text = open(sys.argv[2], encoding="utf-8").read()
assert len(report["turns"]) == 2 and report["outcome"] and report["criteria"], report
assert f"{report['overall']}/100" in text.split("\n\n")[-1], text[-600:]
print(f"offline session from the wheel: {len(report['turns'])} turns, {report['overall']}/100")
PY
