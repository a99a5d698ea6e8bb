"""The judge's language data (compare.judge): every word list and cue pattern its rules read, and nothing else.

General English, not tied to any article. The rules read these; none types its own list. Unlike the other
modules here, the patterns are compiled in place: the judge's rules are their only readers.
"""

from __future__ import annotations

import re

from compare.lang.en.calendar import MONTHS
from compare.lang.en import numbers
from compare.lang.en.numbers import ORDINAL_WORDS

# "January" ... "December": each month's full name comes first in MONTHS
MONTH_NAMES = tuple(name.capitalize() for name in list(MONTHS)[:12])

# --- Uncertainty and hedges -------------------------------------------------------------------------------------

# Someone declining to answer ("did not say", "declined to confirm"): before "whether" it leaves the event open,
# before "when" or "how much" only a detail of it.
WITHHELD = (
    r"(?:did|does|do|would|could|will)\s+not\s+(?:say|specify|disclose|confirm|reveal|elaborate\s+on|comment\s+on)\s+"
    r"|(?:declined|refused)\s+to\s+(?:say|confirm|specify|disclose|comment\s+on)\s+"
)
# Phrases that leave the claim's occurrence open ("it was not made clear whether").
UNCERTAIN_WHETHER = re.compile(
    r"\b(?:"
    r"(?:it\s+)?(?:is|was|remains|remained|has\s+not\s+been|had\s+not\s+been)\s+(?:not\s+|un)?(?:yet\s+|immediately\s+)?"
    r"(?:made\s+)?(?:clear|known|confirmed|certain|disclosed)\s+(?:whether|if)"
    r"|unclear\s+(?:whether|if)"
    rf"|(?:{WITHHELD})(?:whether|if)"
    r"|no\s+(?:word|indication|details?|confirmation)\s+(?:on|of|about|as\s+to)\s+whether"
    r"|uncertain\s+(?:whether|if)"
    r"|(?:it\s+)?remains\s+to\s+be\s+seen\s+(?:whether|if)"
    # a confirmation withheld of the claim itself, referred back to ("the ministry has not confirmed this")
    r"|(?:(?:has|have|had|did|does|do)\s+not\s+(?:yet\s+)?(?:confirmed|confirm|verified|verify)"
    r"|(?:declined|refused)\s+to\s+confirm)\s+(?:this|it|the\s+reports?)(?=\s*[,;:.!?)—–]|\s*$)"
    r")\b",
    re.IGNORECASE,
)
# The same phrases about a detail rather than the event ("it was not immediately clear when parliament would
# ratify it"): the event is not in doubt, only when, how or how much, so it is neither a certainty conflict nor a
# negation of what the other side says, but a detail one side lacks.
UNCLEAR_DETAIL = re.compile(
    r"\b(?:"
    r"(?:it\s+)?(?:(?:is|was|remains|remained)(?:\s+not\s+|n't\s+|\s+un)|(?:has|had)\s+not\s+(?:yet\s+)?been\s+)"
    r"(?:yet\s+|immediately\s+)?(?:made\s+)?(?:clear|known|confirmed|certain|disclosed)\s+"
    r"|unclear\s+|uncertain\s+"
    r"|(?:it\s+)?remains\s+to\s+be\s+seen\s+"
    rf"|{WITHHELD}"
    r")(?:exactly\s+)?(?:when|how\s+(?:much|many|long|soon)|how|why|where|what|which|who)\b",
    re.IGNORECASE,
)
# ... and with no question after them: what is open is whatever the sentence is about ("the timing remains
# unclear", "the ministry declined to comment on the report"). They hold no negation, so unlike the phrases
# above they need not be taken out before negations are read.
# "unclear" or "uncertain" before a noun describes it ("in these uncertain times", "an unclear message"): it leaves
# nothing of the claim open.
UNSETTLED = re.compile(
    r"\b(?:(?:unclear|uncertain)(?!\s+(?!(?:on|about|to|for|as|and|or|but|at|in|given|amid|after|since|because|until|"
    r"so|yet|how|why|when|what|who|where|which)\b)(?-i:[a-z]))|(?:declined|refused)\s+to\s+comment)\b"
    r"(?!\s+(?:on\s+)?(?:whether|if)\b)", re.IGNORECASE
)
# Words that only report a claim as likely or said by others. "may" and "might" count in lower case only, and not
# before a number: "May" and "may 8" are the month.
SOFT_HEDGES = re.compile(
    r"\b(?:reportedly|allegedly|apparently|possibly|perhaps|presumably|(?-i:may|might)(?!\s+\d)|rumou?red|unconfirmed|"
    r"(?:is|are)\s+expected\s+to|(?:is|are|was|were)\s+(?:said|believed|thought|understood)\s+to|"
    r"appears?\s+to|according\s+to\s+unconfirmed)\b",
    re.IGNORECASE,
)
# Words that open another clause within one stretch of punctuation: a soft hedge after one governs that clause
# only ("... accepted the invitation and that he might also meet ...", "no demands that might lead to a blowup").
HEDGE_SCOPE_OPENERS = frozenset("and but that which who while whereas although though because".split())
# Words that open a reported question: a hedge after one in its clause is the question's ("whether it may").
QUESTION_OPENERS = frozenset({"whether", "if"})

# --- Negation ---------------------------------------------------------------------------------------------------

NEGATIONS = frozenset(
    "not no never neither nor none nobody nothing without cannot n't denied deny denies rejected rejects "
    "refused refuses failed fails reject refuse fail canceled cancelled cancel cancels scrapped scrap "
    "aborted".split()
)
# Negation cues that are verbs: active, they deny their object ("scrapped the plan"); after a form of "be"
# (BE_FORMS) they deny their whole clause ("the press conference was canceled").
NEGATING_VERBS = frozenset(
    "canceled cancelled cancel cancels scrapped scrap aborted rejected rejects reject refused refuses refuse "
    "denied deny denies failed fails fail".split()
)
BE_FORMS = frozenset("is are was were be been being".split())
# A phrase that names a past point of reference, never the date of what the sentence reports: "the first talks
# since the invasion on February 24, 2022". It runs to the end of its clause (a comma inside a date, "February 24,
# 2022", ends it early and leaves a bare year, which names no day).
REFERENCE_POINT = re.compile(r"\bsince\b[^,;:!?()—–]*", re.IGNORECASE)
# Words that deny their clause after a form of "be", as a negating verb in the passive does ("the deal is off"
# says what "the deal was cancelled" says); elsewhere they deny nothing ("the talks kicked off").
PREDICATIVE_DENIALS = frozenset({"off"})
# A negation states nothing of the rest of its clause as fact ("did not sign a natural resources agreement", "no
# agreement was signed"), up to a word that turns to another claim ("no deal on steel but a deal on grain").
# Negations of a verb: what stands before them in their clause is what the denial is said of ("officials were not
# present"), stated as fact no more than the rest. A negating verb's subject acts ("Kenya rejected"; "a proposal to
# scrap the levy"), and "without" follows a claim of its own ("the summit ended without a deal").
VERB_NEGATIONS = frozenset("not n't never cannot".split())
CONTRAST_TURNS = frozenset("but although though whereas while yet".split())
# Two-word cues that deny what follows them: "partners rather than rivals" says what "partners, not rivals" says.
CONTRAST_CUES = {"rather": "than", "instead": "of"}

# --- Assertion: what a sentence states as fact ------------------------------------------------------------------

# Words that open a clause whose content is not asserted: a condition, a time still to come, a question.
UNASSERTED_OPENERS = frozenset("if when unless until once whether".split())
# Words just before a verb that make it a possibility, not a fact ("could sign"; "would" is reported "will").
MODALS = frozenset("could might may should".split())
# Where a modal's forecast ends: it reaches over the commas of a list ("could last seven hours, including ... and a
# joint press conference") up to one of these marks or a turn to another claim.
FORECAST_ENDS = frozenset(";:.!?()—–")
# Verbs whose "to" makes what follows an intention, not a fact ("planned to sign"; "traveled to Washington to
# sign" reads "to sign" as one).
INTENT_VERBS = frozenset(
    "plan plans planned planning intend intends intended expect expects expected hope hopes hoped aim aims aimed "
    "seek seeks sought want wants wanted wish wishes wished due scheduled meant supposed set came come went "
    "traveled travelled arrived willing ready eager keen prepared".split()
)
# Adjectives that make what follows a possibility ("a potential joint press conference", "a likely 300 troops").
POSSIBLE = frozenset(
    "potential possible proposed likely prospective planned expected hinted hinting floated mulled mulling".split()
)
# Phrases of circumstance that take a negation's focus when they follow its predicate: "chose not to call him in
# front of the leaders" denies the audience, not the call (he called from another room). A denial so focused
# contradicts only a statement of the act with the same circumstance (negation.focused_circumstance). Each is
# matched on the judge's lower-cased tokens, words apart.
NEGATION_FOCUS = (
    "in front of", "in the presence of", "in person", "in public", "publicly", "face to face", "by phone",
    "personally", "directly",
)
# Words that open a source's attribution ("according to Russia's TASS news agency", "citing officials", "in an
# interview with Fox News"): the name after them says who reported the claim, not what the claim is, and outlets
# credit different agencies for one statement. Not "told": whom a leader told something is part of the claim
# ("Trump told Putin" / "Trump told Zelensky"). Matched on lower-cased words, up to ATTRIBUTION_REACH words
# before a name.
ATTRIBUTION_CUES = ("according to", "citing", "cited by", "quoted by", "reported by", "interview with")
ATTRIBUTION_REACH = 3
# A denial reaches the claim it denies, which follows in a that-clause (see negation.DENIAL_REACH).
# "going to" before a verb is the future ("is not going to change"), read as "will"; before a determiner it is a
# journey ("going to the summit").
GOING_TO_FUTURE = re.compile(
    r"\bgoing\s+to\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|every|some|any)\b)(?=[a-z])")
# "no one" is "nobody": it denies what follows ("no one was climbing"), not the figure "one".
NO_ONE = re.compile(r"\b([Nn])o[ -]one\b")
DENIALS = frozenset({"denied", "deny", "denies"})
# Ways of calling a reported claim untrue that put the judgement around it rather than before it ("reports that X
# were false", "dismissed as fake news reports that X", "there is no truth to claims that X"): each is read as
# "denied reports that X", the form a denial's reach reads. The claim is a that-clause after a noun of hearsay.
_HEARSAY = r"(?:reports?|claims?|rumou?rs?|suggestions?|allegations?|speculation|stor(?:y|ies))"
_UNTRUE = (r"(?:false|untrue|fake|baseless|unfounded|groundless|fabricated|incorrect|wrong|not\s+true|"
           r"(?:a\s+)?hoax|fake\s+news|nonsense|debunked)")
DEBUNKINGS = (
    # "Reports that the two leaders signed a deal are false": the verdict after the claim
    (re.compile(rf"\b(?:the\s+)?({_HEARSAY})\s+that\s+([^;:!?()]{{3,200}}?)\s+"
                rf"(?:is|are|was|were|has\s+been|have\s+been|had\s+been|proved|proved\s+to\s+be|"
                rf"turned\s+out\s+to\s+be)\s+{_UNTRUE}\b", re.IGNORECASE),
     r"denied \1 that \2"),
    # "dismissed (as fake news) reports that ...", "refuted claims that ...", "debunked rumours that ..."
    (re.compile(rf"\b(?:dismiss(?:ed|es)?|refut(?:ed|es|e)|debunk(?:ed|s)?|rebuff(?:ed|s)?)\s+"
                rf"(?:as\s+(?:[\w-]+\s+){{1,2}})?({_HEARSAY})\s+that\b", re.IGNORECASE),
     r"denied \1 that"),
    # "there is no truth to claims that ..."
    (re.compile(rf"\bthere\s+(?:is|was)\s+no\s+truth\s+(?:to|in)\s+(?:the\s+)?({_HEARSAY})\s+that\b",
                re.IGNORECASE),
     r"denied \1 that"),
)
# Verbs whose negation says what another verb affirms ("will not accept" / "would oppose"), both ways. Negation
# cues that are verbs themselves ("rejected") deny as the verbs listed for "accept" do.
OPPOSITES = (
    ("accept", "reject oppose refuse decline"), ("agree", "disagree reject refuse oppose"),
    ("support", "oppose reject"), ("allow", "ban block prohibit forbid bar"), ("approve", "reject veto block oppose"),
    ("confirm", "deny"), ("include", "exclude"), ("attend", "skip miss boycott"), ("join", "boycott leave quit"),
    ("continue", "stop halt end suspend"), ("increase", "decrease cut reduce lower"), ("raise", "cut lower reduce"),
    ("succeed", "fail"), ("win", "lose"), ("rise", "fall drop"),
)
# A denying cue ("rejected") says what these verbs say; they are not negation cues themselves, so a sentence
# with one of them affirms nothing the cue denies ("rejected the proposal" / "opposed the proposal").
DENYING_CUES = "reject refuse deny cancel scrap abort".split()
DENYING_VERBS = "oppose decline dismiss veto block skip miss boycott postpone".split()

# --- Numbers ----------------------------------------------------------------------------------------------------

NUMBER_WORDS = numbers.NUMBER_WORDS  # every number word the lexicon knows ("forty minutes" is a figure too)
# A number word before a word, or hyphened to one ("five-hour meeting", "a three-day visit").
SPELLED_NUMBER = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b(?=(?:\s+|-)[^\W\d_])", re.IGNORECASE)
# Words after a number that make it a time or an ordinal, not a count of something.
NUMBER_WORD_UNITS_SKIP = frozenset("am pm st nd rd th".split())
# Durations compare in minutes ("two hours" / "120 minutes"), and the usual spelled-out durations of talks read
# as numbers after a word that makes them a duration ("lasted an hour and a half"; "an hour later" stays out).
IN_MINUTES = {"hour": ("minut", 60.0)}
DURATION_MINUTES = {"an hour and a half": 90, "one and a half hours": 90, "half an hour": 30, "an hour": 60}
# Hours and minutes given together ("one hour and 40 minutes"), read once numbers are digits: one duration.
COMPOUND_DURATION = re.compile(r"\b(\d+)\s+hours?\s+and\s+(\d+)\s+minutes?\b", re.IGNORECASE)
DURATION_PHRASE = re.compile(
    r"\b((?:lasted|lasting|last|for|took|met for|talked for)\s+(?:(?:about|around|roughly|nearly|almost|some|more than|"
    r"over|less than|just over|just under)\s+)?)(an hour and a half|one and a half hours|half an hour|an hour)\b",
    re.IGNORECASE)
# Scale words after a number ("$1.5 million", "$2bn"): they multiply it, and the unit, if any, follows them.
SCALES = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12, "tn": 1e12}
UNIT_AFTER_SCALE = re.compile(r"\s*(?:of\s+)?([^\W\d_]+)")
# A number given as approximate or as a bound (see quantities.APPROXIMATE_SHARE); "over" after a verb of handing
# is not a bound ("hand over 10 vessels").
BOUND = re.compile(
    r"\b(about|around|roughly|approximately|nearly|almost|some|an estimated|close to|more than|at least|"
    r"(?<!hand )(?<!hands )(?<!handed )(?<!handing )(?<!took )(?<!take )(?<!taken )(?<!turn )(?<!turned )over|"
    r"upwards of|in excess of|less than|under|fewer than|up to|at most)\s+(?:\$|€|£|¥)?$", re.IGNORECASE)
BOUND_KIND = {**dict.fromkeys(("about", "around", "roughly", "approximately", "nearly", "almost", "some",
                               "an estimated", "close to"), "about"),
              **dict.fromkeys(("more than", "over", "at least", "upwards of", "in excess of"), "above"),
              **dict.fromkeys(("less than", "under", "fewer than", "up to", "at most"), "below")}
# Words of a bound ("more than", "close to"): not what a figure after them is said of.
BOUND_WORDS = frozenset(
    "about around roughly approximately nearly almost some estimated close more than at least over upwards of in "
    "excess less under fewer up most just".split()
)
# The word that opens the standard of a comparison: a figure past it and a word of its own ("longer than a summit
# that lasted two hours") measures the thing compared against, not what the sentence is about; right before a
# figure it is a bound ("more than three hours").
COMPARISON_STANDARD = frozenset({"than"})
# A word before a figure, read for what the figure is said of (quantities.NUMBER_CONTEXT_WORDS), and where a
# clause ends for that reading (a comma or point between digits is part of a number: "1,500", "2.5").
CONTEXT_WORD = re.compile(r"[^\W\d_]+")  # letters, accented too: "Türkiye" is one word, not "T" and "rkiye"
NUMBER_CLAUSE_END = re.compile(r"[;:!?()—–]|(?<!\d)[,.]|[,.](?!\d)")
ORDINAL = re.compile(r"\b(?P<ordinal>" + "|".join(ORDINAL_WORDS) + r"|\d{1,3}(?:st|nd|rd|th))\s+"
                     r"(?P<what>[A-Za-z-]+(?:\s+[A-Za-z-]+){0,2})", re.IGNORECASE)

# --- Dates ------------------------------------------------------------------------------------------------------

# A month named without a day, after the word that places it ("take effect in January", "by mid-March").
MONTH_ONLY = re.compile(
    r"\b((?i:in|by|from|until|till|before|after|since|during|early|late|mid|end\s+of))[\s-]+(?:(?:early|late|mid)[\s-]+)?"
    r"(" + "|".join(MONTH_NAMES) + r")\b(?!\s+\d{1,2}\b)(?:,?\s+(\d{4}))?"
)

# --- Tokens and punctuation -------------------------------------------------------------------------------------

# A contracted negation is a token of its own ("didn't" -> "did", "n't"), as the negation cue it is; an
# abbreviation in letters and points ("U.S.") is one token, not points that end clauses.
TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z]+(?=n't)|n't|[A-Za-z]+(?:'[a-z]+)?|\d[\d,.]*|\S", re.UNICODE)
# A figure and its unit, written apart or hyphened ("40 minutes", "a 40-minute meeting").
NUMBER = re.compile(
    r"(?<![\w.:/-])(\$|€|£|¥)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:-|\s*)(%|percent|per\s+cent|[^\W\d_]+)?",
    re.UNICODE,
)
CLAUSE_ENDS = frozenset(",;:.!?()—–")
PUNCT = ",.;:!?\"“”‘’()$€£¥"  # currency signs too: "$1.2" is the number 1.2
# A capitalised word, its capital accented or not ("Çavuşoğlu", "Élysée" as much as "Cavusoglu").
LATIN_CAPITALS = "A-Z" + "".join(chr(code) for code in range(0xC0, 0x250) if chr(code).isupper())
CAPITALISED = re.compile(rf"^[{LATIN_CAPITALS}][\w'’.-]*$")
# A short note in brackets ("(AP)", a photo's "(R)"): not words of the sentence.
BRACKETED_NOTE = re.compile(r"\(\s*[A-Za-z]{1,4}\s*\)")

# --- Added detail: a modifier of the claim, or more of the claim itself ------------------------------------------

# Words that open a phrase or clause qualifying the claim without changing what is claimed: prepositions ("in
# Naples", "on Saturday", "amid tensions"), subordinators ("while visiting", "because of") and relative words
# ("which includes", "who leads"). What one side adds behind one of them is detail of the same claim.
MODIFIER_OPENERS = frozenset(
    """about above across after against along amid amidst among around as at before behind below beneath beside
    besides between beyond by despite during except following for from in including inside into like near of off
    on onto over past per regarding since through throughout to toward towards under unlike until upon via with
    within without because although though while whereas when where which who whom whose that once""".split()
)
# Words that join another part to the claim itself ("deepen trade and energy ties", "met and signed a pact"): what
# one side adds behind one of them is more of the claim, which the other side then states only part of.
CONJUNCTS = frozenset("and or nor but plus".split())
# Words that only introduce the noun after them: read past when looking for what opens an added phrase.
DETERMINERS = frozenset("a an the this these those its their his her our your my some any each every".split())
