"""Spellings of one thing written several ways: country and organisation names, British and American
spelling, quotation marks and apostrophes, accented Latin letters."""

# Country and organisation names written several ways; each family becomes one token. Matched against the raw
# text, case-sensitively ("US" is the country, "us" the pronoun); at each position the first form that matches
# wins.
NAME_VARIANTS = (
    (r"\bU\.?\s?S\.?\s?\$", " dollar "),
    (r"(?i:\bunited\s+states\s+of\s+america\b)|\bU\.\s?S\.\s?A\.|\bUSA\b", " UnitedStates "),
    (r"(?i:\bunited\s+states\b)|\bU\.\s?S\.|\bUS\b", " UnitedStates "),
    (r"(?i:\bunited\s+kingdom\b)|\bU\.\s?K\.|\bUK\b|\bBritain\b|\bGreat\s+Britain\b", " UnitedKingdom "),
    (r"(?i:\bunited\s+nations\b)|\bU\.\s?N\.|\bUN\b", " UnitedNations "),
    (r"(?i:\beuropean\s+union\b)|\bE\.\s?U\.|\bEU\b", " EuropeanUnion "),
    (r"\bS\.\s?Korea\b|(?i:\brepublic\s+of\s+korea\b)|\bROK\b", " SouthKorea "),
    (r"\bN\.\s?Korea\b|\bDPRK\b", " NorthKorea "),
    (r"(?i:\bpeople'?s\s+republic\s+of\s+china\b)|\bPRC\b", " China "),
)
# British spellings folded to the American ones (applied to lower-cased text): defence, centre, travelled,
# programme, catalogue, grey, manoeuvre, ageing, aluminium, tyre. The groups are read in this order by
# compare.similarity: -ce -> -se, -re -> -er, doubled l, -ue dropped, then whole words (BRITISH_WORDS).
BRITISH_SPELLING = (
    r"\b(?:(defen|offen|licen|preten)ce(s?)"
    r"|(cent|theat|met|lit|fib|calib|spect|lust|somb|meag|sab)re(s|d)?"
    r"|(travel|cancel|label|model|fuel|signal|total|level|channel|counsel|marshal|dial|equal|rival|tunnel)l(ed|ing|er|ers)"
    r"|(program|catalog|dialog|analog|monolog|prolog)ue(s?)"
    r"|(grey|manoeuvre|manoeuvres|ageing|aluminium|tyres?))\b"
)
BRITISH_WORDS = {"grey": "gray", "manoeuvre": "maneuver", "manoeuvres": "maneuvers", "ageing": "aging",
                 "aluminium": "aluminum", "tyre": "tire", "tyres": "tires"}
# Curly quotation marks as straight ones: two copies of a paragraph or sentence that differ only so are one.
QUOTE_FOLDS = {"’": "'", "‘": "'", "“": '"', "”": '"'}
# Apostrophe-like marks as the straight apostrophe, for reading words ("don’t", "Xi`an").
APOSTROPHE_FOLDS = {"’": "'", "‘": "'", "`": "'", "´": "'"}
# Latin letters that do not decompose into a base letter and a mark; every other accented Latin letter folds
# to its base letter by Unicode decomposition.
LATIN_LETTERS = {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "Ae",
                 "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H", "ı": "i"}
