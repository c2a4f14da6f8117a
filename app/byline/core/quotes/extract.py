"""Putting the pieces together: quoted spans, their kind, speaker and cue, and reported speech,
read paragraph by paragraph and sentence by sentence in text order, as a reader would."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from byline.core.model import Quote, QuoteKind
from byline.core.quotes.attribution import (
    Attribution,
    attribution_after,
    attribution_before,
    has_cue,
)
from byline.core.quotes.indirect import reported_speech
from byline.core.quotes.lexicon import alternation, load_lexicon, word_set
from byline.core.quotes.marks import QuotedSpan, find_quoted_spans
from byline.core.quotes.mentions import (
    Headlines,
    descriptions,
    name_mentions,
    parse_cached,
    stopwords,
)
from byline.core.quotes.names import Mention, People, Person
from byline.core.quotes.sentences import sentence_spans

# EXTRACTOR_VERSION (version.py) keys the cached quotes: bump it whenever the output for some
# text can change.

# A short quoted term (a word or three, no sentence of its own) is a scare quote unless
# the text says someone spoke it.
SCARE_MAX_WORDS = 3
# Found where a quotation has more words than that (searched, not counted: quotes can be long).
_MORE_THAN_SCARE_WORDS = re.compile(r"\w+" + r"\W+\w+" * SCARE_MAX_WORDS)
_SENTENCE_STOP = re.compile(r"[.!?]")
# A pull quote: quoted words missing their opening mark, then only the speaker's label.
_PULL_TAIL = re.compile(r"[.\s]*[A-Z][\w'’\- ]{1,60}$")
_PREPOSITION_CUT = re.compile(r"\s+(?:of|for|at|with|from|in|on|who|which|whose)\s+")
_WORDS = re.compile(r"\w+")
# An unnamed source and the words after the noun that say who it is, as news writing names
# sources it may not name: "sources familiar with the talks", "a person briefed on the plan",
# "an expert cited in the report", "officials close to the minister".
_POSTMODIFIED = re.compile(
    r"(?:(?i:an?|the|some|two|three|several|many|other)\s+)?(?:[\w-]+\s+)?(?P<head>[\w-]+)\s+"
    r"(?:familiar|close|present|involved|cited|quoted|briefed|speaking)\s+"
    r"(?:with|to|on|in|at|for)\s+\S"
)
_OPENING_WORD = re.compile(r"(?i:as|and|but|so)\s+")
# "The mayor ...", "On Dec. 13, the mayor ...": a role as the sentence's subject
# (the lookahead: a sentence that starts with another letter fails at its first)
_DEFINITE_SUBJECT = re.compile(
    r"(?=[OIALEBTt])(?:(?:On|In|At|After|Later|Earlier)\b[^,“”\"]{0,40}+,\s+)?(?:But |And )?"
    r"[Tt]he ((?:[\w-]+ ){0,2}[a-z]+)\b"
)
_LETTER = re.compile(r"[^\W\d_]")
# A sentence whose subject is a plural body: "The Conservatives believe ...", "Republican
# senators are eager ...", "But officials say ...". A later "they" most likely means it.
_PLURAL_SUBJECT = re.compile(
    r"(?=[A-Z])(?:(?:But|And|So|Still|Yet|Now)\s+)?"
    r"(?P<np>(?:[Tt]he\s+)?(?:[A-Z][\w’'-]*\s+){0,2}(?P<head>[A-Za-z][a-z]+s))"
    r"\s+[a-z]"  # then its verb, or "of", "who": still the subject's words
)
_WORD_RIGHT_BEFORE = re.compile(r"([a-z]+)[,:]?\s*\Z")


@dataclass
class _Found:
    span: QuotedSpan
    kind: QuoteKind
    speaker: str | None
    cue: str | None
    speaker_start: int | None
    speaker_end: int | None


def _mention_of(att: Attribution, lang: str) -> Mention | None:
    """How ``att``'s speaker phrase names someone, if it does."""
    return _mention_in(att.speaker_text, att.cue, lang)


@lru_cache(maxsize=1 << 14)
def _mention_in(speaker_text: str, cue: str, lang: str) -> Mention | None:
    """``_mention_of`` for a phrase and cue, remembered: the same phrases ("she", "the
    minister", a name) are read at every quote and in every article."""
    whole = parse_cached(speaker_text, lang)
    if whole is not None and whole.kind == "name" and whole.roles:
        # "University of the Fraser Valley political scientist Hamish Telford"
        return whole
    # "a spokesperson for the ministry" -> "a spokesperson"
    cut = _PREPOSITION_CUT.split(speaker_text, maxsplit=1)[0]
    mention = parse_cached(cut, lang)
    whole_text, cut = speaker_text.strip(), cut.strip()
    opener = _OPENING_WORD.match(whole_text)
    if opener:
        whole_text, cut = whole_text[opener.end() :], cut[opener.end() :]
    if (mention is not None and mention.kind == "description" and cut
            and cut.split()[0].lower() in ("one", "another")
            and whole_text[len(cut) :].lstrip().startswith("of ")
            and len(whole_text.split()) <= 8):
        # "one veteran of the infrastructure projects", "another member of the public":
        # an unnamed source is named by the whole phrase
        return replace(mention, text=whole_text)
    modified = _POSTMODIFIED.match(whole_text)
    if modified and len(whole_text.split()) <= 9:
        head = modified.group("head").lower()
        lex = load_lexicon(lang)
        plural_role = head.endswith("s") and head[:-1] in lex.titles
        if head in lex.groups or plural_role or head in lex.titles:
            # "sources familiar with the talks", "an expert cited in the report": who the
            # source is lies in the words after the noun, so they are kept
            kind = "group" if head in lex.groups or plural_role else "description"
            return Mention(kind, whole_text, roles=(head,))
    if mention is None and cue == "according to" and whole is None:
        # "according to" always names a source, a document as much as a person
        return Mention("group", speaker_text.strip())
    return mention


@cache
def _document_source(lang: str) -> re.Pattern[str]:
    """A document named with its source: "a statement from the EU", "Infrastructure Canada's
    public database", "the Civic Action study"; the group ``src`` is the source."""
    nouns = alternation(word_set(lang, "documents.txt"))
    doc = rf"(?:[\w-]+\s+){{0,2}}(?:{nouns})"
    return re.compile(
        rf"(?i:a|an|the|its|their)\s+{doc}\s+(?:from|by|of)\s+(?P<src>.+)$"
        rf"|(?P<own>[A-Z].*?)['’]s?\s+{doc}$"
        rf"|(?i:the)\s+(?P<named>(?:[A-Z][\w’'-]*\s+)+)(?i:{nouns})$"
    )


def _source(att: Attribution, lang: str) -> Attribution:
    """``att`` with a document's source as the speaker, when the document names it."""
    source = _source_in(att.speaker_text, lang)
    if source is None:
        return att
    start, words = source
    return Attribution(words, att.start + start, att.start + start + len(words), att.cue)


@lru_cache(maxsize=1 << 14)
def _source_in(speaker_text: str, lang: str) -> tuple[int, str] | None:
    """Where in a speaker phrase the source of the document it names is, and its words."""
    m = _document_source(lang).match(speaker_text)
    if m is None:
        return None
    group = next(g for g in ("src", "own", "named") if m.group(g))
    return m.start(group), m.group(group).rstrip()


# "that" after a verb of saying, unless it is the subject itself ("says that is not so")
_THAT = r"(?:that\s+(?!is\b|was\b|has\b|will\b))?"
# A second report inside a reported clause, by the same speaker.
_SECOND_REPORT = re.compile(
    # (after a colon or semicolon too: "she says X: she notes that Y")
    r"(?:,|;|:)\s+(?:(?:he|she|they)\s+(?:also\s+)?(?P<verb>said|says|believed|believes|added|adds|"
    r"argued|argues|noted|notes|warned|warns)|(?P<participle>noting|saying|adding|arguing|"
    rf"explaining|warning|insisting|stressing|acknowledging))\s+{_THAT}"
    # a second speaker set against the first: "..., but Chapman says ...", "..., Lee says"
    r"|(?:,\s+(?:but\s+)?|\s+but\s+)(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+"
    rf"(?P<named_verb>says|said|argues|argued|insists|insisted|counters|countered)\s+{_THAT}"
)


# What the speaker said next, after a cue that closes a clause: "..., she said, especially those
# still ...", "..., he said, but one person ran ...", '"...," he said, adding that police fired
# back'. A participle of a reporting verb, or "but", "especially", "because", carries on the
# speaker's words; other words there ("speaking through a translator", "though he did not name
# anyone", "as rescuers searched") are the writer's.
_CONTINUATION = re.compile(
    r"(?:\s+(?P<verb>[a-z]+))?,\s+(?:(?P<conj>but|especially|because)\s+|(?P<participle>adding"
    r"|noting|saying|explaining|arguing|warning|insisting|stressing|stating)\s+(?:that\s+)?)"
    r"(?P<rest>[^\s.!?](?:.*[^\s.!?,])?)[\s.!?]*$",
    re.DOTALL,
)
_MIN_CONTINUATION_WORDS = 3


@cache
def _link_label(lang: str) -> re.Pattern[str]:
    """The label that opens a line linking to another story: "READ MORE:", "WATCH:"."""
    labels = alternation(word_set(lang, "link_labels.txt"))
    return re.compile(rf"[ \t]*(?i:{labels})[ \t]*:")


@cache
def _bare_document(lang: str) -> re.Pattern[str]:
    """A document named without its source, as one already cited: "the post", "the new
    report", "a statement" (but "a private survey" is another one)."""
    nouns = alternation(word_set(lang, "documents.txt"))
    return re.compile(rf"(?:(?i:the|this|that)\s+(?:[a-z][\w-]*\s+)?|(?i:an?)\s+)(?:{nouns})$")


def _they_positions(text: str) -> list[int]:
    """Where "they" or "They" stands in ``text`` (found with str.find, at C speed)."""
    found = []
    for word in ("they", "They"):
        i = text.find(word)
        while i >= 0:
            if not text[i - 1 : i].isalpha() and not text[i + 4 : i + 5].isalpha():
                found.append(i)
            i = text.find(word, i + 4)
    found.sort()
    return found


_THEY_REACH = 400  # characters after a plural subject where a "they" is looked for


class _Reader:
    """One pass over a text; keeps who the passage is about."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.lex = load_lexicon(lang)
        self.stop = stopwords(lang)
        self.abbrev = word_set(lang, "abbreviations.txt")
        self.people = People(self.lex, self.stop, word_set(lang, "org_words.txt"))
        self.last_speaker: str | None = None
        # who spoke last, and in which paragraph (a count): a bare "the statement" is theirs
        self.last_voice: tuple[Person, int] | None = None
        self.paragraphs = 0
        self.they_at = _they_positions(text)
        self.mentions: list[tuple[int, Person, bool]] = []
        self.headlines = Headlines(text)
        self.mi = 0
        self.described: list[tuple[int, str, str]] | None = None  # read when first needed
        self.found: list[_Found] = []
        self.continued = (0, 0)  # the last continuation's span: quotes inside are its words

    def advance(self, pos: int) -> None:
        """Let the reader see every name mentioned before ``pos``."""
        while self.mi < len(self.mentions) and self.mentions[self.mi][0] < pos:
            _, person, subject = self.mentions[self.mi]
            self.people.mentioned(person, subject)
            self.mi += 1

    def speaker_of(self, att: Attribution, reported: tuple[int, int] | None = None
                   ) -> tuple[str | None, Mention | None]:
        """Who ``att`` names. ``reported``: where the words it reports are, when they come
        before it; a pronoun after them does not mean a person they name ("Macharia hid under
        a desk, he said": had Macharia said it, the sentence would name him at the cue)."""
        mention = _mention_of(att, self.lang)
        if mention is None:
            return None, None
        if (self.last_voice is not None and self.paragraphs - self.last_voice[1] <= 1
                and _bare_document(self.lang).match(att.speaker_text)
                and mention.kind in ("group", "description")):
            # "The aid group Gatsby said ... A statement said ...": a document that names no
            # source is the one whose voice the passage is reporting
            voice = self.last_voice[0]
            return voice.name, mention
        self.advance(att.start)
        unlike: frozenset[int] = frozenset()
        if reported is not None and mention.kind == "pronoun":
            unlike = frozenset(id(p) for p in self.people_in(*reported))
        name, person = self.people.resolve(mention, att.start, unlike)
        if person is None and mention.kind == "description":
            # someone described but not named: "the official" is the person described earlier
            head = mention.roles[-1] if mention.roles else ""
            if self.described is None:
                self.described = descriptions(self.text, self.lang)
            earlier = [d for d in self.described if d[0] < att.start]
            same = [d for d in earlier if d[2] == head]
            if head not in self.lex.titles:
                return name, mention  # "the post", "the report": words, not a person
            if same or earlier:
                name = (same or earlier)[-1][1]
            person = self.people.introduce(name or mention.text, att.start, (head,), named=False)
        if person is not None:
            # the names in the speaker's own phrase ("former Bank of Canada governor David
            # Dodge") first: the speaker is the latest mentioned, as its subject
            self.advance(att.end)
            self.people.mentioned(person)
            person.spoke = True
            self.last_voice = (person, self.paragraphs)
        return name, mention

    def run(self) -> list[Quote]:
        text = self.text
        spans = find_quoted_spans(text)
        self.mentions = name_mentions(text, spans, self.people, self.lang, self.headlines)
        k = 0
        link = _link_label(self.lang)
        for ps, pe in zip(self.headlines.starts, self.headlines.ends, strict=True):
            in_para: list[QuotedSpan] = []
            while k < len(spans) and spans[k].start < pe:
                in_para.append(spans[k])
                k += 1
            if text.find(":", ps, ps + 14) >= 0 and link.match(text, ps):
                # a link to another story: its words are that story's, at most terms here
                self.found.extend(_Found(q, QuoteKind.SCARE, None, None, None, None)
                                  for q in in_para)
                continue
            self.paragraph(ps, pe, in_para)
        return self.quotes()

    def paragraph(self, ps: int, pe: int, quotes: list[QuotedSpan]) -> None:
        text = self.text
        self.paragraphs += 1
        sentences = sentence_spans(text, ps, pe, quotes, self.abbrev)
        para_speaker: str | None = None
        qi = 0
        for ss, se in sentences:
            self.subject_description(ss)
            k = qi
            while k < len(quotes) and quotes[k].start < se:
                k += 1
            if k == qi:  # no quotation: the sentence may report speech
                self.indirect(ss, se)
                continue
            partial = [self.is_partial(q) for q in quotes[qi:k]]
            if all(partial) or (any(partial) and all(
                p or self.is_title(q) for p, q in zip(partial, quotes[qi:k], strict=True)
            )):
                # reported speech, perhaps with a few of the speaker's words quoted inside it
                r = self.indirect(ss, se)
                for q in quotes[qi:k]:
                    if r is None or not (r.span.start <= q.start and q.end <= r.span.end):
                        self.found.append(_Found(q, QuoteKind.SCARE, None, None, None, None))
                qi = k
                continue
            any_direct, first = False, qi
            while qi < len(quotes) and quotes[qi].start < se:
                q = quotes[qi]
                prev_end = quotes[qi - 1].end if qi > 0 else ps
                next_start = quotes[qi + 1].start if qi + 1 < len(quotes) else pe
                qi += 1
                f = self.direct(q, max(ss, prev_end), min(se, next_start), ps, pe, para_speaker,
                                prev_end, se)
                any_direct = any_direct or f.kind is QuoteKind.DIRECT
                if f.kind is QuoteKind.DIRECT and f.speaker:
                    para_speaker = f.speaker
            if not any_direct and k > first:
                # only titles or terms in quotes ("He told NBC’s “Today” show that ..."):
                # the sentence may still report speech
                self.indirect(ss, se)

    def direct(self, q: QuotedSpan, before_start: int, after_end: int, ps: int, pe: int,
               para_speaker: str | None, prev_end: int, se: int) -> _Found:
        text = self.text
        if self.continued[0] <= q.start and q.end <= self.continued[1]:
            # words of the report that carries on after a quote's cue, quoted again:
            # part of that report, as quoted words inside reported speech are
            return _Found(q, QuoteKind.SCARE, None, None, None, None)
        if not q.opened and q.start == ps and _PULL_TAIL.match(text, q.end, pe):
            return self.pull_quote(q, pe)
        after = attribution_after(text, q.end, after_end) if q.end < after_end else iter(())
        att = next((a for a in after if _mention_of(a, self.lang) is not None), None)
        short = (_MORE_THAN_SCARE_WORDS.search(text, q.start, q.end) is None
                 and _SENTENCE_STOP.search(text, q.start, q.end) is None)
        if att is None and before_start < q.start:
            readings = attribution_before(text, before_start, q.start)
            if short:
                # a word or two in quotes is speech only when the verb stands right before
                # it: 'Lee said: "Never."', not 'Lee said the plan was "bold"'
                verb = _WORD_RIGHT_BEFORE.search(text, max(0, q.start - 30), q.start)
                right_before = verb is not None and verb.group(1) in self.lex.cue_forms
                readings = readings[:1] if right_before else []
            att = next((a for a in readings if _mention_of(a, self.lang) is not None), None)
        speaker: str | None = None
        mention: Mention | None = None
        if att is not None:
            att = _source(att, self.lang)
            speaker, mention = self.speaker_of(att)
            if mention is None:
                att = None
        if att is not None:
            f = _Found(q, QuoteKind.DIRECT, speaker, att.cue, att.start, att.end)
        elif q.single or short or (
            # quoted words inside the writer's own sentence that no one is said to say are a
            # title or a term ("on CBS’ “Face the Nation.”", a list of "buzzwords")
            _LETTER.search(text, before_start, q.start) is not None
            and not has_cue(text[before_start : q.start], self.lang)
        ):
            f = _Found(q, QuoteKind.SCARE, None, None, None, None)
        else:
            # No speaker named here: a quote right after a sentence about a named person is
            # theirs ("Durning did not need coaxing. “I'm thankful ...”"); a split quote keeps
            # the paragraph's speaker, a quote standing alone the paragraph before's.
            subject = self.subject_between(max(ps, prev_end), q.start)
            speaker = subject.name if subject else para_speaker or self.last_speaker
            f = _Found(q, QuoteKind.DIRECT, speaker, None, None, None)
        if f.kind is QuoteKind.DIRECT and f.speaker:
            self.last_speaker = f.speaker
        self.found.append(f)
        if att is not None and att.start > q.end:
            # to the sentence's end: the words may quote the speaker again ('adding that it
            # has “tremendous influence”')
            self.continuation(f, att.end, se, conjunctions=False)
        return f

    def continuation(self, f: _Found, start: int, end: int, conjunctions: bool) -> None:
        """The speaker's next words after the cue that closed ``f`` (``text[start:end]`` is what
        follows the speaker's name), as a report of their own. After a quotation only a
        participle carries on ('"...," he said, adding that ...'): a "but" there is the
        writer's."""
        m = _CONTINUATION.match(self.text, start, end)
        if m is None or not (m.group("participle") or conjunctions):
            return
        if m.group("verb") and m.group("verb") not in self.lex.cue_forms:
            return
        if len(m.group("rest").split(None, _MIN_CONTINUATION_WORDS - 1)) < _MIN_CONTINUATION_WORDS:
            return
        cue = m.group("participle") or f.cue
        self.continued = m.span("rest")
        self.found.append(_Found(QuotedSpan(m.start("rest"), m.end("rest"), False, False),
                                 QuoteKind.INDIRECT, f.speaker, cue, f.speaker_start,
                                 f.speaker_end))

    def people_in(self, start: int, end: int) -> list[Person]:
        """The people named in ``text[start:end]``."""
        i = bisect.bisect_left(self.mentions, start, key=lambda m: m[0])
        found = []
        while i < len(self.mentions) and self.mentions[i][0] < end:
            found.append(self.mentions[i][1])
            i += 1
        return found

    def subject_between(self, start: int, end: int) -> Person | None:
        """The last person named as a sentence's subject in ``text[start:end]``."""
        i = bisect.bisect_left(self.mentions, start, key=lambda m: m[0])
        found = None
        while i < len(self.mentions) and self.mentions[i][0] < end:
            _, person, subject = self.mentions[i]
            if subject and person.is_person:
                found = person
            i += 1
        return found

    def subject_description(self, ss: int) -> None:
        """A sentence opening with "The officer ..." is about the officer the article
        introduced: later pronouns mean them. One opening with a plural body ("The Liberals
        say") makes that body what a later "they" means."""
        # (only where a "they" follows soon: the pattern costs, and most sentences have none)
        k = bisect.bisect_left(self.they_at, ss)
        plural = (_PLURAL_SUBJECT.match(self.text, ss)
                  if k < len(self.they_at) and self.they_at[k] - ss < _THEY_REACH else None)
        if plural is not None:
            self.plural_subject(plural.group("np"), plural.group("head").lower(), ss)
        m = _DEFINITE_SUBJECT.match(self.text, ss)
        if m is None:
            return
        # "The officer who spoke ...", "The young officer ...": the first role word
        role = next((w for w in m.group(1).lower().split() if w in self.lex.titles), None)
        if role is None:
            return
        self.advance(ss)
        # the people lately named, then the last hundred introduced (bounded: long texts)
        for p in [q for q, _ in reversed(self.people.recent)] + self.people.people[:-101:-1]:
            if role in p.roles and p.is_person:
                self.people.mentioned(p, True)
                return

    def plural_subject(self, np: str, head: str, pos: int) -> None:
        """Note the body ``np`` (its last word ``head``) as a sentence's subject, if it is one:
        a group noun ("officials"), a role's plural ("senators") or a capitalised plural after
        "the" ("the Democrats"), not "The results" or "Ambulances"."""
        singular = head[:-1]
        capitalised = np.split()[-1][0].isupper()
        if not (head in self.lex.groups or singular in self.lex.titles
                or (capitalised and np[:4].lower() == "the " and head not in self.stop)):
            return
        if capitalised and " " not in np and head not in self.lex.groups and (
                singular not in self.lex.titles):
            return  # one capitalised word opening a sentence may be any noun
        self.advance(pos)
        body = self.people.introduce(np, pos, (head,), "p", named=False)
        self.people.mentioned(body, True)

    def is_title(self, q: QuotedSpan) -> bool:
        """A capitalised name in quotes inside the writer's sentence: a title or a brand
        ("the “Activate” project", "NBC’s “Today” show")."""
        text = self.text
        if q.start < 2 or text[q.start - 1] != " " or not text[q.start - 2].isalpha():
            return False
        inner = text[q.start + 1 : q.end - 1]
        words = _WORDS.findall(inner)
        return (0 < len(words) <= SCARE_MAX_WORDS and words[0][0].isupper()
                and not re.search(r"[.!?,]", inner)
                and text[max(0, q.start - 20) : q.start].split()[-1].lower()
                not in self.lex.cue_forms)

    def is_partial(self, q: QuotedSpan) -> bool:
        """A few quoted words woven into the writer's own sentence ("called the plan
        “a bad deal” for farmers"), not introduced by a speech verb."""
        text = self.text
        if q.single or q.start < 2 or text[q.start - 1] != " ":
            return False
        if not (text[q.start - 2].islower() or text[q.start - 2] in ",;—–-" or
                text[q.start - 2].isdigit()):
            return False
        first = _WORDS.search(text, q.start, q.end)
        if first is None or not first.group()[0].islower():
            return False
        before = text[max(0, q.start - 20) : q.start].split()
        return not before or before[-1].lower() not in self.lex.cue_forms

    def indirect(self, ss: int, se: int) -> _Found | None:
        for r in reported_speech(self.text, ss, se):
            att = _source(Attribution(r.speaker_text, r.speaker_start, r.speaker_end, r.cue),
                          self.lang)
            mention = _mention_of(att, self.lang)
            if mention is not None:
                break
        else:
            return None
        headline = self.headlines.contains(ss)
        if headline:
            # a headline ("Witness says water surged inland") is reported speech too, but it
            # names its speaker loosely and is not part of the story's thread of speakers; a
            # pronoun there ("He has not decided, he says") points at nobody it can name
            speaker: str | None = (
                None if mention.kind == "pronoun" else mention.name or mention.text
            )
        else:
            before = (r.start, r.end) if r.end < att.start else None
            speaker, _ = self.speaker_of(att, before)
            self.last_speaker = speaker
        span = QuotedSpan(r.start, r.end, False, False)
        f = _Found(span, QuoteKind.INDIRECT, speaker, r.cue, att.start, att.end)
        if r.end < att.start and not headline:
            self.continuation(f, att.end, se, conjunctions=True)
        second = _SECOND_REPORT.search(self.text, r.start, r.end)
        if second is not None and second.start() - r.start > 12 and r.end - second.end() > 12:
            # "Lee argued that A, noting B" / "Lee said A, he believed B": two reports of
            # the one speaker, each its own clause; "According to EHS, A, but Chapman says
            # B": the second has a speaker of its own
            first = _Found(QuotedSpan(r.start, second.start(), False, False), QuoteKind.INDIRECT,
                           speaker, r.cue, att.start, att.end)
            cue = (second.group("verb") or second.group("participle")
                   or second.group("named_verb")).lower()
            second_speaker, s_start, s_end = speaker, att.start, att.end
            if second.group("name") and not headline:
                named = Attribution(second.group("name"), second.start("name"),
                                    second.end("name"), cue)
                if _mention_of(named, self.lang) is not None:
                    second_speaker, _ = self.speaker_of(named)
                    s_start, s_end = named.start, named.end
                    self.last_speaker = second_speaker
            self.found.append(first)
            self.found.append(_Found(QuotedSpan(second.end(), r.end, False, False),
                                     QuoteKind.INDIRECT, second_speaker, cue, s_start, s_end))
            return f
        self.found.append(f)
        return f

    def pull_quote(self, q: QuotedSpan, pe: int) -> _Found:
        label = self.text[q.end : pe].strip(" .")
        f = _Found(q, QuoteKind.DIRECT, label, None, None, None)
        f.cue = "pull"  # marked for merging once the whole text is read
        self.found.append(f)
        return f

    def quotes(self) -> list[Quote]:
        text = self.text
        # the words of every other quote, read only when there is a pull quote to compare
        bodies = [
            set(_WORDS.findall(text[f.span.start : f.span.end].lower()))
            for f in self.found
            if f.cue != "pull"
        ] if any(f.cue == "pull" for f in self.found) else []
        out: list[Quote] = []
        for f in self.found:
            if f.cue == "pull":
                words = set(_WORDS.findall(text[f.span.start : f.span.end].lower()))
                if any(len(words & b) >= 0.6 * len(words) for b in bodies):
                    continue  # the same words are in the body: one quote, not two
                f.cue = None
            out.append(
                Quote(f.span.start, f.span.end, text[f.span.start : f.span.end], f.kind,
                      f.speaker, f.cue, f.speaker_start, f.speaker_end)
            )
        out.sort(key=lambda q: (q.start, q.end))
        return out


def extract_quotes(text: str, lang: str = "en") -> list[Quote]:
    """Every quotation in ``text``: direct (span with its marks), indirect (the reported clause)
    and scare quotes, with speaker and cue where the text gives them, sorted by start."""
    return _Reader(text, lang).run()
