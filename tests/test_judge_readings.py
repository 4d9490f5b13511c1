"""Readings the learned judge used to get wrong, checked on paraphrases it never trained on:
a closing "any questions?" is not a need question, a bare meeting proposal is a step, a plain
challenge is not sarcasm, a one-line number claim is an insight. Swedish as reps type it too
(lower case, no å/ä/ö, typos)."""

from __future__ import annotations

import json
import re

import pytest

from bot.core.judgement import JudgeRequest, Signal
from bot.core.offline_judge import OfflineJudge
from bot.core.semantic.data import own_files
from bot.core.semantic.heads import fold_text
from bot.core.semantic.questions import only_checks

QUOTE = {
    "en": "Just send me a quote for 500 units by Friday, that's all I need.",
    "sv": "Skicka en offert på 500 st till fredag, mer behöver jag inte.",
}
CLOSING_CHECKS = [
    ("en", "Any other questions?"),
    ("en", "questions at all?"),
    ("en", "anythng else?"),
    ("en", "Here you go: 89 each. Any questions on that?"),
    ("sv", "Nagra fler fragor?"),
    ("sv", "nan mer fraga?"),
    ("sv", "ar det nagot annat?"),
    ("sv", "Har du nagra fragor kring det?"),
]
BARE_STEPS = [
    ("en", "Could we book a meeting?"),
    ("en", "shal we set up a meeting"),
    ("en", "How about a meeting to go through it?"),
    ("sv", "ska vi boka ett mote"),
    ("sv", "kan vi boka in ett mote?"),
    ("sv", "Ska vi ses och gå igenom det?"),
    ("sv", "ska vi boka ett möt?"),
]
CHALLENGES = [
    ("en", "Is price really all that matters here?"),
    ("en", "Is the lowest price really what you need most?"),
    ("en", "Are you certain cheapest is what you need here?"),
    ("sv", "ar priset verkligen det enda som spelar roll?"),
    ("sv", "Är det verkligen bara priset som avgör för er?"),
    ("sv", "ar lagsta pris verkligen det viktigaste har?"),
    ("sv", "ar det pris som ar det enda viktiga for er egentligen?"),
]
NUMBER_INSIGHTS = [
    ("en", "Most of the clients who switched cut their costs 20% a year."),
    ("en", "customers that moved to us saved about 15% annually"),
    ("en", "Most of our buyers who changed over spent a fifth less per year."),
    ("sv", "De flesta av våra kunder som bytte sparade 20 % om året."),
    ("sv", "de flesta kunder som bytte sparade ca 20 % per ar"),
    ("sv", "Kunder som gick över till oss sparade i snitt en femtedel per år."),
]


def _signals(judge: OfflineJudge, lang: str, reply: str) -> frozenset[Signal]:
    request = JudgeRequest(QUOTE[lang], reply, "sv" if lang == "sv" else "en")
    return judge.score(request).signals


def words(text: str) -> str:
    """A reply's words, folded and lower-cased: two replies that differ only in that match."""
    return " ".join(re.findall(r"\w+", fold_text(text).lower()))


def trained_replies() -> set[str]:
    """The words of every reply in our labelled files."""
    return {
        words(json.loads(line)["reply"])
        for path in own_files()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }


def test_no_paraphrase_here_is_in_the_training_data() -> None:
    """They show the fix generalises only if the heads never saw them."""
    trained = trained_replies()
    tested = CLOSING_CHECKS + BARE_STEPS + CHALLENGES + NUMBER_INSIGHTS
    assert [reply for _, reply in tested if words(reply) in trained] == []


@pytest.mark.parametrize(("lang", "reply"), CLOSING_CHECKS)
def test_a_closing_check_is_not_a_question_about_the_need_nor_a_challenge(
    judge: OfflineJudge, lang: str, reply: str
) -> None:
    signals = _signals(judge, lang, reply)
    assert not {Signal.QUESTION_NEED, Signal.CHALLENGE} & signals, sorted(signals)


@pytest.mark.parametrize(
    ("reply", "checks"),
    [
        ("Any questions?", True),
        ("Har du några frågor?", True),
        ("anything else?", True),
        ("What are they for? Any questions?", False),
        ("What questions does your team ask about the switch?", False),
        ("Visst. Vad ska ni ha dom till", False),
        ("Is it for the trade fair?", False),
        ("Let me know if you have questions!", False),
    ],
)
def test_only_a_reply_whose_questions_all_check_for_questions_is_a_closing_check(
    reply: str, checks: bool
) -> None:
    assert only_checks(reply) is checks


@pytest.mark.parametrize(("lang", "reply"), BARE_STEPS)
def test_a_bare_meeting_proposal_is_a_step_without_a_date(
    judge: OfflineJudge, lang: str, reply: str
) -> None:
    signals = _signals(judge, lang, reply)
    assert Signal.NEXT_STEP in signals and Signal.DATED_NEXT_STEP not in signals, sorted(signals)
    assert Signal.DISCOUNT not in signals


@pytest.mark.parametrize(("lang", "reply"), CHALLENGES)
def test_a_plain_challenge_is_a_challenge_not_sarcasm(
    judge: OfflineJudge, lang: str, reply: str
) -> None:
    signals = _signals(judge, lang, reply)
    assert Signal.CHALLENGE in signals and Signal.RUDE not in signals, sorted(signals)


@pytest.mark.parametrize(("lang", "reply"), NUMBER_INSIGHTS)
def test_a_one_line_number_claim_is_an_insight_not_a_discount(
    judge: OfflineJudge, lang: str, reply: str
) -> None:
    signals = _signals(judge, lang, reply)
    assert Signal.INSIGHT in signals and Signal.DISCOUNT not in signals, sorted(signals)


@pytest.mark.parametrize(
    ("lang", "customer", "reply"),
    [
        (
            "en",
            "Hi! Yes, we've looked at the quote. We thought we'd let it mature a bit.",
            "Shall we meet on Tuesday at 10?",
        ),
        ("sv", "Vi tänkte låta det mogna lite.", "ses vi pa tisdag kl 10?"),
    ],
)
def test_a_dated_proposal_asked_as_a_question_is_not_a_need_question(
    judge: OfflineJudge, lang: str, customer: str, reply: str
) -> None:
    signals = judge.score(JudgeRequest(customer, reply, "sv" if lang == "sv" else "en")).signals
    assert Signal.DATED_NEXT_STEP in signals and Signal.QUESTION_NEED not in signals
