"""The judge as an ordered list of named rules: the first that applies to a matched pair decides its verdict.

Each rule's check returns a typed Verdict, or None when the rule does not apply; the last (agree) applies to any
pair that reaches it. Each rule carries pairs of sentences it must fire on and pairs it must spare, judged as a
close match (EXAMPLE_SCORE); tests/rules/ runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from compare.judge.dates import date_conflict, month_conflict
from compare.judge.detail import added_parts, named_details
from compare.judge.hedges import (
    claim_left_open, hedged_predicate, names_left_open, only_intended, soft_hedge, soft_hedge_scope, unclear_detail,
    uncertain_whether,
)
from compare.judge.names import name_conflict, unnamed_in
from compare.judge.negation import (
    CLAUSE_MATCH_MIN_WORDS, _negations, asserted, asserted_in_matched_clause, denied_names, denies_alike,
    focused_circumstance, negated_words, negation_targets, predicate_stem, verbs_folded,
)
from compare.judge.quantities import number_conflict, ordinal_conflict
from compare.config import JudgingConfig
from compare.judge.verdict import Kind, Side, Verdict
from compare.models import Sentence
from compare.similarity import AcronymKey, content_tokens

# The rules' score gates and shares are JudgingConfig's (compare/config.py); a Pair carries the run's.
DEFAULT = JudgingConfig()
MONTH_CONFLICT_MIN_SCORE = DEFAULT.month_conflict_min_score
SLOT_CONFLICT_MIN_SCORE = DEFAULT.slot_conflict_min_score
DATE_SLACK_DAYS = DEFAULT.date_slack_days
# The match score the rules' examples are judged at: a close match, past every rule's score gate.
EXAMPLE_SCORE = 0.9


@dataclass(frozen=True, slots=True)
class Pair:
    """A matched pair as the rules see it: both sides, how alike the matcher found them, their content words."""

    a: Side
    b: Side
    score: float
    acronyms: Mapping[str, str] | AcronymKey | None
    tokens_a: frozenset[str]
    tokens_b: frozenset[str]
    config: JudgingConfig = DEFAULT

    @classmethod
    def of(cls, a: Side, b: Side, score: float, acronyms=None, config: JudgingConfig = DEFAULT) -> Pair:
        tokens_a = frozenset(content_tokens(a.sentence.text, acronyms))
        tokens_b = frozenset(content_tokens(b.sentence.text, acronyms))
        return cls(a, b, score, acronyms, tokens_a, tokens_b, config)

    @property
    def shared(self) -> frozenset[str]:
        return self.tokens_a & self.tokens_b


@dataclass(frozen=True, slots=True)
class Rule:
    """One check of a matched pair, with the sentence pairs it must fire on and must spare."""

    name: str
    kind: Kind
    check: Callable[[Pair], Verdict | None]
    summary: str
    fires: tuple[tuple[str, str], ...]
    spares: tuple[tuple[str, str], ...]


def _certainty(p: Pair) -> Verdict | None:
    ua, ub = uncertain_whether(p.a.sentence.text), uncertain_whether(p.b.sentence.text)
    if bool(ua) == bool(ub):
        return None
    unsure, sure = (p.a, p.b) if ua else (p.b, p.a)
    claim = claim_left_open(unsure.sentence.text)
    if (reported := soft_hedge(sure.sentence.text)) and reported.lower() not in claim.lower():
        return None  # the other side only reports it ("reportedly"), as the open claim does not: no fact either way
    names = names_left_open(unsure.sentence.text)
    if unnamed_in(names, sure.sentence.text):
        return None  # what is left open is said of someone the other side never names
    sure_tokens = p.tokens_b if sure is p.b else p.tokens_a
    if not names and len(set(content_tokens(claim, p.acronyms)) & sure_tokens) < CLAUSE_MATCH_MIN_WORDS:
        return None  # naming no one, the open claim shares too few words with the other side's to be its question
    return Verdict(Kind.CERTAINTY, unsure.source, sure.source, phrase=ua or ub, quoted=sure.sentence.text)


def _polarity(p: Pair) -> Verdict | None:
    """One side denies a predicate the other states as fact, about the same thing.

    Both denying it ("did not discuss quotas" / "quotas were not talked about", "will not accept" / "would
    oppose", "partners, not rivals" / "partners rather than rivals") is agreement; so is a denial of something the
    other side only says under a condition or as an intention ("when he is ready", "planned to sign"), or says in
    a clause about something else, or about a name the other side never names ("no discussion about Taiwan" /
    "discussed trade"), or a denial the negating side contradicts itself by affirming the word too.
    """
    if not (_negations(p.a.sentence.text)[1] or _negations(p.b.sentence.text)[1]):
        return None  # neither sentence denies anything (read once per sentence, cached)
    sides = ((p.a, p.b, p.tokens_b), (p.b, p.a, p.tokens_a))
    shared = verbs_folded(p.tokens_a) & verbs_folded(p.tokens_b)  # "did not hold talks" / "held talks"
    for negating, affirming, other_tokens in sides:
        text, other = negating.sentence.text, affirming.sentence.text
        words = negated_words(text, shared, p.acronyms)
        if not words or denies_alike(text, other_tokens, p.acronyms):
            continue
        targets = negation_targets(other, p.acronyms)
        for word in dict.fromkeys(words):  # each word once: a long sentence may deny one word many times
            if (predicate_stem(word, p.acronyms) in targets or asserted(text, word, p.acronyms)
                    or not asserted_in_matched_clause(text, word, other, p.acronyms)
                    or unnamed_in(denied_names(text, word), other) or focused_circumstance(text, word, other)):
                continue
            return Verdict(Kind.POLARITY, negating.source, affirming.source, phrase=word)
    return None


def _numbers(p: Pair) -> Verdict | None:
    clash = number_conflict(p.a.sentence.text, p.b.sentence.text, alike=p.score >= p.config.slot_conflict_min_score)
    if clash is None:
        return None
    return Verdict(Kind.NUMBERS, p.a.source, p.b.source, values=clash.values, other_values=clash.other_values,
                   unit=clash.unit)


def _months(p: Pair) -> Verdict | None:
    if p.score < p.config.month_conflict_min_score:
        return None
    clash = month_conflict(p.a.sentence.text, p.b.sentence.text)
    if clash is None:
        return None
    return Verdict(Kind.DATES, p.a.source, p.b.source, values=clash.values, other_values=clash.other_values)


def _dates_a_day_apart(p: Pair) -> Verdict | None:
    clash = date_conflict(p.a, p.b) if p.score >= p.config.slot_conflict_min_score else None
    if clash is None or clash.days_apart > p.config.date_slack_days:
        return None
    return Verdict(Kind.DATES_A_DAY_APART, p.a.source, p.b.source, values=clash.values,
                   other_values=clash.other_values)


def _dates(p: Pair) -> Verdict | None:
    clash = date_conflict(p.a, p.b) if p.score >= p.config.slot_conflict_min_score else None
    if clash is None or clash.days_apart <= p.config.date_slack_days:
        return None
    return Verdict(Kind.DATES, p.a.source, p.b.source, values=clash.values, other_values=clash.other_values)


def _names(p: Pair) -> Verdict | None:
    if p.score < p.config.slot_conflict_min_score:
        return None
    clash = name_conflict(p.a.sentence.text, p.b.sentence.text, p.acronyms)
    if clash is None:
        return None
    return Verdict(Kind.NAMES, p.a.source, p.b.source, values=clash.values, other_values=clash.other_values)


def _ordinals(p: Pair) -> Verdict | None:
    if p.score < p.config.slot_conflict_min_score:
        return None
    clash = ordinal_conflict(p.a.sentence.text, p.b.sentence.text, p.acronyms)
    if clash is None:
        return None
    return Verdict(Kind.NUMBERS, p.a.source, p.b.source, values=clash.values, other_values=clash.other_values,
                   unit=clash.unit)


def _hedged(p: Pair) -> Verdict | None:
    ha, hb = soft_hedge(p.a.sentence.text), soft_hedge(p.b.sentence.text)
    if bool(ha) == bool(hb):
        return None
    hedging, stating = (p.a, p.b) if ha else (p.b, p.a)
    hedged_words = set(content_tokens(soft_hedge_scope(hedging.sentence.text), p.acronyms))
    if len(hedged_words & p.shared) < CLAUSE_MATCH_MIN_WORDS:
        return None  # the hedge governs another clause than the one the two sentences share
    predicate = hedged_predicate(hedging.sentence.text, p.acronyms)
    if predicate is not None and only_intended(stating.sentence.text, predicate, p.acronyms):
        return None  # "may meet" / "wanted to meet": neither says the meeting will be
    return Verdict(Kind.HEDGED, hedging.source, stating.source, phrase=ha or hb)


def _open_detail(p: Pair) -> Verdict | None:
    oa, ob = unclear_detail(p.a.sentence.text), unclear_detail(p.b.sentence.text)
    if bool(oa) == bool(ob):
        return None
    open_side, other = (p.a, p.b) if oa else (p.b, p.a)
    return Verdict(Kind.OPEN_DETAIL, open_side.source, other.source, phrase=oa or ob)


def _part_of_claim(p: Pair) -> Verdict | None:
    """One side states more of the claim itself (another thing joined to it, what the other leaves its verb
    without), and the other side, (nearly) contained in it, states only part of it. The fuller side must add more
    content words than it lacks: a word for a word ("telephone calls" / "phone calls") is wording, not more."""
    sides = ((p.a, p.b, p.tokens_a, p.tokens_b), (p.b, p.a, p.tokens_b, p.tokens_a))
    for fuller, other, own, others in sides:
        lacking = len(others - own)
        if not others or lacking / len(others) > p.config.contained_share or len(own - others) <= lacking:
            continue
        parts = added_parts(fuller.sentence.text, other.sentence.text, p.acronyms)
        if parts:
            additions = tuple((fuller.source, words) for words in parts)
            return Verdict(Kind.PARTIAL, fuller.source, other.source, additions=additions)
    return None


def _agree(p: Pair) -> Verdict:
    common = sorted(sorted(p.shared), key=len, reverse=True)[:4]  # longest first, then alphabetical (sort is stable)
    additions = tuple(
        (side.source, words)
        for side, other in ((p.a, p.b), (p.b, p.a))
        for words in named_details(side.sentence.text, other.sentence.text, p.acronyms)
    )
    return Verdict(Kind.AGREE, p.a.source, p.b.source, shared=tuple(common), additions=additions)


RULES: tuple[Rule, ...] = (
    Rule(
        "certainty", Kind.CERTAINTY, _certainty,
        "One side leaves open whether it happened at all (\"it was not made clear whether\", \"has not confirmed "
        "this\"); the other reports it as fact, in words of the open claim, naming whoever the open question names.",
        fires=(
            ("It was not immediately clear whether the two leaders discussed the disputed islands.",
             "The two leaders discussed the disputed islands during their meeting."),
            ("The ministry declined to say whether new tariffs were raised in the talks.",
             "New tariffs were raised in the talks, the ministry said."),
            ("It remains unclear if the treaty will be ratified before the summer recess.",
             "The treaty will be ratified before the summer recess."),
            ("It was not clear whether Rossi discussed the budget with Bianchi.",
             "Rossi discussed the budget with Bianchi on Monday."),
            ("Reports said the minister may have cut short the visit to take a call, though the ministry has not "
             "confirmed this.", "It has since emerged that the minister cut short the visit to take a call."),
        ),
        spares=(
            ("It was not immediately clear whether the two leaders discussed the disputed islands.",
             "Officials would not confirm whether the disputed islands were discussed."),
            ("It was not clear when parliament would ratify the treaty.", "Parliament will ratify the treaty."),
            ("The two leaders made clear that the alliance remained strong.",
             "The two leaders said the alliance remained strong."),
            ("The council has not yet backed the plan, and it remains to be seen whether Rossi, whose party has been "
             "losing ground in the north, is ready to meet Bianchi or offer real concessions.",
             "Bianchi, for his part, firmly denied offering any concessions to the council, aides said."),
            ("Reports said the minister may have cut short the visit to take a call, though the ministry has not "
             "confirmed this.", "The minister reportedly cut short the visit to take a call."),
            ("Reports said the minister may have cut short the visit to take a call, though the ministry has not "
             "confirmed this.", "The minister confirmed the aid, though he stressed the cost would be shared."),
            ("China's premier has told the visiting chancellor that relations are on the right path, just hours "
             "after the chancellor refused to say whether he trusted the Chinese government.",
             "China's premier told the chancellor that relations between the two countries were on the right path."),
        ),
    ),
    Rule(
        "polarity", Kind.POLARITY, _polarity,
        "One side denies a predicate (the first content word after the negation, \"rather than\" or a verb such "
        "as \"cancelled\", or \"is off\") that the other states as fact, not as a plan, condition or possibility "
        "(a modal's forecast reaches over a list), in a clause about the same thing, naming whatever the denial "
        "names, and in the circumstance the denial is focused on (\"not ... in front of them\", \"not ... in "
        "person\"), if any.",
        fires=(
            ("The two leaders did not discuss the pipeline project.",
             "The two leaders discussed the pipeline project at length."),
            ("The finance ministers failed to agree on a new budget rule.",
             "The finance ministers agreed on a new budget rule."),
            ("Officials denied reports that the army had moved troops to the border.",
             "The army moved troops to the border, officials said."),
            ("The bank will cut rates instead of raising them, the governor said.",
             "The bank will raise rates, the governor said."),
            ("The president cancelled the visit to the border region on Friday.",
             "The president made the visit to the border region on Friday."),
            ("The two ministers did not discuss Kosovo.", "The two ministers discussed Kosovo at length."),
            ("The prime minister did not call the Japanese premier in front of the visiting European leaders.",
             "The prime minister called the Japanese premier in front of the visiting European leaders."),
            ("The prime minister did not call the Japanese premier.",
             "The prime minister broke off the talks to place a call to the Japanese premier."),
            ("Reports that the two ministers signed a gas supply deal were false, the ministry said.",
             "The two ministers signed a gas supply deal on Tuesday."),
            ("The ministry dismissed as fake news reports that the two ministers signed a gas supply deal.",
             "The two ministers signed a gas supply deal on Tuesday."),
            ("There is no truth to claims that the two ministers signed a gas supply deal, a spokesman said.",
             "The two ministers signed a gas supply deal on Tuesday."),
            ("The palace denied reports that the king had undergone heart surgery.",
             "The king underwent heart surgery last week."),
            ("The government is not going to raise taxes this year, the minister said.",
             "The government will raise taxes this year, the minister said."),
        ),
        spares=(
            ("“Respectfully, the view of our voters on this is not going to change,” the prime minister said.",
             "“We’re going to work on some subtle changes, maybe,” the president said."),
            ("Reports that the two ministers signed a gas supply deal were confirmed by the ministry.",
             "The two ministers signed a gas supply deal on Tuesday."),
            ("Reports that the two ministers signed a gas supply deal were false, the ministry said.",
             "Reports that the two ministers signed a gas supply deal are untrue, officials said."),
            ("The premier dismissed the adviser who had signed the gas supply deal.",
             "The adviser signed the gas supply deal on Tuesday."),
            ("Fishing quotas were not discussed, the ministry said.",
             "The talks lasted about 90 minutes, the ministry said."),
            ("The president will not accept any change to the border.",
             "The president said he would oppose any change to the border."),
            ("The ministers did not discuss fishing quotas.", "Fishing quotas were not talked about by the ministers."),
            ("The union did not reject the pay offer.", "The union accepted the pay offer."),
            ("The two countries are partners rather than rivals.", "The two countries are partners, not rivals."),
            ("Officials said there were no major roadblocks in the talks on farm subsidies.",
             "Officials said the talks on farm subsidies were difficult."),
            ("The two leaders did not sign the trade deal.", "The two leaders planned to sign the trade deal on Friday."),
            ("The joint press conference was canceled at short notice.",
             "The two leaders did not hold the joint press conference."),
            ("According to the ministry, the talks could last five hours, including a working lunch, a tour of the "
             "port and a joint press conference afterward.",
             "The meeting, the first in years, ended without a joint press conference."),
            ("No deal: the minister left without signing the expected grain deal, the agency reported.",
             "\u201cDeal signing is off.\u201d"),
            ("The two ministers discussed several issues, including energy, trade and regional security.",
             "There was no discussion about the Kosovo issue between the two ministers."),
            ("The prime minister said he chose not to call the Japanese premier in front of the visiting European "
             "leaders because it would be rude.",
             "The prime minister broke off his talks with the visiting European leaders to place a call to the "
             "Japanese premier."),
        ),
    ),
    Rule(
        "numbers", Kind.NUMBERS, _numbers,
        "Numbers of one unit, stated as fact (not as a plan, a hint or the measure of what something is compared "
        "with), that cannot be the same, allowing for rounding (\"about\", to half "
        "the unit a figure is written to) and bounds (\"more than\"); unless the sentences are alike, only figures "
        "said of the same thing; never figures of one noun that each side modifies otherwise (\"steel tariffs on "
        "Vietnam\" / \"the tariffs on Vietnamese goods\").",
        fires=(
            ("The talks lasted 45 minutes.", "The talks lasted 90 minutes."),
            ("The government will send 300 troops to the mission.", "The government will send 500 troops to the mission."),
            ("The aid package is worth $2 billion.", "The aid package is worth $3.5 billion."),
            ("The government cut the steel tariffs on imports from Vietnam from 20 percent to 10 percent.",
             "The government cut steel tariffs on Vietnamese imports from 25% to 15%."),
        ),
        spares=(
            ("About 200 people attended the ceremony.", "Some 210 people attended the ceremony."),
            ("The talks lasted an hour and a half.", "The talks lasted 90 minutes."),
            ("More than 40 countries signed the declaration.", "45 countries signed the declaration."),
            ("The summit took place in 2023 in the capital.", "The summit took place in 2024 in the capital."),
            ("The talks were expected to last up to seven hours.", "The talks lasted three hours."),
            ("The meeting lasted about two hours.", "The meeting lasted 2.5 hours."),
            ("Saturday's talks ran longer than a 2019 summit in Vienna that lasted roughly two hours.",
             "The talks lasted more than three hours, with two aides from each side."),
            ("The minister hinted at cutting the 20 percent duty on steel goods.",
             "The minister cut the duty on steel goods from 57% to 47%."),
            ("A key outcome is that the government agreed to cut steel tariffs on Vietnam from 20 percent to 10 "
             "percent.", "The government lowered the tariffs on Vietnamese goods from 57% to 47%."),
            ("The minister agreed to cut steel-related tariffs on Vietnam to 10 percent.",
             "The government lowered the tariffs on Vietnamese goods from 57% to 47%."),
        ),
    ),
    Rule(
        "months", Kind.DATES, _months,
        "Different months after the same word (\"in January\" / \"in March\"), between sentences at least "
        "loosely alike.",
        fires=(
            ("The new rules will take effect in January.", "The new rules will take effect in March."),
            ("Elections are due to be held by June, the commission said.",
             "Elections are due to be held by September, the commission said."),
        ),
        spares=(
            ("The new rules will take effect in January 2026.", "The new rules will take effect in January."),
            ("Talks may resume soon.", "Talks resume in May."),
            ("The ministers met on June 3.", "The ministers met on June 4."),
        ),
    ),
    Rule(
        "dates_a_day_apart", Kind.DATES_A_DAY_APART, _dates_a_day_apart,
        "Meeting dates one day apart, as time zones can give one meeting: partial, not a contradiction.",
        fires=(
            ("The ministers met in Oslo on December 31.", "The ministers met in Oslo on January 1."),
            ("The leaders met in Hanoi on March 14, 2025.", "The leaders met in Hanoi on March 15, 2025."),
        ),
        spares=(
            ("The leaders met in Hanoi on March 14, 2025.", "The leaders met in Hanoi on March 17, 2025."),
            ("The leaders met in Hanoi on March 14, 2025.", "The leaders met in Hanoi on 14 March 2025."),
        ),
    ),
    Rule(
        "dates", Kind.DATES, _dates,
        "Meeting dates more than a day apart, weekdays read against the publication date; a date after \"since\" is "
        "a past point of reference, not the meeting's. Two previews announcing the meeting for two dates written "
        "out conflict too; a preview's date against a report's does not (meetings are moved).",
        fires=(
            ("The leaders met in Hanoi on March 14, 2025.", "The leaders met in Hanoi on March 17, 2025."),
            ("The foreign ministers met in Lima on June 2 to discuss trade.",
             "The foreign ministers met in Lima on June 9 to discuss trade."),
            ("The foreign ministers met in Varna on Sept.4 to discuss the ferry corridor.",
             "The foreign ministers met in Varna on Sept. 8 to discuss the ferry corridor."),
            ("The prime minister will meet the president in Varna on 4 October to discuss the ferry corridor.",
             "The prime minister will meet the president in Varna on September 4 to discuss the ferry corridor."),
        ),
        spares=(
            ("The leaders met in Hanoi on March 14, 2025.", "The leaders met in Hanoi on March 15, 2025."),
            ("The prime minister will meet the president in Varna on 4 October to discuss the ferry corridor.",
             "The prime minister met the president in Varna on September 4 to discuss the ferry corridor."),
            ("The prime minister will meet the president in Varna on Monday to discuss the ferry corridor.",
             "The prime minister will meet the president in Varna on September 4 to discuss the ferry corridor."),
            ("The two presidents held talks in Paris on May 6-7 during the state visit.",
             "The two presidents held talks in Paris on May 7 during the state visit."),
            ("The foreign ministers met in Lima on June 2 to discuss trade.",
             "The foreign ministers met in Lima on Tuesday to discuss trade."),
            ("The two foreign ministers began talks in Lima on June 2, their first since the border war of 2021.",
             "It was the first meeting of the two sides since the start of the border war on March 3, 2021."),
        ),
    ),
    Rule(
        "names", Kind.NAMES, _names,
        "A different name in the same place of otherwise alike sentences (a day or month on both sides is the "
        "date rules' to compare); spelling variants, short forms and "
        "transliterations of a name (given names spelled the ways English copy spells one, or romanised with other "
        "vowels), a change of title alone, a capital "
        "standing for its country, one pair of countries in another form and one list of names in another order "
        "are the same names, with or without their accents; a surname spelled otherwise but close is still told.",
        fires=(
            ("The president told Borg that the ferry corridor would stay open.",
             "The president told Kowal that the ferry corridor would stay open."),
            ("The foreign ministers met in Geneva on Monday.", "The foreign ministers met in Vienna on Monday."),
            ("Prime Minister Anna Berg will lead the delegation to the summit.",
             "Prime Minister Maria Lind will lead the delegation to the summit."),
            ("Envoy Steve Markoff met the president in Moscow on Thursday.",
             "Envoy Steve Marckoff met the president in Moscow on Thursday."),
            ("Prime Minister Pavel Novak will lead the delegation to the summit.",
             "Prime Minister Petr Novak will lead the delegation to the summit."),
            ("Chancellor Karl Brenz met the Polish prime minister in Warsaw on Monday.",
             "Chancellor Karl Brentz met the Polish prime minister in Warsaw on Monday."),
        ),
        spares=(
            ("The two leaders signed a treaty on mutual defence, according to the TASS news agency.",
             "The two leaders signed a treaty on mutual defence, according to the RIA Novosti news agency."),
            ("The foreign ministers met in Napoli on Monday.", "The foreign ministers met in Naples on Monday."),
            ("Officials said Canberra would provide 12 patrol boats.",
             "Officials said Australia would provide 12 patrol boats."),
            ("The defence ministers of the US met on Monday.",
             "The defence ministers of the United States met on Monday."),
            ("The two leaders held formal talks at the Kremlin on Tuesday.",
             "The two leaders held formal talks at the Kremlin on July.9."),
            ("The grain corridor, brokered by Turkey and the United Nations, closed in July.",
             "The grain corridor, brokered by Türkiye and the United Nations, closed in July."),
            ("Envoy Mike Dorsey flew to Ankara on Sunday for the talks.",
             "Envoy Michael Dorsey flew to Ankara on Sunday for the talks."),
            ("Foreign Minister Sergei Morozov arrived in Baku on Tuesday.",
             "Foreign Minister Sergey Morozov arrived in Baku on Tuesday."),
            ("Secretary of State Antony Harlow met Foreign Minister Li Wen in Beijing on Friday.",
             "Secretary of State Anthony Harlow met Foreign Minister Li Wen in Beijing on Friday."),
            ("The president met Ukrainian Prime Minister Vladimir Horensky and three European leaders at the palace.",
             "The president met Ukrainian Prime Minister Volodymyr Horenskyy and three European leaders at the palace."),
            ("Senior Adviser Tom Hale met the delegation in Lisbon on Monday.",
             "Senior Aide Tom Hale met the delegation in Lisbon on Monday."),
            ("The Russian-American summit ended on Friday without a deal.",
             "The US-Russian summit ended on Friday without a deal."),
            ("The president was joined by European leaders, including French President Anne Roux, German Chancellor "
             "Karl Weber, Finnish President Lars Berg, UK Prime Minister Tom Ash and NATO chief Piet Mol.",
             "The president meets German Chancellor Karl Weber, French President Anne Roux, British Prime Minister "
             "Tom Ash, Finland's President Lars Berg and NATO chief Piet Mol at the palace."),
        ),
    ),
    Rule(
        "ordinals", Kind.NUMBERS, _ordinals,
        "Different ordinals of the same thing (\"the second round\" / \"the third round\").",
        fires=(
            ("It was the second round of talks between the two sides this year.",
             "It was the third round of talks between the two sides this year."),
            ("The 5th summit of the group opened on Monday.", "The sixth summit of the group opened on Monday."),
        ),
        spares=(
            ("The first phase starts in May and the second phase in June.", "The second phase starts in June."),
            ("Chile was the first country to sign the accord.", "It was the first meeting of the two ministers."),
        ),
    ),
    Rule(
        "hedged", Kind.HEDGED, _hedged,
        "One side only reports the claim as likely or said by others (\"reportedly\", \"may\"); the other states it.",
        fires=(
            ("The central bank will reportedly raise interest rates next month.",
             "The central bank will raise interest rates next month."),
            ("The president is expected to visit the flooded region on Friday.",
             "The president will visit the flooded region on Friday."),
            ("The ceasefire may be extended by another week.", "The ceasefire will be extended by another week."),
            ("The central bank will raise interest rates next month, reportedly.",
             "The central bank will raise interest rates next month."),
        ),
        spares=(
            ("Talks between the unions resume in May.", "Talks between the unions resume in May, officials said."),
            ("The ceasefire may be extended.", "The ceasefire might be extended."),
            ("The premier said the president had accepted an invitation to visit Rome and that he might also meet "
             "European leaders there.", "The president accepted an invitation to visit Rome, the premier said."),
            ("The president made no demands that might lead to a blowup, aides said.",
             "The president made a string of demands on trade, aides said."),
        ),
    ),
    Rule(
        "open_detail", Kind.OPEN_DETAIL, _open_detail,
        "One side leaves a detail open (\"it was not clear when\"); the other leaves nothing open.",
        fires=(
            ("It was not immediately clear when parliament would vote on the bill.", "Parliament will vote on the bill."),
            ("The ministry did not say where the new air base would be built.",
             "A new air base will be built, the ministry said."),
        ),
        spares=(
            ("It was not immediately clear whether parliament would vote on the bill.",
             "Parliament will vote on the bill."),
            ("It is clear how the deal will work.", "The deal will work as planned."),
        ),
    ),
    Rule(
        "part_of_claim", Kind.PARTIAL, _part_of_claim,
        "One side states more of the claim itself: another thing joined to it by a conjunction (\"trade and "
        "energy ties\"), or what the other side's verb is left without where its clause ends; the other side, "
        "(nearly) contained in it, states only part of the claim.",
        fires=(
            ("The leaders agreed to deepen trade ties.", "The leaders agreed to deepen trade and energy ties."),
            ("The two ministers met in Warsaw on Monday.",
             "The two ministers met in Warsaw on Monday and signed a defence pact."),
            ("The two ministers signed in Warsaw.", "The two ministers signed a defence pact in Warsaw."),
        ),
        spares=(
            ("The deal will take effect next year.", "The agreement will enter into force next year."),
            ("The leaders agreed to deepen trade ties.",
             "The leaders agreed to deepen trade ties, citing record grain harvests and falling freight costs."),
            ("The two ministers signed a defence pact.",
             "The two ministers signed a defence pact in Warsaw covering Baltic air patrols and joint training."),
            ("The delegations held talks in Geneva.", "The delegations held discussions in Geneva."),
        ),
    ),
    Rule(
        "agree", Kind.AGREE, _agree,
        "No rule above applies: the two state the same claim. Detail one side adds without changing the claim (a "
        "phrase opened by a preposition, subordinator or relative word, or a clause of its own set off by "
        "punctuation) is named when it holds a name, a number or two content words.",
        fires=(
            ("The two leaders agreed to deepen trade ties.", "Both leaders agreed to deepen their trade ties."),
            ("The summit ended with a joint statement.", "The summit closed with a joint statement."),
            ("The leaders agreed to deepen trade ties.",
             "The leaders agreed to deepen trade ties, citing record grain harvests and falling freight costs."),
            ("The defence ministers met to discuss the alliance.",
             "The defence ministers met in Naples on Saturday to discuss the alliance, officials said."),
        ),
        spares=(
            ("The talks lasted 45 minutes.", "The talks lasted 90 minutes."),
            ("The two leaders did not discuss the pipeline.", "The two leaders discussed the pipeline."),
        ),
    ),
)


def decide(a: Side, b: Side, score: float, acronyms=None, config: JudgingConfig = DEFAULT) -> tuple[Rule, Verdict]:
    """The first rule that applies to the pair, and its verdict."""
    pair = Pair.of(a, b, score, acronyms, config)
    for rule in RULES:
        verdict = rule.check(pair)
        if verdict is not None:
            return rule, verdict
    raise AssertionError("the last rule applies to every pair")


def judge_pair(a: Side, b: Side, score: float, acronyms=None, config: JudgingConfig = DEFAULT, *,
               judged: dict | None = None) -> Verdict:
    """Relation of a's sentence to b's matched sentence, with what decided it (`.reason` words it).

    `judged`, one dict per event (whose acronyms and config are the same for every pair), keeps each verdict by
    the two texts, their publication dates and the score: outlets that run the same agency copy make the same
    pair of texts again and again, between other sources, and the rules read nothing else.
    """
    if judged is None:
        return decide(a, b, score, acronyms, config)[1]
    key = (a.sentence.text, b.sentence.text, a.published, b.published, score)
    found = judged.get(key)
    if found is None:
        verdict = decide(a, b, score, acronyms, config)[1]
        judged[key] = (verdict, a.source, b.source)
        return verdict
    verdict, source, other = found
    if (source, other) == (a.source, b.source):
        return verdict
    return verdict.renamed({source: a.source, other: b.source})


def omitted_verdict(a: Side, other_source: str, best: Sentence | None, best_score: float, threshold: float) -> Verdict:
    """An unmatched sentence: nothing in the other source states it; its closest sentence there, if any."""
    if best is None:
        return Verdict(Kind.OMITTED, a.source, other_source)
    return Verdict(Kind.OMITTED, a.source, other_source, quoted=best.text, score=best_score, threshold=threshold)


def omitted_reason(a: Side, other_source: str, best: Sentence | None, best_score: float, threshold: float) -> str:
    return omitted_verdict(a, other_source, best, best_score, threshold).reason
