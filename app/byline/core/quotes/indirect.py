"""Reported speech: a sentence that says someone said something without quoting them
("Melnikova said all troops have the right to file reports", "The risk is low, officials say",
"According to police, the man fled"). The span is the reported clause."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from byline.core.quotes.attribution import (
    APPOSITION,
    NAME_ONLY,
    REPORT_AUX,
    STOP,
    TOK,
    cues_in,
)
from byline.core.quotes.lexicon import alternation, load_lexicon, word_set

# What may stand between the cue and the reported clause: whom it was told to, when, where.
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)"
# A date: "in July", "on Dec. 21", "in early March" (news style abbreviates the long months)
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_DATE = rf"(?:in\s+(?:early\s+|mid-|late\s+)?{_MONTH}|on\s+{_MONTH}\s+\d{{1,2}})"
_MEDIUM = (
    r"(?:a|an|the|his|her|their|its)\s+(?:[\w'’-]+\s+){0,3}?(?:statement|interview|email|"
    r"e-mail|release|letter|post|tweet|report|decision|speech|conference|video|filing|ruling)"
)
_BETWEEN = (
    rf"(?:\s+(?:on\s+)?{_DAY}|\s+{_DATE}|\s+(?:last|this)\s+(?:week|month|year|night|morning)"
    rf"|\s+earlier|\s+later"
    rf"|\s+in\s+{_MEDIUM}|\s+(?:by|in\s+an?)\s+(?:text\s+message|e-?mail|phone|telephone)"
    r"|\s+(?:at|during)\s+(?:a|an|the)\s+[\w\s-]{1,30}?(?=,))*"
    # a few words, then "that": "noted several times that", "acknowledged before the judge that"
    r"(?:\s+(?=(?:[a-z][\w’'-]*\s+){1,4}that\s)(?:[a-z][\w’'-]*\s+){0,3}[a-z][\w’'-]*"
    r"(?=\s+that\s))?"
)
_OBJECT = (
    r"(?:\s+(?:reporters|journalists|the\s+\w+|him|her|them|us|me|(?:[A-Z][\w'’.-]*\s*){1,4}"
    # a programme named in quotes: "told NBC’s “Today” show"
    r"(?:[“\"][^”\"]{1,40}[”\"]\s+(?:show|program|programme|podcast|newspaper))?))"
)
# Openers before the subject: "But", "In Russia,", "On Monday," (possessive: up to the comma),
# and a subordinate clause put first, which may be long: "Although investigators still do not
# know who is responsible, the firm said ..."
_OPENER = (r"(?P<opener>(?:But|And|So|However|Still|Now|Meanwhile|Yet)\s+"
           r"|[A-Z][^,“”\"]{0,40}+,\s+"
           r"|(?:Although|Though|While|Because|Since|If|When|Even\s+though|As)\s"
           r"[^,“”\"]{0,120}+,\s+)?")
# Not right after a determiner: there a speech verb's form is a noun ("an expert cited in the
# report") and a speaker phrase would start inside a noun phrase ("a landlord" is not "landlord").
# (one look-behind for each length of word: each is a fixed width)
_NO_DETERMINER_BEFORE = r"(?<!\b(?:the|The|its|his|her)\s)(?<!\ban\s)(?<!\ba\s)(?<!\btheir\s)"
# Words that open a clause of their own: a speaker phrase right before a verb does not hold one
# ("clutching at straws when he said": the speaker is "he").
_SUBORDINATOR = alternation([
    "when", "while", "because", "if", "that", "which", "who", "whom", "where", "after", "before",
    "since", "until", "although", "though", "unless", "whether", "as", "than",
]) + r"\b"
# Someone indefinite after "when" or "if" is anyone at all, not a source: "A renoviction is when
# a landlord tells a tenant they must leave", "if a doctor says you are fit".
_HYPOTHETICAL = r"(?!(?:(?<=\bwhen\s)|(?<=\bif\s)|(?<=\bwhenever\s)|(?<=\bunless\s))(?:an?|any)\s)"
# After "than" a speaker and verb make a comparison, not a report: "lower than TransLink says".
_COMPARED = r"(?<!\bthan\s)"
# Who the speaker is, after the name and a comma, to the sentence's end: its stops are those of
# a word ("Atlantic.Net"), initials ("a U.S. official") or an abbreviation before a word in
# lower case ("Ferro Inc. in Lisbon"), not a sentence's.
# (runs without stops taken whole, possessively: the alternatives are tried only at stops)
_APPOSITION_WORDS = r"[^.!?]*+(?:(?:\.(?!\s)|(?<=\b[A-Z])\.|\.(?=\s+[a-z]))[^.!?]*+)*+"
_MIN_CLAUSE_WORDS = 3
# A plural verb first: the clause has no subject of its own ("that" before it is a relative
# pronoun; the demonstrative "that" is singular).
_NO_SUBJECT = re.compile(r"(?:have|are|were)\b")
# What opens the writer's own words after "he said,": a concession or circumstance.
_WRITER_S_ADDITION = re.compile(r"(?:though|although|while|as|and)\s")


@dataclass(frozen=True, slots=True)
class Reported:
    start: int  # the reported clause
    end: int
    speaker_text: str
    speaker_start: int
    speaker_end: int
    cue: str


@cache
def _reporting_verbs(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """Every form of the verbs that report speech, and the forms of those that also take a
    plain object (marked * in the word list)."""
    lex = load_lexicon(lang)
    listed: set[str] = set()
    objects: set[str] = set()
    for entry in word_set(lang, "indirect_cues.txt"):
        word, *flags = entry.split()
        listed.add(word)
        if "*" in flags:
            objects.add(word)
    forms = frozenset(f for f in lex.cue_forms if lex.cue_family[f] & listed)
    with_objects = frozenset(f for f in lex.cue_forms if lex.cue_family[f] & objects)
    return forms, with_objects


# What a reported clause opens with when its verb also takes a plain object: a subject pronoun,
# or a few words and then an auxiliary ("the backstop would be", "Japanese output had slowed").
_CLAUSE_START = re.compile(
    r"(?:(?:he|she|it|they|we|I|you|there)\s|(?:[\w’'$.,-]+\s+){0,6}?(?:is|are|was|were|has|have"
    r"|had|will|would|can|could|should|may|might|must|did|does|do|won’t|wouldn’t|isn’t|wasn’t"
    r"|aren’t|weren’t|hasn’t|haven’t|hadn’t|didn’t|doesn’t|don’t|can’t|couldn’t)\b)"
)
# Words after the verb that make it a phrasal verb or a noun, not a report: "complained about".
_NOT_A_CLAUSE = re.compile(
    r"(?:about(?!\s+\d)|for|of|to|with|in|on|at|by|from|up|out|down|into|over)\b"
)


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    # a verb reports speech when any of its forms is listed ("note" covers "noted")
    forms, _ = _reporting_verbs(lang)
    # after a speaker phrase the cue must not follow a determiner; after a comma it cannot
    # (the look-behinds cost, so they are left out where they cannot fail)
    plain_cue = rf"(?P<cue>{alternation(forms)})\b"
    cue = rf"{_NO_DETERMINER_BEFORE}{plain_cue}"
    tell_cue = rf"(?P<cue>{alternation(_tell_forms(lang))})\b"
    spk = rf"(?P<spk>{TOK}(?:\s+{TOK}){{0,8}}?)"
    appos = APPOSITION
    clause = r"(?P<clause>.+?)"
    end = r"[\s.!?]*$"
    # the clause to the sentence's end, less its closing stops and spaces: what {clause}{end}
    # matches, found back from the end rather than by trying every length from the front
    clause_to_end = r"(?P<clause>.*[^\s.!?]|.)[\s.!?]*$"
    tail = rf"{_BETWEEN}(?:,|\s+that)?\s+{clause_to_end}"
    participles = alternation(f for f in forms if f.endswith("ing"))
    word = rf"(?!{_SUBORDINATOR}){TOK}"
    short_spk = (rf"{_NO_DETERMINER_BEFORE}{_COMPARED}{_HYPOTHETICAL}"
                 rf"(?P<spk>(?:[Tt]he\s+|[Ss]ome\s+|[Mm]any\s+)?{word}(?:\s+{word}){{0,2}})")
    return (
        re.compile(rf"^(?i:according\s+to)\s+(?P<spk>[^,“”\"]{{1,120}}?),\s+{clause_to_end}"),
        re.compile(rf"^{clause},?\s+according\s+to\s+{spk}(?:,{_APPOSITION_WORDS})?{end}"),
        re.compile(rf"^{_OPENER}{spk}{appos}\s+{REPORT_AUX}{tell_cue}{_OBJECT}{tail}"),
        re.compile(rf"^{_OPENER}{spk}{appos}\s+{REPORT_AUX}{cue}{tail}"),
        re.compile(rf"^{clause},[”\"’]?\s+{spk}\s+{REPORT_AUX}{cue}"
                   rf"(?:,{_APPOSITION_WORDS}|\s+[^,.!?]{{0,40}})?{end}"),
        re.compile(rf"^{clause},[”\"’]?\s+{plain_cue}\s+{spk}{STOP}"
                   rf"(?:,{_APPOSITION_WORDS}|\s+[^,.!?]{{0,40}})?{end}"),
        # a second verb of the subject: "Pompeo praised China's help and said he ..."
        re.compile(
            rf"^{_OPENER}{spk}\s+[a-z]+(?:ed|s)\b[^.!?;“”\"]*?\s+and\s+{REPORT_AUX}{cue}{tail}"
        ),
        # what the subject did, then said: "Graf protested the bills, saying they ..."
        re.compile(
            rf"^{_OPENER}{spk}\s+[a-z]+(?:ed|s)\b[^.!?;“”\"]*?,\s+(?P<cue>{participles})\s+"
            rf"(?:that\s+)?{clause_to_end}"
        ),
        # the speaker set inside the reported words: "Police, Sinclair says, have no policies"
        re.compile(
            rf"^(?P<clause>[^,“”\"]{{3,80}},\s+(?:{short_spk}\s+{REPORT_AUX}{cue}"
            rf"|(?P<acc>according\s+to)\s+(?P<src>[^,“”\"]{{1,80}})),\s+[^“”\"]+?){end}"
        ),
        # the speaker and verb inside the sentence: "..., and Hadwin says it's a great group"
        # (tried only where a speech verb is, see _inner_readings; after the reading above:
        # "revenues, they promise, will be ..." is not "they promise <clause>")
        re.compile(rf"{short_spk}\s+{REPORT_AUX}{cue}{tail}"),
    )


_WORD = re.compile(r"\S+")
# indexes of the readings in _patterns (the one at 3, the subject first, is always tried)
_ACCORDING_FIRST, _ACCORDING_LAST, _TOLD = 0, 1, 2
_CLAUSE_THEN_SPEAKER, _CLAUSE_THEN_CUE, _COORDINATED, _PARTICIPLE, _INSERTED = 4, 5, 6, 7, 8
_INNER = 9


@cache
def _tell_forms(lang: str) -> frozenset[str]:
    lex = load_lexicon(lang)
    return frozenset(f for f in lex.cue_forms if lex.cue_lemma[f] in ("tell", "inform", "assure"))


def _inner_readings(
    s: str, pattern: re.Pattern[str], forms: frozenset[str], verbs: frozenset[str]
) -> Iterator[re.Match[str]]:
    """``pattern`` tried at the few words before each speech verb of ``s``, rather than at
    every character: the speaker stands right before the verb. ``verbs``: the ``forms`` that
    ``s`` holds at all."""
    at_verbs = _verb_word_starts(s, verbs)
    if at_verbs is None:  # lower-casing moved the letters: read word by word
        starts: list[int] = []
        for w in _WORD.finditer(s):
            if w.group().lower().strip(",;:") in forms and starts:
                yield from _first_match(s, pattern, starts[-4:])
            starts.append(w.start())
        return
    for at in at_verbs:
        yield from _first_match(s, pattern, _words_before(s, at, 4))


def _first_match(s: str, pattern: re.Pattern[str], starts: list[int]) -> Iterator[re.Match[str]]:
    for begin in starts:
        m = pattern.match(s, begin)
        if m:
            yield m
            return


def _verb_word_starts(s: str, verbs: frozenset[str]) -> list[int] | None:
    """Where the words of ``s`` start that are one of ``verbs`` (in any case, with commas,
    semicolons or colons around them), found with ``str.find``; None when lower-casing
    changes the length of ``s`` (offsets would not match)."""
    low = s.lower()
    if len(low) != len(s):
        return None
    found = []
    for verb in verbs:
        i = low.find(verb)
        while i >= 0:
            start, end = i, i + len(verb)
            while start > 0 and s[start - 1] in ",;:":
                start -= 1
            while end < len(s) and s[end] in ",;:":
                end += 1
            if (start == 0 or s[start - 1].isspace()) and (end == len(s) or s[end].isspace()):
                found.append(start)
            i = low.find(verb, i + 1)
    return sorted(found)


def _words_before(s: str, at: int, n: int) -> list[int]:
    """Where the last ``n`` (or fewer) words of ``s`` before ``at`` start, in order."""
    starts: list[int] = []
    i = at
    while len(starts) < n:
        while i > 0 and s[i - 1].isspace():
            i -= 1
        if i == 0:
            break
        while i > 0 and not s[i - 1].isspace():
            i -= 1
        starts.append(i)
    return starts[::-1]


def reported_speech(text: str, start: int, end: int, lang: str = "en") -> Iterator[Reported]:
    """Readings of the sentence ``text[start:end]`` as reported speech, likeliest first, made
    as they are asked for: the caller keeps the first whose speaker phrase names someone."""
    s = text[start:end]
    present = cues_in(s, lang)
    if not present:
        return
    forms, with_objects = _reporting_verbs(lang)
    according = "ccording to" in s
    if not according and present.isdisjoint(forms):
        return  # every reading needs a verb that reports speech, or "according to"
    # which readings can apply at all, from the words the sentence has: cheap tests that
    # spare most sentences most patterns
    patterns = _patterns(lang)
    comma = "," in s
    possible = [True] * len(patterns)
    possible[_ACCORDING_FIRST] = possible[_ACCORDING_LAST] = according
    possible[_TOLD] = not present.isdisjoint(_tell_forms(lang))
    possible[_CLAUSE_THEN_SPEAKER] = possible[_CLAUSE_THEN_CUE] = comma
    possible[_COORDINATED] = " and " in s
    possible[_PARTICIPLE] = comma and any(w.endswith("ing") for w in present)
    possible[_INSERTED] = s.count(",") >= 2
    for i, pat in enumerate(patterns):
        if not possible[i]:
            continue
        if i == _INNER:
            matches: Iterable[re.Match[str]] = _inner_readings(s, pat, forms, present & forms)
        else:
            whole = pat.match(s)
            matches = (whole,) if whole else ()
        for m in matches:
            r = _reading(s, m, start, with_objects, lang)
            if r is not None:
                yield r


def _reading(
    s: str, m: re.Match[str], start: int, with_objects: frozenset[str], lang: str
) -> Reported | None:
    """The match ``m`` as a reported-speech reading, if its clause reads as one."""
    cs, ce = m.span("clause")
    clause = s[cs:ce]
    if len(clause.split(None, _MIN_CLAUSE_WORDS - 1)) < _MIN_CLAUSE_WORDS:
        return None
    after_that = s[:cs].rstrip().endswith("that") or clause.startswith("that ")
    if s[:cs].rstrip().endswith("that") and _NO_SUBJECT.match(clause):
        return None  # "member states that have French in common": "that" is who, not what
    if _WRITER_S_ADDITION.match(clause) and s[:cs].rstrip().endswith(","):
        return None  # "..., he said, though he named no one": the writer's words, not his
    if not after_that and _NOT_A_CLAUSE.match(clause):
        return None
    groups = m.groupdict()
    cue = groups.get("cue") or "according to"
    if cue.lower() in with_objects and not after_that and not _CLAUSE_START.match(clause):
        return None  # "Suncor reported a profit": an object, not what anyone said
    spk = "src" if groups.get("src") else "spk"
    appos = groups.get("appos")
    if appos and NAME_ONLY.match(appos):
        spk = "appos"  # "the director of operations, Jeff Fraser, says"
    opener = (groups.get("opener") or "").rstrip(", ")
    if (opener and NAME_ONLY.match(opener)
            and m.group("spk").split(None, 1)[0].lower() in ("a", "an", "the")
            and opener.split()[0].lower() not in word_set(lang, "not_names.txt")):
        # "Rami Aziz, a baker in Truro, N.S., says": the name, then who they are
        at = start + m.start("opener")
        return Reported(start + cs, start + ce, opener, at, at + len(opener), cue.lower())
    return Reported(start + cs, start + ce, m.group(spk), start + m.start(spk),
                    start + m.end(spk), cue.lower())
