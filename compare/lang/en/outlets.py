"""Who published a story, as its text names it: news agencies and their credits, official mastheads, and the
second-level labels under which a country registers domains. General lists, none tied to any article."""

# News agencies and the names their credits go by ("(Reuters)", "— AFP", "JIJI Press" on a line of its own):
# each spelling -> the name shown. Matched case-insensitively as whole words.
NEWS_AGENCIES = {
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "associated press": "Associated Press",
    "the associated press": "Associated Press",
    "ap": "Associated Press",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "afp": "AFP",
    "bloomberg": "Bloomberg",
    "bloomberg news": "Bloomberg",
    "kyodo": "Kyodo News",
    "kyodo news": "Kyodo News",
    "jiji": "Jiji Press",
    "jiji press": "Jiji Press",
    "xinhua": "Xinhua",
    "xinhua news agency": "Xinhua",
    "yonhap": "Yonhap",
    "yonhap news agency": "Yonhap",
    "dpa": "dpa",
    "ansa": "ANSA",
    "tass": "TASS",
    "interfax": "Interfax",
    "irna": "IRNA",
    "kcna": "KCNA",
    "deutsche presse-agentur": "dpa",
    "efe": "EFE",
    "ria novosti": "RIA Novosti",
    "anadolu": "Anadolu Agency",
    "anadolu agency": "Anadolu Agency",
    "press trust of india": "Press Trust of India",
    "pti": "Press Trust of India",
    "antara": "Antara",
    "bernama": "Bernama",
    "vietnam news agency": "Vietnam News Agency",
    "philippine news agency": "Philippine News Agency",
    "korean central news agency": "KCNA",
    "central news agency": "Central News Agency",
    "aap": "AAP",
    "australian associated press": "AAP",
    "canadian press": "The Canadian Press",
    "the canadian press": "The Canadian Press",
    "pa media": "PA Media",
    "press association": "PA Media",
    "keystone-sda": "Keystone-SDA",
    "saudi press agency": "Saudi Press Agency",
    "korean central news agency": "KCNA",
    "news agency of nigeria": "News Agency of Nigeria",
    "kenya news agency": "Kenya News Agency",
    "upi": "UPI",
    "united press international": "UPI",
}

# A credit inside a line: the agency's name in parentheses, as a dateline ("TOKYO (Reuters) -") or a citation
# ("..., the news agency (Kyodo) reported") gives it; or after a dash closing the line ("... — Reuters").
CREDIT_IN_PARENTHESES = r"\(\s*(?P<name>[A-Za-z][\w .&'’-]{0,40}?)\s*\)"
CREDIT_AFTER_DASH = r"\s[—–-]{1,2}\s*(?P<name>[A-Za-z][\w .&'’-]{0,40}?)\s*\.?\s*$"
# Words a standalone credit line may open with: "Source: Reuters", "By AFP", "© Kyodo", "(c) dpa".
CREDIT_OPENERS = r"^(?:source\s*:|by\s+|©|\(c\)|copyright\s+(?:\d{4}\s+)?)?\s*"

# An official masthead: a line of its own near the top naming a ministry, department or office
# ("Ministry of Defense", "U.S. Department of State", "Prime Minister's Office of Japan").
MASTHEAD_LINE = (
    r"^(?:the\s+)?(?:[A-Z][\w.’']*\s+){0,3}"
    r"(?:(?:Ministry|Department|Office|Bureau|Secretariat)\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w’'.&,-]*"
    r"(?:\s+(?:and\s+|of\s+|for\s+|the\s+)*[A-Z][\w’'.&,-]*){0,6}"
    r"|Prime\s+Minister['’]s\s+Office(?:\s+of\s+[A-Z]\w+)?|The\s+White\s+House|Cabinet\s+Office)$"
)

# Second-level labels under which country-code domains register names ("yomiuri.co.jp", "bbc.co.uk"): the
# registered domain then has three labels, not two.
SECOND_LEVEL_LABELS = frozenset("co com net org gov go or ne ac edu gob gouv govt mil nic ltd plc".split())
