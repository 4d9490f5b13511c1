"""Loads and renders the prompt templates in `prompts/*.j2` (jinja2, StrictUndefined).

A template defines a `system` block (stable text, so providers can cache the prefix) and a
`user` block (the changing conversation, last). Untrusted text (the rep's reply, earlier
lines) goes through the `data` filter so it cannot close the tags that mark it as data.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from bot import paths

Message = dict[str, str]

#: Blocks rendered into chat messages, in this order.
ROLES = ("system", "user")


def as_data(value: object) -> str:
    """Neutralise angle brackets so quoted text cannot open or close a delimiting tag."""
    return str(value).replace("<", "‹").replace(">", "›").strip()


@cache
def environment(directory: Path | None = None) -> jinja2.Environment:
    """The one jinja2 environment over the prompts folder; missing variables raise."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(directory or paths.PROMPTS_DIR)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # plain text for a model, not HTML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["data"] = as_data
    return env


def render(name: str, directory: Path | None = None, /, **context: Any) -> str:
    """Render a whole template to text."""
    return environment(directory).get_template(name).render(**context).strip()


def render_messages(name: str, directory: Path | None = None, /, **context: Any) -> list[Message]:
    """Render a template's `system` and `user` blocks as chat messages (empty blocks skipped)."""
    template = environment(directory).get_template(name)
    ctx = template.new_context(context)
    messages = []
    for role in ROLES:
        block = template.blocks.get(role)
        if block is None:
            continue
        text = "".join(block(ctx)).strip()
        if text:
            messages.append({"role": role, "content": text})
    if not messages:
        raise jinja2.TemplateError(f"{name}: no 'system' or 'user' block to render")
    return messages
