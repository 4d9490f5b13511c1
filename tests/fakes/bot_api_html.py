"""Telegram's HTML parse mode, as strict as the Bot API documents it.

https://core.telegram.org/bots/api#html-style: only the listed tags; every `<`, `>` and `&`
that is not part of a tag or an entity must be escaped; named entities are only &lt; &gt;
&amp; &quot;; numeric entities are all allowed. A message that breaks a rule is refused with
"Bad Request: can't parse entities: …", which is what a stray `<` in a rep's text would cause.
"""

from __future__ import annotations

import html
import re

ALLOWED_TAGS = frozenset(
    [
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "a",
        "tg-emoji",
        "code",
        "pre",
        "blockquote",
    ]
)
_OPEN = re.compile(
    r'<([a-zA-Z][\w-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:"[^"]*"|\'[^\']*\'|[^\s>]+))?)*)\s*>'
)
_CLOSE = re.compile(r"</([a-zA-Z][\w-]*)\s*>")
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);")


class EntityError(ValueError):
    """The text is not valid Telegram HTML; the message is the Bot API's description."""


def parse_html(text: str) -> str:
    """The plain text a user would see; EntityError if Telegram would refuse the markup."""
    out: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "<":
            close = _CLOSE.match(text, i)
            if close:
                name = close.group(1).lower()
                if not stack or stack[-1] != name:
                    raise EntityError(
                        f"Bad Request: can't parse entities: can't find start tag corresponding "
                        f'to end tag "{name}" at byte offset {_offset(text, i)}'
                    )
                stack.pop()
                i = close.end()
                continue
            opened = _OPEN.match(text, i)
            if not opened:
                raise EntityError(
                    "Bad Request: can't parse entities: unexpected character or end of tag "
                    f"at byte offset {_offset(text, i)}"
                )
            name = opened.group(1).lower()
            if name not in ALLOWED_TAGS:
                raise EntityError(
                    f'Bad Request: can\'t parse entities: unsupported start tag "{name}" '
                    f"at byte offset {_offset(text, i)}"
                )
            stack.append(name)
            i = opened.end()
        elif char == "&":
            entity = _ENTITY.match(text, i)
            if not entity:
                raise EntityError(
                    "Bad Request: can't parse entities: character '&' is reserved and must be "
                    f"escaped with the preceding '\\' at byte offset {_offset(text, i)}"
                )
            out.append(html.unescape(entity.group(0)))
            i = entity.end()
        elif char == ">":
            raise EntityError(
                "Bad Request: can't parse entities: character '>' must be escaped "
                f"at byte offset {_offset(text, i)}"
            )
        else:
            out.append(char)
            i += 1
    if stack:
        raise EntityError(
            f"Bad Request: can't parse entities: can't find end tag corresponding to start tag \"{stack[-1]}\""
        )
    return "".join(out)


def _offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def utf16_len(text: str) -> int:
    """Length as Telegram counts it."""
    return len(text.encode("utf-16-le")) // 2
