"""One short tip and one better phrasing, fitted to the customer's line and the scenario."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pydantic import Field, field_validator, model_validator

from bot import i18n, paths
from bot.core.datafile import Lang, Strict, Text, load_model
from bot.core.judgement import Signal
from bot.core.rubric import Rubric
from bot.core.scenarios import Scenario

PHRASINGS_FILE = paths.SCENARIOS_DIR / "phrasings.yaml"

#: Bad signals, most serious first: the first one present decides the tip.
TIP_ORDER = (
    Signal.INJECTION,
    Signal.STUFFING,
    Signal.FILLER,
    Signal.OFF_TOPIC,
    # Passing the problem on is the first thing to fix, even said curtly: owning it changes
    # the tone too.
    Signal.BLAME,
    Signal.RUDE,
    Signal.DISCOUNT,
    Signal.PRICE_ONLY,
    Signal.PASSIVE,
)
#: The criterion a better phrasing should fix when this signal shows.
SIGNAL_TARGET = {
    Signal.RUDE: "respect",
    Signal.BLAME: "ownership",
    Signal.DISCOUNT: "challenge",
    Signal.PRICE_ONLY: "challenge",
    Signal.PASSIVE: "next_step",
}


class Situation(Strict):
    """A kind of customer line, recognised by lower-case cue substrings in either language."""

    id: str
    cues: list[str] = Field(min_length=1)


class Phrasings(Strict):
    """Better phrasings per situation and criterion, and tips per bad signal."""

    version: int = Field(ge=1)
    situations: list[Situation]
    scenario_situation: dict[str, str] = Field(default_factory=dict)
    try_instead: dict[str, dict[str, Text]]
    signal_tips: dict[str, Text]
    praise: Text

    @field_validator("signal_tips")
    @classmethod
    def _known_signals(cls, tips: dict[str, Text]) -> dict[str, Text]:
        missing = sorted(s.value for s in TIP_ORDER if s.value not in tips)
        if missing:
            raise ValueError(f"missing tips for signals {missing}")
        return tips

    @model_validator(mode="after")
    def _defaults(self) -> Phrasings:
        known = {s.id for s in self.situations} | {"generic"}
        for name, table in self.try_instead.items():
            if name not in known:
                raise ValueError(f"try_instead.{name}: unknown situation; known: {sorted(known)}")
            if "default" not in table:
                raise ValueError(f"try_instead.{name}: needs a 'default' phrasing")
        absent = sorted(known - set(self.try_instead))
        if absent:
            raise ValueError(f"try_instead: no phrasings for situations {absent}")
        bad = sorted(v for v in self.scenario_situation.values() if v not in known)
        if bad:
            raise ValueError(f"scenario_situation: unknown situations {bad}")
        return self

    def situation(self, scenario: Scenario | None, moment: str) -> str:
        """Whose phrasings answer a reply: a built-in customer's own situation; the generic one
        for a coach's scenario (the other tables name the built-in customers' facts, "when you
        downloaded it", and a mid-conversation line read alone can land on any of them); else
        the `moment` read from the customer's line."""
        if scenario is None:
            return moment
        return self.scenario_situation.get(scenario.id, "generic")


def load_phrasings(path: Path | None = None) -> Phrasings:
    """Load and validate the phrasings file."""
    return load_model(path or PHRASINGS_FILE, Phrasings)


@cache
def default_phrasings() -> Phrasings:
    """The shipped phrasings, loaded once."""
    return load_phrasings()


#: The criterion each move of the reply satisfies: a tip never asks for a move the reply made.
MOVE_CRITERION = {
    "asks_need": "discover_need",
    "challenges": "challenge",
    "insight": "insight",
    "owns": "ownership",
    "step": "next_step",
    "dated_step": "next_step",
}
#: A criterion scored at least this is done; the tip works elsewhere.
SATISFIED = 4


def target_criterion(
    scores: dict[str, int | None],
    made: frozenset[str],
    signals: frozenset[Signal],
    rubric: Rubric,
    focus: frozenset[str],
) -> str | None:
    """The weakest applicable criterion this reply did not satisfy (a bad signal's first), or None.

    With a scenario (`focus` not empty) the tip stays on what the scenario trains: advice on insight
    to a customer whose business cards never came is noise, however low insight scored. A bad
    signal still decides first, whichever criterion it hurts."""
    done = {MOVE_CRITERION[m] for m in made if m in MOVE_CRITERION}
    open_ = {c: s for c, s in scores.items() if s is not None and s < SATISFIED and c not in done}
    for signal in TIP_ORDER:
        target = SIGNAL_TARGET.get(signal)
        if signal in signals and target in open_:
            return target
    if focus:
        open_ = {c: s for c, s in open_.items() if c in focus}
    if not open_:
        return None
    weights = {c.id: c.weight for c in rubric.criteria}
    return min(open_.items(), key=lambda cs: (cs[1], -weights.get(cs[0], 0)))[0]


def tip(
    signals: frozenset[Signal],
    target: str | None,
    overall: int,
    rubric: Rubric,
    lang: Lang,
    table: Phrasings,
) -> str:
    """One short piece of advice in `lang`, about `target` (or the trick the reply tried)."""
    for signal in TIP_ORDER:
        aimed = SIGNAL_TARGET.get(signal)
        if signal in signals and (aimed is None or aimed == target):
            return table.signal_tips[signal.value](lang)
    if target is None:
        return i18n.text(lang, "judge.all_done")
    advice = rubric.criterion(target).tip(lang)
    return table.praise(lang) + advice if overall >= 75 else advice


def _same(a: str, b: str) -> bool:
    """True when one text is (nearly) the other: the rep must never get their own words back."""
    fa, fb = (" ".join(re.findall(r"\w+", t.lower())) for t in (a, b))
    return bool(fa) and bool(fb) and (fa in fb or fb in fa)


def try_instead(
    reply: str,
    scenario: Scenario | None,
    situation: str,
    aim: str,
    made: tuple[str, ...],
    lang: Lang,
    table: Phrasings,
    turn: int = 0,
) -> str:
    """A better reply for this moment: what the rep did well stays, the missing move is added.

    `situation` picks the phrasing table (`Phrasings.situation`); `aim` the criterion to add;
    `made` the good moves the reply already made, strongest first."""
    own, generic = table.try_instead.get(situation, {}), table.try_instead["generic"]
    # Only per-criterion phrasings: the defaults name facts of one scenario (a download, a shelf).
    options = [p(lang) for p in (own.get(aim), generic.get(aim)) if p is not None]
    options = [o for i, o in enumerate(options) if o not in options[:i] and not _same(o, reply)]
    if not options:
        options = [generic["default"](lang)]
    # The moment's own phrasing first; later turns alternate, so a session does not hear one
    # suggestion over and over.
    text = options[turn % len(options)]
    if scenario is not None:
        first_name = scenario.persona.name.split()[0]
        keep_capital = text.startswith(("I ", "I'"))
        text = f"{first_name}, {text if keep_capital else text[:1].lower() + text[1:]}"
    if made:
        kept = i18n.text(lang, f"judge.kept.{made[0]}")
        return i18n.text(lang, "judge.keep", kept=kept, added=text)
    return text
