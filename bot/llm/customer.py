"""A customer voiced by an LLM: in character, brief, resisting; the domain decides what happens."""

from __future__ import annotations

import re
from typing import Any

from bot import i18n, prompts
from bot.core.customer import CustomerRequest
from bot.core.judgement import Signal
from bot.core.language import guess_lang
from bot.core.state import WIN_TRUST, Outcome, told_facts
from bot.errors import EngineError
from bot.llm.client import LLMClient

MAX_LINE_CHARS = 400
MAX_SENTENCES = 3
#: Shorter lines are too short for the language guess to be trusted.
MIN_WORDS_TO_CHECK_LANG = 6
#: Where a model that continues the conversation script starts writing the next speaker.
TRANSCRIPT_MARKER = re.compile(
    r"\s*(?:<\s*/?\s*rep\s*>|\b(?:(?:the )?salesperson(?: answered)?|you(?: said)?|säljare(?:n)?"
    r"|du|customer|kund(?:en)?|rep|direction[^:]{0,40})\s*:)",
    re.I,
)

#: How the customer reacts to what the rep did, in words for the model (worst first).
REACTIONS: dict[Signal, str] = {
    Signal.RUDE: "they were rude to you - you are offended",
    Signal.INJECTION: "they said something odd that made no sense in a sales conversation",
    Signal.BLAME: "they blamed someone else instead of taking responsibility",
    Signal.DISCOUNT: "they offered a discount you did not ask for - it makes you doubt the value",
    Signal.PRICE_ONLY: "they only talked price, like a living price list",
    Signal.PASSIVE: "they left it to you to get back - nothing happens",
    Signal.STUFFING: "they used buzzwords without substance",
    Signal.OFF_TOPIC: "they talked about something beside the point",
    Signal.FILLER: "they said nothing of substance",
    Signal.OWNERSHIP: "they took responsibility for your problem",
    Signal.INSIGHT: "they told you something useful you had not thought of",
    Signal.CHALLENGE: "they questioned your assumption, politely and with a reason",
    Signal.EMPATHY: "they acknowledged your situation",
    Signal.QUESTION_NEED: "they asked about the need behind your request",
}


def mood(trust: int) -> str:
    """The customer's hidden trust in words."""
    if trust < 25:
        return "hostile and about to walk away; you believe nothing they say"
    if trust < 45:
        return "sceptical and guarded; you give short, cool answers"
    if trust < 60:
        return "neutral and wary; you listen but are not convinced"
    if trust < WIN_TRUST:
        return "warming up a little, though still not ready to commit"
    return "fairly trusting; you would accept a concrete next step if they proposed one"


def patience_words(patience: int) -> str:
    """The customer's remaining patience in words."""
    if patience <= 25:
        return "almost gone - you are in a hurry and let it show"
    if patience <= 50:
        return "running low - you want them to get to the point"
    return "fine for now"


def direction(request: CustomerRequest) -> str:
    """What this line must do, decided by the domain: end the conversation or go on."""
    outcome = request.outcome
    if outcome is Outcome.WON:
        return "You are won over: agree to go ahead, like your 'won over' lines. This ends the conversation."
    if outcome is Outcome.MEETING_BOOKED:
        return "You are won over: accept the meeting they proposed, like your 'won over' lines. This ends the conversation."
    if outcome.finished:
        return "You have had enough: end the conversation and leave, like your 'leave' lines."
    proposes = request.signals & {Signal.NEXT_STEP, Signal.DATED_NEXT_STEP}
    if proposes and request.state.trust < WIN_TRUST:
        return "They proposed a next step too early: decline it, you are not convinced yet."
    if request.told is not None or (
        Signal.QUESTION_NEED in request.signals
        and request.state.revealed > 0
        and not request.state.told
    ):
        return "Do not agree to anything yet; answer their question with the fact above."
    objections = request.scenario.objections
    objection = objections[(request.state.turn - request.state.revealed) % len(objections)]
    return f"Do not agree to anything yet. If nothing else fits, raise this objection: {objection(request.lang)}"


def _facts(request: CustomerRequest, reveals: list[str]) -> tuple[str, list[str]]:
    """The fact to tell now and those told before: the ones the domain chose (any order), or,
    for a request without that choice, the first `revealed` in file order."""
    state = request.state
    if request.told is not None or state.told:
        now = request.told
        before = [reveals[i] for i in told_facts(state) if i != now and i < len(reveals)]
        return (reveals[now] if now is not None else ""), before
    earned = Signal.QUESTION_NEED in request.signals and 0 < state.revealed <= len(reveals)
    shared_count = min(state.revealed - (1 if earned else 0), len(reveals))
    return (reveals[state.revealed - 1] if earned else ""), reveals[: max(0, shared_count)]


def prompt_context(request: CustomerRequest) -> dict[str, Any]:
    """Template variables for `customer.j2`."""
    scenario, lang, state = request.scenario, request.lang, request.state
    reveals = [fact(lang) for fact in scenario.hidden.reveals]
    reveal, shared = _facts(request, reveals)
    spec = scenario.levels[request.level]  # type: ignore[index]
    return {
        "persona": {
            "name": scenario.persona.name,
            "role": scenario.persona.role(lang),
            "company": scenario.persona.company(lang) if scenario.persona.company else "",
            "description": scenario.persona.description(lang),
        },
        "brief": scenario.brief(lang),
        "level": request.level,
        "level_description": spec.description(lang),
        "need": scenario.hidden.need(lang),
        "reveals": reveals,
        "will_not_reveal": [item(lang) for item in scenario.hidden.will_not_reveal],
        "objections": [o(lang) for o in scenario.objections],
        "win_description": scenario.win.description(lang),
        "win_lines": [line(lang) for line in scenario.win.lines],
        "lose_lines": [line(lang) for line in scenario.lose],
        "language": i18n.language_name(lang),
        "history": list(request.history[-6:]),
        "last_line": request.last_customer_line,
        "reply": request.reply,
        "mood": mood(state.trust),
        "patience": patience_words(state.patience),
        "reactions": [text for signal, text in REACTIONS.items() if signal in request.signals][:2],
        "reveal": reveal,
        "shared": shared,
        "direction": direction(request),
    }


def clean_line(text: str, name: str) -> str:
    """Strip labels, quotes and stage directions a model may add; keep it short."""
    # Small models ramble on after the line: keep the first paragraph and three sentences.
    line = re.split(r"\n\s*\n", text.strip(), maxsplit=1)[0].replace("\n", " ")
    label = rf"^\s*(?:{re.escape(name)}|customer|kund(?:en)?|you|du)\s*:\s*"
    line = re.sub(label, "", line, flags=re.I)
    line = TRANSCRIPT_MARKER.split(line, maxsplit=1)[0]  # they also go on writing the script
    sentences = re.split(r"(?<=[.!?…])\s+", line)
    line = " ".join(sentences[:MAX_SENTENCES])
    line = re.sub(r"^\*[^*]{0,80}\*\s*|^\([^)]{0,80}\)\s*", "", line)
    line = line.strip().strip('"“”«»').strip()
    if len(line) > MAX_LINE_CHARS:
        cut = line[:MAX_LINE_CHARS]
        end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
        line = cut[: end + 1] if end > 80 else cut.rstrip() + "…"
    return line


class LLMCustomer:
    """Plays the scenario's customer through a chat model; the hidden state is the domain's."""

    name = "llm"

    def __init__(self, client: LLMClient, model: str, *, temperature: float = 0.8) -> None:
        self.client = client
        self.model = model
        self.temperature = temperature

    def messages(self, request: CustomerRequest) -> list[dict[str, str]]:
        """The chat messages for this turn."""
        return prompts.render_messages("customer.j2", **prompt_context(request))

    async def respond(self, request: CustomerRequest) -> str:
        """The customer's next line."""
        completion = await self.client.complete(
            model=self.model,
            messages=self.messages(request),
            temperature=self.temperature,
            max_tokens=160,
            seed=request.seed + request.state.turn,
        )
        line = clean_line(completion.text, request.scenario.persona.name)
        if not line:
            raise EngineError("the customer model sent only a label or stage direction")
        spoken = line.replace(request.scenario.persona.name, "")  # names carry Swedish letters
        if len(spoken.split()) >= MIN_WORDS_TO_CHECK_LANG and guess_lang(spoken) != request.lang:
            raise EngineError(f"the customer model left {i18n.language_name(request.lang)}")
        return line
