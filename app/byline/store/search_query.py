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


def first_match(text: str, terms: list[Term]) -> int | None:
    """Where the earliest of ``terms`` first appears in ``text`` (ignoring case), if anywhere.

    FTS5 stems and folds accents, so a hit may have no literal match; then this says None."""
    best: int | None = None
    for term in terms:
        pattern = r"\W+".join(re.escape(w) for w in term.words)
        if not term.prefix:
            pattern += r"(?!\w)"
        found = re.search(r"(?<!\w)" + pattern, text, re.IGNORECASE)
        if found and (best is None or found.start() < best):
            best = found.start()
    return best
