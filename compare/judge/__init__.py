"""Aligned sentence pairs -> agree / partial / contradict, unmatched sentences -> omitted, each with a reason.

A high match score means the two sentences are about the same thing, not that they say the same thing. So a
matched pair goes through the rules of `rules.RULES` in order, and the first that applies decides: a conflict of
certainty ("it was not made clear whether X" against "the talks addressed X"), of polarity (one side negates what
the other affirms), of numbers with the same unit, of months after the same preposition ("take effect in January"
/ "in April"), of dates (weekday words resolved against the publication date; a day apart is partial), of named
people or places in the same slot (place-name variants folded), of ordinals; then a hedge or a detail left open
on one side only; then a partial agreement when one side states more of the claim itself (another thing joined
to it) and the other only part of it; with none of these the pair agrees, naming the detail either side adds
without changing the claim (a place, a time, who said it). Each rule returns a typed `Verdict`;
`verdict.describe` words its reason.

Modules: `verdict` (Side, Kind, Verdict, the reason formatter),
`rules` (the rules, judge_pair), and one module per kind of check (`hedges`, `negation`, `quantities`, `dates`,
`names`, `detail`). The language data every rule reads is compare/lang/en/judging.py.
"""

from compare.judge.dates import date_conflict, month_conflict, months_named
from compare.judge.detail import added_parts, added_phrases, named_details, names_and_numbers
from compare.judge.hedges import hedge, soft_hedge, unclear_detail, uncertain_whether
from compare.judge.names import name_conflict
from compare.judge.negation import denies_alike, negated_words, negates_shared_clause
from compare.judge.quantities import Quantity, number_conflict, ordinal_conflict, quantities
from compare.judge.rules import RULES, Pair, Rule, decide, judge_pair, omitted_reason, omitted_verdict
from compare.judge.text import SENTENCE_CACHE, tokens
from compare.judge.verdict import CONFLICT_KINDS, Clash, Kind, Side, Verdict, describe, quote

__all__ = [
    "CONFLICT_KINDS", "Clash", "Kind", "Pair", "Quantity", "RULES", "Rule", "SENTENCE_CACHE", "Side", "Verdict",
    "added_parts", "added_phrases", "date_conflict", "decide", "denies_alike", "describe", "hedge", "judge_pair",
    "month_conflict", "months_named", "name_conflict", "named_details", "names_and_numbers", "negated_words",
    "negates_shared_clause", "number_conflict", "omitted_reason", "omitted_verdict", "ordinal_conflict", "quantities",
    "quote", "soft_hedge", "tokens", "unclear_detail", "uncertain_whether",
]
