"""What a reader's selection means as a passage to highlight: the words it touches, whole.

A mouse drag that starts or ends a letter or two inside a word ("r and resigned his") is
almost never meant that way; reading apps widen it to the word, and a highlight that cuts a
word reads badly in an export or a quote check. White space at either end is dropped."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar


class _Passage(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


P = TypeVar("P", bound=_Passage)


def innermost_at(passages: Iterable[P], offset: int) -> P | None:
    """The shortest of the passages (highlights, quotes) that hold a text offset: the one a
    reader points at when they nest."""
    around = [p for p in passages if p.start <= offset < p.end]
    return min(around, key=lambda p: p.end - p.start, default=None)

# Inside a word these join letters: don't, Tabalov's, ex-officer.
_JOINERS = frozenset("'’-\u2010\u2011")


def _in_word(text: str, i: int) -> bool:
    """Whether the character at ``i`` belongs to a word (a letter or digit, or a joiner
    between two of them)."""
    if not 0 <= i < len(text):
        return False
    c = text[i]
    if c.isalnum():
        return True
    return (
        c in _JOINERS
        and 0 < i < len(text) - 1
        and text[i - 1].isalnum()
        and text[i + 1].isalnum()
    )


def passage_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span to highlight for a selection of ``text[start:end]``: trimmed of white space,
    and widened to the start and end of any word it cuts. None when nothing but white space
    was selected."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    while start > 0 and _in_word(text, start) and _in_word(text, start - 1):
        start -= 1
    while end < len(text) and _in_word(text, end - 1) and _in_word(text, end):
        end += 1
    return start, end
