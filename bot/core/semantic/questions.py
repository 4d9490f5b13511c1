"""What kind of question a reply asks: asking whether the customer has questions is not asking
about their need (the rubric's anchor 1: "Anything else?")."""

from __future__ import annotations

import re

from bot.core.semantic.heads import fold_text

#: Open-question words in either language (folded: å/ä/ö read as a/a/o).
_WH = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:what|why|how|which|who|when|where|whats|vad|varfor|hur|vilk\w*|vem|"
    r"nar|vart)\b",
    re.IGNORECASE,
)
#: A check on the conversation itself: the customer's own questions, or "anything else".
_CHECK = re.compile(
    r"\b(?:questions?|questons?|qs|fragor|fragan?|funderingar|fragetecken|thoughts|"
    r"anything\s+(?:else|more)|anythng\s+else|nagot\s+(?:mer|annat)|nat\s+(?:mer|annat)|"
    r"nan\s+(?:mer|annan))\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[^.!?\n]+[.!?]*")
#: A check is short around its check words: more words than this on either side means the
#: question is about something else ("I'd question that - was price what went wrong?").
CHECK_WORDS = 5
#: An alternative offered with the check words is not a check ("… eller nåt annat?").
_ALTERNATIVE = re.compile(r"\b(?:or|eller)\W*$", re.IGNORECASE)


def questions(reply: str) -> list[str]:
    """The reply's question clauses: ending in "?", or opening with a question word."""
    out = []
    for clause in _CLAUSE.findall(fold_text(reply)):
        text = clause.strip()
        if text and (text.endswith("?") or _WH.match(text)):
            out.append(text)
    return out


def _is_check(question: str) -> bool:
    """True when the question is a check: its check words, with only a few words around them."""
    m = _CHECK.search(question)
    if m is None or _WH.match(question) or _ALTERNATIVE.search(question[: m.start()]):
        return False
    before, after = question[: m.start()], question[m.end() :]
    return max(len(re.findall(r"\w+", before)), len(re.findall(r"\w+", after))) <= CHECK_WORDS


def only_checks(reply: str) -> bool:
    """True when every question the reply asks only checks for the customer's questions or
    "anything else" — yes/no closers that learn nothing about the customer's situation."""
    found = questions(reply)
    return bool(found) and all(_is_check(q) for q in found)


def only_closed(reply: str) -> bool:
    """True when the reply asks questions but none is open (no what/why/how … question)."""
    found = questions(reply)
    return bool(found) and not any(_WH.match(q) for q in found)
