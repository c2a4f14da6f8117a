"""Where a text names people, read once before the quotes: every full name at its first
mention with the titles written around it, each later mention of a known person (and whether it
opens its sentence), the gender the article shows for them, headlines kept apart from prose, and
people described without a name ("a young army officer")."""

from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache

from byline.core.quotes.lexicon import alternation, load_lexicon, word_set
from byline.core.quotes.marks import PARAGRAPH, QuotedSpan
from byline.core.quotes.names import (
    NAME_RUN,
    Mention,
    People,
    Person,
    last_word,
    parse_mention,
    strip_possessive,
)

# After a name, what shows it is a person's: an age, an apposition, a relative "who", a verb
# of speech. ("Purdy, 73," / "Lee, a spokeswoman" / "Telford said")
_PERSON_AFTER = re.compile(
    r"(?:,\s+(?:\d{1,3},|(?:a|an|the|who|whose)\s)|\s+(?:\w+ly\s+)?(?:said|says|told|tells|"
    r"added|adds|explained|explains|noted|notes|recalls|recalled|wrote|writes|asked|argued|"
    r"argues|believes|thinks|hopes)\b)"
)
_APPOSITION_AFTER = re.compile(r",\s+(?:\d{1,3},|(?:a|an)\s)")
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s|[“\"]")
_HEADLINE_MAX = 160  # characters: a longer line is prose even without a final period
_APPOSITION_TEXT = re.compile(r",\s+([^,.;“”\"]{1,60}),")
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Hh]is|[Ss]he|[Hh]imself|[Hh]erself)\b")
# (?=[...]) first: the engine then skips to the letters and marks that can start a match
# instead of trying the whole pattern at every character (so also in _described_pattern)
_PRONOUN_OR_SENTENCE_END = re.compile(
    rf"(?=[HhSs.!?“\"])(?:(?P<pronoun>{_PRONOUN.pattern})|{_SENTENCE_END.pattern})"
)
# What stands right before a sentence's subject: the start of the text or of a sentence.
_OPENING_WORDS = ("But", "And", "So", "Still", "Yet")
_SUBJECT_BEFORE = re.compile(
    rf"(?:^|\n|[.!?][\"”’]?\s+|(?:^|\s)(?:{'|'.join(_OPENING_WORDS)}),?\s+)$"
)
# What can stand right before the space that ends that: a stop, a closing mark, a comma, the
# last letter of an opening word. Anything else there ("minister Rob Fleming") is a no at once.
_BEFORE_SUBJECT_SPACE = frozenset('.!?"”’,') | {w[-1] for w in _OPENING_WORDS}


@cache
def stopwords(lang: str) -> frozenset[str]:
    """Capitalised words that open sentences but never belong to a name (The, But, Monday)."""
    return word_set(lang, "not_names.txt")


@cache
def _name_run(lang: str) -> re.Pattern[str]:
    """``NAME_RUN`` that does not start on a capitalised function word ("The", "But"), so the
    regex engine, not Python, skips the commonest capitalised words of a text."""
    skip = alternation(w.capitalize() for w in stopwords(lang) if w.isalpha())
    # (?=[A-Z]) first: the engine rejects most positions before trying the long alternation
    return re.compile(rf"(?=[A-Z])(?!(?:{skip})\b(?![’'-])){NAME_RUN.pattern}")


@cache
def _not_plain_name_words(lang: str) -> frozenset[str]:
    """Words that make a capitalised run more than a name: titles, honorifics, function words."""
    lex = load_lexicon(lang)
    honorifics = {h.lower() for h in lex.honorifics}
    return lex.titles | stopwords(lang) | honorifics | {h.rstrip(".") for h in honorifics}


@cache
def _institution_words(orgs: frozenset[str], groups: frozenset[str]) -> frozenset[str]:
    """Last words of a body that can be named with "of": organisations' and singular groups'."""
    return orgs | {g for g in groups if not g.endswith("s")}


@lru_cache(maxsize=1 << 16)
def parse_cached(phrase: str, lang: str) -> Mention | None:
    """``parse_mention`` for ``lang``, remembered: the same names recur in every article."""
    return parse_mention(phrase, load_lexicon(lang), stopwords(lang))


@lru_cache(maxsize=1 << 14)
def _run_mention(phrase: str, lang: str) -> Mention | None:
    """A capitalised run of several words read as a name, remembered: names recur."""
    words = phrase.split()
    if _not_plain_name_words(lang).isdisjoint(w.lower() for w in words):
        # the common case, no title or function word: the run is the name itself
        words[-1] = strip_possessive(words[-1])
        return Mention("name", phrase, " ".join(words))
    parsed = parse_cached(phrase, lang)
    return parsed if parsed is not None and parsed.kind == "name" else None


def name_mentions(
    text: str, spans: list[QuotedSpan], people: People, lang: str, headlines: Headlines
) -> list[tuple[int, Person, bool]]:
    """Every full name in the prose introduced at its first mention (with titles written before
    it), and where the prose names a known person, in order, each with whether the name opens
    its sentence (a subject, the likeliest antecedent of a later "he" or "she")."""
    lex = load_lexicon(lang)
    name_run = _name_run(lang)
    not_name = stopwords(lang)
    honorifics = lex.honorifics
    titles = lex.titles
    institutions = _institution_words(people.orgs, lex.groups)
    by_word = people.by_word
    common: dict[str, bool] = {}  # capitalised opening word -> used in lower case elsewhere
    out: list[tuple[int, Person, bool]] = []
    # names inside a quotation are not who the passage is about: read only between quotes
    gaps = [(0 if i == 0 else spans[i - 1].end, s.start) for i, s in enumerate(spans)]
    gaps.append((spans[-1].end if spans else 0, len(text)))
    for gs, ge in gaps:
        skip_until = 0
        for m in name_run.finditer(text, gs, ge):
            pos, end = m.span()
            if pos < skip_until:
                continue
            phrase = m.group()
            p: Person | None = None
            of_place = _OF_NAME.match(text, end) if text.startswith(" of ", end) else None
            if of_place and last_word(phrase) in institutions:
                # "Diocese of Covington", "Department of Community Services": an
                # institution named with "of" is one name, and no one's
                skip_until = of_place.end()
                full = phrase + of_place.group()
                p = people.introduce(full, pos)
                opens = _opens_sentence(text, pos)
                out.append((pos, p, opens))
                continue
            if " " not in phrase:
                # a lone capitalised word: only a known person's surname or first name matters
                word = strip_possessive(phrase)
                low = word.lower()
                if low in by_word or "first:" + low in by_word:
                    following = _NEXT_WORD.match(text, end)
                    if following and following.group(1) in people.orgs:
                        continue  # "the Ford government": the name describes, it is no one
                    p = people.by_single_word(word, pos)
                if p is None:
                    if text[end : end + 1] != "," or not _APPOSITION_AFTER.match(text, end):
                        continue
                    # one name only, then who they are: "Yuni, a resident of Pandeglang"
                    p = people.introduce(word, pos, is_person=True)
            else:
                first = phrase.partition(" ")[0]
                opens = _opens_sentence(text, pos)
                if opens and first not in common:
                    common[first] = f" {first.lower()} " in text
                if (opens and common[first]) or ("-" in first and _ADJECTIVE.match(first)):
                    # "Unlike McCallum": a common word capitalised because it opens the
                    # sentence; "Calgary-based Suncor Energy": an adjective made of a place
                    phrase = phrase[len(first) + 1 :]
                    pos += len(first) + 1
                    opens = False
                parsed = _run_mention(phrase, lang)
                if parsed is None:
                    continue
                mention = parsed
                if " " in mention.name:  # two words or more
                    # the titles written right before the name ("education minister Rob
                    # Fleming"), not those of a phrase it ends ("the president of Rutland
                    # School")
                    window = text[max(0, pos - 40) : pos]
                    clause = _CLAUSE_TAIL.search(window)
                    before = (clause.group() if clause else window).lower().split()[-3:]
                    roles = mention.roles
                    if not titles.isdisjoint(before):
                        while before[0] not in titles:
                            before = before[1:]
                        if not any(w in not_name for w in before):
                            roles = tuple(w for w in before if w in titles) + roles
                    gender = mention.gender
                    if not gender and window[-1:] == " " and (
                        window.rstrip().rsplit(None, 1)[-1:] or [""]
                    )[0] in honorifics:
                        gender = "n"  # "Rep. Lucille Allard": a courtesy title, a person
                    p = people.introduce(mention.name, pos, roles, gender)
                else:
                    p = people.by_single_word(mention.name, pos)
                    if p is None:
                        continue
                    p.roles.update(mention.roles)  # "Mayor McCallum"
            if headlines.contains(end):
                continue
            acronym = _ACRONYM_AFTER.match(text, end) if text[end : end + 2] == " (" else None
            if acronym and " " in p.name:
                # "Export Development Canada (EDC)": the story's short name for it
                people.by_word.setdefault("acronym:" + acronym.group(1).lower(), []).append(p)
            if _PERSON_AFTER.match(text, end):
                people.shows_person(p)
            appos = _APPOSITION_TEXT.match(text, end) if text.startswith(",", end) else None
            if appos:
                # "Olsen, another state senator," : who they are, between commas
                appos_roles = [w for w in appos.group(1).lower().split() if w in lex.titles]
                if appos_roles:
                    p.roles.update(appos_roles)
                    p.is_person = True
            if " " not in phrase:
                opens = _opens_sentence(text, pos)
            if not opens:
                opens = _is_subject(text, pos, end, titles)
            out.append((pos, p, opens))
    _learn_genders(text, out)
    return out


# A finite verb after a name, perhaps past an apposition or an age between commas: "Lu Kang
# gave", "Shanaaz Gokool, president of Dying with Dignity, is", "Kevin Haley, agreed".
_VERB_AFTER = re.compile(
    # "Doug Purdy, who lost 16 lbs. ..., says", "Purdy, 73, credits": who they are, then a verb
    r",\s+(?:who\b|\d{1,3},)"
    r"|(?:,\s+[^,.;:“”\"]{1,90},|,)?\s+(?:(?:\w+ly|also|still|then|later|now|never|often"
    r"|already|once)\s+)?(?:is|was|are|were|has|had|have|will|would"
    r"|can|could|did|does|do|said|says|told|tells|gave|took|went|made|got|began|became|saw|knew"
    r"|thought|felt|wrote|spoke|found|kept|held|met|led|left|lost|won|paid|sent|spent|heard"
    r"|meant|stood|came|ran|[a-z]{2,}ed|[a-z]{2,}s)\b"
)
_VERB_RIGHT_AFTER_COMMA = re.compile(r",\s+(?:[a-z]+(?:ed|s)|gave|told|took|made)\b")
_OF_NAME = re.compile(r" of (?:the )?[A-Z][\w’'-]*(?: (?:and )?[A-Z][\w’'-]*)*")
# The end of a window of text after its last punctuation mark: the words in the same clause.
_CLAUSE_TAIL = re.compile(r"(?<=[,.;:!?\n“”\"()])[^,.;:!?\n“”\"()]*\Z")
_ADJECTIVE = re.compile(r"[\w'’]+-[a-z]+$")
_ACRONYM_AFTER = re.compile(r" \(([A-Z]{2,6})\)")
# Words after which a name is an object, not the subject: "traded him for Victor Rask".
_OBJECT_BEFORE = frozenset(
    {"for", "to", "with", "by", "of", "from", "at", "in", "on", "about", "than", "against",
     "like", "and", "or", "told", "asked", "called", "met", "thanked", "named", "between"}
)


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether the name at ``pos`` starts its sentence (or follows "But", "And" ...)."""
    if pos > 1 and text[pos - 1] == " ":
        before = text[pos - 2]
        if before not in _BEFORE_SUBJECT_SPACE and not before.isspace():
            return False
    return _SUBJECT_BEFORE.search(text, max(0, pos - 14), pos) is not None


def _is_subject(text: str, start: int, end: int, titles: frozenset[str]) -> bool:
    """Whether the name at ``text[start:end]`` is the subject of a verb: a finite verb follows
    it, and no preposition or verb stands before it (titles in between do not count)."""
    if text[end - 2 : end] in ("’s", "'s") or not _VERB_AFTER.match(text, end):
        return False
    if text[start - 2 : start] == ", " and _VERB_RIGHT_AFTER_COMMA.match(text, end):
        return False  # "run by his father's friend, Martin Legere, gave": an apposition
    for word in reversed(text[max(0, start - 60) : start].split()[-6:]):
        if word[-1:] in ".!?\"”" and len(word) > 3:
            return True  # the sentence starts with the name and its titles
        if word[:1].isupper() or word.lower() in titles:
            continue
        return word not in _OBJECT_BEFORE
    return True


class Headlines:
    """The lines of a text (its paragraphs, ``starts`` and ``ends``) and which of them are
    headlines, captions or links rather than prose."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.flags: list[bool] = []
        for line in PARAGRAPH.finditer(text):
            start, end = line.span()
            self.starts.append(start)
            self.ends.append(end)
            self.flags.append(_is_headline(text, start, end))

    def contains(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and pos <= self.ends[k] and self.flags[k]


def _is_headline(text: str, start: int, end: int) -> bool:
    """Whether the line ``text[start:end]`` is a headline, caption or link rather than prose:
    it does not end as a sentence does."""
    if end - start > _HEADLINE_MAX:
        return False
    while end > start and text[end - 1] in " \t":
        end -= 1
    return end > 0 and text[end - 1] not in ".!?\"”’)»:"


def _learn_genders(text: str, mentions: list[tuple[int, Person, bool]]) -> None:
    """A person's gender as the article shows it: the pronoun that follows a mention of them
    before anyone else is named ("Lee arrived at six. She said ...")."""
    claimed: dict[int, tuple[Person, bool]] = {}  # pronoun position -> who it follows
    for i, (pos, p, subject) in enumerate(mentions):
        # a subject's pronoun may come after other names of its sentence ("Dia was on a trip
        # for STP Consultants when he ..."); anyone else's only before the next name
        nxt = i + 1
        while subject and nxt < len(mentions) and not mentions[nxt][2]:
            nxt += 1
        end = mentions[nxt][0] if nxt < len(mentions) else len(text)
        # read from after the name itself (its "Dr." does not end the sentence)
        last = p.name.split()[-1]
        found = text.find(last, pos, pos + 80)
        pos = found + len(last) if found >= 0 else pos
        # the first pronoun, unless the sentence ends before it
        m = _PRONOUN_OR_SENTENCE_END.search(text, pos, min(end, pos + 200))
        if m and m.group("pronoun") and not claimed.get(m.start(), (p, False))[1]:
            claimed[m.start()] = (p, subject and " " in p.name and _VERB_AFTER.match(text, pos)
                                  is not None)
    for at, (p, subject_person) in claimed.items():
        word = _PRONOUN.match(text, at)
        male = word is not None and word.group().lower() in ("he", "his", "himself")
        p.votes[0 if male else 1] += 1
        if subject_person:
            # "Mamadou Dia was on a trip when he ...": a named subject that a "he" or "she"
            # follows in its own sentence is a person
            p.is_person = True
    for _, p, _ in mentions:
        he, she = p.votes
        if not p.gender and he != she:
            p.gender = "m" if he > she else "f"


@cache
def _described_pattern(lang: str) -> re.Pattern[str]:
    titles = alternation(load_lexicon(lang).titles)
    return re.compile(
        rf"(?=[AaTtOo])\b(?:[Aa]n?|[Tt]his|[Oo]ne)[ ]+((?:[\w-]+[ ]+){{0,3}}?(?:{titles}))\b"
    )


def descriptions(text: str, lang: str) -> list[tuple[int, str, str]]:
    """People the article describes without naming: "a guilt-ridden Russian officer"."""
    return [(m.start(1), m.group(1), m.group(1).split()[-1].lower())
            for m in _described_pattern(lang).finditer(text)]
