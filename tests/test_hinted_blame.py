"""A question that pins the fault on a third party ("Did the printer lose it?") is heard as blame
where the rep should own the problem: the customer bristles, tells nothing, and the reply earns
no ownership. A neutral question about what happened still gets a fact; after owning the
problem, asking who dropped the ball is a detail; where nothing is the rep's to own, such a
question is discovery."""

from __future__ import annotations

import pytest

from bot.core.datafile import Lang
from bot.core.judgement import JudgeRequest, Signal
from bot.core.offline_judge import OfflineJudge
from bot.core.practice import Practice
from bot.core.reactions import default_reactions
from bot.core.scenarios import default_scenarios
from bot.core.session import Session
from tests.test_judge_readings import trained_replies, words

SID = "cards-never-arrived"
SCENARIO = default_scenarios()[SID]
HINTED: list[tuple[Lang, str]] = [
    ("en", "Did the printer lose it?"),
    ("en", "was it the post office again?"),
    ("en", "did the courier mess it up?"),
    ("en", "Could the post have lost them?"),
    ("en", "did your IT guy enter the wrong address?"),
    ("sv", "har tryckeriet tappat bort dem?"),
    ("sv", "var det posten igen?"),
    ("sv", "kan posten ha slarvat bort dem?"),
    ("sv", "har budfirman strulat?"),
    ("sv", "kanske tryckeriet skickade till fel adress?"),
]
NEUTRAL: list[tuple[Lang, str]] = [
    ("en", "when did you order them?"),
    ("en", "What did the delivery note say?"),
    ("en", "have you heard anything from the post office?"),
    ("en", "when did you approve the proof?"),
    ("sv", "vad stod det pa foljesedeln?"),
    ("sv", "nar bestallde du dem?"),
    ("sv", "har du hort nagot fran posten?"),
    ("sv", "nar godkande du korrekturet?"),
]


def start(practice: Practice, lang: Lang, seed: int) -> Session:
    return practice.start(user_id="rep", scenario_id=SID, lang=lang, level=1, seed=seed)


def bristles(lang: Lang, line: str) -> bool:
    """True when the customer's line is one of its reactions to blame."""
    blame = SCENARIO.reactions.get("blame") or default_reactions().reactions["blame"]
    return any(t(lang) in line for t in blame)


def test_no_question_here_is_in_the_training_data() -> None:
    trained = trained_replies()
    assert [reply for _, reply in HINTED + NEUTRAL if words(reply) in trained] == []


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize(("lang", "question"), HINTED)
async def test_a_question_pinning_the_fault_on_a_third_party_makes_the_customer_bristle(
    practice: Practice, lang: Lang, question: str, seed: int
) -> None:
    session = start(practice, lang, seed)
    before = session.state.trust
    turn = (await practice.reply(session, question)).turn
    assert Signal.BLAME in turn.judgement.signals
    assert Signal.OWNERSHIP not in turn.judgement.signals
    assert (turn.judgement.criteria["ownership"] or 0) <= 2
    assert turn.judgement.tip_criterion == "ownership"
    assert bristles(lang, turn.customer_response), turn.customer_response
    assert not any(f(lang) in turn.customer_response for f in SCENARIO.hidden.reveals)
    assert turn.trust < before


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize(("lang", "question"), NEUTRAL)
async def test_a_neutral_question_about_what_happened_still_gets_a_fact(
    practice: Practice, lang: Lang, question: str, seed: int
) -> None:
    turn = (await practice.reply(start(practice, lang, seed), question)).turn
    assert not {Signal.BLAME, Signal.PASSIVE} & turn.judgement.signals
    assert not bristles(lang, turn.customer_response), turn.customer_response
    assert any(f(lang) in turn.customer_response for f in SCENARIO.hidden.reveals)


@pytest.mark.parametrize(
    ("lang", "customer", "reply", "owns"),
    [
        (
            "en",
            "My business cards haven't arrived. I need them tomorrow.",
            "I'll get a new batch printed today and bring them to your office myself before "
            "six. Did the printer lose the first lot?",
            True,
        ),
        (
            "sv",
            "Mina visitkort har inte kommit. Jag behöver dem i morgon.",
            "Jag trycker en ny omgång idag och kör över dem själv före sex. Har tryckeriet "
            "tappat bort den första?",
            True,
        ),
        (
            "en",
            "We need 500 wine glasses by Friday, just give me your best price.",
            "did the courier lose a delivery on you last year?",
            False,
        ),
        (
            "sv",
            "Vi behöver 500 vinglas till fredag, ge mig bara ert bästa pris.",
            "har budfirman strulat med leveranserna forut?",
            False,
        ),
    ],
)
def test_the_same_question_after_owning_it_or_with_nothing_to_own_is_not_blame(
    lang: str, customer: str, reply: str, owns: bool
) -> None:
    judged = OfflineJudge().score(JudgeRequest(customer, reply, "sv" if lang == "sv" else "en"))
    assert Signal.BLAME not in judged.signals
    assert (Signal.OWNERSHIP in judged.signals) is owns
