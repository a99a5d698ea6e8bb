"""Cue words and phrases: what marks a sentence as about the meeting, a date as someone else's, a line as the
site's rather than the story's. General news and web language, none tied to any article.

Patterns are kept as regular-expression source text; the module that uses one compiles it once.
"""

# Words that say a sentence is about the meeting itself.
MEETING_WORDS = frozenset(
    "met meet meets meeting meetings talks talked held hold holds discussion discussions discussed summit "
    "conference gathering session dialogue consultation consultations visit visited visiting hosted "
    "conversation negotiation negotiations ministerial convened gathered sidelines bilateral forum agreed "
    "signed announced welcomed".split())
# Words that say the meeting a sentence speaks of is still to come, so its date or place is not this one's:
# FUTURE_WORDS is the cheap test, FUTURE_CUES the phrases.
FUTURE_WORDS = frozenset("will plan plans planned planning scheduled held next upcoming expected agreed agree agrees "
                         "due".split())
FUTURE_CUES = (
    r"\b(?:will\s+(?:hold|meet|host|visit|take\s+place|begin|start)|plan(?:s|ned|ning)?\s+to\s+(?:hold|meet|host)|planned|"
    r"(?:agreed|agrees|agree|due)\s+to\s+(?:hold|meet|host|visit)\s+(?:\w+\s+){0,3}?in|"  # "agreed to meet in X"
    r"plans?\s+for\s+(?:\w+\s+){1,4}?to\s+(?:hold|meet|host|visit)|"  # "plans for the president to visit X"
    r"scheduled|to be held|next (?:week|month|year)|upcoming|(?:is|are) expected to (?:hold|meet)|"
    r"next\s+(?:\w+\s+){0,2}?(?:meeting|meetings|summit|talks|visit|round|encounter))\b")
# A meeting only wished for, offered or thought possible ("hopes to meet Kim", "I look forward to your meeting with
# him", "so that you can meet", "invited him to visit"): a place named after the cue is that meeting's, not the
# one reported. Lower case only, read over words without punctuation between ("in May, talks in Paris" is no cue).
WISHED_MEETING_CUES = (
    r"\b(?:hop(?:e|es|ed|ing)|wants?|wanted|wish(?:es|ed)?|(?:would|'d|’d)\s+like|willing|ready|keen|eager|"
    r"look(?:s|ed|ing)?\s+forward|may|might|could|can|invit(?:e|es|ed|ing))\s+"
    r"(?:to\s+)?(?:\w+\s+){0,4}?(?:meet|meeting|visit|host|hold|talks|summit)\b")
# Nouns after which "in X" places something other than the meeting ("the war in Ukraine", "investment in
# Alaska", "claims of genocide in X"), read one or two words before "in": fighting, violence done to people and
# what is alleged of it, unrest, and other affairs of a country a meeting may be about.
NOT_MEETING_CONTEXT = frozenset(
    "war wars conflict conflicts fighting invasion offensive crisis attack attacks strike strikes front "
    "ceasefire truce occupation troops forces killed investment investments operations presence "
    "interests election elections parade "
    "genocide violence killing killings massacre massacres atrocities abuses persecution repression crackdown "
    "unrest famine".split())
# Nouns of a state of affairs that "in X" places when they stand right before it ("lasting peace in Ukraine",
# "stability in the region"); two words back they may open a meeting's name ("a peace summit in X").
NOT_MEETING_STATE = frozenset("peace stability security".split())
# A sentence about an earlier meeting ("they last met in Kazan", "since their previous summit in Helsinki", "the
# last time they met", "since they first met"): its place is not this meeting's. "Their first meeting", "his first
# summit" are as often the news itself ("held his first summit with X at the White House"): a first meeting is an
# earlier one only when dated so (the last alternative: "their first meeting in 2019").
PAST_MEETING_CUES = (
    r"\b(?:(?:last|previous|prior|earlier)\s+(?:\w+\s+){0,2}?(?:met|meeting|meetings|summit|talks|visit|visited|encounter)"
    r"|first\s+(?:\w+\s+){0,2}?met)\b"
    r"|\bthe\s+last\s+time\b"  # "The last time the two leaders met was in 2019 at the summit in Osaka"
    r"|\b(?:met|meeting|summit|talks)\s+(?:\w+\s+){0,4}?(?:last|in)\s+(?:year|month|\d{4})\b")

# Words just before a weekday made a possessive that put its event before the report's news ("last Friday's
# summit"), read case-insensitively, ending where the weekday starts.
EARLIER_DAY_CUES = r"\b(?:last|previous|earlier)\s+$"

# Words just before a date that tie it to something other than the meeting ("took office on Oct. 1"), read
# case-insensitively up to three words before the date. None is a meeting word: what a meeting did ("signed",
# "announced") dates the meeting.
OTHER_DATE_CUES = (
    r"\b(?:office|since|until|till|before|after|elected|appointed|sworn|inaugurated|born|died|founded|"
    r"launched|established|by|deadline|from|ended|started|began|took effect|expires?|"
    r"last (?:year|month))\W+(?:\w+\W+){0,2}$")

# --- page furniture (read case-insensitively, at the start of a line unless said otherwise) ---------------------

# Calls to action of web pages, by their opening words.
CALL_TO_ACTION = (
    r"^(?:subscribe|sign\s+up|sign\s+in|log\s+in|register\s+(?:now|here|for)|follow\s+us|click\s+here|tap\s+here|"
    r"follow\s+[\w'’ .-]{1,40}?\s+on\s+(?:x|twitter|facebook|instagram|linkedin|telegram|whatsapp|youtube|tiktok|threads)\b|"
    r"download\s+(?:our|the)\s+app|get\s+(?:our|the)\s+(?:newsletter|app)|share\s+(?:this|on)|"
    r"read\s+(?:more|next|the\s+full)|listen\s+to\s+this|watch\s+(?:now|live|the\s+video)|"
    r"advertisement|sponsored|skip\s+to\s+(?:content|main))\b"
)
# A promotion of other stories, by its label and colon ("You may also like:", "May Be Interested In:", "Also read:",
# "Recommended for you:"); some pages run the colon into the promoted title ("In:I don't need ..."). The label and
# what it introduces on its line are the site's, whatever that reads like.
PROMOTION_LABEL = (
    r"^(?:(?:you\s+)?(?:may|might)\s+(?:also\s+)?(?:be\s+interested\s+in|like|enjoy)|"
    r"(?:also|must)\s+read|read\s+also|recommended(?:\s+for\s+you)?|see\s+also|don[’']?t\s+miss|"
    r"related\s+(?:stories|articles|news|posts|reading|coverage)|suggested\s+(?:reading|stories|articles)|"
    r"trending(?:\s+now)?|most\s+(?:read|popular|viewed|shared)|editor[’']?s\s+picks?)\s*:"
)
# The label of a summary section above the story ("Key Points", "Highlights", "In brief"), which pages run into the
# first point after it ("Key Points The two leaders discussed ..."): dropped when a capital opens what follows.
SECTION_LABEL = (
    r"^(?:key\s+(?:points|takeaways|facts)|takeaways|(?:story\s+)?highlights|in\s+brief|at\s+a\s+glance|summary|"
    r"quick\s+read|tl;\s?dr)\s*:?\s+(?=[\"'“‘]?(?-i:[A-Z]))"
)
# Notes of the site about the page itself.
SITE_NOTICE = (
    r"^(?:copyright\b|©|\(c\)\s*\d{4}|all\s+rights\s+reserved|editor[’']?s\s+note\b|correction\s*:|clarification\s*:|"
    r"this\s+(?:article|story|report|piece|audio|video|podcast|summary)\s+(?:was|has\s+been|is)\s+(?:produced|updated|"
    r"corrected|amended|written|published|first\s+published|originally\s+published|generated|created|read|narrated)\b"
    # an audio player's notes: "Your browser does not support the audio element.", "Listen to article (5 min)"
    r"|your\s+browser\s+does\s+not\s+support\b|listen\s+to\s+(?:the\s+)?(?:article|story)\b"
    # a live blog's notes about its entries: "All times Eastern.", "Here's the latest on the day's events."
    r"|all\s+times\s+(?:are\s+)?(?:in\s+)?(?:eastern|central|pacific|local|(?-i:[A-Z]{2,5}))\b|here[’']s\s+the\s+latest\b)"
)
# The credit line that closes an agency story ("Reporting by X; Editing by Y", "(Writing by Z)", "AP writer W
# contributed to this report."). What follows it on the page is the site's, not the story's.
CREDIT_LINE = (
    r"^\(?\s*(?:(?:additional|further)\s+)?(?:reporting|writing|editing|compiled|translated|translation|research|"
    r"graphics|production)\s+by\s+(?-i:[A-Z])"  # by a name: "Reporting by phone, ..." is a sentence
    r"|\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|article|reporting)\s*[.)]*\s*$"
)
# A photo caption: opened by a picture label ("FILE PHOTO:", "Photo:") or closed by a picture credit
# ("... Photo: Jane Doe/Agency", "... (Image: X)").
# A picture credit that closes a caption: a bracketed credit naming a picture desk ("(Pool Photo via AP)",
# "(Getty Images)", "(EPA Photo)") or a photographer and agency joined by a slash ("(Xinhua/Huang Jingwen)"), or
# an agency's capitals and a slash after the last sentence ("... 2025. REUTERS/Evelyn Hockstein/Pool"); or, anywhere
# in the line, a labelled credit ("Image Credit:") or where someone in the picture stands ("(right)", "(L)").
PICTURE_CREDIT = (
    r"\((?:[^()]*\b(?i:photos?|images?|pool)\b[^()]*|[^()/\s][^()/]{0,40}/[^()/]{1,40}(?:/[^()/]{1,40})?)\)\s*$"
    r"|[.!?]\s+[A-Z][A-Z.\- ]{1,30}/[A-Z][\w .\-]{1,40}(?:/[\w .\-]{1,40})?\s*$"
    r"|\b(?i:image|photo|picture)\s+(?i:credit|source)\s*:"  # "... /Pool Image Credit: Agency", "Image Source : AGENCY"
    # where the people in the picture stand: "The premier (right) is welcomed by the governor (Agency)", "X (L) and Y (R) meet"
    r"|\((?i:right|left|centre|center|far right|far left|second (?:left|right)|2nd (?:left|right)|L|R|C)\)"
)
CAPTION_LINE = (
    r"^(?:file\s+)?(?:photo|picture|image|photograph|caption)s?\s*:"
    # "... Photo: Jane Doe/Agency", "... Photo / Agency": the credit's label takes a colon or a slash
    r"|\b(?:photo|picture|image|photograph)s?\s*(?:credit)?\s*(?::|/(?=\s*(?-i:[A-Z])))\s*[^.:]{1,60}[)\]]?\s*$"
)
# A line that is only a picture's credit, set below its caption: a labelled credit ("Photo / Agency", "PHOTO:
# AFP", "Picture: Jane Doe"), a bracketed one ("(Getty Images)", "(Jane Doe/Agency)"), a photographer and an agency
# joined by a slash ("Jane Doe/Agency", told by the clean stage) or a picture desk's name ("Getty Images", "Pool
# Photo"). A news agency's name alone ("REUTERS") is a credit too (outlets.NEWS_AGENCIES), of the picture above it
# or of the whole story.
PICTURE_CREDIT_LINE = (
    r"^(?:photo|picture|image|photograph)s?(?:\s+credit)?\s*(?::|/(?=\s*(?-i:[A-Z])))\s*\S"
    r"|^\((?:[^()]*\b(?:photos?|images?|pictures?|pool)\b[^()]*|[^()/\s][^()/]{0,40}/[^()/]{1,40})\)$"
    r"|^(?-i:[A-Z][\w.\-]*\s+){1,2}(?-i:Images?|Photos?|Pictures)$"
)

# An embedded social-media post, as a page converted to text keeps it: its signature, the author's name, @handle
# and the post's date ("— Jane Doe (@janedoe) April 17, 2025", "- Agency (@agency) 17 April 2025"), on a line of its
# own or closing the post's line; and the post's picture or short link ("pic.twitter.com/AbC123",
# "https://t.co/AbC123"), which no story sentence carries.
SOCIAL_EMBED_SIGNATURE = (
    r"(?:^|\s)[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s+"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})\s*$"
)
SOCIAL_EMBED_LINK = r"(?<![\w.])(?:pic\.twitter\.com|(?:https?://)?t\.co)/\w+"

# A picture's credit run into the start of the story line below its picture: a bracketed credit naming a picture
# desk ("(Jane Doe/Agency via Getty Images)", "(Pool Photo)"), or a photographer and agency joined by a slash
# ("(Jane Doe/Agency)") when a second credit follows it (a bracket that closes a sentence is an aside, no credit), optionally followed by a separator and that second credit
# ("· Jane Doe via Getty Images", "| AP Photo"), before the story's capital. Read case-insensitively.
LEADING_PICTURE_CREDIT = (
    r"^(?:\((?=[^()]{{2,80}}\))[^()]*\b(?:photos?|images?|pictures?|pool)\b[^()]*(?<![.!?])\)(?:{second})?"
    r"|\([^()/\s][^()/]{{0,40}}/[^()/]{{1,40}}\){second})"
    r"\s+(?=[\"“‘]?(?-i:[A-Z]))"
).format(second=r"\s*[·•|]\s*(?:(?-i:[A-Z])[\w.'’-]*\s+){1,4}?(?:via\s+)?(?:(?-i:[A-Z])[\w.'’-]*\s+){0,3}?"
                r"(?:images?|photos?|pictures|pool)\b")

# Words a byline may hold besides the writers' names ("By Jane Doe and John Roe", "By Jane Doe, Staff Writer",
# "By Jane Doe Harbour News Service"), read in lower case: joining words and the roles and desks of a byline.
BYLINE_WORDS = frozenset(
    "and & of the for in at staff writer writers reporter reporters correspondent correspondents editor editors "
    "contributor columnist desk news service wire team room bureau".split())

# A live blog's or an itinerary's time stamp: a clock time with its "a.m."/"p.m." or a zone's capitals ("11:30 a.m.",
# "10:42 ET", "14:05 GMT", "2 PM"), or the time since a post ("2 min ago", "1 hour ago"), optionally labelled
# ("Updated 10:42 ET"). Alone on a line it is the stamp of the entry below; opening a line before a capital, the
# stamp of the entry it opens ("11:30 a.m. The envoy will arrive ...").
TIME_STAMP = (
    r"(?:(?:updated|posted|published)(?:\s+at)?\s*:?\s*)?"
    r"(?:(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)|\d{1,2}:\d{2})"
    r"(?:\s+(?-i:[A-Z]{2,5})\b|\s+local\s+time)?"
    r"|\d{1,3}\s+(?:secs?|seconds?|mins?|minutes?|hrs?|hours?)\s+ago)"
)

# --- sentence boundaries ------------------------------------------------------------------------------------------

# Verbs of an attribution that pages set after a quotation's closing mark as a sentence of its own ("... on the
# right path.' He added."), read case-insensitively.
ATTRIBUTION_VERBS = frozenset(
    "said says added adds told tells noted notes stressed stresses explained explains insisted insists replied "
    "replies remarked remarks continued continues concluded concludes wrote writes declared declares warned warns "
    "argued argues recalled recalls emphasised emphasises emphasized emphasizes observed observes acknowledged "
    "acknowledges admitted admits stated states commented comments asked asks".split())
# A line that introduces the quotation below it by a verb of saying and a colon ("Asked about the topic, Trump
# said:", "The minister told reporters:"): a sentence of the story, however short. {verbs} as in ATTRIBUTION.
QUOTATION_INTRODUCTION = r"\b(?:{verbs})(?:\s+[\w’'.-]+){{0,3}}\s*:$"
# A sentence that is only an attribution: who spoke (a pronoun, "the minister" or "a spokesman for the ministry"
# but no clause of its own, a name of up to four capitalised words), the verb, and at most whom they told or where ("told reporters", "told the BBC", "said in a statement").
# {verbs} is filled with ATTRIBUTION_VERBS.
ATTRIBUTION = (
    r"^(?:he|she|they|we|i|(?:the|a|an|his|her|their|its)"
    r"(?:\s+(?!(?:and|but|or|that|which|who|he|she|they|it|we|i)\b)[\w’'-]+){{1,4}}?"
    r"|(?-i:[A-Z])[\w’'.-]*(?:\s+(?-i:[A-Z])[\w’'.-]*){{0,3}})"
    r"\s+(?:{verbs})"
    r"(?:\s+(?:reporters|journalists|(?:the\s+)?(?:press|media|audience|crowd|parliament|lawmakers)"
    r"|(?:the\s+)?(?-i:[A-Z])[\w’'.-]*(?:\s+(?-i:[A-Z])[\w’'.-]*){{0,2}}|later|afterwards|then"
    r"|in\s+a\s+statement))?\s*[.!]$"
)
