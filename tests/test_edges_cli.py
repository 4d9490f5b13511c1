"""Hostile input at the command line: broken text, escapes, huge and odd values, failing
files. Every case ends in output that is valid, safe UTF-8 or in one clear line on stderr."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot import paths
from bot.coaching.records import MEMBERS, Records
from bot.hygiene import for_terminal, json_text
from bot.store import Store

#: What a terminal would obey: ESC, BEL, other C0/C1 controls, bidi overrides and isolates.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
OSC52 = "\x1b]52;c;ZXZpbA==\x07"  # write "evil" to the clipboard
TITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J\x1b[H"
RLO = "\u202e"
HOSTILE = f"What do you need them for {OSC52}{TITLE}{CLEAR} {RLO}gnp.exe?"


def cli(
    *args: str, data_dir: Path, stdin: bytes = b"", **env: str
) -> subprocess.CompletedProcess[bytes]:
    """`salescoach ARGS` in a subprocess, bytes in and out (the offline engine)."""
    full = {
        **os.environ,
        "SALESCOACH_DATA_DIR": str(data_dir),
        "SALESCOACH_ENV_FILE": "",
        "SALESCOACH_ENGINE": "offline",
        "SALESCOACH_LANG": "en",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        env=full,
        timeout=120,
    )


def one_error_line(done: subprocess.CompletedProcess[bytes]) -> str:
    """The single line a failing command printed (asserting it is one, with no traceback)."""
    err = done.stderr.decode("utf-8")
    assert done.returncode != 0, done.stdout[-500:]
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err[-3000:]
    return err.strip()


def safe_text(raw: bytes) -> str:
    """The output decoded strictly (so it is valid UTF-8), with nothing a terminal obeys."""
    text = raw.decode("utf-8")
    assert not UNSAFE.search(text), repr(UNSAFE.search(text))
    return text


# -- score ------------------------------------------------------------------------------


def test_score_turns_lone_surrogates_and_invalid_utf8_into_replacements(data_dir: Path) -> None:
    lines = [
        b'{"customer": "Hej", "reply": "Vad beh\\u00f6ver du \\ud800 till?"}',
        b'{"customer": "Hej", "reply": "Vad \xff\xfe beh\xc3\xb6ver du?"}',
        b'{"customer": "Hej", "reply": "Och sedan?"}',
    ]
    done = cli("score", data_dir=data_dir, stdin=b"\n".join(lines) + b"\n")
    assert done.returncode == 0, done.stderr
    results = [json.loads(line) for line in safe_text(done.stdout).splitlines()]
    assert len(results) == 3 and all("overall" in r for r in results)


@pytest.mark.parametrize("size", [24_000, 48_000, 1_000_000])
def test_score_cuts_long_digit_heavy_replies_like_chat_with_a_note(
    data_dir: Path, size: int
) -> None:
    reply = ("1 2 " * size)[:size]
    line = json.dumps({"customer": "Pris?", "reply": reply, "lang": "en"}).encode()
    done = cli("score", data_dir=data_dir, stdin=line + b"\n")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["truncated"] is True
    assert (
        result["note"]
        == "The reply was longer than 1500 characters; only the beginning was scored."
    )
    assert all(len(e["quote"]) <= 1501 for e in result["evidence"])


def test_score_quotes_at_most_about_100_characters_of_a_bad_value(data_dir: Path) -> None:
    line = json.dumps({"customer": "x", "reply": "y", "lang": "x" * 100_000}).encode()
    done = cli("score", data_dir=data_dir, stdin=line + b"\n")
    assert done.returncode == 1
    error = json.loads(done.stdout)["error"]
    assert "field 'lang'" in error and len(error) < 200


# -- chat, transcript, history, cohorts ------------------------------------------------------


def test_escapes_typed_by_a_rep_are_shown_not_obeyed_everywhere_they_are_printed(
    data_dir: Path,
) -> None:
    stdin = HOSTILE.encode() + b" \xff\xfe\n"
    chat = cli(
        "chat",
        "--scenario",
        "cards-never-arrived",
        "--user",
        "alice",
        data_dir=data_dir,
        stdin=stdin,
    )
    assert chat.returncode == 0, chat.stderr
    shown = safe_text(chat.stdout)
    assert "␛]52;c;ZXZpbA==␇" in shown and "\ufffd\ufffd" in shown
    (session,) = Store(data_dir).load_sessions("alice")
    assert session.turns[0].reply.startswith(HOSTILE)  # stored as typed: only display changes
    for command in (("transcript", session.id), ("history", "--user", "alice")):
        done = cli(*command, data_dir=data_dir)
        assert done.returncode == 0, done.stderr
        safe_text(done.stdout)
    exported = cli("export", "--user", "alice", data_dir=data_dir)
    data = json.loads(safe_text(exported.stdout))  # JSON keeps the data, \u-escaped
    assert data["sessions"][0]["turns"][0]["reply"].startswith(HOSTILE)


def test_escapes_in_the_llms_words_are_neutralised_in_chat(data_dir: Path) -> None:
    from tests.fakes.openai_server import FakeOpenAI, chat

    with FakeOpenAI(default=chat(f"Okej.{OSC52}{CLEAR} Vad{RLO} menar du?")) as fake:
        done = cli(
            "chat",
            "--scenario",
            "cards-never-arrived",
            "--lang",
            "sv",
            data_dir=data_dir,
            stdin="Vad behöver du korten till?\n".encode(),
            SALESCOACH_ENGINE="llm",
            OPENAI_BASE_URL=fake.url,
            SALESCOACH_LLM_MAX_RETRIES="0",
        )
    assert done.returncode == 0, done.stderr
    assert "␛]52" in safe_text(done.stdout)


def test_cohort_and_member_names_are_printed_safely(data_dir: Path) -> None:
    records = Records(Store(data_dir))
    records.put(
        "cohorts",
        "0123abcd",
        {
            "id": "0123abcd",
            "name": f"Team{RLO}A{TITLE}",
            "coach_id": "1",
            "coach_name": "",
            "code": None,
            "created_at": 1.0,
        },
    )
    records.put(
        MEMBERS,
        "0123abcd:42",
        {
            "cohort_id": "0123abcd",
            "user_id": "42",
            "name": f"Eve{CLEAR}",
            "joined_at": 1.0,
        },
    )
    done = cli("cohorts", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert "Team\ufffdA␛]0;pwned␇" in safe_text(done.stdout)
    as_json = cli("cohorts", "--json", data_dir=data_dir)
    assert json.loads(safe_text(as_json.stdout))[0]["name"] == f"Team{RLO}A{TITLE}"


def test_a_chat_reply_with_invalid_utf8_is_played_and_saved(data_dir: Path) -> None:
    done = cli(
        "chat",
        "--scenario",
        "cards-never-arrived",
        "--user",
        "bob",
        "--json",
        data_dir=data_dir,
        stdin=b"Vad beh\xf6ver du?\n",
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(safe_text(done.stdout))
    assert result["turns"][0]["reply"] == "Vad beh\ufffdver du?"


# -- one clear line, never a traceback -------------------------------------------------------


def test_a_user_name_too_long_for_a_folder_name_is_one_line(data_dir: Path) -> None:
    line = one_error_line(cli("history", "--user", "é" * 43, data_dir=data_dir))
    assert "too long" in line and "255 bytes" in line


@pytest.mark.parametrize(
    "command",
    [
        ("progress", "--user", "alice", "--chart", "{missing}/chart.png"),
        ("transcript", "{session}", "--html", "{missing}/t.html"),
    ],
)
def test_writing_into_a_missing_folder_is_one_line(
    data_dir: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    cli(
        "chat",
        "--scenario",
        "cards-never-arrived",
        "--user",
        "alice",
        data_dir=data_dir,
        stdin=b"Vad beh\xc3\xb6ver du?\n",
    )
    (session,) = Store(data_dir).sessions("alice")
    missing = tmp_path / "no" / "such" / "folder"
    args = [a.format(missing=missing, session=session.id) for a in command]
    line = one_error_line(cli(*args, data_dir=data_dir))
    assert str(missing) in line and "No such file or directory" in line


def test_valid_json_with_bad_values_in_an_index_is_one_line(data_dir: Path) -> None:
    done = cli(
        "chat",
        "--scenario",
        "cards-never-arrived",
        "--user",
        "alice",
        data_dir=data_dir,
        stdin=b"Vad beh\xc3\xb6ver du?\n",
    )
    assert done.returncode == 0, done.stderr
    cli("history", "--user", "alice", data_dir=data_dir)  # builds the index
    (index,) = data_dir.glob("users/alice/index.json")
    data = json.loads(index.read_text())
    for entry in data["finished"].values():
        entry.update(overall="high", started_at="yesterday", turns=None)
    index.write_text(json.dumps(data))
    done = cli("history", "--user", "alice", data_dir=data_dir)
    if done.returncode != 0:  # a damaged index may also be rebuilt and work
        one_error_line(done)
    safe_text(done.stdout)


def resources_copy(tmp_path: Path) -> Path:
    """A copy of scenarios/, seeds/ and prompts/ to damage (SALESCOACH_RESOURCES)."""
    root = tmp_path / "resources"
    for name in ("scenarios", "seeds", "prompts"):
        shutil.copytree(paths.data_dir(name), root / name)
    return root


def test_a_scenario_file_with_invalid_utf8_is_named(data_dir: Path, tmp_path: Path) -> None:
    root = resources_copy(tmp_path)
    broken = root / "scenarios" / "customers" / "cards-never-arrived.yaml"
    broken.write_bytes(broken.read_bytes() + b"\n# \xff\xfe\n")
    line = one_error_line(cli("scenarios", data_dir=data_dir, SALESCOACH_RESOURCES=str(root)))
    assert str(broken) in line and "not valid UTF-8" in line


def test_a_duplicate_key_in_a_scenario_is_an_error_naming_the_line(
    data_dir: Path, tmp_path: Path
) -> None:
    root = resources_copy(tmp_path)
    broken = root / "scenarios" / "customers" / "cards-never-arrived.yaml"
    lines = broken.read_text(encoding="utf-8").splitlines()
    broken.write_text("\n".join([*lines, "id: cards-again"]) + "\n", encoding="utf-8")
    line = one_error_line(cli("scenarios", data_dir=data_dir, SALESCOACH_RESOURCES=str(root)))
    assert f"line {len(lines) + 1}: key 'id' appears twice" in line and str(broken) in line


def test_an_unknown_field_with_a_huge_value_is_quoted_briefly(
    data_dir: Path, tmp_path: Path
) -> None:
    root = resources_copy(tmp_path)
    broken = root / "scenarios" / "customers" / "cards-never-arrived.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "\nbogus: " + "A" * 5_000_000 + "\n")
    line = one_error_line(cli("scenarios", data_dir=data_dir, SALESCOACH_RESOURCES=str(root)))
    assert "field 'bogus'" in line and len(line) < 400


def test_a_closed_pipe_ends_the_command_quietly(data_dir: Path) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader (`head`) is gone before anything is written
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bot", "scenarios"],
            stdout=write,
            stderr=subprocess.PIPE,
            env={**os.environ, "SALESCOACH_DATA_DIR": str(data_dir), "SALESCOACH_ENV_FILE": ""},
            timeout=60,
        )
    finally:
        os.close(write)
    assert done.stderr == b"" and done.returncode == 141


# -- the helpers themselves ------------------------------------------------------------------


def test_for_terminal_shows_controls_as_symbols_and_keeps_letters() -> None:
    assert for_terminal(f"Åsa\t{OSC52}\n{RLO}é\ud800") == "Åsa\t␛]52;c;ZXZpbA==␇\n\ufffdé\ufffd"


def test_json_text_escapes_what_a_terminal_obeys_but_keeps_the_data() -> None:
    data = {"name": f"Åsa{RLO}\x9b{OSC52}"}
    text = json_text(data)
    assert not UNSAFE.search(text) and "Åsa" in text and json.loads(text) == data


def test_interactive_chat_still_reads_and_prints_through_the_guard(data_dir: Path) -> None:
    import pty
    import select

    pid, fd = pty.fork()
    if pid == 0:  # the child: `salescoach chat` on a terminal
        os.environ.update(SALESCOACH_DATA_DIR=str(data_dir), SALESCOACH_LANG="en")
        os.execv(
            sys.executable,
            [
                sys.executable,
                "-m",
                "bot",
                "chat",
                "--scenario",
                "cards-never-arrived",
                "--lang",
                "en",
            ],
        )
    seen = b""

    def until(marker: bytes) -> None:
        nonlocal seen
        while marker not in seen:
            ready, _, _ = select.select([fd], [], [], 60)
            assert ready, seen[-500:]
            seen += os.read(fd, 65536)

    until(b"You: ")
    os.write(fd, b"What do you need the cards for \x1b]0;pwned\x07?\r")
    until(b"Score:")
    os.write(fd, b"/end\r")
    until(b"Saved as session")
    os.waitpid(pid, 0)
    os.close(fd)
    assert b"\x1b]0;pwned" not in seen.split(b"Score:")[1]  # our echo shows it as text
