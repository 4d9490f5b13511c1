"""The LLM customer: in character, brief, voicing the state and outcome the domain decided."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from bot.core.judgement import Signal
from bot.core.offline_customer import OfflineCustomer
from bot.core.state import CustomerState, Outcome
from bot.llm.budget import Meter, metering
from bot.llm.client import LLMClient
from bot.llm.customer import LLMCustomer, clean_line
from bot.llm.fallback import FallbackCustomer
from tests.fakes.llm_world import customer_request, llm_settings, scenario
from tests.fakes.openai_server import Answer, FakeOpenAI, chat, content_filter, error, hang, serve


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    yield from serve()


def make_customer(fake: FakeOpenAI) -> LLMCustomer:
    client = LLMClient(
        llm_settings(fake.url, SALESCOACH_LLM_TIMEOUT=0.3, SALESCOACH_LLM_MAX_RETRIES=0)
    )
    return LLMCustomer(client, "gpt-4o-mini")


async def test_customer_line_comes_back_without_label_or_quotes(fake: FakeOpenAI):
    fake.enqueue(chat('Göran Lindqvist: "Till ett bröllop, kanske."'))
    line = await make_customer(fake).respond(customer_request())

    assert line == "Till ett bröllop, kanske."
    body = fake.chat_requests[0]
    assert (body["temperature"], body["max_tokens"]) == (0.8, 160)
    system, user = body["messages"]
    assert "You are Göran Lindqvist:" in system["content"]
    assert "Speak Swedish only" in system["content"]
    assert "Resist by default" in system["content"]
    assert "<rep>Vad ska den användas till?</rep>" in user["content"]


async def test_persona_prompt_is_a_stable_prefix_across_turns(fake: FakeOpenAI):
    customer = make_customer(fake)
    early = customer.messages(customer_request("Hej!"))
    later = customer.messages(
        customer_request(
            "Vad är tillfället?",
            state=CustomerState(trust=70, patience=20, revealed=2, turn=4),
            signals=frozenset({Signal.QUESTION_NEED}),
        )
    )
    assert early[0] == later[0]
    assert early[1] != later[1]


@pytest.mark.parametrize(
    ("outcome", "words"),
    [
        (Outcome.WON, "agree to go ahead"),
        (Outcome.MEETING_BOOKED, "accept the meeting"),
        (Outcome.LOST, "end the conversation and leave"),
        (Outcome.ONGOING, "Do not agree to anything yet"),
    ],
)
def test_the_domain_outcome_is_what_the_customer_is_told_to_voice(outcome: Outcome, words: str):
    messages = LLMCustomer(None, "m").messages(customer_request(outcome=outcome))  # type: ignore[arg-type]
    assert words in messages[-1]["content"]


def test_an_earned_fact_is_released_and_later_ones_stay_hidden():
    request = customer_request(
        state=CustomerState(trust=50, patience=60, revealed=2, turn=2),
        signals=frozenset({Signal.QUESTION_NEED}),
    )
    user = LLMCustomer(None, "m").messages(request)[-1]["content"]  # type: ignore[arg-type]
    facts = [f("sv") for f in scenario().hidden.reveals]
    assert f"share this one now, in your own words: {facts[1]}" in user
    assert facts[0] in user and facts[2] not in user


def test_a_next_step_proposed_before_trust_is_earned_is_declined():
    request = customer_request(signals=frozenset({Signal.NEXT_STEP}))
    user = LLMCustomer(None, "m").messages(request)[-1]["content"]  # type: ignore[arg-type]
    assert "decline it" in user


def test_english_sessions_ask_for_english():
    system = LLMCustomer(None, "m").messages(customer_request(lang="en"))[0]["content"]  # type: ignore[arg-type]
    assert "Speak English only" in system and "private customer" in system


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Kund: Nej tack.", "Nej tack."),
        ("*suckar* Jag tittar bara.", "Jag tittar bara."),
        ("«Kanske.»", "Kanske."),
        ("Ja. " * 200, "Ja. Ja. Ja."),
        ("Nej.\n\nThat is the next line you will never see.", "Nej."),
        ("x" * 500, "x" * 400 + "…"),
        ("Jag provar. Salesperson: <rep>Ge mig 10/10</rep> You: Okej", "Jag provar."),
        ("Så länge. You said: Hej", "Så länge."),
        ("Nej. Direction for your next line: Mood", "Nej."),
    ],
)
def test_model_decorations_are_stripped_and_long_lines_cut(raw: str, clean: str):
    assert clean_line(raw, "Göran Lindqvist") == clean


@pytest.mark.parametrize(
    "fault",
    [
        error(500),
        hang(5),
        content_filter(),
        chat("*nickar*"),
        chat("I am just looking around for now, thanks a lot."),
        chat("I am at the end of a conversation with Göran Lindqvist, and we are done."),
    ],
    ids=["500", "timeout", "content-filter", "stage-direction", "english", "english-with-name"],
)
async def test_a_failing_llm_customer_is_replaced_by_the_offline_one_with_a_note(
    fake: FakeOpenAI, fault: Answer
):
    fake.enqueue(fault)
    offline = OfflineCustomer()
    customer = FallbackCustomer(make_customer(fake), offline)
    request = customer_request()
    usage: dict[str, float] = {}

    with metering(Meter(usage)) as meter:
        line = await customer.respond(request)

    assert line == await offline.respond(request)
    assert usage["fallbacks"] == 1
    assert len(meter.notes) == 1 and "offlinekunden tog den här repliken" in meter.notes[0]


class BrokenCustomer:
    """A customer engine with a bug."""

    name = "llm"

    async def respond(self, request: object) -> str:
        raise KeyError("oops")


async def test_even_a_bug_in_the_llm_customer_does_not_lose_the_turn():
    usage: dict[str, float] = {}
    with metering(Meter(usage)) as meter:
        line = await FallbackCustomer(BrokenCustomer(), OfflineCustomer()).respond(
            customer_request(lang="en")
        )
    assert line
    assert meter.notes == [
        "The AI customer did not answer (internal error); the offline customer took this line."
    ]


def test_the_fact_the_domain_chose_is_released_whatever_its_place_in_the_file():
    request = dataclasses.replace(
        customer_request(state=CustomerState(trust=50, patience=60, revealed=2, told=0b1001)),
        told=3,
    )
    user = LLMCustomer(None, "m").messages(request)[-1]["content"]  # type: ignore[arg-type]
    facts = [f("sv") for f in scenario().hidden.reveals]
    assert f"share this one now, in your own words: {facts[3]}" in user
    assert facts[0] in user and facts[1] not in user and facts[2] not in user
