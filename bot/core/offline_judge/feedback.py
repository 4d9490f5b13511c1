"""One short tip and one better phrasing, fitted to the customer's line and the scenario."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import Field, field_validator, model_validator

from bot import paths
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
    Signal.RUDE,
    Signal.BLAME,
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

    def situation(self, customer_line: str, scenario: Scenario | None) -> str:
        """The situation id: the scenario's if it has one, else the first matching cue's."""
        if scenario is not None and scenario.id in self.scenario_situation:
            return self.scenario_situation[scenario.id]
        lowered = customer_line.lower()
        for s in self.situations:
            if any(cue in lowered for cue in s.cues):
                return s.id
        return "generic"


def load_phrasings(path: Path | None = None) -> Phrasings:
    """Load and validate the phrasings file."""
    return load_model(path or PHRASINGS_FILE, Phrasings)


@cache
def default_phrasings() -> Phrasings:
    """The shipped phrasings, loaded once."""
    return load_phrasings()


def target_criterion(
    scores: dict[str, int | None], signals: frozenset[Signal], rubric: Rubric, focus: frozenset[str]
) -> str:
    """The criterion the rep should work on next: a bad signal's, else the weakest, focus first."""
    for signal in TIP_ORDER:
        target = SIGNAL_TARGET.get(signal)
        if signal in signals and target and scores.get(target) is not None:
            return target
    scored = [(s, c) for c, s in scores.items() if s is not None]
    if not scored:
        return "default"
    weights = {c.id: c.weight for c in rubric.criteria}
    return min(scored, key=lambda sc: (sc[0], sc[1] not in focus, -weights.get(sc[1], 0)))[1]


def tip(
    signals: frozenset[Signal],
    target: str,
    overall: int,
    rubric: Rubric,
    lang: Lang,
    table: Phrasings,
) -> str:
    """One short piece of advice in `lang`."""
    for signal in TIP_ORDER:
        if signal in signals:
            return table.signal_tips[signal.value](lang)
    if target not in rubric.ids:
        return table.signal_tips[Signal.FILLER.value](lang)
    advice = rubric.criterion(target).tip(lang)
    return table.praise(lang) + advice if overall >= 75 else advice


def try_instead(
    customer_line: str, scenario: Scenario | None, target: str, lang: Lang, table: Phrasings
) -> str:
    """A concrete better reply in `lang`, addressed to the scenario's persona when there is one."""
    phrasings = table.try_instead[table.situation(customer_line, scenario)]
    text = (phrasings.get(target) or phrasings["default"])(lang)
    if scenario is None:
        return text
    first_name = scenario.persona.name.split()[0]
    keep_capital = text.startswith(("I ", "I'"))
    return f"{first_name}, {text if keep_capital else text[:1].lower() + text[1:]}"
