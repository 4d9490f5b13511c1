"""The offline judge on digit-heavy text: bounded matches, so matching stays linear."""

from __future__ import annotations

import pytest

from bot.core.offline_judge.lexicon.price import PRICE


@pytest.mark.parametrize("unit", ["1 ", "1,", "1.", "1 2 "])
def test_a_stated_price_match_is_bounded_however_long_the_run_of_digits(unit: str) -> None:
    # Each match attempt scans at most a bounded stretch: an unbounded run of digits and
    # spaces before the currency made every start position scan to the end (quadratic).
    text = unit * 5_000 + "kr"
    found = PRICE.search(text)
    assert found is not None and found.end() == len(text)
    assert len(found.group()) <= 30


@pytest.mark.parametrize(
    ("text", "amount"),
    [("we land on 1 250 000,00 kr in total", "1 250 000,00 kr"), ("only 4 999 sek", "4 999 sek")],
)
def test_real_prices_are_still_found_whole(text: str, amount: str) -> None:
    found = PRICE.search(text)
    assert found is not None and found.group() == amount
