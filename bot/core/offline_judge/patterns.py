"""Regex building blocks shared by the lexicons: phrase compiler, time expressions, sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.offline_judge.buckets import bucketed

#: Patterns are matched, case-sensitively, against `fold(text)`: lower case keeps re's fast path
#: for literal-first alternatives, which IGNORECASE turns off (about 4x slower).
FLAGS = 0


#: Swedish letters typed on an English keyboard: "nasta vecka" matches "nästa vecka".
_PLAIN = str.maketrans("åäöéèüæøÅÄÖÉÈÜÆØ", "aaoeeuaoaaoeeuao")


def plain(source: str) -> str:
    """Drop diacritics one character for one (å, ä -> a; ö -> o), keeping the length."""
    return source.translate(_PLAIN)


def fold(text: str) -> str:
    """Lower-case `text` and drop diacritics without changing its length (spans index the original)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return plain(low)


#: The sources as written (before `bucketed`), for the test that both match the same.
SOURCES: list[str] = []


def compile_folded(source: str) -> re.Pattern[str]:
    """Compile a regex written with diacritics for matching against `fold`-ed text."""
    SOURCES.append(plain(source))
    return re.compile(bucketed(plain(source), FLAGS), FLAGS)


#: An apostrophe as typed on a phone: straight, curly or left out ("ill", "dont").
APOS = "['’]?"


def words(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string (word lists read best as text)."""
    return frozenset(plain(text).split())


def phrase(text: str) -> str:
    """Turn a lexicon phrase into regex source: spaces match any whitespace, apostrophes are optional."""
    return text.replace("'", APOS).replace(" ", r"\s+")


def rx(*phrases: str) -> re.Pattern[str]:
    """Compile lower-case phrases (regex fragments) into one word-bounded alternation."""
    body = "|".join(phrase(p) for p in phrases)
    return compile_folded(rf"(?<!\w)(?:{body})(?!\w)")


_HOUR = r"(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?(?:\s*(?:am|pm))?"
_NOT_AMOUNT = r"(?!\d|[,.]\d|\s*(?:%|kr|sek|:-|st\b|each|per\b|units|pcs|x\b|k\b|procent|percent|år|years?|min))"
_DAYS = r"(?:mån|tis|ons|tors|fre|lör|sön)dag\w*|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|satur|sun)day\w*"
_MONTHS = (
    r"(?:jan(?:uari|uary)?|feb(?:ruari|ruary)?|mar(?:s|ch)?|apr(?:il)?|maj|may|jun[ie]?|jul[iy]?"
    r"|aug(?:usti|ust)?|sep(?:t|tember)?|o[ck]t(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

#: A concrete day or clock time in the future, Swedish or English.
TIME = compile_folded(
    r"(?<!\w)(?:"
    + _DAYS
    + r"|(?:mån|tis|ons|tors|fre|mon|tue|tues|wed|thu|thurs|fri)\.?\s?\d{1,2}(?!\d)"
    + r"|i\s?morgon\w*|imorn|i\s?morn|i\s?övermorgon|i\s?dag|i\s?kväll|i\s?eftermiddag|i\s?förmiddag"
    + r"|i\s?natt|nästa\s+vecka|(?<!timmar\s)(?<!gånger\s)(?<!timme\s)(?<!dagar\s)i\s+veckan|denna\s+vecka|den\s+här\s+veckan|efter\s+lunch|före\s+lunch"
    + r"|innan\s+lunch|till\s+lunch|vid\s+lunch|över\s+lunch"
    + r"|tomorrow|tmrw?|today|tonight|this\s+(?:morning|afternoon|evening|week)|next\s+week"
    + r"|end\s+of\s+(?:the\s+)?(?:day|week)|eod|first\s+thing|by\s+lunch|before\s+lunch|after\s+lunch"
    + r"|by\s+noon|over\s+lunch"
    + r"|(?:inom|om|within|in)\s+(?:en|ett|två|tre|fem|tio|femton|tjugo|trettio|an?|one|two|three|five|ten"
    + r"|fifteen|twenty|thirty|\d+)\s+"
    + r"(?:timm\w*|dag\w*|minut\w*|hours?|days?|minutes?|mins?)"
    + r"|(?:inom|om|within|in)\s+(?:en\s+|an?\s+)?(?:halvtimme|kvart|half\s+an?\s+hour|quarter\s+of\s+an\s+hour)"
    + r"|(?:kl\.?|klockan|at|@|by|before|innan|före|until|till|senast|from|från)\s*"
    + _HOUR
    + _NOT_AMOUNT
    + r"|\d{1,2}[:.][0-5]\d(?!\d)|\d{1,2}\s*(?:am|pm)"
    + r"|\d{1,2}/\d{1,2}(?!\d|/)|(?:den|the)\s+\d{1,2}(?::?e|:a|st|nd|rd|th)(?!\w)"
    + r"|\d{1,2}(?::?e|:a|st|nd|rd|th)?\s+"
    + _MONTHS
    + r"(?!\w)|"
    + _MONTHS
    + r"\s+\d{1,2}(?!\d)|(?:vecka|week|v\.)\s?\d{1,2}(?!\d)"
    + r")(?!\w)",
)

#: A vague future time: a month, a season, "later".
VAGUE_TIME = compile_folded(
    r"(?<!\w)(?:(?:in|i|after|efter|next|nästa|this|denna|early|late|början\s+av|slutet\s+av)\s+(?:the\s+)?"
    r"(?:january|february|march|april|june|july|august|september|october|november|december"
    r"|januari|februari|mars|juni|juli|augusti|oktober"
    r"|höst\w*|vår(?:en)?|sommar\w*|semester\w*|jul(?:en)?|nyår\w*|autumn|fall|spring|summer|holidays?"
    r"|month|månad\w*|quarter|kvartal\w*|q[1-4])|after\s+(?:the\s+)?(?:summer|holidays?|break)"
    r"|soon|snart|shortly|inom\s+kort|framöver|later\s+this\s+\w+|senare\s+i\s+\w+)(?!\w)",
)

#: Right now: counts as a time when someone fixes a problem.
IMMEDIATE = compile_folded(
    r"(?<!\w)(?:right\s+(?:now|away)|now|immediately|straight\s+away|asap|at\s+once|as\s+we\s+speak"
    r"|while\s+we(?:'re)?\s+(?:talk|speak)\w*|medan\s+vi\s+pratar|medan\s+du\s+väntar"
    r"|while\s+we(?:'re|\s+are)\s+on\s+the\s+phone|medan\s+vi\s+har\s+(?:dig|er)\s+i\s+luren"
    r"|nu|direkt|genast|omgående|på\s+en\s+gång|på\s+studs|med\s+en\s+gång|redan\s+nu)(?!\w)",
)

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
HASHTAG = re.compile(r"#\w+", re.UNICODE)
_SENTENCE = re.compile(r"[^.!?\n;…]+[.!?;…]*", re.UNICODE)
_WH_START = compile_folded(
    r"^\W*(?:(?:ok(?:ay|ej)?|och|men|så|and|but|so|just|quick\s+q\w*|out\s+of\s+(?:curiosity|interest)|"
    r"hmm+|well|alright|right|fair|got\s+it|förstår|okej|visst|absolut|sure|yes|ja|nej|no|curious|"
    r"just\s+curious|by\s+the\s+way|btw|förresten|nyfiken|bara\s+nyfiken|(?:en\s+)?(?:snabb|kort)\s+fråga|"
    r"en\s+fråga|får\s+jag\s+fråga|can\s+i\s+ask|may\s+i\s+ask)\W+){0,3}"
    r"(?:what|why|how|which|who|whats|what's|hows|how's|vad|varför|hur|vilk\w*|vem"
    r"|berätta|tell\s+me|help\s+me)(?!\w)",
)


#: A question without a question mark: wh-word then verb then subject ("what are they for",
#: "vad ska ni ha dem till"), or a sentence that opens with the verb ("är det till mässan").
_ASKS = compile_folded(
    r"(?<!\w)(?:(?:what|why|how|which|who|where|when)\s+(?:is|are|was|were|do|does|did|will|would|could"
    r"|should|can|have|has|had)|(?:what|how|who|where)'?s|(?:vad|varför|hur|vilk\w*|vem)\s+(?:ska|skulle|är"
    r"|var|har|hade|gör|gjorde|kan|kunde|behöver|vill|blir|blev|tycker|tror|använder|ser|funkar|fungerar"
    r"|händer|hände|brukar|tänker|säger|betyder|innebär))\s+(?:you|your|u|ur|they|their|the|it|that|this"
    r"|these|those|we|our|things|people|ni|du|de|dom|det|den|er|era|ert|din|dina|ditt|man|folk)(?!\w)"
    r"|^\W*(?:(?:ok\w*|och|men|and|but|just|hmm+|so|also|then|meanwhile|in\s+the\s+meantime|out\s+of\s+\w+)\W+){0,2}(?:is|are|do|does|did|have|has|would|could|was"
    r"|were|är|har|ska|skulle|kan|vill|behöver|blir|använder|brukar|tycker|tror|hade|funkar|fungerar|jobbar)"
    r"\s+(?:you|it|that|this|they|there|the|your|u|ni|du|det|de|dom|den|er|era|din|man)(?!\w)"
)


@dataclass(frozen=True)
class Sentence:
    """One sentence of the reply: its span, its text, the same folded, and whether it asks."""

    start: int
    end: int
    text: str
    low: str
    question: bool


def sentences(text: str, low: str | None = None) -> list[Sentence]:
    """Split a reply into sentences (., !, ?, newline), marking questions; `low` is `fold(text)`."""
    low = fold(text) if low is None else low
    result = []
    for m in _SENTENCE.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if not WORD.search(stripped):
            continue
        start = m.start() + len(raw) - len(raw.lstrip())
        end = start + len(stripped)
        folded = low[start:end]
        question = "?" in stripped or (
            not stripped.endswith("!")
            and (_WH_START.search(folded) is not None or _ASKS.search(folded) is not None)
        )
        result.append(Sentence(start, end, stripped, folded, question))
    return result
