"""What one sentence adds to the other: detail of the same claim (named when the pair agrees), or more of the
claim itself, which makes the pair partial: the other side states only part of it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from compare.lang.en.judging import CONJUNCTS, DETERMINERS, MODIFIER_OPENERS, PUNCT
from compare.judge.text import SENTENCE_CACHE
from compare.similarity import AcronymKey, acronym_key, content_tokens

# Punctuation that ends a clause at the end of a word: where an added phrase can be set off from the claim.
CLAUSE_BREAKS = ",;:)"
CLOSING_QUOTES = "\"'”’"


@lru_cache(maxsize=SENTENCE_CACHE)
def names_and_numbers(text: str) -> frozenset[str]:
    """Capitalised words past the first word, and numbers: what makes an added phrase a detail (cached: a
    sentence is compared with many)."""
    words = [w.strip(PUNCT) for w in text.split()]
    return frozenset(w for i, w in enumerate(words) if w and (w[0].isdigit() or (i > 0 and w[0].isupper())))


class Role(StrEnum):
    """What a phrase one sentence adds to the other does to the claim."""

    MODIFIER = "modifier"  # qualifies the claim: a place, a time, who said it, why ("in Naples", "officials said")
    PART = "part"  # more of the claim itself: another thing joined to it, or what the other leaves its verb without
    WORDING = "wording"  # a word of its own inside a shared phrase ("bilateral alliance", "further enhance")


@dataclass(frozen=True, slots=True)
class AddedPhrase:
    """A phrase of one sentence whose content words the other sentence lacks, as written, and its role."""

    text: str
    role: Role
    named: bool  # holds a name or a number


def added_phrases(text: str, other_text: str, acronyms) -> tuple[AddedPhrase, ...]:
    """The phrases `text` adds to `other_text`, each with what it does to the claim (see _added_phrases)."""
    return _added_phrases(text, other_text, acronym_key(acronyms))


def named_details(text: str, other_text: str, acronyms) -> tuple[str, ...]:
    """The modifiers `text` adds to `other_text` that are worth naming: those holding a name or a number, or at
    least two content words ("in Naples", "amid tensions over trade"; not a lone "in response")."""
    return _named_details(text, other_text, acronym_key(acronyms))


@lru_cache(maxsize=SENTENCE_CACHE)  # agency copy makes the same pair of texts between many pairs of sources
def _named_details(text: str, other_text: str, acronyms: AcronymKey) -> tuple[str, ...]:
    return tuple(dict.fromkeys(  # each once: a sentence can repeat a phrase ("of 1", "of 1")
        phrase.text for phrase in _added_phrases(text, other_text, acronyms)
        if phrase.role is Role.MODIFIER and (phrase.named or len(content_tokens(phrase.text, acronyms)) >= 2)
    ))


def added_parts(text: str, other_text: str, acronyms) -> tuple[str, ...]:
    """The phrases by which `text` states more of the claim than `other_text` (Role.PART), each once."""
    return _added_parts(text, other_text, acronym_key(acronyms))


@lru_cache(maxsize=SENTENCE_CACHE)
def _added_parts(text: str, other_text: str, acronyms: AcronymKey) -> tuple[str, ...]:
    return tuple(dict.fromkeys(
        phrase.text for phrase in _added_phrases(text, other_text, acronyms) if phrase.role is Role.PART
    ))


@lru_cache(maxsize=SENTENCE_CACHE)
def _added_phrases(text: str, other_text: str, acronyms: AcronymKey) -> tuple[AddedPhrase, ...]:
    """The phrases `text` adds to `other_text`, each with what it does to the claim, in the order written.

    The sentence is read clause by clause (split at commas, semicolons, colons and brackets). A clause that shares
    no content word with the other sentence is set off from the claim (an attribution, an aside), unless a
    conjunction opens it ("and cut tariffs"). Inside a clause that shares words, an added run of words is read by
    the words that open it, past any article: a preposition, subordinator or relative word opens a modifier; a
    conjunction joins more of the claim; with neither, a run that ends its clause or runs up to a modifier, after
    a shared word where the other sentence says no more ("signed in Warsaw" / "signed a defence pact in Warsaw"),
    completes what the other leaves unsaid; any other is the sentence's own wording of the claim (a subject or
    verb of its own, an adjective). A modifier opened after a name or a number inside a run is one of its own
    ("in Naples on Saturday": "in Naples", "on Saturday").
    """
    other = set(content_tokens(other_text, acronyms))
    words = text.split()
    if not set(content_tokens(text, acronyms)) - other:
        return ()
    stems = _word_stems(text, acronyms)
    extra = [bool(s) and not (set(s) & other) for s in stems]
    ends = _open_ends(other_text, acronyms)
    names = names_and_numbers(text)
    out: list[AddedPhrase] = []
    for start, end in _clauses(words):
        content = [i for i in range(start, end) if stems[i]]
        if not any(extra[i] for i in content):
            continue
        if all(extra[i] for i in content):
            lead = _lead_word(words[start:content[0]])
            role = Role.PART if lead in CONJUNCTS else Role.MODIFIER
            phrase = words[start:end]
            out.append(_phrase(phrase, role, names))
            continue
        i = start
        while i < end:
            if not extra[i]:
                i += 1
                continue
            run_start = i
            previous = max((j for j in content if j < run_start), default=None)
            while i < end and not (stems[i] and not extra[i]):
                i += 1
            run_end = max(j for j in range(run_start, i) if extra[j]) + 1
            opener = words[(start if previous is None else previous + 1):run_start]
            lead = _lead_word(opener)
            if lead in CONJUNCTS:
                # Names joined before a shared name are its title or first names ("Russian President Vladimir
                # Putin and US President Donald Trump"), not another thing joined to the claim.
                named_only = all(words[k].strip(PUNCT) in names for k in range(run_start, run_end) if stems[k])
                role = Role.WORDING if named_only and i < end else Role.PART
            elif lead in MODIFIER_OPENERS:
                role = Role.MODIFIER
            elif (previous is not None and set(stems[previous]) & ends and words[previous].strip(PUNCT) not in names
                  and (i >= end or _opens_modifier(words[run_end]) and words[run_end].lower() != "to")):
                role = Role.PART  # not after a name, which a run goes on naming; not before "to", which goes on
            else:
                role = Role.WORDING
            lead_at = next((k for k in range(len(opener)) if opener[k].lower().strip(PUNCT) == lead), len(opener))
            cuts = [k for k in range(run_start + 1, run_end)
                    if _opens_modifier(words[k]) and words[k - 1].strip(PUNCT) in names]
            for n, (a, b) in enumerate(zip([run_start, *cuts], [*cuts, run_end])):
                head = opener[lead_at:] if n == 0 else []
                out.append(_phrase(head + words[a:b], role if n == 0 else Role.MODIFIER, names))
    return tuple(out)


def _opens_modifier(word: str) -> bool:
    """Whether `word` opens a modifier of what stands before it; "of" binds its noun to the one before ("the city
    of Naples") instead."""
    bare = word.lower().strip(PUNCT)
    return bare in MODIFIER_OPENERS and bare != "of"


def _clauses(words: list[str]) -> list[tuple[int, int]]:
    """(start, end) word indexes of the clauses of a sentence split at its punctuation."""
    out, start = [], 0
    for i, word in enumerate(words):
        bare = word.rstrip(CLOSING_QUOTES) or word  # a quote closes before its clause ends: 'humanity,"'
        if bare[-1] in CLAUSE_BREAKS or word[0] in "(—–":
            end = i + 1 if bare[-1] in CLAUSE_BREAKS else i
            if end > start:
                out.append((start, end))
            start = end
    if start < len(words):
        out.append((start, len(words)))
    return out


@lru_cache(maxsize=SENTENCE_CACHE)
def _word_stems(text: str, acronyms: AcronymKey) -> tuple[tuple[str, ...], ...]:
    """The content stems of each space-separated word of `text` (cached: a sentence is compared with many)."""
    return tuple(content_tokens(w, acronyms) for w in text.split())


@lru_cache(maxsize=SENTENCE_CACHE)
def _open_ends(text: str, acronyms: AcronymKey) -> frozenset[str]:
    """The stems of the content words of `text` after which its clause says nothing more of the claim: the last of
    the clause, or one a modifier follows ("signed" in "signed in Warsaw"). What another sentence puts after one
    of them is more of the claim; after any other word, its own wording of what this sentence says there."""
    words = text.split()
    word_stems = _word_stems(text, acronyms)
    out: set[str] = set()
    for start, end in _clauses(words):
        last: tuple[str, ...] = ()
        for word, stems in zip(words[start:end], word_stems[start:end]):
            if stems:
                last = stems
            elif last and word.lower().strip(PUNCT) in MODIFIER_OPENERS:
                out.update(last)
                last = ()
            elif word.lower().strip(PUNCT) not in DETERMINERS:
                last = ()
        out.update(last)
    return frozenset(out)


def _lead_word(opener: list[str]) -> str:
    """The word that opens an added run: the last of the words before it that is not an article or the like."""
    for word in reversed(opener):
        bare = word.lower().strip(PUNCT)
        if bare and bare not in DETERMINERS:
            return bare
    return ""


def _phrase(words: list[str], role: Role, names: set[str]) -> AddedPhrase:
    text = " ".join(words).strip(",.;:—– ")
    named = any(w.strip(PUNCT) in names for w in words)
    return AddedPhrase(text, role, named)
