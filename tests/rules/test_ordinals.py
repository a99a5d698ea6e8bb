"""The ordinals rule: the cases that pin where it fires and where not (its own examples run in test_examples.py)."""

import pytest


@pytest.mark.parametrize("a, b, conflict", [
    ("It was the second trilateral ministerial meeting this year.",
     "The meeting was the first trilateral ministerial meeting since 2023.", True),
    ("It was the 2nd round of talks.", "It was the third round of talks.", True),
    # one ordinal in common for a thing they share: they can agree
    ("The first phase starts in May and the second phase in June.", "The second phase starts in June.", False),
    # ordinals of different things
    ("Japan was the first country to sign the deal.", "It was the first meeting of the two ministers.", False),
])
def test_ordinals_of_the_same_thing(a, b, conflict):
    from compare.judge import ordinal_conflict

    assert bool(ordinal_conflict(a, b)) is conflict
