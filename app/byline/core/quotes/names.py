"""Who a mention means: reading a speaker mention (a name with its titles, a pronoun, a
description such as "the rookie defenceman") and resolving it to the full name the article
introduced, the way a reader does: surnames to the first full mention, roles to the person who
holds them, pronouns to the person the passage is about."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from byline.core.quotes.lexicon import Lexicon

_TOKEN = re.compile(r"[\w][\w'’.\-]*")
# Lower-case particles that may sit inside a person's name: Ursula von der Leyen.
NAME_PARTICLES = frozenset(
    {
        "de", "da", "di", "del", "della", "van", "von", "der", "den", "ter", "le", "la", "du",
        "dos", "das", "al", "bin", "ibn", "el", "mac", "st.",
    }
)
# Words that open a clause before the speaker phrase: "But Telford said", "and she added".
_LEADING = frozenset(
    {
        "and", "but", "or", "so", "while", "as", "then", "also", "meanwhile",
    }
)
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s$")
DETERMINERS = frozenset(
    {
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its",
        "our", "my",
    }
)
# A capitalised run of words, with name particles allowed inside it; a possessive ends it
# ("Jeanine Durning’s This Shape" is Durning, then her work).
NAME_RUN = re.compile(
    r"(?<![\w’'-])(?:(?:Mr|Mrs|Ms|Dr|St)\.|[A-Z]\.|[A-Z][\w'’\-]*)"
    r"(?:(?<![’']s)[ \u00a0]+"
    r"(?:(?:de|da|di|del|van|von|der|den|ter|le|la|du|dos|das|al|bin|el)[ ]+)*"
    r"(?:[A-Z]\.|[A-Z][\w'’\-]*))*"
)


def strip_possessive(word: str) -> str:
    """``word`` without a possessive ending: "Tabalov’s" -> "Tabalov", "Jones'" -> "Jones"."""
    last = word[-1:]
    if last == "s":
        return word[:-2] if len(word) > 3 and word[-2] in "'’" else word
    if last in ("'", "’") and len(word) > 2:
        return word[:-1]
    return word


@lru_cache(maxsize=1 << 15)
def last_word(name: str) -> str:
    """The word a name is known by on its own, lower-cased, without a possessive ending:
    "Jeanine Durning’s" -> "durning". Remembered: it is asked of a name at every mention."""
    return strip_possessive(name.split()[-1]).lower()


@lru_cache(maxsize=1 << 14)
def _index_keys(name: str) -> tuple[str, ...]:
    """What later mentions find a named person by: the last word and, for a name of several
    words, the first word and the initials ("Export Development Canada" is "EDC" later in the
    story). Remembered, like ``last_word``."""
    words = name.split()
    keys = [last_word(name)]
    if len(words) > 1:
        keys.append("first:" + words[0].lower())
        initials = "".join(w[0] for w in words if w[0].isupper())
        if len(initials) >= 2:
            keys.append("acronym:" + initials.lower())
    return tuple(keys)


@dataclass(frozen=True)
class Mention:
    """How the text names a speaker at one place."""

    kind: str  # "name" | "pronoun" | "description" | "group"
    text: str  # as written, titles and determiners included
    name: str = ""  # for names: the name without titles or honorifics
    roles: tuple[str, ...] = ()  # title or role words around the mention (lower case)
    gender: str = ""  # m / f when a pronoun or honorific says so


def _is_name_word(w: str, lex: Lexicon, stop: frozenset[str], after_name: bool = False) -> bool:
    """Whether ``w`` can be part of a person's name; ``after_name`` when it follows a word of
    the name, so "May" in "Theresa May" is a name though "May" is a month."""
    if not w or not w[0].isupper():
        return w in NAME_PARTICLES
    lw = w.lower().rstrip(".")
    if lw in lex.titles or w in lex.honorifics:
        return False
    return lw not in stop or after_name


def parse_mention(phrase: str, lex: Lexicon, stop: frozenset[str]) -> Mention | None:
    """Read a short phrase that names a speaker ("Surrey Mayor Doug McCallum", "she",
    "the rookie defenceman", "Melnikova"). None when it does not look like one."""
    phrase = phrase.strip(" ,;:\u00a0")
    words = phrase.split()
    while words and words[0].lower() in _LEADING:
        words = words[1:]
    phrase = " ".join(words)
    if not words or len(words) > 12:
        return None
    low = [w.lower() for w in words]
    if len(words) == 1 and low[0] in lex.pronouns:
        g = lex.pronouns[low[0]]
        return Mention("pronoun", phrase, gender=g)
    if len(words) == 2 and low[0] == "the" and words[1].isupper() and len(words[1]) > 1:
        return Mention("group", phrase, roles=(low[1],))  # "the EU", "the RCMP": a body
    if len(words) == 1 and _ACRONYM_PLURAL.match(words[0]):
        return Mention("group", phrase, roles=(low[0],))  # "MPs", "MLAs"
    if (len(words) == 2 and low[0] == "the" and words[1][0].isupper() and low[1].endswith("s")
            and not low[1].endswith("ss") and low[1] not in stop):
        return Mention("group", phrase, roles=(low[1],))  # "the Greens", "the Liberals": a body
    if len(words) == 1 and (low[0] in lex.groups or low[0].rstrip("s") in lex.titles):
        # "Protesters said", "Officers say": a group or role capitalised to open a sentence
        return Mention("group" if low[0].endswith("s") else "description", phrase, roles=(low[0],))
    gender = ""
    if words[0].rstrip(".") in ("Mr", "Sir"):
        gender = "m"
    elif words[0].rstrip(".") in ("Mrs", "Ms", "Miss", "Dame"):
        gender = "f"
    elif words[0] in lex.honorifics:
        gender = "n"  # a person, of a gender the title does not tell
    # The name is the trailing run of capitalised words after the last title or honorific.
    i = len(words)
    while i > 0 and _is_name_word(
        strip_possessive(words[i - 1]) if i == len(words) else words[i - 1], lex, stop,
        # a function word can end a name ("Theresa May") but never start one ("But Lee")
        after_name=i >= 2 and i == len(words) and _is_name_word(words[i - 2], lex, stop),
    ):
        i -= 1
    for j in range(len(words) - 1):
        if words[j] in lex.honorifics and words[j + 1][0].isupper():
            # after Mr./Ms. the capitalised words that follow are the name: "Ms. May"
            k = j + 1
            while k < len(words) and (words[k][0].isupper() or words[k] in NAME_PARTICLES):
                k += 1
            words, low = words[:k], low[:k]
            i = j + 1
            break
    while i < len(words) and words[i] in NAME_PARTICLES:
        i += 1
    name_words = words[i:]
    roles = tuple(w.lower().strip(".,") for w in words[:i] if w.lower().strip(".,") in lex.titles)
    if 0 < i < len(words) and low[i - 1] in lex.groups:
        roles = (*roles, low[i - 1])  # "the aid group Gatsby": a body, not a person
    # "the IFSD’s Azfar Ali Khan": an organisation's person, named after the possessive
    owned = i > 0 and words[i - 1] != strip_possessive(words[i - 1])
    for k in range(len(name_words) - 1):
        if name_words[k] != strip_possessive(name_words[k]):
            name_words, owned = name_words[k + 1 :], True
            break
    name_words = [strip_possessive(w) for w in name_words]
    if len(name_words) == 1 and _ACRONYM_PLURAL.match(name_words[0]):
        return None  # "admonished MPs": a group named in the predicate, not a speaker
    # "the aid group Gatsby", "the rookie defenceman Quinn Hughes": a name after a common noun
    # is that noun's name, though a determiner opens the phrase ("the Kentucky Republican" is
    # a description: no common noun before its capitals)
    named_after_noun = 1 < i < len(words) and words[i - 1].islower() and low[i - 1] not in stop
    if name_words and name_words[-1][0].isupper() and (
        low[0] not in DETERMINERS or owned or named_after_noun
    ):
        return Mention("name", phrase, " ".join(name_words), roles, gender)
    head = strip_possessive(low[-1]).strip(".,")
    if head in DETERMINERS or head in stop:
        return None
    if len(words) > 5 or any(w in stop for w in low[1:]):
        return None  # a clause, not a description: "a few summers ago when a friend"
    plural_role = head.endswith("s") and head[:-1] in lex.titles
    if head.endswith("s") and not (head in lex.groups or plural_role or head.endswith("ss")):
        return None  # "the party needs", "the visit coincides": a verb, not who spoke
    if low[0] in DETERMINERS or head in lex.titles or head in lex.groups:
        kind = "group" if head in lex.groups or plural_role else "description"
        return Mention(kind, phrase, roles=(*roles, head), gender=gender)
    return None


# Words for a body that can stand for any organisation the story names.
_ANY_BODY = frozenset({"company", "firm", "business", "corporation", "agency", "group",
                       "organization", "organisation", "retailer", "carrier", "airline",
                       "insurer", "lender", "bank", "startup", "operator", "utility"})


@dataclass(slots=True)
class Person:
    name: str
    first_pos: int
    roles: set[str] = field(default_factory=set)
    gender: str = ""  # m / f / p (a group) once known
    named: bool = True  # False for people the article only describes ("a Russian officer")
    is_person: bool = False  # the text showed it is a person (spoke, has a title, an age)
    votes: list[int] = field(default_factory=lambda: [0, 0])  # he / she read right after a mention
    spoke: bool = False  # already quoted: the article's voices are what "he said" refers to
    gender_from_name: bool = False  # gender read from a common given name, not learnt


class People:
    """The people an article introduces, in order, and how its mentions resolve to them."""

    def __init__(self, lex: Lexicon, stop: frozenset[str], orgs: frozenset[str]) -> None:
        self.lex = lex
        self.stop = stop
        self.orgs = orgs
        self.people: list[Person] = []
        self.by_name: dict[str, Person] = {}
        self.by_word: dict[str, list[Person]] = {}
        # people in the order the text last mentioned them, and whether as a sentence's subject
        self.recent: list[tuple[Person, bool]] = []

    def introduce(self, name: str, pos: int, roles: tuple[str, ...] = (), gender: str = "",
                  named: bool = True, is_person: bool = False) -> Person:
        """Record a full name (or an unnamed person's description), or add what is learnt
        about a known person."""
        key = name.lower()
        p = self.by_name.get(key)
        if p is None and named and " " in name:
            # "Al Mnajer" after "Mohammad Al Mnajer": a compound surname, the same person
            for c in self.by_word.get(last_word(name), ()):
                if c.named and c.name.lower().endswith(" " + key):
                    p = self.by_name[key] = c
                    break
        if p is None:
            p = Person(name, pos, named=named)
            self.people.append(p)
            self.by_name[key] = p
            if named:
                for k in _index_keys(name):
                    self.by_word.setdefault(k, []).append(p)
        p.roles.update(roles)
        titled = not self.lex.titles.isdisjoint(roles)
        evidence = is_person or gender in ("m", "f", "n") or titled
        if named and not evidence and last_word(name) in self.orgs:
            return p  # "Rules Committee", "Churchill Square": not "he" or "she" without a title
        given = self.lex.first_names.get(name.split()[0].lower(), "") if " " in name else ""
        if named and given:
            # "Mike McFadden": a common given name says person, and which pronoun is theirs,
            # more surely than the pronouns the article happens to put near the name
            evidence = True
            if gender not in ("m", "f"):
                gender = given
            p.gender_from_name = True
        p.is_person = p.is_person or evidence
        if gender in ("m", "f") and (not p.gender or p.gender_from_name) and p.votes == [0, 0]:
            p.gender = gender
        elif gender == "p" and not named and not p.gender:
            p.gender = "p"  # a body described ("officials", "the union"): what "they" can mean
        return p

    def shows_person(self, p: Person) -> None:
        """The text treats ``p`` as a person (an age, a speech verb after the name); a name
        ending like an organisation's ("Health Authority says") needs a title to be one."""
        if not p.named or last_word(p.name) not in self.orgs:
            p.is_person = True

    def _looks_like_org(self, p: Person) -> bool:
        """One word ("Suncor"), an acronym ("EDC") or an organisation's last word ("Agency")."""
        words = p.name.split()
        return len(words) == 1 or any(w.isupper() for w in words) or last_word(p.name) in self.orgs

    def mentioned(self, p: Person, subject: bool = True) -> None:
        """The text has just named ``p``: later pronouns most likely mean them."""
        if self.recent and self.recent[-1][0] is p:
            if subject and not self.recent[-1][1]:
                self.recent[-1] = (p, True)
            return
        self.recent.append((p, subject))
        if len(self.recent) > 64:
            del self.recent[:32]

    def by_single_word(self, word: str, pos: int) -> Person | None:
        """The person a lone surname (or first name) means: the latest introduced before."""
        w = strip_possessive(word).lower()
        cands = self.by_word.get(w)
        if cands:
            # the first full mention of a person: a later namesake (a husband, a son) is
            # named in full, and "Studio Lee" is not Ms. Lee
            # one who has spoken already is likelier meant than a relative named in passing,
            # then the first known to be a person
            first_person = None
            for c in cands:
                if c.spoke:
                    return c
                if first_person is None and c.is_person:
                    first_person = c
            return first_person if first_person is not None else cands[0]
        # a given name, or a family name written first (Wang Qishan, Kim Jong-un); an
        # organisation goes by its first word ("Suncor Energy" -> "Suncor")
        for p in self.by_word.get("first:" + w, ()):
            if p.is_person or self._org_name(p):
                return p
        if word.isupper() and len(word) >= 2:
            # an acronym of a name the story spelt out ("EDC")
            for p in self.by_word.get("acronym:" + w, ()):
                if not p.is_person:
                    return p
        return None

    def _org_name(self, p: Person) -> bool:
        """Whether ``p``'s name ends as an organisation's does ("Suncor Energy")."""
        return p.named and last_word(p.name) in self.orgs

    def _latest(self, gender: str, unlike: frozenset[int] = frozenset()) -> Person | None:
        """Whom a pronoun of ``gender`` most likely means: among the last few people named
        who fit, one known to be of that gender, else the subject of a sentence, else the
        last named. No one whose ``id`` is in ``unlike``."""
        fits: list[tuple[Person, bool]] = []
        seen: set[int] = set()
        for p, subject in reversed(self.recent[-24:]):
            if gender == "p":
                if p.gender == "p":
                    return p
            elif p.is_person and (p.gender in ("", gender) or gender == "n") and (
                    id(p) not in unlike):
                if id(p) in seen:
                    continue
                seen.add(id(p))
                fits.append((p, subject))
                if len(fits) == 3:
                    break
        # The most salient, the latest of equals: recency first, then being a sentence's
        # subject, then being one of the voices; a gender the article showed only breaks ties
        # (it is learnt, so it may be wrong). Recency counts only the subjects named since: a
        # person named in passing after the subject ("traded him for Victor Rask", "denied
        # Mr. Hemming's request") does not push the subject back.
        best: Person | None = None
        best_salience = (0.0, False)
        subjects_since = 0
        for p, subject in fits:
            exact = gender in ("m", "f") and p.gender == gender
            salience = (1 * exact + 2 * subject + 1.5 * p.spoke - 3 * subjects_since, exact)
            if best is None or salience > best_salience:
                best, best_salience = p, salience
            subjects_since += subject
        return best

    def resolve(self, m: Mention, pos: int, unlike: frozenset[int] = frozenset()
                ) -> tuple[str | None, Person | None]:
        """The speaker's name for mention ``m`` at ``pos``, and the person when known; a
        pronoun means no one whose ``id`` is in ``unlike``."""
        if m.kind == "pronoun":
            p = self._latest(m.gender, unlike)
            if p is not None and m.gender in ("m", "f") and not p.gender:
                p.gender = m.gender
            return (p.name, p) if p is not None else (None, None)
        if m.kind == "name":
            words = m.name.split()
            if len(words) >= 2:
                p = self.by_name.get(m.name.lower()) or self.introduce(
                    m.name, pos, m.roles, m.gender
                )
            else:
                p = self.by_single_word(words[0], pos) or self.introduce(m.name, pos, m.roles)
            body = any(r in self.lex.groups for r in m.roles)
            if last_word(p.name) not in self.orgs and not body:
                p.is_person = True  # it spoke
            return p.name, p
        if m.kind == "description":
            head = m.roles[-1] if m.roles else ""
            first = m.text.split()[0].lower()
            if first in ("a", "an", "another", "one"):
                # someone new: a person if the words say what they do ("a spokeswoman")
                person = head in self.lex.titles
                return m.text, self.introduce(m.text, pos, (head,), named=False, is_person=person)
            if first in self.lex.pronouns and head not in self.lex.titles:
                # "her statement read", "his office said": the words are the person's
                g = self.lex.pronouns[first]
                p = self._latest(g)
                return (p.name, p) if p is not None else (m.text, None)
            for p, _ in reversed(self.recent):
                if head in p.roles:
                    return p.name, p
            # "the officer" for the person the passage is about, named or not
            p = self._latest("n")
            aged = "year-old" in m.text  # "the 26-year-old right wing": a person named before
            if p is not None and (not p.named or head in self.lex.titles or aged
                                  or m.text[4:5].isupper()):
                # "the 32-year-old labourer", "the Kentucky Republican": the person the
                # passage is about
                p.roles.add(head)
                return p.name, p
            return m.text, None
        head = m.roles[-1] if m.roles else ""
        words = m.text.split()
        if len(words) == 2 and words[1].isupper():
            # "the PBO": the body the story spelt out before, if it did
            known = self.by_single_word(words[1], pos)
            if known is not None and not known.is_person:
                return known.name, known
        own_name = any(w[0].isupper() for w in m.text.split()[1:])
        if m.text.split()[0].lower() == "the" and not head.endswith("s") and not own_name:
            # ("the Canadian government" names its body itself)
            # "the company said": the organisation the passage just named
            recent = [q for q, _ in reversed(self.recent[-8:])
                      if q.named and not q.is_person and q.gender != "p"]
            # "the union" is the last "... Union" named, else the last organisation whose
            # name does not say it is another kind of body ("Health Authority" is no union)
            for q in recent:
                # "the diocese" is the "Roman Catholic Diocese of Covington" named before
                if head in (strip_possessive(w).lower() for w in q.name.split()):
                    return q.name, q
            if head in _ANY_BODY:
                # "the company", "the agency": whichever organisation the passage just named;
                # "the commission" or "the union" is only one named so
                for q in recent:
                    if self._looks_like_org(q):
                        return q.name, q
                # a body that spoke under one name ("Facebook said ...") seemed a person, as
                # anyone who speaks does; one word, no "he" or "she" for it: a body
                for q, _ in reversed(self.recent[-8:]):
                    if (q.named and q.spoke and " " not in q.name and not q.roles
                            and q.gender not in ("m", "f", "p")):
                        return q.name, q
        p = self.introduce(m.text, pos, m.roles, "p", named=False)
        return m.text, p
