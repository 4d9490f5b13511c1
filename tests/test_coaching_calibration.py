"""Judge calibration against coach labels, on constructed cases with hand-computed figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.coaching import reviews
from bot.coaching.calibration import (
    MIN_LABELS,
    agreement,
    calibrate,
    cohort_calibration,
    verdict,
    weighted_kappa,
    worst_first,
)
from tests.coaching_world import T0, records_in, session, team, turn

# Judge vs coach. By hand: observed sum of squared differences = 0+0+0+1+4+1 = 6.
# Marginals: judge {1:1, 2:2, 3:1, 4:1, 5:1}, coach {1:1, 2:1, 3:4}; expected sum of
# r_i * c_j * (i-j)^2 / n = (17 + 2*5 + 5 + 17 + 41) / 6 = 90 / 6 = 15.
# kappa = 1 - 6/15 = 0.6; exact 3/6; within one 5/6; bias +2/6; mean |diff| 4/6.
CASE = [(1, 1), (2, 2), (3, 3), (4, 3), (5, 3), (2, 3)]


def test_weighted_kappa_matches_the_hand_computed_case() -> None:
    assert weighted_kappa(CASE) == pytest.approx(0.6)


def test_agreement_figures_on_the_constructed_case() -> None:
    result = agreement("insight", CASE)
    assert result.to_dict() == {
        "criterion": "insight",
        "n": 6,
        "exact": 0.5,
        "within_one": 0.833,
        "kappa": 0.6,
        "bias": 0.333,
        "mean_abs": 0.667,
    }


@pytest.mark.parametrize(
    ("pairs", "kappa"),
    [
        ([(0, 0), (3, 3), (5, 5)], 1.0),  # perfect agreement
        ([(0, 5), (5, 0)], -1.0),  # observed 50, expected (25 + 25) / 2 = 25
        ([(3, 3), (3, 3)], None),  # one category only: undefined
        ([], None),
    ],
    ids=["perfect", "opposite", "constant", "empty"],
)
def test_weighted_kappa_edge_cases(pairs: list[tuple[int, int]], kappa: float | None) -> None:
    result = weighted_kappa(pairs)
    assert result == (None if kappa is None else pytest.approx(kappa))


AGREED = [(4, 4), (2, 2), (5, 5), (3, 3), (1, 1), (4, 4)]  # kappa 1.00, 100 % exact
FEW = [(5, 1), (0, 4)]  # far apart, but only two labels


def _labels() -> list[tuple[str, int, int]]:
    return [
        *(("insight", a, b) for a, b in CASE),
        *(("respect", a, b) for a, b in AGREED),
        *(("next_step", a, b) for a, b in FEW),
        *(("challenge", a, min(5, b + 1)) for a, b in AGREED),  # always one point off
    ]


def test_only_criteria_that_disagree_with_enough_labels_are_ranked_worst_first() -> None:
    results = calibrate(_labels(), ["challenge", "insight", "next_step", "respect", "ownership"])
    assert [r.n for r in results] == [6, 6, 2, 6, 0]
    # challenge is off by ~1 on every label (mean |diff| 5/6), insight by 4/6: challenge first;
    # respect agrees fully and next_step has too few labels, so neither is "disagrees most".
    assert [r.criterion for r in worst_first(results)] == ["challenge", "insight"]


def test_the_verdict_names_disagreement_full_agreement_and_too_few_labels() -> None:
    names = {"challenge": "Utmana", "insight": "Tillför insikt", "next_step": "Nästa steg"}
    results = calibrate(_labels(), [*names, "respect"])
    said = [m.render("sv") for m in verdict(results, {**names, "respect": "Respekt"})]
    assert said == [
        "Domaren skiljer sig mest från dina rättningar på: Utmana, Tillför insikt.",
        f"För få rättningar för att bedöma (under {MIN_LABELS}): Nästa steg."
        " Siffrorna där säger inte mycket än.",
    ]
    agreed = calibrate([("respect", a, b) for a, b in AGREED], ["respect"])
    assert [m.render("en") for m in verdict(agreed, {"respect": "Respect"})] == [
        "The judge agrees with the coach on: Respect."
    ]
    assert [m.key for m in verdict(calibrate([], ["respect"]), {})] == [
        "flow.calibration_no_labels"
    ]


def test_cohort_calibration_uses_overrides_and_confirmed_turns(tmp_path: Path) -> None:
    t = team(records_in(tmp_path))
    store = t.records.store
    # One session of anna with two turns; judge says insight 4 and 2, respect 5 and 4.
    store.save_session(
        session(
            "anna",
            turn(0, 70, insight=4, respect=5, challenge=None),
            turn(1, 50, insight=2, respect=4, challenge=None),
            sid="s1",
            at=T0 + 7200,
        )
    )
    # Turn 0: the coach re-scores insight to 3 and confirms the rest (respect 5 = 5).
    reviews.add_review(
        t.records,
        t.coach_a,
        "anna",
        "s1",
        turn=0,
        criteria={"insight": 3},
        confirmed=True,
        now=T0 + 8000,
    )
    # Turn 1: a first override of insight (0) is corrected later to 2; respect not reviewed.
    for score, at in [(0, T0 + 8100), (2, T0 + 8200)]:
        reviews.add_review(
            t.records, t.coach_a, "anna", "s1", turn=1, criteria={"insight": score}, now=at
        )
    # Comment-only reviews are not labels.
    reviews.add_review(t.records, t.coach_a, "anna", "s1", comment="Nice opening", now=T0 + 8300)

    result = {a.criterion: a for a in cohort_calibration(t.records, t.cohort_a)}
    assert result["insight"].n == 2  # (4, 3) and (2, 2)
    assert result["insight"].exact == 0.5
    assert result["insight"].bias == 0.5
    assert result["respect"].n == 1 and result["respect"].exact == 1.0
    assert result["challenge"].n == 0  # not applicable: no machine score to compare
