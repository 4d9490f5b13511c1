"""House rules that a grep can prove: no layout tricks in the code, no wall-clock asserts in tests."""

from __future__ import annotations

import ast
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Clock reads whose differences depend on how busy the machine is.
CLOCKS = {"perf_counter", "perf_counter_ns", "monotonic", "monotonic_ns", "time", "time_ns"}


def is_clock_read(node: ast.AST) -> bool:
    """`time.perf_counter()`, `time.monotonic()`, `loop.time()` and the like."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in CLOCKS
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in {"time", "loop"}
    )


def reads_clock(node: ast.AST, timed: set[str]) -> bool:
    """Whether `node` reads a clock or a name that holds a clock reading."""
    return any(
        is_clock_read(n) or (isinstance(n, ast.Name) and n.id in timed) for n in ast.walk(node)
    )


def target_names(target: ast.AST) -> set[str]:
    """The variables an assignment target writes to (`x`, `x[i]`, `x, y`)."""
    while isinstance(target, ast.Subscript | ast.Attribute):
        target = target.value
    return {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}


def clock_asserts(function: ast.AST) -> list[int]:
    """Lines of asserts in `function` that compare clock readings."""
    timed: set[str] = set()
    assignments = [
        (node.targets if isinstance(node, ast.Assign) else [node.target], node.value)
        for node in ast.walk(function)
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign) and node.value is not None
    ]
    changed = True
    while changed:  # `started = perf_counter()` taints `elapsed = perf_counter() - started`
        changed = False
        for targets, value in assignments:
            if value is not None and reads_clock(value, timed):
                names = set().union(*(target_names(t) for t in targets)) - timed
                timed |= names
                changed |= bool(names)
    return [
        node.lineno
        for node in ast.walk(function)
        if isinstance(node, ast.Assert) and reads_clock(node.test, timed)
    ]


def formatter_escapes(path: Path) -> list[int]:
    """Lines whose comment switches the formatter off (`fmt: skip`, `fmt: off`)."""
    with path.open("rb") as source:
        return [
            token.start[0]
            for token in tokenize.tokenize(source.readline)
            if token.type == tokenize.COMMENT
            and any(word in token.string for word in ("fmt: skip", "fmt: off"))
        ]


def test_no_code_is_kept_short_by_fmt_skip() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for top in ("bot", "tests", "bench")
        for path in sorted((ROOT / top).rglob("*.py"))
        for line in formatter_escapes(path)
    ]
    assert found == []


def test_no_test_asserts_on_wall_clock_time() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted((ROOT / "tests").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for line in clock_asserts(node)
    ]
    assert found == []
