"""The learned offline judge: shipped weights match the data, plain-word moves count, and the
tip works on what the reply did not do."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Literal

import pytest

from bot.cli.score_cmd import result_json
from bot.core.judgement import SHOWS_CRITERION, JudgeRequest
from bot.core.offline_judge import OfflineJudge
from bot.core.rubric import default_rubric
from bot.core.semantic.data import shared_files
from bot.core.semantic.evidence import meaningful
from bot.core.semantic.heads import default_heads

SHARED = shared_files()
needs_shared = pytest.mark.skipif(
    len(SHARED) < 2, reason="the outside sets are not in ../shared/data"
)


@needs_shared
def test_shipped_weights_were_built_from_the_data_files_and_config_here() -> None:
    from bot.core.judge_train import fingerprint

    assert default_heads().fingerprint == fingerprint(), (
        "the shipped weights are stale: run `python -m bot.core.judge_train`"
    )


def test_scoring_loads_weights_with_numpy_alone() -> None:
    code = (
        "import sys\n"
        "from bot.core.judgement import JudgeRequest\n"
        "from bot.core.offline_judge import OfflineJudge\n"
        "j = OfflineJudge().score(JudgeRequest('Send me a price.', 'What is it for?', 'en'))\n"
        "assert 'sklearn' not in sys.modules, 'scikit-learn imported at run time'\n"
        "print(j.overall)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().isdigit()


PLAIN_MOVES = [
    (
        "sv",
        "Jag behöver en vit skjorta till ett bröllop i augusti.",
        "Kan du titta förbi på lördag vid elva? Då har jag plockat fram tre skjortor i din storlek.",
        "next_step",
    ),
    (
        "en",
        "Send me the new layout when you can, no rush.",
        "I've pencilled us in for Aug 12, 9:30 at your office – I'll bring the revised layout and "
        "we can walk the floor together.",
        "next_step",
    ),
    (
        "en",
        "We'll just go with the cheapest chairs this time.",
        "The cheap ones at Eastside School cracked in year two and they paid for the whole room "
        "twice. The mid-range frame has lasted eight years at three schools near you.",
        "insight",
    ),
    # Unseen paraphrases of the number-backed insight (not in the training data).
    (
        "en",
        "let's go cheap on the lockers, budget is tight",
        "the cheap lockers at westfield high rusted through in 2 yrs and they had to replace all "
        "80. the powder-coated ones have held up 10 years at three schools in your area",
        "insight",
    ),
    (
        "en",
        "We'll take the cheapest tablets for the classrooms.",
        "Oakwood Primary went cheapest last year and a third of the screens cracked by spring, so "
        "they paid twice. The rugged model has had one repair in three years across five schools "
        "nearby.",
        "insight",
    ),
    (
        "sv",
        "vi kor pa de billigaste banken den har gangen",
        "de billigaste bankarna pa aspskolan gick sonder efter tva ar sa de fick kopa nya till "
        "alla salar. mellanklassen har hallit i nio ar pa fyra skolor i kommunen",
        "insight",
    ),
    (
        "sv",
        "Vi tar de billigaste stolarna den här gången.",
        "De billigaste stolarna på Ekskolan sprack redan andra året, så de fick köpa om hela salen. "
        "Mellanklassens stomme har hållit i åtta år på tre skolor här i närheten.",
        "insight",
    ),
    (
        "en",
        "The pallets arrived damaged again. Third time this quarter.",
        "That's on me. I'm sending replacements by courier today and I'll be at your dock at 4 "
        "myself to check the next load before it leaves.",
        "ownership",
    ),
    (
        "sv",
        "Pallarna kom trasiga igen. Tredje gången i kvartalet.",
        "Det där fixar jag. Jag skickar nya med bud i dag och står själv vid er lastkaj kl 16 och "
        "kollar nästa leverans innan den går.",
        "ownership",
    ),
]


@pytest.mark.parametrize(("lang", "customer", "reply", "criterion"), PLAIN_MOVES)
def test_a_move_in_plain_words_scores_its_criterion_and_the_tip_goes_elsewhere(
    judge: OfflineJudge, lang: Literal["sv", "en"], customer: str, reply: str, criterion: str
) -> None:
    result = judge.score(JudgeRequest(customer, reply, lang))
    assert (result.criteria[criterion] or 0) >= 4, result.criteria
    assert result.tip_criterion != criterion
    assert result.try_instead and result.try_instead != reply


def _shared_requests() -> list[JudgeRequest]:
    out = []
    for path in SHARED:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                out.append(JudgeRequest(d["customer"], d["reply"], d["lang"]))
    return out


@pytest.fixture(scope="module")
def shared_scored(judge: OfflineJudge) -> list[tuple[JudgeRequest, object]]:
    requests = _shared_requests()
    return list(zip(requests, judge.score_many(requests), strict=True))


@needs_shared
def test_no_tip_targets_a_criterion_the_reply_scored_4_or_more(shared_scored) -> None:
    wrong = [
        (r.reply[:60], j.tip_criterion, j.criteria)
        for r, j in shared_scored
        if j.tip_criterion is not None and (j.criteria[j.tip_criterion] or 0) >= 4
    ]
    assert wrong == []


@needs_shared
def test_no_tip_asks_for_a_move_the_reply_made_or_reads_as_a_criterion_it_satisfied(
    shared_scored,
) -> None:
    """Both the criterion the tip works on and the words of the tip: a tip text that is some
    satisfied criterion's advice would contradict the rep whatever `tip_criterion` says."""
    rubric = default_rubric()
    wrong = []
    for r, j in shared_scored:
        made = {SHOWS_CRITERION[s] for s in j.signals if s in SHOWS_CRITERION}
        done = {c for c, v in j.criteria.items() if (v or 0) >= 4} | made
        if j.tip_criterion in made:
            wrong.append((r.reply[:60], "move made", j.tip_criterion))
        said = {c for c in done if j.feedback.endswith(rubric.criterion(c).tip(r.lang))}
        if said:
            wrong.append((r.reply[:60], "tip text", sorted(said)))
    assert wrong == []


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


@needs_shared
def test_try_instead_is_never_the_reps_own_text(shared_scored) -> None:
    """Compared word by word (case, punctuation and spacing aside), in both directions, and
    sentence by sentence: no sentence of four words or more of the rep comes back."""
    same = []
    for r, j in shared_scored:
        reply, suggested = _words(r.reply), _words(j.try_instead)
        sentences = [_words(s) for s in re.split(r"(?<=[.!?])\s+", r.reply)]
        whole = bool(reply) and (reply in suggested or suggested in reply)  # "👍" has no words
        if whole or any(len(s.split()) >= 4 and s in suggested for s in sentences):
            same.append(r.reply)
    assert same == []


@needs_shared
def test_evidence_quotes_are_meaningful_spans_of_the_reply(shared_scored) -> None:
    for r, j in shared_scored:
        for e in j.evidence:
            assert e.quote in r.reply and meaningful(e.quote), (r.reply, e)


def test_score_output_names_the_criterion_the_tip_works_on(judge: OfflineJudge) -> None:
    result = judge.score(JudgeRequest("Just send me a quote.", "sure, will do", "en"))
    out = result_json(result)
    assert out["tip_criterion"] == result.tip_criterion
    assert out["tip_criterion"] in {None, *result.criteria}


def test_the_same_reply_gets_the_same_judgement_in_a_batch_and_alone(judge: OfflineJudge) -> None:
    requests = [
        JudgeRequest("Your price is too high.", "What are you comparing us with?", "en"),
        JudgeRequest("Ert pris är för högt.", "Okej, 15 % rabatt då.", "sv"),
    ]
    batch = judge.score_many(requests)
    assert [j.to_dict() for j in batch] == [judge.score(r).to_dict() for r in requests]
