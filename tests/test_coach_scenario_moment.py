"""A coach's scenario keeps the moment of its opening line all session, so "try instead" does
not borrow a built-in customer's situation from a mid-conversation line."""

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


def test_a_coach_scenario_is_read_in_the_moment_of_its_opening(judge: OfflineJudge) -> None:
    result = checked(GLOVES)
    assert result.scenario is not None
    scenario = result.scenario
    opening = scenario.opening[0]("en")
    alone = judge.score_many([JudgeRequest(line, REPLY, "en") for line in [opening, *LATER]])
    assert len({j.extra["moment"] for j in alone}) > 1  # read alone, the lines differ
    within = judge.score_many(
        [JudgeRequest(line, REPLY, "en", scenario) for line in [opening, *LATER]]
    )
    assert {j.extra["moment"] for j in within} == {alone[0].extra["moment"]}
