"""How people's names and titles are written: what varies without naming someone else."""

# Given names and the short forms news copy uses for them; each group names one person's first name.
NICKNAMES = (
    "michael mike", "stephen steven steve", "william bill will", "robert bob rob bobby", "james jim jimmy",
    "thomas tom", "joseph joe", "richard dick rick", "anthony tony", "andrew andy", "daniel dan danny",
    "david dave", "christopher chris", "alexander alex sasha", "alexei alexey aleksei aleksey",
    "sergei sergey", "andrei andrey", "dmitry dmitri dmitriy", "yuri yury yuriy", "nikolai nikolay",
    "mikhail michail", "gennady gennadiy", "valery valeriy valeri", "abdullah abdallah",
    "mohammed muhammad mohammad mohamed", "elizabeth liz", "katherine kate catherine",
    "margaret maggie", "jennifer jen", "patrick pat", "edward ed ted", "charles charlie", "kenneth ken",
    "lawrence larry", "samuel sam", "peter pete", "matthew matt", "nicholas nick", "jonathan jon",
    "gregory greg", "timothy tim", "ronald ron", "donald don", "gerald gerry", "jeffrey jeff", "philip phil",
)
# Spellings that transliterate one letter run of another alphabet (Cyrillic, Arabic, Chinese) two ways; a
# name read with the left form in place of the right one is the same name ("Zelenskyy", "Zelenskiy",
# "Zelensky"; "Sergei", "Sergey").
TRANSLITERATIONS = (
    ("yy", "y"), ("iy", "y"), ("ii", "y"), ("ey", "ei"), ("ei", "i"), ("yu", "iu"), ("ya", "ia"), ("kh", "h"),
    ("zh", "j"), ("ou", "u"), ("ee", "i"), ("ph", "f"), ("w", "v"), ("-", ""), ("'", ""),
)
# Letters romanisations of one given name disagree on (Cyrillic vowels are written several ways: "Vladimir" /
# "Volodymyr", "Dmitry" / "Dmytro", "Pavel" / "Pavlo"): given names whose other letters agree are one name.
ROMANISED_VOWELS = "aeiouy"
# Spellings English-language copy writes one given name with ("Antony" / "Anthony", "Phillip" / "Philip", "Marc" /
# "Mark", "Sara" / "Sarah", "Elisabeth" / "Elizabeth"): each pattern (a regular expression over the lower-cased name,
# transliterations already folded) is read as its replacement, in this order, and given names that then read alike,
# or differ only in ROMANISED_VOWELS, are one name. Surnames are never folded so: a surname written otherwise is a
# garbled name ("Whitkoff" / "Witkoff", "Mertz" / "Merz").
GIVEN_NAME_SPELLINGS = (
    ("ph", "f"),  # Stephen / Stefen, Josephine / Josefine
    ("th", "t"),  # Anthony / Antony, Theresa / Teresa, Matthew / Mattew
    ("ch(?=[rl])", "k"),  # Christina / Kristina, Christoph / Kristof
    ("c(?![eiyh])", "k"),  # a hard c: Marc / Mark, Carl / Karl, Nicolas / Nikolas, Erick / Erik (ck -> kk)
    ("(?<=[aeiou])h(?![aeiouy])", ""),  # an h that closes a syllable: Sarah / Sara, John / Jon, Hannah / Hanna
    ("z", "s"),  # Elizabeth / Elisabeth, Isabel / Izabel
    ("x", "ks"),  # Alex / Aleks, Maxim / Maksim
    ("y", "i"),  # Bryan / Brian, Lindsey / Lindsei
    (r"(.)\1", r"\1"),  # a doubled letter: Phillip / Philip, Matthew / Mathew, Mohammed / Mohamed, Allan / Alan
)
# Abbreviated titles written with a full stop before a name ("Mr. Kim", "Sen. Smith"): the stop ends no
# sentence there, whatever the segmenter makes of the name after it.
TITLE_ABBREVIATIONS = frozenset("mr mrs ms messrs dr prof gen adm col lt maj capt sgt sen rep gov rev hon st mme".split())
# Titles, offices and honorifics written before a name, in the capitalised form they take there; a change of
# title alone ("Aide" / "Adviser") does not name someone else.
TITLE_WORDS = frozenset("""
mr mrs ms miss dr sir dame lord lady prof professor pm gen general adm admiral col colonel lt maj major capt
captain sgt president vice prime premier minister ministers secretary deputy chief head director chairman
chairwoman chair spokesman spokeswoman spokesperson aide aides adviser advisor advisers advisors envoy
special senior assistant ambassador chancellor king queen prince princess crown emperor sheikh sultan
emir governor mayor senator sen rep representative congressman congresswoman speaker leader leaders foreign
defense defence interior finance trade economy commerce justice state national security presidential
federal executive first former acting interim official officials counterpart counterparts commander
marshal his her their excellency honourable honorable ministry affairs relations office administration staff
cabinet council committee commission department delegate delegation
""".split())
