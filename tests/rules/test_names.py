"""The names rule: its examples, and the cases that pin where it fires and where not."""

import pytest

from compare.judge import Clash, name_conflict
from rule_checks import check_fires, check_spares, rule_named

RULE = rule_named("names")


@pytest.mark.parametrize("a, b", RULE.fires)
def test_fires(a, b):
    check_fires(RULE, a, b)


@pytest.mark.parametrize("a, b", RULE.spares)
def test_spares(a, b):
    check_spares(RULE, a, b)


def test_different_names_in_the_same_slot_conflict_but_variants_do_not():
    assert name_conflict("The ministers met in Geneva on Monday.", "The ministers met in Vienna on Monday.", {})
    assert name_conflict("The ministers met in Napoli on Monday.", "The ministers met in Naples on Monday.", {}) is None
    assert name_conflict("The ministers of the US met.", "The ministers of the United States met.", {}) is None


def test_spelling_variants_are_not_name_conflicts():
    a = "Australian Defence Minister Richard Marles met his counterpart in Jakarta."
    b = "Australian Defense Minister Richard Marles met his counterpart in Jakarta."
    assert name_conflict(a, b, None) is None


def test_a_capital_standing_for_its_country_is_not_a_name_conflict():
    a = "Marles said Australia would provide 12 patrol boats to Indonesia."
    b = "Marles said Canberra would provide 12 patrol boats to Indonesia."
    assert name_conflict(a, b, None) is None
    c = "The ministers met in Canberra on Monday to discuss patrols."
    d = "The ministers met in Sydney on Monday to discuss patrols."
    assert name_conflict(c, d, None) == Clash(("Canberra",), ("Sydney",))
