"""Negations and what they deny: the predicate a sentence negates, what it states as fact, and whether it denies
in other words."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from compare.judge.hedges import unclear_detail, uncertain_whether
from compare.judge.text import SENTENCE_CACHE, tokens
from compare.lang.en.judging import (
    BE_FORMS, CLAUSE_ENDS, CONTRAST_CUES, CONTRAST_TURNS, DEBUNKINGS, DENIALS, DENYING_CUES, DENYING_VERBS,
    FORECAST_ENDS, GOING_TO_FUTURE, INTENT_VERBS, MODALS, NEGATING_VERBS, NEGATION_FOCUS, NEGATIONS, NO_ONE, OPPOSITES,
    POSSIBLE, PREDICATIVE_DENIALS, TOKEN, UNASSERTED_OPENERS, UNCERTAIN_WHETHER, UNCLEAR_DETAIL, VERB_NEGATIONS,
)
from compare.lang import LEXICON
from compare.similarity import AcronymKey, acronym_key, content_tokens

# A negation only counts when a word the two sentences share follows it within this many words, in its clause.
NEGATION_WINDOW = 4
# A denial reaches the claim it denies, which follows in a that-clause: "denied reports that Manila had asked
# for warships" denies the asking. Its reach is the rest of its clause, up to this many words.
DENIAL_REACH = 12
# ... and only when the other sentence shares at least this share of the negated clause's content words: the
# two must be saying something about the same thing for one to deny what the other affirms. Tuned with the
# tests in tests/rules/test_polarity.py and on the benchmark corpus (bench/generate.py), where without it 62 pairs such
# as "quotas were not talked about" / "the talks lasted 90 minutes" came out as polarity conflicts. The same share
# of one clause of the affirming sentence must lie in the negated clause (`asserted_in_matched_clause`).
NEGATED_CLAUSE_SHARED = 0.5
# ... and at least this many of its words: one word in common ("which he called a roadblock") does not make a
# clause about what another denies ("no roadblocks on rare earths").
CLAUSE_MATCH_MIN_WORDS = 2


@lru_cache(maxsize=SENTENCE_CACHE)
def _written_tokens(text: str) -> tuple[str, ...]:
    """The tokens of `text` as written, with any "not clear whether" phrase taken out (a phrase of doubt denies
    nothing) and a claim called untrue read as denied (DEBUNKINGS); `_negations` reads them lower-cased,
    `negated_words` as written, to tell names and numbers."""
    if uncertain_whether(text):
        text = UNCERTAIN_WHETHER.sub(" ", text)
    if unclear_detail(text):
        text = UNCLEAR_DETAIL.sub(" ", text)  # "not clear when" denies nothing
    if "o one" in text or "o-one" in text:
        text = NO_ONE.sub(r"\1obody", text)
    if "going to" in text:  # "is not going to change" says "will not change": neither denies nor shares a "going"
        text = GOING_TO_FUTURE.sub("will ", text)
    if " that " in text:  # every claim called untrue is a that-clause
        for pattern, denial in DEBUNKINGS:  # "reports that X were false" denies X as "denied reports that X" does
            text = pattern.sub(denial, text)
    return tuple(TOKEN.findall(text.replace("’", "'")))


@lru_cache(maxsize=SENTENCE_CACHE)
def _negations(text: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The lower-cased tokens of `text` with any "not clear whether" phrase taken out, and where its negations
    stand (once per sentence: a sentence is judged against a counterpart in every other source of its event). The
    second word of a contrast ("rather than", "instead of") is a negation of what follows."""
    toks = tuple(t.lower() for t in _written_tokens(text))
    found = [
        i for i, tok in enumerate(toks)
        if (tok in NEGATIONS and not (tok == "not" and i + 1 < len(toks) and toks[i + 1] == "only"))
        or (i > 0 and CONTRAST_CUES.get(toks[i - 1]) == tok)
        or (i > 0 and tok in PREDICATIVE_DENIALS and toks[i - 1] in BE_FORMS)  # "the deal is off"
    ]
    return toks, _uncancelled(toks, found)


@lru_cache(maxsize=1)
def _verb_stems() -> dict[str, str]:
    """Stems of irregular verb forms and of nouns the stemmer leaves apart -> the stem of their verb ("held" ->
    "hold", "agreement" -> "agree")."""
    out = {}
    for form, verb in (*LEXICON.verb_forms.items(), *LEXICON.nominalizations.items()):
        form_stems, verb_stems = content_tokens(form), content_tokens(verb)
        if form_stems and verb_stems and form_stems[0] != verb_stems[0]:
            out[form_stems[0]] = verb_stems[0]
    return out


def _verb(stem: str) -> str:
    """A stem with an irregular verb form read as its verb: a denial of "hold" meets an affirmation of "held"."""
    return _verb_stems().get(stem, stem)


def verbs_folded(stems) -> frozenset[str]:
    """Stems with irregular verb forms read as their verb: what two sentences share as predicates ("held" and
    "hold" are one)."""
    return frozenset(map(_verb, stems))


def predicate_stem(word: str, acronyms) -> str | None:
    """The stem `negated_words`, `asserted` and `negation_targets` compare a word by (irregular forms folded)."""
    stems = content_tokens(word, acronyms)
    return _verb(stems[0]) if stems else None


def _passive_denial(toks: Sequence[str], i: int) -> bool:
    """A negating verb after a form of "be" ("the press conference was canceled", "the deal is off"): it denies its
    whole clause."""
    return (toks[i] in NEGATING_VERBS or toks[i] in PREDICATIVE_DENIALS) and i > 0 and toks[i - 1] in BE_FORMS


def _reach(toks: Sequence[str], i: int) -> range:
    """Where the negation at toks[i] can reach: its clause, up to its window (a denial's: its that-clause)."""
    end = min(len(toks), i + 1 + (DENIAL_REACH if toks[i] in DENIALS else NEGATION_WINDOW))
    for k in range(i + 1, end):
        if toks[k] in CLAUSE_ENDS:
            return range(i + 1, k)  # "were not discussed, the ministry said": not past the clause
    return range(i + 1, end)


def _uncancelled(toks: Sequence[str], found: list[int]) -> tuple[int, ...]:
    """Negations left once each one that another negation follows closely, in its clause, is cancelled with
    it: "denied that Oslo had rejected the proposal" says Oslo did not reject it, "failed to reject" likewise."""
    kept: list[int] = []
    k = 0
    while k < len(found):
        i = found[k]
        following = found[k + 1] if k + 1 < len(found) else None
        if (following is not None and following - i <= NEGATION_WINDOW
                and not any(t in CLAUSE_ENDS for t in toks[i + 1 : following])):
            k += 2  # a negated negation
            continue
        kept.append(i)
        k += 1
    return tuple(kept)


def negated_words(text: str, shared: set[str], acronyms) -> list[str]:
    """Shared predicates the negations of `text` deny, e.g. "did not discuss X" -> ["discuss"].

    A negation denies its predicate: the first content word after the cue, adverbs in -ly skipped ("did not
    immediately say"), not any word further on ("there were no roadblocks on rare earths" denies the roadblocks,
    not the rare earths). A name or a number is never what is denied ("rejected a Tanzanian proposal" denies the
    proposal). A denial ("denied reports that ...") reaches on into its that-clause. A negating verb in the passive
    ("the deal was scrapped") denies its whole clause, which `negation_targets` reads; it is no claim of its own.
    """
    toks, positions = _negations(text)
    written = _written_tokens(text)
    about_shared = _negated_clauses_about(text, shared, acronyms)
    shared_verbs = verbs_folded(shared) if positions else frozenset()
    hits = []
    for i, negated in zip(positions, about_shared):
        if not negated or _passive_denial(toks, i):
            continue  # "Fishing quotas were not talked about" says nothing of "the talks lasted 90 minutes"
        denial = toks[i] in DENIALS
        contrast = i > 0 and CONTRAST_CUES.get(toks[i - 1]) == toks[i]
        for k in _reach(toks, i):
            if not written[k][:1].isalpha() or written[k][:1].isupper():
                if contrast:
                    break  # "10% instead of 20%", "Oslo rather than Rome": names or figures set against each other
                continue  # a name, a number or a sign qualifies what is denied ("rejected a Danish proposal")
            stems = content_tokens(toks[k], acronyms)
            if stems and _verb(stems[0]) in shared_verbs:
                hits.append(toks[k])
                break
            if not stems or toks[k].endswith("ly"):
                continue
            if not denial:
                break  # the predicate is not shared: this negation denies something the other side does not say
    return hits


def focused_circumstance(text: str, word: str, other: str) -> str | None:
    """The circumstance a negation of `word` in `text` denies instead of the act, when `other` does not state it:
    a phrase of NEGATION_FOCUS after the predicate, in its clause and within DENIAL_REACH words ("chose not to call
    him in front of the leaders" / "interrupted the meeting to place a call to him" -> "in front of"). None when
    the denial has no such phrase, or the other sentence states the act with it too."""
    phrase = _focus_after(text, word)
    if phrase is None or f" {phrase} " in f" {' '.join(tokens(other))} ":
        return None
    return phrase


@lru_cache(maxsize=SENTENCE_CACHE)
def _focus_after(text: str, word: str) -> str | None:
    toks, positions = _negations(text)
    for i in positions:
        for k in _reach(toks, i):
            if toks[k] != word:
                continue
            after = []
            for tok in toks[k + 1 : k + 1 + DENIAL_REACH]:
                if tok in CLAUSE_ENDS or tok in CONTRAST_TURNS:
                    break
                after.append(tok)
            words = f" {' '.join(after)} "
            found = next((phrase for phrase in NEGATION_FOCUS if f" {phrase} " in words), None)
            if found:
                return found
    return None


@lru_cache(maxsize=SENTENCE_CACHE)
def denied_names(text: str, word: str) -> tuple[str, ...]:
    """The names a denial of `word` is about: the capitalised words after `word` in its clause, once a negation
    stands before it there ("no discussion about the Taiwan issue" -> ("Taiwan",)). A denial about a name the other
    sentence never names denies something it does not say."""
    toks, positions = _negations(text)
    written = _written_tokens(text)
    for i in positions:
        for k in range(i + 1, len(toks)):
            if toks[k] in CLAUSE_ENDS:
                break
            if toks[k] != word:
                continue
            names = []
            for j in range(k + 1, len(toks)):
                if toks[j] in CLAUSE_ENDS or toks[j] in CONTRAST_TURNS:
                    break
                if written[j][:1].isupper():
                    names.append(written[j])
            return tuple(names)
    return ()


def negation_targets(text: str, acronyms) -> frozenset[str]:
    """Stems of every word a negation of `text` reaches, whatever the other sentence says: all it denies (a
    passive negating verb denies its whole clause)."""
    return _negation_targets(text, acronym_key(acronyms))


@lru_cache(maxsize=SENTENCE_CACHE)
def _negation_targets(text: str, acronyms: AcronymKey) -> frozenset[str]:
    toks, positions = _negations(text)
    clause_of, clause_words = _negated_clauses(text, acronyms)
    found: set[str] = set()
    for i, clause in zip(positions, clause_of):
        if _passive_denial(toks, i):
            found.update(map(_verb, clause_words[clause]))  # "the press conference was canceled": all of it is off
            continue
        for k in _reach(toks, i):
            found.update(map(_verb, content_tokens(toks[k], acronyms)))
    return frozenset(found)


def asserted(text: str, word: str, acronyms) -> bool:
    """Whether `text` states `word` as fact somewhere: not only under a condition ("when he is ready", "if a
    deal were signed"), as a possibility ("could sign") or an intention ("planned to sign", "traveled to Washington
    to sign", "a potential press conference", or anything a modal's forecast reaches over the commas of a list:
    "could last hours, including a joint press conference"), and not only in a clause that holds a negation: after it ("did not
    sign a natural resources agreement", "no agreement was signed") up to a turn to another claim ("but"), or
    before a negation of a verb, as what it is said of ("officials were not present" states no presence of
    officials)."""
    stem = predicate_stem(word, acronyms)
    return stem is not None and any(stem in stated for stated in _asserted_stems(text, acronym_key(acronyms)))


@lru_cache(maxsize=SENTENCE_CACHE)
def _asserted_stems(text: str, acronyms: AcronymKey) -> tuple[frozenset[str], ...]:
    """Stems of the words `text` states as fact (see `asserted`), clause by clause as `_clauses` gives them, found
    in a pass over its tokens and one over its negations."""
    toks, positions = _negations(text)
    written = _written_tokens(text)
    denied = bytearray(len(toks))
    denied_to = 0  # where the last negation's forward reading stopped: each token is read by at most one
    for i in positions:
        if i >= denied_to:
            k = i + 1
            while k < len(toks) and toks[k] not in CLAUSE_ENDS and toks[k] not in CONTRAST_TURNS:
                denied[k] = 1
                k += 1
            denied_to = k
        k = i - 1 if toks[i] in VERB_NEGATIONS else -1
        while k >= 0 and toks[k] not in CLAUSE_ENDS and toks[k] not in CONTRAST_TURNS and not denied[k]:
            denied[k] = 1  # what the negation is said of, back to the clause's start or what an earlier one marked
            k -= 1
    clauses: list[set[str]] = []  # per clause that holds a token, as _clauses counts them
    start, opened, intended = 0, False, False  # the clause so far: its start, a conditional opener, an intention verb
    forecast = False  # a modal so far, not negated, its reach not ended: "could last hours, including a meeting"
    for k, tok in enumerate(toks):
        if tok in FORECAST_ENDS or tok in CONTRAST_TURNS:
            forecast = False
        if tok in CLAUSE_ENDS:
            start, opened, intended = k + 1, False, False
            continue
        if k == start:
            clauses.append(set())
        found = clauses[-1]
        if not (denied[k] or opened or forecast):
            modal = any(t in MODALS or t in POSSIBLE for t in toks[max(start, k - 2) : k])
            meant = intended and "to" in toks[max(start, k - 3) : k]
            if not (modal or meant):
                found.update(map(_verb, content_tokens(tok, acronyms)[:1]))
        opened = opened or tok in UNASSERTED_OPENERS
        intended = intended or tok in INTENT_VERBS
        # A modal forecasts when written in lower case and followed by neither a negation ("could not agree" states
        # a failure as fact) nor a number ("on May 26" is the month).
        following = toks[k + 1] if k + 1 < len(toks) else ""
        forecast = forecast or (tok in MODALS and written[k] == tok and following not in VERB_NEGATIONS
                                and not following[:1].isdigit())
    return tuple(map(frozenset, clauses))


def asserted_in_matched_clause(negating: str, word: str, other: str, acronyms) -> bool:
    """Whether `other` states `word` as fact (see `asserted`) in a clause mostly about what the clause of
    `negating` that negates `word` is about (at least NEGATED_CLAUSE_SHARED of its content words lie there): a
    denial only contradicts a statement of the same thing ("there is no deal until there is a deal" says nothing of
    "they agreed a deal on energy at the press conference"), and only where that statement states the word
    ("neither leader gave details" says nothing against "the leader did not give details, the first such meeting
    between a US and Russian leader")."""
    key = acronym_key(acronyms)
    stem = predicate_stem(word, key)
    if stem is None:
        return False
    negated: set[str] = set()
    for words in _folded_negated_clauses(negating, key):
        if stem in words:
            negated |= words
    return any(
        stem in stated and len(words & negated) >= CLAUSE_MATCH_MIN_WORDS
        and len(words & negated) / len(words) >= NEGATED_CLAUSE_SHARED
        for words, stated in zip(_clauses(other, key), _asserted_stems(other, key))
    )


@lru_cache(maxsize=SENTENCE_CACHE)
def _folded_negated_clauses(text: str, acronyms: AcronymKey) -> tuple[frozenset[str], ...]:
    """The content words of each clause of `text` that holds a negation, irregular verb forms folded."""
    return tuple(frozenset(map(_verb, words)) for words in _negated_clauses(text, acronyms)[1])


@lru_cache(maxsize=SENTENCE_CACHE)
def _clauses(text: str, acronyms: AcronymKey) -> tuple[frozenset[str], ...]:
    """The content words of each clause of `text` (clauses run between clause-ending marks), irregular verb
    forms folded."""
    clauses: list[list[str]] = [[]]
    for tok in _negations(text)[0]:
        if tok in CLAUSE_ENDS:
            clauses.append([])
        else:
            clauses[-1].append(tok)
    return tuple(frozenset(map(_verb, content_tokens(" ".join(c), acronyms))) for c in clauses if c)


@lru_cache(maxsize=1)
def _opposite_stems() -> tuple[dict[str, frozenset[str]], frozenset[str], frozenset[str]]:
    """As stems: each verb's opposites (both ways, from OPPOSITES), the denying cues, the denying verbs."""
    out: dict[str, set[str]] = {}
    for word, opposites in OPPOSITES:
        (stem,) = content_tokens(word)
        for other in opposites.split():
            (other_stem,) = content_tokens(other)
            out.setdefault(stem, set()).add(other_stem)
            out.setdefault(other_stem, set()).add(stem)
    cues = frozenset(content_tokens(v)[0] for v in DENYING_CUES)
    denying = frozenset(content_tokens(v)[0] for v in DENYING_VERBS)
    return {stem: frozenset(others) for stem, others in out.items()}, cues, denying


def denies_alike(text: str, other_tokens: set[str], acronyms) -> bool:
    """Whether a negation of `text` says what the other sentence affirms in other words: "will not accept" against
    "would oppose", or a denying verb ("rejected") against another ("opposed")."""
    toks, positions = _negations(text)
    opposites, cues, denying = _opposite_stems()
    for i in positions:
        cue = content_tokens(toks[i], acronyms)
        if cue and cue[0] in cues and other_tokens & denying:
            return True
        for follower in toks[i + 1 : i + 1 + NEGATION_WINDOW]:
            if follower in CLAUSE_ENDS:
                break
            stems = content_tokens(follower, acronyms)
            if stems and opposites.get(stems[0], frozenset()) & other_tokens:
                return True
    return False


def negates_shared_clause(text: str, shared: set[str], acronyms) -> bool:
    """Whether a clause about what the two sentences share is negated ("X were not talked about")."""
    return any(_negated_clauses_about(text, shared, acronyms))


def _negated_clauses_about(text: str, shared: set[str], acronyms) -> list[bool]:
    """For each negation of `text`, whether the other sentence shares at least NEGATED_CLAUSE_SHARED of the
    content words of its clause (irregular verb forms folded). Each clause is weighed once, however many negations
    it holds, so a sentence costs time in proportion to its length."""
    key = acronym_key(acronyms)
    clause_of = _negated_clauses(text, key)[0]
    clause_words = _folded_negated_clauses(text, key)
    shared = verbs_folded(shared) if clause_of else frozenset()
    about: dict[int, bool] = {}
    out = []
    for clause in clause_of:
        if clause not in about:
            words = clause_words[clause]
            about[clause] = bool(words) and len(words & shared) / len(words) >= NEGATED_CLAUSE_SHARED
        out.append(about[clause])
    return out


@lru_cache(maxsize=SENTENCE_CACHE)
def _negated_clauses(text: str, acronyms: AcronymKey) -> tuple[tuple[int, ...], tuple[frozenset[str], ...]]:
    """Which clause each negation of `text` stands in (by number), and the content words of each such clause; a
    clause runs between clause-ending marks. Found in one pass over the tokens (once per sentence)."""
    toks, positions = _negations(text)
    clause_of: list[int] = []
    clause_words: list[frozenset[str]] = []
    start = end = -1  # the clause of the previous negation: toks[start:end]
    for at in positions:
        if not start <= at < end:
            start = at
            while start > 0 and toks[start - 1] not in CLAUSE_ENDS:
                start -= 1
            end = at
            while end < len(toks) and toks[end] not in CLAUSE_ENDS:
                end += 1
            clause_words.append(frozenset(content_tokens(" ".join(toks[start:end]), acronyms)))
        clause_of.append(len(clause_words) - 1)
    return tuple(clause_of), tuple(clause_words)
