"""Challenges as reps type them are read as challenges, and replies that only look like one are
not: plain questions, going along with the request, sarcasm, rudeness. Checked on phrasings the
heads never trained on, in both languages, after two kinds of price-pressure line."""

from __future__ import annotations

import pytest

from bot.core.judgement import Judgement, JudgeRequest, Signal
from bot.core.offline_judge import OfflineJudge
from bot.core.offline_judge.harm import blames
from bot.core.offline_judge.model import Features
from bot.core.semantic.questions import only_checks
from tests.test_judge_readings import trained_replies, words

CUSTOMERS = {
    "en": [
        "We'll just go with the cheapest supplier this time.",
        "Just send me your best price, that's all I need.",
    ],
    "sv": [
        "Vi tar den billigaste leverantören den här gången.",
        "skicka bara ert basta pris, mer behover jag inte",
    ],
}
#: Polite, blunt-but-respectful, and questions that doubt the premise.
CHALLENGES = [
    ("en", "is it really just about price for u?"),
    ("en", "honestly, is the cheapest option going to solve the breakage?"),
    ("en", "what happens if you go cheapest and it doesnt hold up?"),
    ("en", "Is price the real issue here, or is it something else?"),
    ("en", "can i push back a bit - is cheapest really cheapest over 3 years?"),
    ("en", "With respect, I'm not sure the lowest bid is what solves this."),
    ("en", "are you sure the price is the problem?"),
    ("en", "what would it cost you if the cheap ones fail again?"),
    ("en", "I'd question that - was price what went wrong last time?"),
    ("en", "is the unit price really the biggest cost for you?"),
    ("en", "What if the cheapest deal ends up costing more?"),
    ("en", "do you really want the same problem next year?"),
    ("en", "May I challenge that a little? Cheaper has cost you twice already."),
    ("en", "is saving a few kronor worth another round of returns?"),
    ("en", "would the cheapest one really last as long as you need?"),
    ("en", "but is cheap really what fixes the breakage issue?"),
    ("en", "what happens when the cheap ones break in month six?"),
    ("en", "is price the only thing on your list, honestly?"),
    ("en", "mind if I challenge that? the cheap batch is what broke last time"),
    ("en", "would the lowest bid really fix the breakage you had?"),
    ("en", "is it really the price, or is it the hassle of replacing them?"),
    ("en", "I'm not sure cheapest is the answer to what went wrong"),
    ("sv", "ar det verkligen priset som ar problemet?"),
    ("sv", "vad hander om ni valjer billigast och det inte haller?"),
    ("sv", "ar det bara priset for er egentligen?"),
    ("sv", "ar billigast verkligen billigast i langden?"),
    ("sv", "far jag utmana lite? ar det priset som ar grejen"),
    ("sv", "vad kostar det er om de billiga gar sonder igen?"),
    ("sv", "ar du saker pa att priset ar det viktigaste?"),
    ("sv", "ar det verkligen pris det handlar om, eller nat annat?"),
    ("sv", "vill ni verkligen ha samma problem nasta ar?"),
    ("sv", "lost det verkligen problemet att ta billigast?"),
    ("sv", "ar det vart att spara nagra kronor om ni far byta efter ett ar?"),
    ("sv", "tror ni att billigaste alternativet haller hela vagen?"),
    ("sv", "ar pris verkligen det ni behover mest just nu?"),
    ("sv", "jag vill ifragasatta det lite, var det priset som var felet sist?"),
    ("sv", "vad om billigast blir dyrast till slut?"),
    ("sv", "e det verkligen bara priset som galler?"),
    ("sv", "vad hander nar de billiga gar sonder efter ett halvar?"),
    ("sv", "ar pris det enda pa listan, arligt talat?"),
    ("sv", "far jag ifragasatta det? det var ju de billiga som gick sonder sist"),
    ("sv", "skulle lagsta budet verkligen losa problemen ni hade?"),
    ("sv", "tror du verkligen att billigare blir billigare i slutandan?"),
    ("sv", "jag ar inte saker pa att billigast ar svaret pa det som gick fel"),
]
#: Questions about the situation and going along with the request: no challenge, no offence.
PLAIN = [
    ("en", "how many do you need?"),
    ("en", "when do you need them by?"),
    ("en", "what did you pay last time?"),
    ("en", "who else is on the shortlist?"),
    ("en", "what quantity are we looking at?"),
    ("en", "which sizes do you need?"),
    ("en", "sure, I'll send our best price today."),
    ("en", "ok, cheapest it is. quote coming."),
    ("en", "ok will do, price coming your way"),
    ("sv", "hur manga behover ni?"),
    ("sv", "nar behover ni dem?"),
    ("sv", "vilka andra leverantorer tittar ni pa?"),
    ("sv", "hur stor mangd pratar vi om?"),
    ("sv", "vilka storlekar behover ni?"),
    ("sv", "absolut, jag skickar vart basta pris idag"),
    ("sv", "okej, billigast blir det. offert kommer"),
    ("sv", "okej fixar det, pris kommer"),
]
#: Sarcasm and rudeness: not a challenge, and respect marked down.
DISRESPECT = [
    ("en", "oh sure, because cheap always works out so well"),
    ("en", "wow, cheapest, what a brilliant plan"),
    ("en", "that's a stupid way to buy, frankly"),
    ("en", "yeah because cheap never backfires, right"),
    ("en", "honestly that's a dumb plan"),
    ("sv", "jaha, billigast, det har ju gatt sa bra forut"),
    ("sv", "snyggt, billigast igen, smart drag"),
    ("sv", "det ar ett korkat satt att kopa pa"),
    ("sv", "ja for billigt slar ju aldrig bakut, eller hur"),
    ("sv", "arligt talat ar det en dum plan"),
]


def _readings(judge: OfflineJudge, lang: str, reply: str) -> list[Judgement]:
    requests = [
        JudgeRequest(customer, reply, "sv" if lang == "sv" else "en")
        for customer in CUSTOMERS[lang]
    ]
    return judge.score_many(requests)


def test_no_phrasing_here_is_in_the_training_data() -> None:
    """They show the readings generalise only if the heads never saw them."""
    trained = trained_replies()
    tested = CHALLENGES + PLAIN + DISRESPECT
    assert [reply for _, reply in tested if words(reply) in trained] == []


@pytest.mark.parametrize(("lang", "reply"), CHALLENGES)
def test_a_challenge_is_read_as_a_challenge_and_nothing_harmful(
    judge: OfflineJudge, lang: str, reply: str
) -> None:
    for judged in _readings(judge, lang, reply):
        harmful = {Signal.RUDE, Signal.BLAME, Signal.DISCOUNT} & judged.signals
        assert Signal.CHALLENGE in judged.signals and not harmful, sorted(judged.signals)


@pytest.mark.parametrize(("lang", "reply"), PLAIN)
def test_a_plain_question_or_going_along_is_no_challenge_and_no_offence(
    judge: OfflineJudge, lang: str, reply: str
) -> None:
    for judged in _readings(judge, lang, reply):
        assert not {Signal.CHALLENGE, Signal.RUDE} & judged.signals, sorted(judged.signals)


@pytest.mark.parametrize(("lang", "reply"), DISRESPECT)
def test_sarcasm_and_rudeness_are_no_challenge_and_cost_respect(
    judge: OfflineJudge, lang: str, reply: str
) -> None:
    for judged in _readings(judge, lang, reply):
        assert Signal.CHALLENGE not in judged.signals, sorted(judged.signals)
        assert (judged.criteria["respect"] or 0) <= 2, judged.criteria


@pytest.mark.parametrize(
    "reply",
    [
        "I'd question that - was price what went wrong last time?",
        "ar det verkligen pris det handlar om, eller nat annat?",
        "Are we talking price only, or anything else that matters to you?",
    ],
)
def test_check_words_inside_a_real_question_do_not_make_it_a_closing_check(reply: str) -> None:
    assert only_checks(reply) is False


@pytest.mark.parametrize(
    ("reply", "blame"),
    [
        ("are you sure the price is the problem?", False),
        ("ar du saker pa att priset ar det viktigaste?", False),
        ("Are you sure you ordered express?", True),
        ("Är du säker på att ni beställde express?", True),
    ],
)
def test_doubting_a_premise_is_not_accusing_the_customer(reply: str, blame: bool) -> None:
    assert blames(reply, 0.0, Features(text=reply)) is blame


#: Customer lines from the middle of a role-play, as the offline customer says them: a reaction,
#: then a fact from a built-in scenario.
TOLD = {
    "sv": [
        "Bra fråga. Det är ett äldreboende i tre etapper. Vi ska vara klara till första september.",
        "Det var rakt. Men okej, fortsätt. Vi har vite på 150 000 i veckan om vi blir sena.",
    ],
    "en": [
        "Well… there's a bit more to it than that. "
        "Several chairs at Västerskolan broke in the second year.",
        "Hm. I hadn't thought of it that way. "
        "It's a care home in three phases. We have to be done by the first of September.",
    ],
}
AFTER_TOLD = [(lang, line) for lang, lines in TOLD.items() for line in lines]


def _after(
    judge: OfflineJudge, customer: str, items: list[tuple[str, str]], lang: str
) -> list[Judgement]:
    requests = [
        JudgeRequest(customer, reply, "sv" if lang == "sv" else "en")
        for said, reply in items
        if said == lang
    ]
    return judge.score_many(requests)


@pytest.mark.parametrize(("lang", "customer"), AFTER_TOLD)
def test_a_challenge_is_still_heard_after_the_customer_tells_a_fact(
    judge: OfflineJudge, lang: str, customer: str
) -> None:
    """What a reply does is in the reply: the challenge head reads the customer's line at 0.3
    (train.py `move_context`). Read at full strength, and with "does not apply" taught as "does
    not challenge", it heard 5, 17, 6 and 5 of these 22 challenges."""
    judged = _after(judge, customer, CHALLENGES, lang)
    heard = sum(Signal.CHALLENGE in j.signals for j in judged)
    assert heard >= 0.55 * len(judged), heard


@pytest.mark.parametrize(("lang", "customer"), AFTER_TOLD)
def test_a_plain_question_after_a_fact_is_still_no_challenge(
    judge: OfflineJudge, lang: str, customer: str
) -> None:
    for judged in _after(judge, customer, PLAIN, lang):
        assert Signal.CHALLENGE not in judged.signals, sorted(judged.signals)
