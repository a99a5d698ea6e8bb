"""Place names: variants and exonyms of cities, words inside place names, and labels that are not places.

Countries, their capitals and demonyms are in gazetteer.tsv beside this file.
"""

# Canonical English names for common variants and exonyms of major places. Keys are folded (lower case,
# no accents); a name not listed is only title-cased.
PLACE_VARIANTS = {
    "napoli": "Naples", "roma": "Rome", "milano": "Milan", "torino": "Turin", "firenze": "Florence",
    "venezia": "Venice", "genova": "Genoa", "muenchen": "Munich", "munchen": "Munich", "koeln": "Cologne",
    "koln": "Cologne", "wien": "Vienna", "praha": "Prague", "warszawa": "Warsaw", "kyiv": "Kyiv", "kiev": "Kyiv",
    "lisboa": "Lisbon", "bruxelles": "Brussels", "brussel": "Brussels", "den haag": "The Hague",
    "the hague": "The Hague", "s-gravenhage": "The Hague", "hague": "The Hague", "kobenhavn": "Copenhagen",
    "moskva": "Moscow", "sankt-peterburg": "Saint Petersburg", "st. petersburg": "Saint Petersburg",
    "st petersburg": "Saint Petersburg", "genf": "Geneva", "geneve": "Geneva", "athina": "Athens",
    "athinai": "Athens", "beograd": "Belgrade", "bucuresti": "Bucharest", "sevilla": "Seville", "zurich": "Zurich",
    "peking": "Beijing", "canton": "Guangzhou", "bombay": "Mumbai", "calcutta": "Kolkata", "madras": "Chennai",
    "saigon": "Ho Chi Minh City", "rangoon": "Yangon", "new delhi": "New Delhi", "delhi": "New Delhi",
    "tokio": "Tokyo", "al-quds": "Jerusalem", "washington, d.c.": "Washington", "washington d.c.": "Washington",
    "washington dc": "Washington", "new york city": "New York", "nyc": "New York",
    "ciudad de mexico": "Mexico City", "mexico df": "Mexico City", "sao paulo": "Sao Paulo", "krakow": "Krakow",
    "cracow": "Krakow", "gdansk": "Gdansk", "danzig": "Gdansk", "la haye": "The Hague", "londres": "London",
    "hanoi": "Hanoi", "ha noi": "Hanoi", "seoul": "Seoul",
}  # fmt: skip
# Lower-case words inside place names ("Rio de Janeiro", "Dar es Salaam", "Port of Spain").
PLACE_PARTICLES = frozenset("al am da das de del della des di do dos du el es im la le of sur upon y".split())
# Regions a meeting can be said to be "in" that are weaker evidence than a city, like a country.
REGIONS = frozenset({
    "africa", "asia", "central asia", "east asia", "europe", "korea", "latin america", "middle east",
    "north america", "south america", "south asia", "southeast asia",
})  # fmt: skip
# What a place is called before its name ("the Black Sea resort of Varna", "the port city of Durres"), after any
# capitalised words ("the Italian city of", "Russia's Black Sea resort of"), with an optional plain word first.
SETTLEMENT_NOUNS = frozenset({"capital", "city", "island", "port", "resort", "town", "village"})
SETTLEMENT_ADJECTIVES = frozenset({
    "border", "central", "coastal", "eastern", "holiday", "lakeside", "mountain", "northern", "port", "resort",
    "seaside", "southern", "western",
})  # fmt: skip
# Upper-case words that open a paragraph like a dateline but are labels, not places ("UPDATE: ...").
NOT_PLACES = frozenset({
    "a", "advertisement", "analysis", "breaking", "breaking news", "ceo", "cfo", "clarification", "comment", "correction", "editor's note", "editorial", "editors note", "exclusive", "explainer", "fact check", "factbox", "faq", "full text", "graphic", "i", "interview", "listen", "live", "live updates", "more", "note", "opinion", "photo", "photos", "podcast", "poll", "ps", "q", "read", "read more", "related", "review", "see also", "source", "sources", "summary", "timeline", "tl;dr", "transcript", "update", "updated", "video", "warning", "watch"
})  # fmt: skip
# Words a capitalised run after "in" can start with that are not a place ("In addition", "in the spring");
# month and weekday names are not places either.
NOT_PLACE_WORDS = frozenset({
    "a", "addition", "an", "autumn", "brief", "fact", "fall", "general", "her", "his", "its", "light", "my", "order", "our", "particular", "person", "response", "short", "spring", "summer", "that", "the", "their", "this", "total", "winter"
})  # fmt: skip
# Words that open a person's name, never a place: "in President Lee's words" is no meeting place.
PERSON_TITLES = frozenset({
    "ambassador", "chancellor", "crown", "dr", "emir", "envoy", "foreign", "general", "gen", "governor", "king", "leader", "minister", "mr", "mrs", "ms", "premier", "president", "prime", "prince", "queen", "secretary", "senator", "sheikh", "speaker", "spokesman", "spokeswoman", "sultan", "vice"
})  # fmt: skip
# Capitalised words that close a run after "in" but belong to the sentence, not the name ("in Alaska On ...").
NOT_PLACE_TAIL = frozenset({"and", "as", "at", "but", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"})
# Languages, which follow "in" as places do ("said in English"); those named like a people ("Chinese") are the
# gazetteer's demonyms.
LANGUAGE_NAMES = frozenset({"arabic", "english", "farsi", "hebrew", "hindi", "mandarin", "persian", "swahili", "urdu"})
