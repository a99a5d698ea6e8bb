"""Words the event fact sheet reads (compare.facts): how long a meeting and its parts lasted, what it produced,
who held which office, which meeting of a series it was. General news language, none tied to any article.

Patterns are regular-expression source text; compare.facts compiles each once.
"""

# --- how long ---------------------------------------------------------------------------------------------------

# Units of a duration, to minutes.
DURATION_UNITS = {
    "minute": 1, "minutes": 1, "min": 1, "mins": 1, "hour": 60, "hours": 60, "hr": 60, "hrs": 60,
    "day": 1440, "days": 1440,
}  # fmt: skip
# Words before a figure that make it approximate, to the side of the figure the truth lies on.
BOUND_WORDS = {
    "about": "about", "around": "about", "some": "about", "roughly": "about", "approximately": "about",
    "approx.": "about", "close to": "about", "an estimated": "about", "almost": "below", "nearly": "below",
    "just under": "below", "under": "below", "less than": "below", "fewer than": "below", "up to": "below",
    "more than": "above", "over": "above", "just over": "above", "upwards of": "above", "at least": "above",
    "well over": "above", "in excess of": "above", "a little over": "above", "a little more than": "above",
    "slightly over": "above", "slightly more than": "above", "a bit over": "above", "a little under": "below",
    "a little less than": "below", "slightly less than": "below", "slightly under": "below",
}  # fmt: skip
# Figures written as words that number words do not cover.
FRACTION_WORDS = {"half an": 0.5, "a half": 0.5, "a quarter": 0.25, "an": 1.0, "a": 1.0}
# Verbs that give the length of what their subject names ("the talks lasted three hours").
DURATION_VERBS = (
    r"lasted|lasting|last|went\s+on\s+for|ran\s+for|running\s+for|continued\s+for|extended\s+(?:for|to)|stretched\s+(?:for|to|over)|"
    r"took|spanned")
# Verbs whose subject is the meeting itself ("they met for two hours", "spoke for nearly three hours").
MEETING_FOR_VERBS = r"met|meeting|talked|spoke|conferred|negotiated|held\s+talks|sat\s+down"
# Words that open another clause or tie what follows to another time: between "met" and a length they make the
# length someone else's ("met leaders who had served for years", "met him after he was jailed for two years").
CLAUSE_OPENERS = frozenset("who whom whose which that when where while since after before until as because".split())
# Verbs of finishing after a length of time ("concluded after more than two hours").
ENDING_VERBS = r"concluded|ended|wrapped\s+up|finished|broke\s+up|closed|came\s+to\s+an\s+end"
# Words that make a length a forecast or a plan, not what happened ("the talks could last six hours").
FORECAST_WORDS = r"could|may|might|would|expected|scheduled|set|planned|likely|due|supposed|should|(?:was|were|is|are)\s+to"
# Words that set what happened against a plan or a forecast ("was to last an hour (in fact, only 11 minutes)").
WHAT_HAPPENED = r"in\s+fact|actually|in\s+reality|in\s+the\s+end|eventually|ultimately"

# Nouns naming the meeting or a part of it, to the part ("segment") a length belongs to. Longer phrases first
# where one contains another; a noun not listed here is not a part of the meeting.
SEGMENTS = {
    "one-on-one": "one-on-one", "one on one": "one-on-one", "tete-a-tete": "one-on-one",
    "tête-à-tête": "one-on-one", "private meeting": "one-on-one", "private talks": "one-on-one",
    "restricted format": "restricted", "restricted session": "restricted", "narrow format": "restricted",
    "restricted talks": "restricted", "small group": "restricted",
    "expanded format": "expanded", "extended format": "expanded", "expanded talks": "expanded",
    "delegation-level talks": "expanded", "delegation level talks": "expanded", "expanded session": "expanded",
    "plenary": "expanded", "working lunch": "meal", "lunch": "meal", "dinner": "meal", "banquet": "meal",
    "breakfast": "meal", "press conference": "press conference", "news conference": "press conference",
    "press briefing": "press conference", "press event": "press conference", "phone call": "call",
    "telephone call": "call", "call": "call", "phone conversation": "call", "telephone conversation": "call",
    "talks": "talks", "meeting": "talks", "meetings": "talks", "discussion": "talks", "discussions": "talks",
    "negotiations": "talks", "session": "talks", "summit": "talks", "engagement": "talks", "interaction": "talks",
    "conversation": "talks", "encounter": "talks", "bilateral": "talks", "consultations": "talks", "sit-down": "talks",
    "visit": "visit", "state visit": "visit", "trip": "visit", "stay": "visit", "tour": "visit",
}  # fmt: skip

# Words before a joint appearance that say none was held ("ended without a joint press conference"), or one was
# ("addressing a joint press conference"), and verbs after it that say it took place ("the joint press
# conference lasted"), or was called off.
NOT_HELD = (
    r"without(?:\s+(?:holding|giving|a|an|the|any))*|no|did\s+not\s+hold(?:\s+(?:a|the|any))?|"
    r"didn['’]t\s+hold(?:\s+(?:a|the|any))?|never\s+held(?:\s+(?:a|the))?|instead\s+of(?:\s+(?:a|the))?|"
    r"cancel(?:l?ed|l?ing)(?:\s+(?:a|the|their))?|scrapped(?:\s+(?:a|the|their))?|skipped(?:\s+(?:a|the|their))?")
HELD_AT = (
    r"(?:at|during|addressing|addressed|told|gave|held|holding|after|concluding|wrapped\s+up\s+with)"
    r"\s+(?:a|the|their)")
HELD_AFTER = r"lasted|began|started|ended|was\s+held|took\s+place|followed"
CALLED_OFF = r"cancel(?:l?ed)|scrapped|called\s+off|dropped|never\s+(?:happened|took\s+place)"

# Nouns of one speaker's own words at the meeting, whose length is his ("a brief four-minute statement").
REMARKS_NOUNS = ("statement", "remarks", "speech", "address", "opening remarks", "opening statement")

# --- at what time ------------------------------------------------------------------------------------------------

# Time zones as news copy names them after a clock time ("3 p.m. ET", "1930GMT", "22:00 Moscow time"), to the
# zone database's name; the zone's offset on the day (summer time) comes from the database. "EST" is written
# for US Eastern time all year round ("3:30 p.m. EST" in August), so it is read as the zone, not the fixed offset.
TIME_ZONES = {
    "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York", "eastern": "America/New_York",
    "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago", "central": "America/Chicago",
    "pt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "pacific": "America/Los_Angeles", "washington": "America/New_York", "alaska": "America/Anchorage",
    "akdt": "America/Anchorage", "gmt": "UTC", "utc": "UTC", "bst": "Europe/London", "london": "Europe/London",
    "cet": "Europe/Paris", "cest": "Europe/Paris", "brussels": "Europe/Brussels", "paris": "Europe/Paris",
    "berlin": "Europe/Berlin", "kyiv": "Europe/Kyiv", "kiev": "Europe/Kyiv", "msk": "Europe/Moscow",
    "moscow": "Europe/Moscow", "beijing": "Asia/Shanghai", "macau": "Asia/Macau", "hong kong": "Asia/Hong_Kong",
    "ist": "Asia/Kolkata", "delhi": "Asia/Kolkata", "jst": "Asia/Tokyo", "tokyo": "Asia/Tokyo",
    "kst": "Asia/Seoul", "seoul": "Asia/Seoul", "riyadh": "Asia/Riyadh",
}  # fmt: skip
# Words before a clock time that say the meeting was set for it ("is scheduled for 3 p.m.", "will begin at 11:00"),
# and verbs that say a part of the meeting began at it ("the talks began at 11:26 a.m.").
SCHEDULE_CUES = r"\b(?:scheduled|set|due|slated|planned|will|expected)\b"
START_VERBS = r"\b(?:began|begun|started|starts|begins|convened|opened|kicked\s+off|got\s+under\s?way)\b"
# Words before a clock time that make it approximate.
ABOUT_TIME = r"\b(?:around|about|approximately|roughly|some|shortly\s+(?:before|after)|just\s+(?:before|after))\s+$"

# --- how many ----------------------------------------------------------------------------------------------------

# Verbs that govern a count of what the meeting produced or who took part, to one form ("inked" -> "sign").
COUNT_VERBS = {
    "signed": "sign", "sign": "sign", "signing": "sign", "inked": "sign", "concluded": "sign",
    "exchanged": "sign", "adopted": "adopt", "approved": "adopt", "issued": "issue", "released": "issue",
    "reached": "reach", "struck": "reach", "announced": "announce", "unveiled": "announce",
    "attended": "attend", "attend": "attend", "attending": "attend", "joined": "attend",
}  # fmt: skip
# Verbs after the counted noun that say the same ("20 leaders attended", "29 world leaders expected to attend").
COUNT_VERBS_AFTER = {
    "attended": "attend", "attend": "attend", "took part": "attend", "participated": "attend", "joined": "attend",
    "were signed": "sign", "have been signed": "sign", "had been signed": "sign", "were inked": "sign",
    "were adopted": "adopt", "were reached": "reach",
}  # fmt: skip
# Counts written as words beyond the number words, to (value, bound).
COUNT_WORDS = {"dozens": (24, "above"), "dozen": (12, "about"), "a dozen": (12, "about"),
               "a couple of": (2, "about"), "several": (3, "above"), "scores": (40, "above")}
# Nouns that are units or times, never what a sentence counts ("signed 20 years ago").
NOT_COUNTED = frozenset(
    "year years month months week weeks day days hour hours minute minutes percent per cent times time "
    "billion million trillion thousand hundred point points".split())

# --- who: offices of named people --------------------------------------------------------------------------------

# Offices as written, to (group, office). "leader" ("North Korean leader Kim Jong Un", "dictator", "strongman")
# describes whoever leads, whatever the office, and excludes none. Offices of one group other than "staff" exclude
# each other for one person at one time; staff titles (adviser, aide, envoy, spokesperson) overlap and never
# conflict among themselves. A head of government can hold a portfolio, so "government" and "minister" do not
# conflict either.
OFFICES = {
    "president": ("state", "president"), "vice president": ("state", "vice president"),
    "vice-president": ("state", "vice president"), "vp": ("state", "vice president"),
    "prime minister": ("government", "prime minister"), "premier": ("government", "prime minister"),
    "pm": ("government", "prime minister"), "chancellor": ("government", "prime minister"),
    "deputy prime minister": ("government", "deputy prime minister"),
    "first deputy prime minister": ("government", "deputy prime minister"),
    "vice premier": ("government", "deputy prime minister"),
    "spokesman": ("staff", "spokesperson"), "spokeswoman": ("staff", "spokesperson"),
    "spokesperson": ("staff", "spokesperson"), "press secretary": ("staff", "spokesperson"),
    "national security adviser": ("staff", "national security adviser"),
    "national security advisor": ("staff", "national security adviser"), "nsa": ("staff", "national security adviser"),
    "aide": ("staff", "aide"), "adviser": ("staff", "aide"), "advisor": ("staff", "aide"),
    "envoy": ("staff", "envoy"), "special envoy": ("staff", "envoy"), "ambassador": ("staff", "ambassador"),
    "leader": ("leader", "leader"), "dictator": ("leader", "leader"), "strongman": ("leader", "leader"),
}  # fmt: skip
# Nouns for what someone does, written before a name ("golfer Ernie Els", "business mogul Johann Rupert", "opposition
# politician Julius Malema"): they name a person but no office, so they exclude none; a plural one opens a list of
# names ("golfers Ernie Els and Retief Goosen"). Not "player", "champion" or "star": teams are named so ("champions
# Real Madrid").
ROLE_NOUNS = frozenset("""
golfer golfers billionaire billionaires businessman businessmen businesswoman businesswomen tycoon tycoons mogul
moguls magnate magnates entrepreneur entrepreneurs investor investors philanthropist industrialist banker bankers
politician politicians activist activists dissident dissidents journalist journalists reporter reporters columnist
correspondent actor actors actress singer singers rapper musician musicians artist artists author authors novelist
footballer footballers cricketer cricketers athlete athletes coach icon icons legend legends leaders
""".split())
# Offices written as capital abbreviations; in lower case they are other words ("3 pm").
ABBREVIATED_OFFICES = frozenset({"pm", "nsa", "vp"})
# Portfolios, as written before "minister"/"secretary" or after "minister of"/"secretary of", to one name.
PORTFOLIOS = {
    "foreign": "foreign affairs", "foreign affairs": "foreign affairs", "external affairs": "foreign affairs",
    "state": "foreign affairs", "defense": "defence", "defence": "defence", "war": "defence",
    "finance": "finance", "treasury": "finance", "commerce": "trade", "trade": "trade",
    "economy": "economy", "economic development": "economy", "energy": "energy", "interior": "interior",
    "home": "interior", "homeland security": "homeland security", "justice": "justice", "agriculture": "agriculture",
    "health": "health", "education": "education", "transport": "transport", "industry": "industry",
}  # fmt: skip
# Words before an office that change it: a former office-holder does not hold it now; "then-" dates the title
# to another time, so it is left out.
FORMER_WORDS = frozenset({"former", "ex", "ex-", "outgoing"})
THEN_WORDS = frozenset({"then", "then-", "late"})
# Capitalised words after an office that are not a name ("President Trump's", "Foreign Minister of ...").
NOT_NAME_WORDS = frozenset(
    "and or of the for in on at to with by from said says told added who which that met meets his her their "
    "also has had have was is will would he she it they we".split())  # "Prime Minister Piotr Kowal He held talks": a lost stop

# Nouns that end an organisation's name ("the Economic Freedom Fighters", "the Democratic Alliance", "the African
# National Congress"): capitalised words after an office that end in one name a body, not its holder ("leader of
# the Economic Freedom Fighters" is no "Freedom Fighters").
ORGANISATION_WORDS = frozenset(
    "party parties fighters front alliance congress union movement league federation association organisation "
    "organization coalition council committee commission assembly parliament senate government ministry "
    "department agency authority bank fund forum institute foundation corporation company group network army "
    "forces brigade brigades guard command brotherhood democrats republicans socialists liberals conservatives "
    "greens".split())

# Words of a speaker about himself or his side, outside quotation marks: a sentence with them is someone's reported
# words ("We see President X's resolve, the minister said"; a transcript or live blog quotes without marks), not
# the outlet's own. Case-sensitive: "US" is a country.
FIRST_PERSON = r"\b(?:I|I'm|I've|[Ww]e|[Ww]e're|[Ww]e've|[Oo]ur|[Oo]urs|us|[Mm]y|me)\b"
# Words of respect before a name, not part of it ("Prime Minister Shri Narendra Modi", "Mr. Trump").
HONORIFICS = frozenset("shri sri mr mrs ms dr sir dame sheikh madam".split())
# Small words inside a name, written in lower case between its capitalised words ("Musaed al Alban", "Mohammed
# bin Salman", "Ursula von der Leyen") or before a hyphen ("Al-Aiban"); a surname is read without them.
NAME_PARTICLES = frozenset("al el bin ibn bint abu van von der den de da di dos du".split())
# Offices that one person of a country holds at a time: two different people named with one of them, both of
# the same country, cannot both be right ("US Secretary of State X" / "US Secretary of State Y"). Deputies,
# vice premiers and staff (aides, envoys, spokespeople) come several to a government.
SINGLE_HOLDER_GROUPS = frozenset({"state", "government", "minister"})
# Staff offices that one person of a country holds at a time, unlike aides, envoys and spokespeople.
SINGLE_HOLDER_OFFICES = frozenset({"national security adviser"})

# --- which meeting ------------------------------------------------------------------------------------------------

# Nouns a meeting goes by in "their first meeting", "the second summit".
ORDINAL_NOUNS = frozenset(
    "meeting meetings summit talks encounter engagement interaction visit trip conversation call contact "
    "negotiations discussions round".split())
# Words between an ordinal and its noun that qualify it; two ordinals compare only with the same qualifiers. An
# ordinal after "a" ("the possibility of a second meeting") is not this meeting's and is not read.
ORDINAL_QUALIFIERS = frozenset(
    "in-person face-to-face direct official formal bilateral personal high-level one-on-one full-fledged "
    "formal state such annual".split())
# What frames an ordinal to a span or a place ("first meeting since 2019", "first visit in seven years", "first
# summit this year", "first trip abroad", "first engagement this morning"): such an ordinal counts within its
# frame, and two frames cannot be compared.
ORDINAL_FRAMES = (
    r"\b(?:since|in\s+(?:(?:more\s+than|over|nearly|almost|about|some|a|an|the\s+past|the\s+last|\d+|\w+)\s+)*"
    r"(?:years?|months?|weeks?|decades?|days?)|this\s+(?:year|month|week|morning|afternoon|evening|term)|"
    r"of\s+(?:[\w'’-]+\s+){0,3}?(?:year|day|trip|term|tour|visit|presidency|tenure)\b|"
    r"(?:as|since\s+becoming)\s+(?:president|prime\s+minister|premier|chancellor|leader)|in\s+office|"
    r"abroad|overseas|outside|on\s+(?:\w+\s+)?soil|within|after|ever|"
    r"in\s+the\s+(?:space|course)\s+of|"
    r"of\s+(?:the\s+)?(?:\w+\s+)?(?:summit|visit|trip|day)|under)")

# A place right after the noun, or after who made the visit, frames an ordinal too ("first visit to China", "first
# summit in Alaska", "first visit by a Chinese leader to Russia"); one further on is where this meeting was ("the
# 22nd annual summit at Hyderabad House in New Delhi").
ORDINAL_PLACE_FRAME = r"(?:by\s+(?:\S+\s+){0,4}?)?(?:to\s+(?:the\s+)?|in\s+)[A-Z]\w+"

# Words that set a sentence at another time than the news ("the 50th anniversary of Prime Minister X's visit",
# "the first leader to visit 50 years ago", "in the 1970s", "at the time"): a title there is of that time, so a
# title of now ("former prime minister X") does not contradict it.
OTHER_TIME_CUES = (
    r"\banniversar(?:y|ies)\b|\b(?:\d+|\w+)\s+(?:years?|decades?|centur(?:y|ies))\s+ago\b|"
    r"\bin\s+the\s+(?:(?:19|20)\d0s|(?:twen|thir|for|fif|six|seven|eigh|nine)ties)\b|\bat\s+the\s+time\b")

# --- which meeting a sentence's day or place belongs to ------------------------------------------------------------

# A sentence about an earlier or a side meeting ("the last time the two leaders met was in Osaka", "after meeting
# Putin in Alaska", "the governments also held a dialogue in X"): its day and place are not this meeting's.
OTHER_MEETING_CUES = (
    r"\b(?:also\s+(?:held|met|hosted|convened)|separate(?:ly)?|last\s+(?:time|met|meeting|summit|talks|visit)|"
    r"previous(?:ly)?|earlier\s+(?:meeting|summit|talks|visit))\b")
# Words that set a meeting inside a larger gathering ("met on the sidelines of the G20 summit in X", "on the
# margins of the UN General Assembly in X", "while attending a forum in X"): a place named after them, in the same
# clause, is the gathering's host city, which need not be where the two sides sat down.
SURROUNDING_EVENT_CUES = (
    r"\b(?:on|at|along)\s+the\s+(?:sidelines?|margins?|fringes?)\s+of\b|\bon\s+the\s+eve\s+of\b|"
    r"\bwhile\s+(?:attending|at|in\s+\w+\s+for)\b|\bas\s+part\s+of\b")
# ... and a day or place tied to a meeting before or after this one ("after meeting Putin in Alaska", "followed
# last Friday's summit").
PRIOR_MEETING_CUES = (
    r"\b(?:after|before|since|following|followed|follows|ahead\s+of|preceded)\s+(?:[\w'’]+\s+){0,4}?"
    r"(?:meeting|talks|summit|visit|met|meetings)\b")
# A length given after these belongs to what came before the meeting ("after wrapping up a two-day visit to
# Japan", "this meeting followed a two-day summit"; "following talks that lasted four hours" is this meeting's).
PRIOR_LENGTH_CUES = r"\b(?:followed|follows|after\s+(?:wrapping\s+up|concluding|ending|completing|finishing))\b"
# Words a weekday must stand near for it to date the meeting rather than a statement about it ("the Kremlin said
# on Tuesday"): the meeting words of compare/lang/en/cues.py less those of speaking and announcing.
SPEECH_WORDS = frozenset("announced said says told stated declared confirmed reported added agreed signed".split())
WEEKDAY_REACH = 10  # words either side of a weekday searched for a meeting word
# Verbs that date what a sentence is about, commas between them and the day allowed ("the summit took place in
# Busan, South Korea, on Thursday"; "the talks were held in the capital, Riyadh, on Tuesday").
TOOK_PLACE = r"\b(?:took|takes|taking)\s+place\b|\b(?:was|were|been)\s+held\b"
