"""Finding who said a quotation and with which cue, in the words around it: the speaker after
the quote ("...," she said / said Lee / Lee, a spokeswoman for X, said), before it (Lee told
CBC: "...") or named by "according to"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from byline.core.quotes.lexicon import alternation, load_lexicon

# A word of a speaker phrase: an honorific or initials with their period, else a run of
# non-space characters without sentence punctuation or quotation marks.
TOK = (
    r"(?:(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Lt|Gen|Gov|Sen|Rep|Sgt|Const|Insp|Det|Rev|Hon|Prof)\."
    # (possessive: what follows a word is a space or a mark, never the word's own letters)
    r"|(?:[A-Z]\.)+[A-Z]?|[^\s,.;:!?“”\"«»„()\[\]—–]++)"
)
# Speech-verb helpers that may stand between speaker and cue: "has said", "also told".
_HELPERS = (
    r"also|later|then|again|once|previously|recently|earlier|further|has|had|have|would"
    r"|did|does|do|(?:was|were|is)\s+quoted\s+as|\w+ly"
)
# Before a quotation's cue "will" too: words given out before they are spoken ("“We are
# ready,” she will tell the conference").
AUX = rf"(?:(?:{_HELPERS}|will)\s+)*"
# Before a reporting verb not: what someone will say or argue is a prediction, not speech
# ("The New Democrats will argue that ...").
REPORT_AUX = rf"(?:(?:{_HELPERS})\s+)*"
# Who the speaker is, between commas: "Lee, a spokeswoman for the union, said". A clause
# joined by a conjunction is not one ("His story is remarkable, but ..., say opponents").
# It may go on with a relative clause, an apposition of its own or a place's province or state:
# "Tareq Hadad, the co-founder of Peace By Chocolate, a company based in Antigonish, N.S.,
# says". Its runs of words are possessive ({1,120}+): each must end at a comma, so a shorter
# one never matches where the whole run did not, and the engine need not try them all.
APPOSITION = (r"(?:,\s+(?!(?:but|and|or|so|yet|because|although|while|if|when)\b)"
              r"(?P<appos>[^,“”\"]{1,120}+(?:,\s+(?:(?:who|where|which|and)\b[^,“”\"]{1,120}+"
              r"|(?:a|an|the)\s[^,“”\"]{1,120}+|[A-Z][\w.’'-]*+(?:\s[A-Z][\w.’'-]*+)?(?=,))){0,3}),)?")
# Where a speaker phrase after a cue stops: punctuation, or a preposition/clause word.
STOP = (r"(?=\s*[,.;:!?“”\"(—–]|\s+(?:in|on|at|during|after|before|while|from|to|of|with|"
         r"for|who|when|as|about|that|and(?!\s+[A-Z])|but|because|last|this|on|via|through|outside|"
         r"inside|under|over|recently|earlier|later|today|yesterday|Monday|Tuesday|"
         r"Wednesday|Thursday|Friday|Saturday|Sunday)\b|\s*$)")


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker_text: str  # the phrase as written: "the officer", "Surrey Mayor Doug McCallum"
    start: int  # offsets of that phrase in the text
    end: int
    cue: str


@dataclass(frozen=True)
class _Patterns:
    after_cue_first_whole: re.Pattern[str]
    after_cue_first: re.Pattern[str]
    after_speaker_first: re.Pattern[str]
    after_according: re.Pattern[str]
    before: re.Pattern[str]
    before_according: re.Pattern[str]
    cue_word: re.Pattern[str]


@cache
def patterns(lang: str = "en") -> _Patterns:
    lex = load_lexicon(lang)
    cues = alternation(lex.cue_forms)
    cue = rf"(?P<cue>{cues})\b"
    phrase = rf"(?P<spk>{TOK}(?:\s+{TOK}){{0,6}}?)"
    apposition = APPOSITION
    lead = r"^[\s,—–\-]*"
    return _Patterns(
        # up to the punctuation: "said oil and gas worker Mike Wipf."
        after_cue_first_whole=re.compile(
            rf"{lead}{cue}\s+(?P<spk>{TOK}(?:\s+{TOK}){{0,9}})(?=\s*(?:[,.;:!?“”\"(—–]|$))"
        ),
        after_cue_first=re.compile(rf"{lead}{cue}\s+{phrase}{STOP}"),
        after_speaker_first=re.compile(
            rf"{lead}(?P<spk>{TOK}(?:\s+{TOK}){{0,9}}?){apposition}\s+{AUX}{cue}"
        ),
        after_according=re.compile(rf"{lead}(?P<cue>(?i:according to))\s+{phrase}{STOP}"),
        before=re.compile(
            rf"(?:^|[\s(])(?P<spk>{TOK}(?:\s+{TOK}){{0,9}}?){apposition}\s+{AUX}{cue}"
            r"(?P<rest>[^“”\".!?]{0,90}?)[,:]?\s*$"
        ),
        before_according=re.compile(rf"(?P<cue>(?i:according to))\s+{phrase}\s*,\s*$"),
        cue_word=re.compile(rf"\b{cue}"),
    )


# The subject of a clause: the words before its first verb in the past ("a man jumped out").
_CLAUSE_SUBJECT = re.compile(r"((?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+(?:[a-z]+ed|ran|began|came|went"
                             r"|stood|rose|got|took|threw|held|kept|shouted|was|were)\b")


def _hit(m: re.Match[str], base: int) -> Attribution:
    groups = m.groupdict()
    cue = m.group("cue").lower()
    if groups.get("appos") and cue.endswith("ing"):
        # "As they neared a village, a man jumped out with a whip, yelling": a participle
        # has no subject of its own, so what stands between commas is no apposition but the
        # clause whose subject spoke, and the words before it are no speaker
        subject = _CLAUSE_SUBJECT.match(groups["appos"])
        at = base + m.start("appos")
        if subject is None:
            return Attribution("", at, at, cue)
        return Attribution(subject.group(1), at, at + subject.end(1), cue)
    if groups.get("appos") and NAME_ONLY.match(groups["appos"]):
        # "the director of operations for EHS, Jeff Fraser, says": the name between commas
        return Attribution(groups["appos"], base + m.start("appos"), base + m.end("appos"),
                           m.group("cue").lower())
    return Attribution(m.group("spk"), base + m.start("spk"), base + m.end("spk"),
                       m.group("cue").lower())


# Two to four capitalised words and nothing else: a person's name standing in apposition.
NAME_ONLY = re.compile(r"(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+$")


def attribution_after(
    text: str, start: int, end: int, lang: str = "en"
) -> Iterator[Attribution]:
    """Readings of the words right after a quote, ``text[start:end]``, as naming its speaker,
    likeliest first: "said oil worker Mike Wipf, ...", "said Lee in ...", "Lee said"; made as
    they are asked for (the caller keeps the first that names someone)."""
    p = patterns(lang)
    s = text[start:end]
    if not has_cue(s, lang):
        return
    for pat in (p.after_cue_first_whole, p.after_cue_first, p.after_according,
                p.after_speaker_first):
        m = pat.match(s)
        if m:
            yield _hit(m, start)


# Lower-case text as ASCII bytes with every character but a-z made a space: its words are then
# the runs of a-z letters (what re.findall("[a-z]+") finds in the text), split at C speed.
_LETTERS_ONLY = bytes(c if ord("a") <= c <= ord("z") else ord(" ") for c in range(256))
# Words that open a clause of its own, with a subject of its own.
_CLAUSE_WORDS = frozenset({"when", "while", "as", "because", "after", "before", "if", "who",
                           "that", "and", "but", "where", "until", "since", "although"})


def has_cue(s: str, lang: str = "en") -> bool:
    """Whether ``s`` holds a speech verb at all: a cheap test before the costly patterns."""
    return not _cue_words(lang).isdisjoint(_letter_words(s))


def cues_in(s: str, lang: str = "en") -> frozenset[str]:
    """The speech verbs (and "according") that ``s`` holds, lower-cased."""
    found = _cue_words(lang).intersection(_letter_words(s))
    return frozenset(w.decode() for w in found) if found else frozenset()


def _letter_words(s: str) -> list[bytes]:
    """The runs of a-z letters in ``s`` lower-cased, as bytes; any other character, an accented
    letter too, separates them (it becomes "?", then a space)."""
    return s.lower().encode("ascii", "replace").translate(_LETTERS_ONLY).split()


@cache
def _cue_words(lang: str) -> frozenset[bytes]:
    lex = load_lexicon(lang)
    return frozenset(w.encode() for w in lex.cue_forms | {p.split()[0] for p in lex.cue_phrases})


def attribution_before(text: str, start: int, end: int, lang: str = "en") -> list[Attribution]:
    """Readings of the words leading up to a quote, ``text[start:end]``, as naming its speaker:
    the longest phrase before the verb first, then shorter ones ("... when a friend wondered")."""
    p = patterns(lang)
    s = text[start:end]
    if not has_cue(s, lang):
        return []
    m = p.before_according.search(s) or p.before.search(s)
    if m is None:
        return []
    hit = _hit(m, start)
    # "Lee said he heard them shout, ..." : the speaker is Lee, the cue the first verb
    lex = load_lexicon(lang)
    words = hit.speaker_text.split()
    for i, w in enumerate(words[1:], 1):
        if w.lower() in lex.cue_forms:
            phrase = " ".join(words[:i])
            return [Attribution(phrase, hit.start, hit.start + len(phrase), w.lower())]
    lead = 0
    while lead < len(words) - 1 and words[lead].lower() in ("and", "but", "so", "then"):
        lead += 1
    clause = words[lead:]
    if (len(clause) > 1 and clause[0].lower() in lex.pronouns and clause[1].islower()
            and _CLAUSE_WORDS.isdisjoint(w.lower() for w in clause)):
        # "she admonished MPs for not doing enough to indicate": the clause's subject spoke,
        # not a noun inside its predicate
        at = text.index(clause[0], hit.start)
        return [Attribution(clause[0], at, at + len(clause[0]), hit.cue)]
    out = [hit]
    offset = hit.start
    for w in words[:-1]:
        offset = text.index(w, offset) + len(w)
        rest = text[offset : hit.end].lstrip()
        out.append(Attribution(rest, hit.end - len(rest), hit.end, hit.cue))
    return out

