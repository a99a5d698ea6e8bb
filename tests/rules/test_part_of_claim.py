"""The part of claim rule: the cases that pin where it fires and where not (its own examples run in test_examples.py)."""

import pytest

from compare.judge import added_phrases, judge_pair, names_and_numbers
from compare.judge.detail import Role
from compare.models import Relation
from rule_checks import side


def test_more_of_the_claim_is_partial_and_named():
    a = side("a", "The leaders agreed to deepen trade ties.")
    b = side("b", "The leaders agreed to deepen trade and energy ties.")
    verdict = judge_pair(a, b, 0.7)
    assert verdict.relation == Relation.PARTIAL
    assert verdict.additions == (("b", "and energy"),)
    assert verdict.reason == "partial: a states only part of the claim; b adds “and energy”"


def test_the_fuller_side_must_contain_the_other():
    # Each side words the claim its own way: neither states only part of the other, whatever "and" adds.
    a = side("a", "Officials from both countries praised the new accord.")
    b = side("b", "The two governments welcomed the new accord and pledged further talks.")
    assert judge_pair(a, b, 0.7).relation == Relation.AGREE


@pytest.mark.parametrize(
    "text, other, expected",
    [
        # Opened by a preposition, subordinator or relative word: a modifier of the claim.
        ("The ministers met in Naples on Saturday.", "The ministers met.",
         [("in Naples", Role.MODIFIER), ("on Saturday", Role.MODIFIER)]),
        ("Austin said the commitment remains, which includes nuclear protection.", "Austin said the commitment remains.",
         [("which includes nuclear protection", Role.MODIFIER)]),
        # A clause of its own that shares nothing with the other sentence is set off from the claim.
        ("The talks ended, the ministry said.", "The talks ended.", [("the ministry said", Role.MODIFIER)]),
        # A conjunction joins more of the claim, in a clause of its own too.
        ("The ministers met, and signed a pact.", "The ministers met.", [("and signed a pact", Role.PART)]),
        # Where the other sentence stops, what follows the shared verb completes the claim.
        ("The ministers signed a pact.", "The ministers signed.", [("pact", Role.PART)]),
        # Where the other goes on with words of its own, an added word is wording of the same claim.
        ("The delegations held discussions in Geneva.", "The delegations held talks in Geneva.",
         [("discussions", Role.WORDING)]),
    ],
)
def test_added_phrases_by_what_opens_them(text, other, expected):
    assert [(p.text, p.role) for p in added_phrases(text, other, None)] == expected


def test_nothing_added_gives_no_phrases():
    assert added_phrases("The talks ended.", "The talks ended on time.", None) == ()


def test_a_sum_with_its_currency_sign_is_a_number():
    assert "1.2" in names_and_numbers("Japan will provide $1.2 billion in radar equipment.")
    assert "40" in names_and_numbers("The fund grew by €40 million.")


def test_a_comma_inside_closing_quotes_still_ends_the_clause():
    # The attribution after a quotation is set off from it, not more of the claim.
    a = side("a", "We have a great relationship with the union.")
    b = side("b", "We have a great relationship with the union,” the minister said.")
    verdict = judge_pair(a, b, 0.9)
    assert verdict.relation == Relation.AGREE
    assert verdict.additions == (("b", "the minister said"),)


def test_a_word_for_a_word_is_no_more_of_the_claim():
    a = side("a", "The two leaders kept in touch through telephone calls and letters.")
    b = side("b", "The two leaders kept in touch through letters and phone calls.")
    assert judge_pair(a, b, 0.9).relation == Relation.AGREE


def test_a_title_joined_before_a_shared_name_is_no_more_of_the_claim():
    fuller = "Talks between Russian President Vladimir Putin and US President Donald Trump ended in Alaska."
    assert [p.role for p in added_phrases(fuller, "Talks between Vladimir Putin and Donald Trump ended in Alaska.",
                                          None) if p.text.startswith("and")] == [Role.WORDING]
