"""Two bilateral meetings on the sidelines of one summit, the same day in the same city, each covered by two
outlets whose templates match across meetings ("X and Y agree to expand ... at G20"), written for the tests. The
place is written "RIO DE JANEIRO" in datelines and "Rio de Janeiro" in text. Nothing here appears in the seeds
or the benchmark pool."""

from __future__ import annotations

from pathlib import Path

from compare.api import group

FOLDER = Path(__file__).resolve().parent / "coverage_rio"


def test_meetings_at_one_summit_are_told_apart_by_who_met():
    _sources, events, _warnings = group([FOLDER])
    assert sorted(sorted(e.sources) for e in events) == [["a1", "a2"], ["b1", "b2"]]
    assert {e.place for e in events} == {"Rio de Janeiro"}
    assert {e.date for e in events} == {"2024-11-19"}


def test_the_two_bilaterals_stay_apart_among_other_coverage():
    """In a larger folder the summit's shared words (the city, the host, the leader at both meetings) are rare,
    and the one-template reports of the two meetings looked alike enough to merge; only the other party, named
    in every lead of one meeting and nowhere in the other's, tells them apart."""
    others = [FOLDER.parent / name for name in ("coverage_jakarta", "coverage_nairobi", "coverage_manila",
                                                "coverage_seoul", "coverage_singapore", "coverage_brussels")]
    _sources, events, _warnings = group([FOLDER, *others])
    rio = [sorted(e.sources) for e in events if set(e.sources) & {"a1", "a2", "b1", "b2"}]
    assert sorted(rio) == [["a1", "a2"], ["b1", "b2"]]
