"""Every user-visible text comes from the catalogue: a scan of bot/ for words built elsewhere.

The scan reads the source (AST) and flags string literals with words in them that reach a
person without the catalogue: passed to a function that shows text (print, input, reply,
send, buttons, command descriptions), returned by a function that renders text, raised as a
user-facing error, or written as a `{"sv": …, "en": …}` dict. Calls inside those arguments are not searched (`print(t("key"))`
is the catalogue at work), but `"…".format(...)` is.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

BOT = Path(__file__).resolve().parent.parent / "bot"

#: Functions whose text arguments a person reads.
SINKS = frozenset(
    {
        "print",
        "input",
        "echo",
        "write",
        "answer",
        "reply",
        "reply_text",
        "reply_html",
        "send_message",
        "send_photo",
        "send_document",
        "edit_message_text",
        "edit_message_caption",
        "InlineKeyboardButton",
        "KeyboardButton",
        "BotCommand",
    }
)
#: Errors shown to reps, coaches and CLI users (`str(exc)` or `exc.words(lang)`); data-file,
#: config and store errors are for the operator who edits those files, in English.
USER_ERRORS = frozenset(
    {"SalescoachError", "NotAllowed", "RoleRequired", "SessionFinished", "StaleButton"}
)
#: Functions that make the text a person reads: what they return is checked too.
RENDERERS = re.compile(r"^_?(render|describe|format)|_(text|line|lines|caption|label|card)$")
#: Words a person reads; a lone letter or a format spec is not one.
WORDS = re.compile(r"[A-Za-zÅÄÖåäöÉé]{2,}")

#: (file under bot/, the literal) pairs that are deliberately not in the catalogue, with why.
ALLOWED = {
    # The program's name before an error message, the same in every language.
    ("cli/__init__.py", "salescoach: "),
    # A command the user types, not a sentence.
    ("cli/progress_cmd.py", "  salescoach chat --scenario "),
    # Document file names: ids, not words.
    ("telegram/coach_review.py", "transcript-"),
    ("telegram/coach_review.py", ".html"),
    ("telegram/coach_views.py", "cohort-"),
    ("telegram/coach_views.py", ".csv"),
    ("telegram/coach_views.py", ".html"),
    ("telegram/coach_scenarios.py", ".yaml"),
}
#: Commands only developers run from a checkout (rebuild and evaluate the judge's weights): their
#: output is for the developer, in English, like data-file errors.
DEVELOPER_TOOLS = {"core/judge_train.py", "core/judge_eval.py"}
#: Dict literals keyed by language that are not UI texts: Babel locale names, a coach's
#: one-language scenario text made into the bilingual data model, and the offline customer's
#: vocabulary for the time slots reps propose (words it reads and says in the role-play, like
#: the judge's lexicons).
ALLOWED_LANG_DICTS = {"i18n.py", "core/scenarios.py", "core/slots.py"}


def _literals(node: ast.AST) -> Iterator[ast.Constant]:
    """String constants in an expression, not looking into calls other than `"…".format`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Constant):
            yield from _literals(func.value)
    elif isinstance(node, ast.JoinedStr | ast.BinOp | ast.IfExp | ast.FormattedValue):
        for child in ast.iter_child_nodes(node):
            if not (isinstance(node, ast.IfExp) and child is node.test):
                yield from _literals(child)
    elif isinstance(node, ast.List | ast.Tuple):
        for child in node.elts:
            yield from _literals(child)


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _shown(call: ast.Call) -> Iterator[ast.expr]:
    """The arguments of a call whose text a person reads."""
    name = _name(call.func)
    if name in SINKS:
        yield from call.args
        yield from (kw.value for kw in call.keywords if kw.arg in ("text", "caption", "prompt"))
    elif name in USER_ERRORS:
        yield from call.args
    else:
        yield from (kw.value for kw in call.keywords if kw.arg in ("caption",))


def _returned(function: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[ast.expr]:
    """What a renderer returns."""
    if RENDERERS.search(function.name):
        for node in ast.walk(function):
            if isinstance(node, ast.Return) and node.value is not None:
                yield node.value


def violations(path: Path) -> Iterator[str]:
    """`file:line: text` for every user-visible literal built outside the catalogue."""
    where = path.relative_to(BOT).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        shown: Iterator[ast.expr] = iter(())
        if isinstance(node, ast.Call):
            shown = _shown(node)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            shown = _returned(node)
        for argument in shown:
            for literal in _literals(argument):
                if WORDS.search(literal.value) and (where, literal.value) not in ALLOWED:
                    yield f"{where}:{literal.lineno}: {literal.value!r}"
        if isinstance(node, ast.Dict) and where not in ALLOWED_LANG_DICTS:
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if {"sv", "en"} <= keys:
                yield f"{where}:{node.lineno}: a {{'sv': …, 'en': …}} dict"


def test_no_user_visible_text_is_built_outside_the_catalogue() -> None:
    found = [
        v
        for path in sorted(BOT.rglob("*.py"))
        if path.relative_to(BOT).as_posix() not in DEVELOPER_TOOLS
        for v in violations(path)
    ]
    assert found == [], "texts outside bot/locale:\n" + "\n".join(found)


def test_the_scan_finds_what_it_is_meant_to_find(tmp_path: Path) -> None:
    source = BOT / "_scan_probe.py"
    source.write_text(
        "print(f'Saved {x}')\n"
        "print(t('cli.saved', lang))\n"
        "raise NotAllowed('Only coaches')\n"
        "LABELS = {'sv': 'Ja', 'en': 'Yes'}\n"
        "button = InlineKeyboardButton('▶️ Börja', callback_data='go')\n"
        "def render_total(n):\n    return f'Total {n}'\n",
        encoding="utf-8",
    )
    try:
        found = list(violations(source))
    finally:
        source.unlink()
    assert sorted(int(line.split(":")[1]) for line in found) == [1, 3, 4, 5, 7]
