"""A coach's scenario gets the generic "try instead" phrasings all session, never a built-in
customer's, which name that customer's facts."""

from __future__ import annotations

from bot.core.judgement import JudgeRequest
from bot.core.offline_judge import OfflineJudge
from tests.test_scenario_files import _swap, checked

GLOVES = (
    _swap("id: heat-pump", "id: clinic-gloves")
    .replace(
        "What does a heat pump cost?", "What's your best price on 200 boxes of nitrile gloves?"
    )
    .replace("Our oil bill doubled last winter.", "Two of the nurses got eczema this winter.")
)
#: Mid-conversation lines that, read alone, are not a price question at all.
LATER = [
    "Well… there's a bit more to it than that. Two of the nurses got eczema this winter.",
    "Hm. I hadn't thought of it that way. We change gloves three times per patient.",
]
REPLY = "how many of the staff have had problems?"


def test_a_coach_scenario_gets_the_generic_phrasings_whatever_the_line(
    judge: OfflineJudge,
) -> None:
    result = checked(GLOVES)
    assert result.scenario is not None
    scenario = result.scenario
    lines = [scenario.opening[0]("en"), *LATER]
    alone = judge.score_many([JudgeRequest(line, REPLY, "en") for line in lines])
    assert {j.extra["moment"] for j in alone} - {"generic"}  # read alone, built-in moments
    within = judge.score_many([JudgeRequest(line, REPLY, "en", scenario) for line in lines])
    assert {j.extra["moment"] for j in within} == {"generic"}
    generic = {p("en") for p in judge.phrasings.try_instead["generic"].values()}
    for judged in within:
        assert any(text[:1].lower() + text[1:] in judged.try_instead for text in generic)
