"""The transcript page: dialogue, per-turn scores and feedback, report card, coach notes."""

from __future__ import annotations

from factories import rubric, scored_session, session, turn

from bot.core.judgement import Evidence, Judgement
from bot.core.state import Outcome
from bot.render.transcript import render_transcript_html, render_transcript_text

RUBRIC = rubric()


def _played() -> object:
    first = turn(0, 45, reply="Our price is 40 kr.", challenge=1)
    judged = Judgement(
        overall=82,
        criteria={"ownership": 4, "next_step": 5},
        evidence=(Evidence("ownership", "I will sort it", "+"),),
        feedback="Good: you took the problem on.",
        try_instead="Name a day for the follow-up.",
    )
    second = turn(1, 82, reply="I will sort it. Can we talk Tuesday?")
    second.judgement = judged
    return session(turns=[first, second], outcome=Outcome.MEETING_BOOKED, id="abc123")


def test_page_shows_the_dialogue_scores_feedback_and_report_card() -> None:
    page = render_transcript_html(_played(), RUBRIC, title="The price shopper")  # type: ignore[arg-type]

    for expected in (
        "<title>Transcript: The price shopper</title>",
        'name="viewport"',
        "I just want your price list.",
        "Our price is 40 kr.",
        "customer answer 1",
        "Score 82/100",
        "Ownership 4/5",
        "Good: you took the problem on.",
        "Name a day for the follow-up.",
        "+ Ownership: “I will sort it”",
        "Report card",
        '<span class="big">64</span>',
        "Meeting booked",
        "abc123",
    ):
        assert expected in page, expected


def test_text_typed_by_a_rep_is_escaped() -> None:
    hostile = session(turns=[turn(0, reply='<script>alert("x")</script>')])

    page = render_transcript_html(hostile, RUBRIC)

    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page


def test_coach_reviews_appear_under_their_turn_and_on_the_session() -> None:
    reviews = [
        {
            "coach_name": "Eva",
            "turn": 1,
            "overall": 90,
            "criteria": {"next_step": 5},
            "comment": "Great close.",
            "confirmed": True,
        },
        {"coach_name": "Eva", "turn": None, "comment": "Well played overall."},
    ]

    page = render_transcript_html(_played(), RUBRIC, reviews=reviews)  # type: ignore[arg-type]

    turn_two = page.index('id="turn-2"')
    assert page.index("Great close.") > turn_two
    assert "coach&#39;s score 90/100" in page
    assert page.index("Well played overall.") > page.index("Report card")


def test_a_session_without_replies_still_renders() -> None:
    page = render_transcript_html(session(lang="sv"), RUBRIC)

    assert "Inga svar än." in page
    assert 'lang="sv"' in page


def test_plain_text_transcript_for_the_terminal() -> None:
    text = render_transcript_text(scored_session([50, 70], id="t1"), RUBRIC, title="Price")

    assert text.splitlines()[0].startswith("Price — ")
    assert "Rep: What would a late delivery cost you?" in text
    assert "Overall: 60/100 (Passed)" in text
