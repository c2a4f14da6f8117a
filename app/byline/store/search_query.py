"""Turning what a journalist types into a safe FTS5 query, and finding the first match in a text.

Every term is quoted, so FTS5 operators typed by accident (``AND``, ``NEAR(``, ``col:x``, a lone
``"``) are searched for as words instead of raising a syntax error. Supported on purpose: a
``"quoted phrase"`` and a trailing ``*`` for a prefix (``journ*``). Terms are ANDed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A quoted phrase (the closing quote may be missing) or a run of non-space characters.
_TOKEN = re.compile(r'"([^"]*)"?|([^\s"]+)')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # the words of a phrase, or one word
    prefix: bool = False


def parse_query(query: str) -> list[Term]:
    """The terms of a user's query; punctuation-only pieces are dropped."""
    terms: list[Term] = []
    for match in _TOKEN.finditer(query):
        phrase, bare = match.group(1), match.group(2)
        raw = phrase if phrase is not None else bare
        prefix = raw.rstrip().endswith("*")
        words = tuple(_WORD.findall(raw))
        if words:
            terms.append(Term(words, prefix))
    return terms


def fts_expression(terms: list[Term]) -> str:
    """An FTS5 MATCH expression that ANDs the terms, each as a quoted string."""
    parts = []
    for term in terms:
        quoted = '"' + " ".join(term.words).replace('"', '""') + '"'
        parts.append(quoted + ("*" if term.prefix else ""))
    return " ".join(parts)


def match_pattern(terms: list[Term]) -> re.Pattern[str]:
    """A regex matching any of ``terms`` literally in a text, ignoring case, on word edges.

    FTS5 also stems words and folds accents, so an index hit may have no literal match here;
    callers treat that as "position unknown"."""
    alternatives = []
    for term in terms:
        pattern = r"\W+".join(re.escape(w) for w in term.words)
        alternatives.append(pattern + (r"\w*" if term.prefix else r"(?!\w)"))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


def first_match(text: str, terms: list[Term]) -> int | None:
    """Where the earliest of ``terms`` first appears in ``text`` (ignoring case), if anywhere."""
    found = match_pattern(terms).search(text)
    return found.start() if found else None


_LOOKAROUND = 240  # characters scanned either side of a match to find whole words


def make_snippet(
    text: str, pattern: re.Pattern[str], first: re.Match[str], tokens: int, marks: tuple[str, str]
) -> str:
    """About ``tokens`` words of ``text`` from a little before the match ``first``, with every
    match of ``pattern`` in them wrapped in ``marks``, "…" where the text was cut, and runs of
    whitespace folded so the snippet fits on one line.

    Done here rather than by FTS5's snippet(), which tokenises the whole document again for
    each hit: for a page of long articles that was most of the time a search took."""
    lead = max(1, tokens // 4)
    scan_from = max(0, first.start() - _LOOKAROUND)
    before = list(_WORD.finditer(text, scan_from, first.start()))
    if len(before) < lead and scan_from == 0:
        start = 0
    elif before:
        start = before[-min(lead, len(before))].start()
    else:
        start = first.start()
    end = first.end()
    for count, word in enumerate(_WORD.finditer(text, start, first.end() + _LOOKAROUND), 1):
        end = max(end, word.end())
        if count >= tokens:
            break
    opening, closing = marks
    marked = pattern.sub(lambda m: opening + m.group(0) + closing, text[start:end])
    return ("…" if start > 0 else "") + " ".join(marked.split()) + ("…" if end < len(text) else "")
