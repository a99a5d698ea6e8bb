"""Syndicated copies: sources whose texts are (nearly) the same article, so they count once, not as agreement.

Stages of `find_copies`:
  1. fold each text (Unicode compatibility forms, case, punctuation and white space) into tokens: words, and
     single characters in scripts written without spaces (Chinese, Japanese, Korean);
  2. hash the overlapping runs of SHINGLE_TOKENS tokens ("shingles") of each text;
  3. MinHash signatures and locality-sensitive hashing bands give candidate pairs without comparing every pair;
  4. each candidate pair is checked exactly on its shingle sets, unless the two are joined already (texts with
     the same shingles are joined at once);
  5. copies are grouped (a copy of a copy is a copy), and each group's origin is its earliest published
     source, then its smallest id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from compare.models import Source
from compare.numeric import distinct_sorted, first_of_runs

# Tuned as a set on: tests/fixtures/inputs (a wire story and its copy on another site, with its dateline and
# credit line changed: containment 0.96, Jaccard 0.91; independent reports of one meeting, English and
# Japanese: containment at most 0.31) and the five seeds (independent reports, some of one meeting: containment
# at most 0.04), plus the synthetic copies in tests/test_syndication.py (a copy wrapped in a site's furniture,
# a copy trimmed from the bottom, a copy with a fifth of its sentences edited).
SHINGLE_TOKENS = 5  # 5 words: long enough that two reporters rarely write the same run independently
# Two texts are copies when the smaller shares at least COPY_CONTAINMENT of its shingles with the larger ...
COPY_CONTAINMENT = 0.8
# ... and is at least MIN_SIZE_RATIO of the larger's size: a single quoted paragraph does not make a copy.
MIN_SIZE_RATIO = 0.5

# MinHash: BANDS x ROWS hash functions. A pair is a candidate when all ROWS values of some band agree, which
# happens with probability 1 - (1 - J**ROWS) ** BANDS for Jaccard J. The weakest copy above (containment 0.8,
# size ratio 0.5) has J = 0.36: 0.998 with these numbers; unrelated articles (J < 0.01): under 0.001. Three rows
# rather than two keep independent reports of one meeting (J around 0.1-0.3) from flooding the exact check: on
# the 10,000-article benchmark corpus that cut candidates from 5.6M to under 0.5M pairs with the same copies found.
BANDS = 128
ROWS = 3
_SEED = 20241019  # fixed, so runs are reproducible
# Band candidates are only checked exactly when at least this share of all BANDS x ROWS signature values agree
# (the share estimates Jaccard similarity). The weakest copy above has J = 0.36; with 384 values the estimate's
# standard deviation there is 0.025, so 0.2 loses it with odds below one in 10**9. On the 10,000-article
# benchmark corpus this cut the exact checks from 692,000 candidate pairs (independent reports built from a
# shared pool of sentences) to a few hundred, with the same copies found.
MIN_SIGNATURE_AGREEMENT = 0.2

# Scripts written without spaces between words: each character is a token.
_NO_SPACES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_TOKEN = re.compile(rf"[{_NO_SPACES}]|[^\W{_NO_SPACES}]+")


def find_copies(sources: Sequence[Source]) -> dict[str, str]:
    """{copy_id: origin_id} for every source that is a syndicated copy of another; originals are not keys."""
    # 1.-2. texts -> shingle sets
    shingles = [_shingles(source.text) for source in sources]
    # 3.-4. candidate pairs, each checked exactly unless the two are already joined
    parent = list(range(len(sources)))
    _join_copies(shingles, parent)
    # 5. groups -> origin
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(sources)):
        groups[_find(parent, i)].append(i)
    copies: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        origin = min(members, key=lambda i: _origin_key(sources[i]))
        for i in members:
            if i != origin:
                copies[sources[i].id] = sources[origin].id
    return dict(sorted(copies.items()))


def copy_groups(copies: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """find_copies' answer turned round: {origin_id: (copy ids, sorted)}, origins sorted, for reports."""
    groups: dict[str, list[str]] = defaultdict(list)
    for copy, origin in copies.items():
        groups[origin].append(copy)
    return {origin: tuple(sorted(groups[origin])) for origin in sorted(groups)}


def tokens(text: str) -> list[str]:
    """Words of `text` with case, compatibility forms (full-width letters, ligatures), quotes and white space
    folded away; characters of scripts written without spaces count one each."""
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


def _shingles(text: str) -> np.ndarray:
    """64-bit hashes of the runs of SHINGLE_TOKENS tokens (the whole text when it is shorter), sorted, distinct.

    Each distinct token is hashed once; a run's hash is a polynomial in its tokens' hashes (modulo 2**64),
    computed for all runs at once with numpy. A numpy array rather than a set of Python ints: on a 10,000-article
    corpus the sets took 500 MB, which the process then kept.
    """
    words = tokens(text)
    if not words:
        return np.zeros(0, dtype=np.uint64)
    hashes = np.fromiter(map(_token_hash, words), dtype=np.uint64, count=len(words))
    width = min(SHINGLE_TOKENS, len(words))
    count = len(words) - width + 1
    runs = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        runs = runs * _MULTIPLIER + hashes[offset : offset + count]  # wraps modulo 2**64, as intended
    return distinct_sorted(runs)


_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd, with well-mixed bits (2**64 / golden ratio)


@lru_cache(maxsize=1 << 16)
def _token_hash(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode(), digest_size=8).digest(), "little")


def is_copy(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two shingle sets (sorted distinct hashes) are one article (see COPY_CONTAINMENT, MIN_SIZE_RATIO)."""
    if len(a) == 0 or len(b) == 0:
        return False
    small, large = sorted((len(a), len(b)))
    if small < MIN_SIZE_RATIO * large:
        return False
    both = np.concatenate((a, b))
    both.sort(kind="stable")  # two ascending runs: merged in one pass, where np.intersect1d sorts afresh
    return np.count_nonzero(both[1:] == both[:-1]) >= COPY_CONTAINMENT * small  # each value is once in a, once in b


def copies_of(a: np.ndarray, others: Sequence[np.ndarray]) -> np.ndarray:
    """is_copy(a, other) for each of `others`, worked out together (one numpy step rather than one a pair)."""
    sizes = np.array([len(other) for other in others], dtype=np.int64)
    small, large = np.minimum(sizes, len(a)), np.maximum(sizes, len(a))
    owner = np.repeat(np.arange(len(others)), sizes)
    shared = np.bincount(owner[np.isin(np.concatenate(others), a)], minlength=len(others))
    return (small > 0) & (small >= MIN_SIZE_RATIO * large) & (shared >= COPY_CONTAINMENT * small)


def _join_copies(shingles: Sequence[np.ndarray], parent: list[int]) -> int:
    """Join in `parent` (union-find) every candidate pair of texts that is_copy says is a copy: candidates are
    pairs whose MinHash signatures agree on a whole band and on at least MIN_SIGNATURE_AGREEMENT of all their
    values (an estimate of their Jaccard similarity). Returns how many pairs were checked exactly.

    The groups are those of checking every candidate pair, found with less work: texts with the same shingles
    are copies of each other and of the same others, so one of them stands for all; and a pair already joined
    through others needs no check, so a bucket whose texts are all joined is passed over. A template sent out in
    thousands of copies thus costs checks in proportion to the copies, not to their pairs.
    """
    standing: dict[bytes, int] = {}
    for i, x in enumerate(shingles):
        if len(x):
            first = standing.setdefault(x.tobytes(), i)
            if first != i:
                _union(parent, first, i)
    texts = sorted(standing.values())  # one text for each distinct set of shingles
    signatures = _signatures([shingles[i] for i in texts])
    low_bits = signatures.astype(np.uint32)  # 32 bits tell equal from unequal values just as well, at half the cost
    rejected: set[int] = set()  # pairs (first * len(texts) + other, positions in texts) found not to be copies
    text_numbers = np.array(texts, dtype=np.int64)
    members, starts, sizes = _buckets([signatures[:, band * ROWS : (band + 1) * ROWS] for band in range(BANDS)])
    # The buckets with fewest pairs, up to PAIRS_AT_ONCE pairs in all, are read as pairs at once; the rest loop.
    pairs = sizes * (sizes - 1) // 2
    by_pairs = np.argsort(pairs, kind="stable")
    at_once = np.cumsum(pairs[by_pairs]) <= PAIRS_AT_ONCE
    codes = _pair_codes(members, starts[by_pairs[at_once]], sizes[by_pairs[at_once]], len(texts))
    exact = _join_pairs(codes, shingles, text_numbers, low_bits, parent, rejected)
    for number in np.sort(by_pairs[~at_once]).tolist():
        bucket = members[starts[number] : starts[number] + sizes[number]]
        roots = np.array([_find(parent, texts[p]) for p in bucket])
        for k, first in enumerate(bucket[:-1].tolist()):
            if (roots[k:] == roots[k]).all():
                break  # the rest of the bucket is one group already
            others = bucket[k + 1 :][roots[k + 1 :] != roots[k]]
            agreeing = np.count_nonzero(low_bits[others] == low_bits[first], axis=1) >= _AGREEING_VALUES
            code = first * len(texts)
            others = [p for p in others[agreeing].tolist() if code + p not in rejected]
            if not others:
                continue
            exact += len(others)
            copies = copies_of(shingles[texts[first]], [shingles[texts[p]] for p in others])
            for p, copy in zip(others, copies.tolist()):
                if copy:
                    _union(parent, texts[first], texts[p])
                else:
                    rejected.add(code + p)
            if copies.any():
                roots = np.array([_find(parent, texts[p]) for p in bucket])
    return exact


# Buckets are read as pairs all at once, fewest pairs first, up to this many pairs in all (nearly every bucket of
# ordinary news: 3.4 million pairs on 10,000 generated articles): one numpy step over all of them costs less
# than a loop per bucket, and 4 million pairs keep the arrays under 100 MB. Larger buckets (a template in
# thousands of copies) go through the loop that passes over texts already joined.
PAIRS_AT_ONCE = 4_000_000
# Pairs whose signatures are compared in one numpy step: 10,000 x 384 values keep a step's arrays under 40 MB.
PAIRS_PER_STEP = 10_000
# MIN_SIGNATURE_AGREEMENT as a count: the fewest of the BANDS x ROWS values that make that share.
_AGREEING_VALUES = next(n for n in range(BANDS * ROWS + 1) if n / (BANDS * ROWS) >= MIN_SIGNATURE_AGREEMENT)


def _pair_codes(members: np.ndarray, starts: np.ndarray, sizes: np.ndarray, count: int) -> np.ndarray:
    """The pairs (i < j) of texts sharing one of the buckets members[start : start + size], each coded as
    i * count + j, each distinct pair once, ascending."""
    codes = np.empty(int((sizes * (sizes - 1) // 2).sum()), dtype=np.int64)
    filled = 0
    for size in distinct_sorted(sizes).tolist():
        rows = members[starts[sizes == size][:, None] + np.arange(size)]  # one row per bucket of this size
        for i in range(size - 1):  # each bucket's i-th text with every later one: no array larger than `codes`
            block = codes[filled : filled + len(rows) * (size - 1 - i)].reshape(len(rows), size - 1 - i)
            np.multiply(rows[:, i : i + 1], count, out=block)
            block += rows[:, i + 1 :]
            filled += block.size
    codes.sort()
    return codes[first_of_runs(codes)]


def _join_pairs(codes: np.ndarray, shingles: Sequence[np.ndarray], text_numbers: np.ndarray,
                low_bits: np.ndarray, parent: list[int], rejected: set[int]) -> int:
    """Pairs of texts (coded as in _pair_codes, positions in `text_numbers`) whose signatures agree on at least
    MIN_SIGNATURE_AGREEMENT of their values are checked exactly, in order, unless already joined. Returns how
    many pairs were checked exactly."""
    # Equal values have equal low 8 bits, so pairs agreeing on too few of those cannot agree on enough of the
    # 32 bits: most pairs are set aside at a quarter of the cost, and the rest counted on 32 bits.
    lowest_bits = low_bits.astype(np.uint8)
    texts = text_numbers.tolist()
    exact, roots = 0, None
    for chunk in range(0, len(codes), PAIRS_PER_STEP):  # each step's arrays stay small, however many pairs
        part = codes[chunk : chunk + PAIRS_PER_STEP]
        if roots is None:
            roots = _roots(parent)[text_numbers]
        first, other = np.divmod(part, len(texts))
        part = part[roots[first] != roots[other]]  # a template's copies: joined by the first few of their pairs
        first, other = np.divmod(part, len(texts))
        part = part[np.count_nonzero(lowest_bits[first] == lowest_bits[other], axis=1) >= _AGREEING_VALUES]
        first, other = np.divmod(part, len(texts))
        part = part[np.count_nonzero(low_bits[first] == low_bits[other], axis=1) >= _AGREEING_VALUES]
        for code in part.tolist():
            a, b = divmod(code, len(texts))
            if _find(parent, texts[a]) == _find(parent, texts[b]):
                continue
            exact += 1
            if is_copy(shingles[texts[a]], shingles[texts[b]]):
                _union(parent, texts[a], texts[b])
                roots = None
            else:
                rejected.add(code)
    return exact


def _buckets(bands: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows with the same values in one band, for every value held by two or more rows in a band: `members`
    holds each band's rows in order of their values, and the rows of one such value (ascending) are
    members[start : start + size] for one (start, size) of `starts` and `sizes`."""
    members, starts, sizes = [], [], []
    for number, band in enumerate(bands):
        values = np.ascontiguousarray(band).view(np.dtype((np.void, band.dtype.itemsize * band.shape[1]))).ravel()
        order = np.argsort(values, kind="stable")
        ordered = values[order]
        first = np.flatnonzero(np.concatenate([[True], ordered[1:] != ordered[:-1]]))
        size = np.diff(np.concatenate([first, [len(order)]]))
        members.append(order)
        starts.append(first[size > 1] + number * len(order))
        sizes.append(size[size > 1])
    if not members:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(members), np.concatenate(starts), np.concatenate(sizes)


def _signatures(shingles: Sequence[np.ndarray]) -> np.ndarray:
    """MinHash signatures, one row of BANDS x ROWS values per text (each text has at least one shingle)."""
    rng = np.random.default_rng(_SEED)
    count = BANDS * ROWS
    # h(x) = a*x + b modulo 2**64 with odd a: a different permutation of the 64-bit shingle hashes per row
    a = rng.integers(1, 2**63, size=count, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 2**63, size=count, dtype=np.uint64)
    signatures = np.full((len(shingles), count), np.iinfo(np.uint64).max, dtype=np.uint64)
    for index, x in enumerate(shingles):
        for at in range(0, len(x), SIGNATURE_CHUNK):
            hashed = np.multiply.outer(a, x[at : at + SIGNATURE_CHUNK])  # wraps modulo 2**64
            hashed += b[:, None]
            np.minimum(signatures[index], hashed.min(axis=1), out=signatures[index])
    return signatures


# A text's shingles are hashed BANDS x ROWS times: all at once, a 2 MB text of 300,000 shingles took 900 MB.
# In runs of this many shingles the hashing holds at most 50 MB, whatever the text's length.
SIGNATURE_CHUNK = 1 << 14


def _origin_key(source: Source) -> tuple[bool, str, str]:
    """Earliest published first (unknown dates last), then smallest id."""
    return (source.published is None, source.published or "", source.id)


def _roots(parent: list[int]) -> np.ndarray:
    """_find of every element at once (leaving `parent` as it is)."""
    roots = np.array(parent, dtype=np.int64)
    while True:
        above = roots[roots]
        if (above == roots).all():
            return roots
        roots = above


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: list[int], i: int, j: int) -> None:
    root_i, root_j = _find(parent, i), _find(parent, j)
    if root_i != root_j:
        parent[max(root_i, root_j)] = min(root_i, root_j)
