"""Read a coach's scenario file safely and say what is wrong with it, line by line.

A coach's file is untrusted: it is parsed from YAML nodes (so every value keeps its line),
refusing anchors, aliases and tags before anything is built, and then validated as a
`Scenario`. Each problem is a `Problem` (line, field, message key) that the edge renders as
`FILE:LINE: field: problem` in the reader's language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from bot.core.datafile import Lang
from bot.core.language import guess_lang
from bot.core.scenario_problems import (
    Path_,
    Problem,
    clean_loc,
    message_for,
    msg,
    quote,
    show_path,
    syntax_message,
)
from bot.core.scenarios import Scenario
from bot.errors import DataFileError
from bot.i18n import Message

#: libyaml's parser is ten times faster than the pure-Python one and keeps the same marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: Larger files are refused unread.
MAX_BYTES = 64 * 1024

_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>|<\s*[A-Za-z]+\b")


@dataclass(frozen=True)
class Checked:
    """The outcome of checking one file: the scenario, or the problems."""

    name: str
    scenario: Scenario | None
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    def report(self, lang: Lang) -> list[str]:
        """Every problem as one line."""
        return [p.render(self.name, lang) for p in self.problems]


class _Reader:
    """Builds plain data from YAML nodes, noting each value's line and any duplicate keys."""

    def __init__(self) -> None:
        self.lines: dict[Path_, int] = {}
        self.problems: list[Problem] = []
        self._scalars = yaml.SafeLoader("")

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                line = key_node.start_mark.line + 1
                if not isinstance(key_node, yaml.ScalarNode):
                    self.problems.append(Problem(line, show_path(path), msg("key_not_text")))
                    continue
                key = self._scalars.construct_object(key_node)
                if isinstance(key, bool | float) or key is None:
                    key = str(key_node.value)
                if key in out:
                    where = show_path((*path, key))
                    first = self.lines.get((*path, key), line)
                    self.problems.append(Problem(line, where, msg("duplicate", first=first)))
                    continue
                self.lines[(*path, key)] = line
                out[key] = self.build(value_node, (*path, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        value = self._scalars.construct_object(node)
        if isinstance(value, str) and _HTML.search(value):
            self.problems.append(
                Problem(node.start_mark.line + 1, show_path(path), msg("html", got=quote(value)))
            )
        return value


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> Problem:
    """A YAML syntax error at its line; an unclosed quote at the line where it opened."""
    mark = exc.problem_mark or exc.context_mark
    if "quoted scalar" in (exc.context or "") and exc.context_mark is not None:
        mark = exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    lines = text.splitlines()
    line_text = lines[line - 1] if 0 < line <= len(lines) else ""
    column = mark.column if mark is not None else 0
    message = syntax_message(exc.problem or "", exc.context or "", line_text, column)
    return Problem(line, "(yaml)", message)


def _unsafe(text: str) -> list[Problem]:
    """Anchors, aliases and tags, refused before any node is built."""
    problems = []
    for event in yaml.parse(text, Loader=_LOADER):
        line = event.start_mark.line + 1 if event.start_mark else 1
        anchor, tag = getattr(event, "anchor", None), getattr(event, "tag", None)
        if isinstance(event, yaml.AliasEvent):
            problems.append(Problem(line, "(yaml)", msg("alias", name=quote(anchor))))
        elif anchor:
            problems.append(Problem(line, "(yaml)", msg("anchor", name=quote(anchor))))
        if isinstance(event, yaml.NodeEvent) and tag not in (None, "!"):
            problems.append(Problem(line, "(yaml)", msg("tag", tag=quote(tag))))
    return problems


def _parse(raw: bytes) -> tuple[Any, _Reader | None, list[Problem]]:
    """Plain data and its lines, or the problems that stop reading the file at all."""
    if len(raw) > MAX_BYTES:
        return None, None, list(too_big("").problems)
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, None, [Problem(line, "(file)", msg("not_utf8", byte=exc.start + 1))]
    try:
        problems = _unsafe(text)
        if problems:
            return None, None, problems
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        return None, None, [_syntax_problem(exc, text)]
    except yaml.YAMLError as exc:
        return None, None, [Problem(1, "(yaml)", msg("syntax", detail=quote(exc)))]
    except RecursionError:  # thousands of nested brackets
        return None, None, [Problem(1, "(yaml)", msg("too_deep"))]
    if node is None:
        return None, None, [Problem(1, "(file)", msg("empty"))]
    reader = _Reader()
    try:
        return reader.build(node, ()), reader, []
    except RecursionError:
        return None, None, [Problem(1, "(yaml)", msg("too_deep"))]


def majority_lang(texts: list[str]) -> Lang:
    """The language most of the texts are in (one Swedish name does not make a file Swedish)."""
    swedish = sum(guess_lang(t) == "sv" for t in texts)
    return "sv" if swedish * 2 > len(texts) else "en"


def _line(lines: Mapping[Path_, int], path: Path_) -> int:
    """The line of the value at `path`, else of its nearest parent that is in the file."""
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return 1


def check_bytes(raw: bytes, name: str, criteria: set[str] | None = None) -> Checked:
    """Check a file's bytes; the scenario when all is well, else every problem found."""
    data, reader, problems = _parse(raw)
    if reader is None:
        return Checked(name, None, tuple(problems))
    problems = list(reader.problems)
    if not isinstance(data, dict):
        problems.append(Problem(1, "(file)", msg("not_mapping")))
        return Checked(name, None, tuple(problems))
    if criteria is None:
        from bot.core.rubric import default_rubric

        criteria = set(default_rubric().ids)
    plain: list[str] = []
    try:
        scenario = Scenario.model_validate(data, context={"criteria": criteria, "plain": plain})
    except ValidationError as exc:
        for err in exc.errors():
            path = clean_loc(err["loc"])
            where = _line(reader.lines, path)
            problems.append(Problem(where, show_path(path, data), message_for(err, path)))
        scenario = None
    if problems or scenario is None:
        return Checked(name, None, tuple(sorted(problems, key=lambda p: p.line)))
    if plain and scenario.language is None:  # plain strings: offered in their language only
        scenario = scenario.model_copy(update={"language": majority_lang(plain)})
    return Checked(name, scenario)


def too_big(name: str) -> Checked:
    """The one problem of a file known to be over the limit before it is read."""
    return Checked(name, None, (Problem(1, "(file)", msg("too_big", limit=MAX_BYTES // 1024)),))


def check_file(path: Path, criteria: set[str] | None = None) -> Checked:
    """Check one file on disk (a file that cannot be read is one problem)."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        problem = Problem(1, "(file)", msg("unreadable", detail=exc.strerror or str(exc)))
        return Checked(str(path), None, (problem,))
    return check_bytes(raw, str(path), criteria)


def load_folder(folder: Path, taken: Mapping[str, str]) -> Iterator[tuple[Scenario, Path]]:
    """The scenarios in a folder, each checked; any problem or id clash is a DataFileError."""
    if not folder.is_dir():
        raise DataFileError(Message("scenarios.no_folder", {"folder": str(folder)}).render("en"))
    seen = dict(taken)
    for path in sorted(folder.glob("*.yaml")):
        checked = check_file(path)
        if checked.scenario is None:
            raise DataFileError("\n".join(checked.report("en")))
        sid = checked.scenario.id
        if sid in seen:
            clash = Message("scenarios.clash", {"id": sid, "first": seen[sid], "second": str(path)})
            raise DataFileError(clash.render("en"))
        seen[sid] = str(path)
        yield checked.scenario, path
