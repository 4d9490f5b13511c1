"""The offline customer answers what the rep said: targeted facts, refusals, time slots."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.core.datafile import Lang
from bot.core.judgement import Signal
from bot.core.practice import Practice
from bot.core.reactions import default_reactions
from bot.core.scenarios import default_scenarios
from bot.core.session import Session
from bot.core.slots import WEEKDAYS
from bot.core.spoken import sentences
from bot.core.state import COUNTER_TRUST, WIN_TRUST, Outcome
from tests.scripts import PRICE_LIST, STRONG

QUESTIONS = yaml.safe_load((Path(__file__).parent / "data" / "targeted_questions.yaml").read_text())
SCENARIOS = default_scenarios()
LANGS: tuple[Lang, ...] = ("sv", "en")


def start(practice: Practice, sid: str, lang: Lang, level: int = 1, seed: int = 3) -> Session:
    return practice.start(user_id="rep", scenario_id=sid, lang=lang, level=level, seed=seed)


async def first_answer(practice: Practice, sid: str, lang: Lang, question: str) -> str:
    session = start(practice, sid, lang)
    return (await practice.reply(session, question)).turn.customer_response


def targeted() -> list[tuple[str, int, Lang, str]]:
    return [
        (sid, index, lang, pair[i])
        for sid in sorted(SCENARIOS)
        for index, pair in enumerate(QUESTIONS[sid]["facts"])
        for i, lang in enumerate(LANGS)
    ]


@pytest.mark.parametrize(
    ("sid", "lang"), [(sid, lang) for sid in sorted(SCENARIOS) for lang in LANGS]
)
async def test_a_targeted_question_gets_its_fact_in_every_scenario(
    practice: Practice, sid: str, lang: Lang
) -> None:
    """Each fact asked for in its own words, first question of a fresh session."""
    facts = SCENARIOS[sid].hidden.reveals
    hits = []
    for index, pair in enumerate(QUESTIONS[sid]["facts"]):
        answer = await first_answer(practice, sid, lang, pair[LANGS.index(lang)])
        assert any(f(lang) in answer for f in facts), (pair, answer)  # always some fact
        hits.append(facts[index](lang) in answer)
    # The encoder does not read every question right; most must land (measured: ~85-90 %).
    assert sum(hits) >= len(hits) - 2, hits


#: Asking what happened is how a rep who owns the problem gets the facts: not blame.
WHAT_HAPPENED = [
    ("en", "How was the order marked?"),
    ("en", "What did the order say?"),
    ("sv", "Hur märkte ni beställningen?"),
    ("sv", "Vad stod det på följesedeln?"),
]
#: Fault pushed onto the customer or another party, said outright or as a rhetorical question.
REAL_BLAME = [
    ("en", "That's on logistics, not me."),
    ("en", "Well, you should have marked it express more clearly."),
    ("en", "Why didn't you mark it express?"),
    ("en", "Are you sure you ordered express?"),
    ("sv", "Det är logistikens fel, inte mitt."),
    ("sv", "Ni borde ha skrivit express tydligare."),
    ("sv", "Varför skrev ni inte express?"),
    ("sv", "Är du säker på att ni beställde express?"),
]


def bristles(sid: str, lang: Lang, line: str) -> bool:
    """True when the customer's line is one of its reactions to blame."""
    blame = SCENARIOS[sid].reactions.get("blame") or default_reactions().reactions["blame"]
    return any(t(lang) in line for t in blame)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize(("lang", "question"), WHAT_HAPPENED)
async def test_a_question_about_what_happened_is_answered_not_taken_as_blame(
    practice: Practice, lang: Lang, question: str, seed: int
) -> None:
    sid = "logistics-dropped-ball"
    result = await practice.reply(start(practice, sid, lang, seed=seed), question)
    answer = result.turn.customer_response
    assert Signal.BLAME not in result.turn.judgement.signals
    assert not bristles(sid, lang, answer), answer
    assert any(fact(lang) in answer for fact in SCENARIOS[sid].hidden.reveals), answer


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize(("lang", "reply"), REAL_BLAME)
async def test_real_blame_makes_the_customer_bristle(
    practice: Practice, lang: Lang, reply: str, seed: int
) -> None:
    sid = "logistics-dropped-ball"
    result = await practice.reply(start(practice, sid, lang, seed=seed), reply)
    assert Signal.BLAME in result.turn.judgement.signals
    assert bristles(sid, lang, result.turn.customer_response), result.turn.customer_response
    assert result.turn.trust < start(practice, sid, lang).state.trust  # it costs trust
    facts = SCENARIOS[sid].hidden.reveals
    assert not any(f(lang) in result.turn.customer_response for f in facts)


@pytest.mark.parametrize(
    ("sid", "index", "lang", "question"),
    [
        ("cards-never-arrived", 3, "sv", "Hur länge är du kvar på kontoret idag?"),
        ("let-it-mature", 2, "en", "When does your current contract run out?"),
        ("cards-never-arrived", 3, "sv", "hur lange e du kvar idag"),
    ],
)
async def test_questions_typed_the_way_reps_type_get_their_fact(
    practice: Practice, sid: str, index: int, lang: Lang, question: str
) -> None:
    answer = await first_answer(practice, sid, lang, question)
    fact = SCENARIOS[sid].hidden.reveals[index]
    assert fact(lang) in answer, answer


async def test_most_questions_typed_in_a_hurry_get_their_fact(practice: Practice) -> None:
    """Lowercase, no å/ä/ö, chat spelling; measured 8-9 of 10."""
    hits = 0
    for sid, index, lang, question in QUESTIONS["casual"]:
        answer = await first_answer(practice, sid, lang, question)
        hits += SCENARIOS[sid].hidden.reveals[index](lang) in answer
    assert hits >= len(QUESTIONS["casual"]) - 2


async def test_facts_come_in_the_order_asked_not_file_order(practice: Practice) -> None:
    sid = "let-it-mature"
    session = start(practice, sid, "en")
    asked = [3, 0, 2]
    for index in asked:
        await practice.reply(session, QUESTIONS[sid]["facts"][index][1])
    facts = SCENARIOS[sid].hidden.reveals
    for turn, index in zip(session.turns, asked, strict=True):
        assert facts[index]("en") in turn.customer_response


@pytest.mark.parametrize("lang", LANGS)
async def test_asking_for_a_secret_gets_a_refusal_and_no_fact(
    practice: Practice, lang: Lang
) -> None:
    refusals = {t(lang) for t in default_reactions().reactions["refuse"]}
    for sid in sorted(SCENARIOS):
        for pair in QUESTIONS[sid]["secrets"]:
            answer = await first_answer(practice, sid, lang, pair[LANGS.index(lang)])
            assert answer in refusals, (sid, answer)


async def test_a_fact_asked_again_is_not_told_twice(practice: Practice) -> None:
    session = start(practice, "cards-never-arrived", "sv")
    question = "Hur länge är du kvar på kontoret idag?"
    await practice.reply(session, question)
    again = await practice.reply(session, question)
    fact = SCENARIOS["cards-never-arrived"].hidden.reveals[3]("sv")
    assert fact not in again.turn.customer_response
    told_again = {t("sv") for t in default_reactions().reactions["already_told"]}
    assert any(line in again.turn.customer_response for line in told_again)


@pytest.mark.parametrize(
    ("lang", "challenge"),
    [
        ("en", "is the cheapest chair really the smart buy when several broke in the second year?"),
        ("sv", "ar billigaste stolen verkligen smart nar flera gick sonder redan andra aret?"),
    ],
)
async def test_a_challenge_built_on_a_told_fact_is_not_asking_for_it_again(
    practice: Practice, lang: Lang, challenge: str
) -> None:
    """Using what the customer said is good listening: no "I just told you that"."""
    session = start(practice, "tender-price-only", lang)
    broke = SCENARIOS["tender-price-only"].hidden.reveals[1](lang)
    # The customer has told that chairs broke (the second fact).
    session.state = dataclasses.replace(session.state, told=0b10, revealed=1)
    result = await practice.reply(session, challenge)
    assert Signal.CHALLENGE in result.turn.judgement.signals
    told_again = {t(lang) for t in default_reactions().reactions["already_told"]}
    assert not any(line in result.turn.customer_response for line in told_again)
    assert broke not in result.turn.customer_response


SLOTS = {
    "sv": ["Kan du titta förbi på lördag vid elva?", "Ses vi på tisdag kl 10?"],
    "en": ["I've pencilled us in for Aug 12, 9:30.", "Shall we meet on Tuesday at 10?"],
}
SLOT_WORDS = {
    "Kan du titta förbi på lördag vid elva?": "lördag kl. 11",
    "Ses vi på tisdag kl 10?": "tisdag kl. 10",
    "I've pencilled us in for Aug 12, 9:30.": "August 12 at 9:30",
    "Shall we meet on Tuesday at 10?": "Tuesday at 10",
}


def warmed(session: Session, trust: int) -> Session:
    session.state = dataclasses.replace(session.state, trust=trust)
    return session


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", sorted(SCENARIOS))
async def test_a_dated_slot_at_high_trust_books_the_meeting(
    practice: Practice, sid: str, lang: Lang
) -> None:
    for reply in SLOTS[lang]:
        session = warmed(start(practice, sid, lang), WIN_TRUST + 10)
        result = await practice.reply(session, reply)
        assert result.outcome is SCENARIOS[sid].win.outcome_value(), result.turn
        assert SLOT_WORDS[reply].lower() in result.turn.customer_response.lower()


@pytest.mark.parametrize("lang", LANGS)
async def test_a_slot_too_early_is_pushed_back_by_name(practice: Practice, lang: Lang) -> None:
    for reply in SLOTS[lang]:
        session = start(practice, "best-price-friday", lang, level=3)
        result = await practice.reply(session, reply)
        assert result.outcome is Outcome.ONGOING
        assert SLOT_WORDS[reply].lower() in result.turn.customer_response.lower()


@pytest.mark.parametrize("lang", LANGS)
async def test_nearly_won_the_customer_offers_another_day_and_takes_it(
    practice: Practice, lang: Lang
) -> None:
    proposal, accept = {
        "sv": ("Ses vi på tisdag kl 10?", "Torsdag kl 10 passar mig bra, ses då!"),
        "en": ("Shall we meet on Tuesday at 10?", "Thursday at 10 works for me, see you then!"),
    }[lang]
    # At the bottom of the counter zone: the proposal's own warmth must not carry the customer
    # over the win line before it has offered its day.
    session = warmed(start(practice, "let-it-mature", lang), COUNTER_TRUST)
    counter = await practice.reply(session, proposal)
    line = counter.turn.customer_response
    assert counter.outcome is Outcome.ONGOING
    day = {"sv": "torsdag", "en": "Thursday"}[lang]
    assert SLOT_WORDS[proposal].lower() in line.lower() and day in line, line
    booked = await practice.reply(session, accept)
    assert booked.outcome is Outcome.MEETING_BOOKED, booked.turn


def said_sentences(session: Session) -> list[str]:
    lines = [session.opening, *(t.customer_response for t in session.turns)]
    return [s for line in lines for s in sentences(line)]


WEAK = {
    "sv": ["ok", "Jag skickar en offert.", "Hör av dig om du behöver något.", "Förstår."],
    "en": ["ok", "I'll send a quote.", "Let me know if you need anything.", "I see."],
}


def scripted_sessions() -> list[tuple[str, Lang, int, str]]:
    """30 sessions: every scenario, both languages, levels and reps in rotation."""
    kinds = ("strong", "price", "weak", "curious")
    out = []
    for n in range(30):
        sid = sorted(SCENARIOS)[n % len(SCENARIOS)]
        out.append((sid, LANGS[n % 2], 1 + n % 3, kinds[n % 4]))
    return out


def script(sid: str, lang: Lang, kind: str) -> list[str]:
    questions = [pair[LANGS.index(lang)] for pair in QUESTIONS[sid]["facts"]]
    return {
        "strong": STRONG[lang] * 3,
        "price": PRICE_LIST[lang],
        "weak": WEAK[lang] * 4,
        "curious": [*questions, *questions, *WEAK[lang], *SLOTS[lang]],
    }[kind]


async def test_no_customer_sentence_repeats_in_30_scripted_sessions(practice: Practice) -> None:
    repeats = []
    for n, (sid, lang, level, kind) in enumerate(scripted_sessions()):
        session = start(practice, sid, lang, level, seed=n)
        for reply in script(sid, lang, kind):
            if session.finished:
                break
            await practice.reply(session, reply)
        said = said_sentences(session)
        repeats += [(sid, kind, s) for s in set(said) if said.count(s) > 1]
    assert repeats == []


LEVELS = (1, 2, 3)
WRITTEN_FOR = yaml.safe_load((Path(__file__).parent / "data" / "strong_reps.yaml").read_text())
PASSIVE = {
    "sv": [
        "Okej, jag skickar en offert.",
        "Hör av dig om du har frågor.",
        "Vi låter det mogna, hör av dig när ni har bestämt er.",
        "Jag väntar på ert besked.",
    ],
    "en": [
        "Okay, I'll send a quote.",
        "Let me know if you have any questions.",
        "Let's let it mature, get back to me when you've decided.",
        "I'll wait to hear from you.",
    ],
}
TAKE_DAY = {
    "sv": "{day} kl 10 passar mig bra, då ses vi!",
    "en": "{day} at 10 works for me, see you then!",
}


async def play(
    practice: Practice, sid: str, lang: Lang, level: int, replies: list[str], seed: int = 3
) -> Session:
    """Play the replies in order until the session ends; a day the customer offers instead of
    the rep's is taken, as any rep would."""
    session = start(practice, sid, lang, level, seed)
    for reply in replies:
        if session.finished:
            break
        if session.state.counter:
            day = WEEKDAYS[lang][session.state.counter - 1]
            reply = TAKE_DAY[lang].format(day=day[:1].upper() + day[1:])
        await practice.reply(session, reply)
    return session


def lines(session: Session) -> list[tuple[int, int, int, str]]:
    return [(t.judgement.overall, t.trust, t.patience, t.customer_response) for t in session.turns]


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("lang", LANGS)
async def test_strong_rep_wins_and_price_list_loses_at_every_level(
    practice: Practice, lang: Lang, level: int
) -> None:
    for sid in sorted(SCENARIOS):
        strong = start(practice, sid, lang, level)
        for reply in STRONG[lang] * 3:
            if not strong.finished:
                await practice.reply(strong, reply)
        assert strong.outcome.success, (sid, lines(strong))
        price = start(practice, sid, lang, level)
        for reply in PRICE_LIST[lang]:
            if not price.finished:
                await practice.reply(price, reply)
        assert price.outcome is Outcome.LOST, sid


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("lang", LANGS)
async def test_a_rep_who_writes_for_this_customer_wins_at_every_level(
    practice: Practice, lang: Lang, level: int, seed: int
) -> None:
    """Need, insight, ownership and a dated step, written for the scenario (tests/data)."""
    for sid in sorted(SCENARIOS):
        replies = [pair[LANGS.index(lang)] for pair in WRITTEN_FOR[sid]]
        session = await play(practice, sid, lang, level, replies, seed)
        assert session.outcome.success, (sid, lines(session))


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("lang", LANGS)
async def test_a_price_list_or_a_passive_rep_never_wins(
    practice: Practice, lang: Lang, level: int, seed: int
) -> None:
    for sid in sorted(SCENARIOS):
        for replies in (PRICE_LIST[lang], PASSIVE[lang] * 4, WEAK[lang] * 4):
            session = await play(practice, sid, lang, level, replies, seed)
            assert session.outcome is Outcome.LOST, (sid, replies[0], lines(session))


@pytest.mark.parametrize("lang", LANGS)
async def test_three_stars_takes_more_than_good_questions(practice: Practice, lang: Lang) -> None:
    """At ★★★ a rep who only asks good questions and proposes a time rarely wins (at ★ they
    do; measured 18 of 52 sessions at ★★★, seeds 1–2); the rep who also brings insight and owns the problem
    wins, in more turns than at ★."""
    asking, turns = {1: 0, 3: 0}, {1: 0, 3: 0}
    for sid in sorted(SCENARIOS):
        questions = [pair[LANGS.index(lang)] for pair in QUESTIONS[sid]["facts"]]
        written = [pair[LANGS.index(lang)] for pair in WRITTEN_FOR[sid]]
        for level in (1, 3):
            asked = await play(practice, sid, lang, level, [*questions, *SLOTS[lang] * 3])
            asking[level] += asked.outcome.success
            turns[level] += len((await play(practice, sid, lang, level, written)).turns)
    assert asking[1] >= len(SCENARIOS) * 3 // 4 and asking[3] * 2 < asking[1], asking
    assert turns[3] > turns[1], turns


async def test_a_discount_gets_a_discount_reaction_and_an_insight_an_insight_one(
    practice: Practice,
) -> None:
    reactions = default_reactions().reactions
    scenario = SCENARIOS["competitor-20-cheaper"]
    for reply, key in (
        ("I can give you 15% off.", "discount"),
        (
            "Sites that went with the cheapest scaffold lost a week on average in re-rigging "
            "between phases; at your penalty rate that is more than the price gap.",
            "insight",
        ),
    ):
        answer = await first_answer(practice, scenario.id, "en", reply)
        lines = scenario.reactions.get(key) or reactions[key]
        assert any(t("en") in answer for t in lines), (key, answer)


def test_chat_seed_replays_a_session_exactly(tmp_path: Path) -> None:
    """A coach replays a rep's session: same --seed, same replies, same customer lines."""
    env = {**os.environ, "SALESCOACH_DATA_DIR": str(tmp_path), "SALESCOACH_ENGINE": "offline"}
    env.pop("OPENAI_API_KEY", None)
    replies = "\n".join([STRONG["en"][0], "I'll send a quote.", SLOTS["en"][1]])
    args = ["chat", "--scenario", "just-looking", "--lang", "en", "--json", "--seed", "41"]

    def lines() -> list[str]:
        result = subprocess.run(
            [sys.executable, "-m", "bot", *args],
            input=replies,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        assert data["seed"] == 41
        return [t["customer"] for t in data["turns"]] + [
            t["customer_response"] for t in data["turns"]
        ]

    assert lines() == lines()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("signal", [Signal.CHALLENGE, Signal.INSIGHT])
def test_a_warmed_customer_asks_and_waits_or_objects_with_a_but(lang: Lang, signal: Signal) -> None:
    """After "That actually makes me think", the customer does not flatly contradict itself
    with its objection ("…makes me think. Gloves are gloves."): it says "But gloves are
    gloves"; and after its own question ("What do you mean?") it waits for the answer."""
    from bot.core.customer import CustomerRequest
    from bot.core.offline_customer import OfflineCustomer, _lower_first
    from bot.core.state import CustomerState

    scenario = SCENARIOS["tender-price-only"]
    objections = [o(lang) for o in scenario.objections]
    connectors = [t(lang) for t in default_reactions().reactions["objection_anyway"]]
    seen_but = seen_question = 0
    for seed in range(12):
        request = CustomerRequest(
            scenario=scenario,
            level=1,
            lang=lang,
            state=CustomerState(trust=40, patience=70, turn=1),
            outcome=Outcome.ONGOING,
            reply="…",
            signals=frozenset({signal}),
            history=(),
            last_customer_line=scenario.opening[0](lang),
            seed=seed,
            trust_delta=6,
        )
        line = OfflineCustomer().line(request)
        if line.endswith("?"):
            seen_question += 1
            assert not any(o in line for o in objections), line
            continue
        leads = [c.split("{")[0] for c in connectors]
        for objection in objections:
            if objection.lower() in line.lower():  # after praise, only with a "but"
                assert any(f"{lead}{_lower_first(objection)}" in line for lead in leads), line
                seen_but += 1
    assert seen_but, line
    # The shared challenge reactions include questions ("So you're saying…?"); the customer
    # waits for the answer to those.
    assert seen_question or signal is not Signal.CHALLENGE
